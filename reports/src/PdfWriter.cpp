#include "PdfWriter.h"

#include "kartbok/reports/Report.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kartbok::reports::detail {

namespace {

constexpr double kPageWidth = 595.276; // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMarginX = 56;
constexpr double kTop = 70;
constexpr double kBottom = kPageHeight - 62;
constexpr const char* kFont = "DejaVu Sans";
constexpr double kBodySize = 9.2;

struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.12, 0.12, 0.14};
constexpr Rgb kMuted{0.42, 0.42, 0.46};
constexpr Rgb kRule{0.72, 0.74, 0.78};
constexpr Rgb kAccent{0.13, 0.33, 0.52};
constexpr Rgb kShade{0.94, 0.95, 0.97};

void SetColor(cairo_t* cr, Rgb c) {
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/// Valid UTF-8, escaped for pango markup: client text never breaks a layout
/// (and never reaches pango's warnings on stderr).
std::string Escape(const std::string& text) {
    gchar* valid = g_utf8_make_valid(text.c_str(), static_cast<gssize>(text.size()));
    gchar* escaped = g_markup_escape_text(valid, -1);
    std::string out(escaped);
    g_free(escaped);
    g_free(valid);
    return out;
}

std::string Markup(const Span& s) {
    std::string m = Escape(s.text);
    if (s.struck)
        m = "<s>" + m + "</s>";
    if (s.bold)
        m = "<b>" + m + "</b>";
    if (s.italic)
        m = "<i>" + m + "</i>";
    if (s.muted)
        m = "<span foreground=\"#6b6b75\">" + m + "</span>";
    if (s.small)
        m = "<span size=\"85%\">" + m + "</span>";
    return m;
}

struct LayoutPtr {
    PangoLayout* p = nullptr;
    explicit LayoutPtr(PangoLayout* l) : p(l) {}
    ~LayoutPtr() {
        if (p)
            g_object_unref(p);
    }
    LayoutPtr(const LayoutPtr&) = delete;
    LayoutPtr& operator=(const LayoutPtr&) = delete;
    LayoutPtr(LayoutPtr&& o) noexcept : p(o.p) { o.p = nullptr; }
};

cairo_status_t WriteToVector(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::vector<unsigned char>*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

cairo_status_t Discard(void*, const unsigned char*, unsigned int) {
    return CAIRO_STATUS_SUCCESS;
}

struct PngReader {
    const std::vector<unsigned char>* data;
    std::size_t pos = 0;
};

cairo_status_t ReadPng(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<PngReader*>(closure);
    if (r->pos + length > r->data->size())
        return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->data->data() + r->pos, length);
    r->pos += length;
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

class PdfWriter::Impl {
public:
    Impl(const PageFrame& frame, bool draw, int totalPages)
        : m_frame(frame), m_totalPages(totalPages) {
        m_surface =
            draw ? cairo_pdf_surface_create_for_stream(WriteToVector, &m_bytes, kPageWidth,
                                                       kPageHeight)
                 : cairo_pdf_surface_create_for_stream(Discard, nullptr, kPageWidth, kPageHeight);
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_TITLE,
                                       (frame.title + " " + frame.caseCode).c_str());
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_CREATOR, "Kartbok");
        m_cr = cairo_create(m_surface);
        cairo_font_options_t* fo = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
        cairo_set_font_options(m_cr, fo);
        cairo_font_options_destroy(fo);
        StartPage();
    }
    ~Impl() {
        cairo_destroy(m_cr);
        cairo_surface_destroy(m_surface);
    }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    int Finish() {
        EnsureSpace(0); // a heading with nothing after it still prints
        EndPage();
        cairo_surface_finish(m_surface);
        if (cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS)
            throw ReportError(std::string("cannot draw the report: ") +
                              cairo_status_to_string(cairo_surface_status(m_surface)));
        return m_page;
    }
    std::vector<unsigned char> TakeBytes() { return std::move(m_bytes); }

    // --- text ------------------------------------------------------------
    LayoutPtr MakeLayout(const std::string& markup, double width, double size, bool bold = false) {
        LayoutPtr l(pango_cairo_create_layout(m_cr));
        PangoFontDescription* font = pango_font_description_from_string(kFont);
        pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
        pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(l.p, font);
        pango_font_description_free(font);
        pango_layout_set_width(l.p, static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(l.p, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_spacing(l.p, static_cast<int>(size * 0.25 * PANGO_SCALE));
        pango_layout_set_markup(l.p, markup.c_str(), -1);
        return l;
    }
    static double HeightOf(PangoLayout* l) {
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }
    void Draw(PangoLayout* l, double x, double y, Rgb color = kInk) {
        SetColor(m_cr, color);
        cairo_move_to(m_cr, x, y);
        pango_cairo_show_layout(m_cr, l);
    }
    /// Flows a layout line by line, breaking pages between lines.
    void Flow(PangoLayout* l, double x, Rgb color = kInk) {
        PangoLayoutIter* it = pango_layout_get_iter(l);
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            double height = static_cast<double>(logical.height) / PANGO_SCALE;
            double baseline =
                static_cast<double>(pango_layout_iter_get_baseline(it) - logical.y) / PANGO_SCALE;
            EnsureSpace(height);
            SetColor(m_cr, color);
            cairo_move_to(m_cr, x + static_cast<double>(logical.x) / PANGO_SCALE, m_y + baseline);
            pango_cairo_show_layout_line(m_cr, pango_layout_iter_get_line_readonly(it));
            m_y += height;
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
    }

    // --- headings --------------------------------------------------------
    /// Headings wait for the block they introduce, so a page never ends on a
    /// heading: the first EnsureSpace after them places heading and block together.
    void AddHeading(const std::string& text, bool sub) { m_pending.push_back({text, sub}); }

    double HeadingHeight(const std::string& text, bool sub) {
        LayoutPtr h(MakeLayout(Escape(text), kPageWidth - 2 * kMarginX, sub ? 9.8 : 11.5, true));
        return HeightOf(h.p) + (sub ? 7 : 17);
    }
    void DrawHeading(const std::string& text, bool sub) {
        double w = kPageWidth - 2 * kMarginX;
        LayoutPtr h(MakeLayout(Escape(text), w, sub ? 9.8 : 11.5, true));
        double height = HeightOf(h.p);
        if (m_y > kTop + 1)
            m_y += sub ? 4 : 9;
        Draw(h.p, kMarginX, m_y, sub ? kInk : kAccent);
        m_y += height + (sub ? 3 : 2);
        if (!sub) {
            Rule(kMarginX, kMarginX + w, m_y, kAccent, 0.8);
            m_y += 6;
        }
    }

    // --- pages -----------------------------------------------------------
    void EnsureSpace(double h) {
        double headings = 0;
        for (const auto& [text, sub] : m_pending)
            headings += HeadingHeight(text, sub);
        if (m_y + headings + h > kBottom && m_y > kTop + 0.5)
            NewPage();
        auto pending = std::move(m_pending);
        m_pending.clear();
        for (const auto& [text, sub] : pending)
            DrawHeading(text, sub);
    }
    void NewPage() {
        EndPage();
        cairo_show_page(m_cr);
        StartPage();
    }
    void StartPage() {
        ++m_page;
        m_y = kTop;
        double w = kPageWidth - 2 * kMarginX;
        LayoutPtr left(MakeLayout(Escape(m_frame.title), w * 0.7, 7.5));
        Draw(left.p, kMarginX, 34, kMuted);
        LayoutPtr code(MakeLayout("<b>" + Escape(m_frame.caseCode) + "</b>", w * 0.3, 8.5));
        pango_layout_set_alignment(code.p, PANGO_ALIGN_RIGHT);
        Draw(code.p, kMarginX + w * 0.7, 33, kInk);
        Rule(kMarginX, kPageWidth - kMarginX, 48, kRule, 0.6);
    }
    void EndPage() {
        double w = kPageWidth - 2 * kMarginX;
        double y = kPageHeight - 44;
        Rule(kMarginX, kPageWidth - kMarginX, y - 6, kRule, 0.6);
        LayoutPtr left(MakeLayout(Escape(m_frame.footerLeft), w * 0.75, 7));
        Draw(left.p, kMarginX, y, kMuted);
        std::string number = m_frame.pageWord + " " + std::to_string(m_page) + " " +
                             m_frame.ofWord + " " +
                             (m_totalPages > 0 ? std::to_string(m_totalPages) : std::string("?"));
        LayoutPtr right(MakeLayout(Escape(number), w * 0.25, 7.5));
        pango_layout_set_alignment(right.p, PANGO_ALIGN_RIGHT);
        Draw(right.p, kMarginX + w * 0.75, y, kMuted);
    }
    void Rule(double x0, double x1, double y, Rgb color, double width) {
        SetColor(m_cr, color);
        cairo_set_line_width(m_cr, width);
        cairo_move_to(m_cr, x0, y);
        cairo_line_to(m_cr, x1, y);
        cairo_stroke(m_cr);
    }

    void NewCase(const std::string& caseCode) {
        EnsureSpace(0);
        m_frame.caseCode = caseCode;
        NewPage();
    }

    cairo_t* Cr() { return m_cr; }
    double& Y() { return m_y; }

private:
    PageFrame m_frame;
    int m_totalPages = 0;
    int m_page = 0;
    double m_y = kTop;
    std::vector<std::pair<std::string, bool>> m_pending; ///< headings waiting for their block
    std::vector<unsigned char> m_bytes;
    cairo_surface_t* m_surface = nullptr;
    cairo_t* m_cr = nullptr;
};

double PdfWriter::ContentWidth() const {
    return kPageWidth - 2 * kMarginX;
}
double PdfWriter::RemainingHeight() const {
    return kBottom - m_impl.Y();
}
void PdfWriter::Space(double points) {
    m_impl.Y() = std::min(kBottom, m_impl.Y() + points);
}
void PdfWriter::PageBreak() {
    m_impl.NewPage();
}
void PdfWriter::NewCase(const std::string& caseCode) {
    m_impl.NewCase(caseCode);
}

void PdfWriter::Title(const std::string& title, const std::string& subtitle) {
    LayoutPtr t(m_impl.MakeLayout(Escape(title), ContentWidth(), 17, true));
    m_impl.Draw(t.p, kMarginX, m_impl.Y(), kAccent);
    m_impl.Y() += Impl::HeightOf(t.p) + 3;
    if (!subtitle.empty()) {
        LayoutPtr s(m_impl.MakeLayout(Escape(subtitle), ContentWidth(), 9));
        m_impl.Draw(s.p, kMarginX, m_impl.Y(), kMuted);
        m_impl.Y() += Impl::HeightOf(s.p);
    }
    m_impl.Y() += 10;
}

void PdfWriter::Heading(const std::string& text) {
    m_impl.AddHeading(text, false);
}

void PdfWriter::Subheading(const std::string& text) {
    m_impl.AddHeading(text, true);
}

void PdfWriter::Paragraph(const std::string& text, TextStyle style, double indent) {
    Span s{text};
    s.bold = style == TextStyle::Bold;
    s.italic = style == TextStyle::Italic;
    s.muted = style == TextStyle::Muted;
    s.small = style == TextStyle::Small || style == TextStyle::Muted;
    Rich({s}, indent);
}

void PdfWriter::Rich(const std::vector<Span>& spans, double indent) {
    std::string markup;
    for (const auto& s : spans)
        markup += Markup(s);
    LayoutPtr l(m_impl.MakeLayout(markup, ContentWidth() - indent, kBodySize));
    m_impl.EnsureSpace(std::min(Impl::HeightOf(l.p), 26.0)); // no single line left behind
    m_impl.Flow(l.p, kMarginX + indent);
    m_impl.Y() += 4;
}

void PdfWriter::Bullets(const std::vector<std::string>& items) {
    for (const auto& item : items) {
        LayoutPtr l(m_impl.MakeLayout(Escape(item), ContentWidth() - 14, kBodySize));
        m_impl.EnsureSpace(std::min(Impl::HeightOf(l.p), 26.0));
        LayoutPtr dot(m_impl.MakeLayout("•", 10, kBodySize));
        m_impl.Draw(dot.p, kMarginX + 3, m_impl.Y(), kAccent);
        m_impl.Flow(l.p, kMarginX + 14);
        m_impl.Y() += 2.5;
    }
    m_impl.Y() += 2;
}

void PdfWriter::KeyValues(const std::vector<std::pair<std::string, std::string>>& rows) {
    double keyWidth = 150;
    for (const auto& [key, value] : rows) {
        LayoutPtr k(m_impl.MakeLayout(Escape(key), keyWidth - 8, kBodySize));
        LayoutPtr v(m_impl.MakeLayout(Escape(value), ContentWidth() - keyWidth, kBodySize));
        double h = std::max(Impl::HeightOf(k.p), Impl::HeightOf(v.p));
        m_impl.EnsureSpace(h);
        m_impl.Draw(k.p, kMarginX, m_impl.Y(), kMuted);
        m_impl.Draw(v.p, kMarginX + keyWidth, m_impl.Y());
        m_impl.Y() += h + 3;
    }
    m_impl.Y() += 3;
}

void PdfWriter::Table(const std::vector<Column>& columns,
                      const std::vector<std::vector<std::string>>& rows) {
    double total = 0;
    for (const auto& c : columns)
        total += c.weight;
    std::vector<double> widths;
    for (const auto& c : columns)
        widths.push_back(ContentWidth() * c.weight / total);
    const double pad = 3.5;
    cairo_t* cr = m_impl.Cr();

    auto drawRow = [&](const std::vector<std::string>& cells, bool header) {
        std::vector<LayoutPtr> layouts;
        double h = 0;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            std::string text = i < cells.size() ? cells[i] : std::string();
            layouts.push_back(
                m_impl.MakeLayout(Escape(text), widths[i] - 2 * pad, header ? 8 : 8.6, header));
            h = std::max(h, Impl::HeightOf(layouts.back().p));
        }
        h += 2 * pad;
        return std::make_pair(std::move(layouts), h);
    };
    auto paintRow = [&](std::vector<LayoutPtr>& layouts, double h, bool header, bool shade) {
        double y = m_impl.Y();
        if (shade || header) {
            SetColor(cr, header ? Rgb{0.88, 0.91, 0.95} : kShade);
            cairo_rectangle(cr, kMarginX, y, ContentWidth(), h);
            cairo_fill(cr);
        }
        double x = kMarginX;
        for (std::size_t i = 0; i < layouts.size(); ++i) {
            m_impl.Draw(layouts[i].p, x + pad, y + pad, header ? kAccent : kInk);
            x += widths[i];
        }
        m_impl.Y() += h;
        m_impl.Rule(kMarginX, kMarginX + ContentWidth(), m_impl.Y(), kRule, header ? 0.8 : 0.3);
    };
    std::vector<std::string> titles;
    for (const auto& c : columns)
        titles.push_back(c.title);
    auto header = drawRow(titles, true);
    // A short table moves whole to the next page rather than leave two rows behind.
    double whole = header.second;
    for (std::size_t i = 0; i < rows.size() && whole < (kBottom - kTop) * 0.35; ++i)
        whole += drawRow(rows[i], false).second;
    auto first = rows.empty() ? drawRow(titles, true) : drawRow(rows.front(), false);
    m_impl.EnsureSpace(whole < (kBottom - kTop) * 0.35 ? whole : header.second + first.second);
    paintRow(header.first, header.second, true, false);
    int n = 0;
    for (const auto& r : rows) {
        auto row = drawRow(r, false);
        if (m_impl.Y() + row.second > kBottom) {
            m_impl.NewPage();
            auto again = drawRow(titles, true);
            paintRow(again.first, again.second, true, false);
        }
        paintRow(row.first, row.second, false, n % 2 == 1);
        ++n;
    }
    m_impl.Y() += 8;
}

void PdfWriter::Image(const std::vector<unsigned char>& png, double maxWidth, double maxHeight) {
    PngReader reader{&png};
    cairo_surface_t* img = cairo_image_surface_create_from_png_stream(ReadPng, &reader);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        return;
    }
    double w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
    double scale = std::min({maxWidth / w, maxHeight / h});
    double dw = w * scale, dh = h * scale;
    m_impl.EnsureSpace(dh + 8);
    cairo_t* cr = m_impl.Cr();
    double x = kMarginX + (ContentWidth() - dw) / 2, y = m_impl.Y() + 2;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BEST);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(img);
    SetColor(cr, kRule);
    cairo_set_line_width(cr, 0.5);
    cairo_rectangle(cr, kMarginX, y - 2, ContentWidth(), dh + 4);
    cairo_stroke(cr);
    m_impl.Y() += dh + 12;
}

