#include "LayoutModel.h"

#include <algorithm>
#include <functional>
#include <numeric>

namespace kartbok::genogram::detail {
namespace {

/// Union-find over people, so partners share one "rank group".
class RankGroups {
public:
    PersonId Find(PersonId p) {
        auto it = m_parent.find(p);
        if (it == m_parent.end() || it->second == p)
            return p;
        PersonId root = Find(it->second);
        m_parent[p] = root;
        return root;
    }
    void Join(PersonId a, PersonId b) {
        PersonId ra = Find(a), rb = Find(b);
        if (ra != rb)
            m_parent[std::max(ra, rb)] = std::min(ra, rb);
    }

private:
    std::map<PersonId, PersonId> m_parent;
};

enum class Side { Left, Right };

Side BaseSide(const Person& hub) {
    return hub.gender == Gender::Woman ? Side::Left : Side::Right;
}
Side Opposite(Side s) {
    return s == Side::Left ? Side::Right : Side::Left;
}

} // namespace

DrawnFamily AnalyseFamily(const Family& family, bool includePlaceholders) {
    DrawnFamily out;
    std::map<PersonId, const Person*> byId;
    for (const Person& p : family.people) {
        if (p.id == kNoId || (p.placeholder && !includePlaceholders) || byId.count(p.id))
            continue;
        byId[p.id] = &p;
        out.drawn.insert(p.id);
    }
    out.people.assign(out.drawn.begin(), out.drawn.end());

    // Drawn unions: both partners drawn, distinct, no duplicate ids.
    std::map<UnionId, const Union*> unions;
    for (const Union& u : family.unions)
        if (u.id != kNoId && u.partnerA != u.partnerB && out.drawn.count(u.partnerA) &&
            out.drawn.count(u.partnerB) && !unions.count(u.id))
            unions[u.id] = &u;

    // Each person's drawn unions in time order (order, then id).
    std::map<PersonId, std::vector<const Union*>> unionsOf;
    for (const auto& [id, u] : unions) {
        unionsOf[u->partnerA].push_back(u);
        unionsOf[u->partnerB].push_back(u);
    }
    for (auto& [p, list] : unionsOf)
        std::stable_sort(list.begin(), list.end(), [](const Union* a, const Union* b) {
            return a->order != b->order ? a->order < b->order : a->id < b->id;
        });
    auto indexIn = [&](PersonId p, UnionId u) {
        const auto& list = unionsOf[p];
        for (std::size_t i = 0; i < list.size(); ++i)
            if (list[i]->id == u)
                return static_cast<int>(i);
        return 0;
    };

    // Orientation: default man left / woman right; a hub with several partners
    // puts the first on its base side and alternates outward.
    for (const auto& [id, u] : unions) {
        const Person& a = *byId[u->partnerA];
        const Person& b = *byId[u->partnerB];
        OrientedUnion o{id, a.id, b.id};
        if (a.gender == Gender::Woman && b.gender == Gender::Man)
            o = {id, b.id, a.id};
        std::size_t nA = unionsOf[a.id].size(), nB = unionsOf[b.id].size();
        if (nA > 1 || nB > 1) {
            const Person& hub = (nB > nA) ? b : a;
            const Person& other = (&hub == &a) ? b : a;
            int k = indexIn(hub.id, id);
            Side side = (k % 2 == 0) ? BaseSide(hub) : Opposite(BaseSide(hub));
            o = side == Side::Right ? OrientedUnion{id, hub.id, other.id}
                                    : OrientedUnion{id, other.id, hub.id};
        }
        out.unions.push_back(o);
    }
    // Effective child links: first link per child; parents resolved to what is drawn.
    RankGroups groups;
    for (const OrientedUnion& o : out.unions)
        groups.Join(o.left, o.right);
    std::map<PersonId, std::vector<PersonId>> down; // rank group -> child rank groups
    std::function<bool(PersonId, PersonId, std::set<PersonId>&)> reaches =
        [&](PersonId from, PersonId to, std::set<PersonId>& seen) {
            if (from == to)
                return true;
            if (!seen.insert(from).second)
                return false;
            auto it = down.find(from);
            if (it == down.end())
                return false;
            for (PersonId next : it->second)
                if (reaches(next, to, seen))
                    return true;
            return false;
        };

    std::map<std::pair<UnionId, PersonId>, Sibship> sibships;
    std::set<PersonId> seenChild;
    for (const ChildLink& link : family.children) {
        if (!out.drawn.count(link.child) || !seenChild.insert(link.child).second)
            continue; // hidden child, or a second link: the first one wins
        UnionId parents = kNoId;
        PersonId single = kNoId;
        if (link.parents != kNoId) {
            if (unions.count(link.parents)) {
                parents = link.parents;
            } else if (const Union* u = family.FindUnion(link.parents)) {
                bool a = out.drawn.count(u->partnerA) > 0, b = out.drawn.count(u->partnerB) > 0;
                if (a != b)
                    single = a ? u->partnerA : u->partnerB;
            }
        } else if (out.drawn.count(link.singleParent)) {
            single = link.singleParent;
        }
        if (parents == kNoId && single == kNoId)
            continue;
        PersonId parentAnchor = parents != kNoId ? unions[parents]->partnerA : single;
        if (parentAnchor == link.child) {
            out.droppedLinks.push_back(link.child);
            continue;
        }
        PersonId pg = groups.Find(parentAnchor), cg = groups.Find(link.child);
        std::set<PersonId> seen;
        if (reaches(cg, pg, seen)) {
            out.droppedLinks.push_back(link.child); // would make someone their own ancestor
            continue;
        }
        down[pg].push_back(cg);
        out.childLink[link.child] = &link;
        sibships[{parents, single}].parents = parents;
        sibships[{parents, single}].single = single;
        sibships[{parents, single}].children.push_back(&link);
    }

    std::set<PersonId> connected;
    for (const OrientedUnion& o : out.unions)
        connected.insert({o.left, o.right});
    for (auto& [key, sib] : sibships) {
        // Twins stand together at the place of their eldest.
        std::map<Id, int> twinFirst;
        for (const ChildLink* c : sib.children)
            if (c->twinGroup != kNoId) {
                auto it = twinFirst.find(c->twinGroup);
                if (it == twinFirst.end() || c->birthOrder < it->second)
                    twinFirst[c->twinGroup] = c->birthOrder;
            }
        auto groupOrder = [&](const ChildLink* c) {
            return c->twinGroup != kNoId ? twinFirst[c->twinGroup] : c->birthOrder;
        };
        std::sort(sib.children.begin(), sib.children.end(),
                  [&](const ChildLink* x, const ChildLink* y) {
                      auto kx = std::tuple(groupOrder(x), x->twinGroup, x->birthOrder, x->child);
                      auto ky = std::tuple(groupOrder(y), y->twinGroup, y->birthOrder, y->child);
                      return kx < ky;
                  });
        if (sib.single != kNoId)
            connected.insert(sib.single);
        for (const ChildLink* c : sib.children)
            connected.insert(c->child);
        out.sibships.push_back(std::move(sib));
    }
    for (PersonId p : out.people)
        if (!connected.count(p))
            out.loose.push_back(p);
    return out;
}

} // namespace kartbok::genogram::detail
