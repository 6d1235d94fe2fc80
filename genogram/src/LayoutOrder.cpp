#include "LayoutOrder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

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

/// Dot's nodes as the units that move: a single person or a whole block of
/// partners, with its width and how it is tied into the graph.
class Units {
public:
    Units(const DotGraph& graph, const LayoutMetrics& metrics)
        : m_width(graph.nodes.size(), metrics.personWidth), m_in(graph.nodes.size()),
          m_out(graph.nodes.size()), m_sibshipOut(graph.nodes.size()), gap(metrics.nodeSep) {
        for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
            const DotGraph::Node& n = graph.nodes[i];
            if (n.kind == DotGraph::Kind::Person) {
                m_of[n.id] = i;
            } else if (n.kind == DotGraph::Kind::Block) {
                m_width[i] = 0;
                for (const DotGraph::Cell& c : n.cells) {
                    m_width[i] += c.width;
                    if (c.person)
                        m_of[c.id] = i;
                }
            }
        }
        for (const DotGraph::Edge& e : graph.edges) {
            ++m_out[e.tail], ++m_in[e.head];
            if (graph.nodes[e.head].kind == DotGraph::Kind::Sibship)
                ++m_sibshipOut[e.tail];
        }
    }
    std::size_t Of(PersonId p) const { return m_of.at(p); }
    double Width(std::size_t u) const { return m_width[u]; }
    /// A sibling with nothing else in the graph: moving it bends no other line.
    bool Free(std::size_t u) const { return m_in[u] == 1 && m_out[u] == 0; }
    /// No parents and no children of its own on the map (an adopted child's
    /// birth parents: only lines to a child who stands in another family).
    bool Outsider(std::size_t u) const { return m_in[u] == 0 && m_sibshipOut[u] == 0; }

    /// Puts units[from, to) side by side, left to right, starting at `left`.
    void LineUp(const std::vector<std::size_t>& units, std::size_t from, std::size_t to,
                double left, std::vector<RawPosition>& raw) const {
        for (std::size_t i = from; i < to; ++i) {
            raw[units[i]].x = left + m_width[units[i]] / 2;
            left += m_width[units[i]] + gap;
        }
    }
    /// Puts units[from, to) side by side ending at `right`.
    void LineUpBefore(const std::vector<std::size_t>& units, std::size_t from, std::size_t to,
                      double right, std::vector<RawPosition>& raw) const {
        for (std::size_t i = to; i-- > from;) {
            raw[units[i]].x = right - m_width[units[i]] / 2;
            right -= m_width[units[i]] + gap;
        }
    }
    double Right(std::size_t u, const std::vector<RawPosition>& raw) const {
        return raw[u].x + m_width[u] / 2;
    }
    double Left(std::size_t u, const std::vector<RawPosition>& raw) const {
        return raw[u].x - m_width[u] / 2;
    }

private:
    std::map<PersonId, std::size_t> m_of;
    std::vector<double> m_width;
    std::vector<int> m_in, m_out, m_sibshipOut;

public:
    const double gap; ///< dot's nodesep
};

/// Twins stand side by side: a free co-twin standing apart is moved next to
/// the first (tied, if one is) of its group.
void KeepTwinsTogether(const Sibship& s, const Units& units, std::vector<RawPosition>& raw) {
    for (std::size_t i = 0; i < s.children.size();) {
        std::size_t j = i + 1;
        const Id group = s.children[i]->twinGroup;
        while (group != kNoId && j < s.children.size() && s.children[j]->twinGroup == group)
            ++j;
        if (j - i > 1) {
            std::vector<std::size_t> twins;
            for (std::size_t k = i; k < j; ++k)
                twins.push_back(units.Of(s.children[k]->child));
            // The anchor: the first tied twin, else the first; the rest line up beside it.
            std::size_t anchor = 0;
            for (std::size_t k = 0; k < twins.size(); ++k)
                if (!units.Free(twins[k])) {
                    anchor = k;
                    break;
                }
            const double y = raw[twins[anchor]].y;
            std::vector<std::size_t> after, before;
            for (std::size_t k = anchor + 1; k < twins.size(); ++k)
                if (units.Free(twins[k]) && raw[twins[k]].y == y)
                    after.push_back(twins[k]);
            for (std::size_t k = 0; k < anchor; ++k)
                if (units.Free(twins[k]) && raw[twins[k]].y == y)
                    before.push_back(twins[k]);
            units.LineUp(after, 0, after.size(), units.Right(twins[anchor], raw) + units.gap, raw);
            units.LineUpBefore(before, 0, before.size(), units.Left(twins[anchor], raw) - units.gap,
                               raw);
        }
        i = j;
    }
}

