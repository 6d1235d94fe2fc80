// Sibship and child lines: a drop from the couple line (or from below a
// single parent) to the sibship line, at the depth the layout gave it, and a
// line to each child - dashed the whole way for an adopted child, dotted for
// a foster child, twins from one point (identical ones joined by a bar). A
// child's other family (an adopted child's birth parents) reaches it by a
// line of its own into its own point on the symbol.

#include "SceneInternal.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kartbok::genogram::detail {
namespace {

using Owner = SceneItem::Owner;
using Part = SceneItem::Part;

Stroke ChildStroke(ChildKind kind) {
    switch (kind) {
    case ChildKind::Biological:
        return {Ink(), 1.4, DashStyle::Solid};
    case ChildKind::Adopted:
        return {Ink(), 1.4, DashStyle::Dashed};
    case ChildKind::Foster:
        return {Ink(), 1.4, DashStyle::Dotted};
    case ChildKind::Step:
        return {Grey(110), 1.4, DashStyle::Dashed};
    }
    return {Ink(), 1.4, DashStyle::Solid};
}

/// One family's line and what hangs from it.
struct Bar {
    Owner owner = Owner::Union;
    Id key = kNoId; ///< the union, or the single parent
    UnionId parents = kNoId;
    PersonId single = kNoId;
    std::vector<const ChildLink*> kids; ///< standing in this sibship, in order
    std::vector<const ChildLink*> extras;
    double y = 0;
};

/// The generation most of a sibship's children stand on (as the layout counts).
double MainRow(const SceneContext& ctx, const std::vector<const ChildLink*>& kids) {
    std::map<double, int> count;
    for (const ChildLink* c : kids)
        if (ctx.geometry.count(c->child))
            ++count[ctx.geometry.at(c->child).centre.y];
    if (count.empty())
        return 0;
    return std::max_element(count.begin(), count.end(),
                            [](auto& a, auto& b) { return a.second < b.second; })
        ->first;
}

/// Where the family's children hang from, and the line there from a single parent.
Point Drop(SceneContext& ctx, const Bar& bar, const std::vector<double>& kidXs) {
    if (bar.parents != kNoId)
        return ctx.dropFrom.at(bar.parents);
    // One known parent: out of the bottom of the symbol, below its couple
    // lines, then beside its name to the children.
    const PersonGeometry& p = ctx.geometry.at(bar.single);
    double mean = 0;
    for (double x : kidXs)
        mean += x / static_cast<double>(kidXs.size());
    const double side = mean >= p.centre.x ? 1 : -1;
    const double ax = ctx.attachX[bar.single].count(bar.single)
                          ? ctx.attachX[bar.single][bar.single]
                          : p.centre.x;
    int below = 0; // under every couple line of the parent
    for (const OrientedUnion& o : ctx.drawn.unions)
        if (o.left == bar.single || o.right == bar.single) {
            auto d = ctx.layout.coupleDepth.find(o.id);
            below = std::max(below, (d == ctx.layout.coupleDepth.end() ? 0 : d->second) + 1);
        }
    const double y = ctx.UnionLineY(p.centre.y, below);
    const double x = p.centre.x + side * (std::max(p.TextHalfWidth(), p.half) + 6);
    ctx.Add(bar.owner, bar.key, Poly({{ax, p.BottomAt(ax)}, {ax, y}, {x, y}}, ChildStroke({})),
            Part::ChildLine);
    return {x, y};
}

void DrawBar(SceneContext& ctx, Bar& bar) {
    const double s = ctx.s;
    auto depth = ctx.layout.sibshipDepth.find(bar.key);
    std::vector<const ChildLink*> all = bar.kids;
    all.insert(all.end(), bar.extras.begin(), bar.extras.end());
    const double row = MainRow(ctx, bar.kids.empty() ? bar.extras : bar.kids);
    bar.y = row - s / 2 - 30 -
            Layout::kSibshipStep * (depth == ctx.layout.sibshipDepth.end() ? 0 : depth->second);
    std::vector<double> xs;
    for (const ChildLink* c : all)
        xs.push_back(ctx.geometry.at(c->child).centre.x);
    Point drop = Drop(ctx, bar, xs);
    ctx.Add(bar.owner, bar.key, Poly({drop, {drop.x, bar.y}}, ChildStroke({})), Part::ChildLine);
    double lo = drop.x, hi = drop.x;

    // Children standing here: twins (and triplets) from one point.
    const auto& kids = bar.kids;
    for (std::size_t i = 0; i < kids.size();) {
        std::size_t j = i + 1;
        if (kids[i]->twinGroup != kNoId)
            while (j < kids.size() && kids[j]->twinGroup == kids[i]->twinGroup)
                ++j;
        double apex = 0;
        for (std::size_t k = i; k < j; ++k)
            apex += ctx.geometry.at(kids[k]->child).centre.x / static_cast<double>(j - i);
        lo = std::min(lo, apex), hi = std::max(hi, apex);
        std::vector<std::pair<Point, Point>> legs;
        for (std::size_t k = i; k < j; ++k) {
            PersonGeometry& g = ctx.geometry.at(kids[k]->child);
            Point top{g.centre.x, g.TopAt(g.centre.x)};
            Point from{j - i > 1 ? apex : g.centre.x, bar.y};
            ctx.Add(bar.owner, bar.key, Poly({from, top}, ChildStroke(kids[k]->kind)),
                    Part::ChildLine);
            g.linesAbove.push_back(g.centre.x);
            // A twin's slanted line passes over where the years stand.
            const double above = 16;
            if (top.y - from.y > above)
                g.linesAbove.push_back(top.x + (from.x - top.x) * above / (top.y - from.y));
            legs.push_back({from, top});
        }
        bool identical =
            j - i > 1 &&
            std::all_of(kids.begin() + static_cast<long>(i), kids.begin() + static_cast<long>(j),
                        [](const ChildLink* c) { return c->twinKind == TwinKind::Identical; });
        if (identical) {
            // Level: at one height on every leg, even when the symbols' tops
            // differ (the client's double outline stands taller).
            double reach = legs.front().second.y - legs.front().first.y;
            for (const auto& leg : legs)
                reach = std::min(reach, leg.second.y - leg.first.y);
            const double y = legs.front().first.y + reach * 0.45;
            auto xAt = [y](const std::pair<Point, Point>& leg) {
                const double dy = leg.second.y - leg.first.y;
                return dy > 0 ? leg.first.x + (leg.second.x - leg.first.x) * (y - leg.first.y) / dy
                              : leg.first.x;
            };
            ctx.Add(bar.owner, bar.key,
                    Poly({{xAt(legs.front()), y}, {xAt(legs.back()), y}}, ChildStroke({})),
                    Part::ChildLine);
        }
        i = j;
    }
    // Children standing elsewhere: into a point of their own on the symbol.
    for (const ChildLink* c : bar.extras) {
        PersonGeometry& g = ctx.geometry.at(c->child);
        double x = g.centre.x + (drop.x < g.centre.x ? -1 : 1) * g.half * 0.45;
        lo = std::min(lo, x), hi = std::max(hi, x);
        ctx.Add(bar.owner, bar.key, Poly({{x, bar.y}, {x, g.TopAt(x)}}, ChildStroke(c->kind)),
                Part::ChildLine);
        g.linesAbove.push_back(x);
    }
    if (hi > lo)
        ctx.Add(bar.owner, bar.key, Poly({{lo, bar.y}, {hi, bar.y}}, ChildStroke({})),
                Part::SibshipLine);
}

} // namespace

void AddChildLines(SceneContext& ctx) {
    std::map<Id, Bar> bars;
    auto barOf = [&](UnionId parents, PersonId single) -> Bar* {
        if (parents != kNoId && !ctx.dropFrom.count(parents))
            return nullptr;
        if (parents == kNoId && !ctx.geometry.count(single))
            return nullptr;
        Id key = parents != kNoId ? parents : single;
        Bar& b = bars[key];
        b.owner = parents != kNoId ? Owner::Union : Owner::Person;
        b.key = key;
        b.parents = parents;
        b.single = single;
        return &b;
    };
    for (const Sibship& sib : ctx.drawn.sibships)
        if (Bar* b = barOf(sib.parents, sib.single))
            for (const ChildLink* c : sib.children)
                if (ctx.geometry.count(c->child))
                    b->kids.push_back(c);
    for (const ExtraLink& e : ctx.drawn.extraLinks)
        if (Bar* b = barOf(e.parents, e.single); b && ctx.geometry.count(e.link->child))
            b->extras.push_back(e.link);
    for (auto& [key, bar] : bars)
        if (!bar.kids.empty() || !bar.extras.empty())
            DrawBar(ctx, bar);
}

} // namespace kartbok::genogram::detail