void PdfWriter::Charts(const std::vector<ChartSeries>& series,
                       const std::array<std::string, 3>& phaseLabels) {
    const int perRow = 3;
    const double gap = 14;
    const double pw = (ContentWidth() - gap * (perRow - 1)) / perRow;
    const double ph = 122;
    cairo_t* cr = m_impl.Cr();
    for (std::size_t i = 0; i < series.size(); i += perRow) {
        m_impl.EnsureSpace(ph + 6);
        double top = m_impl.Y();
        for (std::size_t k = i; k < std::min(series.size(), i + perRow); ++k) {
            const ChartSeries& s = series[k];
            double x0 = kMarginX + static_cast<double>(k - i) * (pw + gap);
            LayoutPtr title(m_impl.MakeLayout(Escape(s.title), pw, 7.4, true));
            pango_layout_set_height(title.p, -2); // at most two lines
            pango_layout_set_ellipsize(title.p, PANGO_ELLIPSIZE_END);
            m_impl.Draw(title.p, x0, top);
            double plotTop = top + 24, plotBottom = top + ph - 30;
            double plotLeft = x0 + 16, plotRight = x0 + pw - 8;
            int steps = static_cast<int>(std::round(s.high - s.low));
            for (int t = 0; t <= steps; ++t) {
                if (steps > 8 && t % 2)
                    continue;
                double y = plotBottom - (plotBottom - plotTop) * t / std::max(1, steps);
                m_impl.Rule(plotLeft, plotRight, y, t == 0 ? kRule : Rgb{0.88, 0.89, 0.92}, 0.4);
                LayoutPtr tick(
                    m_impl.MakeLayout(std::to_string(static_cast<int>(s.low) + t), 14, 6));
                m_impl.Draw(tick.p, x0, y - 4, kMuted);
            }
            auto px = [&](int p) { return plotLeft + 12 + (plotRight - plotLeft - 24) * p / 2.0; };
            auto py = [&](double v) {
                return plotBottom -
                       (plotBottom - plotTop) * (v - s.low) / std::max(1e-9, s.high - s.low);
            };
            for (int p = 0; p < 3; ++p) {
                LayoutPtr lab(m_impl.MakeLayout(Escape(phaseLabels[p]), 50, 6.2));
                pango_layout_set_alignment(lab.p, PANGO_ALIGN_CENTER);
                m_impl.Draw(lab.p, px(p) - 25, plotBottom + 3, kMuted);
            }
            SetColor(cr, kAccent);
            cairo_set_line_width(cr, 1.6);
            bool open = false;
            for (int p = 0; p < 3; ++p) {
                if (!s.points[p]) {
                    open = false;
                    continue;
                }
                if (open)
                    cairo_line_to(cr, px(p), py(*s.points[p]));
                else
                    cairo_move_to(cr, px(p), py(*s.points[p]));
                open = true;
            }
            cairo_stroke(cr);
            for (int p = 0; p < 3; ++p)
                if (s.points[p]) {
                    cairo_arc(cr, px(p), py(*s.points[p]), 2.8, 0, 2 * M_PI);
                    cairo_fill(cr);
                }
            LayoutPtr note(m_impl.MakeLayout(Escape(s.scaleNote), pw, 6));
            pango_layout_set_height(note.p, -2);
            pango_layout_set_ellipsize(note.p, PANGO_ELLIPSIZE_END);
            m_impl.Draw(note.p, x0, plotBottom + 13, kMuted);
        }
        m_impl.Y() = top + ph + 6;
    }
}

