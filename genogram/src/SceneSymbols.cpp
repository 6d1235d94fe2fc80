// Person symbols (docs/design.md, "The family map"): square, circle, diamond; double outline for
// the client; X for the deceased; small symbols for pregnancies and losses;
// quarter fills for conditions; years above, age inside, name and note below.

#include "SceneInternal.h"
#include "kartbok/genogram/DateText.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace kartbok::genogram::detail {
namespace {

enum class Form { Square, Circle, Diamond, Triangle };

Form FormOf(const Person& p) {
    if (p.kind == PersonKind::Pregnancy)
        return Form::Triangle;
    if (p.kind == PersonKind::Miscarriage)
        return Form::Circle;
    if (p.kind == PersonKind::Abortion)
        return Form::Square;
    switch (p.gender) {
    case Gender::Man:
        return Form::Square;
    case Gender::Woman:
    case Gender::Other:
        return Form::Circle;
    case Gender::Unknown:
        return Form::Diamond;
    }
    return Form::Diamond;
}

double HalfOf(const Person& p, double s) {
    switch (p.kind) {
    case PersonKind::Pregnancy:
        return s * 0.34;
    case PersonKind::Miscarriage:
        return s * 0.15;
    case PersonKind::Abortion:
        return s * 0.17;
    case PersonKind::Stillbirth:
        return s * 0.27;
    default:
        return s / 2;
    }
}

std::vector<Point> Outline(Form form, Point c, double h) {
    switch (form) {
    case Form::Square:
        return {{c.x - h, c.y - h}, {c.x + h, c.y - h}, {c.x + h, c.y + h}, {c.x - h, c.y + h}};
    case Form::Diamond:
        return {{c.x, c.y - h * 1.15},
                {c.x + h * 1.15, c.y},
                {c.x, c.y + h * 1.15},
                {c.x - h * 1.15, c.y}};
    case Form::Triangle:
        return {{c.x, c.y - h}, {c.x + h * 0.95, c.y + h * 0.8}, {c.x - h * 0.95, c.y + h * 0.8}};
    case Form::Circle: {
        std::vector<Point> pts;
        for (int i = 0; i < 48; ++i) {
            double a = 2 * std::numbers::pi * i / 48;
            pts.push_back({c.x + h * std::cos(a), c.y + h * std::sin(a)});
        }
        return pts;
    }
    }
    return {};
}

std::string KindLabel(PersonKind kind, bool sv) {
    switch (kind) {
    case PersonKind::Pregnancy:
        return sv ? "Graviditet" : "Pregnancy";
    case PersonKind::Miscarriage:
        return sv ? "Missfall" : "Miscarriage";
    case PersonKind::Abortion:
        return sv ? "Abort" : "Abortion";
    case PersonKind::Stillbirth:
        return sv ? "Dödfödd" : "Stillbirth";
    default:
        return {};
    }
}

bool IsLoss(PersonKind k) {
    return k == PersonKind::Pregnancy || k == PersonKind::Miscarriage ||
           k == PersonKind::Abortion || k == PersonKind::Stillbirth;
}

PathShape Line(Point a, Point b, Stroke stroke) {
    PathShape p;
    p.points = {a, b};
    p.stroke = stroke;
    return p;
}

} // namespace

double PersonGeometry::BottomAt(double x) const {
    // The lowest point of the outline at x: crossings of the vertical line.
    double best = centre.y + outerHalf;
    bool found = false;
    const double grow = outerHalf / std::max(half, 1e-9);
    for (std::size_t i = 0; i < outline.size(); ++i) {
        Point p = outline[i], q = outline[(i + 1) % outline.size()];
        auto scaled = [&](Point v) {
            return Point{centre.x + (v.x - centre.x) * grow, centre.y + (v.y - centre.y) * grow};
        };
        p = scaled(p), q = scaled(q);
        if ((p.x - x) * (q.x - x) > 0 || std::abs(q.x - p.x) < 1e-9)
            continue;
        double y = p.y + (q.y - p.y) * (x - p.x) / (q.x - p.x);
        best = found ? std::max(best, y) : y;
        found = true;
    }
    return best;
}

