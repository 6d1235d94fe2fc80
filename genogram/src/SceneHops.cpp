// Hops: where one family's vertical line crosses another family's sibship or
// couple line, the horizontal line jumps over it in a small arc, so no child
// seems to hang from the wrong parents.

#include "SceneInternal.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kartbok::genogram::detail {
namespace {

using Part = SceneItem::Part;
constexpr double kHop = 3.5; ///< radius of a hop

bool IsVerticalLine(const SceneItem& i) {
    return i.part == Part::ChildLine || i.part == Part::CoupleLine;
}
bool IsHorizontalLine(const SceneItem& i) {
    return i.part == Part::SibshipLine || i.part == Part::CoupleLine;
}

struct Vertical {
    double x, top, bottom;
    SceneItem::Owner owner;
    Id id;
};

/// The polyline with a hop at each crossing x of its horizontal segments.
std::vector<Point> WithHops(const std::vector<Point>& pts, const SceneItem& item,
                            const std::vector<Vertical>& verticals) {
    std::vector<Point> out{pts.front()};
    for (std::size_t i = 1; i < pts.size(); ++i) {
        Point a = pts[i - 1], b = pts[i];
        if (std::abs(a.y - b.y) > 1e-6 || std::abs(a.x - b.x) < 4 * kHop) {
            out.push_back(b);
            continue;
        }
        const double lo = std::min(a.x, b.x), hi = std::max(a.x, b.x);
        std::vector<double> xs;
        for (const Vertical& v : verticals)
            if ((v.owner != item.owner || v.id != item.id) && v.x > lo + kHop && v.x < hi - kHop &&
                v.top < a.y - 0.5 && v.bottom > a.y + 0.5)
                xs.push_back(v.x);
        std::sort(xs.begin(), xs.end());
        xs.erase(std::unique(xs.begin(), xs.end(),
                             [](double p, double q) { return std::abs(p - q) < 1e-6; }),
                 xs.end());
        if (b.x < a.x)
            std::reverse(xs.begin(), xs.end());
        const double dir = b.x > a.x ? 1 : -1;
        // Crossings closer than a hop share one wider hop.
        for (std::size_t k = 0; k < xs.size();) {
            std::size_t m = k;
            while (m + 1 < xs.size() && std::abs(xs[m + 1] - xs[m]) < 2 * kHop + 1)
                ++m;
            const double start = xs[k] - dir * kHop, end = xs[m] + dir * kHop;
            const double mid = (start + end) / 2, radius = std::abs(end - start) / 2;
            for (int s = 0; s <= 8; ++s) {
                double t = std::numbers::pi * s / 8;
                out.push_back({mid - dir * radius * std::cos(t),
                               a.y - std::min(radius, kHop * 1.4) * std::sin(t)});
            }
            k = m + 1;
        }
        out.push_back(b);
    }
    return out;
}

} // namespace

void AddHops(std::vector<SceneItem>& lines) {
    std::vector<Vertical> verticals;
    for (const SceneItem& item : lines) {
        const auto* p = std::get_if<PathShape>(&item.shape);
        if (!p || !IsVerticalLine(item))
            continue;
        for (std::size_t i = 1; i < p->points.size(); ++i) {
            const Point &a = p->points[i - 1], &b = p->points[i];
            if (std::abs(a.x - b.x) < 1e-6 && std::abs(a.y - b.y) > 1e-6)
                verticals.push_back(
                    {a.x, std::min(a.y, b.y), std::max(a.y, b.y), item.owner, item.id});
        }
    }
    std::sort(verticals.begin(), verticals.end(),
              [](const Vertical& a, const Vertical& b) { return a.x < b.x; });
    for (SceneItem& item : lines) {
        auto* p = std::get_if<PathShape>(&item.shape);
        if (!p || p->points.size() < 2 || p->closed || !IsHorizontalLine(item))
            continue;
        // Only the verticals within the line's reach.
        double lo = p->points.front().x, hi = lo;
        for (const Point& q : p->points)
            lo = std::min(lo, q.x), hi = std::max(hi, q.x);
        auto first = std::lower_bound(verticals.begin(), verticals.end(), lo,
                                      [](const Vertical& v, double x) { return v.x < x; });
        auto last = std::upper_bound(verticals.begin(), verticals.end(), hi,
                                     [](double x, const Vertical& v) { return x < v.x; });
        std::vector<Vertical> near(first, last);
        if (!near.empty())
            p->points = WithHops(p->points, item, near);
    }
}

} // namespace kartbok::genogram::detail
