#include "shell/ShortcutsDialog.h"

#include "interview/InterviewPage.h"
#include "journal/JournalPage.h"
#include "map/MapKeys.h"

#include <wx/accel.h>
#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/sizer.h>

#include <algorithm>
#include <memory>

namespace kartbok::app {

namespace {

void AddMenu(const wxMenu& menu, const wxString& where, std::vector<ShortcutRow>& rows) {
    for (const wxMenuItem* item : menu.GetMenuItems()) {
        if (item->IsSubMenu()) {
            AddMenu(*item->GetSubMenu(), where + " > " + item->GetItemLabelText(), rows);
            continue;
        }
        const std::unique_ptr<wxAcceleratorEntry> accel(item->GetAccel());
        if (!accel || !accel->IsOk())
            continue;
        // Undo and Redo carry the next step's name ("Undo Add son to Eva"): list the action.
        wxString what = item->GetItemLabelText();
        if (item->GetId() == wxID_UNDO)
            what = wxStripMenuCodes(_("&Undo"));
        else if (item->GetId() == wxID_REDO)
            what = wxStripMenuCodes(_("&Redo"));
        rows.push_back({where, accel->ToString(), what});
    }
}

void AddRoom(const std::vector<RoomKey>& keys, const wxString& where,
             std::vector<ShortcutRow>& rows) {
    for (const RoomKey& key : keys)
        rows.push_back({where, ChordText(key.chord), wxGetTranslation(key.what)});
}

} // namespace

std::vector<ShortcutRow> MenuShortcuts(const wxMenuBar& bar) {
    std::vector<ShortcutRow> rows;
    for (std::size_t i = 0; i < bar.GetMenuCount(); ++i)
        AddMenu(*bar.GetMenu(i), bar.GetMenuLabelText(i), rows);
    return rows;
}

std::vector<ShortcutRow> TabShortcuts() {
    std::vector<ShortcutRow> rows;
    for (const auto& [keys, what] : MapKeyHelp())
        rows.push_back({_("Family map"), keys, what});
    AddRoom(JournalPage::Keys(), _("Journal"), rows);
    AddRoom(InterviewPage::Keys(), _("Deep interview"), rows);
    return rows;
}

ShortcutsDialog::ShortcutsDialog(wxWindow* parent, const wxMenuBar* bar)
    : wxDialog(parent, wxID_ANY, _("Keyboard shortcuts"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("keyboard_shortcuts");
    if (bar)
        m_rows = MenuShortcuts(*bar);
    for (ShortcutRow& row : TabShortcuts())
        m_rows.push_back(std::move(row));

    auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(640, 520)),
                                wxLC_REPORT | wxLC_SINGLE_SEL);
    list->SetName("shortcut_list");
    list->AppendColumn(_("Where"));
    list->AppendColumn(_("Keys"));
    list->AppendColumn(_("What it does"));
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const long row = list->InsertItem(static_cast<long>(i), m_rows[i].where);
        list->SetItem(row, 1, m_rows[i].keys);
        list->SetItem(row, 2, m_rows[i].what);
    }
    int width = 0;
    for (int column = 0; column < 3; ++column) { // the wider of the header and the longest row
        list->SetColumnWidth(column, wxLIST_AUTOSIZE);
        const int content = list->GetColumnWidth(column);
        list->SetColumnWidth(column, wxLIST_AUTOSIZE_USEHEADER);
        list->SetColumnWidth(column, std::max(content, list->GetColumnWidth(column)));
        width += list->GetColumnWidth(column);
    }
    list->SetMinSize(wxSize(width + FromDIP(32), FromDIP(560)));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list, 1, wxEXPAND | wxALL, FromDIP(8));
    // The stock label (wx's own catalogue): "Close" is also a kind of relation in ours.
    sizer->Add(new wxButton(this, wxID_CLOSE), 0, wxALIGN_RIGHT | wxLEFT | wxRIGHT | wxBOTTOM,
               FromDIP(8));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);
}

} // namespace kartbok::app
