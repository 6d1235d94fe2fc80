#include "dialogs/PreferencesDialog.h"

#include "common/Label.h"
#include "common/Palette.h"
#include "common/TemplateCatalog.h"
#include "common/Utf8.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace kartbok::app {

PreferencesDialog::PreferencesDialog(wxWindow* parent, const Preferences& prefs,
                                     std::filesystem::path shippedTemplates)
    : wxDialog(parent, wxID_ANY, _("Preferences")), m_prefs(prefs),
      m_shipped(shippedTemplates.empty() ? journal::ShippedTemplatesDir()
                                         : std::move(shippedTemplates)) {
    SetName("preferences_dialog");
    auto* grid = new wxFlexGridSizer(2, wxSize(10, 8));
    grid->AddGrowableCol(1, 1);
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
    grid->AddSpacer(0);
    m_signPassword = new wxCheckBox(this, wxID_ANY, _("Ask for my password when I sign a note"));
    m_signPassword->SetName("sign_with_password");
    m_signPassword->SetToolTip(_("So that nobody else can sign in your name on a screen left "
                                 "unlocked"));
    m_signPassword->SetValue(prefs.signWithPassword);
    grid->Add(m_signPassword, 1, wxEXPAND);

    // The folder gets the dialog's whole width: paths are long.
    auto* clinicLabel = NewHeading(this, _("Clinic template folder"));
    // With a text field, so the folder can also be typed, pasted or cleared.
    m_clinic = new wxDirPickerCtrl(this, wxID_ANY, wxString::FromUTF8(prefs.clinicTemplates),
                                   _("Choose the clinic's template folder"), wxDefaultPosition,
                                   wxDefaultSize, wxDIRP_USE_TEXTCTRL | wxDIRP_SMALL);
    m_clinic->SetName("clinic_templates");
    if (m_clinic->GetTextCtrl())
        m_clinic->GetTextCtrl()->SetValue(wxString::FromUTF8(prefs.clinicTemplates));

    const int width = FromDIP(560);
    auto* hint = new wxStaticText(
        this, wxID_ANY,
        _("Templates in this folder override or add to the ones shipped with Kartbok. Leave it "
          "empty to use only the shipped templates."));
    hint->SetForegroundColour(palette::kMutedText);
    hint->Wrap(width);
    m_templateStatus = new wxStaticText(this, wxID_ANY, wxString());
    m_templateStatus->SetName("template_status");
    auto* problemsLabel =
        new wxStaticText(this, wxID_ANY, _("Templates that could not be loaded:"));
    m_problems =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(width, FromDIP(120)),
                       wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    m_problems->SetName("template_problems");

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(grid, 0, wxALL | wxEXPAND, 12);
    outer->AddSpacer(FromDIP(6));
    outer->Add(clinicLabel, 0, wxLEFT | wxRIGHT, 12);
    outer->Add(m_clinic, 0, wxLEFT | wxRIGHT | wxTOP | wxEXPAND, 12);
    outer->Add(hint, 0, wxLEFT | wxRIGHT | wxTOP | wxEXPAND, 12);
    outer->Add(m_templateStatus, 0, wxLEFT | wxRIGHT | wxTOP | wxEXPAND, 12);
    outer->Add(problemsLabel, 0, wxLEFT | wxRIGHT | wxTOP, 12);
    outer->Add(m_problems, 1, wxLEFT | wxRIGHT | wxTOP | wxEXPAND, 12);
    outer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxALL | wxEXPAND, 8);

    m_clinic->Bind(wxEVT_DIRPICKER_CHANGED, [this](wxFileDirPickerEvent&) { CheckTemplates(); });
    if (m_clinic->GetTextCtrl())
        m_clinic->GetTextCtrl()->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
            e.Skip();
            CheckTemplates();
        });
    CheckTemplates();
    SetSizerAndFit(outer);
    CentreOnParent();
}

std::string PreferencesDialog::ClinicFolder() const {
    wxString folder = m_clinic->GetTextCtrl() ? m_clinic->GetTextCtrlValue() : m_clinic->GetPath();
    folder.Trim(true).Trim(false);
    return Utf8(folder);
}

void PreferencesDialog::CheckTemplates() {
    const std::string folder = ClinicFolder();
    if (m_everChecked && folder == m_checked)
        return;
    m_everChecked = true;
    m_checked = folder;

    std::error_code ec;
    const bool missing = !folder.empty() && !std::filesystem::is_directory(folder, ec);
    TemplateCatalog catalog(m_shipped);
    catalog.Load(missing ? std::string() : folder);
    const auto& set = catalog.Templates();
    const int count = static_cast<int>(set.templates.size());
    wxString status;
    if (missing)
        status = _("This folder does not exist. Only the shipped templates are used.");
    else if (folder.empty())
        status = wxString::Format(_("%d templates in use, all shipped with Kartbok."), count);
    else
        status = wxString::Format(_("%d templates in use (%d from the clinic folder)."), count,
                                  catalog.ClinicCount());

    // file:line:column: message, the file by name: the folder is right above.
    wxString problems;
    for (const auto& u : set.unavailable)
        for (journal::TemplateProblem p : u.problems) {
            p.file = std::filesystem::path(p.file).filename().string();
            problems += wxString::FromUTF8(p.ToString()) + "\n";
        }
    problems.Trim();
    if (problems.empty())
        problems = _("None.");
    m_templateStatus->SetLabelText(status);
    m_problems->ChangeValue(problems);
}

wxString PreferencesDialog::TemplateStatus() const {
    return m_templateStatus->GetLabelText();
}

wxString PreferencesDialog::TemplateProblems() const {
    return m_problems->GetValue();
}

Preferences PreferencesDialog::Result() const {
    Preferences p = m_prefs;
    const int sel = m_language->GetSelection();
    p.language = sel == 1 ? "sv" : sel == 2 ? "en" : "";
    p.idleLockMinutes = m_minutes->GetValue();
    p.signWithPassword = m_signPassword->GetValue();
    p.clinicTemplates = ClinicFolder();
    return p;
}

} // namespace kartbok::app
