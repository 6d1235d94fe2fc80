// Commands that add or remove people, plus the EditLog machinery they share.

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Queries.h"

#include "CommandsShared.h"

#include <algorithm>
#include <optional>

namespace kartbok::genogram {

void EditLog::Begin(const Family& family) {
    m_undo.clear();
    m_nextId = family.nextId;
}

void EditLog::Undo(Family& family) {
    for (auto it = m_undo.rbegin(); it != m_undo.rend(); ++it)
        (*it)(family);
    m_undo.clear();
    family.nextId = m_nextId;
}

void LoggedCommand::Apply(Family& family) {
    m_log.Begin(family);
    try {
        DoApply(family, m_log);
    } catch (...) {
        m_log.Undo(family);
        throw;
    }
}

void LoggedCommand::Revert(Family& family) {
    m_log.Undo(family);
}

namespace {

std::optional<std::size_t> LinkIndex(const Family& f, PersonId child) {
    for (std::size_t i = 0; i < f.children.size(); ++i)
        if (f.children[i].child == child)
            return i;
    return std::nullopt;
}

const Person& RequirePerson(const Family& f, PersonId id, const char* what) {
    const Person* p = f.FindPerson(id);
    if (!p)
        throw CommandError(std::string("The person to ") + what +
                           " is no longer in the family map.");
    return *p;
}

/// The next time-order slot after every union of these people.
int NextUnionOrder(const Family& f, PersonId a, PersonId b) {
    int next = 0;
    for (const auto& u : f.unions)
        if (u.partnerA == a || u.partnerB == a || u.partnerA == b || u.partnerB == b)
            next = std::max(next, u.order + 1);
    return next;
}

/// Man left, woman right (docs/design.md, "The family map"); otherwise the existing person left.
std::pair<PersonId, PersonId> CoupleOrder(const Person& existing, const Person& added) {
    bool addedLeft = (added.gender == Gender::Man && existing.gender != Gender::Man) ||
                     (existing.gender == Gender::Woman && added.gender != Gender::Woman);
    return addedLeft ? std::pair{added.id, existing.id} : std::pair{existing.id, added.id};
}

/// Birth order after every child of the same union or single parent.
int NextBirthOrder(const Family& f, UnionId parents, PersonId singleParent) {
    int next = 0;
    for (const auto& c : f.children) {
        bool same = parents != kNoId ? c.parents == parents
                                     : (c.parents == kNoId && c.singleParent == singleParent);
        if (same)
            next = std::max(next, c.birthOrder + 1);
    }
    return next;
}

Person Fresh(Person p, Family& f) {
    p.id = f.NewId();
    p.isIndex = false;
    return p;
}

/// Adds a new person (a fresh copy of `person`) as the youngest of the
/// sibship `link` names. Returns the new person's id.
PersonId AddYoungest(Family& family, EditLog& log, const Person& person, ChildLink link) {
    link.birthOrder = NextBirthOrder(family, link.parents, link.singleParent);
    Person child = Fresh(person, family);
    link.child = child.id;
    log.Append(family, &Family::people, std::move(child));
    log.Append(family, &Family::children, link);
    return link.child;
}

const char* KindWord(PersonKind kind) {
    switch (kind) {
    case PersonKind::Pregnancy:
        return "pregnancy";
    case PersonKind::Miscarriage:
        return "miscarriage";
    case PersonKind::Abortion:
        return "abortion";
    case PersonKind::Stillbirth:
        return "stillbirth";
    default:
        return "child";
    }
}

} // namespace

std::size_t detail::LinkWithParents(Family& family, EditLog& log, PersonId person,
                                    UnionId& createdUnion) {
    createdUnion = kNoId;
    const auto linkIndex = LinkIndex(family, person);
    if (linkIndex && (family.children[*linkIndex].parents != kNoId ||
                      family.children[*linkIndex].singleParent != kNoId))
        return *linkIndex;
    createdUnion = AddUnknownParents(family, log, UnionKind::Marriage, /*placeholders=*/true).id;
    ChildLink own;
    own.child = person;
    if (linkIndex)
        own = family.children[*linkIndex];
    own.parents = createdUnion;
    own.singleParent = kNoId;
    own.birthOrder = 0;
    if (linkIndex) {
        log.Assign(family, &Family::children, *linkIndex, own);
        return *linkIndex;
    }
    log.Append(family, &Family::children, own);
    return family.children.size() - 1;
}

// ---- AddPerson -------------------------------------------------------------

AddPerson::AddPerson(Person person) : m_person(std::move(person)) {}

void AddPerson::DoApply(Family& family, EditLog& log) {
    Person p = Fresh(m_person, family);
    m_created = p.id;
    log.Append(family, &Family::people, std::move(p));
}

std::string AddPerson::Describe() const {
    return m_person.kind == PersonKind::SignificantOther ? "Add significant other" : "Add person";
}

// ---- AddParent -------------------------------------------------------------

AddParent::AddParent(PersonId child, Gender gender, Person parent, UnionKind kind)
    : m_child(child), m_parent(std::move(parent)), m_kind(kind) {
    m_parent.gender = gender;
}

void AddParent::DoApply(Family& family, EditLog& log) {
    RequirePerson(family, m_child, "add a parent to");
    m_subject = NameOrUnnamed(family, m_child);
    auto linkIndex = LinkIndex(family, m_child);
    if (linkIndex && family.children[*linkIndex].parents != kNoId)
        throw CommandError(m_subject + " already has two parents.");
    PersonId existing = linkIndex ? family.children[*linkIndex].singleParent : kNoId;
    if (existing != kNoId && !family.FindPerson(existing))
        throw CommandError("The parent of " + m_subject + " is missing from the family map.");

    Person parent = Fresh(m_parent, family);
    m_created = parent.id;
    m_createdUnion = kNoId;
    if (existing == kNoId) {
        ChildLink link;
        link.child = m_child;
        link.singleParent = parent.id;
        link.birthOrder = NextBirthOrder(family, kNoId, parent.id);
        log.Append(family, &Family::people, std::move(parent));
        if (linkIndex) // a link with neither parent set: repair it
            log.Assign(family, &Family::children, *linkIndex, link);
        else
            log.Append(family, &Family::children, link);
        return;
    }
    Union u;
    u.id = family.NewId();
    u.kind = m_kind;
    u.order = NextUnionOrder(family, existing, parent.id);
    std::tie(u.partnerA, u.partnerB) = CoupleOrder(*family.FindPerson(existing), parent);
    ChildLink link = family.children[*linkIndex];
    link.parents = u.id;
    link.singleParent = kNoId;
    link.birthOrder = 0;
    m_createdUnion = u.id;
    log.Append(family, &Family::people, std::move(parent));
    log.Append(family, &Family::unions, u);
    log.Assign(family, &Family::children, *linkIndex, link);
}

std::string AddParent::Describe() const {
    const char* role = m_parent.gender == Gender::Man     ? "father"
                       : m_parent.gender == Gender::Woman ? "mother"
                                                          : "parent";
    return std::string("Add ") + role + " to " + m_subject;
}

// ---- AddPartner ------------------------------------------------------------

AddPartner::AddPartner(PersonId person, Person partner, UnionKind kind)
    : m_person(person), m_partner(std::move(partner)), m_kind(kind) {}

void AddPartner::DoApply(Family& family, EditLog& log) {
    const Person& person = RequirePerson(family, m_person, "add a partner to");
    m_subject = NameOrUnnamed(family, m_person);
    if (person.kind != PersonKind::Person && person.kind != PersonKind::SignificantOther)
        throw CommandError("A pregnancy or pregnancy loss cannot have a partner.");
    Person partner = Fresh(m_partner, family);
    Union u;
    u.id = family.NewId();
    u.kind = m_kind;
    u.order = NextUnionOrder(family, m_person, partner.id);
    std::tie(u.partnerA, u.partnerB) = CoupleOrder(person, partner);
    m_created = partner.id;
    m_createdUnion = u.id;
    log.Append(family, &Family::people, std::move(partner));
    log.Append(family, &Family::unions, u);
}

std::string AddPartner::Describe() const {
    return "Add partner to " + m_subject;
}

// ---- AddChild --------------------------------------------------------------

AddChild::AddChild(Id parents, Person child, ChildKind kind)
    : m_parents(parents), m_child(std::move(child)), m_kind(kind) {}

void AddChild::DoApply(Family& family, EditLog& log) {
    ChildLink link;
    link.kind = m_kind;
    if (const Union* u = family.FindUnion(m_parents)) {
        m_subject =
            NameOrUnnamed(family, u->partnerA) + " and " + NameOrUnnamed(family, u->partnerB);
        link.parents = u->id;
    } else if (const Person* p = family.FindPerson(m_parents)) {
        m_subject = NameOrUnnamed(family, p->id);
        if (p->kind != PersonKind::Person && p->kind != PersonKind::SignificantOther)
            throw CommandError("A pregnancy or pregnancy loss cannot have children.");
        link.singleParent = p->id;
    } else {
        throw CommandError("The parents of the new child are no longer in the family map.");
    }
    m_created = AddYoungest(family, log, m_child, link);
}

std::string AddChild::Describe() const {
    return std::string("Add ") + KindWord(m_child.kind) + " to " + m_subject;
}

// ---- AddSibling ------------------------------------------------------------

AddSibling::AddSibling(PersonId person, Person sibling, ChildKind kind)
    : m_person(person), m_sibling(std::move(sibling)), m_kind(kind) {}

void AddSibling::DoApply(Family& family, EditLog& log) {
    RequirePerson(family, m_person, "add a sibling to");
    m_subject = NameOrUnnamed(family, m_person);
    const ChildLink& own =
        family.children[detail::LinkWithParents(family, log, m_person, m_createdUnion)];
    ChildLink link;
    link.kind = m_kind;
    link.parents = own.parents;
    link.singleParent = own.singleParent;
    m_created = AddYoungest(family, log, m_sibling, link);
}

std::string AddSibling::Describe() const {
    return "Add sibling to " + m_subject;
}

// ---- RemovePerson ----------------------------------------------------------

RemovePerson::RemovePerson(PersonId person) : m_person(person) {}

void RemovePerson::DoApply(Family& family, EditLog& log) {
    const std::size_t personIndex = detail::IndexOf(family.people, m_person, "person to remove");
    m_subject = NameOrUnnamed(family, m_person);
    const PersonId id = m_person;

    // Erase from the back so the indexes still to visit stay valid.
    for (std::size_t i = family.relations.size(); i-- > 0;)
        if (family.relations[i].from == id || family.relations[i].to == id)
            log.Erase(family, &Family::relations, i);

    for (std::size_t i = 0; i < family.households.size(); ++i) {
        const auto& members = family.households[i].members;
        if (std::find(members.begin(), members.end(), id) == members.end())
            continue;
        Household h = family.households[i];
        h.members.erase(std::remove(h.members.begin(), h.members.end(), id), h.members.end());
        log.Assign(family, &Family::households, i, std::move(h));
    }

    // Their own place as a child, and children hanging from them alone.
    for (std::size_t i = family.children.size(); i-- > 0;) {
        const ChildLink& c = family.children[i];
        if (c.child == id || (c.parents == kNoId && c.singleParent == id))
            log.Erase(family, &Family::children, i);
    }

    // Unions: the children stay, with the other partner as single parent.
    for (std::size_t u = family.unions.size(); u-- > 0;) {
        const Union un = family.unions[u];
        if (un.partnerA != id && un.partnerB != id)
            continue;
        PersonId other = un.partnerA == id ? un.partnerB : un.partnerA;
        for (std::size_t i = family.children.size(); i-- > 0;) {
            if (family.children[i].parents != un.id)
                continue;
            if (other == kNoId || other == id) {
                log.Erase(family, &Family::children, i);
                continue;
            }
            ChildLink c = family.children[i];
            c.parents = kNoId;
            c.singleParent = other;
            // A child already linked to the other partner alone keeps that link.
            bool twice = std::any_of(
                family.children.begin(), family.children.end(), [&](const ChildLink& o) {
                    return o.child == c.child && o.parents == kNoId && o.singleParent == other;
                });
            if (twice)
                log.Erase(family, &Family::children, i);
            else
                log.Assign(family, &Family::children, i, c);
        }
        log.Erase(family, &Family::unions, u);
    }

    log.Erase(family, &Family::people, personIndex);
}

std::string RemovePerson::Describe() const {
    return "Remove " + m_subject;
}

} // namespace kartbok::genogram
