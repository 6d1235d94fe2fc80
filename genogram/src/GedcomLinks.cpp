// The last checks on the child links of a GEDCOM import: one birth family per
// child, no one their own ancestor, and couples who are blood relatives. Links
// are dropped with a warning rather than the file refused: genealogy files
// with such loops exist in the wild.

#include "GedcomInternal.h"

#include <set>
#include <tuple>
#include <unordered_map>

namespace kartbok::genogram::gedcom {

void KeepOneBirthFamily(std::vector<PendingLink>& links, Warnings& warnings) {
    std::unordered_map<PersonId, std::string_view> birth;
    std::set<std::tuple<PersonId, UnionId, PersonId>> seen;
    for (PendingLink& p : links) {
        if (p.dropped)
            continue;
        const ChildLink& l = p.link;
        if (!seen.insert({l.child, l.parents, l.singleParent}).second) {
            p.dropped = true; // the same couple in two FAM records, both listing the child
            continue;
        }
        if (l.kind != ChildKind::Biological)
            continue;
        auto [it, fresh] = birth.emplace(l.child, p.fam);
        if (fresh)
            continue;
        p.dropped = true;
        warnings.Add(p.line, "this person is already a child of family " + ShownXref(it->second) +
                                 "; the link to " + ShownXref(p.fam) + " was skipped");
    }
}

/// Depth-first over child -> parent edges (every link of a child); a link whose
/// parent is still on the path would make someone their own ancestor, so it is
/// dropped. Iterative, so a 100 000-generation line cannot overflow the stack.
void BreakCycles(const Family& family, std::vector<PendingLink>& links, Warnings& warnings) {
    std::unordered_map<UnionId, std::pair<PersonId, PersonId>> unions;
    for (const Union& u : family.unions)
        unions[u.id] = {u.partnerA, u.partnerB};
    std::unordered_map<PersonId, std::vector<PendingLink*>> linksOf;
    for (PendingLink& p : links)
        if (!p.dropped)
            linksOf[p.link.child].push_back(&p);
    struct Edge {
        PersonId parent;
        PendingLink* link;
    };
    auto parentsOf = [&](PersonId child) {
        std::vector<Edge> out;
        auto it = linksOf.find(child);
        if (it == linksOf.end())
            return out;
        for (PendingLink* p : it->second) {
            const ChildLink& l = p->link;
            if (l.parents != kNoId) {
                out.push_back({unions[l.parents].first, p});
                out.push_back({unions[l.parents].second, p});
            } else {
                out.push_back({l.singleParent, p});
            }
        }
        return out;
    };
    enum Color : std::uint8_t { White, Grey, Black };
    std::unordered_map<PersonId, Color> color;
    struct Frame {
        PersonId person;
        std::vector<Edge> parents;
        std::size_t next = 0;
    };
    for (const Person& start : family.people) {
        if (color[start.id] != White)
            continue;
        std::vector<Frame> stack;
        stack.push_back({start.id, parentsOf(start.id)});
        color[start.id] = Grey;
        while (!stack.empty()) {
            Frame& f = stack.back();
            if (f.next == f.parents.size()) {
                color[f.person] = Black;
                stack.pop_back();
                continue;
            }
            Edge e = f.parents[f.next++];
            if (e.link->dropped)
                continue;
            if (color[e.parent] == Grey) {
                e.link->dropped = true;
                warnings.Add(e.link->line, "this link to family " + ShownXref(e.link->fam) +
                                               " would make someone their own ancestor; skipped");
            } else if (color[e.parent] == White) {
                color[e.parent] = Grey;
                stack.push_back({e.parent, parentsOf(e.parent)});
            }
        }
    }
}

void MarkConsanguineous(Family& family, int generations) {
    std::unordered_map<UnionId, const Union*> unions;
    for (const Union& u : family.unions)
        unions[u.id] = &u;
    std::unordered_map<PersonId, std::vector<PersonId>> birthParents;
    for (const ChildLink& c : family.children) {
        if (c.kind != ChildKind::Biological)
            continue;
        auto& out = birthParents[c.child];
        if (c.parents != kNoId) {
            if (auto it = unions.find(c.parents); it != unions.end())
                out.insert(out.end(), {it->second->partnerA, it->second->partnerB});
        } else if (c.singleParent != kNoId) {
            out.push_back(c.singleParent);
        }
    }
    auto ancestors = [&](PersonId p) {
        std::set<PersonId> out;
        std::vector<PersonId> level{p};
        for (int g = 0; g < generations && !level.empty(); ++g) {
            std::vector<PersonId> next;
            for (PersonId q : level)
                if (auto it = birthParents.find(q); it != birthParents.end())
                    for (PersonId parent : it->second)
                        if (out.insert(parent).second)
                            next.push_back(parent);
            level = std::move(next);
        }
        return out;
    };
    for (Union& u : family.unions) {
        std::set<PersonId> a = ancestors(u.partnerA);
        if (a.empty())
            continue;
        for (PersonId q : ancestors(u.partnerB))
            if (a.count(q)) {
                u.consanguineous = true;
                break;
            }
    }
}

} // namespace kartbok::genogram::gedcom
