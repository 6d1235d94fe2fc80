#pragma once
// How the journal shows a session besides its name (common/Labels.h): the
// coloured type marker and dates as the journal writes them, ISO 8601 in
// every language, so the list, the signed note and the overview agree.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/Dates.h"

#include <wx/bitmap.h>
#include <wx/colour.h>
#include <wx/string.h>

namespace kartbok::app {

wxColour SessionTypeWxColour(journal::SessionType type);
/// A small filled circle in the type's colour, for list rows and legends.
wxBitmap SessionTypeMarker(journal::SessionType type, int size);
/// "2026-03-14 10:00" in local time; "" for 0.
wxString FormatTime(journal::Timestamp t);
/// "2026-03-14" in local time; "" for 0.
wxString FormatDay(journal::Timestamp t);
/// Seconds since 1970 now (journal/Dates.h).
using journal::Now;

} // namespace kartbok::app
