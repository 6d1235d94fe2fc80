#include "common/Label.h"

#include "common/NativeLayout.h"

#include <wx/scrolwin.h>

#include <cmath>

namespace kartbok::app {

namespace {
wxString EscapeMarkup(wxString text) {
    text.Replace("&", "&amp;");
    text.Replace("<", "&lt;");
    text.Replace(">", "&gt;");
    text.Replace("'", "&apos;");
    text.Replace("\"", "&quot;");
    return text;
}

/// A wrapped text never asks for more than this width, so the window decides.
constexpr int kMinWrapWidth = 60;
} // namespace

wxStaticText* NewHeading(wxWindow* parent, const wxString& text, double scale) {
    auto* label = new wxStaticText(parent, wxID_ANY, wxString());
    SetHeading(label, text, scale);
    return label;
}

void SetHeading(wxStaticText* heading, const wxString& text, double scale) {
    const double points = heading->GetParent()->GetFont().GetFractionalPointSize() * scale;
    // Pango sizes are in 1024ths of a point.
    heading->SetLabelMarkup(wxString::Format("<span weight='bold' size='%d'>%s</span>",
                                             static_cast<int>(std::lround(points * 1024)),
                                             EscapeMarkup(text)));
    heading->InvalidateBestSize();
}

WrappingText::WrappingText(wxWindow* parent, const wxString& text, double headingScale)
    : wxStaticText(parent, wxID_ANY, wxString()), m_text(text), m_headingScale(headingScale) {
    ShowText(text);
    SetMinSize(wxSize(FromDIP(kMinWrapWidth), -1));
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        const int width = e.GetSize().x;
        if (width != m_wrappedAt)
            CallAfter([this, width] { Rewrap(width); });
    });
}

void WrappingText::ShowText(const wxString& text) {
    if (m_headingScale > 0)
        SetHeading(this, text, m_headingScale);
    else
        wxStaticText::SetLabel(text);
}

void WrappingText::SetLabel(const wxString& text) {
    if (text == m_text)
        return;
    m_text = text;
    ShowText(text);
    const int width = m_wrappedAt;
    m_wrappedAt = -1;
    Rewrap(width > 0 ? width : GetSize().x);
}

void WrappingText::Rewrap(int width) {
    // A window not laid out yet is a few pixels wide: wrapping a word a line
    // there would ask for a tower of height. Wait for a real width.
    if (width < FromDIP(kMinWrapWidth) || width == m_wrappedAt)
        return;
    m_wrappedAt = width;
    int height = LabelHeightForWidth(*this, width);
    if (height < 0) { // no native wrapping: break the lines here
        ShowText(m_text);
        Wrap(width);
        InvalidateBestSize();
        height = GetBestSize().y;
    }
    if (height == GetMinSize().y)
        return;
    SetMinSize(wxSize(FromDIP(kMinWrapWidth), height));
    // More or fewer lines: everything below moves, up to the nearest scrolled window.
    for (wxWindow* w = GetParent(); w; w = w->GetParent()) {
        w->Layout();
        if (dynamic_cast<wxScrollHelperBase*>(w)) {
            w->FitInside();
            break;
        }
        if (w->IsTopLevel())
            break;
    }
}

} // namespace kartbok::app
