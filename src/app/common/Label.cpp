#include "common/Label.h"

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
} // namespace

wxStaticText* NewHeading(wxWindow* parent, const wxString& text, double scale) {
    auto* label = new wxStaticText(parent, wxID_ANY, wxString());
    const double points = parent->GetFont().GetFractionalPointSize() * scale;
    // Pango sizes are in 1024ths of a point.
    label->SetLabelMarkup(wxString::Format("<span weight='bold' size='%d'>%s</span>",
                                           static_cast<int>(std::lround(points * 1024)),
                                           EscapeMarkup(text)));
    return label;
}

} // namespace kartbok::app
