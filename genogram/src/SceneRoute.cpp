// Routes for emotional relations: a shortest path on a grid around every
// symbol and label, kept apart from the relations routed before it, then
// straightened (no needless corners) and rounded, so a relation never runs
// through a name, a date or a symbol.

#include "SceneInternal.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace kartbok::genogram::detail {
namespace {

constexpr double kCell = 5; ///< grid cell, points
constexpr double kMargin = 140;

class Grid {
public:
    Grid(Point a, Point b, Size bounds) {
        m_left = std::max(0.0, std::min(a.x, b.x) - kMargin);
        m_top = std::max(0.0, std::min(a.y, b.y) - kMargin);
        double right =
            std::min(std::max(bounds.width, std::max(a.x, b.x)), std::max(a.x, b.x) + kMargin);
        double bottom =
            std::min(std::max(bounds.height, std::max(a.y, b.y)), std::max(a.y, b.y) + kMargin);
        m_w = static_cast<int>(std::ceil((right - m_left) / kCell)) + 1;
        m_h = static_cast<int>(std::ceil((bottom - m_top) / kCell)) + 1;
        m_blocked.assign(static_cast<std::size_t>(m_w * m_h), false);
        m_extra.assign(static_cast<std::size_t>(m_w * m_h), 0);
    }
    int W() const { return m_w; }
    int H() const { return m_h; }
    int Index(int x, int y) const { return y * m_w + x; }
    int CellX(double x) const {
        return std::clamp(static_cast<int>((x - m_left) / kCell), 0, m_w - 1);
    }
    int CellY(double y) const {
        return std::clamp(static_cast<int>((y - m_top) / kCell), 0, m_h - 1);
    }
    Point Centre(int x, int y) const {
        return {m_left + (x + 0.5) * kCell, m_top + (y + 0.5) * kCell};
    }
    void Block(const Box& b) {
        for (int y = CellY(b.top); y <= CellY(b.bottom); ++y)
            for (int x = CellX(b.left); x <= CellX(b.right); ++x)
                m_blocked[static_cast<std::size_t>(Index(x, y))] = true;
    }
    void Free(int cx, int cy, int r) {
        for (int y = std::max(0, cy - r); y <= std::min(m_h - 1, cy + r); ++y)
            for (int x = std::max(0, cx - r); x <= std::min(m_w - 1, cx + r); ++x)
                m_blocked[static_cast<std::size_t>(Index(x, y))] = false;
    }
    void Penalise(Point p, double cost) {
        int cx = CellX(p.x), cy = CellY(p.y);
        for (int y = std::max(0, cy - 1); y <= std::min(m_h - 1, cy + 1); ++y)
            for (int x = std::max(0, cx - 1); x <= std::min(m_w - 1, cx + 1); ++x) {
                double& e = m_extra[static_cast<std::size_t>(Index(x, y))];
                e = std::max(e, cost);
            }
    }
    bool Blocked(int i) const { return m_blocked[static_cast<std::size_t>(i)]; }
    double Extra(int i) const { return m_extra[static_cast<std::size_t>(i)]; }
    bool Clear(Point a, Point b) const {
        double d = std::hypot(b.x - a.x, b.y - a.y);
        int n = std::max(1, static_cast<int>(d / (kCell / 3)));
        for (int k = 0; k <= n; ++k) {
            double t = static_cast<double>(k) / n;
            int i = Index(CellX(a.x + (b.x - a.x) * t), CellY(a.y + (b.y - a.y) * t));
            if (Blocked(i))
                return false;
        }
        return true;
    }

private:
    double m_left = 0, m_top = 0;
    int m_w = 0, m_h = 0;
    std::vector<bool> m_blocked;
    std::vector<double> m_extra;
};

/// A* over 8 neighbours from any start cell to any goal cell; a turn costs
/// a little, so routes stay calm.
std::vector<int> Search(const Grid& g, const std::vector<int>& starts,
                        const std::vector<int>& goals, Point target) {
    const int n = g.W() * g.H();
    std::vector<double> cost(static_cast<std::size_t>(n), std::numeric_limits<double>::infinity());
    std::vector<int> from(static_cast<std::size_t>(n), -1);
    std::vector<bool> isGoal(static_cast<std::size_t>(n), false);
    for (int i : goals)
        isGoal[static_cast<std::size_t>(i)] = true;
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
    const int tx = g.CellX(target.x), ty = g.CellY(target.y);
    double reach = 0; // goal cells lie this many cells from the target's centre
    for (int i : goals)
        reach = std::max(reach, std::hypot(i % g.W() - tx, i / g.W() - ty));
    auto h = [&](int i) {
        return std::max(0.0, std::hypot(i % g.W() - tx, i / g.W() - ty) - reach);
    };
    for (int s0 : starts) {
        cost[static_cast<std::size_t>(s0)] = 0;
        open.push({h(s0), s0});
    }
    int goal = -1;
    const int dx[] = {1, -1, 0, 0, 1, 1, -1, -1}, dy[] = {0, 0, 1, -1, 1, -1, 1, -1};
    while (!open.empty()) {
        auto [f, i] = open.top();
        open.pop();
        if (isGoal[static_cast<std::size_t>(i)]) {
            goal = i;
            break;
        }
        if (f - h(i) > cost[static_cast<std::size_t>(i)] + 1e-9)
            continue;
        int x = i % g.W(), y = i / g.W();
        int prev = from[static_cast<std::size_t>(i)];
        for (int k = 0; k < 8; ++k) {
            int nx = x + dx[k], ny = y + dy[k];
            if (nx < 0 || ny < 0 || nx >= g.W() || ny >= g.H())
                continue;
            int j = g.Index(nx, ny);
            if (g.Blocked(j))
                continue;
            double step = k < 4 ? 1.0 : 1.4142;
            if (prev >= 0 && (x - prev % g.W() != dx[k] || y - prev / g.W() != dy[k]))
                step += 0.5;
            double c = cost[static_cast<std::size_t>(i)] + step * (1 + g.Extra(j));
            if (c < cost[static_cast<std::size_t>(j)]) {
                cost[static_cast<std::size_t>(j)] = c;
                from[static_cast<std::size_t>(j)] = i;
                open.push({c + h(j), j});
            }
        }
    }
    std::vector<int> path;
    if (goal < 0)
        return path;
    for (int i = goal; i >= 0; i = from[static_cast<std::size_t>(i)])
        path.push_back(i);
    std::reverse(path.begin(), path.end());
    return path;
}

/// Corners rounded with a quadratic curve.
std::vector<Point> Rounded(const std::vector<Point>& pts) {
    if (pts.size() < 3)
        return pts;
    std::vector<Point> out{pts.front()};
    for (std::size_t i = 1; i + 1 < pts.size(); ++i)
        AppendRoundedCorner(out, pts[i - 1], pts[i], pts[i + 1], 16.0, 6);
    out.push_back(pts.back());
    return out;
}

/// Cells around a symbol a relation may leave from: a ring just outside it,
/// not above its middle (the child line and the years) nor below it (couple
/// lines and the name), not blocked, not where an earlier relation left.
Point OnEdge(const PersonGeometry& g, Point p);

/// Does the segment touch any label or other symbol (exact boxes)?
bool Crosses(const SceneContext& ctx, const PersonGeometry& own, Point a, Point b) {
    for (const Box& o : ctx.obstacles) {
        if (o.left <= own.centre.x && o.right >= own.centre.x && o.top <= own.centre.y &&
            o.bottom >= own.centre.y)
            continue; // its own symbol
        for (int k = 0; k <= 8; ++k) {
            Point p{a.x + (b.x - a.x) * k / 8, a.y + (b.y - a.y) * k / 8};
            if (p.x > o.left - 1 && p.x < o.right + 1 && p.y > o.top - 1 && p.y < o.bottom + 1)
                return true;
        }
    }
    return false;
}

std::vector<int> Ring(const SceneContext& ctx, const Grid& grid, const PersonGeometry& g,
                      const std::vector<Point>& used) {
    std::vector<int> out;
    const double inner = g.outerHalf + 6, outer = g.outerHalf + 14;
    for (int y = grid.CellY(g.centre.y - outer); y <= grid.CellY(g.centre.y + outer); ++y)
        for (int x = grid.CellX(g.centre.x - outer); x <= grid.CellX(g.centre.x + outer); ++x) {
            Point c = grid.Centre(x, y);
            double dx = c.x - g.centre.x, dy = c.y - g.centre.y;
            double d = std::max(std::abs(dx), std::abs(dy));
            if (d < inner || d > outer || (std::abs(dx) < 10 && dy < 0) ||
                (std::abs(dx) < g.outerHalf && dy > 0))
                continue;
            bool taken = std::any_of(used.begin(), used.end(), [&](const Point& u) {
                return std::hypot(u.x - c.x, u.y - c.y) < 9;
            });
            int i = grid.Index(x, y);
            if (!taken && !grid.Blocked(i) && !Crosses(ctx, g, c, OnEdge(g, c)))
                out.push_back(i);
        }
    return out;
}

/// Where a route's end cell meets the symbol: straight in towards its centre.
Point OnEdge(const PersonGeometry& g, Point p) {
    double dx = p.x - g.centre.x, dy = p.y - g.centre.y;
    double d = std::max(std::abs(dx), std::abs(dy));
    double r = g.outerHalf + 2;
    if (g.outline.size() > 8) // a circle: its own radius
        d = std::hypot(dx, dy);
    return {g.centre.x + dx / d * r, g.centre.y + dy / d * r};
}

} // namespace

