// The scene half of LayoutInvariants.h: sibship lines, hops and labels, read
// from the drawn shapes themselves (what a clinician would see).

#include "LayoutInvariants.h"

#include "kartbok/genogram/Layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

namespace kartbok::genogram::testing {

namespace {

using Part = SceneItem::Part;
using Owner = SceneItem::Owner;

struct Segment {
    Point a, b;
    const SceneItem* item;
};

bool Horizontal(const Segment& s) {
    return std::abs(s.a.y - s.b.y) < 1e-6 && std::abs(s.a.x - s.b.x) > 1e-6;
}
bool Vertical(const Segment& s) {
    return std::abs(s.a.x - s.b.x) < 1e-6 && std::abs(s.a.y - s.b.y) > 1e-6;
}

bool Stroked(const PathShape& p) {
    return p.stroke.width > 0 && p.stroke.color.a > 0;
}

/// A circle as the closed polygon of 32 sides the checks measure.
std::vector<Point> RingPolygon(const CircleShape& c) {
    std::vector<Point> ring;
    for (int k = 0; k <= 32; ++k)
        ring.push_back({c.centre.x + c.radius * std::cos(k * M_PI / 16),
                        c.centre.y + c.radius * std::sin(k * M_PI / 16)});
    return ring;
}

bool SameThing(const SceneItem& a, const SceneItem& b) {
    return a.owner == b.owner && a.id == b.id;
}

std::string Name(const SceneItem& i) {
    static const char* owners[] = {"none", "person", "union", "relation", "household", "legend"};
    return std::string(owners[static_cast<int>(i.owner)]) + " " + std::to_string(i.id);
}

/// Does a segment touch the inside of a box (shrunk by a hair so touching
/// edges do not count)?
bool Crosses(const Segment& s, const Box& b0) {
    Box b{b0.left + 0.5, b0.top + 0.5, b0.right - 0.5, b0.bottom - 0.5};
    if (b.right <= b.left || b.bottom <= b.top)
        return false;
    // Liang-Barsky clipping.
    double t0 = 0, t1 = 1, dx = s.b.x - s.a.x, dy = s.b.y - s.a.y;
    auto clip = [&](double p, double q) {
        if (std::abs(p) < 1e-12)
            return q >= 0;
        double t = q / p;
        if (p < 0) {
            if (t > t1)
                return false;
            t0 = std::max(t0, t);
        } else {
            if (t < t0)
                return false;
            t1 = std::min(t1, t);
        }
        return true;
    };
    return clip(-dx, s.a.x - b.left) && clip(dx, b.right - s.a.x) && clip(-dy, s.a.y - b.top) &&
           clip(dy, b.bottom - s.a.y) && t0 < t1;
}

Box Grown(const Box& b, double by) {
    return {b.left - by, b.top - by, b.right + by, b.bottom + by};
}

double HalfWidth(const Segment& s) {
    return std::get<PathShape>(s.item->shape).stroke.width / 2;
}

/// Buckets of 64 pt, so a 3 000-person map checks in linear time.
template <class T> class Grid {
public:
    void Insert(double l, double t, double r, double b, T value) {
        for (int x = Cell(l); x <= Cell(r); ++x)
            for (int y = Cell(t); y <= Cell(b); ++y)
                m_cells[{x, y}].push_back(value);
    }
    template <class F> void Query(const Box& box, F f) const {
        std::set<T> seen;
        for (int x = Cell(box.left); x <= Cell(box.right); ++x)
            for (int y = Cell(box.top); y <= Cell(box.bottom); ++y)
                if (auto it = m_cells.find({x, y}); it != m_cells.end())
                    for (const T& v : it->second)
                        if (seen.insert(v).second)
                            f(v);
    }

private:
    static int Cell(double v) { return static_cast<int>(std::floor(v / 64)); }
    std::map<std::pair<int, int>, std::vector<T>> m_cells;
};

bool IsFamilyLine(Part p) {
    return p == Part::CoupleLine || p == Part::SibshipLine || p == Part::ChildLine ||
           p == Part::RelationLine || p == Part::Household || p == Part::Symbol;
}

/// What the checks read from a scene, legend and backdrop left out: every
/// stroked line as segments, every text's box and every circle symbol.
struct Drawn {
    std::vector<Segment> segments;
    std::vector<std::pair<Box, const SceneItem*>> texts;
    std::vector<const SceneItem*> circles;
    std::vector<std::unique_ptr<SceneItem>> rings; ///< relation rings drawn as polygons

