#pragma once
// A tab whose real content comes with a later issue (Journal, Deep interview,
// Forms, Overview): it exists now and says what will be there.

#include <wx/panel.h>

namespace kartbok::app {

class PlaceholderPage : public wxPanel {
public:
    PlaceholderPage(wxWindow* parent, const wxString& title, const wxString& description);
};

} // namespace kartbok::app
