#pragma once
// The strip above the tabs: which client is open (pseudonymous code), status and
// key dates, and - when another Kartbok holds the case - a read-only banner.

#include "kartbok/journal/Case.h"

#include <wx/panel.h>

#include <functional>

class wxButton;
class wxStaticText;

namespace kartbok::app {

class WrappingText;

class CaseHeader : public wxPanel {
public:
    explicit CaseHeader(wxWindow* parent);
    /// holder: who has the case open elsewhere; empty when the case is editable.
    void ShowCase(const journal::Case& c, bool readOnly, const std::string& holder);
    wxString BannerText() const;
    /// The client list's button says hide or show (the frame keeps the state).
    void SetClientListShown(bool shown);

    /// The hide/show-the-client-list button was pressed.
    std::function<void()> onToggleClientList;

private:
    wxButton* m_toggleList = nullptr;
    wxStaticText* m_code = nullptr;
    wxStaticText* m_status = nullptr;
    WrappingText* m_dates = nullptr;
    wxPanel* m_banner = nullptr;
    wxStaticText* m_bannerText = nullptr;
};

/// "First contact 2026-01-12 · Start 2026-02-01 · Follow-up due 2026-09-01", only the set ones.
wxString KeyDatesText(const journal::Case& c);

} // namespace kartbok::app