    explicit Drawn(const Scene& scene) {
        for (const SceneItem& item : scene.items) {
            if (item.owner == Owner::Legend)
                continue;
            if (const auto* p = std::get_if<PathShape>(&item.shape)) {
                if (!Stroked(*p) || item.part == Part::Backdrop)
                    continue;
                for (std::size_t i = 1; i < p->points.size(); ++i)
                    segments.push_back({p->points[i - 1], p->points[i], &item});
                if (p->closed && p->points.size() > 2)
                    segments.push_back({p->points.back(), p->points.front(), &item});
            } else if (const auto* t = std::get_if<TextShape>(&item.shape)) {
                texts.push_back({TextBounds(*t), &item});
            } else if (std::holds_alternative<CircleShape>(item.shape) &&
                       item.part == Part::Symbol) {
                circles.push_back(&item);
            } else if (const auto* c = std::get_if<CircleShape>(&item.shape);
                       c && item.part == Part::RelationLine) {
                // A repaired cut-off's ring, as the polygon the text must clear.
                rings.push_back(std::make_unique<SceneItem>(item));
                PathShape ring;
                ring.points = RingPolygon(*c);
                ring.stroke = c->stroke;
                rings.back()->shape = ring;
                const auto& pts = std::get<PathShape>(rings.back()->shape).points;
                for (std::size_t i = 1; i < pts.size(); ++i)
                    segments.push_back({pts[i - 1], pts[i], rings.back().get()});
            }
        }
    }
    const std::string& Text(std::size_t i) const {
        return std::get<TextShape>(texts[i].second->shape).text;
    }
};

/// Sibship lines: one depth each where they overlap.
void CheckSharedBars(const Drawn& d, InvariantReport& r) {
    struct Bar {
        double y = 0, lo = 1e18, hi = -1e18;
        const SceneItem* item = nullptr;
    };
    std::map<std::pair<Owner, Id>, Bar> bars;
    for (const Segment& s : d.segments)
        if (s.item->part == Part::SibshipLine && Horizontal(s)) {
            Bar& b = bars[{s.item->owner, s.item->id}];
            b.y = s.a.y;
            b.lo = std::min({b.lo, s.a.x, s.b.x});
            b.hi = std::max({b.hi, s.a.x, s.b.x});
            b.item = s.item;
        }
    for (auto a = bars.begin(); a != bars.end(); ++a)
        for (auto b = std::next(a); b != bars.end(); ++b)
            if (std::abs(a->second.y - b->second.y) < 0.5 && a->second.lo < b->second.hi + 4 &&
                b->second.lo < a->second.hi + 4 && r.sharedBars.size() < 50)
                r.sharedBars.push_back(Name(*a->second.item) + " and " + Name(*b->second.item));
}

/// Vertical family lines crossing another family's horizontal line.
void CheckUnhoppedCrossings(const Drawn& d, InvariantReport& r) {
    const auto& segments = d.segments;
    Grid<std::size_t> horizontals;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment& s = segments[i];
        if (Horizontal(s) &&
            (s.item->part == Part::SibshipLine || s.item->part == Part::CoupleLine))
            horizontals.Insert(std::min(s.a.x, s.b.x), s.a.y, std::max(s.a.x, s.b.x), s.a.y, i);
    }
    for (const Segment& v : segments) {
        if (!Vertical(v) || (v.item->part != Part::ChildLine && v.item->part != Part::CoupleLine))
            continue;
        double top = std::min(v.a.y, v.b.y), bottom = std::max(v.a.y, v.b.y);
        horizontals.Query({v.a.x, top, v.a.x, bottom}, [&](std::size_t i) {
            const Segment& h = segments[i];
            if (SameThing(*h.item, *v.item))
                return;
            double lo = std::min(h.a.x, h.b.x), hi = std::max(h.a.x, h.b.x);
            if (v.a.x > lo + 0.5 && v.a.x < hi - 0.5 && h.a.y > top + 0.5 && h.a.y < bottom - 0.5 &&
                r.unhoppedCrossings.size() < 50)
                r.unhoppedCrossings.push_back(Name(*v.item) + " crosses " + Name(*h.item) +
                                              " at x " + std::to_string(static_cast<int>(v.a.x)));
        });
    }
}

/// Labels over a family line or a symbol's outline (their own excepted).
void CheckLabelsOverLines(const Drawn& d, InvariantReport& r) {
    Grid<std::size_t> lines;
    for (std::size_t i = 0; i < d.segments.size(); ++i) {
        const Segment& s = d.segments[i];
        if (IsFamilyLine(s.item->part))
            lines.Insert(std::min(s.a.x, s.b.x), std::min(s.a.y, s.b.y), std::max(s.a.x, s.b.x),
                         std::max(s.a.y, s.b.y), i);
    }
    for (std::size_t i = 0; i < d.texts.size(); ++i) {
        const auto& [box, text] = d.texts[i];
        // A line's ink reaches half its stroke width either side (a zigzag's
        // amplitude is in its points).
        const double widest = 3;
        lines.Query(Grown(box, widest / 2), [&](std::size_t k) {
            const Segment& s = d.segments[k];
            bool own = SameThing(*s.item, *text) &&
                       (s.item->part == Part::Symbol || s.item->part == Part::RelationLine);
            if (own || !Crosses(s, Grown(box, HalfWidth(s))))
                return;
            auto& list = s.item->part == Part::Symbol ? r.labelsOverSymbols : r.labelsOverLines;
            if (list.size() < 50)
                list.push_back("\"" + d.Text(i) + "\" of " + Name(*text) + " over " +
                               Name(*s.item));
        });
    }
}

/// Every text box, for the checks against labels.
Grid<std::size_t> TextGrid(const Drawn& d) {
    Grid<std::size_t> boxes;
    for (std::size_t i = 0; i < d.texts.size(); ++i)
        boxes.Insert(d.texts[i].first.left, d.texts[i].first.top, d.texts[i].first.right,
                     d.texts[i].first.bottom, i);
    return boxes;
}

/// Labels over each other (more than a hair).
void CheckLabelsOverLabels(const Drawn& d, const Grid<std::size_t>& boxes, InvariantReport& r) {
    for (std::size_t i = 0; i < d.texts.size(); ++i) {
        const Box& box = d.texts[i].first;
        boxes.Query(box, [&](std::size_t k) {
            if (k <= i || !box.Intersects(d.texts[k].first))
                return;
            Box a{box.left + 0.3, box.top + 0.3, box.right - 0.3, box.bottom - 0.3};
            if (a.Intersects(d.texts[k].first) && r.labelsOverLabels.size() < 50)
                r.labelsOverLabels.push_back("\"" + d.Text(i) + "\" and \"" + d.Text(k) + "\"");
        });
    }
}

/// Labels over a circle symbol (someone else's).
void CheckLabelsOverCircles(const Drawn& d, const Grid<std::size_t>& boxes, InvariantReport& r) {
    for (const SceneItem* c : d.circles) {
        const auto& circle = std::get<CircleShape>(c->shape);
        Box around{circle.centre.x - circle.radius, circle.centre.y - circle.radius,
                   circle.centre.x + circle.radius, circle.centre.y + circle.radius};
        boxes.Query(around, [&](std::size_t k) {
            const auto& [box, text] = d.texts[k];
            if (SameThing(*c, *text) || !box.Intersects(around))
                return;
            // Nearest point of the box to the centre inside the circle: they overlap.
            double nx = std::clamp(circle.centre.x, box.left + 0.5, box.right - 0.5);
            double ny = std::clamp(circle.centre.y, box.top + 0.5, box.bottom - 0.5);
            if (std::hypot(nx - circle.centre.x, ny - circle.centre.y) < circle.radius &&
                r.labelsOverSymbols.size() < 50)
                r.labelsOverSymbols.push_back("\"" + d.Text(k) + "\" over " + Name(*c));
        });
    }
}

} // namespace

