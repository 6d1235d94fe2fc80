#include "kartbok/genogram/Siblings.h"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

namespace kartbok::genogram {

std::vector<const ChildLink*> SiblingOrder(const Family& family,
                                           std::vector<const ChildLink*> links) {
    return SiblingOrder(std::move(links), [&family](PersonId id) { return family.FindPerson(id); });
}

std::vector<const ChildLink*>
SiblingOrder(std::vector<const ChildLink*> links,
             const std::function<const Person*(PersonId)>& findPerson) {
    // Entry order: birthOrder, then place in the family's vector.
    std::stable_sort(links.begin(), links.end(), [](const ChildLink* a, const ChildLink* b) {
        return std::tie(a->birthOrder, a) < std::tie(b->birthOrder, b);
    });
    constexpr long kFirst = std::numeric_limits<long>::min();
    constexpr long kLast = std::numeric_limits<long>::max();
    std::map<const ChildLink*, long> key;
    std::map<const ChildLink*, std::size_t> entry;
    long latest = kFirst; // latest date among the siblings entered so far
    for (std::size_t i = 0; i < links.size(); ++i) {
        const ChildLink* c = links[i];
        entry[c] = i;
        const Person* p = findPerson(c->child);
        if (p && p->birth.Known()) {
            key[c] = p->birth.SortKey();
            latest = std::max(latest, key[c]);
        } else if (p && p->kind == PersonKind::Pregnancy) {
            key[c] = kLast;
        } else {
            key[c] = latest;
        }
    }
    // Twins stand together at the place of their eldest.
    std::map<Id, std::pair<long, std::size_t>> group;
    for (const ChildLink* c : links)
        if (c->twinGroup != kNoId) {
            auto first = std::pair(key[c], entry[c]);
            auto [it, fresh] = group.emplace(c->twinGroup, first);
            if (!fresh)
                it->second = std::min(it->second, first);
        }
    auto place = [&](const ChildLink* c) {
        auto own = std::pair(key[c], entry[c]);
        auto at = c->twinGroup != kNoId ? group[c->twinGroup] : own;
        return std::tuple(at.first, at.second, c->twinGroup, own.first, own.second);
    };
    std::sort(links.begin(), links.end(),
              [&](const ChildLink* a, const ChildLink* b) { return place(a) < place(b); });

    // Dragged children go where the user put them, lowest place first.
    std::vector<const ChildLink*> pinned, out;
    for (const ChildLink* c : links)
        (c->pinnedPosition >= 0 ? pinned : out).push_back(c);
    std::stable_sort(pinned.begin(), pinned.end(), [](const ChildLink* a, const ChildLink* b) {
        return a->pinnedPosition < b->pinnedPosition;
    });
    for (const ChildLink* c : pinned) {
        std::size_t at =
            std::min<std::size_t>(static_cast<std::size_t>(c->pinnedPosition), out.size());
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(at), c);
    }
    return out;
}

} // namespace kartbok::genogram
