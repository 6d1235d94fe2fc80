#pragma once
// The graph handed to Graphviz, as plain data: built once, then either turned
// into cgraph objects (ComputeLayout) or dot text (ToDot), so a benchmark of
// the `dot` command times exactly the graph the app lays out.
//
// Partners who are linked by unions form one *block* node: an HTML table with
// a cell per person and per union, in drawing order. A block is one node for
// dot, so nobody can end up standing between partners, and it needs no
// clusters (which would break birth order). Children hang from a union cell
// through a port; a child enters its own cell of its block.

#include "LayoutModel.h"

#include <string>
#include <utility>
#include <vector>

namespace kartbok::genogram::detail {

struct DotGraph {
    enum class Kind : char { Person, Block, Sibship };
    struct Cell {
        bool person = true;
        Id id = kNoId;
        int width = 0; ///< points
    };
    struct Node {
        std::string name; ///< "p12" (single person), "b12" (block), "s40" / "t12" (sibships)
        Kind kind = Kind::Person;
        Id id = kNoId;
        std::vector<Cell> cells; ///< blocks only, left to right
    };
    struct Edge {
        std::size_t tail = 0, head = 0;
        int weight = 1;
        int minlen = 1;
        std::string tailport, headport;
    };
    using Attrs = std::vector<std::pair<std::string, std::string>>;

    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::vector<std::vector<std::size_t>> sameRank; ///< node groups sharing a rank
    Attrs graphAttrs;
    Attrs nodeDefaults; ///< single-person nodes use the defaults
    Attrs blockAttrs;   ///< overrides for blocks (besides the HTML label)
    Attrs sibshipAttrs; ///< overrides for sibship nodes
    /// The people either side of each union cell, for placing the union after nudges.
    std::map<UnionId, std::pair<PersonId, PersonId>> unionNeighbours;
    int blockHeight = 36; ///< points, the symbol size
};

/// Geometry the layout and the graph agree on, in points.
struct LayoutMetrics {
    int personWidth = 0; ///< width Graphviz reserves per person (symbol + room for its name)
    int unionWidth = 0;  ///< width of the union cell between partners
    double nodeSep = 0;  ///< Graphviz nodesep
    double pitch = 0;    ///< minimum centre distance of two symbols on a rank
};
LayoutMetrics MetricsFor(const LayoutOptions& options);

DotGraph BuildDotGraph(const DrawnFamily& drawn, const Family& family,
                       const LayoutOptions& options);
std::string DotText(const DotGraph& graph);
/// The HTML-like label of a block node.
std::string BlockLabel(const DotGraph::Node& block, int height);

} // namespace kartbok::genogram::detail