void CheckLinesThroughSymbols(const Scene& scene, InvariantReport& r);

void CheckScene(const Scene& scene, InvariantReport& r) {
    CheckLinesThroughSymbols(scene, r);
    const Drawn drawn(scene);
    r.labels = static_cast<int>(drawn.texts.size());
    CheckSharedBars(drawn, r);
    CheckUnhoppedCrossings(drawn, r);
    CheckLabelsOverLines(drawn, r);
    const Grid<std::size_t> boxes = TextGrid(drawn);
    CheckLabelsOverLabels(drawn, boxes, r);
    CheckLabelsOverCircles(drawn, boxes, r);
}

namespace {

/// Each person's symbol as drawn (its outline's box, a little inside it, so
/// lines ending on the outline do not count): a pregnancy loss is smaller
/// than a person.
std::map<PersonId, Box> SymbolBoxes(const Scene& scene) {
    std::map<PersonId, Box> boxes;
    auto grow = [&](PersonId id, double l, double t, double r, double b) {
        auto [it, fresh] = boxes.try_emplace(id, Box{l, t, r, b});
        Box& x = it->second;
        if (!fresh)
            x = {std::min(x.left, l), std::min(x.top, t), std::max(x.right, r),
                 std::max(x.bottom, b)};
    };
    for (const SceneItem& item : scene.items) {
        if (item.owner != Owner::Person || item.part != Part::Symbol)
            continue;
        if (const auto* p = std::get_if<PathShape>(&item.shape))
            for (Point q : p->points)
                grow(item.id, q.x, q.y, q.x, q.y);
        else if (const auto* c = std::get_if<CircleShape>(&item.shape))
            grow(item.id, c->centre.x - c->radius, c->centre.y - c->radius, c->centre.x + c->radius,
                 c->centre.y + c->radius);
    }
    for (auto& [id, b] : boxes)
        b = {b.left + 3, b.top + 3, b.right - 3, b.bottom - 3};
    return boxes;
}

} // namespace

