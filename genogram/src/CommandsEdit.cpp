// Commands that change fields of existing people, unions and child links.

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Queries.h"

#include <algorithm>
#include <optional>

namespace kartbok::genogram {

namespace {

template <class T> std::optional<std::size_t> IndexById(const std::vector<T>& v, Id id) {
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i].id == id)
            return i;
    return std::nullopt;
}

std::optional<std::size_t> LinkIndex(const Family& f, PersonId child) {
    for (std::size_t i = 0; i < f.children.size(); ++i)
        if (f.children[i].child == child)
            return i;
    return std::nullopt;
}

/// Whether two versions of a person differ in anything a therapist typed
/// (placeholder flag and nudge are bookkeeping, not content).
bool ContentDiffers(Person a, Person b) {
    a.placeholder = b.placeholder = false;
    a.nudgeX = b.nudgeX = 0;
    return !(a == b);
}

bool SameSibship(const ChildLink& a, const ChildLink& b) {
    if (a.parents != kNoId || b.parents != kNoId)
        return a.parents == b.parents;
    return a.singleParent == b.singleParent;
}

} // namespace

// ---- SetPerson -------------------------------------------------------------

SetPerson::SetPerson(PersonId id, Person newValue, bool keepPlaceholder)
    : m_id(id), m_value(std::move(newValue)), m_keepPlaceholder(keepPlaceholder) {}

void SetPerson::DoApply(Family& family, EditLog& log) {
    auto index = IndexById(family.people, m_id);
    if (!index)
        throw CommandError("The person to edit is no longer in the family map.");
    const Person& old = family.people[*index];
    Person value = m_value;
    value.id = m_id;
    if (old.placeholder && value.placeholder && !m_keepPlaceholder && ContentDiffers(old, value))
        value.placeholder = false;
    std::string name = value.DisplayName();
    m_subject = name.empty() ? NameOrUnnamed(family, m_id) : name;
    log.Assign(family, &Family::people, *index, std::move(value));
}

std::string SetPerson::Describe() const {
    return "Edit " + m_subject;
}

// ---- SetUnion --------------------------------------------------------------

SetUnion::SetUnion(UnionId id, Union newValue) : m_id(id), m_value(std::move(newValue)) {}

void SetUnion::DoApply(Family& family, EditLog& log) {
    auto index = IndexById(family.unions, m_id);
    if (!index)
        throw CommandError("The couple to edit is no longer in the family map.");
    const Union& old = family.unions[*index];
    bool same = (m_value.partnerA == old.partnerA && m_value.partnerB == old.partnerB) ||
                (m_value.partnerA == old.partnerB && m_value.partnerB == old.partnerA);
    if (!same)
        throw CommandError("A couple's partners cannot be exchanged; remove the union and add "
                           "a partner instead.");
    m_subject = NameOrUnnamed(family, old.partnerA) + " and " + NameOrUnnamed(family, old.partnerB);
    Union value = m_value;
    value.id = m_id;
    log.Assign(family, &Family::unions, *index, std::move(value));
}

std::string SetUnion::Describe() const {
    return "Edit relationship of " + m_subject;
}

// ---- SetChildLink ----------------------------------------------------------

SetChildLink::SetChildLink(PersonId child, ChildLink newValue)
    : m_child(child), m_value(std::move(newValue)) {}

void SetChildLink::DoApply(Family& family, EditLog& log) {
    if (!family.FindPerson(m_child))
        throw CommandError("The child to edit is no longer in the family map.");
    m_subject = NameOrUnnamed(family, m_child);
    ChildLink value = m_value;
    value.child = m_child;
    if (value.parents != kNoId && value.singleParent != kNoId)
        throw CommandError("A child hangs either from a couple or from one parent, not both.");
    std::vector<PersonId> parents;
    if (value.parents != kNoId) {
        const Union* u = family.FindUnion(value.parents);
        if (!u)
            throw CommandError("The new parents of " + m_subject +
                               " are no longer in the family map.");
        parents = {u->partnerA, u->partnerB};
    } else if (value.singleParent != kNoId) {
        if (!family.FindPerson(value.singleParent))
            throw CommandError("The new parent of " + m_subject +
                               " is no longer in the family map.");
        parents = {value.singleParent};
    } else {
        throw CommandError("Choose the parents of " + m_subject + ".");
    }
    for (PersonId p : parents)
        if (p == m_child || IsAncestorOf(family, m_child, p))
            throw CommandError(m_subject + " cannot be their own ancestor.");

    // A child arriving in a sibship (first link, or other parents) is its
    // youngest; MoveChild chooses another place.
    auto index = LinkIndex(family, m_child);
    if (!index || !SameSibship(family.children[*index], value)) {
        int next = 0;
        for (const auto& c : family.children)
            if (c.child != m_child && SameSibship(c, value))
                next = std::max(next, c.birthOrder + 1);
        value.birthOrder = next;
    }
    if (index)
        log.Assign(family, &Family::children, *index, value);
    else
        log.Append(family, &Family::children, value);
}

