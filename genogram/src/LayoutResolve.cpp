#include "LayoutResolve.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
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

namespace {

/// Person positions from dot: a single-person node's centre, or a cell of a block.
std::map<PersonId, RawPosition> RawPeople(const DotGraph& graph,
                                          const std::vector<RawPosition>& raw) {
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
    return rawPerson;
}

/// Loose people (a mentor, a friend) stand at the right end of their row,
/// apart from the family, so no sibship line or union line passes them.
void PlaceLoose(const Family& family, const DrawnFamily& drawn, const LayoutMetrics& metrics,
                const Layout& layout, std::map<PersonId, double>& x) {
    std::optional<PersonId> indexPerson = family.IndexPerson();
    std::vector<PersonId> loose;
    for (PersonId p : drawn.loose)
        if (!indexPerson || p != *indexPerson)
            loose.push_back(p);
    if (loose.empty())
        return;
    std::set<PersonId> looseSet(loose.begin(), loose.end());
    double right = -std::numeric_limits<double>::infinity();
    for (const auto& [id, gen] : layout.generation)
        if (gen == layout.generation.at(loose.front()) && !looseSet.count(id))
            right = std::max(right, x[id]);
    if (std::isfinite(right))
        for (std::size_t i = 0; i < loose.size(); ++i)
            x[loose[i]] = right + metrics.pitch * (1.25 + static_cast<double>(i));
}

/// Nudges, then each generation spread so symbols keep their gap. A nudged
/// person weighs more, so the user's nudge wins over the neighbours' places.
void SpreadRows(const Family& family, const DrawnFamily& drawn, const LayoutMetrics& metrics,
                const std::map<PersonId, RawPosition>& rawPerson, const Layout& layout,
                std::map<PersonId, double>& x) {
    std::map<int, std::vector<PersonId>> ranks;
    std::map<PersonId, double> weight;
    for (PersonId id : drawn.people) {
        const Person* p = family.FindPerson(id);
        double nudge = p && std::isfinite(p->nudgeX) ? p->nudgeX : 0.0;
        x[id] += nudge;
        weight[id] = nudge != 0.0 ? 20.0 : 1.0;
        ranks[layout.generation.at(id)].push_back(id);
    }
    for (auto& [gen, ids] : ranks) {
        // (wanted x, dot's x, id, weight), sorted: the row's order.
        std::vector<std::tuple<double, double, PersonId, double>> row;
        row.reserve(ids.size());
        for (PersonId id : ids)
            row.emplace_back(x[id], rawPerson.at(id).x, id, weight[id]);
        std::sort(row.begin(), row.end());
        std::vector<double> want, w;
        for (const auto& [wantX, dotX, id, wt] : row) {
            want.push_back(wantX);
            w.push_back(wt);
        }
        std::vector<double> placed = SpreadApart(want, w, metrics.pitch);
        for (std::size_t i = 0; i < row.size(); ++i)
            x[std::get<2>(row[i])] = placed[i];
    }
}

/// Sibship lines on one generation that overlap get different depths; the
/// narrowest line goes nearest its children. Returns the depths needed per
/// generation (the children's).
std::map<int, int> SibshipDepths(const DrawnFamily& drawn, const LayoutMetrics& metrics,
                                 const std::map<PersonId, double>& x,
                                 const std::map<UnionId, double>& ux, Layout& layout) {
    struct Bar {
        Id key = kNoId;
        int generation = 0;
        double lo = 0, hi = 0;
    };
    std::map<Id, Bar> bars;
    auto extend = [&](Id key, UnionId parents, PersonId single, PersonId child) {
        double drop = parents != kNoId ? ux.at(parents) : x.at(single) + metrics.pitch / 2;
        auto [it, fresh] = bars.try_emplace(key, Bar{key, layout.generation.at(child), drop, drop});
        it->second.lo = std::min({it->second.lo, x.at(child), drop});
        it->second.hi = std::max({it->second.hi, x.at(child), drop});
    };
    for (const Sibship& s : drawn.sibships) {
        std::map<int, int> count; // the generation most children stand on
        for (const ChildLink* c : s.children)
            ++count[layout.generation.at(c->child)];
        int gen = std::max_element(count.begin(), count.end(), [](auto& a, auto& b) {
                      return a.second < b.second;
                  })->first;
        for (const ChildLink* c : s.children)
            if (layout.generation.at(c->child) == gen)
                extend(s.parents != kNoId ? s.parents : s.single, s.parents, s.single, c->child);
    }
    for (const ExtraLink& e : drawn.extraLinks)
        extend(e.parents != kNoId ? e.parents : e.single, e.parents, e.single, e.link->child);
    std::map<int, std::vector<Bar>> rows;
    for (const auto& [key, bar] : bars)
        rows[bar.generation].push_back(bar);
    std::map<int, int> depths;
    for (auto& [gen, list] : rows) {
        std::stable_sort(list.begin(), list.end(),
                         [](const Bar& a, const Bar& b) { return a.hi - a.lo < b.hi - b.lo; });
        std::vector<std::vector<std::pair<double, double>>> taken; // per depth: spans
        for (const Bar& b : list) {
            std::size_t depth = 0;
            auto clash = [&](std::size_t d) {
                return std::any_of(taken[d].begin(), taken[d].end(), [&](const auto& span) {
                    return b.lo < span.second + 10 && span.first < b.hi + 10;
                });
            };
            while (depth < taken.size() && clash(depth))
                ++depth;
            if (depth == taken.size())
                taken.emplace_back();
            taken[depth].push_back({b.lo, b.hi});
            layout.sibshipDepth[b.key] = static_cast<int>(depth);
        }
        depths[gen] = static_cast<int>(taken.size());
    }
    return depths;
}

/// Couple lines on one row that overlap run at different depths, the
/// shortest nearest the symbols (the scene draws them so). Returns the
/// deepest depth per generation.
std::map<int, int> CoupleDepths(const DrawnFamily& drawn, const std::map<PersonId, double>& x,
                                Layout& layout) {
    struct Span {
        UnionId id;
        int generation;
        double lo, hi;
    };
    std::vector<Span> spans;
    for (const OrientedUnion& u : drawn.unions) {
        double a = x.at(u.left), b = x.at(u.right);
        spans.push_back(
            {u.id, layout.generation.at(u.left), std::min(a, b) + 1, std::max(a, b) - 1});
    }
    std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
        return a.generation != b.generation ? a.generation < b.generation
                                            : a.hi - a.lo < b.hi - b.lo;
    });
    std::map<int, int> deepest;
    // A single parent who also has partners sends the children's line below
    // every couple line of theirs (SceneChildren.cpp).
    std::map<PersonId, int> own;
    std::map<std::pair<int, int>, std::vector<std::pair<double, double>>> taken;
    for (const Span& s : spans) {
        int depth = 0;
        for (;; ++depth) {
            const auto& list = taken[{s.generation, depth}];
            if (std::none_of(list.begin(), list.end(),
                             [&](const auto& t) { return s.lo < t.second && t.first < s.hi; }))
                break;
        }
        taken[{s.generation, depth}].push_back({s.lo, s.hi});
        layout.coupleDepth[s.id] = depth;
        deepest[s.generation] = std::max(deepest[s.generation], depth);
    }
    for (const OrientedUnion& u : drawn.unions)
        for (PersonId p : {u.left, u.right})
            own[p] = std::max(own[p], layout.coupleDepth.at(u.id) + 1);
    for (const Sibship& s : drawn.sibships)
        if (s.single != kNoId && own.count(s.single))
            deepest[layout.generation.at(s.single)] =
                std::max(deepest[layout.generation.at(s.single)], own.at(s.single));
    return deepest;
}

} // namespace

