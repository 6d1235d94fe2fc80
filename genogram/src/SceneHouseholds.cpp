// Households: a dashed outline around the people who live together. The
// outline is traced around the members' own room (symbols, names, the lines
// and labels of couples within the household), joined across generations, and
// carved around anyone else's symbol and labels, so it never cuts a label and
// never seems to take in someone who lives elsewhere.

#include "SceneInternal.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace kartbok::genogram::detail {
namespace {

using Owner = SceneItem::Owner;
constexpr double kCell = 3; ///< raster, points

class Raster {
public:
    Raster(double left, double top, double right, double bottom)
        : m_left(left - 4 * kCell), m_top(top - 4 * kCell),
          m_w(static_cast<int>((right - left) / kCell) + 9),
          m_h(static_cast<int>((bottom - top) / kCell) + 9),
          m_on(static_cast<std::size_t>(m_w * m_h), false) {}
    void Set(const Box& b, bool on) {
        for (int y = Y(b.top); y <= Y(b.bottom); ++y)
            for (int x = X(b.left); x <= X(b.right); ++x)
                m_on[static_cast<std::size_t>(y * m_w + x)] = on;
    }
    bool On(int x, int y) const {
        return x >= 0 && y >= 0 && x < m_w && y < m_h &&
               m_on[static_cast<std::size_t>(y * m_w + x)];
    }
    /// Marks every unmarked cell the border cannot reach: no holes.
    void FillHoles() {
        std::vector<bool> outside(m_on.size(), false);
        std::vector<int> todo;
        for (int x = 0; x < m_w; ++x)
            todo.insert(todo.end(), {x, (m_h - 1) * m_w + x});
        for (int y = 0; y < m_h; ++y)
            todo.insert(todo.end(), {y * m_w, y * m_w + m_w - 1});
        while (!todo.empty()) {
            int i = todo.back();
            todo.pop_back();
            auto k = static_cast<std::size_t>(i);
            if (outside[k] || m_on[k])
                continue;
            outside[k] = true;
            int x = i % m_w, y = i / m_w;
            if (x > 0)
                todo.push_back(i - 1);
            if (x + 1 < m_w)
                todo.push_back(i + 1);
            if (y > 0)
                todo.push_back(i - m_w);
            if (y + 1 < m_h)
                todo.push_back(i + m_w);
        }
        for (std::size_t k = 0; k < m_on.size(); ++k)
            m_on[k] = m_on[k] || !outside[k];
    }
    /// Whether every cell of the box is marked.
    bool All(const Box& b) const {
        for (int y = Y(b.top); y <= Y(b.bottom); ++y)
            for (int x = X(b.left); x <= X(b.right); ++x)
                if (!On(x, y))
                    return false;
        return true;
    }
    bool Any(const Box& b) const {
        for (int y = Y(b.top); y <= Y(b.bottom); ++y)
            for (int x = X(b.left); x <= X(b.right); ++x)
                if (On(x, y))
                    return true;
        return false;
    }
    /// Closed outlines (clockwise) of the marked area, corners only.
    std::vector<std::vector<Point>> Outlines() const {
        // Each boundary side of a marked cell as a directed edge, keyed by its start.
        std::multimap<std::pair<int, int>, std::pair<int, int>> next;
        for (int y = 0; y < m_h; ++y)
            for (int x = 0; x < m_w; ++x) {
                if (!On(x, y))
                    continue;
                if (!On(x, y - 1))
                    next.insert({{x, y}, {x + 1, y}});
                if (!On(x + 1, y))
                    next.insert({{x + 1, y}, {x + 1, y + 1}});
                if (!On(x, y + 1))
                    next.insert({{x + 1, y + 1}, {x, y + 1}});
                if (!On(x - 1, y))
                    next.insert({{x, y + 1}, {x, y}});
            }
        std::vector<std::vector<Point>> loops;
        while (!next.empty()) {
            auto start = next.begin()->first;
            std::vector<std::pair<int, int>> corners{start};
            auto at = start;
            std::pair<int, int> dir{0, 0};
            while (true) {
                auto it = next.find(at);
                if (it == next.end())
                    break;
                auto to = it->second;
                next.erase(it);
                std::pair<int, int> d{to.first - at.first, to.second - at.second};
                if (d != dir && corners.back() != at)
                    corners.push_back(at);
                dir = d;
                at = to;
                if (at == start)
                    break;
            }
            std::vector<Point> loop;
            for (auto [cx, cy] : corners)
                loop.push_back({m_left + cx * kCell, m_top + cy * kCell});
            if (loop.size() >= 4)
                loops.push_back(loop);
        }
        return loops;
    }

private:
    int X(double x) const { return std::clamp(static_cast<int>((x - m_left) / kCell), 0, m_w - 1); }
    int Y(double y) const { return std::clamp(static_cast<int>((y - m_top) / kCell), 0, m_h - 1); }
    double m_left, m_top;
    int m_w, m_h;
    std::vector<bool> m_on;
};

/// Rounds every corner of a closed polygon with (at most) the given radius.
std::vector<Point> RoundCorners(const std::vector<Point>& pts, double radius) {
    std::vector<Point> out;
    const std::size_t n = pts.size();
    for (std::size_t i = 0; i < n; ++i)
        AppendRoundedCorner(out, pts[(i + n - 1) % n], pts[i], pts[(i + 1) % n], radius, 4);
    return out;
}

/// The room of the members, one box each, and the rows they stand on.
std::vector<Box> MemberBoxes(const SceneContext& ctx, const Household& h, double inset) {
    std::vector<Box> boxes;
    std::map<double, Box> rows;
    for (PersonId m : h.members) {
        auto it = ctx.geometry.find(m);
        if (it == ctx.geometry.end())
            continue;
        const PersonGeometry& g = it->second;
        double half = std::max(g.outerHalf + 10, g.TextHalfWidth() + 6) + inset;
        Box b{g.centre.x - half, g.centre.y - g.outerHalf - 16 - inset, g.centre.x + half,
              std::max(g.textBottom, g.centre.y + ctx.s / 2 + 20) + 14 + inset};
        boxes.push_back(b);
        auto [row, fresh] = rows.try_emplace(g.centre.y, b);
        if (!fresh)
            row->second = {std::min(row->second.left, b.left), std::min(row->second.top, b.top),
                           std::max(row->second.right, b.right),
                           std::max(row->second.bottom, b.bottom)};
    }
    for (const auto& [y, row] : rows) // members of one generation share one band
        boxes.push_back(row);
    // Join each row to the next below, through the overlap of their widths.
    for (auto it = rows.begin(); it != rows.end() && std::next(it) != rows.end(); ++it) {
        const Box &a = it->second, &b = std::next(it)->second;
        double lo = std::max(a.left, b.left), hi = std::min(a.right, b.right);
        if (hi - lo < 24) // no overlap: a band at the nearer ends
            lo = std::min(a.right, b.right) - 24, hi = lo + 48;
        boxes.push_back({lo, a.bottom - 2, hi, b.top + 2});
    }
    return boxes;
}

} // namespace