namespace {

/// One try at a route: obstacles grown by `inflate`, the search kept to the
/// two people's surroundings unless `wide`.
std::vector<Point> TryRoute(const SceneContext& ctx, const PersonGeometry& from,
                            const PersonGeometry& to, const std::vector<std::vector<Point>>& avoid,
                            std::map<PersonId, std::vector<Point>>& used, double inflate,
                            bool wide) {
    Point a = from.centre, b = to.centre;
    if (wide) {
        a = {0, 0};
        b = {ctx.layout.bounds.width, ctx.layout.bounds.height};
    }
    Grid grid(a, b, ctx.layout.bounds);
    for (const Box& o : ctx.obstacles)
        grid.Block({o.left - inflate, o.top - inflate, o.right + inflate, o.bottom + inflate});
    // Crossing a family line is fine, running along one is not.
    for (const SceneItem& item : ctx.lines)
        if (const auto* p = std::get_if<PathShape>(&item.shape))
            for (std::size_t i = 1; i < p->points.size(); ++i) {
                const Point &u = p->points[i - 1], &v = p->points[i];
                int n = std::max(1, static_cast<int>(std::hypot(v.x - u.x, v.y - u.y) / kCell));
                for (int k = 0; k <= n; ++k)
                    grid.Penalise({u.x + (v.x - u.x) * k / n, u.y + (v.y - u.y) * k / n}, 2);
            }
    for (const auto& route : avoid)
        for (const Point& p : route)
            grid.Penalise(p, 3);
    // Points no other relation of the person left from; if none are left,
    // any free point around the symbol.
    std::vector<int> starts = Ring(ctx, grid, from, used[from.person->id]);
    if (starts.empty())
        starts = Ring(ctx, grid, from, {});
    std::vector<int> goals = Ring(ctx, grid, to, used[to.person->id]);
    if (goals.empty())
        goals = Ring(ctx, grid, to, {});
    if (starts.empty() || goals.empty()) {
        return {};
    }
    std::vector<int> cells = Search(grid, starts, goals, to.centre);
    if (cells.empty()) {
        return {};
    }
    std::vector<Point> raw;
    for (int c : cells)
        raw.push_back(grid.Centre(c % grid.W(), c / grid.W()));
    // Straighten: from each point jump to the farthest one in clear sight.
    std::vector<Point> pulled{raw.front()};
    for (std::size_t i = 0; i + 1 < raw.size();) {
        std::size_t j = raw.size() - 1;
        while (j > i + 1 && !grid.Clear(raw[i], raw[j]))
            --j;
        pulled.push_back(raw[j]);
        i = j;
    }
    used[from.person->id].push_back(pulled.front());
    used[to.person->id].push_back(pulled.back());
    pulled.insert(pulled.begin(), OnEdge(from, pulled.front()));
    pulled.push_back(OnEdge(to, pulled.back()));
    return Rounded(pulled);
}

} // namespace

std::vector<Point> RoutePath(const SceneContext& ctx, const PersonGeometry& from,
                             const PersonGeometry& to, const std::vector<std::vector<Point>>& avoid,
                             std::map<PersonId, std::vector<Point>>& used) {
    // A relation's pattern reaches 5 points either side of its route; when a
    // row of labels leaves no gap that wide, search the whole map, then
    // squeeze between the labels.
    for (auto [inflate, wide] : {std::pair{5.5, false}, {5.5, true}, {2.0, true}})
        if (auto path = TryRoute(ctx, from, to, avoid, used, inflate, wide); path.size() >= 2)
            return path;
    return {};
}

} // namespace kartbok::genogram::detail
