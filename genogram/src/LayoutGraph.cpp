#include "LayoutGraph.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace kartbok::genogram::detail {
namespace {

std::string Inches(double points) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", points / 72.0);
    return buf;
}

} // namespace

LayoutMetrics MetricsFor(const LayoutOptions& options) {
    LayoutMetrics m;
    m.nodeSep = 12;
    m.pitch = options.symbolSize + options.minGap;
    // +2: Graphviz rounds positions to whole points; HTML cell widths are whole points.
    m.personWidth = static_cast<int>(std::ceil(m.pitch - m.nodeSep + 2));
    m.unionWidth = static_cast<int>(std::ceil(std::max(8.0, options.minGap * 0.5) + 2 * m.nodeSep));
    return m;
}

std::string BlockLabel(const DotGraph::Node& block, int height) {
    std::string s = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>";
    for (const DotGraph::Cell& c : block.cells)
        s += std::string("<TD PORT=\"") + (c.person ? "p" : "u") + std::to_string(c.id) +
             "\" FIXEDSIZE=\"TRUE\" WIDTH=\"" + std::to_string(c.width) + "\" HEIGHT=\"" +
             std::to_string(height) + "\"></TD>";
    return s + "</TR></TABLE>";
}

namespace {

/// Fills a DotGraph from the drawn family, part by part.
class GraphBuilder {
public:
    GraphBuilder(const DrawnFamily& drawn, const LayoutOptions& options)
        : m_drawn(drawn), m_options(options), m_metrics(MetricsFor(options)) {}

    DotGraph Build(const Family& family) {
        Attributes();
        People();
        Sibships();
        ExtraLinks();
        LooseRank(family);
        return std::move(m_g);
    }

private:
    void Attributes() {
        m_g.graphAttrs = {
            {"newrank", "true"}, {"rankdir", "TB"},   {"nodesep", Inches(m_metrics.nodeSep)},
            {"ranksep", "0.3"},  {"splines", "none"}, // positions only: Kartbok routes every line
                                                      // itself
        };
        // Big imported trees (a 3 000-person GEDCOM) trade a little crossing
        // reduction for speed: mclimit 0.3 cuts dot's time by about 40 %.
        // Birth order and partner blocks do not depend on it.
        if (m_drawn.people.size() > 400)
            m_g.graphAttrs.push_back({"mclimit", "0.3"});
        m_g.nodeDefaults = {
            {"shape", "box"},
            {"fixedsize", "true"},
            {"label", ""},
            {"width", Inches(m_metrics.personWidth)},
            {"height", Inches(m_options.symbolSize)},
        };
        m_g.blockHeight = std::max(1, static_cast<int>(std::lround(m_options.symbolSize)));
        m_g.blockAttrs = {{"shape", "plain"}, {"fixedsize", "false"}};
        m_g.sibshipAttrs = {{"width", Inches(2)}, {"height", Inches(2)}, {"ordering", "out"}};
    }

    /// A node per person without partners, a block per partner row, in the
    /// order of each one's lowest id.
    void People() {
        std::map<PersonId, const PartnerRow*> rowOf;
        for (const PartnerRow& row : m_drawn.partnerRows)
            for (const RowCell& c : row)
                if (c.person)
                    rowOf[c.id] = &row;
        for (PersonId p : m_drawn.people) {
            if (m_nodeOf.count(p))
                continue;
            auto row = rowOf.find(p);
            if (row == rowOf.end()) {
                m_nodeOf[p] = m_g.nodes.size();
                m_g.nodes.push_back({"p" + std::to_string(p), DotGraph::Kind::Person, p, {}});
            } else {
                Block(p, *row->second);
            }
        }
    }

    void Block(PersonId name, const PartnerRow& row) {
        DotGraph::Node block{"b" + std::to_string(name), DotGraph::Kind::Block, name, {}};
        for (const RowCell& c : row)
            block.cells.push_back(
                {c.person, c.id, c.person ? m_metrics.personWidth : m_metrics.unionWidth});
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (row[i].person) {
                m_nodeOf[row[i].id] = m_g.nodes.size();
                continue;
            }
            m_nodeOfUnion[row[i].id] = m_g.nodes.size();
            PersonId left = kNoId, right = kNoId;
            for (std::size_t k = i; k-- > 0 && left == kNoId;)
                if (row[k].person)
                    left = row[k].id;
            for (std::size_t k = i + 1; k < row.size() && right == kNoId; ++k)
                if (row[k].person)
                    right = row[k].id;
            m_g.unionNeighbours[row[i].id] = {left, right};
        }
        m_g.nodes.push_back(std::move(block));
    }

    std::string Port(std::size_t node, char kind, Id id, const char* compass) const {
        return m_g.nodes[node].kind == DotGraph::Kind::Block
                   ? kind + std::to_string(id) + ":" + compass
                   : std::string();
    }
    void Edge(std::size_t t, std::size_t h, int w, int minlen = 1, std::string tp = {},
              std::string hp = {}) {
        m_g.edges.push_back({t, h, w, minlen, std::move(tp), std::move(hp)});
    }
    /// The edge's tail: a union's cell, or a single parent's.
    std::pair<std::size_t, std::string> From(UnionId parents, PersonId single) const {
        if (parents != kNoId) {
            std::size_t n = m_nodeOfUnion.at(parents);
            return {n, Port(n, 'u', parents, "s")};
        }
        std::size_t n = m_nodeOf.at(single);
        return {n, Port(n, 'p', single, "s")};
    }

