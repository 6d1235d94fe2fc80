#include "shell/ClientListPanel.h"

#include "common/Labels.h"
#include "common/Palette.h"
#include "common/Utf8.h"
#include "model/InterviewPresenter.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>

#include <algorithm>
#include <numeric>

namespace kartbok::app {

namespace {
/// Choice entries: 0 = active (not archived), then every status.
constexpr int kActive = 0;
/// After the statuses: cases with a follow-up or retention review due.
int DueSoonRow() {
    return 1 + static_cast<int>(kCaseStatuses.size());
}

enum Column { kCode, kStatus, kFollowUp, kInterview, kColumns };

wxString ColumnTitle(const wxListCtrl& list, int column) {
    wxListItem item;
    item.SetMask(wxLIST_MASK_TEXT);
    list.GetColumn(column, item);
    return item.GetText();
}
} // namespace

ClientListPanel::ClientListPanel(wxWindow* parent) : wxPanel(parent) {
    SetName("client_list_panel");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_search = new wxSearchCtrl(this, wxID_ANY);
    m_search->SetName("client_filter");
    m_search->SetDescriptiveText(_("Filter by code"));
    m_search->ShowCancelButton(true);
    sizer->Add(m_search, 0, wxALL | wxEXPAND, 4);

    m_status = new wxChoice(this, wxID_ANY);
    m_status->SetName("status_filter");
    m_status->Append(_("All active clients"));
    for (auto s : kCaseStatuses)
        m_status->Append(Name(s));
    m_status->Append(_("Due soon (follow-up or review)"));
    m_status->SetSelection(kActive);
    sizer->Add(m_status, 0, wxLEFT | wxRIGHT | wxBOTTOM | wxEXPAND, 4);

    // Several clients can be selected (Ctrl, Shift) for a supervision pack;
    // selecting exactly one opens it.
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    m_list->SetName("client_list");
    m_list->AppendColumn(_("Client"));
    m_list->AppendColumn(_("Status"));
    m_list->AppendColumn(_("Follow-up"));
    // TRANSLATORS: column of the client list: deep-interview topics covered, "9/14".
    m_list->AppendColumn(_("Interview"), wxLIST_FORMAT_RIGHT);
    sizer->Add(m_list, 1, wxLEFT | wxRIGHT | wxEXPAND, 4);
    // Wide enough for every column with typical content, in this language; the
    // splitter keeps the pane at least this wide.
    const std::vector<int> typical = ColumnWidths(false);
    SetMinSize(wxSize(std::accumulate(typical.begin(), typical.end(), 0) + 8 +
                          wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this) + FromDIP(4),
                      -1));

    auto* searchNotes = new wxButton(this, wxID_ANY, _("Search notes..."));
    searchNotes->SetName("search_notes");
    searchNotes->SetToolTip(_("Search every client's notes (decrypted in memory only)"));
    auto* newCase = new wxButton(this, wxID_ANY, _("New client..."));
    newCase->SetName("new_case");
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(searchNotes, 1, wxRIGHT, 4);
    buttons->Add(newCase, 1);
    sizer->Add(buttons, 0, wxALL | wxEXPAND, 4);
    SetSizer(sizer);

    m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Rebuild(); });
    m_search->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
        m_search->Clear();
        Rebuild();
    });
    m_status->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Rebuild(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, &ClientListPanel::OnSelected, this);
    m_list->Bind(wxEVT_CONTEXT_MENU, [this](wxContextMenuEvent&) {
        wxMenu menu;
        menu.Append(wxID_ANY, _("Supervision pack of the selected clients..."))
            ->Enable(!SelectedIds().empty());
        menu.Bind(wxEVT_MENU, [this](wxCommandEvent&) {
            if (onSupervisionPack)
                onSupervisionPack();
        });
        PopupMenu(&menu);
    });
    m_list->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] { FitColumns(); }); // once the list knows its new client size
    });
    newCase->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (onNewCase)
            onNewCase();
    });
    searchNotes->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (onSearchNotes)
            onSearchNotes();
    });
}

void ClientListPanel::SetCases(std::vector<vault::CaseSummary> cases) {
    m_cases = std::move(cases);
    Rebuild();
}

void ClientListPanel::SetTemplates(journal::TemplateSet templates) {
    m_templates = std::move(templates);
    Rebuild();
}

