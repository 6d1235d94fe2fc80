#pragma once
// Labels that keep their words whole. Headings are made with Pango markup
// instead of SetFont: under GTK 3 a label's size is measured before a changed
// font takes effect, so a bold heading was wrapped to the width of its regular
// text and its last words cut off. Long texts (a template's prompting
// questions, a case's dates) wrap to whatever width the window gives them.

#include <wx/stattext.h>

namespace kartbok::app {

/// A bold static text, `scale` times the parent's font size.
wxStaticText* NewHeading(wxWindow* parent, const wxString& text, double scale = 1.0);
/// Gives a heading made by NewHeading new words (a plain SetLabel would drop the markup).
void SetHeading(wxStaticText* heading, const wxString& text, double scale = 1.0);

/// A text that wraps to the width its sizer gives it (add it with wxEXPAND)
/// and asks for the height of all its lines, so nothing is cut at any window
/// width. Changing the text re-wraps it.
class WrappingText : public wxStaticText {
public:
    /// headingScale > 0 makes it a bold heading that size (as NewHeading).
    WrappingText(wxWindow* parent, const wxString& text, double headingScale = 0);
    void SetLabel(const wxString& text) override;
    /// The words as given, without the line breaks the wrapping put in.
    const wxString& Text() const { return m_text; }

private:
    void Rewrap(int width);

    void ShowText(const wxString& text);

    wxString m_text;
    double m_headingScale = 0;
    int m_wrappedAt = -1;
};

} // namespace kartbok::app
