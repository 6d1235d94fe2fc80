#include "LayoutInvariants.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace kartbok::genogram::testing {

namespace {

std::string Str(Id id) {
    return std::to_string(id);
}

void Add(std::vector<std::string>& list, std::string what) {
    if (list.size() < 50)
        list.push_back(std::move(what));
    else if (list.size() == 50)
        list.push_back("...");
}

/// The parents a link names, as drawn people.
std::vector<PersonId> LinkParents(const Family& f, const ChildLink& c) {
    if (c.parents != kNoId) {
        const Union* u = f.FindUnion(c.parents);
        return u ? std::vector<PersonId>{u->partnerA, u->partnerB} : std::vector<PersonId>{};
    }
    return c.singleParent != kNoId ? std::vector<PersonId>{c.singleParent}
                                   : std::vector<PersonId>{};
}

/// The link a child stands by (Family::ChildLinkOf), keyed by its parents.
using SibshipKey = std::pair<UnionId, PersonId>;

/// A couple married twice is drawn as one union: key sibships by the couple.
SibshipKey KeyOf(const Family& f, const ChildLink& c) {
    if (c.parents == kNoId)
        return {kNoId, c.singleParent};
    const Union* u = f.FindUnion(c.parents);
    if (!u)
        return {c.parents, kNoId};
    UnionId first = c.parents;
    for (const Union& other : f.unions)
        if (std::minmax(other.partnerA, other.partnerB) == std::minmax(u->partnerA, u->partnerB) &&
            std::tie(other.order, other.id) < std::tie(f.FindUnion(first)->order, first))
            first = other.id;
    return {first, kNoId};
}

void CheckBirthOrder(const Family& f, const Layout& l, InvariantReport& r) {
    std::map<SibshipKey, std::vector<const ChildLink*>> sibships;
    for (const ChildLink& c : f.children) {
        if (f.ChildLinkOf(c.child) != &c || !l.people.count(c.child))
            continue;
        sibships[KeyOf(f, c)].push_back(&c);
    }
    for (auto& [key, kids] : sibships) {
        std::vector<std::pair<const Person*, const ChildLink*>> dated;
        for (const ChildLink* c : kids) {
            const Person* p = f.FindPerson(c->child);
            if (p && p->birth.Known() && c->pinnedPosition < 0)
                dated.push_back({p, c});
        }
        std::stable_sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) {
            return a.first->birth.SortKey() < b.first->birth.SortKey();
        });
        for (std::size_t i = 1; i < dated.size(); ++i) {
            const auto& [older, olderLink] = dated[i - 1];
            const auto& [younger, youngerLink] = dated[i];
            if (older->birth.SortKey() == younger->birth.SortKey())
                continue;
            if (olderLink->twinGroup != kNoId && olderLink->twinGroup == youngerLink->twinGroup)
                continue;
            const Point& a = l.people.at(older->id);
            const Point& b = l.people.at(younger->id);
            if (a.y != b.y) {
                ++r.siblingPairsApart;
                continue;
            }
            ++r.siblingPairs;
            if (a.x < b.x)
                ++r.siblingPairsInOrder;
            else
                Add(r.birthOrder,
                    "older " + Str(older->id) + " right of younger " + Str(younger->id));
        }
    }
}

void CheckSpouses(const Family& f, const Layout& l, InvariantReport& r) {
    // Each first- or last-born among siblings on one generation, and each of
    // their partners who has no parents on the map and no other partner.
    std::map<SibshipKey, std::vector<PersonId>> sibships;
    for (const ChildLink& c : f.children)
        if (f.ChildLinkOf(c.child) == &c && l.people.count(c.child))
            sibships[KeyOf(f, c)].push_back(c.child);
    std::map<PersonId, int> unions;
    for (const Union& u : f.unions)
        if (l.people.count(u.partnerA) && l.people.count(u.partnerB))
            ++unions[u.partnerA], ++unions[u.partnerB];
    for (auto& [key, kids] : sibships) {
        double y = l.people.at(kids.front()).y;
        if (kids.size() < 2 || std::any_of(kids.begin(), kids.end(),
                                           [&](PersonId k) { return l.people.at(k).y != y; }))
            continue;
        std::sort(kids.begin(), kids.end(),
                  [&](PersonId a, PersonId b) { return l.people.at(a).x < l.people.at(b).x; });
        const double lo = l.people.at(kids.front()).x, hi = l.people.at(kids.back()).x;
        for (PersonId end : {kids.front(), kids.back()})
            for (const Union& u : f.unions) {
                if (u.partnerA != end && u.partnerB != end)
                    continue;
                PersonId spouse = u.partnerA == end ? u.partnerB : u.partnerA;
                if (!l.people.count(spouse) || f.ChildLinkOf(spouse) || unions[spouse] != 1)
                    continue;
                ++r.spouseChecks;
                double x = l.people.at(spouse).x;
                if (x > lo && x < hi)
                    Add(r.spouseInside,
                        "spouse " + Str(spouse) + " of " + Str(end) + " stands among the siblings");
            }
    }
}

} // namespace

InvariantReport CheckLayout(const Family& f, const Layout& l, const LayoutOptions& o) {
    InvariantReport r;
    CheckBirthOrder(f, l, r);
    CheckSpouses(f, l, r);
    for (const Union& u : f.unions)
        if (l.people.count(u.partnerA) && l.people.count(u.partnerB) &&
            l.people.at(u.partnerA).y != l.people.at(u.partnerB).y)
            Add(r.partnersLevel, "union " + Str(u.id));
    for (const ChildLink& c : f.children) {
        if (!l.people.count(c.child))
            continue;
        for (PersonId p : LinkParents(f, c))
            if (l.people.count(p) && l.people.at(c.child).y <= l.people.at(p).y &&
                f.ChildLinkOf(c.child) == &c)
                Add(r.childrenBelow, "child " + Str(c.child) + " of " + Str(p));
    }
    std::map<double, std::vector<std::pair<double, PersonId>>> rows;
    for (const auto& [id, pt] : l.people)
        rows[pt.y].push_back({pt.x, id});
    for (auto& [y, row] : rows) {
        std::sort(row.begin(), row.end());
        for (std::size_t i = 1; i < row.size(); ++i)
            if (row[i].first - row[i - 1].first < o.symbolSize + o.minGap - 1e-6)
                Add(r.overlaps, Str(row[i - 1].second) + " and " + Str(row[i].second));
    }
    return r;
}

std::string InvariantReport::Summary() const {
    std::ostringstream s;
    s << "birth order " << siblingPairsInOrder << "/" << siblingPairs << " (" << BirthOrderPercent()
      << " %), " << siblingPairsApart << " pairs on other generations";
    auto line = [&](const char* what, const std::vector<std::string>& list) {
        if (!list.empty())
            s << "\n" << what << ": " << list.size() << ", e.g. " << list.front();
    };
    line("birth order", birthOrder);
    line("partners not level", partnersLevel);
    line("children not below", childrenBelow);
    line("overlapping symbols", overlaps);
    line("spouse among siblings", spouseInside);
    line("sibship lines sharing a depth", sharedBars);
    line("crossings without a hop", unhoppedCrossings);
    line("labels over lines", labelsOverLines);
    line("labels over labels", labelsOverLabels);
    line("labels over symbols", labelsOverSymbols);
    line("family or relation lines through symbols", linesThroughSymbols);
    return s.str();
}

} // namespace kartbok::genogram::testing
