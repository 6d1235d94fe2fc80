#pragma once
// The drawn structure of a family, shared by the layout and the scene so both
// agree on who is drawn, which union a child hangs from, and in which order
// siblings stand. Internal to genogram/src.

#include "kartbok/genogram/Layout.h"

#include <map>
#include <set>
#include <vector>

namespace kartbok::genogram::detail {

/// Children hanging from one union, or from one parent when the other is
/// unknown or hidden (a placeholder). Children are in drawing order: birth
/// order, twins kept together, ties broken by id.
struct Sibship {
    UnionId parents = kNoId; ///< the union, or kNoId for a single parent
    PersonId single = kNoId; ///< the one drawn parent when parents == kNoId
    std::vector<const ChildLink*> children;
};

/// Which union of a couple stands left, after the multi-partner scheme:
/// a man's first partner stands to his right, a woman's to her left; later
/// partners alternate sides, moving outward in time order.
struct OrientedUnion {
    UnionId id = kNoId;
    PersonId left = kNoId;
    PersonId right = kNoId;
};

struct DrawnFamily {
    std::vector<PersonId> people;      ///< drawn people, sorted by id
    std::set<PersonId> drawn;          ///< same, for lookups
    std::vector<OrientedUnion> unions; ///< both partners drawn, sorted by id
    std::vector<Sibship> sibships;     ///< sorted by (union, single parent)
    std::map<PersonId, const ChildLink*>
        childLink;               ///< effective link per child (first one; cycles dropped)
    std::vector<PersonId> loose; ///< no partner, parent or child: drawn beside the index
    std::vector<PersonId>
        droppedLinks; ///< children whose link would make someone their own ancestor
};

/// Works out the drawn structure. Never throws on odd families: a child listed
/// twice uses its first link, a link that would close an ancestry cycle is
/// dropped (and reported in droppedLinks).
DrawnFamily AnalyseFamily(const Family& family, bool includePlaceholders);

} // namespace kartbok::genogram::detail