Color HouseholdColor() {
    return {96, 80, 140, 255};
}

namespace {

/// A household's members' room and its label, placed from the symbols and
/// their labels alone, so the label can be kept clear before relations are
/// routed.
struct PlacedHousehold {
    const Household* household = nullptr;
    std::vector<Box> need;
    TextShape label;
};

std::vector<PlacedHousehold> PlaceHouseholds(const SceneContext& ctx) {
    std::vector<const Household*> households;
    for (const Household& h : ctx.family.households)
        households.push_back(&h);
    std::sort(households.begin(), households.end(), [](auto* a, auto* b) { return a->id < b->id; });
    std::vector<PlacedHousehold> placed;
    for (const Household* h : households) {
        const double inset = 4.0 * static_cast<double>(placed.size()); // nested ones stay visible
        std::vector<Box> need = MemberBoxes(ctx, *h, inset);
        if (need.empty())
            continue;
        // The label inside, at the bottom left of the lowest members' room.
        Box low = need.front();
        for (const Box& b : need)
            if (b.bottom > low.bottom + 1e-6 ||
                (std::abs(b.bottom - low.bottom) < 1e-6 && b.left < low.left))
                low = b;
        std::string label =
            ctx.options.deidentify ? (ctx.swedish ? "Hushåll" : "Household") : h->label;
        if (label.empty())
            label = ctx.swedish ? "Hushåll" : "Household";
        placed.push_back({h, std::move(need),
                          TextShape{{low.left + 8, low.bottom - 5},
                                    label,
                                    ctx.Font(7.5),
                                    true,
                                    TextAnchor::Start,
                                    HouseholdColor()}});
    }
    return placed;
}

} // namespace

