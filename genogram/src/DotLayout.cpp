// ComputeLayout: the only place Graphviz is called. Graphviz gives x positions
// and ranks; Kartbok then sets y per generation, places loose people, applies
// nudges and removes overlaps (LayoutResolve.cpp).

#include "LayoutGraph.h"
#include "LayoutOrder.h"
#include "LayoutResolve.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cmath>
#include <memory>
#include <mutex>

namespace kartbok::genogram {
namespace {

/// Graphviz 2.42 keeps global state (error handler, string pool): one layout at a time.
std::mutex& GraphvizMutex() {
    static std::mutex mutex;
    return mutex;
}

/// Graphviz errors, collected during one call (under the mutex).
std::string& GraphvizErrors() {
    static std::string errors;
    return errors;
}
int CollectError(char* message) {
    if (GraphvizErrors().size() < 2000)
        GraphvizErrors() += message ? message : "";
    return 0;
}

/// Graphviz 2.42 setters take char*: hand them writable copies.
void Set(void* object, const std::string& name, const std::string& value) {
    std::string n = name, v = value, empty;
    agsafeset(object, n.data(), v.data(), empty.data());
}
Agsym_t* Declare(Agraph_t* g, int kind, const std::string& name, const std::string& value) {
    std::string n = name, v = value;
    return agattr(g, kind, n.data(), v.data());
}

using Kind = detail::DotGraph::Kind;

/// Attribute symbols of one node kind, looked up (or declared) once.
using Symbols = std::vector<std::pair<Agsym_t*, std::string>>;
Symbols NodeSymbols(Agraph_t* g, const detail::DotGraph::Attrs& attrs) {
    Symbols syms;
    for (const auto& [k, v] : attrs) {
        std::string key = k;
        Agsym_t* sym = agattr(g, AGNODE, key.data(), nullptr);
        syms.push_back({sym ? sym : Declare(g, AGNODE, k, ""), v});
    }
    return syms;
}

/// Adds every node, in index order: people plain, blocks and sibship nodes
/// with the attributes that override the defaults, blocks with their label.
std::vector<Agnode_t*> AddNodes(Agraph_t* g, const detail::DotGraph& graph) {
    const Symbols blockSyms = NodeSymbols(g, graph.blockAttrs);
    const Symbols sibSyms = NodeSymbols(g, graph.sibshipAttrs);
    Agsym_t* label = agattr(g, AGNODE, const_cast<char*>("label"), nullptr);
    std::vector<Agnode_t*> nodes;
    nodes.reserve(graph.nodes.size());
    for (const auto& n : graph.nodes) {
        std::string nodeName = n.name;
        Agnode_t* node = agnode(g, nodeName.data(), 1);
        if (n.kind != Kind::Person)
            for (const auto& [sym, value] : n.kind == Kind::Block ? blockSyms : sibSyms) {
                std::string v = value;
                agxset(node, sym, v.data());
            }
        if (n.kind == Kind::Block) {
            std::string html = detail::BlockLabel(n, graph.blockHeight);
            char* h = agstrdup_html(g, html.data());
            agxset(node, label, h);
            agstrfree(g, h);
        }
        nodes.push_back(node);
    }
    return nodes;
}

/// The same-rank subgraphs and the edges.
void AddRanksAndEdges(Agraph_t* g, const detail::DotGraph& graph,
                      const std::vector<Agnode_t*>& nodes) {
    for (std::size_t i = 0; i < graph.sameRank.size(); ++i) {
        std::string subName = "rank" + std::to_string(i);
        Agraph_t* sub = agsubg(g, subName.data(), 1);
        Set(sub, "rank", "same");
        for (std::size_t n : graph.sameRank[i])
            agsubnode(sub, nodes[n], 1);
    }
    Agsym_t* weight = Declare(g, AGEDGE, "weight", "1");
    Agsym_t* minlen = Declare(g, AGEDGE, "minlen", "1");
    Agsym_t* tailport = Declare(g, AGEDGE, "tailport", "");
    Agsym_t* headport = Declare(g, AGEDGE, "headport", "");
    auto setEdge = [](Agedge_t* e, Agsym_t* sym, const std::string& value) {
        std::string v = value;
        agxset(e, sym, v.data());
    };
    for (const auto& e : graph.edges) {
        Agedge_t* edge = agedge(g, nodes[e.tail], nodes[e.head], nullptr, 1);
        setEdge(edge, weight, std::to_string(e.weight));
        if (e.minlen != 1)
            setEdge(edge, minlen, std::to_string(e.minlen));
        if (!e.tailport.empty())
            setEdge(edge, tailport, e.tailport);
        if (!e.headport.empty())
            setEdge(edge, headport, e.headport);
    }
}

/// Runs dot and returns each node's centre in Graphviz points (y up), by node index.
std::vector<detail::RawPosition> RunDot(const detail::DotGraph& graph) {
    std::lock_guard lock(GraphvizMutex());
    GraphvizErrors().clear();
    agseterr(AGERR); // warnings are not our users' business
    agusererrf previous = agseterrf(CollectError);

    // One context for the process, made on first use: Graphviz 2.42 leaks a
    // few KiB inside gvContext() on every creation (gvconfig), and loading
    // the plugin configuration is most of a small layout's time. The context
    // holds no graph between calls; each call builds and frees its own graph.
    static GVC_t* context = gvContext();
    GVC_t* gvc = context;
    if (!gvc) {
        agseterrf(previous);
        throw LayoutError("Graphviz could not start (is the graphviz package installed?)");
    }
    std::string name = "kartbok";
    Agraph_t* g = agopen(name.data(), Agdirected, nullptr);
    for (const auto& [k, v] : graph.graphAttrs)
        Declare(g, AGRAPH, k, v);
    for (const auto& [k, v] : graph.nodeDefaults)
        Declare(g, AGNODE, k, v);
    const std::vector<Agnode_t*> nodes = AddNodes(g, graph);
    AddRanksAndEdges(g, graph, nodes);

    int rc = gvLayout(gvc, g, "dot");
    std::vector<detail::RawPosition> raw;
    if (rc == 0) {
        raw.reserve(nodes.size());
        for (Agnode_t* n : nodes)
            raw.push_back({ND_coord(n).x, ND_coord(n).y});
        gvFreeLayout(gvc, g);
    }
    agclose(g);
    agseterrf(previous);
    if (rc != 0) {
        std::string why = GraphvizErrors();
        throw LayoutError("Graphviz could not lay out the family map" +
                          (why.empty() ? std::string(".") : ": " + why));
    }
    return raw;
}

} // namespace

Layout ComputeLayout(const Family& family, const LayoutOptions& options) {
    if (!(options.symbolSize > 0) || !(options.rankGap > 0) || options.minGap < 0)
        throw LayoutError("Layout options must have a positive symbol size and generation gap.");
    detail::DrawnFamily drawn = detail::AnalyseFamily(family, options.includePlaceholders);
    Layout layout;
    layout.symbolSize = options.symbolSize;
    if (drawn.people.empty()) {
        layout.bounds = detail::EmptyBounds(options);
        return layout;
    }
    detail::DotGraph graph = detail::BuildDotGraph(drawn, family, options);
    std::vector<detail::RawPosition> raw = RunDot(graph);
    detail::KeepBirthOrder(drawn, graph, detail::MetricsFor(options), raw);
    detail::PlaceAndResolve(family, drawn, graph, raw, options, layout);
    return layout;
}

std::string ToDot(const Family& family, const LayoutOptions& options) {
    detail::DrawnFamily drawn = detail::AnalyseFamily(family, options.includePlaceholders);
    return detail::DotText(detail::BuildDotGraph(drawn, family, options));
}

} // namespace kartbok::genogram
