// Commands on child links: which parents a child has (birth, adoptive,
// foster, step), twins, and the user's drag of a sibling.

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Siblings.h"

#include "CommandsShared.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace kartbok::genogram {

namespace {

bool SameParents(const ChildLink& a, const ChildLink& b) {
    return a.parents == b.parents && a.singleParent == b.singleParent;
}

/// The parents a link names ("the couple", or the one parent), checked.
std::vector<PersonId> CheckedParents(const Family& family, const ChildLink& value,
                                     const std::string& subject) {
    if (value.parents != kNoId && value.singleParent != kNoId)
        throw CommandError("A child hangs either from a couple or from one parent, not both.");
    if (value.parents != kNoId) {
        const Union* u = family.FindUnion(value.parents);
        if (!u)
            throw CommandError("The new parents of " + subject +
                               " are no longer in the family map.");
        return {u->partnerA, u->partnerB};
    }
    if (value.singleParent != kNoId) {
        if (!family.FindPerson(value.singleParent))
            throw CommandError("The new parent of " + subject + " is no longer in the family map.");
        return {value.singleParent};
    }
    throw CommandError("Choose the parents of " + subject + ".");
}

/// Index of the link `replace` stands for: the link to those parents, or the
/// primary link for kNoId; nullopt when the child has none.
std::optional<std::size_t> LinkToReplace(const Family& family, PersonId child, Id replace) {
    const ChildLink* primary = family.ChildLinkOf(child);
    for (std::size_t i = 0; i < family.children.size(); ++i) {
        const ChildLink& c = family.children[i];
        if (c.child != child)
            continue;
        if (replace == kNoId
                ? &c == primary
                : (c.parents == replace || (c.parents == kNoId && c.singleParent == replace)))
            return i;
    }
    if (replace != kNoId)
        throw CommandError("That family link is no longer in the family map.");
    return std::nullopt;
}

/// Checks a link against the child's other links and the family, fills in
/// entry order and pin for a child new to that sibship. `skip` is the link
/// being replaced (its own old value does not count).
ChildLink Prepared(const Family& family, PersonId child, ChildLink value,
                   std::optional<std::size_t> skip, const std::string& subject) {
    value.child = child;
    for (PersonId p : CheckedParents(family, value, subject))
        if (p == child || IsAncestorOf(family, child, p))
            throw CommandError(subject + " cannot be their own ancestor.");
    for (std::size_t i = 0; i < family.children.size(); ++i) {
        const ChildLink& c = family.children[i];
        if (c.child != child || (skip && i == *skip))
            continue;
        if (SameParents(c, value))
            throw CommandError(subject + " is already a child of these parents.");
        if (c.kind == ChildKind::Biological && value.kind == ChildKind::Biological)
            throw CommandError(subject + " already has birth parents; choose adoptive, foster "
                                         "or step for these.");
    }
    if (!skip || !SameParents(family.children[*skip], value)) {
        // New in this sibship: entered last, no dragged place yet.
        int next = 0;
        for (const auto& c : family.children)
            if (c.child != child && SameParents(c, value))
                next = std::max(next, c.birthOrder + 1);
        value.birthOrder = next;
        value.pinnedPosition = -1;
    }
    return value;
}

} // namespace

// ---- SetChildLink ----------------------------------------------------------

SetChildLink::SetChildLink(PersonId child, ChildLink newValue, Id currentParents)
    : m_child(child), m_value(std::move(newValue)), m_current(currentParents) {}

void SetChildLink::DoApply(Family& family, EditLog& log) {
    if (!family.FindPerson(m_child))
        throw CommandError("The child to edit is no longer in the family map.");
    m_subject = NameOrUnnamed(family, m_child);
    auto index = LinkToReplace(family, m_child, m_current);
    ChildLink value = Prepared(family, m_child, m_value, index, m_subject);
    if (index)
        log.Assign(family, &Family::children, *index, value);
    else
        log.Append(family, &Family::children, value);
}

std::string SetChildLink::Describe() const {
    return "Edit parents of " + m_subject;
}

// ---- AddChildLink ----------------------------------------------------------

AddChildLink::AddChildLink(PersonId child, ChildLink link)
    : m_child(child), m_link(std::move(link)) {}

void AddChildLink::DoApply(Family& family, EditLog& log) {
    if (!family.FindPerson(m_child))
        throw CommandError("The child to give parents to is no longer in the family map.");
    m_subject = NameOrUnnamed(family, m_child);
    log.Append(family, &Family::children,
               Prepared(family, m_child, m_link, std::nullopt, m_subject));
}

std::string AddChildLink::Describe() const {
    return "Add parents of " + m_subject;
}

// ---- AddBirthParents -------------------------------------------------------

AddBirthParents::AddBirthParents(PersonId child) : m_child(child) {}

void AddBirthParents::DoApply(Family& family, EditLog& log) {
    if (!family.FindPerson(m_child))
        throw CommandError("The person to give birth parents to is no longer in the family map.");
    m_subject = NameOrUnnamed(family, m_child);
    const Union u = detail::AddUnknownParents(family, log, UnionKind::Dating, false);
    ChildLink link;
    link.parents = u.id;
    link.kind = ChildKind::Biological;
    log.Append(family, &Family::children, Prepared(family, m_child, link, std::nullopt, m_subject));
    m_created = u.partnerB; // the birth mother
}

std::string AddBirthParents::Describe() const {
    return "Add birth parents of " + m_subject;
}

// ---- SetTwins --------------------------------------------------------------

SetTwins::SetTwins(std::vector<PersonId> children, TwinKind kind)
    : m_children(std::move(children)), m_kind(kind) {}

