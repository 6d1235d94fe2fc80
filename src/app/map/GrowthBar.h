#pragma once
// The quick-add bar above the map: one click adds a father, mother, partner,
// son, daughter, sibling, twin or pregnancy - the gestures a therapist uses
// most while drawing with the client. Docked outside the drawing, so it never
// hides a line; its buttons are live only when they can act on the selection.

#include "map/FamilyEdits.h"

#include <wx/panel.h>

#include <functional>
#include <map>
#include <vector>

class wxButton;

namespace kartbok::app {

class GrowthBar : public wxPanel {
public:
    GrowthBar(wxWindow* parent, std::function<void(Growth)> onGrow);
    /// What is selected: one person, a couple (children only), or nothing.
    void UpdateFor(bool person, bool couple, bool editable);
    /// Lays the bar out in one row, or in two when one row is wider than
    /// `maxWidth` (a narrow map), and returns the bar's size.
    wxSize FitWithin(int maxWidth);

private:
    std::map<Growth, wxButton*> m_buttons;
    std::vector<wxWindow*> m_items; ///< the "Add:" label and the buttons, in order
    int m_rows = 1;
};

} // namespace kartbok::app
