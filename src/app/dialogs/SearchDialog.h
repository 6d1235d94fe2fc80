#pragma once
// Edit > Find in notes: a query, "this client" or "all clients", and the hits
// as client code, date, where and a snippet. Opening a hit closes the dialog,
// so no snippet of client text outlives it on screen.

#include "kartbok/vault/Vault.h"

#include <wx/dialog.h>

#include <functional>
#include <string>

class wxListCtrl;
class wxRadioBox;
class wxSearchCtrl;
class wxStaticText;

namespace kartbok::app {

class SearchDialog : public wxDialog {
public:
    struct Callbacks {
        /// Runs the search; allClients false means the open client only.
        std::function<vault::VaultSearchResult(const std::string& query, bool allClients)> search;
        std::function<void(const vault::VaultSearchHit&)> open;
    };
    /// haveCase: a client is open, so "this client" can be chosen.
    SearchDialog(wxWindow* parent, bool allClients, bool haveCase, Callbacks callbacks);

    /// Searches for text in the chosen scope and lists the hits (also for tests).
    void Search(const wxString& text);
    const vault::VaultSearchResult& Result() const { return m_result; }
    wxString Summary() const;
    /// Opens hit i (what a double-click does) and closes the dialog.
    void OpenHit(std::size_t i);

private:
    Callbacks m_callbacks;
    vault::VaultSearchResult m_result;
    wxSearchCtrl* m_text = nullptr;
    wxRadioBox* m_scope = nullptr;
    wxListCtrl* m_list = nullptr;
    wxStaticText* m_summary = nullptr;
};

} // namespace kartbok::app
