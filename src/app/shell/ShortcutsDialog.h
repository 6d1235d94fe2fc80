#pragma once
// Help > Keyboard shortcuts: every key the app has. The menu accelerators are
// read from the menu bar as it is at the moment (so a menu added later is
// listed without anyone touching this file); the keys that work inside a tab
// come from each room's own table (map/MapKeys.h, JournalPage::Keys,
// InterviewPage::Keys), the same tables their key handlers act on.

#include <wx/dialog.h>

#include <vector>

class wxMenuBar;

namespace kartbok::app {

struct ShortcutRow {
    wxString where; ///< menu title or tab name, translated
    wxString keys;  ///< "Ctrl+N", "Shift+P", "Delete, Backspace"
    wxString what;  ///< the menu item or what the key does, translated
};

/// Every accelerator in the menu bar (submenus too), in menu order.
std::vector<ShortcutRow> MenuShortcuts(const wxMenuBar& bar);

/// The keys of the map, the journal and the deep interview.
std::vector<ShortcutRow> TabShortcuts();

class ShortcutsDialog : public wxDialog {
public:
    /// bar: the main window's menu bar (may be null: only the tabs' keys).
    ShortcutsDialog(wxWindow* parent, const wxMenuBar* bar);
    const std::vector<ShortcutRow>& Rows() const { return m_rows; }

private:
    std::vector<ShortcutRow> m_rows;
};

} // namespace kartbok::app