std::string SetChildLink::Describe() const {
    return "Edit parents of " + m_subject;
}

// ---- MoveChild -------------------------------------------------------------

MoveChild::MoveChild(PersonId child, int newPosition) : m_child(child), m_position(newPosition) {}

void MoveChild::DoApply(Family& family, EditLog& log) {
    auto index = LinkIndex(family, m_child);
    if (!index)
        throw CommandError("This person has no parents, so no birth order.");
    m_subject = NameOrUnnamed(family, m_child);
    const ChildLink link = family.children[*index];
    std::vector<std::size_t> sibship;
    for (std::size_t i = 0; i < family.children.size(); ++i)
        if (SameSibship(family.children[i], link))
            sibship.push_back(i);
    std::stable_sort(sibship.begin(), sibship.end(), [&](std::size_t a, std::size_t b) {
        return family.children[a].birthOrder < family.children[b].birthOrder;
    });
    if (m_position < 0 || m_position >= static_cast<int>(sibship.size()))
        throw CommandError("There is no place " + std::to_string(m_position + 1) +
                           " among the siblings of " + m_subject + ".");
    sibship.erase(std::find(sibship.begin(), sibship.end(), *index));
    sibship.insert(sibship.begin() + m_position, *index);
    for (std::size_t order = 0; order < sibship.size(); ++order) {
        ChildLink c = family.children[sibship[order]];
        if (c.birthOrder == static_cast<int>(order))
            continue;
        c.birthOrder = static_cast<int>(order);
        log.Assign(family, &Family::children, sibship[order], c);
    }
}

std::string MoveChild::Describe() const {
    return "Change birth order of " + m_subject;
}

// ---- Nudge / ResetNudges ---------------------------------------------------

Nudge::Nudge(PersonId person, double dx) : m_person(person), m_dx(dx) {}

void Nudge::DoApply(Family& family, EditLog& log) {
    auto index = IndexById(family.people, m_person);
    if (!index)
        throw CommandError("The person to move is no longer in the family map.");
    m_subject = NameOrUnnamed(family, m_person);
    Person p = family.people[*index];
    p.nudgeX += m_dx;
    log.Assign(family, &Family::people, *index, std::move(p));
}

std::string Nudge::Describe() const {
    return "Move " + m_subject;
}

void ResetNudges::DoApply(Family& family, EditLog& log) {
    for (std::size_t i = 0; i < family.people.size(); ++i) {
        if (family.people[i].nudgeX == 0)
            continue;
        Person p = family.people[i];
        p.nudgeX = 0;
        log.Assign(family, &Family::people, i, std::move(p));
    }
}

std::string ResetNudges::Describe() const {
    return "Reset manual positions";
}

// ---- SetIndexPerson --------------------------------------------------------

SetIndexPerson::SetIndexPerson(PersonId person) : m_person(person) {}

void SetIndexPerson::DoApply(Family& family, EditLog& log) {
    if (m_person != kNoId) {
        const Person* p = family.FindPerson(m_person);
        if (!p)
            throw CommandError("The person to make the client is no longer in the family map.");
        if (p->kind != PersonKind::Person)
            throw CommandError("Only a person, not a pregnancy or a significant other, can be "
                               "the client.");
        m_subject = NameOrUnnamed(family, m_person);
    }
    for (std::size_t i = 0; i < family.people.size(); ++i) {
        bool wanted = family.people[i].id == m_person;
        if (family.people[i].isIndex == wanted)
            continue;
        Person p = family.people[i];
        p.isIndex = wanted;
        log.Assign(family, &Family::people, i, std::move(p));
    }
}

std::string SetIndexPerson::Describe() const {
    return m_person == kNoId ? "Clear the client" : "Make " + m_subject + " the client";
}

} // namespace kartbok::genogram
