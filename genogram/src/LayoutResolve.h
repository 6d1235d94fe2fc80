#pragma once
// After Graphviz: y per generation, loose people beside the index person,
// nudges, and overlap removal on each generation.

#include "LayoutGraph.h"

namespace kartbok::genogram::detail {

struct RawPosition {
    double x = 0; ///< Graphviz points
    double y = 0; ///< Graphviz points, y up
};

/// Drawing margins around the symbols, room for years above and names below.
struct Margins {
    double left = 0, top = 0, right = 0, bottom = 0;
};
Margins MarginsFor(const LayoutOptions& options);

Size EmptyBounds(const LayoutOptions& options);

/// Fills layout.people, unions, generation and bounds from Graphviz's raw
/// positions (by node index of graph).
void PlaceAndResolve(const Family& family, const DrawnFamily& drawn, const DotGraph& graph,
                     const std::vector<RawPosition>& raw, const LayoutOptions& options,
                     Layout& layout);

/// Moves positions as little as possible so neighbours in `order` are at least
/// `pitch` apart; items with a higher weight move less. Exposed for tests.
std::vector<double> SpreadApart(const std::vector<double>& x, const std::vector<double>& weight,
                                double pitch);

} // namespace kartbok::genogram::detail
