#pragma once
// Every key of the family map in one table, so Help (and any later
// keyboard-shortcuts window) lists exactly what the canvas does. The texts are
// message ids (both columns: "Ctrl+click" is words): show them through
// wxGetTranslation.

#include <array>

namespace kartbok::app {

struct MapShortcut {
    const char* keys; ///< as printed: "P", "Shift+C"
    const char* what; ///< English message id
};

inline constexpr std::array kMapShortcuts{
    MapShortcut{"P / Shift+P", "Add father / mother of the selected person"},
    MapShortcut{"S / Shift+S", "Add partner (other / same gender)"},
    MapShortcut{"C / Shift+C", "Add son / daughter (of the selected person or couple)"},
    MapShortcut{"B / Shift+B", "Add brother / sister"},
    MapShortcut{"T / Shift+T", "Add a fraternal / identical twin; with several siblings "
                               "selected: make them twins"},
    MapShortcut{"G", "Add pregnancy"},
    MapShortcut{"U", "Select the person's couple line (again: the next one)"},
    MapShortcut{"E", "Add an event to the selected couple (in the panel on the right)"},
    MapShortcut{"Enter", "Done typing in the panel: back to the map"},
    MapShortcut{"Esc", "Back to the map from the panel; cancel drawing a relation; clear "
                       "the selection"},
    MapShortcut{"Ctrl+click", "Select several people (a household, twins)"},
    MapShortcut{"Del", "Delete the selected person, relation or household"},
    MapShortcut{"F", "Fit the map to the window (text stays at least 9 pixels high)"},
    MapShortcut{"+ / -", "Zoom in / out (also Ctrl+wheel)"},
    MapShortcut{"Drag a person", "Move sideways; a sibling dragged keeps its place until "
                                 "Reset layout"},
    MapShortcut{"F11", "Present: the map alone, large type"},
};

} // namespace kartbok::app
