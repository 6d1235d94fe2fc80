#include "kartbok/genogram/Family.h"

#include <algorithm>

namespace kartbok::genogram {

std::string Person::DisplayName() const {
    if (givenNames.empty())
        return surname;
    if (surname.empty())
        return givenNames;
    return givenNames + " " + surname;
}

namespace {
bool IsSeparating(UnionEventKind k) {
    return k == UnionEventKind::Separated || k == UnionEventKind::Divorced;
}
std::optional<UnionEventKind> LastStatusEvent(const std::vector<UnionEvent>& events) {
    std::optional<UnionEventKind> last;
    for (const auto& e : events)
        if (IsSeparating(e.kind) || e.kind == UnionEventKind::Reunited ||
            e.kind == UnionEventKind::Married || e.kind == UnionEventKind::Together)
            last = e.kind;
    return last;
}
} // namespace

bool Union::Separated() const {
    auto last = LastStatusEvent(events);
    return last && IsSeparating(*last);
}

bool Union::Divorced() const {
    auto last = LastStatusEvent(events);
    if (!last || !IsSeparating(*last))
        return false;
    return std::any_of(events.begin(), events.end(),
                       [](const UnionEvent& e) { return e.kind == UnionEventKind::Divorced; });
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

const ChildLink* Family::ChildLinkOf(PersonId child) const {
    auto it = std::find_if(children.begin(), children.end(),
                           [child](const ChildLink& c) { return c.child == child; });
    return it == children.end() ? nullptr : &*it;
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
        if (c.parents == u)
            links.push_back(&c);
    std::stable_sort(links.begin(), links.end(), [](const ChildLink* a, const ChildLink* b) {
        return a->birthOrder < b->birthOrder;
    });
    std::vector<PersonId> ids;
    for (const ChildLink* c : links)
        ids.push_back(c->child);
    return ids;
}

} // namespace kartbok::genogram
