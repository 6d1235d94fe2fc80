// Person symbols (DESIGN.md §3): square, circle, diamond; double outline for
// the client; X for the deceased; small symbols for pregnancies and losses;
// quarter fills for conditions; years above, age inside, name and note below.

#include "SceneInternal.h"

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

std::string YearText(const FuzzyDate& d, bool sv) {
    if (!d.Known())
        return {};
    std::string y = std::to_string(d.year);
    return d.precision == DatePrecision::About ? (sv ? "ca " : "c. ") + y : y;
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

void ComputeGeometry(SceneContext& ctx) {
    std::map<double, std::vector<double>> rows; // y -> xs, for the room each name gets
    for (const auto& [id, pt] : ctx.layout.people)
        rows[pt.y].push_back(pt.x);
    for (auto& [y, xs] : rows)
        std::sort(xs.begin(), xs.end());

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
        g.textWidth = std::clamp(nearest - 8, ctx.s * 1.4, ctx.s * 3.2);

        const bool sv = ctx.swedish;
        std::string name;
        if (ctx.options.deidentify) {
            auto it = ctx.roles.find(id);
            name = it != ctx.roles.end() ? it->second : std::string();
        } else {
            name = p->DisplayName();
            if (name.empty())
                name = KindLabel(p->kind, sv);
            g.yearsLeft = YearText(p->birth, sv);
            if (p->deceased && !IsLoss(p->kind))
                g.yearsRight = p->death.Known() ? YearText(p->death, sv) : "\u2020";
            std::string note = p->occupation;
            if (!p->place.empty())
                note += (note.empty() ? "" : ", ") + p->place;
            g.noteLines = WrapText(note, g.noteSize, g.textWidth, 2);
        }
        g.nameLines = WrapText(name, g.nameSize, g.textWidth, 2);
        if (!IsLoss(p->kind) && p->birth.Known()) {
            int end = p->deceased ? (p->death.Known() ? p->death.year : 0) : ctx.currentYear;
            if (end != 0 && end >= p->birth.year)
                g.age = std::to_string(end - p->birth.year);
        }
        g.textTop = pt.y + ctx.s / 2 + 21;
        g.textBottom = g.textTop + g.nameLead * static_cast<double>(g.nameLines.size()) +
                       g.noteLead * static_cast<double>(g.noteLines.size());
        ctx.geometry[id] = std::move(g);
    }
}

