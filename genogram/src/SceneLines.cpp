// Couple lines: from each partner's symbol down and across, kind by line
// style, the current state by slashes, every event printed in date order
// above the line, consanguineous couples doubled. A person with several
// partners has each line leave the symbol at its own point and run at its own
// depth, a step below the nearer partner's, so lines never lie on each other.

#include "SceneInternal.h"
#include "kartbok/genogram/UnionEvents.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace kartbok::genogram::detail {
namespace {

using Owner = SceneItem::Owner;
using Part = SceneItem::Part;

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

/// "g. 1976", "sk. 1985"; without the year on a de-identified map.
std::string EventText(UnionEventKind kind, int year, bool sv, bool withYear) {
    std::string word;
    switch (kind) {
    case UnionEventKind::Met:
        word = sv ? "möttes" : "met";
        break;
    case UnionEventKind::Together:
        word = sv ? "sambo" : "LT";
        break;
    case UnionEventKind::Engaged:
        word = sv ? "förl." : "eng.";
        break;
    case UnionEventKind::Married:
        word = sv ? "g." : "m.";
        break;
    case UnionEventKind::Separated:
        word = "sep.";
        break;
    case UnionEventKind::Divorced:
        word = sv ? "sk." : "d.";
        break;
    case UnionEventKind::Widowed:
        word = sv ? "änka/änkl." : "wid.";
        break;
    case UnionEventKind::Reunited:
        word = sv ? "åter" : "reun.";
        break;
    }
    return withYear && year != 0 ? word + " " + std::to_string(year) : word;
}

/// Every event in date order, wrapped into the room between the partners.
std::vector<std::string> UnionLabels(const Union& u, bool sv, bool withYears, double size,
                                     double room) {
    std::vector<UnionEvent> events = u.events;
    SortEvents(events);
    std::string text;
    const std::string affair = sv ? "affär" : "affair";
    bool named = u.kind != UnionKind::Affair;
    for (const UnionEvent& e : events) {
        std::string t = EventText(e.kind, e.year, sv, withYears);
        if (!named && e.kind == UnionEventKind::Together) { // "affär 2021", not "affär, sambo 2021"
            t = affair + (withYears && e.year != 0 ? " " + std::to_string(e.year) : "");
            named = true;
        }
        text += (text.empty() ? "" : ", ") + t;
    }
    if (!named)
        text = affair + (text.empty() ? "" : ", " + text);
    // Break only after a comma, so "g. 1976" never splits from its year.
    std::vector<std::string> parts, lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || (text[i] == ' ' && i > 0 && text[i - 1] == ',')) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    for (const std::string& part : parts) {
        if (part.empty())
            continue;
        if (!lines.empty() && TextWidth(lines.back() + " " + part, size) <= room)
            lines.back() += " " + part;
        else
            lines.push_back(part);
    }
    for (std::string& l : lines)
        if (TextWidth(l, size) > room)
            l = WrapText(l, size, room, 1).front();
    if (lines.size() > 5) {
        lines.resize(5);
        lines.back() = WrapText(lines.back() + " \u2026", size, room, 1).front();
    }
    return lines;
}

struct Couple {
    const OrientedUnion* o = nullptr;
    const Union* u = nullptr;
    double cy = 0, ax = 0, bx = 0; ///< row, attach x on the left and right partner
    int level = 0;
};

/// Each person's lines leave at their own points: the farther the partner,
/// the nearer the centre (so lines nest instead of crossing); one line
/// alone leaves from the middle.
void AttachPoints(SceneContext& ctx) {
    std::map<PersonId, std::vector<std::pair<double, Id>>> lines; // signed distance, key
    for (const OrientedUnion& o : ctx.drawn.unions) {
        if (!ctx.geometry.count(o.left) || !ctx.geometry.count(o.right))
            continue;
        double d = ctx.geometry.at(o.right).centre.x - ctx.geometry.at(o.left).centre.x;
        lines[o.left].push_back({d, o.id});
        lines[o.right].push_back({-d, o.id});
    }
    for (const Sibship& sib : ctx.drawn.sibships)
        if (sib.single != kNoId && ctx.geometry.count(sib.single)) {
            double mean = 0;
            for (const ChildLink* c : sib.children)
                if (ctx.geometry.count(c->child))
                    mean += ctx.geometry.at(c->child).centre.x / sib.children.size();
            double side = mean >= ctx.geometry.at(sib.single).centre.x ? 1e-3 : -1e-3;
            lines[sib.single].push_back({side, sib.single});
        }
    for (auto& [person, list] : lines) {
        const PersonGeometry& g = ctx.geometry.at(person);
        if (list.size() == 1) {
            ctx.attachX[person][list.front().second] = g.centre.x;
            continue;
        }
        for (int sign : {-1, 1}) {
            std::vector<std::pair<double, Id>> side;
            for (const auto& l : list)
                if ((l.first > 0) == (sign > 0))
                    side.push_back(l);
            std::sort(side.begin(), side.end(),
                      [](auto& a, auto& b) { return std::abs(a.first) > std::abs(b.first); });
            for (std::size_t i = 0; i < side.size(); ++i) {
                double t = side.size() == 1 ? 0.5 : static_cast<double>(i) / (side.size() - 1);
                double off = g.half * (0.2 + 0.55 * t); // farthest innermost
                if (side.size() > 3) // many partners: one trunk, the lines branch off it
                    off = g.half * 0.5;
                ctx.attachX[person][side[i].second] = g.centre.x + sign * off;
            }
        }
    }
}