/// The units of a sibship's children on its main generation (where most of
/// them stand), oldest first, each once.
std::vector<std::size_t> MainRowUnits(const Sibship& s, const Units& units,
                                      const std::vector<RawPosition>& raw) {
    std::map<double, int> rows;
    for (const ChildLink* c : s.children)
        ++rows[std::round(raw[units.Of(c->child)].y)];
    const double row = std::max_element(rows.begin(), rows.end(), [](auto& a, auto& b) {
                           return a.second < b.second;
                       })->first;
    std::vector<std::size_t> out;
    for (const ChildLink* c : s.children) {
        std::size_t u = units.Of(c->child);
        if (std::round(raw[u].y) == row && std::find(out.begin(), out.end(), u) == out.end())
            out.push_back(u);
    }
    return out;
}

/// Free siblings between two anchors (tied siblings already in order) go
/// right after the left one; before the first anchor, right before it.
void PlaceFreeByAnchors(const std::vector<std::size_t>& row, const std::vector<bool>& anchor,
                        const Units& units, std::vector<RawPosition>& raw) {
    std::size_t k = 0;
    while (k < row.size()) {
        if (anchor[k] || !units.Free(row[k])) {
            ++k;
            continue;
        }
        std::size_t end = k;
        while (end < row.size() && !anchor[end] && units.Free(row[end]))
            ++end;
        std::size_t prevAnchor = k, nextAnchor = end;
        while (prevAnchor > 0 && !anchor[prevAnchor - 1])
            --prevAnchor;
        while (nextAnchor < row.size() && !anchor[nextAnchor])
            ++nextAnchor;
        if (prevAnchor > 0)
            units.LineUp(row, k, end, units.Right(row[prevAnchor - 1], raw) + units.gap, raw);
        else if (nextAnchor < row.size())
            units.LineUpBefore(row, k, end, units.Left(row[nextAnchor], raw) - units.gap, raw);
        k = end;
    }
}

/// Puts one sibship's main row into birth order, moving only free siblings.
void OrderSibship(const Sibship& s, const Units& units, std::vector<RawPosition>& raw) {
    const std::vector<std::size_t> row = MainRowUnits(s, units, raw);
    bool ordered = true;
    for (std::size_t i = 1; i < row.size(); ++i)
        ordered &= raw[row[i - 1]].x < raw[row[i]].x;
    if (ordered)
        return;
    // Tied units that already stand in order are the anchors.
    std::vector<std::size_t> tied;
    std::vector<double> tiedX;
    for (std::size_t k = 0; k < row.size(); ++k)
        if (!units.Free(row[k])) {
            tied.push_back(k);
            tiedX.push_back(raw[row[k]].x);
        }
    if (tied.empty()) {
        // All free: the same places, handed out in birth order.
        double left = raw[row.front()].x;
        for (std::size_t u : row)
            left = std::min(left, raw[u].x);
        units.LineUp(row, 0, row.size(), left - units.Width(row.front()) / 2, raw);
        return;
    }
    std::vector<bool> anchor(row.size(), false);
    for (std::size_t i : LongestIncreasing(tiedX))
        anchor[tied[i]] = true;
    PlaceFreeByAnchors(row, anchor, units, raw);
}

/// The order of one row's units: dot's order, changed only where a
/// sibship's birth order asks (`before`: unit -> units that must stand right
/// of it). Among the units free to go next, the leftmost in dot's layout
/// goes; where sibships ask for a circle (siblings married to siblings in
/// the opposite order), the unit still waiting for the fewest others goes.
std::vector<std::size_t> RowOrder(const std::vector<std::size_t>& row,
                                  const std::map<std::size_t, std::vector<std::size_t>>& before,
                                  const std::vector<RawPosition>& raw) {
    std::map<std::size_t, int> waiting;
    for (std::size_t u : row)
        if (auto it = before.find(u); it != before.end())
            for (std::size_t v : it->second)
                ++waiting[v];
    auto byX = [&](std::size_t a, std::size_t b) {
        return std::tie(raw[a].x, a) > std::tie(raw[b].x, b); // min-heap on x
    };
    std::vector<std::size_t> ready, out;
    for (std::size_t u : row)
        if (!waiting[u])
            ready.push_back(u);
    std::make_heap(ready.begin(), ready.end(), byX);
    std::set<std::size_t> done;
    while (out.size() < row.size()) {
        std::size_t u = SIZE_MAX;
        if (!ready.empty()) {
            std::pop_heap(ready.begin(), ready.end(), byX);
            u = ready.back();
            ready.pop_back();
        } else {
            for (std::size_t v : row)
                if (!done.count(v) && (u == SIZE_MAX || std::tie(waiting[v], raw[v].x) <
                                                            std::tie(waiting[u], raw[u].x)))
                    u = v;
        }
        if (!done.insert(u).second)
            continue;
        out.push_back(u);
        if (auto it = before.find(u); it != before.end())
            for (std::size_t v : it->second)
                if (--waiting[v] == 0 && !done.count(v)) {
                    ready.push_back(v);
                    std::push_heap(ready.begin(), ready.end(), byX);
                }
    }
    return out;
}

