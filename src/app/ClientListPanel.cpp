#include "ClientListPanel.h"

#include "Names.h"
#include "Utf8.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>

namespace kartbok::app {

namespace {
/// Choice entries: 0 = active (not archived), then every status.
constexpr int kActive = 0;
/// After the statuses: cases with a follow-up or retention review due.
constexpr int kDueSoon = 1 + static_cast<int>(kCaseStatuses.size());
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
        m_status->Append(CaseStatusName(s));
    m_status->Append(_("Due soon (follow-up or review)"));
    m_status->SetSelection(kActive);
    sizer->Add(m_status, 0, wxLEFT | wxRIGHT | wxBOTTOM | wxEXPAND, 4);

    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("client_list");
    m_list->AppendColumn(_("Client"), wxLIST_FORMAT_LEFT, FromDIP(105));
    m_list->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_list->AppendColumn(_("Follow-up"), wxLIST_FORMAT_LEFT, FromDIP(85));
    sizer->Add(m_list, 1, wxLEFT | wxRIGHT | wxEXPAND, 4);

    auto* newCase = new wxButton(this, wxID_ANY, _("New client..."));
    newCase->SetName("new_case");
    sizer->Add(newCase, 0, wxALL | wxEXPAND, 4);
    SetSizer(sizer);

    m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Rebuild(); });
    m_search->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
        m_search->Clear();
        Rebuild();
    });
    m_status->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Rebuild(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, &ClientListPanel::OnSelected, this);
    newCase->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (onNewCase)
            onNewCase();
    });
}

void ClientListPanel::SetCases(std::vector<vault::CaseSummary> cases) {
    m_cases = std::move(cases);
    Rebuild();
}

void ClientListPanel::Rebuild() {
    ClientFilter filter;
    filter.text = Utf8(m_search->GetValue());
    const int sel = m_status->GetSelection();
    filter.dueOnly = sel == kDueSoon;
    if (sel > kActive && sel != kDueSoon)
        filter.status = kCaseStatuses[static_cast<std::size_t>(sel - 1)];
    m_rows = BuildClientRows(m_cases, filter, Today());

    m_rebuilding = true;
    m_list->Freeze();
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const auto& row = m_rows[i];
        const long item = m_list->InsertItem(static_cast<long>(i), wxString::FromUTF8(row.code));
        m_list->SetItem(item, 1, CaseStatusName(row.status));
        m_list->SetItem(item, 2, wxString::FromUTF8(row.followUpDue));
        if (row.due == journal::DueKind::RetentionReview)
            m_list->SetItem(item, 2, wxString::Format(_("Review %s"), FromUtf8(row.dueDate)));
        else if (row.due) // overdue or within 30 days: marked, so it is seen before it is late
            m_list->SetItem(item, 2, wxString::FromUTF8("\u25CF ") + FromUtf8(row.dueDate));
        if (row.followUpOverdue || row.due == journal::DueKind::FollowUpOverdue)
            m_list->SetItemTextColour(item, wxColour(170, 40, 0));
        else if (row.due)
            m_list->SetItemTextColour(item, wxColour(176, 100, 0));
        if (row.id == m_selectedId)
            m_list->SetItemState(item, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    m_list->Thaw();
    m_rebuilding = false;
}

void ClientListPanel::SelectCase(const std::string& id) {
    m_selectedId = id;
    m_rebuilding = true;
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_list->SetItemState(static_cast<long>(i), m_rows[i].id == id ? wxLIST_STATE_SELECTED : 0,
                             wxLIST_STATE_SELECTED);
    m_rebuilding = false;
}

void ClientListPanel::OnSelected(wxListEvent& event) {
    if (m_rebuilding)
        return;
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
