// Commands that change fields of existing people, unions and child links.

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Queries.h"

#include "CommandsShared.h"

#include <algorithm>
#include <optional>

namespace kartbok::genogram {

namespace {

using detail::IndexOf;

/// Whether two versions of a person differ in anything a therapist typed
/// (placeholder flag and nudge are bookkeeping, not content).
bool ContentDiffers(Person a, Person b) {
    a.placeholder = b.placeholder = false;
    a.nudgeX = b.nudgeX = 0;
    return !(a == b);
}

} // namespace

// ---- SetPerson -------------------------------------------------------------

SetPerson::SetPerson(PersonId id, Person newValue, bool keepPlaceholder)
    : m_id(id), m_value(std::move(newValue)), m_keepPlaceholder(keepPlaceholder) {}

void SetPerson::DoApply(Family& family, EditLog& log) {
    const std::size_t index = IndexOf(family.people, m_id, "person to edit");
    const Person& old = family.people[index];
    Person value = m_value;
    value.id = m_id;
    if (old.placeholder && value.placeholder && !m_keepPlaceholder && ContentDiffers(old, value))
        value.placeholder = false;
    std::string name = value.DisplayName();
    m_subject = name.empty() ? NameOrUnnamed(family, m_id) : name;
    log.Assign(family, &Family::people, index, std::move(value));
}

std::string SetPerson::Describe() const {
    return "Edit " + m_subject;
}

// ---- SetUnion --------------------------------------------------------------

SetUnion::SetUnion(UnionId id, Union newValue) : m_id(id), m_value(std::move(newValue)) {}

void SetUnion::DoApply(Family& family, EditLog& log) {
    const std::size_t index = IndexOf(family.unions, m_id, "couple to edit");
    const Union& old = family.unions[index];
    bool same = (m_value.partnerA == old.partnerA && m_value.partnerB == old.partnerB) ||
                (m_value.partnerA == old.partnerB && m_value.partnerB == old.partnerA);
    if (!same)
        throw CommandError("A couple's partners cannot be exchanged; remove the union and add "
                           "a partner instead.");
    m_subject = NameOrUnnamed(family, old.partnerA) + " and " + NameOrUnnamed(family, old.partnerB);
    Union value = m_value;
    value.id = m_id;
    log.Assign(family, &Family::unions, index, std::move(value));
}

std::string SetUnion::Describe() const {
    return "Edit relationship of " + m_subject;
}

// ---- Nudge / ResetLayout ---------------------------------------------------

Nudge::Nudge(PersonId person, double dx) : m_person(person), m_dx(dx) {}

void Nudge::DoApply(Family& family, EditLog& log) {
    const std::size_t index = IndexOf(family.people, m_person, "person to move");
    m_subject = NameOrUnnamed(family, m_person);
    Person p = family.people[index];
    p.nudgeX += m_dx;
    log.Assign(family, &Family::people, index, std::move(p));
}

std::string Nudge::Describe() const {
    return "Move " + m_subject;
}

void ResetLayout::DoApply(Family& family, EditLog& log) {
    for (std::size_t i = 0; i < family.people.size(); ++i) {
        if (family.people[i].nudgeX == 0)
            continue;
        Person p = family.people[i];
        p.nudgeX = 0;
        log.Assign(family, &Family::people, i, std::move(p));
    }
    for (std::size_t i = 0; i < family.children.size(); ++i) {
        if (family.children[i].pinnedPosition < 0)
            continue;
        ChildLink c = family.children[i];
        c.pinnedPosition = -1;
        log.Assign(family, &Family::children, i, c);
    }
}

std::string ResetLayout::Describe() const {
    return "Reset layout";
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