double PersonGeometry::TopAt(double x) const {
    return 2 * centre.y - BottomAt(2 * centre.x - x); // the outlines are symmetric
}

double PersonGeometry::TextHalfWidth() const {
    double w = 0;
    for (const auto& l : nameLines)
        w = std::max(w, TextWidth(l, nameSize) / 2);
    for (const auto* lines : {&noteLines, &causeLines})
        for (const auto& l : *lines)
            w = std::max(w, TextWidth(l, noteSize) / 2);
    return w;
}

void ComputeGeometry(SceneContext& ctx) {
    std::map<double, std::vector<double>> rows; // y -> xs, for the room each name gets
    for (const auto& [id, pt] : ctx.layout.people)
        rows[pt.y].push_back(pt.x);
    for (auto& [y, xs] : rows)
        std::sort(xs.begin(), xs.end());
    const std::string lang = ctx.swedish ? "sv" : "en";

    for (const auto& [id, pt] : ctx.layout.people) {
        const Person* p = ctx.family.FindPerson(id);
        if (!p)
            continue;
        PersonGeometry g;
        g.person = p;
        g.centre = pt;
        g.half = HalfOf(*p, ctx.s);
        g.outerHalf = g.half + (p->isIndex ? 4 : 0);
        g.outline = Outline(FormOf(*p), pt, g.half);
        g.nameSize = ctx.Font(9);
        g.noteSize = ctx.Font(7.5);
        g.nameLead = g.nameSize * 1.2;
        g.noteLead = g.noteSize * 1.25;

        const auto& xs = rows[pt.y];
        double nearest = std::numeric_limits<double>::infinity();
        for (double x : xs)
            if (x != pt.x)
                nearest = std::min(nearest, std::abs(x - pt.x));
        g.textWidth = std::clamp(nearest - 10, ctx.s * 1.4, ctx.s * 3.2);

        const bool sv = ctx.swedish;
        const bool presumed = PresumedDead(*p, ctx.currentYear);
        std::string name;
        if (ctx.options.deidentify) {
            auto it = ctx.roles.find(id);
            name = it != ctx.roles.end() ? it->second : std::string();
        } else {
            name = p->DisplayName();
            if (name.empty())
                name = KindLabel(p->kind, sv);
            g.yearsLeft = BirthText(p->birth, lang);
            if (p->deceased && !IsLoss(p->kind))
                g.yearsRight = p->death.Known() ? DeathText(p->death, lang) : "\u2020";
            std::string note = p->occupation;
            if (!p->place.empty())
                note += (note.empty() ? "" : ", ") + p->place;
            g.noteLines = WrapText(note, g.noteSize, g.textWidth, 2);
        }
        if (presumed)
            g.yearsRight = "\u2020?"; // presumed dead: no age, a questioned cross
        if (!p->causeOfDeath
                 .empty()) // clinically telling and not identifying: shown de-identified too
            g.causeLines = WrapText("\u2020 " + p->causeOfDeath, g.noteSize, g.textWidth, 1);
        g.nameLines = WrapText(name, g.nameSize, g.textWidth, 2);
        if (auto age = AgeOf(*p, ctx.currentYear))
            g.age = std::to_string(*age);
        auto gen = ctx.layout.generation.find(id);
        auto drop = gen == ctx.layout.generation.end() ? ctx.layout.textDrop.end()
                                                       : ctx.layout.textDrop.find(gen->second);
        g.textTop = pt.y + ctx.s / 2 + 21 + (drop == ctx.layout.textDrop.end() ? 0 : drop->second);
        g.textBottom = g.textTop + g.nameLead * static_cast<double>(g.nameLines.size()) +
                       g.noteLead * static_cast<double>(g.noteLines.size() + g.causeLines.size());
        ctx.geometry[id] = std::move(g);
    }
}

