#include "map/ScenePainter.h"
#include "common/Palette.h"

#include <wx/brush.h>
#include <wx/graphics.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace kartbok::app {

using namespace kartbok::genogram;

namespace {

wxColour ToWx(const Color& c) {
    return wxColour(c.r, c.g, c.b, c.a);
}

wxGraphicsPen MakePen(wxGraphicsContext& gc, const Stroke& s) {
    wxGraphicsPenInfo info(ToWx(s.color), s.width);
    switch (s.dash) {
    case DashStyle::Solid:
        break;
    case DashStyle::Dashed:
        info.Style(wxPENSTYLE_SHORT_DASH);
        break;
    case DashStyle::Dotted:
        info.Style(wxPENSTYLE_DOT);
        break;
    }
    info.Cap(wxCAP_BUTT).Join(wxJOIN_ROUND);
    return gc.CreatePen(info);
}

wxGraphicsPath PolyPath(wxGraphicsContext& gc, const std::vector<Point>& pts, bool closed) {
    wxGraphicsPath path = gc.CreatePath();
    if (pts.empty())
        return path;
    path.MoveToPoint(pts[0].x, pts[0].y);
    for (std::size_t i = 1; i < pts.size(); ++i)
        path.AddLineToPoint(pts[i].x, pts[i].y);
    if (closed)
        path.CloseSubpath();
    return path;
}

void FillAndStroke(wxGraphicsContext& gc, const wxGraphicsPath& path, const Stroke& stroke,
                   bool filled, const Color& fill) {
    if (filled) {
        gc.SetBrush(gc.CreateBrush(wxBrush(ToWx(fill))));
        gc.FillPath(path);
    }
    if (stroke.width > 0 && stroke.color.a > 0) {
        gc.SetPen(MakePen(gc, stroke));
        gc.StrokePath(path);
    }
}

/// Fonts are created once per size and weight per paint: a 200-person map has
/// hundreds of labels but only a handful of sizes. wx makes a graphics font at
/// whole pixels of the screen's resolution, where the scene measures text in
/// points (genogram::TextWidth): a 7.5 pt label came out a third smaller than
/// the scene laid it out. So each font is made large and drawn scaled to the
/// width the scene measured for it.
class FontCache {
public:
    explicit FontCache(wxGraphicsContext& gc) : m_gc(gc) {}
    /// Selects the font; returns the scale its text is drawn at.
    double Select(double size, bool bold, const Color& colour) {
        const auto key = std::make_tuple(size, bold, colour.r, colour.g, colour.b, colour.a);
        auto it = m_fonts.find(key);
        if (it == m_fonts.end()) {
            const int flags = bold ? wxFONTFLAG_BOLD : wxFONTFLAG_DEFAULT;
            const wxGraphicsFont font =
                m_gc.CreateFont(kMadeAt, "DejaVu Sans", flags, ToWx(colour));
            m_gc.SetFont(font);
            double w = 0, h = 0;
            m_gc.GetTextExtent(kSample, &w, &h);
            const double scale =
                w > 0 ? genogram::TextWidth(kSample, size, bold) / w : size / kMadeAt;
            it = m_fonts.emplace(key, std::pair{font, scale}).first;
        }
        m_gc.SetFont(it->second.first);
        return it->second.second;
    }

private:
    static constexpr double kMadeAt = 64;
    static constexpr const char* kSample = "Abcdefghij klmnopqrst 1234567890";
    wxGraphicsContext& m_gc;
    std::map<std::tuple<double, bool, int, int, int, int>, std::pair<wxGraphicsFont, double>>
        m_fonts;
};

void PaintText(wxGraphicsContext& gc, FontCache& fonts, TextExtentCache& extents,
               const TextShape& t) {
    if (t.text.empty())
        return;
    const double scale = fonts.Select(t.size, t.bold, t.color);
    const auto [w, ascent] = extents.Measure(gc, t, scale);
    double x = t.at.x;
    if (t.anchor == TextAnchor::Middle)
        x -= w / 2;
    else if (t.anchor == TextAnchor::End)
        x -= w;
    // The scene gives the baseline; DrawText wants the top.
    gc.PushState();
    gc.Translate(x, t.at.y - ascent);
    gc.Scale(scale, scale);
    gc.DrawText(wxString::FromUTF8(t.text), 0, 0);
    gc.PopState();
}

void PaintHighlightBox(wxGraphicsContext& gc, Point c, double side, const wxColour& colour) {
    const double pad = side * 0.22;
    const double s = side + 2 * pad;
    gc.SetPen(wxNullPen);
    gc.SetBrush(gc.CreateBrush(wxBrush(colour)));
    gc.DrawRoundedRectangle(c.x - s / 2, c.y - s / 2, s, s, side * 0.2);
}

} // namespace

