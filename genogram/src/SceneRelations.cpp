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

/// One strand of a relation's pattern: a line `offset` to the left of the
/// route, straight or (with an amplitude) a zigzag.
struct Strand {
    double offset = 0, width = 1.3;
    DashStyle dash = DashStyle::Solid;
    double amplitude = 0, wavelength = 0;
};

/// The strands of every kind but the cut-offs (their own drawing, CutOff).
std::vector<Strand> StrandsOf(RelationKind kind) {
    using D = DashStyle;
    switch (kind) {
    case RelationKind::Close:
        return {{2.2, 1.3}, {-2.2, 1.3}};
    case RelationKind::Fused:
        return {{3.6, 1.2}, {0, 1.2}, {-3.6, 1.2}};
    case RelationKind::Distant:
        return {{0, 1.7, D::Dotted}};
    case RelationKind::Conflict:
        return {{0, 1.3, D::Solid, 4, 9}};
    case RelationKind::CloseConflict:
        return {{2.6, 1.2}, {-2.6, 1.2}, {0, 1.2, D::Solid, 5, 10}};
    case RelationKind::FocusedOn:
        return {{0, 1.8}};
    case RelationKind::PhysicalAbuse:
    case RelationKind::SexualAbuse:
    case RelationKind::EmotionalAbuse:
        return {{0, 1.4, D::Solid, 4.5, 8}};
    case RelationKind::Neglect:
        return {{0, 1.6, D::Dashed}};
    case RelationKind::Hostile:
        return {{0, 2.0, D::Solid, 4.8, 8}};
    case RelationKind::DistantHostile:
        return {{0, 1.7, D::Dotted}, {0, 1.3, D::Solid, 5, 9}};
    case RelationKind::FusedHostile:
        return {{3.6, 1.2}, {0, 1.2}, {-3.6, 1.2}, {0, 1.3, D::Solid, 5, 10}};
    case RelationKind::CutOff:
    case RelationKind::CutOffRepaired:
        break;
    }
    return {};
}

constexpr double kCutOffBar = 7, kCutOffBarWidth = 1.6, kRepairedRing = 10;

/// A cut-off: the line broken in the middle between two bars; a ring
/// around the break once repaired.
void AddCutOff(SceneContext& ctx, const Path& body, RelationKind kind, Color color,
               SceneItem::Owner owner, Id id, SceneItem::Part part) {
    const double bodyLen = Length(body), mid = bodyLen / 2, gap = 3.5;
    auto add = [&](Path p, double w) { ctx.Add(owner, id, Stroked(std::move(p), color, w), part); };
    add(Sub(body, 0, mid - gap), 1.4);
    add(Sub(body, mid + gap, bodyLen), 1.4);
    for (double d : {mid - gap, mid + gap}) {
        auto [pt, tan] = At(body, d);
        add({{pt.x - tan.y * kCutOffBar, pt.y + tan.x * kCutOffBar},
             {pt.x + tan.y * kCutOffBar, pt.y - tan.x * kCutOffBar}},
            kCutOffBarWidth);
    }
    if (kind == RelationKind::CutOffRepaired) {
        CircleShape ring;
        ring.centre = At(body, mid).first;
        ring.radius = kRepairedRing;
        ring.stroke = {color, 1.3, DashStyle::Solid};
        ctx.Add(owner, id, ring, part);
    }
}

constexpr double kArrowHalf = 4.2;

void AddArrowHead(SceneContext& ctx, const Path& path, double arrowLen, Color color,
                  SceneItem::Owner owner, Id id, SceneItem::Part part) {
    auto [base, tan] = At(path, Length(path) - arrowLen);
    Point tip = path.back();
    PathShape head;
    head.points = {tip,
                   {base.x - tan.y * kArrowHalf, base.y + tan.x * kArrowHalf},
                   {base.x + tan.y * kArrowHalf, base.y - tan.x * kArrowHalf}};
    head.closed = true;
    head.filled = true;
    head.fill = color;
    head.stroke = {color, 1.0, DashStyle::Solid};
    ctx.Add(owner, id, head, part);
}

} // namespace