void PlaceAndResolve(const Family& family, const DrawnFamily& drawn, const DotGraph& graph,
                     const std::vector<RawPosition>& raw, const LayoutOptions& options,
                     Layout& layout) {
    const LayoutMetrics metrics = MetricsFor(options);
    const Margins margins = MarginsFor(options);
    const std::map<PersonId, RawPosition> rawPerson = RawPeople(graph, raw);

    // Generations: the distinct ranks of people, top first (Graphviz y grows up).
    std::vector<double> levels;
    for (const auto& [id, p] : rawPerson)
        levels.push_back(std::round(p.y));
    std::sort(levels.begin(), levels.end(), std::greater<>());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    std::map<PersonId, double> x;
    for (const auto& [id, p] : rawPerson) {
        x[id] = p.x;
        auto it = std::find(levels.begin(), levels.end(), std::round(p.y));
        layout.generation[id] = static_cast<int>(it - levels.begin());
    }
    PlaceLoose(family, drawn, metrics, layout, x);
    SpreadRows(family, drawn, metrics, rawPerson, layout, x);

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
    std::map<int, int> depths = SibshipDepths(drawn, metrics, x, ux, layout);
    std::map<int, int> couples = CoupleDepths(drawn, x, layout);

    // Origin: left margin; y per generation, deeper where sibship lines need room.
    double minX = std::numeric_limits<double>::infinity(), maxX = -minX;
    int maxGen = 0;
    for (const auto& [id, v] : x) {
        minX = std::min(minX, v);
        maxX = std::max(maxX, v);
        maxGen = std::max(maxGen, layout.generation[id]);
    }
    // Room below a row whose couple lines need more than two depths: its
    // names move down below the lines.
    auto deepRoom = [&](int gen) {
        int deepest = couples.count(gen) ? couples.at(gen) : 0;
        double drop = Layout::kCoupleStep * std::max(0, deepest - 1);
        if (drop > 0)
            layout.textDrop[gen] = drop;
        return drop;
    };
    std::vector<double> rowY{margins.top};
    for (int gen = 1; gen <= maxGen; ++gen)
        rowY.push_back(rowY.back() + options.rankGap + deepRoom(gen - 1) +
                       Layout::kSibshipStep * std::max(0, depths[gen] - 1));
    const double shift = margins.left - minX;
    for (const auto& [id, v] : x)
        layout.people[id] = {v + shift, rowY[static_cast<std::size_t>(layout.generation[id])]};
    for (const OrientedUnion& u : drawn.unions)
        layout.unions[u.id] = {ux[u.id] + shift,
                               rowY[static_cast<std::size_t>(layout.generation[u.left])]};
    for (const auto& [again, drawnAs] : drawn.sameCouple) // a couple married twice: one line
        layout.unions[again] = layout.unions.at(drawnAs);
    layout.bounds = {maxX - minX + margins.left + margins.right,
                     rowY.back() + margins.bottom + deepRoom(maxGen)};
}

} // namespace kartbok::genogram::detail
