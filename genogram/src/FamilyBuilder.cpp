#include "kartbok/genogram/FamilyBuilder.h"

#include <algorithm>

namespace kartbok::genogram {

PersonId FamilyBuilder::Add(Gender gender, std::string given, std::string surname, FuzzyDate born,
                            PersonKind kind) {
    Person p;
    p.gender = gender;
    p.kind = kind;
    p.givenNames = std::move(given);
    p.surname = std::move(surname);
    p.birth = born;
    return Append(&Family::people, std::move(p));
}

PersonId FamilyBuilder::Add(Gender gender, std::string given, FuzzyDate born, PersonKind kind) {
    return Add(gender, std::move(given), m_surname, born, kind);
}

PersonId FamilyBuilder::Man(std::string given, std::string surname, FuzzyDate born) {
    return Add(Gender::Man, std::move(given), std::move(surname), born);
}

PersonId FamilyBuilder::Man(std::string given, FuzzyDate born) {
    return Add(Gender::Man, std::move(given), m_surname, born);
}

PersonId FamilyBuilder::Woman(std::string given, std::string surname, FuzzyDate born) {
    return Add(Gender::Woman, std::move(given), std::move(surname), born);
}

PersonId FamilyBuilder::Woman(std::string given, FuzzyDate born) {
    return Add(Gender::Woman, std::move(given), m_surname, born);
}

Person& FamilyBuilder::P(PersonId id) {
    return *family.FindPerson(id);
}

void FamilyBuilder::Died(PersonId id, FuzzyDate when, std::string cause) {
    Person& p = P(id);
    p.deceased = true;
    p.death = when;
    p.causeOfDeath = std::move(cause);
}

void FamilyBuilder::About(PersonId id, std::string occupation, std::string place) {
    Person& p = P(id);
    p.occupation = std::move(occupation);
    p.place = std::move(place);
}

UnionId FamilyBuilder::Couple(PersonId a, PersonId b, std::initializer_list<UnionEvent> events,
                              UnionKind kind, int order) {
    Union u;
    u.partnerA = a;
    u.partnerB = b;
    u.kind = kind;
    u.events = events;
    u.order = order;
    return Append(&Family::unions, std::move(u));
}

ChildLink& FamilyBuilder::Child(Id parents, PersonId child, ChildKind kind) {
    ChildLink& link = Child(parents, child, 0, kind);
    for (const ChildLink& other : family.children)
        if (&other != &link && other.parents == link.parents &&
            other.singleParent == link.singleParent)
            link.birthOrder = std::max(link.birthOrder, other.birthOrder + 1);
    return link;
}

ChildLink& FamilyBuilder::Child(Id parents, PersonId child, int birthOrder, ChildKind kind) {
    ChildLink c;
    c.child = child;
    if (family.FindUnion(parents))
        c.parents = parents;
    else
        c.singleParent = parents;
    c.kind = kind;
    c.birthOrder = birthOrder;
    family.children.push_back(c);
    return family.children.back();
}

Id FamilyBuilder::Twins(TwinKind kind, std::initializer_list<PersonId> children) {
    const Id group = family.NewId();
    for (ChildLink& c : family.children)
        if (std::find(children.begin(), children.end(), c.child) != children.end()) {
            c.twinGroup = group;
            c.twinKind = kind;
        }
    return group;
}

RelationId FamilyBuilder::Relate(PersonId from, PersonId to, RelationKind kind, bool directed) {
    Relation r;
    r.from = from;
    r.to = to;
    r.kind = kind;
    r.directed = directed;
    return Append(&Family::relations, std::move(r));
}

HouseholdId FamilyBuilder::Home(std::string label, std::vector<PersonId> members, int fromYear,
                                int toYear) {
    Household h;
    h.label = std::move(label);
    h.members = std::move(members);
    h.fromYear = fromYear;
    h.toYear = toYear;
    return Append(&Family::households, std::move(h));
}

} // namespace kartbok::genogram
