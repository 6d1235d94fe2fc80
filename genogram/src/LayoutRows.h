#pragma once
// Rows of partners: who stands where among people joined by unions. Decided
// once, before Graphviz, from the family's facts (each person's place among
// their siblings, the order of their unions), so the layout graph, the scene
// and the invariant tests agree. Internal to genogram/src.

#include "kartbok/genogram/Family.h"

#include <map>
#include <vector>

namespace kartbok::genogram::detail {

/// Which end of their partner row a person needs to stand at so that nobody
/// of that row stands among their siblings: a first-born (siblings to the
/// right) needs the right end, a last-born the left end; a twin needs the end
/// away from the co-twin. Strength breaks a clash between two people of one
/// row who need the same end: a twin (2) before a first- or last-born (1).
struct RowWish {
    enum class End : char { Any, Left, Right };
    End end = End::Any;
    int strength = 0;
};

/// One partner of a person, in the time order of that person's unions.
struct PartnerEdge {
    PersonId partner = kNoId;
    UnionId union_ = kNoId;
};

/// A cell of a partner row: a person, or the union between two of them.
struct RowCell {
    bool person = true;
    Id id = kNoId;
};
using PartnerRow = std::vector<RowCell>;

/// The facts the rows are made from: every person who has a partner, with
/// their partners in time order; wishes and women for those who have them.
struct PartnerFacts {
    std::map<PersonId, std::vector<PartnerEdge>> partners;
    std::map<PersonId, RowWish> wishes;
    std::map<PersonId, bool> woman;
};

/// One row per group of people linked by unions, left to right, every union
/// cell between its two partners (or next to the first when a loop of
/// unions closes). Rules, in this order:
///  - One person of the group needs the left end (L) and one the right end
///    (R): the chain of partners from L to R stands left to right, anyone
///    else joins next to their partner on that chain, inside it.
///  - Only L (or only R): L stands at its end, every partner of L on the one
///    side, in time order outward, each partner's own further partners
///    beyond them.
///  - Nobody needs an end: the person with most partners stands in the
///    middle, partners alternating from the side a man's partner takes
///    (right; a woman's partner left) in time order outward.
/// Two people who need the same end: the stronger wish wins, then the lower id.
std::vector<PartnerRow> ArrangePartners(const PartnerFacts& facts);

} // namespace kartbok::genogram::detail