void CheckLinesThroughSymbols(const Scene& scene, InvariantReport& r) {
    // Each person's symbol box against every line of someone else.
    Grid<PersonId> symbols;
    const std::map<PersonId, Box> boxes = SymbolBoxes(scene);
    for (const auto& [id, b] : boxes)
        if (b.right > b.left && b.bottom > b.top)
            symbols.Insert(b.left, b.top, b.right, b.bottom, id);
    for (const SceneItem& item : scene.items) {
        const auto* p = std::get_if<PathShape>(&item.shape);
        if (!p || !Stroked(*p) || item.owner == Owner::Legend || item.part == Part::Backdrop ||
            item.part == Part::Symbol || item.part == Part::Household)
            continue;
        for (std::size_t i = 1; i < p->points.size(); ++i) {
            Segment s{p->points[i - 1], p->points[i], &item};
            Box reach{std::min(s.a.x, s.b.x), std::min(s.a.y, s.b.y), std::max(s.a.x, s.b.x),
                      std::max(s.a.y, s.b.y)};
            symbols.Query(reach, [&](PersonId id) {
                if (item.owner == Owner::Person && item.id == id)
                    return;
                const Box& box = boxes.at(id);
                auto inside = [&](Point q) {
                    return q.x > box.left && q.x < box.right && q.y > box.top && q.y < box.bottom;
                };
                // A line ending in a symbol attaches to it; one passing through misleads.
                if (Crosses(s, box) && !inside(s.a) && !inside(s.b) &&
                    r.linesThroughSymbols.size() < 50)
                    r.linesThroughSymbols.push_back(Name(item) + " through person " +
                                                    std::to_string(id));
            });
        }
    }
}

namespace {

double PointSegment(Point p, Point a, Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
    const double t =
        l2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / l2, 0.0, 1.0) : 0.0;
    return std::hypot(a.x + dx * t - p.x, a.y + dy * t - p.y);
}