    /// Union cell (or single parent) -> sibship node -> each child's cell, in
    /// birth order. Birth order, oldest left: each sibship node has
    /// ordering=out and its edges are made oldest first. No flat edges between
    /// siblings: they would rank a married sibling's younger siblings down
    /// with it, and Graphviz gives way on them as often as on ordering=out.
    /// KeepBirthOrder (LayoutOrder.cpp) repairs what dot still gets wrong.
    void Sibships() {
        for (const Sibship& s : m_drawn.sibships) {
            std::size_t sib = m_g.nodes.size();
            if (s.parents != kNoId)
                m_g.nodes.push_back(
                    {"s" + std::to_string(s.parents), DotGraph::Kind::Sibship, s.parents, {}});
            else
                m_g.nodes.push_back(
                    {"t" + std::to_string(s.single), DotGraph::Kind::Sibship, s.single, {}});
            auto [from, port] = From(s.parents, s.single);
            Edge(from, sib, 20, 1, port);
            for (const ChildLink* c : s.children)
                Edge(sib, m_nodeOf.at(c->child), 2, 1, {},
                     Port(m_nodeOf.at(c->child), 'p', c->child, "n"));
        }
    }

    /// A child's other families (an adopted child's birth parents): a
    /// generation above it too (two ranks, as through a sibship node), and
    /// kept near it (weight 1), so their line to it stays short.
    void ExtraLinks() {
        for (const ExtraLink& e : m_drawn.extraLinks) {
            PersonId c = e.link->child;
            auto [from, port] = From(e.parents, e.single);
            Edge(from, m_nodeOf.at(c), e.parents != kNoId ? 1 : 0, 2, port,
                 Port(m_nodeOf.at(c), 'p', c, "n"));
        }
    }

    /// People with no family ties stand on the index person's generation
    /// (PlaceAndResolve then moves them to the end of that row).
    void LooseRank(const Family& family) {
        if (m_drawn.loose.empty())
            return;
        std::optional<PersonId> indexPerson = family.IndexPerson();
        std::vector<std::size_t> group;
        if (indexPerson && m_drawn.drawn.count(*indexPerson))
            group.push_back(m_nodeOf.at(*indexPerson));
        for (PersonId p : m_drawn.loose)
            if (std::find(group.begin(), group.end(), m_nodeOf.at(p)) == group.end())
                group.push_back(m_nodeOf.at(p));
        if (group.size() > 1)
            m_g.sameRank.push_back(group);
    }

    const DrawnFamily& m_drawn;
    const LayoutOptions& m_options;
    const LayoutMetrics m_metrics;
    DotGraph m_g;
    std::map<PersonId, std::size_t> m_nodeOf;
    std::map<UnionId, std::size_t> m_nodeOfUnion;
};

} // namespace

DotGraph BuildDotGraph(const DrawnFamily& drawn, const Family& family,
                       const LayoutOptions& options) {
    return GraphBuilder(drawn, options).Build(family);
}

std::string DotText(const DotGraph& g) {
    auto attrs = [](const DotGraph::Attrs& list) {
        std::string s;
        for (const auto& [k, v] : list)
            s += (s.empty() ? "" : ", ") + k + "=\"" + v + "\"";
        return s;
    };
    std::string out = "digraph kartbok {\n";
    out += "  graph [" + attrs(g.graphAttrs) + "];\n";
    out += "  node [" + attrs(g.nodeDefaults) + "];\n";
    for (const DotGraph::Node& n : g.nodes) {
        out += "  " + n.name;
        if (n.kind == DotGraph::Kind::Block)
            out += " [" + attrs(g.blockAttrs) + ", label=<" + BlockLabel(n, g.blockHeight) + ">]";
        else if (n.kind == DotGraph::Kind::Sibship)
            out += " [" + attrs(g.sibshipAttrs) + "]";
        out += ";\n";
    }
    for (const auto& group : g.sameRank) {
        out += "  { rank=same;";
        for (std::size_t i : group)
            out += " " + g.nodes[i].name + ";";
        out += " }\n";
    }
    for (const DotGraph::Edge& e : g.edges) {
        out += "  " + g.nodes[e.tail].name + " -> " + g.nodes[e.head].name +
               " [weight=" + std::to_string(e.weight);
        if (e.minlen != 1)
            out += ", minlen=" + std::to_string(e.minlen);
        if (!e.tailport.empty())
            out += ", tailport=\"" + e.tailport + "\"";
        if (!e.headport.empty())
            out += ", headport=\"" + e.headport + "\"";
        out += "];\n";
    }
    out += "}\n";
    return out;
}

} // namespace kartbok::genogram::detail
