#pragma once
// Birth order after Graphviz: dot keeps ordering=out most of the time, not
// always (on a royal-like 3 000-person tree about 2 % of sibling pairs come
// out swapped). Internal to genogram/src.

#include "LayoutGraph.h"
#include "LayoutResolve.h"

#include <vector>

namespace kartbok::genogram::detail {

/// Moves siblings that dot put out of birth order back into it. Only "free"
/// nodes move: a sibling (with any partners) who has nothing else in the
/// graph - no children, no other parents - so moving it bends no other line.
/// Siblings tied elsewhere (married into another family of the map, with
/// children) stay where dot put them; free ones are put in order around them.
/// Works on dot's raw positions (x only), before overlaps are resolved.
void KeepBirthOrder(const DrawnFamily& drawn, const DotGraph& graph, const LayoutMetrics& metrics,
                    std::vector<RawPosition>& raw);

} // namespace kartbok::genogram::detail