std::pair<double, double> TextExtentCache::Measure(wxGraphicsContext& gc, const TextShape& t,
                                                   double scale) {
    auto key = std::make_tuple(t.text, t.size, t.bold);
    if (auto it = m_extents.find(key); it != m_extents.end())
        return it->second;
    if (m_extents.size() > 20000)
        m_extents.clear(); // typing leaves old labels behind; start over now and then
    double w = 0, h = 0, descent = 0, leading = 0;
    gc.GetTextExtent(wxString::FromUTF8(t.text), &w, &h, &descent, &leading);
    return m_extents.emplace(std::move(key), std::pair{w * scale, (h - descent) * scale})
        .first->second;
}

std::vector<Point> ClipToQuadrant(const std::vector<Point>& clip, Point centre, int quadrant,
                                  double radius) {
    // The quadrant as an axis-aligned box; Sutherland-Hodgman against its four edges.
    const double big = radius * 4 + 1;
    const double x0 = (quadrant % 2 == 0) ? centre.x - big : centre.x;
    const double x1 = (quadrant % 2 == 0) ? centre.x : centre.x + big;
    const double y0 = (quadrant < 2) ? centre.y - big : centre.y;
    const double y1 = (quadrant < 2) ? centre.y : centre.y + big;

    std::vector<Point> poly = clip;
    if (poly.empty()) {
        // No outline given: a circle of the radius stands in.
        constexpr int kSteps = 48;
        for (int i = 0; i < kSteps; ++i) {
            const double a = 2 * std::numbers::pi * i / kSteps;
            poly.push_back({centre.x + radius * std::cos(a), centre.y + radius * std::sin(a)});
        }
    }
    auto clipEdge = [&](auto inside, auto intersect) {
        std::vector<Point> out;
        for (std::size_t i = 0; i < poly.size(); ++i) {
            const Point cur = poly[i];
            const Point prev = poly[(i + poly.size() - 1) % poly.size()];
            const bool curIn = inside(cur), prevIn = inside(prev);
            if (curIn) {
                if (!prevIn)
                    out.push_back(intersect(prev, cur));
                out.push_back(cur);
            } else if (prevIn) {
                out.push_back(intersect(prev, cur));
            }
        }
        poly = std::move(out);
    };
    auto atX = [](double x) {
        return [x](Point a, Point b) {
            const double t = (x - a.x) / (b.x - a.x);
            return Point{x, a.y + t * (b.y - a.y)};
        };
    };
    auto atY = [](double y) {
        return [y](Point a, Point b) {
            const double t = (y - a.y) / (b.y - a.y);
            return Point{a.x + t * (b.x - a.x), y};
        };
    };
    clipEdge([x0](Point p) { return p.x >= x0; }, atX(x0));
    if (!poly.empty())
        clipEdge([x1](Point p) { return p.x <= x1; }, atX(x1));
    if (!poly.empty())
        clipEdge([y0](Point p) { return p.y >= y0; }, atY(y0));
    if (!poly.empty())
        clipEdge([y1](Point p) { return p.y <= y1; }, atY(y1));
    return poly;
}

