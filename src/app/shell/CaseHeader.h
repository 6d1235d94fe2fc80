#pragma once
// The strip above the tabs: which client is open (pseudonymous code), status and
// key dates, and - when another Kartbok holds the case - a read-only banner.

#include "kartbok/journal/Case.h"

#include <wx/panel.h>

class wxStaticText;

namespace kartbok::app {

class CaseHeader : public wxPanel {
public:
    explicit CaseHeader(wxWindow* parent);
    /// holder: who has the case open elsewhere; empty when the case is editable.
    void ShowCase(const journal::Case& c, bool readOnly, const std::string& holder);
    wxString BannerText() const;

private:
    wxStaticText* m_code = nullptr;
    wxStaticText* m_status = nullptr;
    wxStaticText* m_dates = nullptr;
    wxPanel* m_banner = nullptr;
    wxStaticText* m_bannerText = nullptr;
};

/// "First contact 2026-01-12 · Start 2026-02-01 · Follow-up due 2026-09-01", only the set ones.
wxString KeyDatesText(const journal::Case& c);

} // namespace kartbok::app
