// Emotional relations between symbol edges: each kind a pattern (parallel
// lines, zigzag, broken line, arrow) and a colour, so a map reads on screen
// and in greyscale print. Relations never move anyone (they are not in the
// layout graph); each leaves its symbols at a point of its own and is routed
// around symbols and labels (SceneRoute.cpp), never through a name.

#include "SceneInternal.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace kartbok::genogram::detail {
namespace {

using Path = std::vector<Point>;

double Dist(Point a, Point b) {
    return std::hypot(b.x - a.x, b.y - a.y);
}

double Length(const Path& p) {
    double l = 0;
    for (std::size_t i = 1; i < p.size(); ++i)
        l += Dist(p[i - 1], p[i]);
    return l;
}

/// Point and unit tangent at arc length d.
std::pair<Point, Point> At(const Path& p, double d) {
    for (std::size_t i = 1; i < p.size(); ++i) {
        double seg = Dist(p[i - 1], p[i]);
        if (d <= seg || i + 1 == p.size()) {
            double t = seg > 0 ? std::clamp(d / seg, 0.0, 1.0) : 0;
            Point tan = seg > 0 ? Point{(p[i].x - p[i - 1].x) / seg, (p[i].y - p[i - 1].y) / seg}
                                : Point{1, 0};
            return {
                {p[i - 1].x + (p[i].x - p[i - 1].x) * t, p[i - 1].y + (p[i].y - p[i - 1].y) * t},
                tan};
        }
        d -= seg;
    }
    return {p.empty() ? Point{} : p.back(), {1, 0}};
}

/// The part of a path between arc lengths a and b.
Path Sub(const Path& p, double a, double b) {
    Path out{At(p, a).first};
    double d = 0;
    for (std::size_t i = 1; i < p.size(); ++i) {
        d += Dist(p[i - 1], p[i]);
        if (d > a && d < b)
            out.push_back(p[i]);
    }
    out.push_back(At(p, b).first);
    return out;
}

/// A parallel path at distance off (positive: to the left of travel).
Path Offset(const Path& p, double off) {
    Path out;
    for (std::size_t i = 0; i < p.size(); ++i) {
        Point a = p[i == 0 ? 0 : i - 1], b = p[i + 1 < p.size() ? i + 1 : i];
        double l = Dist(a, b);
        Point n = l > 0 ? Point{(a.y - b.y) / l, (b.x - a.x) / l} : Point{0, 0};
        out.push_back({p[i].x + n.x * off, p[i].y + n.y * off});
    }
    return out;
}

Path Zigzag(const Path& p, double amplitude, double wavelength) {
    double len = Length(p);
    int steps = std::max(2, static_cast<int>(len / (wavelength / 2)));
    Path out;
    for (int i = 0; i <= steps; ++i) {
        double d = len * i / steps;
        auto [pt, tan] = At(p, d);
        double off = (i == 0 || i == steps) ? 0 : (i % 2 ? amplitude : -amplitude);
        out.push_back({pt.x - tan.y * off, pt.y + tan.x * off});
    }
    return out;
}

PathShape Stroked(Path pts, Color c, double width, DashStyle dash = DashStyle::Solid) {
    PathShape s;
    s.points = std::move(pts);
    s.stroke = {c, width, dash};
    return s;
}

/// A quadratic curve from a to b through control c, trimmed to leave both symbols.
Path Curve(Point a, Point c, Point b, double trimA, double trimB) {
    Path all;
    const int n = 64;
    for (int i = 0; i <= n; ++i) {
        double t = static_cast<double>(i) / n, u = 1 - t;
        all.push_back({u * u * a.x + 2 * u * t * c.x + t * t * b.x,
                       u * u * a.y + 2 * u * t * c.y + t * t * b.y});
    }
    std::size_t first = 0, last = all.size() - 1;
    while (first < last && Dist(all[first], a) < trimA)
        ++first;
    while (last > first && Dist(all[last], b) < trimB)
        --last;
    return Path(all.begin() + static_cast<long>(first), all.begin() + static_cast<long>(last) + 1);
}

} // namespace