namespace {

using Owner = SceneItem::Owner;
using Part = SceneItem::Part;

/// A person's conditions: a quadrant filled per condition, hatched when
/// the person is in recovery from it.
void AddConditions(SceneContext& ctx, PersonId id, const PersonGeometry& g, double radius) {
    const Person& p = *g.person;
    const Point c = g.centre;
    for (int q = 0; q < 4; ++q) {
        if (!(p.conditions & (1 << q)))
            continue;
        if (p.recovering & (1 << q)) {
            for (const auto& line : Hatch(g.outline, c, q, radius))
                ctx.Add(Owner::Person, id, Line(line[0], line[1], {ConditionColor(q), 1.2}),
                        Part::Symbol);
            continue;
        }
        ctx.Add(Owner::Person, id, QuadrantShape{g.outline, c, q, radius, ConditionColor(q)},
                Part::Symbol);
    }
}

/// The X of someone who died, always a diagonal cross: a square's corners to
/// corners, a circle's rim at 45 degrees, a triangle's lower corners to the
/// middle of the side across. On a diamond it runs through the outline to the
/// corners of the square the diamond stands in: ended on the diamond's edges
/// it reads as a window, and corner to corner of the diamond it is an upright
/// "+", not an X. A stillbirth's X reaches past its small symbol, as the
/// notation draws it.
void AddDeceasedX(SceneContext& ctx, PersonId id, bool stillbirth, Form form, Point c, double h) {
    Stroke x{Ink(), 1.4, DashStyle::Solid};
    auto line = [&](Point a, Point b) { ctx.Add(Owner::Person, id, Line(a, b, x), Part::Symbol); };
    if (stillbirth || form != Form::Triangle) {
        const double d = stillbirth ? h * 1.15 : form == Form::Circle ? h * std::sqrt(0.5) : h;
        line({c.x - d, c.y - d}, {c.x + d, c.y + d});
        line({c.x - d, c.y + d}, {c.x + d, c.y - d});
        return;
    }
    const std::vector<Point> v = Outline(form, c, h); // top, lower right, lower left
    auto mid = [](Point a, Point b) { return Point{(a.x + b.x) / 2, (a.y + b.y) / 2}; };
    line(v[2], mid(v[0], v[1]));
    line(v[1], mid(v[0], v[2]));
}

/// Outline, conditions (filled, or hatched when in recovery), marks and the
/// deceased X of one person.
void AddBody(SceneContext& ctx, PersonId id, const PersonGeometry& g) {
    const Person& p = *g.person;
    const Point c = g.centre;
    const double h = g.half;
    const Form form = FormOf(p);
    const Color white{255, 255, 255, 255};
    Stroke outline{Ink(), 1.6, DashStyle::Solid};
    if (p.kind == PersonKind::SignificantOther)
        outline = {Grey(80), 1.4, DashStyle::Dashed};
    if (p.placeholder)
        outline = {Grey(150), 1.2, DashStyle::Dotted};
    auto shape = [&](double half, Stroke stroke, bool filled) -> Shape {
        if (form == Form::Circle)
            return CircleShape{c, half, stroke, filled, white};
        PathShape path;
        path.points = Outline(form, c, half);
        path.closed = true;
        path.stroke = stroke;
        path.filled = filled;
        path.fill = white;
        return path;
    };
    if (p.kind == PersonKind::Miscarriage) {
        Shape dot = shape(h, outline, true);
        std::get<CircleShape>(dot).fill = Ink();
        ctx.Add(Owner::Person, id, dot, Part::Symbol);
        return;
    }
    if (p.kind == PersonKind::Abortion) {
        Stroke x{Ink(), 1.8, DashStyle::Solid};
        ctx.Add(Owner::Person, id, Line({c.x - h, c.y - h}, {c.x + h, c.y + h}, x), Part::Symbol);
        ctx.Add(Owner::Person, id, Line({c.x - h, c.y + h}, {c.x + h, c.y - h}, x), Part::Symbol);
        return;
    }
    // White body, condition quadrants, then the outline on top.
    ctx.Add(Owner::Person, id, shape(h, {{255, 255, 255, 0}, 0, DashStyle::Solid}, true),
            Part::Symbol);
    if (p.kind == PersonKind::Person || p.kind == PersonKind::SignificantOther)
        AddConditions(ctx, id, g, form == Form::Diamond ? h * 1.15 : h);
    ctx.Add(Owner::Person, id, shape(h, outline, false), Part::Symbol);
    if (p.isIndex)
        ctx.Add(Owner::Person, id, shape(h + 4, outline, false), Part::Symbol);
    if (p.gender == Gender::Other && !IsLoss(p.kind)) {
        // The small inner mark for other genders: a bar across the lower part.
        double y = c.y + h * 0.62, w = h * 0.5;
        ctx.Add(Owner::Person, id, Line({c.x - w, y}, {c.x + w, y}, {Ink(), 1.6}), Part::Symbol);
    }
    if (p.deceased || p.kind == PersonKind::Stillbirth)
        AddDeceasedX(ctx, id, p.kind == PersonKind::Stillbirth, form, c, h);
    if (p.placeholder)
        ctx.Add(Owner::Person, id,
                TextShape{{c.x, c.y + ctx.Font(10) * 0.36},
                          "?",
                          ctx.Font(10),
                          false,
                          TextAnchor::Middle,
                          Grey(130)},
                Part::Label);
}

/// Every family line drawn so far, bucketed by 64 pt, so the years can keep
/// clear of them (a twin's slanted leg, a line from other parents).
class LineIndex {
public:
    explicit LineIndex(const std::vector<SceneItem>& lines) {
        for (const SceneItem& item : lines)
            if (const auto* p = std::get_if<PathShape>(&item.shape))
                for (std::size_t i = 1; i < p->points.size(); ++i) {
                    const Point a = p->points[i - 1], b = p->points[i];
                    for (int x = Cell(std::min(a.x, b.x)); x <= Cell(std::max(a.x, b.x)); ++x)
                        for (int y = Cell(std::min(a.y, b.y)); y <= Cell(std::max(a.y, b.y)); ++y)
                            m_cells[{x, y}].push_back(m_segments.size());
                    m_segments.push_back({a, b, p->stroke.width / 2});
                }
    }
    /// Does any line's ink come within `clearance` of the box?
    bool Touches(const Box& box, double clearance) const {
        for (int x = Cell(box.left - clearance - 2); x <= Cell(box.right + clearance + 2); ++x)
            for (int y = Cell(box.top - clearance - 2); y <= Cell(box.bottom + clearance + 2); ++y)
                if (auto it = m_cells.find({x, y}); it != m_cells.end())
                    for (std::size_t i : it->second) {
                        const Segment& s = m_segments[i];
                        if (SegmentBoxGap(s.a, s.b, box) < s.half + clearance)
                            return true;
                    }
        return false;
    }

private:
    struct Segment {
        Point a, b;
        double half;
    };
    static int Cell(double v) { return static_cast<int>(std::floor(v / 64)); }
    std::vector<Segment> m_segments;
    std::map<std::pair<int, int>, std::vector<std::size_t>> m_cells;
};

/// Where a year may stand, best first: its own side (birth left, death
/// right) at its own line, further out, a line up; then the other side.
std::vector<TextShape> YearSpots(const TextShape& t, double lo, double hi, double size) {
    std::vector<TextShape> spots;
    const bool left = t.anchor == TextAnchor::End;
    for (int up : {0, 1, 2})
        for (int out = 0; out <= 4; ++out) {
            TextShape s = t;
            s.at = {t.at.x + (left ? -3.0 : 3.0) * out, t.at.y - up * size * 1.2};
            spots.push_back(s);
        }
    for (int up : {1, 0, 2}) {
        TextShape s = t;
        s.anchor = left ? TextAnchor::Start : TextAnchor::End;
        s.at = {left ? hi + 4 : lo - 4, t.at.y - up * size * 1.2};
        spots.push_back(s);
    }
    return spots;
}

/// The birth and death texts above each symbol, clear of the lines coming
/// down into it and of each other; a text that has no clear spot goes one
/// line up from a neighbour's.
std::map<PersonId, std::pair<TextShape, TextShape>> PlaceYears(SceneContext& ctx) {
    std::map<PersonId, std::pair<TextShape, TextShape>> out;
    std::map<PersonId, std::pair<double, double>> span; // the lines above, left- and rightmost
    std::map<double, std::vector<Box>> taken;           // per row
    const double size = ctx.Font(7.5);
    for (const auto& [id, g] : ctx.geometry) {
        double lo = g.centre.x, hi = g.centre.x;
        for (double x : g.linesAbove)
            lo = std::min(lo, x), hi = std::max(hi, x);
        double y = g.centre.y - g.outerHalf - 5;
        TextShape birth{{lo - 4, y}, g.yearsLeft, size, false, TextAnchor::End, Grey(60)};
        TextShape death{{hi + 4, y}, g.yearsRight, size, false, TextAnchor::Start, Grey(60)};
        out[id] = {birth, death};
        span[id] = {lo, hi};
    }
    // Left to right per row, so a clash moves the right-hand text.
    std::vector<std::pair<Point, PersonId>> order;
    for (const auto& [id, g] : ctx.geometry)
        order.push_back({{g.centre.y, g.centre.x}, id});
    std::sort(order.begin(), order.end(), [](auto& a, auto& b) {
        return std::tie(a.first.x, a.first.y) < std::tie(b.first.x, b.first.y);
    });
    const LineIndex lines(ctx.lines);
    for (const auto& [at, id] : order)
        for (TextShape* t : {&out[id].first, &out[id].second}) {
            if (t->text.empty())
                continue;
            auto& row = taken[at.x];
            auto clash = [&](const TextShape& s) {
                Box b = TextBounds(s);
                b = {b.left - 3, b.top, b.right + 3, b.bottom}; // a space between neighbours
                return std::any_of(row.begin(), row.end(),
                                   [&](const Box& o) { return o.Intersects(b); });
            };
            const auto spots = YearSpots(*t, span[id].first, span[id].second, size);
            auto clear = std::find_if(spots.begin(), spots.end(), [&](const TextShape& s) {
                return !clash(s) && !lines.Touches(TextBounds(s), 1.0);
            });
            if (clear != spots.end())
                *t = *clear;
            else
                for (int tries = 0; tries < 3 && clash(*t); ++tries)
                    t->at.y -= size * 1.2;
            row.push_back(TextBounds(*t));
        }
    return out;
}

} // namespace