double RelationReach(RelationKind kind) {
    if (kind == RelationKind::CutOff)
        return kCutOffBar + kCutOffBarWidth / 2;
    if (kind == RelationKind::CutOffRepaired)
        return kRepairedRing + 0.65;
    double reach = HasArrow(kind) ? kArrowHalf + 0.5 : 0;
    for (const Strand& s : StrandsOf(kind))
        reach = std::max(reach, std::abs(s.offset) + s.amplitude + s.width / 2);
    return reach;
}

void AddRelationPath(SceneContext& ctx, const std::vector<Point>& path, RelationKind kind,
                     bool arrow, SceneItem::Owner owner, Id id, bool letterToo) {
    if (path.size() < 2)
        return;
    // Slightly translucent, so the family tree stays the dominant structure
    // where relations cross it.
    Color color = RelationColor(kind);
    if (owner != SceneItem::Owner::Legend)
        color.a = 225;
    const auto part =
        owner == SceneItem::Owner::Legend ? SceneItem::Part::Legend : SceneItem::Part::RelationLine;
    const double len = Length(path);
    const double arrowLen = arrow ? std::min(9.0, len / 3) : 0;
    const Path body = arrow ? Sub(path, 0, len - arrowLen) : path;
    if (kind == RelationKind::CutOff || kind == RelationKind::CutOffRepaired)
        AddCutOff(ctx, body, kind, color, owner, id, part);
    for (const Strand& s : StrandsOf(kind)) {
        Path line = s.offset != 0 ? Offset(body, s.offset) : body;
        if (s.amplitude > 0)
            line = Zigzag(line, s.amplitude, s.wavelength);
        ctx.Add(owner, id, Stroked(std::move(line), color, s.width, s.dash), part);
    }
    if (arrow)
        AddArrowHead(ctx, path, arrowLen, color, owner, id, part);
    if (letterToo)
        AddRelationLetter(ctx, path, kind, owner, id);
}

namespace {

/// How far a letter's box stands from every other line's ink (relations,
/// the family's lines) and every label and symbol; negative where it touches.
double LetterGap(const SceneContext& ctx, const Box& box, Id id) {
    double gap = 1e9;
    auto lines = [&](const std::vector<SceneItem>& items, bool relations) {
        for (const SceneItem& other : items) {
            if (relations && (other.part != SceneItem::Part::RelationLine || other.id == id))
                continue;
            if (const auto* path = std::get_if<PathShape>(&other.shape))
                for (std::size_t k = 1; k < path->points.size(); ++k) {
                    const Point a = path->points[k - 1], b = path->points[k];
                    if (std::min(a.x, b.x) > box.right + 20 || std::max(a.x, b.x) < box.left - 20 ||
                        std::min(a.y, b.y) > box.bottom + 20 || std::max(a.y, b.y) < box.top - 20)
                        continue;
                    gap = std::min(gap, SegmentBoxGap(a, b, box) - path->stroke.width / 2);
                }
        }
    };
    lines(*ctx.out, true);
    lines(ctx.lines, false);
    for (const Box& o : ctx.obstacles) {
        const double dx = std::max({o.left - box.right, box.left - o.right, 0.0});
        const double dy = std::max({o.top - box.bottom, box.top - o.bottom, 0.0});
        gap = std::min(gap, o.Intersects(box) ? -1.0 : std::hypot(dx, dy));
    }
    return gap;
}

} // namespace

