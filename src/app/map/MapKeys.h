#pragma once
// The keys the family map answers to while it has the focus. MapCanvas acts on
// exactly this table and Help > Keyboard shortcuts lists it, so a key added
// here is documented at once: add the row, then handle its action in
// MapCanvas::OnKeyDown.

#include "common/KeyHelp.h"
#include "map/FamilyEdits.h"

#include <optional>
#include <vector>

namespace kartbok::app {

enum class MapKeyAction {
    Grow,        ///< grow the family from the selected person or couple (MapKey::growth)
    Twin,        ///< several siblings selected: make them twins; else add a twin (MapKey::growth)
    NextCouple,  ///< select the person's couple line (again: the next one)
    CoupleEvent, ///< a new event for the selected couple, in the panel
    Fit,
    ZoomIn,
    ZoomOut,
    Delete,
    Cancel, ///< stop drawing a relation, else clear the selection
};

struct MapKey {
    KeyChord chord;
    MapKeyAction action;
    Growth growth = Growth::Father; ///< for MapKeyAction::Grow
    /// Message id (wxTRANSLATE) for Help; nullptr for a second key of the same
    /// action that Help lists beside the first (Backspace beside Delete) or
    /// not at all (keypad keys).
    const char* what = nullptr;
    bool anyShift = false; ///< Shift makes no difference (+ is Shift+= on many keyboards)
    bool listed = true;    ///< shown in Help (keypad duplicates are not)
};

/// Every key of the map, in the order Help lists them.
const std::vector<MapKey>& MapKeys();

/// The row a key press on the map selects; nullopt when the map does not use it.
/// Ctrl and Alt chords are never map keys: they belong to the menus.
std::optional<MapKey> MapKeyFor(const wxKeyEvent& event);

/// Help's rows: the keys of one action joined ("Delete, Backspace") and what
/// they do, translated; then the map's mouse and side-panel hints (MapHints).
std::vector<std::pair<wxString, wxString>> MapKeyHelp();

/// What the map room answers to beyond its canvas keys: the mouse, and keys
/// in the side panel. Both columns are message ids ("Ctrl+click" is words).
struct MapHint {
    const char* keys;
    const char* what;
};
const std::vector<MapHint>& MapHints();

} // namespace kartbok::app
