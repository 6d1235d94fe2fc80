#pragma once
// Headings made with Pango markup instead of SetFont: under GTK 3 a label's
// size is measured before a changed font takes effect, so a bold heading was
// wrapped to the width of its regular text and its last words cut off.

#include <wx/stattext.h>

namespace kartbok::app {

/// A bold static text, `scale` times the parent's font size.
wxStaticText* NewHeading(wxWindow* parent, const wxString& text, double scale = 1.0);

} // namespace kartbok::app
