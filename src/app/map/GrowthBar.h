#pragma once
// The small floating toolbar beside the selected symbol: one click adds a
// father, mother, partner, son, daughter, sibling or pregnancy - the gestures
// a therapist uses most while drawing with the client.

#include "map/FamilyEdits.h"

#include <wx/panel.h>

#include <functional>

namespace kartbok::app {

class GrowthBar : public wxPanel {
public:
    GrowthBar(wxWindow* parent, std::function<void(Growth)> onGrow);
};

} // namespace kartbok::app