void AddRelationLetter(SceneContext& ctx, const std::vector<Point>& path, RelationKind kind,
                       SceneItem::Owner owner, Id id) {
    const std::string letter = RelationLetter(kind, ctx.swedish);
    if (letter.empty())
        return;
    const double len = Length(path);
    const Path body = HasArrow(kind) ? Sub(path, 0, len - std::min(9.0, len / 3)) : path;
    const double bodyLen = Length(body), size = ctx.Font(8);
    auto letterAt = [&](double t) {
        Point pt = At(body, bodyLen * t).first;
        return TextShape{{pt.x, pt.y + size * 0.36}, letter, size, true, TextAnchor::Middle,
                         RelationColor(kind)};
    };
    // Where the letter stands clear of every other line and label, nearest
    // the middle; else where it is farthest from them.
    double bestT = 0.5, bestScore = -1e9;
    for (double t = 0.1; t <= 0.901; t += 0.025) {
        const Box b = TextBounds(letterAt(t));
        const double gap =
            LetterGap(ctx, {b.left - 1.5, b.top - 1.5, b.right + 1.5, b.bottom + 1.5}, id);
        const double score = std::min(gap, 3.0) * 10 - std::abs(t - 0.5);
        if (score > bestScore + 1e-9)
            bestScore = score, bestT = t;
    }
    ctx.AddLabel(owner, id, letterAt(bestT), true);
}

namespace {

/// How far from a symbol's centre a relation meets it (OnEdge's measure):
/// negative inside, positive outside.
double PastEdge(const PersonGeometry& g, Point q) {
    const double dx = q.x - g.centre.x, dy = q.y - g.centre.y;
    const double d =
        g.outline.size() > 8 ? std::hypot(dx, dy) : std::max(std::abs(dx), std::abs(dy));
    return d - (g.outerHalf + 2);
}

/// A parallel path's start moved onto the symbol's edge: trimmed where it
/// starts inside, carried on straight where it starts short of it.
void FitStart(Path& p, const PersonGeometry& g) {
    if (p.size() < 2)
        return;
    auto edgeBetween = [&](Point in, Point out) {
        for (int k = 0; k < 30; ++k) {
            Point mid{(in.x + out.x) / 2, (in.y + out.y) / 2};
            (PastEdge(g, mid) < 0 ? in : out) = mid;
        }
        return out;
    };
    if (PastEdge(g, p[0]) < 0) {
        std::size_t k = 1;
        while (k + 1 < p.size() && PastEdge(g, p[k]) < 0)
            ++k;
        Point edge = edgeBetween(p[k - 1], p[k]);
        p.erase(p.begin(), p.begin() + static_cast<long>(k));
        p.insert(p.begin(), edge);
        return;
    }
    const double l = Dist(p[0], p[1]);
    const Point far{p[0].x + (p[0].x - p[1].x) / std::max(l, 1e-9) * 30,
                    p[0].y + (p[0].y - p[1].y) / std::max(l, 1e-9) * 30};
    if (PastEdge(g, far) < 0)
        p.insert(p.begin(), edgeBetween(far, p[0]));
}

double ReachOf(const Relation& r) {
    return std::max(RelationReach(r.kind), r.directed ? kArrowHalf + 0.5 : 0.0);
}

/// A route from A to B around everything, or a gentle curve when there is none.
Path RouteOrCurve(SceneContext& ctx, const PersonGeometry& A, const PersonGeometry& B, double reach,
                  const std::vector<RoutedRelation>& routes,
                  std::map<PersonId, std::vector<Point>>& used, bool* clean = nullptr) {
    Path path = RoutePath(ctx, A, B, reach, routes, used, clean);
    if (path.size() >= 2)
        return path;
    Point a = A.centre, b = B.centre;
    Point mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
    double d = std::hypot(b.x - a.x, b.y - a.y);
    Point control{mid.x + (a.y - b.y) / std::max(d, 1.0) * d * 0.1,
                  mid.y + (b.x - a.x) / std::max(d, 1.0) * d * 0.1};
    return Curve(a, control, b, A.outerHalf * 1.15 + 4, B.outerHalf * 1.15 + 4);
}

/// The pair's relations side by side along the centre route, each at its
/// own offset, their ends on the symbols' edges.
std::vector<Path> Lanes(const Path& centre, const std::vector<const Relation*>& group,
                        const PersonGeometry& A, const PersonGeometry& B, double width,
                        double gap) {
    std::vector<Path> lanes;
    double at = -width / 2;
    for (const Relation* r : group) {
        const double reach = ReachOf(*r);
        Path path = Offset(centre, at + reach);
        at += 2 * reach + gap;
        FitStart(path, A);
        std::reverse(path.begin(), path.end());
        FitStart(path, B);
        std::reverse(path.begin(), path.end());
        lanes.push_back(std::move(path));
    }
    return lanes;
}

/// Do the lanes keep clear of the labels and of each other (a sharp turn
/// can fold an offset onto its neighbour)?
bool LanesClear(const SceneContext& ctx, const std::vector<Path>& lanes,
                const std::vector<const Relation*>& group, const PersonGeometry& A,
                const PersonGeometry& B, const std::vector<RoutedRelation>& routes, double gap) {
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        if (!RouteClear(ctx, lanes[i], A, B, ReachOf(*group[i]), routes))
            return false;
        for (std::size_t j = i + 1; j < lanes.size(); ++j)
            if (PathGap(lanes[i], lanes[j]) < ReachOf(*group[i]) + ReachOf(*group[j]) + gap - 0.5)
                return false;
    }
    return true;
}

} // namespace