void AddSymbols(SceneContext& ctx) {
    auto years = PlaceYears(ctx);
    for (const auto& [id, g] : ctx.geometry) {
        const Person& p = *g.person;
        const Point c = g.centre;
        AddBody(ctx, id, g);
        const double reach = FormOf(p) == Form::Diamond ? g.outerHalf * 1.15 : g.outerHalf;
        ctx.AddObstacle({c.x - reach, c.y - reach, c.x + reach, c.y + reach}, id);
        // Age inside; a backdrop keeps it readable over X and fills.
        if (!g.age.empty()) {
            double size = ctx.Font(p.isIndex ? 10.5 : 10);
            TextShape age{{c.x, c.y + size * 0.36}, g.age, size, p.isIndex,
                          TextAnchor::Middle,       Ink()};
            if (p.deceased || p.conditions)
                ctx.AddHaloText(Owner::Person, id, age, 1.5, 1.5);
            else
                ctx.Add(Owner::Person, id, age, Part::Label);
        }
        for (const TextShape* t : {&years[id].first, &years[id].second})
            if (!t->text.empty())
                ctx.AddLabel(Owner::Person, id, *t, false);
        // Name, note and cause of death below.
        double y = g.textTop + g.nameSize * 0.8;
        for (const std::string& line : g.nameLines) {
            ctx.AddLabel(
                Owner::Person, id,
                TextShape{{c.x, y}, line, g.nameSize, p.isIndex, TextAnchor::Middle, Ink()}, true);
            y += g.nameLead;
        }
        y += g.noteSize * 0.1;
        for (const auto* lines : {&g.noteLines, &g.causeLines})
            for (const std::string& line : *lines) {
                ctx.AddLabel(
                    Owner::Person, id,
                    TextShape{{c.x, y}, line, g.noteSize, false, TextAnchor::Middle, Grey(90)},
                    true);
                y += g.noteLead;
            }
    }
}

} // namespace kartbok::genogram::detail