void AddSymbols(SceneContext& ctx) {
    using Owner = SceneItem::Owner;
    const Color white{255, 255, 255, 255};
    const Color none{255, 255, 255, 0};
    for (const auto& [id, g] : ctx.geometry) {
        const Person& p = *g.person;
        const Point c = g.centre;
        const double h = g.half;
        const Form form = FormOf(p);
        Stroke outline{Ink(), 1.6, DashStyle::Solid};
        if (p.kind == PersonKind::SignificantOther)
            outline = {Grey(80), 1.4, DashStyle::Dashed};
        if (p.placeholder)
            outline = {Grey(150), 1.2, DashStyle::Dotted};

        auto shape = [&](double half, Stroke stroke, bool filled, Color fill) -> Shape {
            if (form == Form::Circle) {
                CircleShape circle;
                circle.centre = c;
                circle.radius = half;
                circle.stroke = stroke;
                circle.filled = filled;
                circle.fill = fill;
                return circle;
            }
            PathShape path;
            path.points = Outline(form, c, half);
            path.closed = true;
            path.stroke = stroke;
            path.filled = filled;
            path.fill = fill;
            return path;
        };

        if (p.kind == PersonKind::Miscarriage) {
            ctx.Add(Owner::Person, id, shape(h, outline, true, Ink()));
        } else if (p.kind == PersonKind::Abortion) {
            Stroke x{Ink(), 1.8, DashStyle::Solid};
            ctx.Add(Owner::Person, id, Line({c.x - h, c.y - h}, {c.x + h, c.y + h}, x));
            ctx.Add(Owner::Person, id, Line({c.x - h, c.y + h}, {c.x + h, c.y - h}, x));
        } else {
            // White body, condition quadrants, then the outline on top.
            ctx.Add(Owner::Person, id, shape(h, {none, 0, DashStyle::Solid}, true, white));
            if (p.kind == PersonKind::Person || p.kind == PersonKind::SignificantOther)
                for (int q = 0; q < 4; ++q)
                    if (p.conditions & (1 << q)) {
                        QuadrantShape quad;
                        quad.clip = g.outline;
                        quad.centre = c;
                        quad.quadrant = q;
                        quad.radius = form == Form::Diamond ? h * 1.15 : h;
                        quad.fill = ConditionColor(q);
                        ctx.Add(Owner::Person, id, quad);
                    }
            ctx.Add(Owner::Person, id, shape(h, outline, false, white));
            if (p.isIndex)
                ctx.Add(Owner::Person, id, shape(h + 4, outline, false, white));
            if (p.gender == Gender::Other && !IsLoss(p.kind)) {
                // The small inner mark for other genders: a bar across the lower part.
                double y = c.y + h * 0.62;
                double w = h * 0.5;
                ctx.Add(Owner::Person, id,
                        Line({c.x - w, y}, {c.x + w, y}, {Ink(), 1.6, DashStyle::Solid}));
            }
            if (p.deceased || p.kind == PersonKind::Stillbirth) {
                double d = p.kind == PersonKind::Stillbirth ? h * 1.15
                           : form == Form::Circle           ? h * 0.71
                           : form == Form::Diamond          ? h * 0.58
                                                            : h;
                Stroke x{Ink(), 1.4, DashStyle::Solid};
                ctx.Add(Owner::Person, id, Line({c.x - d, c.y - d}, {c.x + d, c.y + d}, x));
                ctx.Add(Owner::Person, id, Line({c.x - d, c.y + d}, {c.x + d, c.y - d}, x));
            }
        }
        if (p.placeholder) {
            TextShape q{{c.x, c.y + ctx.Font(10) * 0.36},
                        "?",
                        ctx.Font(10),
                        false,
                        TextAnchor::Middle,
                        Grey(130)};
            ctx.Add(Owner::Person, id, q);
        }

        // Age inside; a backdrop keeps it readable over X and fills.
        if (!g.age.empty()) {
            double size = ctx.Font(p.isIndex ? 10.5 : 10);
            TextShape age{{c.x, c.y + size * 0.36}, g.age, size, p.isIndex,
                          TextAnchor::Middle,       Ink()};
            if (p.deceased || p.conditions)
                ctx.AddHaloText(Owner::Person, id, age);
            else
                ctx.Add(Owner::Person, id, age);
        }
        // Years above: birth to the left, death to the right, the child line between.
        double yearsY = c.y - g.outerHalf - 5;
        double yearsSize = ctx.Font(7.5);
        if (!g.yearsLeft.empty())
            ctx.Add(
                Owner::Person, id,
                TextShape{
                    {c.x - 4, yearsY}, g.yearsLeft, yearsSize, false, TextAnchor::End, Grey(60)});
        if (!g.yearsRight.empty())
            ctx.Add(Owner::Person, id,
                    TextShape{{c.x + 4, yearsY},
                              g.yearsRight,
                              yearsSize,
                              false,
                              TextAnchor::Start,
                              Grey(60)});
        // Name and note below.
        double y = g.textTop + g.nameSize * 0.8;
        for (const std::string& line : g.nameLines) {
            ctx.AddHaloText(
                Owner::Person, id,
                TextShape{{c.x, y}, line, g.nameSize, p.isIndex, TextAnchor::Middle, Ink()});
            y += g.nameLead;
        }
        y += g.noteSize * 0.1;
        for (const std::string& line : g.noteLines) {
            ctx.AddHaloText(
                Owner::Person, id,
                TextShape{{c.x, y}, line, g.noteSize, false, TextAnchor::Middle, Grey(90)});
            y += g.noteLead;
        }
    }
}

} // namespace kartbok::genogram::detail
