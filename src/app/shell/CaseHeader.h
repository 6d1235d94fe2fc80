#pragma once
// The strip above the tabs: which client is open (pseudonymous code), status and
// key dates, and - when another Kartbok holds the case - a read-only banner.

#include "kartbok/journal/Case.h"

#include <wx/panel.h>

#include <functional>
#include <string>

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
    /// The second line: intake, waiting time, episode, follow-up, linked cases.
    wxString ClinicalText() const;
    /// The pseudonymous code of a case by id (the main frame reads the vault's
    /// index); the header names linked cases by code, never by anything else.
    std::function<std::string(const std::string& caseId)> codeOf;
    /// The client list's button says hide or show (the frame keeps the state).
    void SetClientListShown(bool shown);

    /// The hide/show-the-client-list button was pressed.
    std::function<void()> onToggleClientList;

private:
    /// "  ·  Relatives' own cases: KB-REL" - the linked cases by code; reads
    /// the index (codeOf) only when the links changed.
    wxString LinksText(const journal::Case& c);

    wxButton* m_toggleList = nullptr;
    wxStaticText* m_code = nullptr;
    wxStaticText* m_status = nullptr;
    WrappingText* m_dates = nullptr;
    WrappingText* m_clinical = nullptr;
    std::string m_linksKey; ///< the links last named, so the index is read only when they change
    wxString m_linksText;
    wxPanel* m_banner = nullptr;
    wxStaticText* m_bannerText = nullptr;
};

/// "First contact 2026-01-12 · Start 2026-02-01 · Follow-up due 2026-09-01", only the set ones.
wxString KeyDatesText(const journal::Case& c);
/// "Reason: Buying sexual services · Referred by: The partner · Waited 14 days
/// for the first visit · Treatment episode 2 · Follow-up declined 2026-02-20".
wxString IntakeText(const journal::Case& c);

} // namespace kartbok::app
