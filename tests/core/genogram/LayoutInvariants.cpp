#include "LayoutInvariants.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
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

/// People linked by unions (partners, partners' partners...), as drawn.
class PartnerGroups {
public:
    PartnerGroups(const Family& f, const Layout& l) {
        for (const Union& u : f.unions)
            if (l.people.count(u.partnerA) && l.people.count(u.partnerB))
                Join(u.partnerA, u.partnerB);
        for (const auto& [id, pt] : l.people)
            m_members[Find(id)].push_back(id);
        // Tied: stands in a family of the map (a drawn parent); parenting:
        // a drawn child stands by them (the child's own link, not a birth
        // family it was adopted out of).
        for (const ChildLink& c : f.children) {
            if (!l.people.count(c.child) || f.ChildLinkOf(c.child) != &c)
                continue;
            bool parentDrawn = false;
            for (PersonId p : LinkParents(f, c))
                if (l.people.count(p)) {
                    parentDrawn = true;
                    m_parenting.insert(Find(p));
                }
            if (parentDrawn)
                m_tied.insert(c.child);
        }
    }
    const std::vector<PersonId>& Members(PersonId p) { return m_members.at(Find(p)); }
    bool Tied(PersonId p) const { return m_tied.count(p) > 0; }
    /// Nobody of the group stands in a family or has a child standing by them.
    bool Outside(PersonId p) {
        const auto& g = Members(p);
        return !m_parenting.count(Find(p)) &&
               std::none_of(g.begin(), g.end(), [&](PersonId q) { return Tied(q); });
    }

private:
    PersonId Find(PersonId p) {
        auto it = m_parent.find(p);
        if (it == m_parent.end() || it->second == p)
            return p;
        return m_parent[p] = Find(it->second);
    }
    void Join(PersonId a, PersonId b) {
        PersonId ra = Find(a), rb = Find(b);
        if (ra != rb)
            m_parent[std::max(ra, rb)] = std::min(ra, rb);
    }
    std::map<PersonId, PersonId> m_parent;
    std::map<PersonId, std::vector<PersonId>> m_members;
    std::set<PersonId> m_tied;
    std::set<PersonId> m_parenting;
};

/// Where the partner row of sibling `kids[i]` may stand (open interval).
/// The family allows the rule when that sibling is the only one of its
/// partner row standing in a family of the map (everyone else married in):
/// then a first-born's row stands left of the siblings, a last-born's right
/// of them, a middle child's between its two neighbours, and a twin's on the
/// side away from its co-twin. A twin between two co-twins: not allowed.
std::optional<std::pair<double, double>>
AllowedSpan(const Family& f, const Layout& l, const std::vector<PersonId>& kids, std::size_t i) {
    const double inf = std::numeric_limits<double>::infinity();
    auto twins = [&](PersonId a, PersonId b) {
        const ChildLink *la = f.ChildLinkOf(a), *lb = f.ChildLinkOf(b);
        return la->twinGroup != kNoId && la->twinGroup == lb->twinGroup;
    };
    const double x = l.people.at(kids[i]).x;
    if (i == 0)
        return std::pair{-inf, x};
    if (i + 1 == kids.size())
        return std::pair{x, inf};
    const bool twinLeft = twins(kids[i - 1], kids[i]), twinRight = twins(kids[i], kids[i + 1]);
    if (twinLeft && twinRight)
        return std::nullopt;
    return std::pair{twinLeft ? x : l.people.at(kids[i - 1]).x,
                     twinRight ? x : l.people.at(kids[i + 1]).x};
}

void CheckSpouses(const Family& f, const Layout& l, InvariantReport& r) {
    std::map<SibshipKey, std::vector<PersonId>> sibships;
    for (const ChildLink& c : f.children)
        if (f.ChildLinkOf(c.child) == &c && l.people.count(c.child))
            sibships[KeyOf(f, c)].push_back(c.child);
    PartnerGroups groups(f, l);
    for (auto& [key, kids] : sibships) {
        const double y = l.people.at(kids.front()).y;
        if (kids.size() < 2 || std::any_of(kids.begin(), kids.end(),
                                           [&](PersonId k) { return l.people.at(k).y != y; }))
            continue;
        std::sort(kids.begin(), kids.end(),
                  [&](PersonId a, PersonId b) { return l.people.at(a).x < l.people.at(b).x; });
        for (std::size_t i = 0; i < kids.size(); ++i) {
            const auto& group = groups.Members(kids[i]);
            if (group.size() < 2 || std::any_of(group.begin(), group.end(), [&](PersonId q) {
                    return q != kids[i] && groups.Tied(q);
                }))
                continue; // another of the row is held by a family of its own
            auto span = AllowedSpan(f, l, kids, i);
            if (!span)
                continue;
            for (PersonId q : group) {
                if (q == kids[i] || l.people.at(q).y != y)
                    continue;
                ++r.spouseChecks;
                const double x = l.people.at(q).x;
                if (!(x > span->first && x < span->second))
                    Add(r.spouseInside,
                        "partner " + Str(q) + " of " + Str(kids[i]) + " stands among the siblings");
            }
        }
        // Nobody without a family line of their own (an adopted child's birth
        // parents) stands among the siblings.
        const double lo = l.people.at(kids.front()).x, hi = l.people.at(kids.back()).x;
        for (const auto& [id, pt] : l.people)
            if (pt.y == y && pt.x > lo && pt.x < hi && groups.Outside(id))
                Add(r.spouseInside, Str(id) + ", of no family here, stands among the siblings of " +
                                        Str(kids.front()));
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
    line("relations of one pair touching", relationsTouching);
    line("relations taking a long way round", relationDetours);
    return s.str();
}

} // namespace kartbok::genogram::testing
