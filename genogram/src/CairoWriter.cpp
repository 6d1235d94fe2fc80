#include "kartbok/genogram/CairoWriter.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace kartbok::genogram {
namespace {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct LayoutDeleter {
    void operator()(PangoLayout* l) const { g_object_unref(l); }
};
struct FontDeleter {
    void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

void SetColor(cairo_t* cr, const Color& c) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

void SetStroke(cairo_t* cr, const Stroke& s) {
    SetColor(cr, s.color);
    cairo_set_line_width(cr, s.width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    if (s.dash == DashStyle::Dashed) {
        const double d[] = {6, 4};
        cairo_set_dash(cr, d, 2, 0);
    } else if (s.dash == DashStyle::Dotted) {
        const double d[] = {1, 2 + s.width};
        cairo_set_dash(cr, d, 2, 0);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    } else {
        cairo_set_dash(cr, nullptr, 0, 0);
    }
}

void FillAndStroke(cairo_t* cr, bool filled, const Color& fill, const Stroke& stroke) {
    if (filled && fill.a > 0) {
        SetColor(cr, fill);
        cairo_fill_preserve(cr);
    }
    if (stroke.width > 0 && stroke.color.a > 0) {
        SetStroke(cr, stroke);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
}

void TracePath(cairo_t* cr, const std::vector<Point>& pts, bool closed) {
    for (std::size_t i = 0; i < pts.size(); ++i)
        (i == 0 ? cairo_move_to : cairo_line_to)(cr, pts[i].x, pts[i].y);
    if (closed)
        cairo_close_path(cr);
}

void PaintText(cairo_t* cr, const TextShape& t) {
    std::unique_ptr<PangoLayout, LayoutDeleter> layout(pango_cairo_create_layout(cr));
    std::unique_ptr<PangoFontDescription, FontDeleter> font(
        pango_font_description_from_string("DejaVu Sans"));
    pango_font_description_set_absolute_size(font.get(), t.size * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), t.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_text(layout.get(), t.text.c_str(), -1); // pango validates UTF-8 itself
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    double width = static_cast<double>(logical.width) / PANGO_SCALE;
    double baseline = static_cast<double>(pango_layout_get_baseline(layout.get())) / PANGO_SCALE;
    double x = t.anchor == TextAnchor::Start ? t.at.x
               : t.anchor == TextAnchor::End ? t.at.x - width
                                             : t.at.x - width / 2;
    SetColor(cr, t.color);
    cairo_move_to(cr, x, t.at.y - baseline);
    pango_cairo_show_layout(cr, layout.get());
    cairo_new_path(cr);
}

/// Scale and offset that fit a scene inside a page's margins, centred.
struct Fit {
    double scale = 1, dx = 0, dy = 0;
};
Fit FitTo(const Scene& scene, const Page& page) {
    const double w = std::max(1.0, scene.size.width), h = std::max(1.0, scene.size.height);
    const double aw = std::max(1.0, page.width - 2 * page.margin);
    const double ah = std::max(1.0, page.height - 2 * page.margin);
    Fit f;
    f.scale = std::min({aw / w, ah / h, 2.0});
    f.dx = (page.width - w * f.scale) / 2;
    f.dy = (page.height - h * f.scale) / 2;
    return f;
}

void Paint(cairo_t* cr, const Scene& scene) {
    // Metrics independent of the output device, so PDF and PNG wrap alike.
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(cr, fo);
    cairo_font_options_destroy(fo);

    for (const SceneItem& item : scene.items) {
        if (const auto* p = std::get_if<PathShape>(&item.shape)) {
            if (p->points.size() < 2)
                continue;
            TracePath(cr, p->points, p->closed);
            FillAndStroke(cr, p->filled, p->fill, p->stroke);
        } else if (const auto* c = std::get_if<CircleShape>(&item.shape)) {
            cairo_new_sub_path(cr);
            cairo_arc(cr, c->centre.x, c->centre.y, c->radius, 0, 2 * M_PI);
            FillAndStroke(cr, c->filled, c->fill, c->stroke);
        } else if (const auto* q = std::get_if<QuadrantShape>(&item.shape)) {
            cairo_save(cr);
            TracePath(cr, q->clip, true);
            cairo_clip(cr);
            double x = q->quadrant % 2 == 0 ? q->centre.x - q->radius : q->centre.x;
            double y = q->quadrant < 2 ? q->centre.y - q->radius : q->centre.y;
            cairo_rectangle(cr, x, y, q->radius, q->radius);
            SetColor(cr, q->fill);
            cairo_fill(cr);
            cairo_restore(cr);
        } else if (const auto* t = std::get_if<TextShape>(&item.shape)) {
            PaintText(cr, *t);
        }
    }
}

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::vector<unsigned char>*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

void Check(cairo_status_t status, const std::string& what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw RenderError(what + ": " + cairo_status_to_string(status));
}

double Dim(double v) {
    return std::max(1.0, std::isfinite(v) ? v : 1.0);
}

/// Paints the scene onto a surface of w x h device units, after `transform`
/// (scale and offset from scene points), on white.
void PaintOnto(cairo_surface_t* surface, const Scene& scene, double scale, double dx, double dy) {
    ContextPtr cr(cairo_create(surface));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_translate(cr.get(), dx, dy);
    cairo_scale(cr.get(), scale, scale);
    Paint(cr.get(), scene);
    Check(cairo_status(cr.get()), "Could not draw the map");
}

std::vector<unsigned char> Png(const Scene& scene, int w, int h, double scale, double dx,
                               double dy) {
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    Check(cairo_surface_status(surface.get()), "Could not create the image");
    PaintOnto(surface.get(), scene, scale, dx, dy);
    std::vector<unsigned char> bytes;
    Check(cairo_surface_write_to_png_stream(surface.get(), AppendBytes, &bytes),
          "Could not encode the PNG");
    return bytes;
}

std::vector<unsigned char> Pdf(const Scene& scene, double w, double h, double scale, double dx,
                               double dy) {
    std::vector<unsigned char> bytes;
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(AppendBytes, &bytes, w, h));
    Check(cairo_surface_status(surface.get()), "Could not create the PDF");
    PaintOnto(surface.get(), scene, scale, dx, dy);
    cairo_surface_finish(surface.get());
    Check(cairo_surface_status(surface.get()), "Could not finish the PDF");
    return bytes;
}

} // namespace

std::vector<unsigned char> RenderPng(const Scene& scene, double scale) {
    if (!(scale > 0) || scale > 16)
        throw RenderError("The image scale must be between 0 and 16.");
    const double area = Dim(scene.size.width) * Dim(scene.size.height);
    if (area * scale * scale > 400e6) {
        char most[32];
        std::snprintf(most, sizeof most, "%.2f", std::floor(std::sqrt(400e6 / area) * 100) / 100);
        throw RenderError(std::string("The image would be too large (over 400 megapixels); "
                                      "choose a scale of at most ") +
                          most + " or a page size.");
    }
    int w = static_cast<int>(std::ceil(Dim(scene.size.width) * scale));
    int h = static_cast<int>(std::ceil(Dim(scene.size.height) * scale));
    return Png(scene, w, h, scale, 0, 0);
}

std::vector<unsigned char> RenderPdf(const Scene& scene) {
    return RenderPdf(scene, 1.0);
}

std::vector<unsigned char> RenderPdf(const Scene& scene, double scale) {
    if (!(scale > 0) || scale > 16)
        throw RenderError("The page scale must be between 0 and 16.");
    return Pdf(scene, Dim(scene.size.width) * scale, Dim(scene.size.height) * scale, scale, 0, 0);
}

Page PageSize(const std::string& name, bool landscape) {
    Page p;
    if (name == "A4" || name == "a4")
        p = {595.28, 841.89};
    else if (name == "A3" || name == "a3")
        p = {841.89, 1190.55};
    else
        throw RenderError("Unknown page size " + name + "; choose A4 or A3.");
    if (landscape)
        std::swap(p.width, p.height);
    return p;
}

std::vector<unsigned char> RenderPdf(const Scene& scene, const Page& page) {
    Fit f = FitTo(scene, page);
    return Pdf(scene, page.width, page.height, f.scale, f.dx, f.dy);
}

std::vector<unsigned char> RenderPng(const Scene& scene, const Page& page, double dpi) {
    if (!(dpi > 0) || dpi > 1200)
        throw RenderError("The resolution must be between 0 and 1200 dpi.");
    const double px = dpi / 72.0;
    Fit f = FitTo(scene, page);
    int w = static_cast<int>(std::lround(page.width * px)); // A4 at 150 dpi: 1240 x 1754
    int h = static_cast<int>(std::lround(page.height * px));
    return Png(scene, w, h, f.scale * px, f.dx * px, f.dy * px);
}

} // namespace kartbok::genogram