/// Birth order where dot swapped siblings who are tied elsewhere (married
/// into another family of the map, with children): each generation is put
/// into an order that keeps every sibship's birth order and otherwise dot's
/// order; units that had to move are placed beside their new neighbours,
/// the rest stay where dot put them as far as room allows.
void OrderRows(const DrawnFamily& drawn, const Units& units, std::vector<RawPosition>& raw) {
    std::map<std::size_t, std::vector<std::size_t>> before;
    std::set<double> unordered; // rows where some sibship is out of order
    for (const Sibship& s : drawn.sibships) {
        std::map<double, std::vector<std::size_t>>
            onRow; // siblings on each generation, oldest first
        for (const ChildLink* c : s.children) {
            std::size_t u = units.Of(c->child);
            auto& row = onRow[std::round(raw[u].y)];
            if (std::find(row.begin(), row.end(), u) == row.end())
                row.push_back(u);
        }
        for (const auto& [y, row] : onRow)
            for (std::size_t i = 1; i < row.size(); ++i) {
                before[row[i - 1]].push_back(row[i]);
                if (raw[row[i - 1]].x >= raw[row[i]].x)
                    unordered.insert(y);
            }
    }
    if (unordered.empty())
        return;
    std::map<double, std::vector<std::size_t>> rows;
    std::set<std::size_t> seen;
    for (PersonId p : drawn.people)
        if (std::size_t u = units.Of(p);
            seen.insert(u).second && unordered.count(std::round(raw[u].y)))
            rows[std::round(raw[u].y)].push_back(u);
    for (auto& [y, row] : rows) {
        const std::vector<std::size_t> order = RowOrder(row, before, raw);
        // Units in the longest run that kept dot's order stay; the others
        // weigh almost nothing, so they go beside their new neighbours.
        std::vector<double> oldX, want, weight, offset;
        for (std::size_t u : order)
            oldX.push_back(raw[u].x);
        weight.assign(order.size(), 1e-3);
        for (std::size_t i : LongestIncreasing(oldX))
            weight[i] = 1;
        double at = 0; // widths and gaps so far: positions = offset + a non-decreasing run
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (i > 0)
                at += (units.Width(order[i - 1]) + units.Width(order[i])) / 2 + units.gap;
            offset.push_back(at);
            want.push_back(oldX[i] - at);
        }
        const std::vector<double> placed = SpreadApart(want, weight, 0);
        for (std::size_t i = 0; i < order.size(); ++i)
            raw[order[i]].x = placed[i] + offset[i];
    }
}

/// Nobody who belongs to no family line stands among siblings: an adopted
/// child's birth parents that dot put between two siblings of another
/// family move just outside that sibship, on the nearer side; free siblings
/// on that side close the gap they leave.
void KeepOutsidersOut(const DrawnFamily& drawn, const Units& units, std::vector<RawPosition>& raw) {
    std::vector<std::vector<std::size_t>> rows;
    for (const Sibship& s : drawn.sibships)
        if (auto row = MainRowUnits(s, units, raw); row.size() > 1)
            rows.push_back(std::move(row));
    std::set<std::size_t> outsiders;
    for (PersonId p : drawn.people)
        if (units.Outsider(units.Of(p)))
            outsiders.insert(units.Of(p));
    for (std::size_t u : outsiders)
        for (int round = 0; round < 8; ++round) { // out of one sibship may be into the next
            const double x = raw[u].x, y = std::round(raw[u].y);
            double lo = 0, hi = 0;
            auto inside = std::find_if(rows.begin(), rows.end(), [&](const auto& row) {
                lo = hi = raw[row.front()].x;
                for (std::size_t k : row) {
                    lo = std::min(lo, units.Left(k, raw));
                    hi = std::max(hi, units.Right(k, raw));
                }
                return std::round(raw[row.front()].y) == y && x > lo && x < hi;
            });
            if (inside == rows.end())
                break;
            const bool right = hi - x < x - lo;
            std::vector<std::size_t> beyond;
            for (std::size_t k : *inside)
                if (right ? raw[k].x > x : raw[k].x < x)
                    beyond.push_back(k);
            const double step = (units.Width(u) + units.gap) * (right ? -1 : 1);
            const bool allFree = std::all_of(beyond.begin(), beyond.end(),
                                             [&](std::size_t k) { return units.Free(k); });
            if (allFree)
                for (std::size_t k : beyond)
                    raw[k].x += step;
            const double half = units.Width(u) / 2 + units.gap;
            raw[u].x = right ? hi + (allFree ? step : 0) + half : lo + (allFree ? step : 0) - half;
        }
}

} // namespace

void KeepBirthOrder(const DrawnFamily& drawn, const DotGraph& graph, const LayoutMetrics& metrics,
                    std::vector<RawPosition>& raw) {
    const Units units(graph, metrics);
    for (const Sibship& s : drawn.sibships) {
        KeepTwinsTogether(s, units, raw);
        OrderSibship(s, units, raw);
    }
    OrderRows(drawn, units, raw);
    KeepOutsidersOut(drawn, units, raw);
}

} // namespace kartbok::genogram::detail
