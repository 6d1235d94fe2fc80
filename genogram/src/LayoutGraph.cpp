#include "LayoutGraph.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace kartbok::genogram::detail {
namespace {

std::string Inches(double points) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", points / 72.0);
    return buf;
}

enum class Side { Left, Right };

struct PartnerLink {
    PersonId partner = kNoId;
    UnionId union_ = kNoId;
    Side side = Side::Right; ///< where the partner stands by the union's orientation
    int order = 0;           ///< time order of the union
};

/// Lays a group of partners out in a row: the person with most partners in
/// the middle, partners in time order outward on the side the orientation
/// gives them; partners' own other partners further out on the same side.
class BlockBuilder {
public:
    BlockBuilder(const std::map<PersonId, std::vector<PartnerLink>>& links, const LayoutMetrics& m)
        : m_links(links), m_metrics(m) {}

    std::vector<DotGraph::Cell> Build(PersonId root) {
        m_visited.insert(root);
        std::vector<const PartnerLink*> left, right;
        for (const PartnerLink& l : m_links.at(root))
            (l.side == Side::Left ? left : right).push_back(&l);
        std::vector<DotGraph::Cell> out;
        std::vector<std::vector<DotGraph::Cell>> parts;
        for (const PartnerLink* l : left)
            if (Claim(*l))
                parts.push_back(Outward(l->partner, Side::Left, l->union_));
        for (auto it = parts.rbegin(); it != parts.rend(); ++it)
            out.insert(out.end(), it->begin(), it->end());
        out.push_back(Person(root));
        for (const PartnerLink* l : right)
            if (Claim(*l)) {
                auto part = Outward(l->partner, Side::Right, l->union_);
                out.insert(out.end(), part.begin(), part.end());
            }
        // Unions closing a loop of partners: their cell goes after the first partner met.
        for (PersonId p : m_visited)
            for (const PartnerLink& l : m_links.at(p))
                if (!m_usedUnions.count(l.union_)) {
                    m_usedUnions.insert(l.union_);
                    auto at = std::find_if(out.begin(), out.end(), [&](const DotGraph::Cell& c) {
                        return c.person && (c.id == p || c.id == l.partner);
                    });
                    out.insert(at + 1, Union(l.union_));
                }
        return out;
    }
    const std::set<PersonId>& Visited() const { return m_visited; }

private:
    bool Claim(const PartnerLink& l) {
        if (m_visited.count(l.partner) || m_usedUnions.count(l.union_))
            return false;
        m_visited.insert(l.partner);
        m_usedUnions.insert(l.union_);
        return true;
    }
    std::vector<DotGraph::Cell> Outward(PersonId q, Side side, UnionId via) {
        std::vector<std::vector<DotGraph::Cell>> parts;
        for (const PartnerLink& l : m_links.at(q))
            if (Claim(l))
                parts.push_back(Outward(l.partner, side, l.union_));
        std::vector<DotGraph::Cell> out;
        if (side == Side::Right) {
            out = {Union(via), Person(q)};
            for (auto& part : parts)
                out.insert(out.end(), part.begin(), part.end());
        } else {
            for (auto it = parts.rbegin(); it != parts.rend(); ++it)
                out.insert(out.end(), it->begin(), it->end());
            out.push_back(Person(q));
            out.push_back(Union(via));
        }
        return out;
    }
    DotGraph::Cell Person(PersonId p) const { return {true, p, m_metrics.personWidth}; }
    DotGraph::Cell Union(UnionId u) const { return {false, u, m_metrics.unionWidth}; }

    const std::map<PersonId, std::vector<PartnerLink>>& m_links;
    const LayoutMetrics& m_metrics;
    std::set<PersonId> m_visited;
    std::set<UnionId> m_usedUnions;
};

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

