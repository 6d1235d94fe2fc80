// Emotional relations between symbol edges. Relations never move anyone
// (they are not in the layout graph); each leaves its symbols at a point of
// its own and is routed around symbols and labels (SceneRoute.cpp), never
// through a name, and drawn in its kind's pattern (ScenePatterns.cpp). The
// relations between one pair travel side by side where a way is wide enough
// for them all, else each on its own way, apart from the others.

#include "SceneInternal.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace kartbok::genogram::detail {
namespace {

using Path = std::vector<Point>;

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

/// How far from a symbol's centre a relation meets it (OnEdge's measure):
/// negative inside, positive outside.
double PastEdge(const PersonGeometry& g, Point q) {
    const double dx = q.x - g.centre.x, dy = q.y - g.centre.y;
    const double d = g.outline.size() > 8 ? Hypot(dx, dy) : std::max(std::abs(dx), std::abs(dy));
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

/// The lines drawn from `first` on, each with half its stroke width; a
/// ring as a polygon.
std::vector<std::pair<Path, double>> InkOf(const std::vector<SceneItem>& items, std::size_t first) {
    std::vector<std::pair<Path, double>> ink;
    for (std::size_t i = first; i < items.size(); ++i) {
        if (const auto* p = std::get_if<PathShape>(&items[i].shape)) {
            Path line = p->points;
            if (p->closed && !line.empty())
                line.push_back(line.front());
            ink.push_back({std::move(line), p->stroke.width / 2});
        } else if (const auto* c = std::get_if<CircleShape>(&items[i].shape)) {
            Path ring;
            for (int k = 0; k <= 32; ++k)
                ring.push_back({c->centre.x + c->radius * std::cos(k * std::numbers::pi / 16),
                                c->centre.y + c->radius * std::sin(k * std::numbers::pi / 16)});
            ink.push_back({std::move(ring), c->stroke.width / 2});
        }
    }
    return ink;
}

Reach ReachOf(const Relation& r) {
    return RelationReach(r.kind, r.directed);
}

/// The widest a relation's ink reaches, as a lane of a pair's shared route.
double Width(const Relation& r) {
    const Reach reach = ReachOf(r);
    return std::max(reach.full, reach.head);
}

/// A route from A to B around everything, or a gentle curve when there is none.
Path RouteOrCurve(SceneContext& ctx, const PersonGeometry& A, const PersonGeometry& B,
                  const Reach& reach, const std::vector<RoutedRelation>& routes,
                  std::map<PersonId, std::vector<Point>>& used, bool* clean = nullptr) {
    Path path = RoutePath(ctx, A, B, reach, routes, used, clean);
    if (path.size() >= 2)
        return path;
    Point a = A.centre, b = B.centre;
    Point mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
    double d = Hypot(b.x - a.x, b.y - a.y);
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
        const double reach = Width(*r);
        Path path = OffsetPath(centre, at + reach);
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
            if (PathGap(lanes[i], lanes[j]) < Width(*group[i]) + Width(*group[j]) + gap - 0.5)
                return false;
    }
    return true;
}

/// What routing the pairs one after another builds up.
struct Routing {
    std::vector<RoutedRelation> routes;
    std::map<PersonId, std::vector<Point>> used;
    std::vector<std::pair<const Relation*, Path>> drawn;
};

/// Draws a relation along its path, kept clear of the ink of the same
/// pair's relations drawn before, and records it.
void Draw(SceneContext& ctx, Routing& done, const Relation& r, const Path& path,
          const Reach& reach) {
    std::vector<const RoutedRelation*> pair;
    for (const RoutedRelation& e : done.routes)
        if (std::minmax(e.a, e.b) == std::minmax(r.from, r.to))
            pair.push_back(&e);
    const std::size_t first = ctx.out->size();
    AddRelationPath(ctx, path, r.kind, HasArrow(r.kind) || r.directed, SceneItem::Owner::Relation,
                    r.id, false, pair);
    done.routes.push_back({path, reach, r.from, r.to, InkOf(*ctx.out, first)});
    done.drawn.push_back({&r, path});
}

constexpr double kLaneGap = 2.5;

/// The pair's relations side by side along one route wide enough for all
/// their patterns; false (nothing drawn) where no clean one is.
bool DrawBundled(SceneContext& ctx, Routing& done, const std::vector<const Relation*>& group) {
    const PersonGeometry& A = ctx.geometry.at(group.front()->from);
    const PersonGeometry& B = ctx.geometry.at(group.front()->to);
    double width = kLaneGap * static_cast<double>(group.size() - 1);
    for (const Relation* r : group)
        width += 2 * Width(*r);
    bool clean = false;
    std::map<PersonId, std::vector<Point>> used = done.used;
    const Path centre = RoutePath(ctx, A, B, {width / 2, width / 2, 0}, done.routes, used, &clean);
    if (!clean)
        return false;
    // Together only where that is not much further than the thinnest of
    // them would go alone: a pair's lines side by side round a row of
    // names read worse than apart and direct.
    const Relation* thinnest = *std::min_element(
        group.begin(), group.end(), [](auto* a, auto* b) { return Width(*a) < Width(*b); });
    std::map<PersonId, std::vector<Point>> scratch = done.used;
    const Path alone = RoutePath(ctx, A, B, ReachOf(*thinnest), done.routes, scratch);
    if (alone.size() >= 2 && PathLength(centre) > 1.25 * PathLength(alone) + 20)
        return false;
    const std::vector<Path> lanes = Lanes(centre, group, A, B, width, kLaneGap);
    if (!LanesClear(ctx, lanes, group, A, B, done.routes, kLaneGap))
        return false;
    done.used = std::move(used);
    for (std::size_t i = 0; i < group.size(); ++i) {
        Path path = lanes[i];
        if (group[i]->from != group.front()->from)
            std::reverse(path.begin(), path.end());
        Draw(ctx, done, *group[i], path, {Width(*group[i]), Width(*group[i]), 0});
    }
    return true;
}

/// Each relation routed on its own in the order given, kept apart from the
/// pair's others; how long the routes are, a long way round counted dear.
double DrawAlone(SceneContext& ctx, Routing& done, const std::vector<const Relation*>& group) {
    double cost = 0;
    for (const Relation* r : group) {
        const PersonGeometry& A = ctx.geometry.at(r->from);
        const PersonGeometry& B = ctx.geometry.at(r->to);
        bool clean = false;
        const Path path = RouteOrCurve(ctx, A, B, ReachOf(*r), done.routes, done.used, &clean);
        cost += PathLength(path) + (clean ? 0 : 1000);
        Draw(ctx, done, *r, path, ReachOf(*r));
    }
    return cost;
}

/// A pair's relations that cannot travel together, in the order that
/// routes them best: one that goes first may take the way the other needs.
void DrawApart(SceneContext& ctx, Routing& done, std::vector<const Relation*> group) {
    if (group.size() < 2) {
        DrawAlone(ctx, done, group);
        return;
    }
    const Routing before = done;
    const std::size_t items = ctx.out->size();
    const double forward = DrawAlone(ctx, done, group);
    Routing first = done;
    std::vector<SceneItem> firstItems(ctx.out->begin() + static_cast<long>(items), ctx.out->end());
    done = before;
    ctx.out->resize(items);
    std::reverse(group.begin(), group.end());
    if (DrawAlone(ctx, done, group) < forward)
        return;
    done = std::move(first);
    ctx.out->resize(items);
    ctx.out->insert(ctx.out->end(), firstItems.begin(), firstItems.end());
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
    // Where no clean way is wide enough for them all, each is routed on its
    // own, kept apart from the pair's others.
    std::map<std::pair<PersonId, PersonId>, std::vector<const Relation*>> pairs;
    std::vector<std::pair<PersonId, PersonId>> order;
    for (const Relation* r : relations) {
        auto key = std::minmax(r->from, r->to);
        if (pairs[key].empty())
            order.push_back(key);
        pairs[key].push_back(r);
    }
    Routing done;
    for (const auto& key : order)
        if (pairs[key].size() == 1 || !DrawBundled(ctx, done, pairs[key]))
            DrawApart(ctx, done, pairs[key]);
    // Letters last, where no other relation's line passes.
    for (const auto& [r, path] : done.drawn)
        AddRelationLetter(ctx, path, r->kind, SceneItem::Owner::Relation, r->id);
}

} // namespace kartbok::genogram::detail
