#include "forms/FormChart.h"

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

void FormChart::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    DoPrepareDC(dc);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc)
        return;
    const wxFont font = GetFont();
    if (m_rows.empty()) {
        gc->SetFont(font, wxColour(110, 110, 110));
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
    const wxColour line(40, 100, 190), axis(170, 170, 170), text(60, 60, 60);
    const wxFont small = font.Scaled(0.85f);
    for (std::size_t n = 0; n < m_rows.size(); ++n) {
        const reports::ItemRow& row = *m_rows[n];
        const double x0 = gap + static_cast<double>(n % columns) * (cw + gap);
        const double y0 = gap + static_cast<double>(n / columns) * (ch + gap);
        gc->SetPen(wxPen(wxColour(220, 220, 220)));
        gc->SetBrush(wxBrush(wxColour(250, 250, 252)));
        gc->DrawRoundedRectangle(x0, y0, cw, ch, 4);

        // Title, shortened to fit one line.
        gc->SetFont(font.Bold(), text);
        wxString title = wxString::FromUTF8(row.title);
        double tw = 0, th = 0;
        gc->GetTextExtent(title, &tw, &th);
        while (tw > cw - 16 && title.length() > 4) {
            title = title.Left(title.length() - 2);
            gc->GetTextExtent(title + wxString::FromUTF8("…"), &tw, &th);
        }
        if (title != wxString::FromUTF8(row.title))
            title += wxString::FromUTF8("…");
        gc->DrawText(title, x0 + 8, y0 + 6);

        // Plot area: left margin for the low / high step labels.
        const double px0 = x0 + FromDIP(110), px1 = x0 + cw - FromDIP(44);
        const double py0 = y0 + th + 18, py1 = y0 + ch - 26;
        const double span = row.high > row.low ? row.high - row.low : 1.0;
        auto yOf = [&](double v) { return py1 - (v - row.low) / span * (py1 - py0); };
        auto xOf = [&](std::size_t phase) {
            return px0 + static_cast<double>(phase) * (px1 - px0) / (reports::kPhaseCount - 1);
        };
        gc->SetPen(wxPen(axis));
        gc->StrokeLine(px0, py0, px0, py1);
        gc->StrokeLine(px0, py1, px1, py1);
        gc->SetFont(small, text);
        auto stepLabel = [&](double v) {
            const auto i = static_cast<std::size_t>(v - row.low);
            wxString label = i < row.stepLabels.size() ? wxString::FromUTF8(row.stepLabels[i])
                                                       : wxString::Format("%g", v);
            double lw = 0, lh = 0;
            gc->GetTextExtent(label, &lw, &lh);
            while (lw > px0 - x0 - 14 && label.length() > 4) {
                label = label.Left(label.length() - 2);
                gc->GetTextExtent(label + wxString::FromUTF8("…"), &lw, &lh);
            }
            if (i < row.stepLabels.size() && label != wxString::FromUTF8(row.stepLabels[i]))
                label += wxString::FromUTF8("…");
            gc->DrawText(label, x0 + 8, yOf(v) - lh / 2);
        };
        stepLabel(row.high);
        stepLabel(row.low);
        for (std::size_t p = 0; p < reports::kPhaseCount; ++p) {
            double lw = 0, lh = 0;
            gc->GetTextExtent(PhaseShort(p), &lw, &lh);
            gc->DrawText(PhaseShort(p), xOf(p) - lw / 2, py1 + 4);
        }
        // The line joins the phases that have an answer; a missing phase leaves a gap.
        gc->SetPen(wxPen(line, FromDIP(2)));
        gc->SetBrush(wxBrush(line));
        std::optional<wxPoint2DDouble> last;
        for (std::size_t p = 0; p < reports::kPhaseCount; ++p) {
            if (!row.ordinal[p]) {
                last.reset();
                continue;
            }
            const wxPoint2DDouble pt(xOf(p), yOf(*row.ordinal[p]));
            if (last)
                gc->StrokeLine(last->m_x, last->m_y, pt.m_x, pt.m_y);
            gc->DrawEllipse(pt.m_x - 4, pt.m_y - 4, 8, 8);
            last = pt;
        }
    }
}

} // namespace kartbok::app
