#pragma once
// Keys a window answers to outside the menus (a key on the map, Ctrl+Enter in
// the journal). Each room keeps its keys in one table that its key handler
// reads, and Help > Keyboard shortcuts lists the same tables, so what the help
// says and what the keys do cannot drift apart.

#include <wx/defs.h>
#include <wx/string.h>

class wxKeyEvent;

namespace kartbok::app {

/// A key with its modifiers (wxMOD_SHIFT, wxMOD_CONTROL, wxMOD_ALT).
struct KeyChord {
    int code = 0;
    int modifiers = wxMOD_NONE;
};

/// One key of a room's table. `what` is an untranslated message id (marked
/// with wxTRANSLATE); Help translates it when it lists the key.
struct RoomKey {
    KeyChord chord;
    const char* what = "";
};

/// A pressed key matches a chord: same key (Enter and keypad Enter are one key,
/// letters in either case) and exactly the same modifiers, Shift aside when
/// anyShift.
bool Matches(const KeyChord& chord, const wxKeyEvent& event, bool anyShift = false);

/// The chord as the menus write accelerators ("Ctrl+Enter", "Shift+P"), in the
/// UI language.
wxString ChordText(const KeyChord& chord);

} // namespace kartbok::app