/// Distance between two segments (0 where they cross).
double SegmentGap(Point a, Point b, Point c, Point d) {
    auto side = [](Point o, Point p, Point q) {
        return (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
    };
    const double d1 = side(c, d, a), d2 = side(c, d, b), d3 = side(a, b, c), d4 = side(a, b, d);
    if (d1 * d2 < 0 && d3 * d4 < 0)
        return 0;
    return std::min({PointSegment(a, c, d), PointSegment(b, c, d), PointSegment(c, a, b),
                     PointSegment(d, a, b)});
}

/// A relation's ink as segments with their half stroke widths; rings as polygons.
struct Ink {
    std::vector<std::pair<Segment, double>> parts;
    void AddPath(const std::vector<Point>& pts, bool closed, double width, const SceneItem* item) {
        for (std::size_t i = 1; i < pts.size(); ++i)
            parts.push_back({{pts[i - 1], pts[i], item}, width / 2});
        if (closed && pts.size() > 2)
            parts.push_back({{pts.back(), pts.front(), item}, width / 2});
    }
};

std::map<Id, Ink> RelationInks(const Scene& scene) {
    std::map<Id, Ink> inks;
    for (const SceneItem& item : scene.items) {
        if (item.owner != Owner::Relation || item.part != Part::RelationLine)
            continue;
        if (const auto* p = std::get_if<PathShape>(&item.shape)) {
            inks[item.id].AddPath(p->points, p->closed, p->stroke.width, &item);
        } else if (const auto* c = std::get_if<CircleShape>(&item.shape)) {
            inks[item.id].AddPath(RingPolygon(*c), false, c->stroke.width, &item);
        }
    }
    return inks;
}

void CheckRelationDetours(const Family& family, const Scene& scene, const std::map<Id, Ink>& inks,
                          InvariantReport& r) {
    for (const Relation& rel : family.relations) {
        if (!inks.count(rel.id) || !scene.personCentres.count(rel.from) ||
            !scene.personCentres.count(rel.to))
            continue;
        const Point a = scene.personCentres.at(rel.from), b = scene.personCentres.at(rel.to);
        const double limit = RelationDetourLimit(std::hypot(b.x - a.x, b.y - a.y));
        double worst = 0;
        for (const auto& [s, w] : inks.at(rel.id).parts)
            for (Point p : {s.a, s.b})
                worst = std::max(worst, std::hypot(p.x - a.x, p.y - a.y) +
                                            std::hypot(p.x - b.x, p.y - b.y) + w);
        if (worst > limit && r.relationDetours.size() < 50)
            r.relationDetours.push_back("relation " + std::to_string(rel.id) + " strays " +
                                        std::to_string(static_cast<int>(worst - limit)) +
                                        " pt past its limit");
    }
}

} // namespace

void CheckRelationPairs(const Family& family, const Scene& scene, InvariantReport& r) {
    const std::map<Id, Ink> inks = RelationInks(scene);
    CheckRelationDetours(family, scene, inks, r);
    for (std::size_t i = 0; i < family.relations.size(); ++i)
        for (std::size_t j = i + 1; j < family.relations.size(); ++j) {
            const Relation &a = family.relations[i], &b = family.relations[j];
            if (std::minmax(a.from, a.to) != std::minmax(b.from, b.to) || !inks.count(a.id) ||
                !inks.count(b.id))
                continue;
            double gap = 1e18;
            for (const auto& [s, wa] : inks.at(a.id).parts)
                for (const auto& [t, wb] : inks.at(b.id).parts)
                    gap = std::min(gap, SegmentGap(s.a, s.b, t.a, t.b) - wa - wb);
            if (gap < 0.5 && r.relationsTouching.size() < 50)
                r.relationsTouching.push_back("relations " + std::to_string(a.id) + " and " +
                                              std::to_string(b.id) + " (ink " +
                                              std::to_string(gap) + " pt apart)");
        }
}

InvariantReport CheckAll(const Family& family, const SceneOptions& sceneOptions) {
    const LayoutOptions layoutOptions = LayoutOptionsFor(sceneOptions);
    Layout layout = ComputeLayout(family, layoutOptions);
    InvariantReport r = CheckLayout(family, layout, layoutOptions);
    const Scene scene = BuildScene(family, layout, sceneOptions);
    CheckScene(scene, r);
    CheckRelationPairs(family, scene, r);
    return r;
}

} // namespace kartbok::genogram::testing