void AddRelationPath(SceneContext& ctx, const std::vector<Point>& path, RelationKind kind,
                     bool arrow, SceneItem::Owner owner, Id id, bool letterToo) {
    if (path.size() < 2)
        return;
    // Slightly translucent, so the family tree stays the dominant structure
    // where relations cross it.
    Color color = RelationColor(kind);
    if (owner != SceneItem::Owner::Legend)
        color.a = 225;
    const double len = Length(path);
    const double arrowLen = arrow ? std::min(9.0, len / 3) : 0;
    const Path body = arrow ? Sub(path, 0, len - arrowLen) : path;
    const double bodyLen = Length(body);
    auto add = [&](Path p, double w, DashStyle dash = DashStyle::Solid) {
        ctx.Add(owner, id, Stroked(std::move(p), color, w, dash),
                owner == SceneItem::Owner::Legend ? SceneItem::Part::Legend
                                                  : SceneItem::Part::RelationLine);
    };

    switch (kind) {
    case RelationKind::Close:
        add(Offset(body, 2.2), 1.3);
        add(Offset(body, -2.2), 1.3);
        break;
    case RelationKind::Fused:
        add(Offset(body, 3.6), 1.2);
        add(body, 1.2);
        add(Offset(body, -3.6), 1.2);
        break;
    case RelationKind::Distant:
        add(body, 1.7, DashStyle::Dotted);
        break;
    case RelationKind::Conflict:
        add(Zigzag(body, 4, 9), 1.3);
        break;
    case RelationKind::CloseConflict:
        add(Offset(body, 2.6), 1.2);
        add(Offset(body, -2.6), 1.2);
        add(Zigzag(body, 5, 10), 1.2);
        break;
    case RelationKind::CutOff:
    case RelationKind::CutOffRepaired: {
        const double mid = bodyLen / 2, gap = 3.5;
        add(Sub(body, 0, mid - gap), 1.4);
        add(Sub(body, mid + gap, bodyLen), 1.4);
        for (double d : {mid - gap, mid + gap}) {
            auto [pt, tan] = At(body, d);
            add({{pt.x - tan.y * 7, pt.y + tan.x * 7}, {pt.x + tan.y * 7, pt.y - tan.x * 7}}, 1.6);
        }
        if (kind == RelationKind::CutOffRepaired) {
            CircleShape ring;
            ring.centre = At(body, mid).first;
            ring.radius = 10;
            ring.stroke = {color, 1.3, DashStyle::Solid};
            ctx.Add(owner, id, ring, SceneItem::Part::RelationLine);
        }
        break;
    }
    case RelationKind::FocusedOn:
        add(body, 1.8);
        break;
    case RelationKind::PhysicalAbuse:
    case RelationKind::SexualAbuse:
    case RelationKind::EmotionalAbuse:
        add(Zigzag(body, 4.5, 8), 1.4);
        break;
    case RelationKind::Neglect:
        add(body, 1.6, DashStyle::Dashed);
        break;
    case RelationKind::Hostile:
        add(Zigzag(body, 4.8, 8), 2.0);
        break;
    case RelationKind::DistantHostile:
        add(body, 1.7, DashStyle::Dotted);
        add(Zigzag(body, 5, 9), 1.3);
        break;
    case RelationKind::FusedHostile:
        add(Offset(body, 3.6), 1.2);
        add(body, 1.2);
        add(Offset(body, -3.6), 1.2);
        add(Zigzag(body, 5, 10), 1.3);
        break;
    }
    if (arrow) {
        auto [base, tan] = At(path, len - arrowLen);
        Point tip = path.back();
        PathShape head;
        head.points = {tip,
                       {base.x - tan.y * 4.2, base.y + tan.x * 4.2},
                       {base.x + tan.y * 4.2, base.y - tan.x * 4.2}};
        head.closed = true;
        head.filled = true;
        head.fill = color;
        head.stroke = {color, 1.0, DashStyle::Solid};
        ctx.Add(owner, id, head, SceneItem::Part::RelationLine);
    }
    if (letterToo)
        AddRelationLetter(ctx, path, kind, owner, id);
}

