#include "PreferencesDialog.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

namespace kartbok::app {

PreferencesDialog::PreferencesDialog(wxWindow* parent, const Preferences& prefs)
    : wxDialog(parent, wxID_ANY, _("Preferences")), m_prefs(prefs) {
    SetName("preferences_dialog");
    auto* grid = new wxFlexGridSizer(2, wxSize(10, 8));
    grid->Add(new wxStaticText(this, wxID_ANY, _("Language")), 0, wxALIGN_CENTER_VERTICAL);
    m_language = new wxChoice(this, wxID_ANY);
    m_language->SetName("language");
    // Language names in their own language, so anyone can find theirs.
    m_language->Append(_("System default"));
    m_language->Append("Svenska");
    m_language->Append("English");
    m_language->SetSelection(prefs.language == "sv" ? 1 : prefs.language == "en" ? 2 : 0);
    grid->Add(m_language, 1, wxEXPAND);

    grid->Add(new wxStaticText(this, wxID_ANY, _("Lock after idle minutes (0 = never)")), 0,
              wxALIGN_CENTER_VERTICAL);
    m_minutes = new wxSpinCtrl(this, wxID_ANY);
    m_minutes->SetName("idle_minutes");
    m_minutes->SetRange(0, 240);
    m_minutes->SetValue(prefs.idleLockMinutes);
    grid->Add(m_minutes, 1, wxEXPAND);

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(grid, 1, wxALL | wxEXPAND, 12);
    outer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxALL | wxEXPAND, 8);
    SetSizerAndFit(outer);
    CentreOnParent();
}

Preferences PreferencesDialog::Result() const {
    Preferences p = m_prefs;
    const int sel = m_language->GetSelection();
    p.language = sel == 1 ? "sv" : sel == 2 ? "en" : "";
    p.idleLockMinutes = m_minutes->GetValue();
    return p;
}

} // namespace kartbok::app