void AddRelations(SceneContext& ctx) {
    std::vector<const Relation*> relations;
    for (const Relation& r : ctx.family.relations)
        if (r.from != r.to && ctx.geometry.count(r.from) && ctx.geometry.count(r.to))
            relations.push_back(&r);
    std::sort(relations.begin(), relations.end(),
              [](const Relation* a, const Relation* b) { return a->id < b->id; });
    // The relations between one pair travel together: one route wide enough
    // for all their patterns, each drawn at its own offset, so they keep
    // apart along their whole length and leave the symbols side by side.
    std::map<std::pair<PersonId, PersonId>, std::vector<const Relation*>> pairs;
    std::vector<std::pair<PersonId, PersonId>> order;
    for (const Relation* r : relations) {
        auto key = std::minmax(r->from, r->to);
        if (pairs[key].empty())
            order.push_back(key);
        pairs[key].push_back(r);
    }
    const double gap = 2.5;
    std::vector<RoutedRelation> routes;
    std::map<PersonId, std::vector<Point>> used;
    std::vector<std::pair<const Relation*, Path>> drawn;
    for (const auto& key : order) {
        const auto& group = pairs[key];
        const PersonGeometry& A = ctx.geometry.at(group.front()->from);
        const PersonGeometry& B = ctx.geometry.at(group.front()->to);
        double width = gap * static_cast<double>(group.size() - 1);
        for (const Relation* r : group)
            width += 2 * ReachOf(*r);
        // Where no clean way is wide enough for them all, each is routed on
        // its own, kept apart from the pair's others.
        bool clean = false;
        std::map<PersonId, std::vector<Point>> tried = used;
        const Path centre = RouteOrCurve(ctx, A, B, width / 2, routes, tried, &clean);
        bool bundled = group.size() > 1 && clean;
        const auto before = used;
        if (group.size() == 1 || clean)
            used = tried;
        std::vector<Path> lanes = Lanes(centre, group, A, B, width, gap);
        if (bundled && !LanesClear(ctx, lanes, group, A, B, routes, gap))
            bundled = false, used = before;
        for (std::size_t i = 0; i < group.size(); ++i) {
            const Relation* r = group[i];
            const double reach = ReachOf(*r);
            Path path = group.size() == 1 ? centre
                        : bundled         ? lanes[i]
                                          : RouteOrCurve(ctx, A, B, reach, routes, used);
            if (r->from != group.front()->from)
                std::reverse(path.begin(), path.end());
            routes.push_back({path, reach, r->from, r->to});
            AddRelationPath(ctx, path, r->kind, HasArrow(r->kind) || r->directed,
                            SceneItem::Owner::Relation, r->id, false);
            drawn.push_back({r, path});
        }
    }
    // Letters last, where no other relation's line passes.
    for (const auto& [r, path] : drawn)
        AddRelationLetter(ctx, path, r->kind, SceneItem::Owner::Relation, r->id);
}

} // namespace kartbok::genogram::detail