namespace {
constexpr double kMinTextPixels = 3.0;

/// Whether an item may touch the visible rectangle (generous for text: its
/// width is not known before measuring).
bool MayBeVisible(const Shape& shape, const std::array<double, 4>& r) {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    auto box = [&](const std::vector<Point>& pts) {
        if (pts.empty())
            return false;
        x0 = x1 = pts[0].x;
        y0 = y1 = pts[0].y;
        for (const auto& p : pts) {
            x0 = std::min(x0, p.x);
            x1 = std::max(x1, p.x);
            y0 = std::min(y0, p.y);
            y1 = std::max(y1, p.y);
        }
        return true;
    };
    if (const auto* p = std::get_if<PathShape>(&shape)) {
        if (!box(p->points))
            return false;
        const double w = p->stroke.width;
        x0 -= w, y0 -= w, x1 += w, y1 += w;
    } else if (const auto* c = std::get_if<CircleShape>(&shape)) {
        x0 = c->centre.x - c->radius, x1 = c->centre.x + c->radius;
        y0 = c->centre.y - c->radius, y1 = c->centre.y + c->radius;
    } else if (const auto* q = std::get_if<QuadrantShape>(&shape)) {
        x0 = q->centre.x - q->radius, x1 = q->centre.x + q->radius;
        y0 = q->centre.y - q->radius, y1 = q->centre.y + q->radius;
    } else if (const auto* t = std::get_if<TextShape>(&shape)) {
        const double half = t->size * 0.7 * static_cast<double>(t->text.size());
        x0 = t->at.x - half, x1 = t->at.x + half;
        y0 = t->at.y - t->size * 1.5, y1 = t->at.y + t->size;
    }
    return x1 >= r[0] && x0 <= r[2] && y1 >= r[1] && y0 <= r[3];
}
} // namespace

void PaintScene(wxGraphicsContext& gc, const Scene& scene, const PaintView& view) {
    const PaintHighlights& highlights = view.highlights;
    TextExtentCache local;
    TextExtentCache& measured = view.extents ? *view.extents : local;
    gc.SetAntialiasMode(wxANTIALIAS_DEFAULT);
    gc.SetInterpolationQuality(wxINTERPOLATION_GOOD);

    // Selection and hover behind the symbols, so the notation itself stays untouched.
    if (highlights.hover != kNoId && !highlights.people.count(highlights.hover)) {
        if (auto it = scene.personCentres.find(highlights.hover); it != scene.personCentres.end())
            PaintHighlightBox(gc, it->second, scene.symbolSize, palette::kHoverFill);
    }
    for (PersonId id : highlights.people) {
        if (auto it = scene.personCentres.find(id); it != scene.personCentres.end())
            PaintHighlightBox(gc, it->second, scene.symbolSize, palette::kSelectionFill);
    }

    FontCache fonts(gc);
    for (const auto& item : scene.items) {
        if (view.visible && !MayBeVisible(item.shape, *view.visible))
            continue;
        const bool selectedLine = highlights.line != kNoId && item.id == highlights.line &&
                                  item.owner != SceneItem::Owner::Person &&
                                  item.owner != SceneItem::Owner::None;
        if (const auto* p = std::get_if<PathShape>(&item.shape)) {
            const auto path = PolyPath(gc, p->points, p->closed);
            if (selectedLine) {
                Stroke glow = p->stroke;
                glow.color = {60, 130, 230, 110};
                glow.width = p->stroke.width + 6;
                glow.dash = DashStyle::Solid;
                gc.SetPen(MakePen(gc, glow));
                gc.StrokePath(path);
            }
            FillAndStroke(gc, path, p->stroke, p->filled, p->fill);
        } else if (const auto* c = std::get_if<CircleShape>(&item.shape)) {
            wxGraphicsPath path = gc.CreatePath();
            path.AddCircle(c->centre.x, c->centre.y, c->radius);
            FillAndStroke(gc, path, c->stroke, c->filled, c->fill);
        } else if (const auto* q = std::get_if<QuadrantShape>(&item.shape)) {
            const auto poly = ClipToQuadrant(q->clip, q->centre, q->quadrant, q->radius);
            if (poly.size() >= 3) {
                gc.SetBrush(gc.CreateBrush(wxBrush(ToWx(q->fill))));
                gc.FillPath(PolyPath(gc, poly, true));
            }
        } else if (const auto* t = std::get_if<TextShape>(&item.shape)) {
            if (view.pixelsPerPoint <= 0 || t->size * view.pixelsPerPoint >= kMinTextPixels)
                PaintText(gc, fonts, measured, *t);
        }
    }
}

} // namespace kartbok::app
