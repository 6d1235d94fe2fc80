#pragma once
// The drawn structure of a family, shared by the layout and the scene so both
// agree on who is drawn, which union a child hangs from, and in which order
// siblings stand. Internal to genogram/src.

#include "LayoutRows.h"
#include "kartbok/genogram/Layout.h"

#include <map>
#include <set>
#include <vector>

namespace kartbok::genogram::detail {

/// Children hanging from one union, or from one parent when the other is
/// unknown or hidden (a placeholder). Children are in drawing order
/// (SiblingOrder: birth dates, twins together, the user's drags).
struct Sibship {
    UnionId parents = kNoId; ///< the union, or kNoId for a single parent
    PersonId single = kNoId; ///< the one drawn parent when parents == kNoId
    std::vector<const ChildLink*> children;
};

/// A couple as drawn: `left` stands left of `right` in their partner row
/// (ArrangePartners, LayoutRows.h).
struct OrientedUnion {
    UnionId id = kNoId;
    PersonId left = kNoId;
    PersonId right = kNoId;
};

/// A child's link to a family it does not stand in: an adopted child's
/// birth parents, a second adoptive family. Drawn as a line; in the layout
/// graph only a "below these parents" constraint.
struct ExtraLink {
    const ChildLink* link = nullptr;
    UnionId parents = kNoId; ///< resolved to what is drawn (a canonical union)
    PersonId single = kNoId;
};

struct DrawnFamily {
    std::vector<PersonId> people;      ///< drawn people, sorted by id
    std::set<PersonId> drawn;          ///< same, for lookups
    std::vector<OrientedUnion> unions; ///< both partners drawn, sorted by id; one per couple
    /// A couple's further unions (two FAM records of the same couple) -> the
    /// union drawn for the couple. Their children hang from that one line.
    std::map<UnionId, UnionId> sameCouple;
    std::vector<PartnerRow> partnerRows;            ///< one per group of partners, left to right
    std::vector<Sibship> sibships;                  ///< sorted by (union, single parent)
    std::map<PersonId, const ChildLink*> childLink; ///< the link each child stands by
    std::vector<ExtraLink> extraLinks;              ///< other links, in family order
    std::vector<PersonId> loose; ///< no partner, parent or child: drawn beside the index
    std::vector<PersonId>
        droppedLinks; ///< children whose link would make someone their own ancestor
};

/// Works out the drawn structure. Never throws on odd families: a link that
/// would close an ancestry cycle is dropped (and reported in droppedLinks).
DrawnFamily AnalyseFamily(const Family& family, bool includePlaceholders);

} // namespace kartbok::genogram::detail
