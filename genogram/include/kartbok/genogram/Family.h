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

/// What a symbol stands for. Pregnancy losses are drawn small (docs/design.md, "The family map").
enum class PersonKind : std::uint8_t {
    Person,
    Pregnancy,
    Miscarriage,
    Abortion,
    Stillbirth,
    SignificantOther,
};

/// How much of a date is known. Clinicians often only know "about 1950", and
/// old records say "before 1970" or "after 2000": such a date is printed as
/// what it is, never as a plain year (and gives no age).
enum class DatePrecision : std::uint8_t { Unknown, Year, About, Full, Before, After };

struct FuzzyDate {
    DatePrecision precision = DatePrecision::Unknown;
    int year = 0;
    int month = 0; ///< 1-12 when precision == Full
    int day = 0;   ///< 1-31 when precision == Full

    bool Known() const { return precision != DatePrecision::Unknown; }
    /// A "before"/"after" date is a bound, not a year a person was born in.
    bool Bounded() const {
        return precision == DatePrecision::Before || precision == DatePrecision::After;
    }
    /// Orders dates on one line (for birth order): a year counts as its middle,
    /// "before 1970" just before 1970 starts, "after 2000" at the end of 2000.
    /// 0 for an unknown date, so callers check Known() first.
    long SortKey() const;
    static FuzzyDate Year(int y) { return {DatePrecision::Year, y, 0, 0}; }
    static FuzzyDate About(int y) { return {DatePrecision::About, y, 0, 0}; }
    static FuzzyDate Before(int y) { return {DatePrecision::Before, y, 0, 0}; }
    static FuzzyDate After(int y) { return {DatePrecision::After, y, 0, 0}; }
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
    /// Short cause of death ("cancer", "suicide"): written under the symbol,
    /// also on de-identified maps, because therapists read the map by it.
    std::string causeOfDeath;
    /// Conditions (bits of `conditions`) the person is in recovery from: drawn
    /// hatched instead of filled, so "sober since 2015" is visible on the map.
    std::uint8_t recovering = kConditionNone;

    std::string DisplayName() const; ///< "Given Surname", trimmed; may be empty
    bool operator==(const Person&) const = default;
};

enum class UnionKind : std::uint8_t { Marriage, Cohabitation, Engagement, Dating, Affair };
/// What happened to a couple. Together = living together; Met and Engaged
/// came later than the others, so they are numbered last.
enum class UnionEventKind : std::uint8_t {
    Together,
    Married,
    Separated,
    Divorced,
    Widowed,
    Reunited,
    Met,
    Engaged,
};

struct UnionEvent {
    UnionEventKind kind = UnionEventKind::Together;
    int year = 0; ///< 0 when unknown
    bool operator==(const UnionEvent&) const = default;
};

/// A couple. Partners may be of any gender; partnerA is drawn left by default.
/// Every event of the couple is kept (a couple married twice is one union with
/// two Married events); see UnionEvents.h for their order and current state.
struct Union {
    UnionId id = kNoId;
    PersonId partnerA = kNoId;
    PersonId partnerB = kNoId;
    UnionKind kind = UnionKind::Marriage;
    std::vector<UnionEvent> events; ///< in time order (undated events where they were entered)
    int order = 0;                  ///< time order among each partner's unions (lower = earlier)
    bool consanguineous = false;    ///< partners are blood relatives: a double couple line

    /// The current state, from the last event that changes it (UnionEvents.h).
    bool Separated() const;
    bool Divorced() const;
    bool operator==(const Union&) const = default;
};

enum class ChildKind : std::uint8_t { Biological, Adopted, Foster, Step };
enum class TwinKind : std::uint8_t { None, Fraternal, Identical };

/// A child hangs from a union, or from one parent when the other is unknown.
/// A person has one link per family they are a child of: at most one
/// biological one, and adoptive, foster or step parents besides (an adopted
/// child keeps its birth parents on the map). The child stands in the sibship
/// of its primary link (Family::ChildLinkOf); the others are drawn as lines.
struct ChildLink {
    PersonId child = kNoId;
    UnionId parents = kNoId;       ///< the union, or kNoId
    PersonId singleParent = kNoId; ///< used when parents == kNoId
    ChildKind kind = ChildKind::Biological;
    /// Entry order within the sibship (lower = entered or listed earlier).
    /// Siblings stand in birth-date order (Siblings.h); this only orders
    /// siblings whose dates cannot be compared.
    int birthOrder = 0;
    Id twinGroup = kNoId; ///< children sharing a group are twins (or triplets...)
    TwinKind twinKind = TwinKind::None;
    /// Where the user dragged this child in its sibship (0 = oldest place), or
    /// -1: a kept exception to birth order, cleared by "Reset layout".
    int pinnedPosition = -1;
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
    Hostile,
    DistantHostile,
    FusedHostile,
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
    /// The link a child stands by in a sibship: an adoptive one before foster,
    /// step and birth parents (the family the child grew up in), else the first.
    const ChildLink* ChildLinkOf(PersonId child) const;
    /// Every link of a child, in the family's order.
    std::vector<const ChildLink*> ChildLinksOf(PersonId child) const;
    std::optional<PersonId> IndexPerson() const;

    /// Parents of a person via its primary child link: (a, b), either may be kNoId.
    std::pair<PersonId, PersonId> ParentsOf(PersonId child) const;
    /// Unions a person is part of, in time order.
    std::vector<UnionId> UnionsOf(PersonId person) const;
    /// Children standing in a union's sibship, in birth order (Siblings.h).
    std::vector<PersonId> ChildrenOf(UnionId u) const;

    bool operator==(const Family&) const = default;
};

} // namespace kartbok::genogram
