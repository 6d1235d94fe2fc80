#pragma once
// Help > User guide (F1): the guide in the UI language, in a window of its own
// so it can stay open beside the main window while the therapist follows it.
//
// Shown with wx's own HTML view rather than the system browser: it works with
// no browser installed and no network, opens in the app's language at once,
// follows the app's lock (it holds no client data, so it may stay open), and
// the GUI tests can drive and photograph it like any other window.

#include <wx/frame.h>

class wxHtmlWindow;

namespace kartbok::app {

class HelpFrame : public wxFrame {
public:
    explicit HelpFrame(wxWindow* parent);

    /// (Re)loads the guide page of the current UI language and scrolls to
    /// `anchor` ("" for the top). Missing screenshots are left out; a missing
    /// page is replaced by a line naming the file that should be there.
    void ShowGuide(const wxString& anchor = wxString());
    /// True when the guide page was found and read.
    bool HasGuide() const { return m_hasGuide; }
    wxHtmlWindow& Html() { return *m_html; }

private:
    wxHtmlWindow* m_html = nullptr;
    bool m_hasGuide = false;
};

/// Opens the guide window, or brings the open one forward (reloaded, so it
/// follows a language switch). The window is named "user_guide".
HelpFrame* ShowUserGuide(wxWindow* parent, const wxString& anchor = wxString());

} // namespace kartbok::app
