#include "kartbok/genogram/Family.h"
#include "kartbok/genogram/Siblings.h"
#include "kartbok/genogram/UnionEvents.h"

#include <algorithm>

namespace kartbok::genogram {

std::string Person::DisplayName() const {
    if (givenNames.empty())
        return surname;
    if (surname.empty())
        return givenNames;
    return givenNames + " " + surname;
}

long FuzzyDate::SortKey() const {
    // 372 = 12 * 31: a day index that only has to order, not count days.
    const long base = static_cast<long>(year) * 372;
    switch (precision) {
    case DatePrecision::Unknown:
        return 0;
    case DatePrecision::Full:
        return base + (std::clamp(month, 1, 12) - 1) * 31 + std::clamp(day, 1, 31);
    case DatePrecision::Before:
        return base - 1;
    case DatePrecision::After:
        return base + 371;
    case DatePrecision::Year:
    case DatePrecision::About:
        break;
    }
    return base + 186;
}

bool Union::Separated() const {
    CoupleState s = StateOf(*this);
    return s == CoupleState::Separated || s == CoupleState::Divorced;
}

bool Union::Divorced() const {
    return StateOf(*this) == CoupleState::Divorced;
}

template <class Vec, class IdT> static auto* FindById(Vec& v, IdT id) {
    auto it = std::find_if(v.begin(), v.end(), [id](const auto& x) { return x.id == id; });
    return it == v.end() ? nullptr : &*it;
}

Person* Family::FindPerson(PersonId id) {
    return FindById(people, id);
}
const Person* Family::FindPerson(PersonId id) const {
    return FindById(people, id);
}
Union* Family::FindUnion(UnionId id) {
    return FindById(unions, id);
}
const Union* Family::FindUnion(UnionId id) const {
    return FindById(unions, id);
}

std::vector<const ChildLink*> Family::ChildLinksOf(PersonId child) const {
    std::vector<const ChildLink*> out;
    for (const ChildLink& c : children)
        if (c.child == child)
            out.push_back(&c);
    return out;
}

const ChildLink* Family::ChildLinkOf(PersonId child) const {
    const ChildLink* best = nullptr;
    auto rank = [](ChildKind k) {
        return k == ChildKind::Adopted ? 0 : k == ChildKind::Foster ? 1 : 2;
    };
    for (const ChildLink& c : children)
        if (c.child == child && (!best || rank(c.kind) < rank(best->kind)))
            best = &c;
    return best;
}

std::optional<PersonId> Family::IndexPerson() const {
    for (const auto& p : people)
        if (p.isIndex)
            return p.id;
    return std::nullopt;
}

std::pair<PersonId, PersonId> Family::ParentsOf(PersonId child) const {
    const ChildLink* link = ChildLinkOf(child);
    if (!link)
        return {kNoId, kNoId};
    if (link->parents != kNoId) {
        if (const Union* u = FindUnion(link->parents))
            return {u->partnerA, u->partnerB};
        return {kNoId, kNoId};
    }
    return {link->singleParent, kNoId};
}

std::vector<UnionId> Family::UnionsOf(PersonId person) const {
    std::vector<const Union*> mine;
    for (const auto& u : unions)
        if (u.partnerA == person || u.partnerB == person)
            mine.push_back(&u);
    std::stable_sort(mine.begin(), mine.end(),
                     [](const Union* a, const Union* b) { return a->order < b->order; });
    std::vector<UnionId> ids;
    for (const Union* u : mine)
        ids.push_back(u->id);
    return ids;
}

std::vector<PersonId> Family::ChildrenOf(UnionId u) const {
    std::vector<const ChildLink*> links;
    for (const auto& c : children)
        if (c.parents == u && u != kNoId)
            links.push_back(&c);
    std::vector<PersonId> ids;
    for (const ChildLink* c : SiblingOrder(*this, std::move(links)))
        ids.push_back(c->child);
    return ids;
}

} // namespace kartbok::genogram
