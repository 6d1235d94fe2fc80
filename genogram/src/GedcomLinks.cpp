// The last checks on the child links of a GEDCOM import: one link per child,
// and no one their own ancestor. Both drop links with a warning rather than
// refuse the file: genealogy files with such loops exist in the wild.

#include "GedcomInternal.h"

#include <unordered_map>

namespace kartbok::genogram::gedcom {

void KeepFirstLinkPerChild(std::vector<PendingLink>& links, Warnings& warnings) {
    std::unordered_map<PersonId, std::string_view> first;
    for (PendingLink& p : links) {
        if (p.dropped)
            continue;
        auto [it, fresh] = first.emplace(p.link.child, p.fam);
        if (fresh)
            continue;
        p.dropped = true;
        warnings.Add(p.line, "this person is already a child of family " + ShownXref(it->second) +
                                 "; the link to " + ShownXref(p.fam) + " was skipped");
    }
}

/// Depth-first over child -> parent edges; a link whose parent is still on the
/// path would make someone their own ancestor, so it is dropped. Iterative, so
/// a 100 000-generation line cannot overflow the stack.
void BreakCycles(const Family& family, std::vector<PendingLink>& links, Warnings& warnings) {
    std::unordered_map<UnionId, std::pair<PersonId, PersonId>> unions;
    for (const Union& u : family.unions)
        unions[u.id] = {u.partnerA, u.partnerB};
    std::unordered_map<PersonId, PendingLink*> linkOf;
    for (PendingLink& p : links)
        if (!p.dropped)
            linkOf[p.link.child] = &p;
    auto parentsOf = [&](PersonId child) {
        std::vector<PersonId> out;
        auto it = linkOf.find(child);
        if (it == linkOf.end() || it->second->dropped)
            return out;
        const ChildLink& l = it->second->link;
        if (l.parents != kNoId)
            out = {unions[l.parents].first, unions[l.parents].second};
        else
            out = {l.singleParent};
        return out;
    };
    enum Color : std::uint8_t { White, Grey, Black };
    std::unordered_map<PersonId, Color> color;
    struct Frame {
        PersonId person;
        std::vector<PersonId> parents;
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
            PersonId parent = f.parents[f.next++];
            if (color[parent] == Grey) {
                PendingLink* bad = linkOf[f.person];
                bad->dropped = true;
                f.next = f.parents.size();
                warnings.Add(bad->line, "this link to family " + std::string(bad->fam) +
                                            " would make someone their own ancestor; skipped");
            } else if (color[parent] == White) {
                color[parent] = Grey;
                stack.push_back({parent, parentsOf(parent)});
            }
        }
    }
}

} // namespace kartbok::genogram::gedcom