DotGraph BuildDotGraph(const DrawnFamily& drawn, const Family& family,
                       const LayoutOptions& options) {
    const LayoutMetrics metrics = MetricsFor(options);
    DotGraph g;
    g.graphAttrs = {
        {"newrank", "true"}, {"rankdir", "TB"},   {"nodesep", Inches(metrics.nodeSep)},
        {"ranksep", "0.3"},  {"splines", "none"}, // positions only: Kartbok routes every line
                                                  // itself
    };
    // Big imported trees (a 3 000-person GEDCOM) trade a little crossing
    // reduction for speed: mclimit 0.3 cuts dot's time by about 40 %.
    // Birth order and partner blocks do not depend on it.
    if (drawn.people.size() > 400)
        g.graphAttrs.push_back({"mclimit", "0.3"});
    g.nodeDefaults = {
        {"shape", "box"},
        {"fixedsize", "true"},
        {"label", ""},
        {"width", Inches(metrics.personWidth)},
        {"height", Inches(options.symbolSize)},
    };
    g.blockHeight = std::max(1, static_cast<int>(std::lround(options.symbolSize)));
    g.blockAttrs = {{"shape", "plain"}, {"fixedsize", "false"}};
    g.sibshipAttrs = {{"width", Inches(2)}, {"height", Inches(2)}, {"ordering", "out"}};

    // Partner links per person, in time order.
    std::map<PersonId, std::vector<PartnerLink>> links;
    for (const OrientedUnion& o : drawn.unions) {
        int order = family.FindUnion(o.id)->order;
        links[o.left].push_back({o.right, o.id, Side::Right, order});
        links[o.right].push_back({o.left, o.id, Side::Left, order});
    }
    for (auto& [p, list] : links)
        std::sort(list.begin(), list.end(), [](const PartnerLink& a, const PartnerLink& b) {
            return std::tie(a.order, a.union_) < std::tie(b.order, b.union_);
        });

    // Blocks: one per group of linked partners, rooted at the person with most partners.
    std::map<PersonId, std::size_t> nodeOf;
    std::map<UnionId, std::size_t> nodeOfUnion;
    std::set<PersonId> placed;
    for (PersonId p : drawn.people) {
        if (placed.count(p))
            continue;
        if (!links.count(p)) {
            nodeOf[p] = g.nodes.size();
            placed.insert(p);
            g.nodes.push_back({"p" + std::to_string(p), DotGraph::Kind::Person, p, {}});
            continue;
        }
        // The group: everyone reachable through unions.
        std::set<PersonId> group{p};
        std::vector<PersonId> todo{p};
        while (!todo.empty()) {
            PersonId q = todo.back();
            todo.pop_back();
            for (const PartnerLink& l : links[q])
                if (group.insert(l.partner).second)
                    todo.push_back(l.partner);
        }
        PersonId root = *std::max_element(group.begin(), group.end(), [&](PersonId a, PersonId b) {
            return links[a].size() != links[b].size() ? links[a].size() < links[b].size() : a > b;
        });
        BlockBuilder builder(links, metrics);
        DotGraph::Node block{"b" + std::to_string(p), DotGraph::Kind::Block, p,
                             builder.Build(root)};
        for (std::size_t i = 0; i < block.cells.size(); ++i) {
            const DotGraph::Cell& c = block.cells[i];
            if (c.person) {
                nodeOf[c.id] = g.nodes.size();
                placed.insert(c.id);
                continue;
            }
            nodeOfUnion[c.id] = g.nodes.size();
            PersonId left = kNoId, right = kNoId;
            for (std::size_t k = i; k-- > 0;)
                if (block.cells[k].person) {
                    left = block.cells[k].id;
                    break;
                }
            for (std::size_t k = i + 1; k < block.cells.size(); ++k)
                if (block.cells[k].person) {
                    right = block.cells[k].id;
                    break;
                }
            g.unionNeighbours[c.id] = {left, right};
        }
        g.nodes.push_back(std::move(block));
    }
    auto port = [&](std::size_t node, char kind, Id id, const char* compass) {
        return g.nodes[node].kind == DotGraph::Kind::Block
                   ? kind + std::to_string(id) + ":" + compass
                   : std::string();
    };
    auto edge = [&](std::size_t t, std::size_t h, int w, int minlen = 1, std::string tp = {},
                    std::string hp = {}) {
        g.edges.push_back({t, h, w, minlen, std::move(tp), std::move(hp)});
    };

    // Children: union cell (or single parent) -> sibship node -> each child's cell, in birth order.
    for (const Sibship& s : drawn.sibships) {
        std::size_t sib = g.nodes.size();
        if (s.parents != kNoId)
            g.nodes.push_back(
                {"s" + std::to_string(s.parents), DotGraph::Kind::Sibship, s.parents, {}});
        else
            g.nodes.push_back(
                {"t" + std::to_string(s.single), DotGraph::Kind::Sibship, s.single, {}});
        if (s.parents != kNoId)
            edge(nodeOfUnion.at(s.parents), sib, 20, 1,
                 port(nodeOfUnion.at(s.parents), 'u', s.parents, "s"));
        else
            edge(nodeOf.at(s.single), sib, 20, 1, port(nodeOf.at(s.single), 'p', s.single, "s"));
        for (const ChildLink* c : s.children)
            edge(sib, nodeOf.at(c->child), 2, 1, {}, port(nodeOf.at(c->child), 'p', c->child, "n"));
    }
    // A child's other families (an adopted child's birth parents): a
    // generation above it too (two ranks, as through a sibship node), and
    // kept near it (weight 1), so their line to it stays short.
    for (const ExtraLink& e : drawn.extraLinks) {
        PersonId c = e.link->child;
        if (e.parents != kNoId)
            edge(nodeOfUnion.at(e.parents), nodeOf.at(c), 1, 2,
                 port(nodeOfUnion.at(e.parents), 'u', e.parents, "s"),
                 port(nodeOf.at(c), 'p', c, "n"));
        else
            edge(nodeOf.at(e.single), nodeOf.at(c), 0, 2,
                 port(nodeOf.at(e.single), 'p', e.single, "s"), port(nodeOf.at(c), 'p', c, "n"));
    }
    // Birth order, oldest left: each sibship node has ordering=out and its
    // edges are made oldest first. No flat edges between siblings: they would
    // rank a married sibling's younger siblings down with it, and Graphviz
    // gives way on them as often as on ordering=out. KeepBirthOrder
    // (LayoutOrder.cpp) repairs what dot still gets wrong.
    // People with no family ties stand on the index person's generation
    // (PlaceAndResolve then moves them to the end of that row).
    if (!drawn.loose.empty()) {
        std::optional<PersonId> indexPerson = family.IndexPerson();
        std::vector<std::size_t> group;
        if (indexPerson && drawn.drawn.count(*indexPerson))
            group.push_back(nodeOf.at(*indexPerson));
        for (PersonId p : drawn.loose)
            if (std::find(group.begin(), group.end(), nodeOf.at(p)) == group.end())
                group.push_back(nodeOf.at(p));
        if (group.size() > 1)
            g.sameRank.push_back(group);
    }
    return g;
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