void SetTwins::DoApply(Family& family, EditLog& log) {
    std::set<PersonId> chosen(m_children.begin(), m_children.end());
    if (m_kind != TwinKind::None && chosen.size() < 2)
        throw CommandError("Choose at least two siblings to make them twins.");
    std::vector<std::size_t> links;
    for (PersonId c : chosen) {
        const ChildLink* link = family.ChildLinkOf(c);
        if (!family.FindPerson(c) || !link)
            throw CommandError("Only siblings with parents on the map can be twins.");
        if (!links.empty() && !SameParents(family.children[links.front()], *link))
            throw CommandError("Twins must have the same parents on the map.");
        links.push_back(static_cast<std::size_t>(link - family.children.data()));
    }
    m_subject = NameOrUnnamed(family, *chosen.begin());
    const Id group = m_kind == TwinKind::None ? kNoId : family.NewId();
    std::set<Id> oldGroups;
    for (std::size_t i : links) {
        ChildLink c = family.children[i];
        if (c.twinGroup != kNoId)
            oldGroups.insert(c.twinGroup);
        c.twinGroup = group;
        c.twinKind = m_kind;
        log.Assign(family, &Family::children, i, c);
    }
    // A group the chosen ones left with a single member is no group any more.
    for (Id old : oldGroups) {
        std::vector<std::size_t> left;
        for (std::size_t i = 0; i < family.children.size(); ++i)
            if (family.children[i].twinGroup == old)
                left.push_back(i);
        if (left.size() == 1) {
            ChildLink c = family.children[left.front()];
            c.twinGroup = kNoId;
            c.twinKind = TwinKind::None;
            log.Assign(family, &Family::children, left.front(), c);
        }
    }
}

std::string SetTwins::Describe() const {
    return m_kind == TwinKind::None ? "Undo twins of " + m_subject : "Make twins of " + m_subject;
}

// ---- AddTwin ---------------------------------------------------------------

AddTwin::AddTwin(PersonId child, TwinKind kind, Gender gender)
    : m_child(child), m_kind(kind), m_gender(gender) {}

void AddTwin::DoApply(Family& family, EditLog& log) {
    if (!family.FindPerson(m_child))
        throw CommandError("The person to add a twin to is no longer in the family map.");
    if (m_kind == TwinKind::None)
        throw CommandError("Choose identical or fraternal twins.");
    m_subject = NameOrUnnamed(family, m_child);
    // Like a sibling: someone without parents on the map gets unknown ones.
    UnionId madeParents = kNoId;
    const std::size_t at = detail::LinkWithParents(family, log, m_child, madeParents);
    const ChildLink* link = &family.children[at];
    const Person* child = family.FindPerson(m_child);
    Person twin;
    twin.id = family.NewId();
    twin.gender = m_kind == TwinKind::Identical ? child->gender : m_gender;
    twin.birth = child->birth;
    twin.surname = child->surname;
    ChildLink tl = *link;
    tl.child = twin.id;
    tl.pinnedPosition = -1;
    int next = 0;
    for (const ChildLink& c : family.children)
        if (SameParents(c, *link))
            next = std::max(next, c.birthOrder + 1);
    tl.birthOrder = next;
    ChildLink own = *link;
    if (own.twinGroup == kNoId)
        own.twinGroup = family.NewId();
    else if (m_kind != own.twinKind) // triplets of one kind: the new one sets it for all
        for (std::size_t i = 0; i < family.children.size(); ++i)
            if (i != at && family.children[i].twinGroup == own.twinGroup) {
                ChildLink c = family.children[i];
                c.twinKind = m_kind;
                log.Assign(family, &Family::children, i, c);
            }
    own.twinKind = m_kind;
    tl.twinGroup = own.twinGroup;
    tl.twinKind = m_kind;
    m_created = twin.id;
    log.Assign(family, &Family::children, at, own);
    log.Append(family, &Family::people, std::move(twin));
    log.Append(family, &Family::children, tl);
}

std::string AddTwin::Describe() const {
    return "Add twin of " + m_subject;
}

// ---- MoveChild -------------------------------------------------------------

MoveChild::MoveChild(PersonId child, int newPosition) : m_child(child), m_position(newPosition) {}

void MoveChild::DoApply(Family& family, EditLog& log) {
    const ChildLink* link = family.ChildLinkOf(m_child);
    if (!link)
        throw CommandError("This person has no parents, so no birth order.");
    m_subject = NameOrUnnamed(family, m_child);
    std::vector<const ChildLink*> sibship;
    for (const ChildLink& c : family.children)
        if (SameParents(c, *link) && family.ChildLinkOf(c.child) == &c)
            sibship.push_back(&c);
    if (m_position < 0 || m_position >= static_cast<int>(sibship.size()))
        throw CommandError("There is no place " + std::to_string(m_position + 1) +
                           " among the siblings of " + m_subject + ".");
    // Where birth order alone would put the child: no pin needed there.
    ChildLink unpinned = *link;
    unpinned.pinnedPosition = -1;
    Family probe;
    for (const ChildLink* c : sibship)
        probe.children.push_back(c == link ? unpinned : *c);
    std::vector<const ChildLink*> probeLinks;
    for (const ChildLink& c : probe.children)
        probeLinks.push_back(&c);
    auto order = SiblingOrder(probeLinks, [&](PersonId id) { return family.FindPerson(id); });
    auto natural = std::find_if(order.begin(), order.end(),
                                [&](const ChildLink* c) { return c->child == m_child; }) -
                   order.begin();
    ChildLink moved = *link;
    moved.pinnedPosition = natural == m_position ? -1 : m_position;
    if (!(moved == *link))
        log.Assign(family, &Family::children,
                   static_cast<std::size_t>(link - family.children.data()), moved);
}

std::string MoveChild::Describe() const {
    return "Change birth order of " + m_subject;
}

} // namespace kartbok::genogram
