#pragma once
// The small floating toolbar beside the selected symbol: one click adds a
// father, mother, partner, son, daughter, sibling or pregnancy - the gestures
// a therapist uses most while drawing with the client.

#include "map/FamilyEdits.h"

#include <wx/panel.h>

#include <functional>
#include <vector>

namespace kartbok::app {

class GrowthBar : public wxPanel {
public:
    GrowthBar(wxWindow* parent, std::function<void(Growth)> onGrow);
    /// Lays the buttons out in one row, or in two when one row is wider than
    /// `maxWidth` (a narrow map), and returns the bar's size.
    wxSize FitWithin(int maxWidth);

private:
    std::vector<wxWindow*> m_buttons;
    int m_rows = 1;
};

} // namespace kartbok::app
