#pragma once
// Birth order after Graphviz: dot keeps ordering=out most of the time, not
// always (on a royal-like 3 000-person tree about 2 % of sibling pairs come
// out swapped). Internal to genogram/src.

#include "LayoutGraph.h"
#include "LayoutResolve.h"

#include <vector>

namespace kartbok::genogram::detail {

/// Moves siblings that dot put out of birth order back into it. First the
/// "free" ones: a sibling (with any partners) who has nothing else in the
/// graph - no children, no other parents - so moving it bends no other line;
/// they go next to their tied siblings in order. Then, on each generation
/// where tied siblings still stand swapped, the units are reordered to keep
/// every sibship's birth order (dot's order otherwise) and the moved ones go
/// beside their new neighbours. Last, people with no family line of their
/// own (an adopted child's birth parents) are moved out of any sibship they
/// stand in. Works on dot's raw positions (x only), before overlaps are
/// resolved.
void KeepBirthOrder(const DrawnFamily& drawn, const DotGraph& graph, const LayoutMetrics& metrics,
                    std::vector<RawPosition>& raw);

} // namespace kartbok::genogram::detail