void ReserveHouseholdLabels(SceneContext& ctx) {
    for (const PlacedHousehold& p : PlaceHouseholds(ctx))
        ctx.AddObstacle(TextBounds(p.label), p.household->id);
}

std::vector<SceneItem> HouseholdItems(SceneContext& ctx) {
    std::vector<SceneItem> items;
    const std::vector<PlacedHousehold> placed = PlaceHouseholds(ctx);
    // The households' labels (obstacles since ReserveHouseholdLabels): each
    // stands inside its own room, and is neither taken in nor carved out.
    std::set<Id> labels;
    for (const PlacedHousehold& p : placed)
        labels.insert(p.household->id);
    for (const PlacedHousehold& p : placed) {
        const Household* h = p.household;
        const std::vector<Box>& need = p.need;
        Box all = need.front();
        for (const Box& b : need)
            all = {std::min(all.left, b.left), std::min(all.top, b.top),
                   std::max(all.right, b.right), std::max(all.bottom, b.bottom)};
        std::set<Id> ours(h->members.begin(), h->members.end());
        for (const Union& u : ctx.family.unions)
            if (ours.count(u.partnerA) || ours.count(u.partnerB))
                ours.insert(u.id); // a member's couple: its line and labels are theirs
        // Room for every member's label taken in below, so none is cut at the raster's edge.
        for (std::size_t k = 0; k < ctx.obstacles.size(); ++k) {
            const Box& o = ctx.obstacles[k];
            if (ours.count(ctx.obstacleOwners[k]) &&
                std::any_of(need.begin(), need.end(),
                            [&](const Box& b) { return b.Intersects(o); }))
                all = {std::min(all.left, o.left), std::min(all.top, o.top),
                       std::max(all.right, o.right), std::max(all.bottom, o.bottom)};
        }
        Raster raster(all.left - 60, all.top - 40, all.right + 60, all.bottom + 40);
        for (const Box& b : need)
            raster.Set(b, true);
        // A member's label sticking out is taken in; anyone else's is carved out.
        for (std::size_t k = 0; k < ctx.obstacles.size(); ++k)
            if (ours.count(ctx.obstacleOwners[k]) && raster.Any(ctx.obstacles[k])) {
                const Box& o = ctx.obstacles[k];
                raster.Set({o.left - 5, o.top - 5, o.right + 5, o.bottom + 5}, true);
            }
        // Someone else's label or symbol the outline would cut is left out
        // (by less than a member's is taken in: where the two stand close the
        // outline passes between them); one wholly inside stays inside.
        for (std::size_t k = 0; k < ctx.obstacles.size(); ++k) {
            const Box& o = ctx.obstacles[k];
            Id owner = ctx.obstacleOwners[k];
            if ((owner == kNoId || !(ours.count(owner) || labels.count(owner))) && raster.Any(o) &&
                !raster.All(o))
                raster.Set({o.left - 1.5, o.top - 1.5, o.right + 1.5, o.bottom + 1.5}, false);
        }
        raster.FillHoles();
        for (const auto& loop : raster.Outlines()) {
            PathShape outline;
            outline.points = RoundCorners(loop, 10);
            outline.closed = true;
            outline.stroke = {HouseholdColor(), 1.3, DashStyle::Dashed};
            outline.filled = true;
            outline.fill = {96, 80, 140, 14};
            items.push_back({Owner::Household, h->id, outline, SceneItem::Part::Household});
        }
        items.push_back({Owner::Household, h->id, p.label, SceneItem::Part::Label});
    }
    return items;
}

} // namespace kartbok::genogram::detail
