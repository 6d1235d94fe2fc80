// Routes for emotional relations: a shortest path on a grid around every
// symbol and label, kept apart from the relations routed before it, then
// straightened (no needless corners) and rounded, so a relation never runs
// through a name, a date or a symbol. A pattern's thin core must clear
// every label; its swing only where there is room (a pass between two names
// costs more, a way round a whole row of them costs more still).

#include "SceneInternal.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace kartbok::genogram::detail {
namespace {

using Path = std::vector<Point>;

constexpr double kCell = 5; ///< grid cell, points
constexpr double kMargin = 140;
/// The clear space kept between the inks of two relations of one pair, and
/// of two relations leaving one symbol.
constexpr double kPairGap = 2.5;
/// What a cell costs on top of its length where only the core fits: a pass
/// of 20 pt between two names weighs as 40 pt of open route.
constexpr double kNarrowCost = 1;
/// How far before its end a route carries its arrow head.
constexpr double kHeadStretch = 14;

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
        m_narrow.assign(static_cast<std::size_t>(m_w * m_h), false);
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
    void Block(const Box& b) { Mark(b, m_blocked); }
    /// Cells where only the pattern's core fits.
    void Narrow(const Box& b) { Mark(b, m_narrow); }
    /// Narrow cells within r of p blocked (no room for an arrow head).
    void BlockNarrowNear(Point p, double r) {
        for (int y = CellY(p.y - r); y <= CellY(p.y + r); ++y)
            for (int x = CellX(p.x - r); x <= CellX(p.x + r); ++x) {
                const auto i = static_cast<std::size_t>(Index(x, y));
                m_blocked[i] = m_blocked[i] || m_narrow[i];
            }
    }
    /// Blocks every cell whose centre lies within r (and half a cell) of p.
    void BlockNear(Point p, double r) { MarkNear(p, r, m_blocked); }
    /// Marks them narrow.
    void NarrowNear(Point p, double r) { MarkNear(p, r, m_narrow); }
    /// Makes every cell whose centre lies within r (and half a cell) of p dearer.
    void Penalise(Point p, double cost, double r) {
        const int reach = static_cast<int>(std::ceil(r / kCell)) + 1;
        const int cx = CellX(p.x), cy = CellY(p.y);
        for (int y = std::max(0, cy - reach); y <= std::min(m_h - 1, cy + reach); ++y)
            for (int x = std::max(0, cx - reach); x <= std::min(m_w - 1, cx + reach); ++x) {
                const Point c = Centre(x, y);
                double& e = m_extra[static_cast<std::size_t>(Index(x, y))];
                if (Hypot(c.x - p.x, c.y - p.y) < r + kCell / 2)
                    e = std::max(e, cost);
            }
    }
    bool Blocked(int i) const { return m_blocked[static_cast<std::size_t>(i)]; }
    double Extra(int i) const {
        const auto k = static_cast<std::size_t>(i);
        return m_extra[k] + (m_narrow[k] ? kNarrowCost : 0);
    }
    /// The extra cost met along a straight line, per point of length.
    double ExtraAlong(Point a, Point b) const {
        double d = Hypot(b.x - a.x, b.y - a.y), sum = 0;
        int n = std::max(1, static_cast<int>(d / (kCell / 3)));
        for (int k = 0; k < n; ++k) {
            double t = (k + 0.5) / n;
            sum += Extra(Index(CellX(a.x + (b.x - a.x) * t), CellY(a.y + (b.y - a.y) * t)));
        }
        return sum * d / n;
    }
    bool Clear(Point a, Point b) const {
        double d = Hypot(b.x - a.x, b.y - a.y);
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
    void MarkNear(Point p, double r, std::vector<bool>& cells) {
        const int reach = static_cast<int>(std::ceil(r / kCell)) + 1;
        const int cx = CellX(p.x), cy = CellY(p.y);
        for (int y = std::max(0, cy - reach); y <= std::min(m_h - 1, cy + reach); ++y)
            for (int x = std::max(0, cx - reach); x <= std::min(m_w - 1, cx + reach); ++x) {
                const Point c = Centre(x, y);
                if (Hypot(c.x - p.x, c.y - p.y) < r + kCell / 2)
                    cells[static_cast<std::size_t>(Index(x, y))] = true;
            }
    }
    void Mark(const Box& b, std::vector<bool>& cells) {
        for (int y = CellY(b.top); y <= CellY(b.bottom); ++y)
            for (int x = CellX(b.left); x <= CellX(b.right); ++x)
                cells[static_cast<std::size_t>(Index(x, y))] = true;
    }

    double m_left = 0, m_top = 0;
    int m_w = 0, m_h = 0;
    std::vector<bool> m_blocked, m_narrow;
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
        reach = std::max(reach, Hypot(i % g.W() - tx, i / g.W() - ty));
    auto h = [&](int i) { return std::max(0.0, Hypot(i % g.W() - tx, i / g.W() - ty) - reach); };
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

double PointSegment(Point p, Point a, Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
    const double t =
        l2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / l2, 0.0, 1.0) : 0.0;
    return Hypot(a.x + dx * t - p.x, a.y + dy * t - p.y);
}

double Cross(Point o, Point a, Point b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

double SegmentSegment(Point a, Point b, Point c, Point d) {
    const double d1 = Cross(c, d, a), d2 = Cross(c, d, b), d3 = Cross(a, b, c), d4 = Cross(a, b, d);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        return 0;
    return std::min({PointSegment(a, c, d), PointSegment(b, c, d), PointSegment(c, a, b),
                     PointSegment(d, a, b)});
}

} // namespace

double SegmentBoxGap(Point a, Point b, const Box& o) {
    auto inside = [&](Point p) {
        return p.x >= o.left && p.x <= o.right && p.y >= o.top && p.y <= o.bottom;
    };
    if (inside(a) || inside(b))
        return 0;
    const Point corners[] = {
        {o.left, o.top}, {o.right, o.top}, {o.right, o.bottom}, {o.left, o.bottom}};
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0; i < 4; ++i)
        best = std::min(best, SegmentSegment(a, b, corners[i], corners[(i + 1) % 4]));
    return best;
}

