#include "map/GrowthBar.h"

#include <wx/button.h>
#include <wx/sizer.h>

namespace kartbok::app {

GrowthBar::GrowthBar(wxWindow* parent, std::function<void(Growth)> onGrow)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_SIMPLE) {
    SetName("growth_bar");
    SetBackgroundColour(wxColour(245, 247, 250));
    struct Entry {
        Growth growth;
        wxString label;
        wxString tip;
        const char* name;
    };
    const Entry entries[] = {
        {Growth::Father, _("+ Father"), _("Add father (P)"), "grow_father"},
        {Growth::Mother, _("+ Mother"), _("Add mother (Shift+P)"), "grow_mother"},
        {Growth::Partner, _("+ Partner"), _("Add partner (S)"), "grow_partner"},
        {Growth::Son, _("+ Son"), _("Add son (C)"), "grow_son"},
        {Growth::Daughter, _("+ Daughter"), _("Add daughter (Shift+C)"), "grow_daughter"},
        {Growth::Brother, _("+ Brother"), _("Add brother (B)"), "grow_brother"},
        {Growth::Sister, _("+ Sister"), _("Add sister (Shift+B)"), "grow_sister"},
        {Growth::Pregnancy, _("+ Pregnancy"), _("Add pregnancy"), "grow_pregnancy"},
    };
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    for (const auto& e : entries) {
        auto* button =
            new wxButton(this, wxID_ANY, e.label, wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        button->SetName(e.name);
        button->SetWindowVariant(wxWINDOW_VARIANT_SMALL); // covers as little of the map as it can
        button->SetToolTip(e.tip);
        // Buttons must not keep the focus: the map's keys (P, S, C, B) act on the canvas.
        button->SetCanFocus(false);
        const Growth growth = e.growth;
        button->Bind(wxEVT_BUTTON, [onGrow, growth](wxCommandEvent&) { onGrow(growth); });
        sizer->Add(button, 0, wxALL, 1);
        m_buttons.push_back(button);
    }
    SetSizerAndFit(sizer);
}

wxSize GrowthBar::FitWithin(int maxWidth) {
    int oneRow = GetSize().x - GetClientSize().x;
    for (wxWindow* b : m_buttons)
        oneRow += b->GetBestSize().x + 2;
    const int rows = oneRow <= maxWidth ? 1 : 2;
    if (rows != m_rows) {
        wxSizer* sizer =
            rows == 1 ? static_cast<wxSizer*>(new wxBoxSizer(wxHORIZONTAL))
                      : new wxGridSizer(2, static_cast<int>((m_buttons.size() + 1) / 2), 0, 0);
        for (wxWindow* b : m_buttons) {
            GetSizer()->Detach(b);
            sizer->Add(b, 0, wxALL | wxEXPAND, 1);
        }
        SetSizer(sizer); // deletes the old one
        m_rows = rows;
    }
    return GetSizer()->CalcMin() + (GetSize() - GetClientSize());
}

} // namespace kartbok::app
