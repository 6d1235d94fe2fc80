#include "LayoutModel.h"

#include "kartbok/genogram/Siblings.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

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
    std::unordered_map<PersonId, PersonId> m_parent;
};

/// Where a person stands among siblings: decides which side partners go.
/// A twin's place among its co-twins (TwinFirst/TwinLast) weighs more: twins
/// must stand side by side.
enum class Place { None, First, Last, Middle, TwinFirst, TwinLast };

/// The family a link hangs from, as drawn: (canonical union, single parent).
struct Resolved {
    UnionId parents = kNoId;
    PersonId single = kNoId;
    bool Valid() const { return parents != kNoId || single != kNoId; }
};

int LinkRank(ChildKind k) {
    return k == ChildKind::Adopted ? 0 : k == ChildKind::Foster ? 1 : 2;
}

class Analyser {
public:
    Analyser(const Family& family, bool placeholders) : m_family(family) {
        for (const Person& p : family.people) {
            if (p.id == kNoId || (p.placeholder && !placeholders) || m_byId.count(p.id))
                continue;
            m_byId[p.id] = &p;
            m_out.drawn.insert(p.id);
        }
        m_out.people.assign(m_out.drawn.begin(), m_out.drawn.end());
    }

    DrawnFamily Run() {
        Couples();
        Links();
        Orient();
        std::set<PersonId> connected;
        for (const OrientedUnion& o : m_out.unions)
            connected.insert({o.left, o.right});
        for (const Sibship& s : m_out.sibships) {
            if (s.single != kNoId)
                connected.insert(s.single);
            for (const ChildLink* c : s.children)
                connected.insert(c->child);
        }
        for (const ExtraLink& e : m_out.extraLinks)
            connected.insert({e.link->child, e.single});
        for (PersonId p : m_out.people)
            if (!connected.count(p))
                m_out.loose.push_back(p);
        return std::move(m_out);
    }

private:
    /// One drawn union per couple; its further unions map onto it.
    void Couples() {
        std::vector<const Union*> all;
        std::set<UnionId> ids;
        for (const Union& u : m_family.unions)
            if (u.id != kNoId && u.partnerA != u.partnerB && m_out.drawn.count(u.partnerA) &&
                m_out.drawn.count(u.partnerB) && ids.insert(u.id).second)
                all.push_back(&u);
        std::stable_sort(all.begin(), all.end(), [](const Union* a, const Union* b) {
            return a->order != b->order ? a->order < b->order : a->id < b->id;
        });
        std::map<std::pair<PersonId, PersonId>, UnionId> couple;
        for (const Union* u : all) {
            auto [it, fresh] = couple.emplace(std::minmax(u->partnerA, u->partnerB), u->id);
            if (!fresh) {
                m_out.sameCouple[u->id] = it->second;
                continue;
            }
            m_unions[u->id] = u;
            m_unionsOf[u->partnerA].push_back(u); // time order: `all` is sorted
            m_unionsOf[u->partnerB].push_back(u);
        }
    }

    Resolved Resolve(const ChildLink& link) const {
        Resolved r;
        if (link.parents != kNoId) {
            UnionId id = link.parents;
            if (auto it = m_out.sameCouple.find(id); it != m_out.sameCouple.end())
                id = it->second;
            if (m_unions.count(id)) {
                r.parents = id;
            } else if (const Union* u = m_family.FindUnion(link.parents)) {
                bool a = m_out.drawn.count(u->partnerA) > 0, b = m_out.drawn.count(u->partnerB) > 0;
                if (a != b)
                    r.single = a ? u->partnerA : u->partnerB;
            }
        } else if (m_out.drawn.count(link.singleParent)) {
            r.single = link.singleParent;
        }
        return r;
    }

    /// Accepts a link unless it would make someone their own ancestor.
    bool Accept(const ChildLink& link, const Resolved& r) {
        if (m_acyclic)
            return true;
        PersonId anchor = r.parents != kNoId ? m_unions.at(r.parents)->partnerA : r.single;
        PersonId pg = m_groups.Find(anchor), cg = m_groups.Find(link.child);
        std::set<PersonId> seen;
        std::function<bool(PersonId)> reaches = [&](PersonId from) {
            if (from == pg)
                return true;
            if (!seen.insert(from).second)
                return false;
            auto it = m_down.find(from);
            if (it != m_down.end())
                for (PersonId next : it->second)
                    if (reaches(next))
                        return true;
            return false;
        };
        if (anchor == link.child || reaches(cg)) {
            m_out.droppedLinks.push_back(link.child);
            return false;
        }
        m_down[pg].push_back(cg);
        return true;
    }

    /// Whether all links together make nobody their own ancestor (as good as
    /// always): then Accept need not search for each link.
    bool
    Acyclic(const std::map<PersonId, std::vector<std::pair<const ChildLink*, Resolved>>>& byChild) {
        std::unordered_map<PersonId, std::vector<PersonId>> down; // rank group -> child groups
        std::unordered_map<PersonId, int> waiting;
        for (const auto& [child, list] : byChild)
            for (const auto& [link, r] : list) {
                PersonId anchor = r.parents != kNoId ? m_unions.at(r.parents)->partnerA : r.single;
                PersonId pg = m_groups.Find(anchor), cg = m_groups.Find(child);
                if (pg == cg)
                    return false;
                down[pg].push_back(cg);
                ++waiting[cg];
                waiting.try_emplace(pg, 0);
            }
        std::vector<PersonId> ready;
        for (const auto& [g, n] : waiting)
            if (n == 0)
                ready.push_back(g);
        std::size_t seen = 0;
        while (!ready.empty()) {
            PersonId g = ready.back();
            ready.pop_back();
            ++seen;
            if (auto it = down.find(g); it != down.end())
                for (PersonId c : it->second)
                    if (--waiting[c] == 0)
                        ready.push_back(c);
        }
        return seen == waiting.size();
    }

