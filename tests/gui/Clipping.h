#pragma once
// Finds text a person cannot read in full: a label, button, choice, list row,
// tree row or value field narrower (or lower) than its text needs, a control
// cut off by the edge of its parent, or a text the toolkit shortened with "…"
// that has no tooltip to show the rest. It walks the window tree from any
// root, so texts added to any window later are checked without naming them.
// Sizes are the ones the toolkit really allocated (GTK), not what wx asked for.

#include <wx/window.h>

#include <string>
#include <vector>

namespace kartbok::test {

struct ClippedText {
    std::string where; ///< window names from the top-level window down, '/'-separated
    std::string kind;  ///< "label", "button", "choice", "list", "list header", "tree", "field",
                       ///< "parent edge", "ellipsized"
    std::string text;  ///< the text that does not fit (UI text, never client data in fixtures)
    int needed = 0;    ///< pixels the text needs
    int got = 0;       ///< pixels it was given
    std::string ToString() const;
};

/// Every clipped text in the shown windows under `root` (root included).
std::vector<ClippedText> FindClippedTexts(wxWindow& root);

/// One line per finding, for a test's failure message.
std::string Describe(const std::vector<ClippedText>& found);

} // namespace kartbok::test
