#include "LayoutOrder.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace kartbok::genogram::detail {

namespace {

/// Indices of the longest run of values that increases (patience sorting),
/// so as many tied siblings as possible keep their places.
std::vector<std::size_t> LongestIncreasing(const std::vector<double>& v) {
    std::vector<std::size_t> tails, prev(v.size(), SIZE_MAX);
    for (std::size_t i = 0; i < v.size(); ++i) {
        auto it = std::lower_bound(tails.begin(), tails.end(), v[i],
                                   [&](std::size_t k, double x) { return v[k] < x; });
        if (it != tails.begin())
            prev[i] = *(it - 1);
        if (it == tails.end())
            tails.push_back(i);
        else
            *it = i;
    }
    std::vector<std::size_t> out;
    for (std::size_t k = tails.empty() ? SIZE_MAX : tails.back(); k != SIZE_MAX; k = prev[k])
        out.push_back(k);
    std::reverse(out.begin(), out.end());
    return out;
}

/// Twins stand side by side: a free co-twin standing apart is moved next to
/// the first (tied, if one is) of its group.
template <class Free>
void KeepTwinsTogether(const Sibship& s, const std::map<PersonId, std::size_t>& unitOf,
                       const std::vector<double>& width, double gap, Free isFree,
                       std::vector<RawPosition>& raw) {
    for (std::size_t i = 0; i < s.children.size();) {
        std::size_t j = i + 1;
        const Id group = s.children[i]->twinGroup;
        while (group != kNoId && j < s.children.size() && s.children[j]->twinGroup == group)
            ++j;
        if (j - i > 1) {
            std::vector<std::size_t> units;
            for (std::size_t k = i; k < j; ++k)
                units.push_back(unitOf.at(s.children[k]->child));
            // The anchor: the first tied twin, else the first; the rest line up beside it.
            std::size_t anchor = 0;
            for (std::size_t k = 0; k < units.size(); ++k)
                if (!isFree(units[k])) {
                    anchor = k;
                    break;
                }
            const double y = raw[units[anchor]].y;
            double right = raw[units[anchor]].x + width[units[anchor]] / 2 + gap;
            for (std::size_t k = anchor + 1; k < units.size(); ++k)
                if (isFree(units[k]) && raw[units[k]].y == y) {
                    raw[units[k]].x = right + width[units[k]] / 2;
                    right += width[units[k]] + gap;
                }
            double left = raw[units[anchor]].x - width[units[anchor]] / 2 - gap;
            for (std::size_t k = anchor; k-- > 0;)
                if (isFree(units[k]) && raw[units[k]].y == y) {
                    raw[units[k]].x = left - width[units[k]] / 2;
                    left -= width[units[k]] + gap;
                }
        }
        i = j;
    }
}

} // namespace

void KeepBirthOrder(const DrawnFamily& drawn, const DotGraph& graph, const LayoutMetrics& metrics,
                    std::vector<RawPosition>& raw) {
    std::map<PersonId, std::size_t> unitOf;
    std::vector<double> width(graph.nodes.size(), metrics.personWidth);
    std::map<std::pair<bool, Id>, std::size_t> sibshipNode; // (union?, id) -> node
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const DotGraph::Node& n = graph.nodes[i];
        if (n.kind == DotGraph::Kind::Person) {
            unitOf[n.id] = i;
        } else if (n.kind == DotGraph::Kind::Block) {
            width[i] = 0;
            for (const DotGraph::Cell& c : n.cells) {
                width[i] += c.width;
                if (c.person)
                    unitOf[c.id] = i;
            }
        } else {
            sibshipNode[{n.name[0] == 's', n.id}] = i;
        }
    }
    std::vector<int> in(graph.nodes.size()), out(graph.nodes.size());
    for (const DotGraph::Edge& e : graph.edges)
        ++out[e.tail], ++in[e.head];
    auto isFree = [&](std::size_t unit) { return in[unit] == 1 && out[unit] == 0; };
    const double gap = metrics.nodeSep;

    for (const Sibship& s : drawn.sibships) {
        KeepTwinsTogether(s, unitOf, width, gap, isFree, raw);
        // The units of the children on the sibship's main generation, oldest first.
        std::map<double, int> rows;
        for (const ChildLink* c : s.children)
            ++rows[std::round(raw[unitOf.at(c->child)].y)];
        double row = std::max_element(rows.begin(), rows.end(), [](auto& a, auto& b) {
                         return a.second < b.second;
                     })->first;
        std::vector<std::size_t> units;
        for (const ChildLink* c : s.children) {
            std::size_t u = unitOf.at(c->child);
            if (std::round(raw[u].y) == row &&
                std::find(units.begin(), units.end(), u) == units.end())
                units.push_back(u);
        }
        bool ordered = true;
        for (std::size_t i = 1; i < units.size(); ++i)
            ordered &= raw[units[i - 1]].x < raw[units[i]].x;
        if (ordered)
            continue;
        // Tied units that already stand in order are the anchors.
        std::vector<std::size_t> tied;
        std::vector<double> tiedX;
        for (std::size_t k = 0; k < units.size(); ++k)
            if (!isFree(units[k])) {
                tied.push_back(k);
                tiedX.push_back(raw[units[k]].x);
            }
        std::vector<bool> anchor(units.size(), false);
        for (std::size_t i : LongestIncreasing(tiedX))
            anchor[tied[i]] = true;
        if (tied.empty()) {
            // All free: the same places, handed out in birth order.
            std::vector<double> xs;
            for (std::size_t u : units)
                xs.push_back(raw[u].x);
            std::sort(xs.begin(), xs.end());
            double left = xs.front() - width[units.front()] / 2;
            for (std::size_t u : units) {
                raw[u].x = left + width[u] / 2;
                left += width[u] + gap;
            }
            continue;
        }
        // Free units between two anchors go right after the left one; before
        // the first anchor, right before it.
        std::size_t k = 0;
        while (k < units.size()) {
            if (anchor[k] || !isFree(units[k])) {
                ++k;
                continue;
            }
            std::size_t end = k;
            while (end < units.size() && !anchor[end] && isFree(units[end]))
                ++end;
            std::size_t prevAnchor = k, nextAnchor = end;
            while (prevAnchor > 0 && !anchor[prevAnchor - 1])
                --prevAnchor;
            while (nextAnchor < units.size() && !anchor[nextAnchor])
                ++nextAnchor;
            if (prevAnchor > 0) {
                std::size_t a = units[prevAnchor - 1];
                double left = raw[a].x + width[a] / 2 + gap;
                for (std::size_t i = k; i < end; ++i) {
                    raw[units[i]].x = left + width[units[i]] / 2;
                    left += width[units[i]] + gap;
                }
            } else if (nextAnchor < units.size()) {
                std::size_t b = units[nextAnchor];
                double right = raw[b].x - width[b] / 2 - gap;
                for (std::size_t i = end; i-- > k;) {
                    raw[units[i]].x = right - width[units[i]] / 2;
                    right -= width[units[i]] + gap;
                }
            }
            k = end;
        }
    }
}

} // namespace kartbok::genogram::detail
