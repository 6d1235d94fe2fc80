#pragma once
// The client list on the left: pseudonymous code, status and follow-up date
// from the vault's index, filtered by text and status. Clicking a row opens it.

#include "ClientListPresenter.h"

#include <wx/panel.h>

#include <functional>

class wxListCtrl;
class wxListEvent;
class wxSearchCtrl;
class wxChoice;

namespace kartbok::app {

class ClientListPanel : public wxPanel {
public:
    explicit ClientListPanel(wxWindow* parent);

    void SetCases(std::vector<vault::CaseSummary> cases);
    /// Marks the open case without reopening it.
    void SelectCase(const std::string& id);
    const std::vector<ClientRow>& Rows() const { return m_rows; }

    std::function<void(const std::string& caseId)> onOpen;
    std::function<void()> onNewCase;

private:
    void Rebuild();
    void OnSelected(wxListEvent& event);

    std::vector<vault::CaseSummary> m_cases;
    std::vector<ClientRow> m_rows;
    std::string m_selectedId;
    bool m_rebuilding = false;
    wxSearchCtrl* m_search = nullptr;
    wxChoice* m_status = nullptr;
    wxListCtrl* m_list = nullptr;
};

} // namespace kartbok::app