void PdfWriter::Timeline(const std::vector<std::string>& rowLabels,
                         const std::vector<std::string>& monthLabels,
                         const std::vector<std::vector<int>>& counts) {
    const double labelWidth = 110, rowHeight = 13;
    std::size_t months = monthLabels.size();
    if (months == 0)
        return;
    double cell = std::min(26.0, (ContentWidth() - labelWidth) / static_cast<double>(months));
    double height = rowHeight * static_cast<double>(rowLabels.size()) + 22;
    m_impl.EnsureSpace(height);
    cairo_t* cr = m_impl.Cr();
    double top = m_impl.Y();
    for (std::size_t r = 0; r < rowLabels.size(); ++r) {
        double y = top + rowHeight * static_cast<double>(r);
        LayoutPtr lab(m_impl.MakeLayout(Escape(rowLabels[r]), labelWidth - 6, 7.4));
        m_impl.Draw(lab.p, kMarginX, y + 2, kInk);
        for (std::size_t m = 0; m < months; ++m) {
            int n = r < counts.size() && m < counts[r].size() ? counts[r][m] : 0;
            double x = kMarginX + labelWidth + cell * static_cast<double>(m);
            if (n > 0) {
                double a = std::min(1.0, 0.35 + 0.22 * n);
                cairo_set_source_rgba(cr, kAccent.r, kAccent.g, kAccent.b, a);
            } else {
                SetColor(cr, kShade);
            }
            cairo_rectangle(cr, x + 1, y + 1, cell - 2, rowHeight - 2);
            cairo_fill(cr);
            if (n > 1) {
                LayoutPtr num(m_impl.MakeLayout(std::to_string(n), cell - 2, 6.5, true));
                pango_layout_set_alignment(num.p, PANGO_ALIGN_CENTER);
                m_impl.Draw(num.p, x + 1, y + 2.5, Rgb{1, 1, 1});
            }
        }
    }
    double y = top + rowHeight * static_cast<double>(rowLabels.size()) + 2;
    std::size_t every = cell < 16 ? 2 : 1;
    for (std::size_t m = 0; m < months; m += every) {
        LayoutPtr lab(
            m_impl.MakeLayout(Escape(monthLabels[m]), cell * static_cast<double>(every) + 6, 6));
        m_impl.Draw(lab.p, kMarginX + labelWidth + cell * static_cast<double>(m), y, kMuted);
    }
    m_impl.Y() = top + height + 4;
}

std::vector<unsigned char> RenderPdf(const PageFrame& frame,
                                     const std::function<void(PdfWriter&)>& body) {
    int pages = 0;
    {
        PdfWriter::Impl counting(frame, false, 0);
        PdfWriter w(counting);
        body(w);
        pages = counting.Finish();
    }
    PdfWriter::Impl real(frame, true, pages);
    PdfWriter w(real);
    body(w);
    real.Finish();
    return real.TakeBytes();
}

} // namespace kartbok::reports::detail
