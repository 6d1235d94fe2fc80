// A relation's pattern along its route: each kind parallel lines, a zigzag,
// a broken line or an arrow, in a colour of its own, so a map reads on screen
// and in greyscale print. Where the route passes close to a label the swing
// of a zigzag eases and a cut-off's mark moves along to where it has room;
// an abuse relation's letter stands where no other line passes.

#include "SceneInternal.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kartbok::genogram::detail {
namespace {

using Path = std::vector<Point>;

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

/// A zigzag along p, its swing at each point at most `room(point)`; the
/// swing eases in and out over a wavelength, so it flattens smoothly where
/// the route passes between two labels.
template <class Room>
Path Zigzag(const Path& p, double amplitude, double wavelength, const Room& room) {
    double len = PathLength(p);
    int steps = std::max(2, static_cast<int>(len / (wavelength / 2)));
    std::vector<std::pair<Point, Point>> at;
    std::vector<double> swing;
    for (int i = 0; i <= steps; ++i) {
        at.push_back(At(p, len * i / steps));
        swing.push_back(std::clamp(room(at.back().first), 0.0, amplitude));
    }
    Path out;
    for (int i = 0; i <= steps; ++i) {
        double a = amplitude;
        for (int k = std::max(0, i - 2); k <= std::min(steps, i + 2); ++k)
            a = std::min(a, swing[static_cast<std::size_t>(k)]);
        const double off = (i == 0 || i == steps) ? 0 : (i % 2 ? a : -a);
        const auto& [pt, tan] = at[static_cast<std::size_t>(i)];
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

double MarkReach(RelationKind kind) {
    return kind == RelationKind::CutOffRepaired ? kRepairedRing + 0.65
                                                : kCutOffBar + kCutOffBarWidth / 2;
}

/// Where along the body a cut-off's mark stands: nearest the middle where
/// it is clear of every label and symbol (`room`), and of the family's
/// lines too if it can be; else where there is most room.
template <class Room>
double MarkAt(const SceneContext& ctx, const Path& body, RelationKind kind, const Room& room) {
    const double bodyLen = PathLength(body), need = MarkReach(kind) + 1;
    auto offLines = [&](Point p) {
        for (const SceneItem& item : ctx.lines)
            if (const auto* line = std::get_if<PathShape>(&item.shape))
                if (PathGap({p, p}, line->points) < need + line->stroke.width / 2)
                    return false;
        return true;
    };
    double most = bodyLen / 2, mostRoom = -1;
    for (bool lines : {true, false})
        for (double step = 0; step <= bodyLen * 0.3; step += 2)
            for (double d : {bodyLen / 2 - step, bodyLen / 2 + step}) {
                const Point p = At(body, d).first;
                const double r = room(p);
                if (r >= need && (!lines || offLines(p)))
                    return d;
                if (r > mostRoom)
                    mostRoom = r, most = d;
            }
    return most;
}

/// A cut-off: the line broken between two bars; a ring around the break
/// once repaired.
template <class Room>
void AddCutOff(SceneContext& ctx, const Path& body, RelationKind kind, Color color,
               SceneItem::Owner owner, Id id, SceneItem::Part part, const Room& room) {
    const double bodyLen = PathLength(body), gap = 3.5;
    const double mid =
        owner == SceneItem::Owner::Legend ? bodyLen / 2 : MarkAt(ctx, body, kind, room);
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
    auto [base, tan] = At(path, PathLength(path) - arrowLen);
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

/// A parallel path at distance off (positive: to the left of travel).
std::vector<Point> OffsetPath(const std::vector<Point>& p, double off) {
    std::vector<Point> out;
    for (std::size_t i = 0; i < p.size(); ++i) {
        Point a = p[i == 0 ? 0 : i - 1], b = p[i + 1 < p.size() ? i + 1 : i];
        double l = Dist(a, b);
        Point n = l > 0 ? Point{(a.y - b.y) / l, (b.x - a.x) / l} : Point{0, 0};
        out.push_back({p[i].x + n.x * off, p[i].y + n.y * off});
    }
    return out;
}

Reach RelationReach(RelationKind kind, bool directed) {
    Reach reach;
    reach.head = HasArrow(kind) || directed ? kArrowHalf + 0.5 : 0;
    if (kind == RelationKind::CutOff || kind == RelationKind::CutOffRepaired)
        reach.core = 1.4 / 2, reach.full = MarkReach(kind);
    for (const Strand& s : StrandsOf(kind)) {
        reach.core = std::max(reach.core, std::abs(s.offset) + s.width / 2);
        reach.full = std::max(reach.full, std::abs(s.offset) + s.amplitude + s.width / 2);
    }
    return reach;
}

void AddRelationPath(SceneContext& ctx, const std::vector<Point>& path, RelationKind kind,
                     bool arrow, SceneItem::Owner owner, Id id, bool letterToo,
                     const std::vector<const RoutedRelation*>& pair) {
    if (path.size() < 2)
        return;
    // Slightly translucent, so the family tree stays the dominant structure
    // where relations cross it.
    Color color = RelationColor(kind);
    if (owner != SceneItem::Owner::Legend)
        color.a = 225;
    const auto part =
        owner == SceneItem::Owner::Legend ? SceneItem::Part::Legend : SceneItem::Part::RelationLine;
    const double len = PathLength(path);
    const double arrowLen = arrow ? std::min(9.0, len / 3) : 0;
    const Path body = arrow ? Sub(path, 0, len - arrowLen) : path;
    // How far the ink may reach from a point of the route (a legend sample
    // has all the room it needs).
    const RelationRoom around(ctx, owner == SceneItem::Owner::Legend ? Path{} : path, pair);
    auto room = [&](Point p) {
        return owner == SceneItem::Owner::Legend ? 1e9 : around.At(p) - 1.5;
    };
    if (kind == RelationKind::CutOff || kind == RelationKind::CutOffRepaired)
        AddCutOff(ctx, body, kind, color, owner, id, part, room);
    for (const Strand& s : StrandsOf(kind)) {
        Path line = s.offset != 0 ? OffsetPath(body, s.offset) : body;
        if (s.amplitude > 0)
            line = Zigzag(line, s.amplitude, s.wavelength,
                          [&](Point p) { return room(p) - s.width / 2; });
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
        gap = std::min(gap, o.Intersects(box) ? -1.0 : Hypot(dx, dy));
    }
    return gap;
}

} // namespace

void AddRelationLetter(SceneContext& ctx, const std::vector<Point>& path, RelationKind kind,
                       SceneItem::Owner owner, Id id) {
    const std::string letter = RelationLetter(kind, ctx.swedish);
    if (letter.empty())
        return;
    const double len = PathLength(path);
    const Path body = HasArrow(kind) ? Sub(path, 0, len - std::min(9.0, len / 3)) : path;
    const double bodyLen = PathLength(body), size = ctx.Font(8);
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

} // namespace kartbok::genogram::detail