void ClientListPanel::Rebuild() {
    ClientFilter filter;
    filter.text = Utf8(m_search->GetValue());
    const int sel = m_status->GetSelection();
    filter.dueOnly = sel == DueSoonRow();
    if (sel > kActive && sel != DueSoonRow())
        filter.status = kCaseStatuses[static_cast<std::size_t>(sel - 1)];
    m_rows = BuildClientRows(m_cases, filter, Today(), m_templates.Find(kDeepInterviewId));

    m_rebuilding = true;
    m_list->Freeze();
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const auto& row = m_rows[i];
        const long item = m_list->InsertItem(static_cast<long>(i), wxString::FromUTF8(row.code));
        m_list->SetItem(item, 1, Name(row.status));
        m_list->SetItem(item, 2, wxString::FromUTF8(row.followUpDue));
        if (row.due == journal::DueKind::RetentionReview)
            m_list->SetItem(item, 2, wxString::Format(_("Review %s"), FromUtf8(row.dueDate)));
        else if (row.due) // overdue or within 30 days: marked, so it is seen before it is late
            m_list->SetItem(item, 2, wxString::FromUTF8("\u25CF ") + FromUtf8(row.dueDate));
        m_list->SetItem(item, kInterview, FromUtf8(ProgressText(row.interview)));
        if (row.followUpOverdue || row.due == journal::DueKind::FollowUpOverdue)
            m_list->SetItemTextColour(item, palette::kError);
        else if (row.due)
            m_list->SetItemTextColour(item, palette::kWarning);
        if (row.id == m_selectedId)
            m_list->SetItemState(item, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    FitColumns();
    m_list->Thaw();
    m_rebuilding = false;
}

std::vector<int> ClientListPanel::ColumnWidths(bool withRows) const {
    const int padding = FromDIP(16);
    std::vector<int> widths(kColumns, 0);
    auto fit = [&](int column, const wxString& text) {
        auto& width = widths[static_cast<std::size_t>(column)];
        width = std::max(width, m_list->GetTextExtent(text).x + padding);
    };
    for (int c = 0; c < kColumns; ++c)
        fit(c, ColumnTitle(*m_list, c));
    // Typical content, so the columns stay put while the filter changes the rows.
    fit(kCode, "GBG-2026-014");
    for (auto s : kCaseStatuses)
        fit(kStatus, Name(s));
    fit(kFollowUp, wxString::FromUTF8("\u25CF 2026-12-31"));
    fit(kInterview, "17/17");
    if (!withRows)
        return widths;
    // The longest text of each column shown (measuring one per column keeps
    // typing in the filter quick with thousands of clients).
    std::vector<wxString> longest(kColumns);
    for (long i = 0; i < m_list->GetItemCount(); ++i)
        for (int c = 0; c < kColumns; ++c) {
            wxString text = m_list->GetItemText(i, c);
            if (text.length() > longest[static_cast<std::size_t>(c)].length())
                longest[static_cast<std::size_t>(c)] = std::move(text);
        }
    for (int c = 0; c < kColumns; ++c)
        fit(c, longest[static_cast<std::size_t>(c)]);
    return widths;
}

void ClientListPanel::FitColumns() {
    std::vector<int> widths = ColumnWidths(true);
    const std::vector<int> typical = ColumnWidths(false);
    const int room = m_list->GetClientSize().x;
    auto total = [&] { return std::accumulate(widths.begin(), widths.end(), 0); };
    // Too wide (a long "Review ..." date, a long code): the follow-up, status and
    // code columns give way, down to their typical width, in that order (wx ends
    // the cut text with "..."); the interview progress is never cut.
    for (int c : {kFollowUp, kStatus, kCode}) {
        auto& width = widths[static_cast<std::size_t>(c)];
        const int excess = total() - room;
        if (excess > 0)
            width = std::max(typical[static_cast<std::size_t>(c)], width - excess);
    }
    // Room to spare goes to the code column. Narrower than even the typical
    // widths (the pane keeps at least those), the list scrolls sideways.
    if (total() < room)
        widths[kCode] += room - total();
    for (int c = 0; c < kColumns; ++c)
        if (m_list->GetColumnWidth(c) != widths[static_cast<std::size_t>(c)])
            m_list->SetColumnWidth(c, widths[static_cast<std::size_t>(c)]);
}

int ClientListPanel::NeededWidth() const {
    const std::vector<int> widths = ColumnWidths(true);
    return std::accumulate(widths.begin(), widths.end(), 0) + 8 +
           wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this) + FromDIP(4);
}

void ClientListPanel::SelectCase(const std::string& id) {
    m_selectedId = id;
    m_rebuilding = true;
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_list->SetItemState(static_cast<long>(i), m_rows[i].id == id ? wxLIST_STATE_SELECTED : 0,
                             wxLIST_STATE_SELECTED);
    m_rebuilding = false;
}

std::vector<std::string> ClientListPanel::SelectedIds() const {
    std::vector<std::string> ids;
    for (long i = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); i >= 0;
         i = m_list->GetNextItem(i, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        if (static_cast<std::size_t>(i) < m_rows.size())
            ids.push_back(m_rows[static_cast<std::size_t>(i)].id);
    return ids;
}

void ClientListPanel::SelectIds(const std::vector<std::string>& ids) {
    m_rebuilding = true;
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_list->SetItemState(
            static_cast<long>(i),
            std::count(ids.begin(), ids.end(), m_rows[i].id) ? wxLIST_STATE_SELECTED : 0,
            wxLIST_STATE_SELECTED);
    m_rebuilding = false;
}

void ClientListPanel::OnSelected(wxListEvent& event) {
    if (m_rebuilding || m_list->GetSelectedItemCount() != 1)
        return; // several selected: a pack is being picked, nothing opens
    const long index = event.GetIndex();
    if (index < 0 || static_cast<std::size_t>(index) >= m_rows.size())
        return;
    const std::string id = m_rows[static_cast<std::size_t>(index)].id;
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    if (onOpen)
        onOpen(id);
}

} // namespace kartbok::app