void AddRelationLetter(SceneContext& ctx, const std::vector<Point>& path, RelationKind kind,
                       SceneItem::Owner owner, Id id) {
    std::string letter = RelationLetter(kind, ctx.swedish);
    const double len = Length(path);
    const Path body = HasArrow(kind) ? Sub(path, 0, len - std::min(9.0, len / 3)) : path;
    const double bodyLen = Length(body);
    Color color = RelationColor(kind);
    if (!letter.empty()) {
        // Where the line is farthest from every other relation's line.
        auto segmentGap = [](Point p, Point a, Point b) {
            double dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
            double t =
                l2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / l2, 0.0, 1.0) : 0;
            return Dist(p, {a.x + dx * t, a.y + dy * t});
        };
        double bestT = 0.5, bestGap = -1;
        for (double t = 0.15; t <= 0.851; t += 0.05) {
            Point p = At(body, bodyLen * t).first;
            double gap = 1e9;
            for (const SceneItem& other : *ctx.out)
                if (other.part == SceneItem::Part::RelationLine && other.id != id)
                    if (const auto* path = std::get_if<PathShape>(&other.shape))
                        for (std::size_t k = 1; k < path->points.size(); ++k)
                            gap =
                                std::min(gap, segmentGap(p, path->points[k - 1], path->points[k]));
            // Prefer the middle when several places are clear.
            double score = std::min(gap, 12.0) - std::abs(t - 0.5);
            if (score > bestGap + 1e-9)
                bestGap = score, bestT = t;
        }
        auto [pt, tan] = At(body, bodyLen * bestT);
        double size = ctx.Font(8);
        ctx.AddLabel(
            owner, id,
            TextShape{{pt.x, pt.y + size * 0.36}, letter, size, true, TextAnchor::Middle, color},
            true);
    }
}

void AddRelations(SceneContext& ctx) {
    std::vector<const Relation*> relations;
    for (const Relation& r : ctx.family.relations)
        if (r.from != r.to && ctx.geometry.count(r.from) && ctx.geometry.count(r.to))
            relations.push_back(&r);
    std::sort(relations.begin(), relations.end(),
              [](const Relation* a, const Relation* b) { return a->id < b->id; });
    std::vector<std::vector<Point>> routes;
    std::map<PersonId, std::vector<Point>> used;
    for (const Relation* r : relations) {
        const PersonGeometry& A = ctx.geometry.at(r->from);
        const PersonGeometry& B = ctx.geometry.at(r->to);
        std::vector<Point> path = RoutePath(ctx, A, B, routes, used);
        if (path.size() < 2) {
            Point a = A.centre, b = B.centre;
            // No way around: a gentle curve as before.
            Point mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
            double d = std::hypot(b.x - a.x, b.y - a.y);
            Point control{mid.x + (a.y - b.y) / std::max(d, 1.0) * d * 0.1,
                          mid.y + (b.x - a.x) / std::max(d, 1.0) * d * 0.1};
            path = Curve(a, control, b, A.outerHalf * 1.15 + 4, B.outerHalf * 1.15 + 4);
        }
        routes.push_back(path);
        AddRelationPath(ctx, path, r->kind, HasArrow(r->kind) || r->directed,
                        SceneItem::Owner::Relation, r->id, false);
    }
    // Letters last, where no other relation's line passes.
    for (std::size_t i = 0; i < relations.size(); ++i)
        AddRelationLetter(ctx, routes[i], relations[i]->kind, SceneItem::Owner::Relation,
                          relations[i]->id);
}

} // namespace kartbok::genogram::detail
