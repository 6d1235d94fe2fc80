#include "LayoutResolve.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace kartbok::genogram::detail {

Margins MarginsFor(const LayoutOptions& options) {
    const LayoutMetrics m = MetricsFor(options);
    Margins margins;
    margins.left = margins.right = m.pitch / 2 + 24; // half a wrapped name, plus air
    margins.top = options.symbolSize / 2 + 40;       // years above the symbol, household labels
    margins.bottom = options.symbolSize / 2 + 84;    // name and note below the symbol
    return margins;
}

Size EmptyBounds(const LayoutOptions& options) {
    Margins m = MarginsFor(options);
    return {m.left + m.right, m.top + m.bottom};
}

std::vector<double> SpreadApart(const std::vector<double>& x, const std::vector<double>& weight,
                                double pitch) {
    // Weighted pool-adjacent-violators: blocks of items at exactly `pitch`
    // spacing, each block at the weighted mean of what its items want.
    struct Block {
        std::size_t first = 0, count = 0;
        double weightedSum = 0, weightSum = 0; ///< of (x_k - offset_k) relative to `first`
        double Pos() const { return weightedSum / weightSum; }
    };
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < x.size(); ++i) {
        double w = i < weight.size() ? weight[i] : 1.0;
        Block b{i, 1, w * x[i], w};
        while (!blocks.empty()) {
            Block& top = blocks.back();
            if (top.Pos() + static_cast<double>(top.count) * pitch <= b.Pos() + 1e-9)
                break;
            double shift = static_cast<double>(top.count) * pitch;
            top.weightedSum += b.weightedSum - shift * b.weightSum;
            top.weightSum += b.weightSum;
            top.count += b.count;
            b = top;
            blocks.pop_back();
        }
        blocks.push_back(b);
    }
    std::vector<double> out(x.size());
    for (const Block& b : blocks)
        for (std::size_t k = 0; k < b.count; ++k)
            out[b.first + k] = b.Pos() + static_cast<double>(k) * pitch;
    return out;
}

void PlaceAndResolve(const Family& family, const DrawnFamily& drawn, const DotGraph& graph,
                     const std::vector<RawPosition>& raw, const LayoutOptions& options,
                     Layout& layout) {
    const LayoutMetrics metrics = MetricsFor(options);
    const Margins margins = MarginsFor(options);

    // Person positions: a single-person node's centre, or a cell of a block.
    std::map<PersonId, RawPosition> rawPerson;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const DotGraph::Node& n = graph.nodes[i];
        if (n.kind == DotGraph::Kind::Person) {
            rawPerson[n.id] = raw[i];
        } else if (n.kind == DotGraph::Kind::Block) {
            double total = 0;
            for (const DotGraph::Cell& c : n.cells)
                total += c.width;
            double left = raw[i].x - total / 2;
            for (const DotGraph::Cell& c : n.cells) {
                if (c.person)
                    rawPerson[c.id] = {left + c.width / 2.0, raw[i].y};
                left += c.width;
            }
        }
    }
    // Generations: the distinct ranks of people, top first (Graphviz y grows up).
    std::vector<double> levels;
    for (const auto& [id, p] : rawPerson)
        levels.push_back(std::round(p.y));
    std::sort(levels.begin(), levels.end(), std::greater<>());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    auto generationOf = [&](double y) {
        auto it = std::find(levels.begin(), levels.end(), std::round(y));
        return static_cast<int>(it - levels.begin());
    };

    std::map<PersonId, double> x;
    for (const auto& [id, p] : rawPerson) {
        x[id] = p.x;
        layout.generation[id] = generationOf(p.y);
    }

    // Loose people (a mentor, a friend) stand at the right end of their row,
    // apart from the family, so no sibship bar or union line passes them.
    std::optional<PersonId> indexPerson = family.IndexPerson();
    std::vector<PersonId> loose;
    for (PersonId p : drawn.loose)
        if (!indexPerson || p != *indexPerson)
            loose.push_back(p);
    if (!loose.empty()) {
        std::set<PersonId> looseSet(loose.begin(), loose.end());
        double right = -std::numeric_limits<double>::infinity();
        for (const auto& [id, gen] : layout.generation)
            if (gen == layout.generation[loose.front()] && !looseSet.count(id))
                right = std::max(right, x[id]);
        if (std::isfinite(right))
            for (std::size_t i = 0; i < loose.size(); ++i)
                x[loose[i]] = right + metrics.pitch * (1.25 + static_cast<double>(i));
    }

    // Nudges, then spread each generation so symbols keep their gap. A nudged
    // person weighs more, so the user's nudge wins over the neighbours' places.
    std::map<int, std::vector<PersonId>> ranks;
    std::map<PersonId, double> weight;
    for (PersonId id : drawn.people) {
        const Person* p = family.FindPerson(id);
        double nudge = p && std::isfinite(p->nudgeX) ? p->nudgeX : 0.0;
        x[id] += nudge;
        weight[id] = nudge != 0.0 ? 20.0 : 1.0;
        ranks[layout.generation[id]].push_back(id);
    }
    for (auto& [gen, ids] : ranks) {
        std::sort(ids.begin(), ids.end(), [&](PersonId a, PersonId b) {
            return std::tuple(x[a], rawPerson[a].x, a) < std::tuple(x[b], rawPerson[b].x, b);
        });
        std::vector<double> want, w;
        for (PersonId id : ids) {
            want.push_back(x[id]);
            w.push_back(weight[id]);
        }
        std::vector<double> placed = SpreadApart(want, w, metrics.pitch);
        for (std::size_t i = 0; i < ids.size(); ++i)
            x[ids[i]] = placed[i];
    }

    // Unions sit between the people either side of their cell: the partners'
    // midpoint for neighbours, the gap next to a later partner further out.
    std::map<UnionId, double> ux;
    for (const OrientedUnion& u : drawn.unions) {
        auto it = graph.unionNeighbours.find(u.id);
        PersonId l = it != graph.unionNeighbours.end() ? it->second.first : u.left;
        PersonId r = it != graph.unionNeighbours.end() ? it->second.second : u.right;
        if (!x.count(l) || !x.count(r))
            l = u.left, r = u.right;
        ux[u.id] = (x[l] + x[r]) / 2;
    }

    // Origin: left margin, y per generation, y down.
    double minX = std::numeric_limits<double>::infinity(), maxX = -minX;
    int maxGen = 0;
    for (const auto& [id, v] : x) {
        minX = std::min(minX, v);
        maxX = std::max(maxX, v);
        maxGen = std::max(maxGen, layout.generation[id]);
    }
    const double shift = margins.left - minX;
    auto yOf = [&](int gen) { return margins.top + gen * options.rankGap; };
    for (const auto& [id, v] : x)
        layout.people[id] = {v + shift, yOf(layout.generation[id])};
    for (const OrientedUnion& u : drawn.unions)
        layout.unions[u.id] = {ux[u.id] + shift, yOf(layout.generation[u.left])};
    layout.bounds = {maxX - minX + margins.left + margins.right, yOf(maxGen) + margins.bottom};
}

} // namespace kartbok::genogram::detail
