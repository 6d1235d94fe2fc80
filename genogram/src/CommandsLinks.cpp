// Commands for emotional relations and households, and the two commands that
// wrap others: CompositeCommand and ReplaceFamily.

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Validate.h"

#include "CommandsShared.h"

#include <algorithm>
#include <optional>
#include <set>

namespace kartbok::genogram {

namespace {

using detail::IndexOf;

void CheckRelation(const Family& family, const Relation& r) {
    if (!family.FindPerson(r.from) || !family.FindPerson(r.to))
        throw CommandError("Both people of a relation must be in the family map.");
    if (r.from == r.to)
        throw CommandError("A relation needs two different people.");
}

std::string RelationSubject(const Family& family, const Relation& r) {
    return NameOrUnnamed(family, r.from) + " and " + NameOrUnnamed(family, r.to);
}

void CheckHousehold(const Family& family, const Household& h) {
    std::set<PersonId> seen;
    for (PersonId m : h.members) {
        if (!family.FindPerson(m))
            throw CommandError("Everyone in a household must be in the family map.");
        if (!seen.insert(m).second)
            throw CommandError(NameOrUnnamed(family, m) + " is listed twice in the household.");
    }
    if (h.fromYear != 0 && h.toYear != 0 && h.toYear < h.fromYear)
        throw CommandError("A household cannot end (" + std::to_string(h.toYear) +
                           ") before it starts (" + std::to_string(h.fromYear) + ").");
}

} // namespace

// ---- relations -------------------------------------------------------------

AddRelation::AddRelation(Relation relation) : m_relation(std::move(relation)) {}

void AddRelation::DoApply(Family& family, EditLog& log) {
    CheckRelation(family, m_relation);
    m_subject = RelationSubject(family, m_relation);
    Relation r = m_relation;
    r.id = family.NewId();
    m_created = r.id;
    log.Append(family, &Family::relations, std::move(r));
}

std::string AddRelation::Describe() const {
    return "Add relation between " + m_subject;
}

RemoveRelation::RemoveRelation(RelationId id) : m_id(id) {}

void RemoveRelation::DoApply(Family& family, EditLog& log) {
    const std::size_t index = IndexOf(family.relations, m_id, "relation to remove");
    m_subject = RelationSubject(family, family.relations[index]);
    log.Erase(family, &Family::relations, index);
}

std::string RemoveRelation::Describe() const {
    return "Remove relation between " + m_subject;
}

SetRelation::SetRelation(RelationId id, Relation newValue)
    : m_id(id), m_value(std::move(newValue)) {}

void SetRelation::DoApply(Family& family, EditLog& log) {
    const std::size_t index = IndexOf(family.relations, m_id, "relation to edit");
    CheckRelation(family, m_value);
    m_subject = RelationSubject(family, m_value);
    Relation r = m_value;
    r.id = m_id;
    log.Assign(family, &Family::relations, index, std::move(r));
}

std::string SetRelation::Describe() const {
    return "Edit relation between " + m_subject;
}

// ---- households ------------------------------------------------------------

AddHousehold::AddHousehold(Household household) : m_household(std::move(household)) {}

void AddHousehold::DoApply(Family& family, EditLog& log) {
    CheckHousehold(family, m_household);
    Household h = m_household;
    h.id = family.NewId();
    m_created = h.id;
    log.Append(family, &Family::households, std::move(h));
}

std::string AddHousehold::Describe() const {
    return "Add household";
}

RemoveHousehold::RemoveHousehold(HouseholdId id) : m_id(id) {}

void RemoveHousehold::DoApply(Family& family, EditLog& log) {
    const std::size_t index = IndexOf(family.households, m_id, "household to remove");
    log.Erase(family, &Family::households, index);
}

std::string RemoveHousehold::Describe() const {
    return "Remove household";
}

SetHousehold::SetHousehold(HouseholdId id, Household newValue)
    : m_id(id), m_value(std::move(newValue)) {}

void SetHousehold::DoApply(Family& family, EditLog& log) {
    const std::size_t index = IndexOf(family.households, m_id, "household to edit");
    CheckHousehold(family, m_value);
    Household h = m_value;
    h.id = m_id;
    log.Assign(family, &Family::households, index, std::move(h));
}

std::string SetHousehold::Describe() const {
    return "Edit household";
}

// ---- CompositeCommand ------------------------------------------------------

CompositeCommand::CompositeCommand(std::string description, std::vector<CommandPtr> commands)
    : m_description(std::move(description)), m_commands(std::move(commands)) {}

void CompositeCommand::Add(CommandPtr command) {
    m_commands.push_back(std::move(command));
}

void CompositeCommand::Apply(Family& family) {
    std::size_t applied = 0;
    try {
        for (; applied < m_commands.size(); ++applied)
            m_commands[applied]->Apply(family);
    } catch (...) {
        while (applied-- > 0)
            m_commands[applied]->Revert(family);
        throw;
    }
}

void CompositeCommand::Revert(Family& family) {
    for (auto it = m_commands.rbegin(); it != m_commands.rend(); ++it)
        (*it)->Revert(family);
}

// ---- ReplaceFamily ---------------------------------------------------------

ReplaceFamily::ReplaceFamily(Family family, std::string description)
    : m_new(std::move(family)), m_description(std::move(description)) {}

void ReplaceFamily::Apply(Family& family) {
    for (const Problem& p : Validate(m_new))
        if (p.severity == Problem::Severity::Error)
            throw CommandError("The new family map is damaged and was not used: " + p.message);
    m_old = family;
    family = m_new;
}

void ReplaceFamily::Revert(Family& family) {
    family = m_old;
}

} // namespace kartbok::genogram
