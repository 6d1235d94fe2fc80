#pragma once
// The family model behind a genogram: plain value types with stable ids, so a
// family copies, compares, diffs and serialises without pointers.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kartbok::genogram {

/// Every object in a family (person, union, relation, household) gets an id
/// from one counter, unique within its family and never reused. 0 means "none".
using Id = std::uint32_t;
using PersonId = Id;
using UnionId = Id;
using RelationId = Id;
using HouseholdId = Id;
constexpr Id kNoId = 0;

enum class Gender : std::uint8_t { Man, Woman, Unknown, Other };

/// What a symbol stands for. Pregnancy losses are drawn small (DESIGN.md §3).
enum class PersonKind : std::uint8_t {
    Person,
    Pregnancy,
    Miscarriage,
    Abortion,
    Stillbirth,
    SignificantOther,
};

/// How much of a date is known. Clinicians often only know "about 1950".
enum class DatePrecision : std::uint8_t { Unknown, Year, About, Full };

struct FuzzyDate {
    DatePrecision precision = DatePrecision::Unknown;
    int year = 0;
    int month = 0; ///< 1-12 when precision == Full
    int day = 0;   ///< 1-31 when precision == Full

    bool Known() const { return precision != DatePrecision::Unknown; }
    static FuzzyDate Year(int y) { return {DatePrecision::Year, y, 0, 0}; }
    static FuzzyDate About(int y) { return {DatePrecision::About, y, 0, 0}; }
    static FuzzyDate Full(int y, int m, int d) { return {DatePrecision::Full, y, m, d}; }
    bool operator==(const FuzzyDate&) const = default;
};

/// Conditions shaded as quadrants of the symbol, with a legend.
enum Condition : std::uint8_t {
    kConditionNone = 0,
    kConditionIllness = 1 << 0,          ///< top-left quadrant
    kConditionSubstance = 1 << 1,        ///< top-right
    kConditionMentalHealth = 1 << 2,     ///< bottom-left
    kConditionProblemBehaviour = 1 << 3, ///< bottom-right (the behaviour the client seeks help for)
};

struct Person {
    PersonId id = kNoId;
    Gender gender = Gender::Unknown;
    PersonKind kind = PersonKind::Person;
    std::string givenNames;
    std::string surname;
    FuzzyDate birth;
    FuzzyDate death;
    bool deceased = false;
    bool isIndex = false;     ///< the client; drawn with a double outline
    bool placeholder = false; ///< scaffold person not yet filled in; hidden from drawings
    std::string occupation;
    std::string place;
    std::string note;
    std::uint8_t conditions = kConditionNone; ///< bit set of Condition
    double nudgeX = 0; ///< manual sideways nudge in points, reapplied after layout

    std::string DisplayName() const; ///< "Given Surname", trimmed; may be empty
    bool operator==(const Person&) const = default;
};

enum class UnionKind : std::uint8_t { Marriage, Cohabitation, Engagement, Dating, Affair };
enum class UnionEventKind : std::uint8_t {
    Together,
    Married,
    Separated,
    Divorced,
    Widowed,
    Reunited
};

struct UnionEvent {
    UnionEventKind kind = UnionEventKind::Together;
    int year = 0; ///< 0 when unknown
    bool operator==(const UnionEvent&) const = default;
};

/// A couple. Partners may be of any gender; partnerA is drawn left by default.
struct Union {
    UnionId id = kNoId;
    PersonId partnerA = kNoId;
    PersonId partnerB = kNoId;
    UnionKind kind = UnionKind::Marriage;
    std::vector<UnionEvent> events; ///< in time order
    int order = 0;                  ///< time order among each partner's unions (lower = earlier)

    /// The latest separating event decides how the line is drawn.
    bool Separated() const;
    bool Divorced() const;
    bool operator==(const Union&) const = default;
};

enum class ChildKind : std::uint8_t { Biological, Adopted, Foster, Step };
enum class TwinKind : std::uint8_t { None, Fraternal, Identical };

/// A child hangs from a union, or from one parent when the other is unknown.
struct ChildLink {
    PersonId child = kNoId;
    UnionId parents = kNoId;       ///< the union, or kNoId
    PersonId singleParent = kNoId; ///< used when parents == kNoId
    ChildKind kind = ChildKind::Biological;
    int birthOrder = 0;   ///< oldest first within a sibship
    Id twinGroup = kNoId; ///< children sharing a group are twins
    TwinKind twinKind = TwinKind::None;
    bool operator==(const ChildLink&) const = default;
};

enum class RelationKind : std::uint8_t {
    Close,
    Fused,
    Distant,
    Conflict,
    CloseConflict,
    CutOff,
    CutOffRepaired,
    FocusedOn,
    PhysicalAbuse,
    SexualAbuse,
    EmotionalAbuse,
    Neglect,
};

/// Emotional relation between any two people. Never affects the layout.
struct Relation {
    RelationId id = kNoId;
    PersonId from = kNoId;
    PersonId to = kNoId;
    RelationKind kind = RelationKind::Close;
    bool directed = false; ///< drawn with an arrow from -> to (focused-on, abuse, neglect)
    std::string note;
    bool operator==(const Relation&) const = default;
};

/// People living together, drawn as a dashed outline.
struct Household {
    HouseholdId id = kNoId;
    std::string label;
    std::vector<PersonId> members;
    int fromYear = 0;
    int toYear = 0;
    bool operator==(const Household&) const = default;
};

/// A whole family map. Lookups are linear: a map has tens of people, and the
/// 3 000-person GEDCOM case is handled by the layout's own indexes.
struct Family {
    std::vector<Person> people;
    std::vector<Union> unions;
    std::vector<ChildLink> children;
    std::vector<Relation> relations;
    std::vector<Household> households;
    Id nextId = 1;

    Id NewId() { return nextId++; }

    Person* FindPerson(PersonId id);
    const Person* FindPerson(PersonId id) const;
    Union* FindUnion(UnionId id);
    const Union* FindUnion(UnionId id) const;
    const ChildLink* ChildLinkOf(PersonId child) const; ///< first link (a person normally has one)
    std::optional<PersonId> IndexPerson() const;

    /// Parents of a person via its child link: (a, b), either may be kNoId.
    std::pair<PersonId, PersonId> ParentsOf(PersonId child) const;
    /// Unions a person is part of, in time order.
    std::vector<UnionId> UnionsOf(PersonId person) const;
    /// Children of a union in birth order.
    std::vector<PersonId> ChildrenOf(UnionId u) const;

    bool operator==(const Family&) const = default;
};

} // namespace kartbok::genogram
