#pragma once
// The client list on the left: pseudonymous code, status, follow-up date and
// deep-interview progress from the vault's index, filtered by text and status.
// Clicking a row opens it.

#include "model/ClientListPresenter.h"

#include "kartbok/journal/TemplateLoader.h"

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
    /// The templates progress is counted against (the deep-interview checklist);
    /// without them the Interview column shows a dash.
    void SetTemplates(journal::TemplateSet templates);
    /// Marks the open case without reopening it.
    void SelectCase(const std::string& id);
    const std::vector<ClientRow>& Rows() const { return m_rows; }
    /// The clients selected in the list (several with Ctrl or Shift), in list order.
    std::vector<std::string> SelectedIds() const;
    /// Selects these clients (for tests; the user Ctrl-clicks).
    void SelectIds(const std::vector<std::string>& ids);

    /// The width every column needs for its title and the rows shown, so the
    /// frame can give the list that much and no text is cut.
    int NeededWidth() const;

    std::function<void(const std::string& caseId)> onOpen;
    std::function<void()> onNewCase;
    std::function<void()> onSearchNotes; ///< every client's notes (Edit > Find in notes)
    /// "Supervision pack of the selected clients..." from the list's menu.
    std::function<void()> onSupervisionPack;

private:
    void Rebuild();
    /// Each column as wide as its title and typical content and, withRows, the
    /// rows shown.
    std::vector<int> ColumnWidths(bool withRows) const;
    /// Fits the columns to the list's width: the code column takes what is
    /// left; when the rows need more, long follow-up, status and code texts are
    /// cut (never the interview progress).
    void FitColumns();
    void OnSelected(wxListEvent& event);

    std::vector<vault::CaseSummary> m_cases;
    journal::TemplateSet m_templates;
    std::vector<ClientRow> m_rows;
    std::string m_selectedId;
    bool m_rebuilding = false;
    wxSearchCtrl* m_search = nullptr;
    wxChoice* m_status = nullptr;
    wxListCtrl* m_list = nullptr;
};

} // namespace kartbok::app
