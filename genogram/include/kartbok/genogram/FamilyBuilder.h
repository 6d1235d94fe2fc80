#pragma once
// Builds a family field by field, without commands: for families that are
// invented rather than edited (the demo vault, the benchmarks' families, test
// fixtures), where there is nothing to undo. Every edit a user makes goes
// through Commands.h instead.

#include "kartbok/genogram/Family.h"

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace kartbok::genogram {

/// Adds people, couples, children, relations and households to `family`,
/// each with a new id, and returns the id, so a fixture reads like the family
/// it describes:
///
///     FamilyBuilder b("Ek");
///     PersonId lars = b.Man("Lars", FuzzyDate::Year(1955));
///     UnionId u = b.Couple(lars, b.Woman("Karin"), {{UnionEventKind::Married, 1980}});
///     b.Child(u, b.Man("Johan", FuzzyDate::Year(1981)));
///
/// Nothing is checked: a test may build a family Validate() refuses.
class FamilyBuilder {
public:
    /// `surname`: the family name of everyone added without one of their own.
    explicit FamilyBuilder(std::string surname = {}) : m_surname(std::move(surname)) {}

    PersonId Add(Gender gender, std::string given, std::string surname, FuzzyDate born = {},
                 PersonKind kind = PersonKind::Person);
    /// With the builder's surname.
    PersonId Add(Gender gender, std::string given, FuzzyDate born = {},
                 PersonKind kind = PersonKind::Person);
    PersonId Man(std::string given, std::string surname, FuzzyDate born = {});
    PersonId Man(std::string given, FuzzyDate born = {});
    PersonId Woman(std::string given, std::string surname, FuzzyDate born = {});
    PersonId Woman(std::string given, FuzzyDate born = {});

    /// The person with this id (which must exist), to set any other field.
    Person& P(PersonId id);
    void Died(PersonId id, FuzzyDate when, std::string cause = {});
    void About(PersonId id, std::string occupation, std::string place);

    /// A couple; `order` is its place among each partner's unions (0 = first).
    UnionId Couple(PersonId a, PersonId b, std::initializer_list<UnionEvent> events = {},
                   UnionKind kind = UnionKind::Marriage, int order = 0);
    /// A child of `parents`: a union, or a single parent when it is a person's
    /// id (kNoId: a child of nobody). Entered after the sibship's others.
    ChildLink& Child(Id parents, PersonId child, ChildKind kind = ChildKind::Biological);
    /// The same, at an entry order of the caller's choosing.
    ChildLink& Child(Id parents, PersonId child, int birthOrder,
                     ChildKind kind = ChildKind::Biological);
    /// Makes children (every link of each) one new twin group.
    Id Twins(TwinKind kind, std::initializer_list<PersonId> children);

    RelationId Relate(PersonId from, PersonId to, RelationKind kind, bool directed = false);
    HouseholdId Home(std::string label, std::vector<PersonId> members, int fromYear = 0,
                     int toYear = 0);

    Family family;

private:
    /// Gives an element the next id and appends it to one of the family's lists.
    template <class T> Id Append(std::vector<T> Family::*list, T element) {
        element.id = family.NewId();
        (family.*list).push_back(std::move(element));
        return (family.*list).back().id;
    }

    std::string m_surname;
};

} // namespace kartbok::genogram
