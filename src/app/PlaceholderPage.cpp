#include "PlaceholderPage.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kartbok::app {

PlaceholderPage::PlaceholderPage(wxWindow* parent, const wxString& title,
                                 const wxString& description)
    : wxPanel(parent) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, title);
    heading->SetFont(heading->GetFont().Bold().Scaled(1.3f));
    auto* text = new wxStaticText(this, wxID_ANY, description);
    text->Wrap(FromDIP(560));
    sizer->Add(heading, 0, wxALL, 16);
    sizer->Add(text, 0, wxLEFT | wxRIGHT, 16);
    SetSizer(sizer);
}

} // namespace kartbok::app
