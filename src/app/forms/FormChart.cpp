#include "forms/FormChart.h"

#include "common/Palette.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include <algorithm>
#include <memory>

namespace kartbok::app {

namespace {

constexpr int kChartW = 330;
constexpr int kChartH = 170;
constexpr int kGap = 12;

wxString PhaseShort(std::size_t phase) {
    switch (phase) {
    case 0:
        return _("Start");
    case 1:
        return _("End");
    default:
        return _("Follow-up");
    }
}

} // namespace

FormChart::FormChart(wxWindow* parent) : wxScrolledWindow(parent, wxID_ANY) {
    SetName("form_charts");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetScrollRate(0, FromDIP(20));
    Bind(wxEVT_PAINT, &FormChart::OnPaint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        UpdateVirtualSize();
        Refresh();
        e.Skip();
    });
}

void FormChart::SetForms(const reports::FormsOverTime& forms) {
    m_rows = reports::ChartableRows(forms);
    UpdateVirtualSize();
    Refresh();
}

void FormChart::UpdateVirtualSize() {
    const int w = FromDIP(kChartW + kGap);
    const int columns = std::max(1, (GetClientSize().x - FromDIP(kGap)) / w);
    const int rows = (static_cast<int>(m_rows.size()) + columns - 1) / columns;
    SetVirtualSize(GetClientSize().x, rows * FromDIP(kChartH + kGap) + FromDIP(kGap));
}

namespace {

/// `text` shortened with an ellipsis until it is at most `width` wide.
wxString Fitted(wxGraphicsContext& gc, const wxString& text, double width) {
    double w = 0, h = 0;
    gc.GetTextExtent(text, &w, &h);
    if (w <= width)
        return text;
    const wxString ellipsis = wxString::FromUTF8("…");
    wxString shorter = text;
    do {
        shorter = shorter.Left(shorter.length() - 1);
        gc.GetTextExtent(shorter + ellipsis, &w, &h);
    } while (w > width && shorter.length() > 3);
    return shorter + ellipsis;
}

/// One item's chart in the box at (x0, y0), cw x ch: title, axes, the low and
/// high step labels, and the line through the phases that have an answer.
void PaintChart(wxGraphicsContext& gc, const wxWindow& window, const reports::ItemRow& row,
                double x0, double y0, double cw, double ch) {
    const wxColour& line = palette::kAccent;
    const wxFont font = window.GetFont();
    gc.SetPen(wxPen(palette::kGrid));
    gc.SetBrush(wxBrush(palette::kQuietBackground));
    gc.DrawRoundedRectangle(x0, y0, cw, ch, 4);
    gc.SetFont(font.Bold(), palette::kInk);
    const wxString title = Fitted(gc, wxString::FromUTF8(row.title), cw - 16);
    double tw = 0, th = 0;
    gc.GetTextExtent(title, &tw, &th);
    gc.DrawText(title, x0 + 8, y0 + 6);

    // Plot area: left margin for the low / high step labels.
    const double px0 = x0 + window.FromDIP(110), px1 = x0 + cw - window.FromDIP(44);
    const double py0 = y0 + th + 18, py1 = y0 + ch - 26;
    const double span = row.high > row.low ? row.high - row.low : 1.0;
    auto yOf = [&](double v) { return py1 - (v - row.low) / span * (py1 - py0); };
    auto xOf = [&](std::size_t phase) {
        return px0 + static_cast<double>(phase) * (px1 - px0) / (reports::kPhaseCount - 1);
    };
    gc.SetPen(wxPen(palette::kTick));
    gc.StrokeLine(px0, py0, px0, py1);
    gc.StrokeLine(px0, py1, px1, py1);
    gc.SetFont(font.Scaled(0.85f), palette::kInk);
    for (const double v : {row.high, row.low}) {
        const auto i = static_cast<std::size_t>(v - row.low);
        const wxString label =
            Fitted(gc,
                   i < row.stepLabels.size() ? wxString::FromUTF8(row.stepLabels[i])
                                             : wxString::Format("%g", v),
                   px0 - x0 - 14);
        double lw = 0, lh = 0;
        gc.GetTextExtent(label, &lw, &lh);
        gc.DrawText(label, x0 + 8, yOf(v) - lh / 2);
    }
    for (std::size_t p = 0; p < reports::kPhaseCount; ++p) {
        double lw = 0, lh = 0;
        gc.GetTextExtent(PhaseShort(p), &lw, &lh);
        gc.DrawText(PhaseShort(p), xOf(p) - lw / 2, py1 + 4);
    }
    // The line joins the phases that have an answer; a missing phase leaves a gap.
    gc.SetPen(wxPen(line, window.FromDIP(2)));
    gc.SetBrush(wxBrush(line));
    std::optional<wxPoint2DDouble> last;
    for (std::size_t p = 0; p < reports::kPhaseCount; ++p) {
        if (!row.ordinal[p]) {
            last.reset();
            continue;
        }
        const wxPoint2DDouble pt(xOf(p), yOf(*row.ordinal[p]));
        if (last)
            gc.StrokeLine(last->m_x, last->m_y, pt.m_x, pt.m_y);
        gc.DrawEllipse(pt.m_x - 4, pt.m_y - 4, 8, 8);
        last = pt;
    }
}

} // namespace

void FormChart::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    DoPrepareDC(dc);
    dc.SetBackground(wxBrush(palette::kPaper));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc)
        return;
    if (m_rows.empty()) {
        gc->SetFont(GetFont(), palette::kMutedText);
        gc->DrawText(_("Charts appear when a scale or frequency question has answers from two "
                       "phases."),
                     FromDIP(10), FromDIP(10));
        return;
    }
    const double gap = FromDIP(kGap), ch = FromDIP(kChartH);
    // As wide as the panel allows up to the full size, so a narrow panel still
    // shows whole charts rather than cut ones.
    const double cw =
        std::clamp(static_cast<double>(GetClientSize().x) - 2 * gap,
                   static_cast<double>(FromDIP(200)), static_cast<double>(FromDIP(kChartW)));
    const int columns = std::max(1, static_cast<int>((GetClientSize().x - gap) / (cw + gap)));
    for (std::size_t n = 0; n < m_rows.size(); ++n)
        PaintChart(*gc, *this, *m_rows[n], gap + static_cast<double>(n % columns) * (cw + gap),
                   gap + static_cast<double>(n / columns) * (ch + gap), cw, ch);
}

} // namespace kartbok::app