    void Links() {
        for (const auto& [id, u] : m_unions)
            m_groups.Join(u->partnerA, u->partnerB);
        // Each drawn child's links: the primary one (adoptive first) places it.
        std::map<PersonId, std::vector<std::pair<const ChildLink*, Resolved>>> byChild;
        for (const ChildLink& link : m_family.children) {
            if (!m_out.drawn.count(link.child))
                continue;
            Resolved r = Resolve(link);
            if (!r.Valid())
                continue;
            auto& list = byChild[link.child];
            bool twice = std::any_of(list.begin(), list.end(), [&](const auto& x) {
                return x.second.parents == r.parents && x.second.single == r.single;
            });
            if (!twice)
                list.push_back({&link, r});
        }
        m_acyclic = Acyclic(byChild);
        std::map<std::pair<UnionId, PersonId>, Sibship> sibships;
        std::vector<std::pair<const ChildLink*, Resolved>> extras;
        for (auto& [child, list] : byChild) {
            std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
                return LinkRank(a.first->kind) < LinkRank(b.first->kind);
            });
            for (std::size_t i = 0; i < list.size(); ++i)
                if (i > 0)
                    extras.push_back(list[i]);
            const auto& [link, r] = list.front();
            if (!Accept(*link, r))
                continue;
            m_out.childLink[child] = link;
            Sibship& s = sibships[{r.parents, r.single}];
            s.parents = r.parents;
            s.single = r.single;
            s.children.push_back(link);
        }
        std::sort(extras.begin(), extras.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [link, r] : extras)
            if (m_out.childLink.count(link->child) && Accept(*link, r))
                m_out.extraLinks.push_back({link, r.parents, r.single});
        auto find = [this](PersonId id) -> const Person* {
            auto it = m_byId.find(id);
            return it == m_byId.end() ? nullptr : it->second;
        };
        for (auto& [key, sib] : sibships) {
            sib.children = SiblingOrder(std::move(sib.children), find);
            const auto& kids = sib.children;
            for (std::size_t i = 0; i < kids.size() && kids.size() > 1; ++i) {
                Place place = i == 0                 ? Place::First
                              : i + 1 == kids.size() ? Place::Last
                                                     : Place::Middle;
                // A twin's partner stands away from the co-twin, so twins stay side by side.
                Id group = kids[i]->twinGroup;
                if (group != kNoId) {
                    bool before = i > 0 && kids[i - 1]->twinGroup == group;
                    bool after = i + 1 < kids.size() && kids[i + 1]->twinGroup == group;
                    if (after && !before)
                        place = Place::TwinFirst;
                    else if (before && !after)
                        place = Place::TwinLast;
                }
                m_place[kids[i]->child] = place;
            }
            m_out.sibships.push_back(std::move(sib));
        }
    }

    Place PlaceOf(PersonId p) const {
        auto it = m_place.find(p);
        return it == m_place.end() ? Place::None : it->second;
    }

    /// Partner rows (LayoutRows.h) from each person's place among siblings;
    /// each union's left partner is the one standing further left.
    void Orient() {
        PartnerFacts facts;
        for (const auto& [person, list] : m_unionsOf) {
            auto& edges = facts.partners[person];
            for (const Union* u : list) // time order
                edges.push_back({u->partnerA == person ? u->partnerB : u->partnerA, u->id});
            facts.woman[person] = m_byId.at(person)->gender == Gender::Woman;
            switch (PlaceOf(person)) {
            case Place::First:
                facts.wishes[person] = {RowWish::End::Right, 1};
                break;
            case Place::Last:
                facts.wishes[person] = {RowWish::End::Left, 1};
                break;
            case Place::TwinFirst:
                facts.wishes[person] = {RowWish::End::Right, 2};
                break;
            case Place::TwinLast:
                facts.wishes[person] = {RowWish::End::Left, 2};
                break;
            default:
                break;
            }
        }
        m_out.partnerRows = ArrangePartners(facts);
        std::map<PersonId, std::size_t> at;
        for (const PartnerRow& row : m_out.partnerRows)
            for (std::size_t i = 0; i < row.size(); ++i)
                if (row[i].person)
                    at[row[i].id] = i;
        for (const auto& [id, u] : m_unions) {
            const bool aLeft = at.at(u->partnerA) < at.at(u->partnerB);
            m_out.unions.push_back(
                {id, aLeft ? u->partnerA : u->partnerB, aLeft ? u->partnerB : u->partnerA});
        }
    }

    const Family& m_family;
    DrawnFamily m_out;
    std::map<PersonId, const Person*> m_byId;
    std::map<UnionId, const Union*> m_unions; ///< canonical, drawn
    std::map<PersonId, std::vector<const Union*>> m_unionsOf;
    std::map<PersonId, Place> m_place;
    RankGroups m_groups;
    bool m_acyclic = false; ///< no link can close a cycle: Accept takes every one
    std::map<PersonId, std::vector<PersonId>> m_down; ///< rank group -> child rank groups
};

} // namespace

DrawnFamily AnalyseFamily(const Family& family, bool includePlaceholders) {
    return Analyser(family, includePlaceholders).Run();
}

} // namespace kartbok::genogram::detail