void DrawCouple(SceneContext& ctx, const Couple& c,
                const std::map<double, std::vector<double>>& rows) {
    const OrientedUnion& o = *c.o;
    const Union& u = *c.u;
    const PersonGeometry& L = ctx.geometry.at(o.left);
    const PersonGeometry& R = ctx.geometry.at(o.right);
    const double y = ctx.UnionLineY(c.cy, c.level);
    const double ux = ctx.layout.unions.at(o.id).x;
    Stroke stroke = UnionStroke(u.kind);
    ctx.Add(
        Owner::Union, o.id,
        Poly({{c.ax, L.BottomAt(c.ax)}, {c.ax, y}, {c.bx, y}, {c.bx, R.BottomAt(c.bx)}}, stroke),
        Part::CoupleLine);
    if (u.consanguineous) // blood relatives: a second line just below
        ctx.Add(Owner::Union, o.id, Poly({{c.ax, y + 3}, {c.bx, y + 3}}, stroke), Part::CoupleLine);
    ctx.dropFrom[o.id] = {ux, y + (u.consanguineous ? 3 : 0)};

    // Events above the line, in the gap between the symbols around the union point.
    const auto& row = rows.at(c.cy);
    double leftN = -std::numeric_limits<double>::infinity(), rightN = -leftN;
    for (double x : row) {
        if (x <= ux)
            leftN = std::max(leftN, x);
        if (x >= ux)
            rightN = std::min(rightN, x);
    }
    const double labelSize = ctx.Font(7.5);
    const double room = std::max(20.0, (rightN - leftN) - ctx.s - 10);
    std::vector<std::string> labels =
        UnionLabels(u, ctx.swedish, !ctx.options.deidentify, labelSize, room);
    double labelHalf = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        // Above the line: the lines of nearer partners end before this point.
        double baseline = y - 4 - labelSize * 1.15 * static_cast<double>(labels.size() - 1 - i);
        labelHalf = std::max(labelHalf, TextWidth(labels[i], labelSize) / 2);
        ctx.AddLabel(
            Owner::Union, o.id,
            TextShape{{ux, baseline}, labels[i], labelSize, false, TextAnchor::Middle, Grey(50)},
            true);
    }
    // Slashes (and the engagement ring) beside the labels and the child drop.
    bool hasChildren = std::any_of(ctx.drawn.sibships.begin(), ctx.drawn.sibships.end(),
                                   [&](const Sibship& sib) { return sib.parents == o.id; });
    double markX = ux;
    if (labelHalf > 0 || hasChildren) {
        double offset = std::max(labelHalf, 6.0) + 7;
        markX = ux + offset;
        if (markX + 6 > c.bx)
            markX = ux - offset;
    }
    CoupleState state = StateOf(u);
    int slashes = state == CoupleState::Divorced ? 2 : state == CoupleState::Separated ? 1 : 0;
    for (int k = 0; k < slashes; ++k) {
        double x = markX + (slashes == 2 ? (k == 0 ? -2.5 : 2.5) : 0);
        ctx.Add(Owner::Union, o.id, Poly({{x - 3.5, y + 6}, {x + 3.5, y - 6}}, {Ink(), 1.6}),
                Part::CoupleLine);
    }
    if (u.kind == UnionKind::Engagement) {
        CircleShape ring{{markX, y}, 3.2, {Ink(), 1.4}, true, {255, 255, 255, 255}};
        ctx.Add(Owner::Union, o.id, ring, Part::CoupleLine);
    }
}

} // namespace

void AddCoupleLines(SceneContext& ctx) {
    std::map<double, std::vector<double>> rows; // people per row, for label room
    for (const auto& [id, g] : ctx.geometry)
        rows[g.centre.y].push_back(g.centre.x);
    AttachPoints(ctx);
    std::vector<Couple> couples;
    for (const OrientedUnion& o : ctx.drawn.unions) {
        if (!ctx.layout.unions.count(o.id) || !ctx.geometry.count(o.left) ||
            !ctx.geometry.count(o.right))
            continue;
        Couple c;
        c.o = &o;
        c.u = ctx.family.FindUnion(o.id);
        c.cy = ctx.geometry.at(o.left).centre.y;
        c.ax = ctx.attachX[o.left][o.id];
        c.bx = ctx.attachX[o.right][o.id];
        couples.push_back(c);
    }
    for (Couple& c : couples) {
        auto depth = ctx.layout.coupleDepth.find(c.o->id);
        c.level = depth == ctx.layout.coupleDepth.end() ? 0 : depth->second;
    }
    for (const Couple& c : couples)
        DrawCouple(ctx, c, rows);
}

} // namespace kartbok::genogram::detail
