#include "dialogs/SearchDialog.h"

#include "common/Labels.h"
#include "common/ListColumns.h"

#include "common/Palette.h"
#include "common/Utf8.h"

#include <wx/listctrl.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include <set>

namespace kartbok::app {

SearchDialog::SearchDialog(wxWindow* parent, bool allClients, bool haveCase, Callbacks callbacks)
    : wxDialog(parent, wxID_ANY, _("Find in notes"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_callbacks(std::move(callbacks)) {
    SetName("search_dialog");
    m_text = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxTE_PROCESS_ENTER);
    m_text->SetName("search_text");
    m_text->SetDescriptiveText(_("Words to find in notes, addenda, themes and topics"));
    const wxString scopes[] = {_("This client"), _("All clients")};
    m_scope = new wxRadioBox(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 2,
                             scopes, 1, wxRA_SPECIFY_ROWS);
    m_scope->SetName("search_scope");
    m_scope->Enable(0, haveCase);
    m_scope->SetSelection(allClients || !haveCase ? 1 : 0);
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(760, 360)),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("search_hits");
    m_list->AppendColumn(_("Client"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_list->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(100));
    m_list->AppendColumn(_("Where"), wxLIST_FORMAT_LEFT, FromDIP(150));
    m_list->AppendColumn(_("Text"), wxLIST_FORMAT_LEFT, FromDIP(390));
    m_summary = new wxStaticText(this, wxID_ANY, _("Nothing searched yet."));
    m_summary->SetName("search_summary");
    // Said once, where the search is run: it never leaves a trace of the words on disk.
    auto* note = new wxStaticText(
        this, wxID_ANY,
        _("Each client's file is decrypted in memory only; the words searched for are not "
          "saved or logged."));
    note->SetForegroundColour(palette::kMutedText);

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(m_text, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    top->Add(m_scope, 0, wxALIGN_CENTER_VERTICAL);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(m_summary, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(note, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(CreateStdDialogButtonSizer(wxCLOSE), 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);

    auto run = [this](wxCommandEvent&) { Search(m_text->GetValue()); };
    m_text->Bind(wxEVT_TEXT_ENTER, run);
    m_text->Bind(wxEVT_SEARCHCTRL_SEARCH_BTN, run);
    m_scope->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) {
        if (!m_text->GetValue().empty())
            Search(m_text->GetValue());
    });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        if (e.GetIndex() >= 0)
            OpenHit(static_cast<std::size_t>(e.GetIndex()));
    });
    m_text->SetFocus();
}

void SearchDialog::Search(const wxString& text) {
    if (m_text->GetValue() != text)
        m_text->ChangeValue(text);
    {
        wxBusyCursor busy;
        m_result = m_callbacks.search ? m_callbacks.search(Utf8(text), m_scope->GetSelection() == 1)
                                      : vault::VaultSearchResult{};
    }
    m_list->Freeze();
    m_list->DeleteAllItems();
    for (const auto& h : m_result.hits) {
        const long row = m_list->InsertItem(m_list->GetItemCount(), FromUtf8(h.code));
        m_list->SetItem(row, 1, FromUtf8(h.hit.date.Iso()));
        m_list->SetItem(row, 2, Name(h.hit.place));
        m_list->SetItem(row, 3, FromUtf8(h.hit.snippet));
    }
    FitColumnsToContent(*m_list);
    m_list->SetMinSize(m_list->GetSize()); // scrolls sideways rather than grow the dialog
    m_list->Thaw();
    m_summary->SetLabel(Summary());
    Layout();
}

wxString SearchDialog::Summary() const {
    std::set<std::string> clients;
    for (const auto& h : m_result.hits)
        clients.insert(h.caseId);
    const std::size_t hits = m_result.hits.size();
    wxString text = wxString::Format(wxPLURAL("%zu hit", "%zu hits", hits), hits) + " " +
                    wxString::Format(wxPLURAL("in %zu client", "in %zu clients", clients.size()),
                                     clients.size()) +
                    " " + wxString::Format(_("(%zu searched)."), m_result.casesSearched);
    if (!m_result.problems.empty()) {
        text += "\n" + _("Could not be read:");
        for (const auto& p : m_result.problems)
            text += "\n  " + FromUtf8(p);
    }
    return text;
}

void SearchDialog::OpenHit(std::size_t i) {
    if (i >= m_result.hits.size())
        return;
    const vault::VaultSearchHit hit = m_result.hits[i];
    if (IsModal())
        EndModal(wxID_OK);
    else
        Hide();
    if (m_callbacks.open)
        m_callbacks.open(hit);
}

} // namespace kartbok::app
