#include "common/KeyHelp.h"

#include <wx/accel.h>
#include <wx/event.h>

#include <cctype>

namespace kartbok::app {

namespace {
int Normalised(int code) {
    if (code == WXK_NUMPAD_ENTER)
        return WXK_RETURN;
    if (code >= 'a' && code <= 'z')
        return std::toupper(code);
    return code;
}
} // namespace

bool Matches(const KeyChord& chord, const wxKeyEvent& event, bool anyShift) {
    const int ignored = anyShift ? wxMOD_SHIFT : 0;
    return Normalised(event.GetKeyCode()) == Normalised(chord.code) &&
           (event.GetModifiers() & ~ignored) == (chord.modifiers & ~ignored);
}

wxString ChordText(const KeyChord& chord) {
    int flags = wxACCEL_NORMAL;
    if (chord.modifiers & wxMOD_CONTROL)
        flags |= wxACCEL_CTRL;
    if (chord.modifiers & wxMOD_ALT)
        flags |= wxACCEL_ALT;
    if (chord.modifiers & wxMOD_SHIFT)
        flags |= wxACCEL_SHIFT;
    return wxAcceleratorEntry(flags, chord.code).ToString();
}

} // namespace kartbok::app
