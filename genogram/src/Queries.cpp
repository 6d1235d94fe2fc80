#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Siblings.h"

#include <algorithm>
#include <deque>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace kartbok::genogram {

std::string NameOrUnnamed(const Family& family, PersonId person) {
    const Person* p = family.FindPerson(person);
    if (!p)
        return "unnamed person";
    std::string name = p->DisplayName();
    return name.empty() ? "unnamed person" : name;
}

std::vector<PersonId> ParentsOf(const Family& family, PersonId person) {
    auto [a, b] = family.ParentsOf(person);
    std::vector<PersonId> out;
    if (a != kNoId)
        out.push_back(a);
    if (b != kNoId && b != a)
        out.push_back(b);
    return out;
}

static PersonId ParentWithGender(const Family& family, PersonId person, Gender g) {
    for (PersonId p : ParentsOf(family, person))
        if (const Person* parent = family.FindPerson(p); parent && parent->gender == g)
            return p;
    return kNoId;
}

PersonId FatherOf(const Family& family, PersonId person) {
    return ParentWithGender(family, person, Gender::Man);
}
PersonId MotherOf(const Family& family, PersonId person) {
    return ParentWithGender(family, person, Gender::Woman);
}

std::vector<PersonId> PartnersOf(const Family& family, PersonId person) {
    std::vector<PersonId> out;
    for (UnionId u : family.UnionsOf(person)) {
        const Union* un = family.FindUnion(u);
        PersonId other = un->partnerA == person ? un->partnerB : un->partnerA;
        if (other != kNoId && std::find(out.begin(), out.end(), other) == out.end())
            out.push_back(other);
    }
    return out;
}

UnionId UnionBetween(const Family& family, PersonId a, PersonId b) {
    for (UnionId u : family.UnionsOf(a)) {
        const Union* un = family.FindUnion(u);
        if ((un->partnerA == a && un->partnerB == b) || (un->partnerA == b && un->partnerB == a))
            return u;
    }
    return kNoId;
}

/// Children linked to one person alone, in birth order.
static std::vector<PersonId> SingleParentChildren(const Family& family, PersonId person) {
    std::vector<const ChildLink*> links;
    for (const auto& c : family.children)
        if (c.parents == kNoId && c.singleParent == person && person != kNoId)
            links.push_back(&c);
    std::vector<PersonId> out;
    for (const ChildLink* c : SiblingOrder(family, std::move(links)))
        out.push_back(c->child);
    return out;
}

std::vector<PersonId> ChildrenOfPerson(const Family& family, PersonId person) {
    std::vector<PersonId> out;
    for (UnionId u : family.UnionsOf(person))
        for (PersonId c : family.ChildrenOf(u))
            out.push_back(c);
    for (PersonId c : SingleParentChildren(family, person))
        out.push_back(c);
    return out;
}

std::vector<PersonId> SibshipOf(const Family& family, PersonId person) {
    const ChildLink* link = family.ChildLinkOf(person);
    if (!link)
        return {person};
    if (link->parents != kNoId)
        return family.ChildrenOf(link->parents);
    if (link->singleParent != kNoId)
        return SingleParentChildren(family, link->singleParent);
    return {person};
}

std::vector<PersonId> SiblingsOf(const Family& family, PersonId person, SiblingKind which) {
    std::vector<PersonId> out;
    std::vector<PersonId> sibship = SibshipOf(family, person);
    if (which != SiblingKind::Half)
        for (PersonId s : sibship)
            if (s != person)
                out.push_back(s);
    if (which == SiblingKind::Full)
        return out;
    std::set<PersonId> seen(sibship.begin(), sibship.end());
    std::vector<PersonId> parents = ParentsOf(family, person);
    for (PersonId parent : parents)
        for (PersonId c : ChildrenOfPerson(family, parent)) {
            if (seen.count(c))
                continue;
            std::vector<PersonId> theirs = ParentsOf(family, c);
            int shared = 0;
            for (PersonId p : theirs)
                shared += std::count(parents.begin(), parents.end(), p) ? 1 : 0;
            if (shared == 1) {
                out.push_back(c);
                seen.insert(c);
            }
        }
    return out;
}

namespace {
/// Breadth-first walk along one direction of the parent/child edges.
template <class Next> std::vector<PersonId> Walk(PersonId start, Next next) {
    std::vector<PersonId> out;
    std::unordered_set<PersonId> seen{start};
    std::deque<PersonId> queue{start};
    while (!queue.empty()) {
        PersonId p = queue.front();
        queue.pop_front();
        for (PersonId n : next(p))
            if (n != kNoId && seen.insert(n).second) {
                out.push_back(n);
                queue.push_back(n);
            }
    }
    return out;
}
} // namespace

/// Parents through every link of a person: birth and adoptive parents alike.
static std::vector<PersonId> AllParentsOf(const Family& family, PersonId person) {
    std::vector<PersonId> out;
    for (const ChildLink* link : family.ChildLinksOf(person)) {
        if (link->parents != kNoId) {
            if (const Union* u = family.FindUnion(link->parents))
                out.insert(out.end(), {u->partnerA, u->partnerB});
        } else if (link->singleParent != kNoId) {
            out.push_back(link->singleParent);
        }
    }
    return out;
}

