#include "map/GrowthBar.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kartbok::app {

GrowthBar::GrowthBar(wxWindow* parent, std::function<void(Growth)> onGrow) : wxPanel(parent) {
    SetName("growth_bar");
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
        {Growth::TwinFraternal, _("+ Twin"),
         _("Add a twin born the same day (T; Shift+T for an identical twin)"), "grow_twin"},
        {Growth::Pregnancy, _("+ Pregnancy"), _("Add pregnancy (G)"), "grow_pregnancy"},
    };
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    auto* label = new wxStaticText(this, wxID_ANY, _("Add:"));
    sizer->Add(label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    m_items.push_back(label);
    for (const auto& e : entries) {
        auto* button =
            new wxButton(this, wxID_ANY, e.label, wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        button->SetName(e.name);
        button->SetToolTip(e.tip);
        // Buttons must not keep the focus: the map's keys (P, S, C, B, T) act on the canvas.
        button->SetCanFocus(false);
        const Growth growth = e.growth;
        button->Bind(wxEVT_BUTTON, [onGrow, growth](wxCommandEvent&) { onGrow(growth); });
        sizer->Add(button, 0, wxRIGHT, 2);
        m_buttons[growth] = button;
        m_items.push_back(button);
    }
    SetSizerAndFit(sizer);
    UpdateFor(false, false, false);
}

void GrowthBar::UpdateFor(bool person, bool couple, bool editable) {
    for (auto& [growth, button] : m_buttons) {
        const bool child =
            growth == Growth::Son || growth == Growth::Daughter || growth == Growth::Pregnancy;
        button->Enable(editable && (person || (couple && child)));
    }
}

wxSize GrowthBar::FitWithin(int maxWidth) {
    int oneRow = GetSize().x - GetClientSize().x;
    for (wxWindow* item : m_items)
        oneRow += item->GetBestSize().x + 4;
    const int rows = oneRow <= maxWidth ? 1 : 2;
    if (rows != m_rows) {
        wxSizer* sizer = rows == 1
                             ? static_cast<wxSizer*>(new wxBoxSizer(wxHORIZONTAL))
                             : new wxGridSizer(2, static_cast<int>((m_items.size() + 1) / 2), 0, 0);
        for (wxWindow* item : m_items) {
            GetSizer()->Detach(item);
            const int fill = item == m_items.front() ? int{wxALIGN_CENTER_VERTICAL} : int{wxEXPAND};
            sizer->Add(item, 0, fill | wxRIGHT | wxBOTTOM, 2);
        }
        SetSizer(sizer); // deletes the old one
        m_rows = rows;
    }
    return GetSizer()->CalcMin() + (GetSize() - GetClientSize());
}

} // namespace kartbok::app
