// Family lines: union lines between partners (kind, separation slashes, event
// labels) and child lines hanging from them (biological, adopted, foster,
// twins meeting in one point).

#include "SceneInternal.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace kartbok::genogram::detail {
namespace {

using Owner = SceneItem::Owner;

PathShape Poly(std::vector<Point> pts, Stroke stroke) {
    PathShape p;
    p.points = std::move(pts);
    p.stroke = stroke;
    return p;
}

Stroke UnionStroke(UnionKind kind) {
    switch (kind) {
    case UnionKind::Marriage:
    case UnionKind::Engagement:
        return {Ink(), 1.6, DashStyle::Solid};
    case UnionKind::Cohabitation:
        return {Ink(), 1.6, DashStyle::Dashed};
    case UnionKind::Dating:
        return {Ink(), 1.6, DashStyle::Dotted};
    case UnionKind::Affair:
        return {{120, 40, 60, 255}, 1.6, DashStyle::Dotted};
    }
    return {Ink(), 1.6, DashStyle::Solid};
}

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

std::string EventText(UnionEventKind kind, int year, bool sv) {
    std::string y = std::to_string(year);
    switch (kind) {
    case UnionEventKind::Together:
        return (sv ? "fr. " : "from ") + y;
    case UnionEventKind::Married:
        return (sv ? "g. " : "m. ") + y;
    case UnionEventKind::Separated:
        return "sep. " + y;
    case UnionEventKind::Divorced:
        return (sv ? "sk. " : "d. ") + y;
    case UnionEventKind::Widowed:
        return (sv ? "änk. " : "wid. ") + y;
    case UnionEventKind::Reunited:
        return (sv ? "åter " : "reun. ") + y;
    }
    return y;
}

/// Up to two label lines: how the union began, and how it ended (if it did).
std::vector<std::string> UnionLabels(const Union& u, bool sv, double size, double room) {
    std::string start, end;
    const UnionEvent* married = nullptr;
    const UnionEvent* together = nullptr;
    for (const UnionEvent& e : u.events) {
        if (e.year == 0)
            continue;
        if (e.kind == UnionEventKind::Married && !married)
            married = &e;
        if (e.kind == UnionEventKind::Together && !together)
            together = &e;
    }
    if (married)
        start = EventText(married->kind, married->year, sv);
    else if (together)
        start = EventText(together->kind, together->year, sv);
    if (u.kind == UnionKind::Affair)
        start = (sv ? "affär" : "affair") +
                (together ? " " + std::to_string(together->year) : std::string());
    // How it ended: the latest event after the start (the slashes show separation vs divorce).
    for (const UnionEvent& e : u.events)
        if (e.year != 0 && e.kind != UnionEventKind::Married && e.kind != UnionEventKind::Together)
            end = EventText(e.kind, e.year, sv);
    std::vector<std::string> lines;
    for (const std::string& l : {start, end})
        if (!l.empty())
            lines.push_back(TextWidth(l, size) > room ? WrapText(l, size, room, 1).front() : l);
    return lines;
}

} // namespace