std::vector<PersonId> AncestorsOf(const Family& family, PersonId person) {
    return Walk(person, [&](PersonId p) { return AllParentsOf(family, p); });
}

std::vector<PersonId> DescendantsOf(const Family& family, PersonId person) {
    return Walk(person, [&](PersonId p) { return ChildrenOfPerson(family, p); });
}

bool IsAncestorOf(const Family& family, PersonId ancestor, PersonId person) {
    auto a = AncestorsOf(family, person);
    return std::find(a.begin(), a.end(), ancestor) != a.end();
}

std::map<PersonId, int> GenerationsFromIndex(const Family& family) {
    std::map<PersonId, int> gen;
    auto index = family.IndexPerson();
    if (!index)
        return gen;
    // Edges with a generation step, built once so this stays linear.
    std::unordered_map<PersonId, std::vector<std::pair<PersonId, int>>> edges;
    auto link = [&](PersonId a, PersonId b, int step) {
        if (a == kNoId || b == kNoId)
            return;
        edges[a].push_back({b, step});
        edges[b].push_back({a, -step});
    };
    std::unordered_map<UnionId, const Union*> unions;
    for (const auto& u : family.unions) {
        unions[u.id] = &u;
        link(u.partnerA, u.partnerB, 0);
    }
    for (const auto& c : family.children) {
        if (c.parents != kNoId) {
            if (auto it = unions.find(c.parents); it != unions.end()) {
                link(c.child, it->second->partnerA, -1);
                link(c.child, it->second->partnerB, -1);
            }
        } else {
            link(c.child, c.singleParent, -1);
        }
    }
    gen[*index] = 0;
    std::deque<PersonId> queue{*index};
    while (!queue.empty()) {
        PersonId p = queue.front();
        queue.pop_front();
        for (auto [n, step] : edges[p])
            if (gen.emplace(n, gen[p] + step).second)
                queue.push_back(n);
    }
    return gen;
}

std::optional<int> GenerationOf(const Family& family, PersonId person) {
    auto gen = GenerationsFromIndex(family);
    auto it = gen.find(person);
    if (it == gen.end())
        return std::nullopt;
    return it->second;
}

} // namespace kartbok::genogram

namespace kartbok::genogram {

Family AroundIndex(const Family& family, int generations) {
    auto index = family.IndexPerson();
    if (!index || generations < 0)
        return family;
    // Parents and children through every link, partners through unions.
    std::unordered_map<UnionId, const Union*> unions;
    std::unordered_map<PersonId, std::vector<PersonId>> parents, children, partners;
    for (const Union& u : family.unions) {
        unions[u.id] = &u;
        partners[u.partnerA].push_back(u.partnerB);
        partners[u.partnerB].push_back(u.partnerA);
    }
    for (const ChildLink& c : family.children) {
        std::vector<PersonId> ps;
        if (auto it = unions.find(c.parents); c.parents != kNoId && it != unions.end())
            ps = {it->second->partnerA, it->second->partnerB};
        else if (c.parents == kNoId && c.singleParent != kNoId)
            ps = {c.singleParent};
        for (PersonId p : ps) {
            parents[c.child].push_back(p);
            children[p].push_back(c.child);
        }
    }
    // Ancestors up to `generations`, each with its generation (negative).
    std::map<PersonId, int> kept{{*index, 0}};
    std::deque<PersonId> queue{*index};
    while (!queue.empty()) {
        PersonId p = queue.front();
        queue.pop_front();
        if (kept[p] <= -generations)
            continue;
        for (PersonId parent : parents[p])
            if (kept.emplace(parent, kept[p] - 1).second)
                queue.push_back(parent);
    }
    // Their descendants, down to `generations` below the client.
    for (const auto& [p, gen] : std::map<PersonId, int>(kept))
        queue.push_back(p);
    while (!queue.empty()) {
        PersonId p = queue.front();
        queue.pop_front();
        if (kept[p] >= generations)
            continue;
        for (PersonId c : children[p])
            if (kept.emplace(c, kept[p] + 1).second)
                queue.push_back(c);
    }
    std::set<PersonId> people;
    for (const auto& [p, gen] : kept) {
        people.insert(p);
        for (PersonId q : partners[p])
            people.insert(q);
    }
    Family out;
    out.nextId = family.nextId;
    for (const Person& p : family.people)
        if (people.count(p.id))
            out.people.push_back(p);
    std::set<UnionId> keptUnions;
    for (const Union& u : family.unions)
        if (people.count(u.partnerA) && people.count(u.partnerB)) {
            out.unions.push_back(u);
            keptUnions.insert(u.id);
        }
    for (const ChildLink& c : family.children)
        if (people.count(c.child) &&
            (keptUnions.count(c.parents) || (c.parents == kNoId && people.count(c.singleParent))))
            out.children.push_back(c);
    for (const Relation& r : family.relations)
        if (people.count(r.from) && people.count(r.to))
            out.relations.push_back(r);
    for (Household h : family.households) {
        std::erase_if(h.members, [&](PersonId m) { return !people.count(m); });
        if (!h.members.empty())
            out.households.push_back(std::move(h));
    }
    return out;
}

} // namespace kartbok::genogram