/// The smallest distance between two polylines.
double PathGap(const Path& p, const Path& q) {
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 1; i < p.size(); ++i) {
        const Point &a = p[i - 1], &b = p[i];
        const double left = std::min(a.x, b.x), right = std::max(a.x, b.x);
        const double top = std::min(a.y, b.y), bottom = std::max(a.y, b.y);
        for (std::size_t j = 1; j < q.size(); ++j) {
            const Point &c = q[j - 1], &d = q[j];
            // Segments whose boxes stand further apart than the best so far
            // cannot come closer.
            const double dx =
                std::max({std::min(c.x, d.x) - right, left - std::max(c.x, d.x), 0.0});
            const double dy =
                std::max({std::min(c.y, d.y) - bottom, top - std::max(c.y, d.y), 0.0});
            if (dx >= best || dy >= best)
                continue;
            best = std::min(best, SegmentSegment(a, b, c, d));
        }
    }
    return best;
}

namespace {

Point OnEdge(const PersonGeometry& g, Point p);

/// Does the segment come within `margin` of any label or other symbol?
bool Crosses(const SceneContext& ctx, const PersonGeometry& own, Point a, Point b, double margin) {
    for (const Box& o : ctx.obstacles) {
        if (o.left <= own.centre.x && o.right >= own.centre.x && o.top <= own.centre.y &&
            o.bottom >= own.centre.y)
            continue; // its own symbol
        for (int k = 0; k <= 8; ++k) {
            Point p{a.x + (b.x - a.x) * k / 8, a.y + (b.y - a.y) * k / 8};
            if (p.x > o.left - margin && p.x < o.right + margin && p.y > o.top - margin &&
                p.y < o.bottom + margin)
                return true;
        }
    }
    return false;
}

/// Cells around a symbol a relation may leave from: a ring just outside it,
/// not above its middle (the child line and the years) nor below it (couple
/// lines and the name), not blocked, not where an earlier relation left,
/// its ink (`reach` either side) clear of the labels and of the ink of the
/// earlier relations between the same two people (`near`: each line with
/// half its stroke width).
std::vector<int> Ring(const SceneContext& ctx, const Grid& grid, const PersonGeometry& g,
                      const std::vector<Point>& used, double reach,
                      const std::vector<std::pair<const Path*, double>>& near) {
    std::vector<int> out;
    const double inner = g.outerHalf + std::max(6.0, reach + 1), outer = inner + 8;
    for (int y = grid.CellY(g.centre.y - outer); y <= grid.CellY(g.centre.y + outer); ++y)
        for (int x = grid.CellX(g.centre.x - outer); x <= grid.CellX(g.centre.x + outer); ++x) {
            Point c = grid.Centre(x, y);
            double dx = c.x - g.centre.x, dy = c.y - g.centre.y;
            double d = std::max(std::abs(dx), std::abs(dy));
            if (d < inner || d > outer || (std::abs(dx) < 10 && dy < 0) ||
                (std::abs(dx) < g.outerHalf && dy > 0))
                continue;
            bool taken = std::any_of(used.begin(), used.end(), [&](const Point& u) {
                return Hypot(u.x - c.x, u.y - c.y) < 9;
            });
            int i = grid.Index(x, y);
            if (taken || grid.Blocked(i) || Crosses(ctx, g, c, OnEdge(g, c), reach))
                continue;
            const std::vector<Point> stub{c, OnEdge(g, c)};
            if (std::all_of(near.begin(), near.end(), [&](const auto& n) {
                    return PathGap(stub, *n.first) >= reach + n.second + kPairGap;
                }))
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
        d = Hypot(dx, dy);
    return {g.centre.x + dx / d * r, g.centre.y + dy / d * r};
}

} // namespace

namespace {

bool SamePair(const RoutedRelation& e, const PersonGeometry& from, const PersonGeometry& to) {
    const PersonId a = from.person->id, b = to.person->id;
    return (e.a == a && e.b == b) || (e.a == b && e.b == a);
}

bool OwnSymbol(const Box& o, const PersonGeometry& g) {
    return o.left <= g.centre.x && o.right >= g.centre.x && o.top <= g.centre.y &&
           o.bottom >= g.centre.y;
}

} // namespace

namespace {

double PointBoxGap(Point p, const Box& o) {
    return Hypot(std::max({o.left - p.x, p.x - o.right, 0.0}),
                 std::max({o.top - p.y, p.y - o.bottom, 0.0}));
}

} // namespace

RelationRoom::RelationRoom(const SceneContext& ctx, const Path& path,
                           const std::vector<const RoutedRelation*>& pair) {
    if (path.empty())
        return;
    Box reach{path.front().x, path.front().y, path.front().x, path.front().y};
    for (Point p : path)
        reach = {std::min(reach.left, p.x), std::min(reach.top, p.y), std::max(reach.right, p.x),
                 std::max(reach.bottom, p.y)};
    reach = {reach.left - kFarEnough, reach.top - kFarEnough, reach.right + kFarEnough,
             reach.bottom + kFarEnough};
    for (const Box& o : ctx.obstacles)
        if (o.Intersects(reach) && PointBoxGap(path.front(), o) >= 3 &&
            PointBoxGap(path.back(), o) >= 3) // not a symbol the relation starts or ends at
            m_boxes.push_back(o);
    for (const RoutedRelation* e : pair)
        for (const auto& line : e->ink)
            m_ink.push_back(&line);
}

double RelationRoom::At(Point p) const {
    double room = kFarEnough;
    for (const Box& o : m_boxes)
        if (o.left - p.x < room && p.x - o.right < room && o.top - p.y < room &&
            p.y - o.bottom < room)
            room = std::min(room, PointBoxGap(p, o));
    for (const auto* line : m_ink)
        room = std::min(room, PathGap({p, p}, line->first) - line->second - kPairGap);
    return room;
}

bool RouteClear(const SceneContext& ctx, const Path& path, const PersonGeometry& from,
                const PersonGeometry& to, const Reach& reach,
                const std::vector<RoutedRelation>& earlier) {
    const double length = PathLength(path);
    for (const Box& o : ctx.obstacles) {
        if (OwnSymbol(o, from) || OwnSymbol(o, to))
            continue;
        double along = 0;
        for (std::size_t i = 1; i < path.size(); ++i) {
            along += Hypot(path[i].x - path[i - 1].x, path[i].y - path[i - 1].y);
            const double r =
                along > length - kHeadStretch ? std::max(reach.core, reach.head) : reach.core;
            const Point &a = path[i - 1], &b = path[i];
            if (std::max(a.x, b.x) < o.left - r - 1 || std::min(a.x, b.x) > o.right + r + 1 ||
                std::max(a.y, b.y) < o.top - r - 1 || std::min(a.y, b.y) > o.bottom + r + 1)
                continue; // too far to matter
            if (SegmentBoxGap(a, b, o) < r + 0.3)
                return false;
        }
    }
    return std::none_of(earlier.begin(), earlier.end(), [&](const RoutedRelation& e) {
        if (!SamePair(e, from, to))
            return false;
        return std::any_of(e.ink.begin(), e.ink.end(), [&](const auto& line) {
            return PathGap(path, line.first) < reach.core + line.second + kPairGap;
        });
    });
}

namespace {

/// Calls f with points along a path, one per grid cell.
template <class F> void Along(const Path& path, F f) {
    for (std::size_t i = 1; i < path.size(); ++i) {
        const Point &u = path[i - 1], &v = path[i];
        int n = std::max(1, static_cast<int>(Hypot(v.x - u.x, v.y - u.y) / kCell));
        for (int k = 0; k <= n; ++k)
            f(Point{u.x + (v.x - u.x) * k / n, u.y + (v.y - u.y) * k / n});
    }
}

struct Try {
    double inflate = 0; ///< labels and symbols grown by this (the core's reach and a point)
    bool wide = false;  ///< the whole map searched, not only the two people's surroundings
    bool apart = false; ///< the same pair's earlier relations kept out of reach
};

struct Route {
    Path path;
    Point first, last; ///< the ring points it leaves and reaches the symbols from
};

/// A grid for one try: obstacles grown, narrow passes (no room for the full
/// ink) dearer, family lines and earlier routes dearer, the same pair's
/// earlier routes blocked when they must stay apart.
Grid MakeGrid(const SceneContext& ctx, const PersonGeometry& from, const PersonGeometry& to,
              const Reach& reach, const std::vector<RoutedRelation>& earlier, const Try& t) {
    Point a = from.centre, b = to.centre;
    if (t.wide) {
        a = {0, 0};
        b = {ctx.layout.bounds.width, ctx.layout.bounds.height};
    }
    Grid grid(a, b, ctx.layout.bounds);
    const double roomy = std::max(t.inflate, reach.full + 1);
    for (const Box& o : ctx.obstacles) {
        grid.Block(
            {o.left - t.inflate, o.top - t.inflate, o.right + t.inflate, o.bottom + t.inflate});
        if (!OwnSymbol(o, from) && !OwnSymbol(o, to)) // where the route starts and ends
            grid.Narrow({o.left - roomy, o.top - roomy, o.right + roomy, o.bottom + roomy});
    }
    if (reach.head > reach.core) // the arrow head's stretch needs its room
        grid.BlockNarrowNear(to.centre,
                             to.outerHalf + std::max(6.0, reach.full + 1) + 8 + kHeadStretch);
    // Crossing a family line is fine, running along one is not.
    for (const SceneItem& item : ctx.lines)
        if (const auto* p = std::get_if<PathShape>(&item.shape))
            Along(p->points, [&](Point q) { grid.Penalise(q, 2, reach.full + 2); });
    for (const RoutedRelation& e : earlier) {
        if (t.apart && SamePair(e, from, to))
            for (const auto& line : e.ink) {
                const double half = line.second;
                Along(line.first, [&](Point q) {
                    grid.NarrowNear(q, reach.full + half + kPairGap);
                    grid.BlockNear(q, reach.core + half + kPairGap);
                });
            }
        else
            Along(e.path, [&](Point q) { grid.Penalise(q, 3, reach.full + e.reach.full + 2); });
    }
    return grid;
}

/// The points a relation may leave a symbol from: first where its full ink
/// fits and no other relation of the person left, then where its core fits,
/// then anywhere free around the symbol.
std::vector<int> RingFor(const SceneContext& ctx, const Grid& grid, const PersonGeometry& g,
                         const std::vector<Point>& used, const Reach& reach,
                         const std::vector<std::pair<const Path*, double>>& near) {
    const double end = std::max(reach.full, reach.head);
    for (double r : {end, std::max(reach.core, reach.head)}) {
        std::vector<int> cells = Ring(ctx, grid, g, used, r, near);
        if (!cells.empty())
            return cells;
    }
    return Ring(ctx, grid, g, {}, end, {});
}

/// How many cells ahead straightening looks for a shortcut (750 pt): far
/// enough for any bend on a family's map, and a long route across a
/// 3 000-person sheet stays linear rather than cubic in its length.
constexpr std::size_t kLookAhead = 150;

/// Straightened: from each point a jump to the farthest one in clear sight
/// (within kLookAhead) whose shortcut runs no further along lines and
/// narrow passes than the cells it skips.
Path Straightened(const Grid& grid, const Path& raw) {
    std::vector<double> extra{0}; // met along the raw path up to each point
    for (std::size_t k = 1; k < raw.size(); ++k)
        extra.push_back(extra.back() + grid.ExtraAlong(raw[k - 1], raw[k]));
    Path pulled{raw.front()};
    for (std::size_t i = 0; i + 1 < raw.size();) {
        std::size_t j = std::min(raw.size() - 1, i + kLookAhead);
        auto worse = [&](std::size_t to) {
            return grid.ExtraAlong(raw[i], raw[to]) > extra[to] - extra[i] + 1e-6;
        };
        while (j > i + 1 && (!grid.Clear(raw[i], raw[j]) || worse(j)))
            --j;
        pulled.push_back(raw[j]);
        i = j;
    }
    return pulled;
}

/// One try at a route.
Route TryRoute(const SceneContext& ctx, const PersonGeometry& from, const PersonGeometry& to,
               const Reach& reach, const std::vector<RoutedRelation>& earlier,
               std::map<PersonId, std::vector<Point>>& used, const Try& t) {
    const Grid grid = MakeGrid(ctx, from, to, reach, earlier, t);
    std::vector<std::pair<const Path*, double>> near; // the same pair's: apart from the start
    for (const RoutedRelation& e : earlier)
        if (SamePair(e, from, to))
            for (const auto& [line, half] : e.ink)
                near.push_back({&line, half});
    const std::vector<int> starts = RingFor(ctx, grid, from, used[from.person->id], reach, near);
    const std::vector<int> goals = RingFor(ctx, grid, to, used[to.person->id], reach, near);
    if (starts.empty() || goals.empty())
        return {};
    std::vector<int> cells = Search(grid, starts, goals, to.centre);
    if (cells.empty())
        return {};
    Path raw;
    for (int c : cells)
        raw.push_back(grid.Centre(c % grid.W(), c / grid.W()));
    Path pulled = Straightened(grid, raw);
    Route route{{}, pulled.front(), pulled.back()};
    pulled.insert(pulled.begin(), OnEdge(from, pulled.front()));
    pulled.push_back(OnEdge(to, pulled.back()));
    // Rounded corners cut inwards; kept only where they stay clear.
    route.path = Rounded(pulled);
    if (!RouteClear(ctx, route.path, from, to, reach, earlier) &&
        RouteClear(ctx, pulled, from, to, reach, earlier))
        route.path = pulled;
    return route;
}

} // namespace

std::vector<Point> RoutePath(const SceneContext& ctx, const PersonGeometry& from,
                             const PersonGeometry& to, const Reach& reach,
                             const std::vector<RoutedRelation>& earlier,
                             std::map<PersonId, std::vector<Point>>& used, bool* clean) {
    // Near the two people first, then over the whole map; only then closer
    // to the same pair's other relations; last squeezed between labels. The
    // first clean route that is no long way round is taken, else the
    // shortest clean one, else the first found.
    const double clear = reach.core + 1;
    std::vector<Try> tries{
        {clear, false, true}, {clear, true, true}, {clear, false, false}, {clear, true, false}};
    if (clear > 2) // a wide core: squeezed between labels, as a last resort
        tries.push_back({2.0, true, false});
    const double limit =
        RelationDetourLimit(Hypot(to.centre.x - from.centre.x, to.centre.y - from.centre.y));
    Route best, fallback;
    for (const Try& t : tries) {
        Route r = TryRoute(ctx, from, to, reach, earlier, used, t);
        if (r.path.size() < 2)
            continue;
        if (!RouteClear(ctx, r.path, from, to, reach, earlier)) {
            if (fallback.path.empty())
                fallback = std::move(r);
            continue;
        }
        if (best.path.empty() || PathLength(r.path) < PathLength(best.path))
            best = std::move(r);
        if (PathLength(best.path) <= limit)
            break;
    }
    if (clean)
        *clean = !best.path.empty() && PathLength(best.path) <= limit;
    Route& chosen = best.path.empty() ? fallback : best;
    if (chosen.path.size() >= 2) {
        used[from.person->id].push_back(chosen.first);
        used[to.person->id].push_back(chosen.last);
    }
    return chosen.path;
}

} // namespace kartbok::genogram::detail
