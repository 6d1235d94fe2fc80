// BuildScene: turns family + layout into one painter-neutral drawing. The
// passes live in SceneSymbols.cpp, SceneLines.cpp, SceneChildren.cpp,
// SceneRelations.cpp (with SceneRoute.cpp and ScenePatterns.cpp),
// SceneHouseholds.cpp and SceneLegend.cpp; this file holds the shared text,
// path and colour helpers.

#include "SceneInternal.h"
#include "kartbok/genogram/Roles.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace kartbok::genogram {
namespace detail {
namespace {

/// Decodes one UTF-8 code point starting at i (advances i). Bad bytes count as one char.
char32_t NextCodePoint(const std::string& s, std::size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 0;
    char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    ++i;
    for (int k = 0; k < extra && i < s.size(); ++k, ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    return cp;
}

/// Advance widths of DejaVu Sans in em, by character class.
double Advance(char32_t c) {
    if (c == ' ' || c == '.' || c == ',' || c == ':' || c == ';' || c == '\'' || c == '|' ||
        c == 'i' || c == 'j' || c == 'l' || c == '!')
        return 0.30;
    if (c == 'f' || c == 't' || c == 'r' || c == 'I' || c == '(' || c == ')' || c == '-')
        return 0.40;
    if (c == 'm' || c == 'w' || c == 'M' || c == 'W')
        return 0.92;
    if (c >= 'A' && c <= 'Z')
        return 0.70;
    if (c == 0x2013 || c == 0x2014)
        return 0.6;
    if (c == 0x2026)
        return 1.0;
    if (c == 0xC5 || c == 0xC4 || c == 0xD6)
        return 0.72; // Å Ä Ö
    if (c >= '0' && c <= '9')
        return 0.64; // DejaVu Sans digits are 0.636 em: years and ages are mostly digits
    return 0.60;
}

} // namespace

double TextWidth(const std::string& utf8, double size, bool bold) {
    return genogram::TextWidth(utf8, size, bold);
}

namespace {
/// Cuts whole code points off the end until text + "…" fits.
std::string Ellipsize(const std::string& text, double size, double maxWidth) {
    const std::string ellipsis = "\u2026";
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size();) {
        starts.push_back(i);
        NextCodePoint(text, i);
    }
    std::size_t keep = starts.size();
    auto prefix = [&](std::size_t k) {
        return k < starts.size() ? text.substr(0, starts[k]) : text;
    };
    while (keep > 1 && TextWidth(prefix(keep) + ellipsis, size) > maxWidth)
        --keep;
    std::string base = prefix(keep);
    while (!base.empty() && (base.back() == ' ' || base.back() == ','))
        base.pop_back();
    return base + ellipsis;
}
} // namespace

std::vector<std::string> WrapText(const std::string& utf8, double size, double maxWidth,
                                  int maxLines) {
    std::vector<std::string> words;
    std::string word;
    for (char c : utf8) {
        if (c == ' ' || c == '\n' || c == '\t') {
            if (!word.empty())
                words.push_back(std::move(word)), word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty())
        words.push_back(word);
    std::vector<std::string> lines;
    std::string line;
    bool truncated = false;
    for (std::size_t w = 0; w < words.size(); ++w) {
        std::string candidate = line.empty() ? words[w] : line + " " + words[w];
        if (TextWidth(candidate, size) <= maxWidth || line.empty()) {
            line = candidate;
            continue;
        }
        lines.push_back(line);
        line = words[w];
        if (static_cast<int>(lines.size()) == maxLines) {
            truncated = true;
            line.clear();
            break;
        }
    }
    if (!line.empty()) {
        if (static_cast<int>(lines.size()) < maxLines)
            lines.push_back(line);
        else
            truncated = true;
    }
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (TextWidth(lines[i], size) > maxWidth || (truncated && i + 1 == lines.size()))
            lines[i] = Ellipsize(lines[i], size, maxWidth);
    return lines;
}

PathShape Poly(std::vector<Point> pts, Stroke stroke) {
    PathShape p;
    p.points = std::move(pts);
    p.stroke = stroke;
    return p;
}

double PathLength(const std::vector<Point>& p) {
    double l = 0;
    for (std::size_t i = 1; i < p.size(); ++i)
        l += Hypot(p[i].x - p[i - 1].x, p[i].y - p[i - 1].y);
    return l;
}

void AppendRoundedCorner(std::vector<Point>& out, Point prev, Point corner, Point next,
                         double radius, int steps) {
    const Point c = corner;
    double lp = std::hypot(c.x - prev.x, c.y - prev.y), ln = std::hypot(next.x - c.x, next.y - c.y);
    if (lp < 1e-6 || ln < 1e-6)
        return;
    double r = std::min({radius, lp / 2, ln / 2});
    Point a{c.x + (prev.x - c.x) / lp * r, c.y + (prev.y - c.y) / lp * r};
    Point b{c.x + (next.x - c.x) / ln * r, c.y + (next.y - c.y) / ln * r};
    for (int k = 0; k <= steps; ++k) {
        double t = k / static_cast<double>(steps), u = 1 - t;
        out.push_back({u * u * a.x + 2 * u * t * c.x + t * t * b.x,
                       u * u * a.y + 2 * u * t * c.y + t * t * b.y});
    }
}

Color Ink() {
    return {28, 28, 32, 255};
}
Color Grey(std::uint8_t level) {
    return {level, level, level, 255};
}

Color RelationColor(RelationKind kind) {
    switch (kind) {
    case RelationKind::Close:
        return {46, 125, 50, 255};
    case RelationKind::Fused:
        return {27, 94, 32, 255};
    case RelationKind::Distant:
        return {84, 110, 122, 255};
    case RelationKind::Conflict:
        return {198, 40, 40, 255};
    case RelationKind::CloseConflict:
        return {216, 100, 0, 255};
    case RelationKind::CutOff:
        return {55, 71, 79, 255};
    case RelationKind::CutOffRepaired:
        return {0, 131, 143, 255};
    case RelationKind::FocusedOn:
        return {21, 101, 192, 255};
    case RelationKind::PhysicalAbuse:
        return {183, 28, 28, 255};
    case RelationKind::SexualAbuse:
        return {106, 27, 154, 255};
    case RelationKind::EmotionalAbuse:
        return {191, 54, 12, 255};
    case RelationKind::Neglect:
        return {93, 64, 55, 255};
    case RelationKind::Hostile:
        return {160, 20, 20, 255};
    case RelationKind::DistantHostile:
        return {120, 60, 60, 255};
    case RelationKind::FusedHostile:
        return {140, 30, 70, 255};
    }
    return Ink();
}

std::string RelationLetter(RelationKind kind, bool sv) {
    switch (kind) {
    case RelationKind::PhysicalAbuse:
        return "F";
    case RelationKind::SexualAbuse:
        return "S";
    case RelationKind::EmotionalAbuse:
        return sv ? "P" : "E";
    default:
        return {};
    }
}

bool HasArrow(RelationKind k) {
    return k == RelationKind::FocusedOn || k == RelationKind::PhysicalAbuse ||
           k == RelationKind::SexualAbuse || k == RelationKind::EmotionalAbuse ||
           k == RelationKind::Neglect;
}

Color ConditionColor(int quadrant) {
    switch (quadrant) {
    case 0:
        return {74, 111, 165, 255}; // illness: blue, mid grey in print
    case 1:
        return {178, 58, 58, 255}; // substance use: red, darker grey
    case 2:
        return {230, 170, 60, 255}; // mental health: amber, light grey
    default:
        return {40, 40, 48, 255}; // the problem behaviour: near black
    }
}

void SceneContext::AddHaloText(SceneItem::Owner owner, Id id, TextShape text, double padX,
                               double padY) {
    const Box b = TextBounds(text);
    PathShape halo;
    halo.points = {{b.left - padX, b.top - padY},
                   {b.right + padX, b.top - padY},
                   {b.right + padX, b.bottom + padY},
                   {b.left - padX, b.bottom + padY}};
    halo.closed = true;
    halo.filled = true;
    halo.fill = {255, 255, 255, 230};
    halo.stroke = {{255, 255, 255, 0}, 0, DashStyle::Solid};
    Add(owner, id, halo, SceneItem::Part::Backdrop);
    Add(owner, id, std::move(text), SceneItem::Part::Label);
}

void SceneContext::AddLabel(SceneItem::Owner owner, Id id, TextShape text, bool halo) {
    AddObstacle(TextBounds(text), owner == SceneItem::Owner::Relation ? kNoId : id);
    if (halo)
        AddHaloText(owner, id, std::move(text));
    else
        Add(owner, id, std::move(text), SceneItem::Part::Label);
}

std::vector<std::vector<Point>> Hatch(const std::vector<Point>& outline, Point c, int quadrant,
                                      double r) {
    // The quadrant's square, then each diagonal clipped to it and to the
    // (convex) outline by the parametric line-against-half-plane method.
    const double x0 = quadrant % 2 == 0 ? c.x - r : c.x, y0 = quadrant < 2 ? c.y - r : c.y;
    std::vector<Point> square{{x0, y0}, {x0 + r, y0}, {x0 + r, y0 + r}, {x0, y0 + r}};
    auto clip = [](const std::vector<Point>& poly, Point& a, Point& b) {
        double t0 = 0, t1 = 1;
        double area = 0; // orientation of the polygon
        for (std::size_t i = 0; i < poly.size(); ++i) {
            const Point& p = poly[i];
            const Point& q = poly[(i + 1) % poly.size()];
            area += p.x * q.y - q.x * p.y;
        }
        for (std::size_t i = 0; i < poly.size(); ++i) {
            const Point& p = poly[i];
            const Point& q = poly[(i + 1) % poly.size()];
            double nx = area > 0 ? -(q.y - p.y) : (q.y - p.y);
            double ny = area > 0 ? (q.x - p.x) : -(q.x - p.x); // inward normal
            double num = nx * (a.x - p.x) + ny * (a.y - p.y);
            double den = nx * (b.x - a.x) + ny * (b.y - a.y);
            if (std::abs(den) < 1e-12) {
                if (num < 0)
                    return false;
                continue;
            }
            double t = -num / den;
            if (den > 0)
                t0 = std::max(t0, t);
            else
                t1 = std::min(t1, t);
        }
        if (t0 >= t1)
            return false;
        Point a2{a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0};
        Point b2{a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1};
        a = a2;
        b = b2;
        return true;
    };
    std::vector<std::vector<Point>> out;
    const double step = std::max(2.5, r / 4.5);
    for (double k = -2 * r; k <= 2 * r; k += step) {
        Point a{x0 + k, y0 + r}, b{x0 + k + r, y0}; // a 45 degree line through the square
        if (clip(square, a, b) && clip(outline, a, b))
            out.push_back({a, b});
    }
    return out;
}

} // namespace detail

double TextWidth(const std::string& utf8, double size, bool bold) {
    double em = 0;
    for (std::size_t i = 0; i < utf8.size();)
        em += detail::Advance(detail::NextCodePoint(utf8, i));
    return em * size * (bold ? 1.08 : 1.0);
}

Box TextBounds(const TextShape& t) {
    double w = TextWidth(t.text, t.size, t.bold);
    double left = t.anchor == TextAnchor::Start ? t.at.x
                  : t.anchor == TextAnchor::End ? t.at.x - w
                                                : t.at.x - w / 2;
    return {left, t.at.y - t.size * 0.78, left + w, t.at.y + t.size * 0.22};
}

namespace {

/// Moves a drawing whose relations pass its top or left edge (a route
/// around a crowded map) down and right until everything is on it.
void ShiftIntoView(Scene& scene) {
    double minX = 0, minY = 0;
    auto see = [&](double x, double y) { minX = std::min(minX, x), minY = std::min(minY, y); };
    for (const SceneItem& item : scene.items)
        std::visit(
            [&](const auto& s) {
                using T = std::decay_t<decltype(s)>;
                if constexpr (std::is_same_v<T, PathShape>) {
                    for (const Point& p : s.points)
                        see(p.x - s.stroke.width, p.y - s.stroke.width);
                } else if constexpr (std::is_same_v<T, CircleShape>) {
                    see(s.centre.x - s.radius - 1, s.centre.y - s.radius - 1);
                } else if constexpr (std::is_same_v<T, TextShape>) {
                    const Box b = TextBounds(s);
                    see(b.left, b.top);
                }
            },
            item.shape);
    if (minX >= 0 && minY >= 0)
        return;
    const double dx = minX < 0 ? 4 - minX : 0, dy = minY < 0 ? 4 - minY : 0;
    auto move = [&](Point& p) { p.x += dx, p.y += dy; };
    for (SceneItem& item : scene.items)
        std::visit(
            [&](auto& s) {
                using T = std::decay_t<decltype(s)>;
                if constexpr (std::is_same_v<T, PathShape>) {
                    for (Point& p : s.points)
                        move(p);
                } else if constexpr (std::is_same_v<T, QuadrantShape>) {
                    move(s.centre);
                    for (Point& p : s.clip)
                        move(p);
                } else if constexpr (std::is_same_v<T, CircleShape>) {
                    move(s.centre);
                } else {
                    move(s.at);
                }
            },
            item.shape);
    for (auto& [id, c] : scene.personCentres)
        move(c);
    scene.size.width += dx;
    scene.size.height += dy;
}

} // namespace

LayoutOptions LayoutOptionsFor(const SceneOptions& options) {
    LayoutOptions o;
    const double scale = std::max(1.0, options.fontScale);
    o.minGap *= scale;
    o.rankGap += 90 * (scale - 1);
    return o;
}

Scene BuildScene(const Family& family, const Layout& layout, const SceneOptions& options) {
    Scene scene;
    scene.symbolSize = layout.symbolSize;
    bool placeholders = false;
    for (const Person& p : family.people)
        placeholders |= p.placeholder && layout.people.count(p.id);
    detail::SceneContext ctx(family, layout, options, scene,
                             detail::AnalyseFamily(family, placeholders));
    ctx.s = layout.symbolSize;
    ctx.swedish = options.language != "en";
    ctx.currentYear = options.currentYear;
    if (ctx.currentYear == 0) {
        auto today = std::chrono::year_month_day(
            std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
        ctx.currentYear = static_cast<int>(today.year());
    }
    if (options.deidentify) {
        if (auto index = family.IndexPerson())
            ctx.roles = RoleNames(family, *index, ctx.swedish ? "sv" : "en");
        else
            ctx.roles = RoleNames(family, kNoId, ctx.swedish ? "sv" : "en");
    }
    scene.size = layout.bounds;
    detail::ComputeGeometry(ctx);
    for (const auto& [id, g] : ctx.geometry)
        scene.personCentres[id] = g.centre;

    // Made in the order lines, symbols (with every label), relations (routed
    // around the labels); painted households, lines, relations, symbols, legend.
    ctx.out = &ctx.lines;
    detail::AddCoupleLines(ctx);
    detail::AddChildLines(ctx);
    detail::AddHops(ctx.lines);
    ctx.out = &ctx.symbols;
    detail::AddSymbols(ctx);
    detail::ReserveHouseholdLabels(ctx);
    ctx.out = &ctx.relations;
    if (options.relations)
        detail::AddRelations(ctx);
    scene.items = detail::HouseholdItems(ctx);
    for (auto* part : {&ctx.lines, &ctx.relations, &ctx.symbols})
        scene.items.insert(scene.items.end(), part->begin(), part->end());
    ctx.out = &scene.items;
    if (options.legend)
        detail::AddLegend(ctx);
    ShiftIntoView(scene);
    return scene;
}

} // namespace kartbok::genogram
