// The legend, which lists only the conditions, relation kinds and
// households the map uses, in the label tables' words (Labels.h).

#include "SceneInternal.h"

#include "kartbok/genogram/EnumNames.h"
#include "kartbok/genogram/Labels.h"

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

/// One row of the legend: a sample of the notation and its words.
struct Entry {
    int condition = -1; ///< quadrant of a condition, or -1
    bool recovery = false;
    std::optional<RelationKind> relation;
    bool household = false;
    std::string label;
};

/// The conditions, relation kinds and households the drawn map uses, in
/// legend order.
std::vector<Entry> EntriesInUse(const SceneContext& ctx) {
    const bool sv = ctx.swedish;
    std::uint8_t conditions = 0, recovering = 0;
    std::set<RelationKind> kinds;
    for (const auto& [id, g] : ctx.geometry)
        if (g.person->kind == PersonKind::Person ||
            g.person->kind == PersonKind::SignificantOther) {
            conditions |= g.person->conditions & ~g.person->recovering;
            recovering |= g.person->conditions & g.person->recovering;
        }
    if (ctx.options.relations)
        for (const Relation& r : ctx.family.relations)
            if (r.from != r.to && ctx.geometry.count(r.from) && ctx.geometry.count(r.to))
                kinds.insert(r.kind);
    bool households = false;
    for (const Household& h : ctx.family.households)
        for (PersonId m : h.members)
            households |= ctx.geometry.count(m) > 0;

    // The words are the label tables', so the legend calls a thing what the
    // editor and the reports call it.
    const std::string_view language = sv ? "sv" : "en";
    std::vector<Entry> entries;
    for (int q = 0; q < 4; ++q) {
        const std::string name(LabelOf(kAllConditions[static_cast<std::size_t>(q)], language));
        if (conditions & (1 << q))
            entries.push_back({q, false, std::nullopt, false, name});
        if (recovering & (1 << q))
            entries.push_back(
                {q, true, std::nullopt, false, name + (sv ? ", i återhämtning" : ", in recovery")});
    }
    for (RelationKind k : kinds)
        entries.push_back({-1, false, k, false, std::string(LabelOf(k, language))});
    if (households)
        entries.push_back({-1, false, std::nullopt, true, sv ? "Hushåll" : "Household"});
    return entries;
}

/// Where the legend goes: below the map, in up to four columns.
struct Grid {
    double size = 0; ///< font size of the rows
    double sample = 40, rowH = 0, pad = 12, colW = 0, titleH = 0;
    double left = 20, top = 0, boxW = 0, boxH = 0;
    std::size_t rows = 0;

    Grid(const SceneContext& ctx, const std::vector<Entry>& entries)
        : size(ctx.Font(8.5)), rowH(std::max(18.0, size * 2.1)), titleH(size * 2.2),
          top(ctx.layout.bounds.height + 4) {
        double widest = 0;
        for (const Entry& e : entries)
            widest = std::max(widest, TextWidth(e.label, size));
        colW = sample + 10 + widest + 24;
        const double avail = std::max(ctx.layout.bounds.width - 2 * left, colW);
        const std::size_t cols =
            std::clamp<std::size_t>(static_cast<std::size_t>(avail / colW), 1, 4);
        rows = (entries.size() + cols - 1) / cols;
        boxW = pad * 2 + colW * static_cast<double>(cols) - 24;
        boxH = pad + titleH + rowH * static_cast<double>(rows) + pad / 2;
    }
    /// Left end of row i's sample and the row's middle.
    Point Row(std::size_t i) const {
        std::size_t col = i / rows, row = i % rows;
        return {left + pad + colW * static_cast<double>(col),
                top + pad + titleH + rowH * (static_cast<double>(row) + 0.5)};
    }
};

/// The rounded box and its title.
void AddFrame(SceneContext& ctx, const Grid& grid) {
    PathShape box;
    box.points = RoundedRect(grid.left, grid.top, grid.left + grid.boxW, grid.top + grid.boxH, 8);
    box.closed = true;
    box.stroke = {Grey(190), 1.0, DashStyle::Solid};
    box.filled = true;
    box.fill = {250, 250, 250, 255};
    ctx.Add(Owner::Legend, kNoId, box, SceneItem::Part::Legend);
    ctx.Add(Owner::Legend, kNoId,
            TextShape{{grid.left + grid.pad, grid.top + grid.pad + grid.size},
                      ctx.swedish ? "Teckenförklaring" : "Legend",
                      ctx.Font(9.5),
                      true,
                      TextAnchor::Start,
                      Ink()});
}

/// A small square with the condition's quadrant filled (or hatched, for
/// one in recovery), centred at c.
void AddConditionSample(SceneContext& ctx, const Entry& e, Point c) {
    const double h = 7;
    std::vector<Point> square{
        {c.x - h, c.y - h}, {c.x + h, c.y - h}, {c.x + h, c.y + h}, {c.x - h, c.y + h}};
    PathShape body;
    body.points = square;
    body.closed = true;
    body.filled = true;
    body.fill = {255, 255, 255, 255};
    body.stroke = {Ink(), 1.2, DashStyle::Solid};
    ctx.Add(Owner::Legend, kNoId, body, SceneItem::Part::Legend);
    if (e.recovery) {
        for (const auto& line : Hatch(square, c, e.condition, h)) {
            PathShape hatch;
            hatch.points = line;
            hatch.stroke = {ConditionColor(e.condition), 1.0, DashStyle::Solid};
            ctx.Add(Owner::Legend, kNoId, hatch, SceneItem::Part::Legend);
        }
    } else {
        ctx.Add(Owner::Legend, kNoId,
                QuadrantShape{square, c, e.condition, h, ConditionColor(e.condition)},
                SceneItem::Part::Legend);
    }
    body.filled = false;
    ctx.Add(Owner::Legend, kNoId, body, SceneItem::Part::Legend);
}

/// The notation of one entry, `width` wide, starting at (x, cy).
void AddSample(SceneContext& ctx, const Entry& e, double x, double cy, double width) {
    if (e.condition >= 0) {
        AddConditionSample(ctx, e, {x + width / 2, cy});
    } else if (e.relation) {
        AddRelationPath(ctx, {{x, cy}, {x + width, cy}}, *e.relation, HasArrow(*e.relation),
                        Owner::Legend, kNoId);
    } else if (e.household) {
        PathShape swatch;
        swatch.points = RoundedRect(x + 4, cy - 7, x + width - 4, cy + 7, 4);
        swatch.closed = true;
        swatch.stroke = {HouseholdColor(), 1.3, DashStyle::Dashed};
        ctx.Add(Owner::Legend, kNoId, swatch, SceneItem::Part::Legend);
    }
}

} // namespace

void AddLegend(SceneContext& ctx) {
    const std::vector<Entry> entries = EntriesInUse(ctx);
    if (entries.empty())
        return;
    const Grid grid(ctx, entries);
    AddFrame(ctx, grid);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Point at = grid.Row(i);
        AddSample(ctx, entries[i], at.x, at.y, grid.sample);
        ctx.Add(Owner::Legend, kNoId,
                TextShape{{at.x + grid.sample + 10, at.y + grid.size * 0.36},
                          entries[i].label,
                          grid.size,
                          false,
                          TextAnchor::Start,
                          Ink()});
    }
    ctx.scene.size.width = std::max(ctx.scene.size.width, grid.left + grid.boxW + 20);
    ctx.scene.size.height = std::max(ctx.scene.size.height, grid.top + grid.boxH + 20);
}

} // namespace kartbok::genogram::detail
