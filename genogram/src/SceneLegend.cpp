// Households (a dashed outline around the people who live together) and the
// legend, which lists only the conditions and relation kinds the map uses.

#include "SceneInternal.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <set>

namespace kartbok::genogram::detail {
namespace {

using Owner = SceneItem::Owner;

/// A rounded rectangle as a closed polyline (painters only know paths).
std::vector<Point> RoundedRect(double l, double t, double r, double b, double radius) {
    std::vector<Point> pts;
    auto corner = [&](double cx, double cy, double start) {
        for (int i = 0; i <= 6; ++i) {
            double a = start + (std::numbers::pi / 2) * i / 6;
            pts.push_back({cx + radius * std::cos(a), cy + radius * std::sin(a)});
        }
    };
    corner(r - radius, t + radius, -std::numbers::pi / 2);
    corner(r - radius, b - radius, 0);
    corner(l + radius, b - radius, std::numbers::pi / 2);
    corner(l + radius, t + radius, std::numbers::pi);
    return pts;
}

const Color kHousehold{96, 80, 140, 255};

/// Rounds every corner of a closed polygon with (at most) the given radius.
std::vector<Point> RoundCorners(const std::vector<Point>& pts, double radius) {
    std::vector<Point> out;
    const std::size_t n = pts.size();
    for (std::size_t i = 0; i < n; ++i) {
        Point prev = pts[(i + n - 1) % n], p = pts[i], next = pts[(i + 1) % n];
        double lp = std::hypot(p.x - prev.x, p.y - prev.y),
               ln = std::hypot(next.x - p.x, next.y - p.y);
        if (lp < 1e-6 || ln < 1e-6)
            continue;
        double r = std::min({radius, lp / 2, ln / 2});
        Point a{p.x + (prev.x - p.x) / lp * r, p.y + (prev.y - p.y) / lp * r};
        Point b{p.x + (next.x - p.x) / ln * r, p.y + (next.y - p.y) / ln * r};
        for (int k = 0; k <= 4; ++k) {
            double t = k / 4.0, u = 1 - t;
            out.push_back({u * u * a.x + 2 * u * t * p.x + t * t * b.x,
                           u * u * a.y + 2 * u * t * p.y + t * t * b.y});
        }
    }
    return out;
}

} // namespace

std::vector<SceneItem> HouseholdItems(SceneContext& ctx) {
    std::vector<SceneItem> items;
    std::vector<const Household*> households;
    for (const Household& h : ctx.family.households)
        households.push_back(&h);
    std::sort(households.begin(), households.end(), [](auto* a, auto* b) { return a->id < b->id; });
    int nth = 0;
    for (const Household* h : households) {
        // One span per generation, joined into a staircase, so people of
        // another household standing above or below are not enclosed.
        struct Span {
            double l = std::numeric_limits<double>::infinity(), r = -l, t = l, b = -l;
        };
        std::map<double, Span> rows;
        for (PersonId m : h->members) {
            auto it = ctx.geometry.find(m);
            if (it == ctx.geometry.end())
                continue;
            const PersonGeometry& g = it->second;
            double halfText = 0;
            for (const auto& line : g.nameLines)
                halfText = std::max(halfText, TextWidth(line, g.nameSize) / 2);
            for (const auto& line : g.noteLines)
                halfText = std::max(halfText, TextWidth(line, g.noteSize) / 2);
            double half = std::max(g.outerHalf + 22, halfText + 6);
            Span& sp = rows[g.centre.y];
            sp.l = std::min(sp.l, g.centre.x - half);
            sp.r = std::max(sp.r, g.centre.x + half);
            sp.t = std::min(sp.t, g.centre.y - ctx.s / 2 - 15);
            sp.b = std::max(sp.b, std::max(g.textBottom, g.centre.y + ctx.s / 2 + 20) + 14);
        }
        if (rows.empty())
            continue;
        const double inset = 4.0 * nth++; // nested households stay visible
        std::vector<Span> spans;
        for (auto& [y, sp] : rows)
            spans.push_back({sp.l - inset, sp.r + inset, sp.t - inset, sp.b + inset});
        std::vector<Point> pts{{spans[0].r, spans[0].t}};
        for (std::size_t i = 0; i + 1 < spans.size(); ++i) {
            double mid = (spans[i].b + spans[i + 1].t) / 2;
            pts.push_back({spans[i].r, mid});
            pts.push_back({spans[i + 1].r, mid});
        }
        pts.push_back({spans.back().r, spans.back().b});
        pts.push_back({spans.back().l, spans.back().b});
        for (std::size_t i = spans.size() - 1; i > 0; --i) {
            double mid = (spans[i - 1].b + spans[i].t) / 2;
            pts.push_back({spans[i].l, mid});
            pts.push_back({spans[i - 1].l, mid});
        }
        pts.push_back({spans[0].l, spans[0].t});
        PathShape outline;
        outline.points = RoundCorners(pts, 12);
        outline.closed = true;
        outline.stroke = {kHousehold, 1.3, DashStyle::Dashed};
        outline.filled = true;
        outline.fill = {kHousehold.r, kHousehold.g, kHousehold.b, 14};
        items.push_back({Owner::Household, h->id, outline});
        std::string label =
            ctx.options.deidentify ? (ctx.swedish ? "Hushåll" : "Household") : h->label;
        if (label.empty())
            label = ctx.swedish ? "Hushåll" : "Household";
        double size = ctx.Font(7.5);
        items.push_back({Owner::Household, h->id,
                         TextShape{{spans.back().l + 10, spans.back().b - 5},
                                   label,
                                   size,
                                   true,
                                   TextAnchor::Start,
                                   kHousehold}});
    }
    return items;
}
void AddLegend(SceneContext& ctx) {
    const bool sv = ctx.swedish;
    std::uint8_t conditions = 0;
    std::set<RelationKind> kinds;
    for (const auto& [id, g] : ctx.geometry)
        if (g.person->kind == PersonKind::Person || g.person->kind == PersonKind::SignificantOther)
            conditions |= g.person->conditions;
    for (const Relation& r : ctx.family.relations)
        if (r.from != r.to && ctx.geometry.count(r.from) && ctx.geometry.count(r.to))
            kinds.insert(r.kind);
    bool households = false;
    for (const Household& h : ctx.family.households)
        for (PersonId m : h.members)
            households |= ctx.geometry.count(m) > 0;
    if (!conditions && kinds.empty() && !households)
        return;

    struct Entry {
        int condition = -1;
        std::optional<RelationKind> relation;
        bool household = false;
        std::string label;
    };
    std::vector<Entry> entries;
    for (int q = 0; q < 4; ++q)
        if (conditions & (1 << q))
            entries.push_back({q, std::nullopt, false, ConditionName(q, sv)});
    for (RelationKind k : kinds)
        entries.push_back({-1, k, false, RelationName(k, sv)});
    if (households)
        entries.push_back({-1, std::nullopt, true, sv ? "Hushåll" : "Household"});

    const double size = ctx.Font(8.5);
    const double sample = 40, rowH = std::max(18.0, size * 2.1), pad = 12;
    double widest = 0;
    for (const Entry& e : entries)
        widest = std::max(widest, TextWidth(e.label, size));
    const double colW = sample + 10 + widest + 24;
    const double left = 20, top = ctx.layout.bounds.height + 4;
    const double avail = std::max(ctx.layout.bounds.width - 2 * left, colW);
    const std::size_t cols = std::clamp<std::size_t>(static_cast<std::size_t>(avail / colW), 1, 4);
    const std::size_t rows = (entries.size() + cols - 1) / cols;
    const double titleH = size * 2.2;
    const double boxW = pad * 2 + colW * static_cast<double>(cols) - 24;
    const double boxH = pad + titleH + rowH * static_cast<double>(rows) + pad / 2;

    PathShape box;
    box.points = RoundedRect(left, top, left + boxW, top + boxH, 8);
    box.closed = true;
    box.stroke = {Grey(190), 1.0, DashStyle::Solid};
    box.filled = true;
    box.fill = {250, 250, 250, 255};
    ctx.Add(Owner::Legend, kNoId, box);
    ctx.Add(Owner::Legend, kNoId,
            TextShape{{left + pad, top + pad + size},
                      sv ? "Teckenförklaring" : "Legend",
                      ctx.Font(9.5),
                      true,
                      TextAnchor::Start,
                      Ink()});

    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        std::size_t col = i / rows, row = i % rows;
        double x = left + pad + colW * static_cast<double>(col);
        double cy = top + pad + titleH + rowH * (static_cast<double>(row) + 0.5);
        if (e.condition >= 0) {
            double h = 7;
            Point c{x + sample / 2, cy};
            std::vector<Point> square{
                {c.x - h, c.y - h}, {c.x + h, c.y - h}, {c.x + h, c.y + h}, {c.x - h, c.y + h}};
            PathShape body;
            body.points = square;
            body.closed = true;
            body.filled = true;
            body.fill = {255, 255, 255, 255};
            body.stroke = {Ink(), 1.2, DashStyle::Solid};
            ctx.Add(Owner::Legend, kNoId, body);
            ctx.Add(Owner::Legend, kNoId,
                    QuadrantShape{square, c, e.condition, h, ConditionColor(e.condition)});
            body.filled = false;
            ctx.Add(Owner::Legend, kNoId, body);
        } else if (e.relation) {
            RelationKind k = *e.relation;
            bool arrow = k == RelationKind::FocusedOn || k == RelationKind::PhysicalAbuse ||
                         k == RelationKind::SexualAbuse || k == RelationKind::EmotionalAbuse ||
                         k == RelationKind::Neglect;
            AddRelationPath(ctx, {{x, cy}, {x + sample, cy}}, k, arrow, Owner::Legend, kNoId);
        } else if (e.household) {
            PathShape swatch;
            swatch.points = RoundedRect(x + 4, cy - 7, x + sample - 4, cy + 7, 4);
            swatch.closed = true;
            swatch.stroke = {kHousehold, 1.3, DashStyle::Dashed};
            ctx.Add(Owner::Legend, kNoId, swatch);
        }
        ctx.Add(Owner::Legend, kNoId,
                TextShape{{x + sample + 10, cy + size * 0.36},
                          e.label,
                          size,
                          false,
                          TextAnchor::Start,
                          Ink()});
    }
    ctx.scene.size.width = std::max(ctx.scene.size.width, left + boxW + 20);
    ctx.scene.size.height = std::max(ctx.scene.size.height, top + boxH + 20);
}

} // namespace kartbok::genogram::detail
