#include "kartbok/genogram/SvgWriter.h"

#include <cmath>
#include <cstdio>

namespace kartbok::genogram {
namespace {

std::string Num(double v) {
    if (!std::isfinite(v))
        v = 0;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string Escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            // XML 1.0 forbids most control characters; drop them.
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n')
                out += c;
        }
    }
    return out;
}

std::string Rgb(const Color& c) {
    return "rgb(" + std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) +
           ")";
}

std::string FillAttrs(bool filled, const Color& c) {
    if (!filled || c.a == 0)
        return " fill=\"none\"";
    std::string s = " fill=\"" + Rgb(c) + "\"";
    if (c.a < 255)
        s += " fill-opacity=\"" + Num(c.a / 255.0) + "\"";
    return s;
}

std::string StrokeAttrs(const Stroke& st) {
    if (st.width <= 0 || st.color.a == 0)
        return " stroke=\"none\"";
    std::string s = " stroke=\"" + Rgb(st.color) + "\" stroke-width=\"" + Num(st.width) +
                    "\" stroke-linejoin=\"round\"";
    if (st.color.a < 255)
        s += " stroke-opacity=\"" + Num(st.color.a / 255.0) + "\"";
    if (st.dash == DashStyle::Dashed)
        s += " stroke-dasharray=\"6,4\"";
    else if (st.dash == DashStyle::Dotted)
        s += " stroke-dasharray=\"1," + Num(2 + st.width) + "\" stroke-linecap=\"round\"";
    return s;
}

std::string PathData(const std::vector<Point>& pts, bool closed) {
    std::string d;
    for (std::size_t i = 0; i < pts.size(); ++i)
        d += (i == 0 ? "M" : " L") + Num(pts[i].x) + "," + Num(pts[i].y);
    if (closed)
        d += " Z";
    return d;
}

} // namespace

std::string WriteSvg(const Scene& scene) {
    const std::string w = Num(scene.size.width), h = Num(scene.size.height);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + w +
           "pt\" height=\"" + h + "pt\" viewBox=\"0 0 " + w + " " + h +
           "\" font-family=\"DejaVu Sans, sans-serif\">\n";
    out += "<rect x=\"0\" y=\"0\" width=\"" + w + "\" height=\"" + h + "\" fill=\"white\"/>\n";
    int clipId = 0;
    for (const SceneItem& item : scene.items) {
        if (const auto* p = std::get_if<PathShape>(&item.shape)) {
            if (p->points.size() < 2)
                continue;
            out += "<path d=\"" + PathData(p->points, p->closed) + "\"" +
                   FillAttrs(p->filled, p->fill) + StrokeAttrs(p->stroke) + "/>\n";
        } else if (const auto* c = std::get_if<CircleShape>(&item.shape)) {
            out += "<circle cx=\"" + Num(c->centre.x) + "\" cy=\"" + Num(c->centre.y) + "\" r=\"" +
                   Num(c->radius) + "\"" + FillAttrs(c->filled, c->fill) + StrokeAttrs(c->stroke) +
                   "/>\n";
        } else if (const auto* q = std::get_if<QuadrantShape>(&item.shape)) {
            std::string id = "q" + std::to_string(++clipId);
            double x = q->quadrant % 2 == 0 ? q->centre.x - q->radius : q->centre.x;
            double y = q->quadrant < 2 ? q->centre.y - q->radius : q->centre.y;
            out += "<clipPath id=\"" + id + "\"><path d=\"" + PathData(q->clip, true) +
                   "\"/></clipPath>\n";
            out += "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" + Num(q->radius) +
                   "\" height=\"" + Num(q->radius) + "\"" + FillAttrs(true, q->fill) +
                   " clip-path=\"url(#" + id + ")\"/>\n";
        } else if (const auto* t = std::get_if<TextShape>(&item.shape)) {
            const char* anchor = t->anchor == TextAnchor::Start ? "start"
                                 : t->anchor == TextAnchor::End ? "end"
                                                                : "middle";
            out += "<text x=\"" + Num(t->at.x) + "\" y=\"" + Num(t->at.y) + "\" font-size=\"" +
                   Num(t->size) + "\" text-anchor=\"" + anchor + "\"" +
                   (t->bold ? " font-weight=\"bold\"" : "") + FillAttrs(true, t->color) + ">" +
                   Escape(t->text) + "</text>\n";
        }
    }
    out += "</svg>\n";
    return out;
}

} // namespace kartbok::genogram