void AddFamilyLines(SceneContext& ctx) {
    const double s = ctx.s;
    // People per row, for routing around partners in between and for label room.
    std::map<double, std::vector<double>> rows;
    for (const auto& [id, g] : ctx.geometry)
        rows[g.centre.y].push_back(g.centre.x);
    for (auto& [y, xs] : rows)
        std::sort(xs.begin(), xs.end());

    std::map<UnionId, Point> dropFrom; // where each union's children hang from
    for (const OrientedUnion& o : ctx.drawn.unions) {
        auto ui = ctx.layout.unions.find(o.id);
        if (ui == ctx.layout.unions.end() || !ctx.geometry.count(o.left) ||
            !ctx.geometry.count(o.right))
            continue;
        const Union& u = *ctx.family.FindUnion(o.id);
        const PersonGeometry& L = ctx.geometry.at(o.left);
        const PersonGeometry& R = ctx.geometry.at(o.right);
        const double cy = L.centre.y, ux = ui->second.x;
        const auto& row = rows[cy];
        int between = 0;
        double leftN = -std::numeric_limits<double>::infinity(),
               rightN = std::numeric_limits<double>::infinity();
        for (double x : row) {
            if (x > std::min(L.centre.x, R.centre.x) + 1e-6 &&
                x < std::max(L.centre.x, R.centre.x) - 1e-6)
                ++between;
            if (x < ux)
                leftN = std::max(leftN, x);
            if (x > ux)
                rightN = std::min(rightN, x);
        }
        const double y = ctx.UnionLineY(cy, std::min(between, 3));
        Stroke stroke = UnionStroke(u.kind);
        ctx.Add(Owner::Union, o.id,
                Poly({{L.centre.x, L.centre.y + L.outerHalf},
                      {L.centre.x, y},
                      {R.centre.x, y},
                      {R.centre.x, R.centre.y + R.outerHalf}},
                     stroke));
        dropFrom[o.id] = {ux, y};

        // Event labels above the line, in the gap around the union point.
        const double labelSize = ctx.Font(7.5);
        const double room = std::max(20.0, (rightN - leftN) - s - 14);
        std::vector<std::string> labels = UnionLabels(u, ctx.swedish, labelSize, room);
        if (ctx.options.deidentify)
            labels.clear(); // years would identify; the line style still tells the story
        double labelHalf = 0;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            double baseline = y - 4 - labelSize * 1.15 * static_cast<double>(labels.size() - 1 - i);
            labelHalf = std::max(labelHalf, TextWidth(labels[i], labelSize) / 2);
            ctx.AddHaloText(
                Owner::Union, o.id,
                TextShape{
                    {ux, baseline}, labels[i], labelSize, false, TextAnchor::Middle, Grey(50)});
        }
        // Slashes (and the engagement ring) beside the labels and the child drop.
        bool hasChildren = std::any_of(ctx.drawn.sibships.begin(), ctx.drawn.sibships.end(),
                                       [&](const Sibship& sib) { return sib.parents == o.id; });
        double markX = ux;
        if (labelHalf > 0 || hasChildren) {
            double offset = std::max(labelHalf, 6.0) + 7;
            markX = ux + offset;
            if (markX + 6 > R.centre.x - R.half)
                markX = ux - offset;
        }
        Stroke slash{Ink(), 1.6, DashStyle::Solid};
        int slashes = u.Divorced() ? 2 : u.Separated() ? 1 : 0;
        for (int k = 0; k < slashes; ++k) {
            double x = markX + (slashes == 2 ? (k == 0 ? -2.5 : 2.5) : 0);
            ctx.Add(Owner::Union, o.id, Poly({{x - 3.5, y + 6}, {x + 3.5, y - 6}}, slash));
        }
        if (u.kind == UnionKind::Engagement) {
            CircleShape ring;
            ring.centre = {markX, y};
            ring.radius = 3.2;
            ring.stroke = {Ink(), 1.4, DashStyle::Solid};
            ring.filled = true;
            ring.fill = {255, 255, 255, 255};
            ctx.Add(Owner::Union, o.id, ring);
        }
    }

    // Children: a drop from the union, a bar above the children, a line to each.
    // Bars that would overlap on one row step up, so two families never share a bar.
    struct Bar {
        const Sibship* sib;
        std::vector<const ChildLink*> kids;
        double row = 0, minX = 0, maxX = 0;
        int level = 0;
    };
    std::vector<Bar> bars;
    for (const Sibship& sib : ctx.drawn.sibships) {
        Bar bar{&sib, {}, std::numeric_limits<double>::infinity(), 0, 0, 0};
        for (const ChildLink* c : sib.children)
            if (ctx.geometry.count(c->child)) {
                bar.kids.push_back(c);
                bar.row = std::min(bar.row, ctx.geometry.at(c->child).centre.y);
            }
        if (bar.kids.empty() || (sib.parents != kNoId && !dropFrom.count(sib.parents)))
            continue;
        double dropX = sib.parents != kNoId ? dropFrom[sib.parents].x
                                            : ctx.geometry.at(sib.single).centre.x +
                                                  ctx.geometry.at(sib.single).textWidth / 2 + 6;
        bar.minX = bar.maxX = dropX;
        for (const ChildLink* c : bar.kids) {
            bar.minX = std::min(bar.minX, ctx.geometry.at(c->child).centre.x);
            bar.maxX = std::max(bar.maxX, ctx.geometry.at(c->child).centre.x);
        }
        bars.push_back(std::move(bar));
    }
    std::sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) {
        return std::tie(a.row, a.minX, a.maxX) < std::tie(b.row, b.minX, b.maxX);
    });
    for (std::size_t i = 0; i < bars.size(); ++i)
        for (bool clash = true; clash;) {
            clash = false;
            for (std::size_t j = 0; j < i; ++j)
                if (bars[j].row == bars[i].row && bars[j].level == bars[i].level &&
                    bars[j].maxX + 8 > bars[i].minX && bars[i].maxX + 8 > bars[j].minX) {
                    ++bars[i].level;
                    clash = true;
                }
        }
    for (const Bar& bar : bars) {
        const Sibship& sib = *bar.sib;
        const std::vector<const ChildLink*>& kids = bar.kids;
        Owner owner = sib.parents != kNoId ? Owner::Union : Owner::Person;
        Id ownerId = sib.parents != kNoId ? sib.parents : sib.single;
        const double barY = bar.row - s / 2 - 20 - 8.0 * std::min(bar.level, 4);

        Point drop;
        if (sib.parents != kNoId) {
            drop = dropFrom[sib.parents];
        } else {
            // One known parent: leave the symbol sideways so the line misses the name below it.
            const PersonGeometry& parent = ctx.geometry.at(sib.single);
            double side = parent.centre.x + parent.textWidth / 2 + 6;
            ctx.Add(owner, ownerId,
                    Poly({{parent.centre.x + parent.outerHalf, parent.centre.y},
                          {side, parent.centre.y}},
                         ChildStroke(ChildKind::Biological)));
            drop = {side, parent.centre.y};
        }
        ctx.Add(owner, ownerId, Poly({drop, {drop.x, barY}}, ChildStroke(ChildKind::Biological)));

        double minX = drop.x, maxX = drop.x;
        for (std::size_t i = 0; i < kids.size();) {
            std::size_t j = i + 1;
            if (kids[i]->twinGroup != kNoId)
                while (j < kids.size() && kids[j]->twinGroup == kids[i]->twinGroup)
                    ++j;
            double apex = 0;
            for (std::size_t k = i; k < j; ++k)
                apex += ctx.geometry.at(kids[k]->child).centre.x;
            apex /= static_cast<double>(j - i);
            minX = std::min(minX, apex);
            maxX = std::max(maxX, apex);
            std::vector<std::pair<Point, Point>> legs;
            for (std::size_t k = i; k < j; ++k) {
                const PersonGeometry& g = ctx.geometry.at(kids[k]->child);
                Point top{g.centre.x,
                          g.centre.y -
                              (g.person->kind == PersonKind::Pregnancy ? g.half : g.outerHalf)};
                Point from{j - i > 1 ? apex : g.centre.x, barY};
                ctx.Add(owner, ownerId, Poly({from, top}, ChildStroke(kids[k]->kind)));
                legs.push_back({from, top});
            }
            // Identical twins: a bar joining their lines.
            bool identical = j - i > 1 && std::all_of(kids.begin() + static_cast<long>(i),
                                                      kids.begin() + static_cast<long>(j),
                                                      [](const ChildLink* c) {
                                                          return c->twinKind == TwinKind::Identical;
                                                      });
            if (identical) {
                auto at = [](const std::pair<Point, Point>& leg, double t) {
                    return Point{leg.first.x + (leg.second.x - leg.first.x) * t,
                                 leg.first.y + (leg.second.y - leg.first.y) * t};
                };
                ctx.Add(owner, ownerId,
                        Poly({at(legs.front(), 0.45), at(legs.back(), 0.45)},
                             ChildStroke(ChildKind::Biological)));
            }
            i = j;
        }
        if (maxX > minX)
            ctx.Add(owner, ownerId,
                    Poly({{minX, barY}, {maxX, barY}}, ChildStroke(ChildKind::Biological)));
    }
}

} // namespace kartbok::genogram::detail
