#pragma once
// Small line charts, one per scale / frequency / number item, across start,
// end and follow-up: change over time at a glance. Draws rows of
// reports::CollectForms with wxGraphicsContext; never computes answers itself.

#include "kartbok/reports/Forms.h"

#include <wx/scrolwin.h>

#include <vector>

namespace kartbok::app {

class FormChart : public wxScrolledWindow {
public:
    explicit FormChart(wxWindow* parent);
    /// The forms to draw (kept by reference: the owner keeps them alive and calls
    /// this again after every change).
    void SetForms(const reports::FormsOverTime& forms);
    std::size_t ChartCount() const { return m_rows.size(); }

private:
    void OnPaint(wxPaintEvent& event);
    void UpdateVirtualSize();

    std::vector<const reports::ItemRow*> m_rows;
};

} // namespace kartbok::app
