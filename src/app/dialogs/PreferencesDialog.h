#pragma once
// Preferences: the UI language, how soon an idle Kartbok locks itself, and the
// clinic's own template folder, with what that folder gives: how many
// templates are in use and every template that could not be loaded, file:line.

#include "common/Preferences.h"

#include <wx/dialog.h>

#include <filesystem>

class wxCheckBox;
class wxChoice;
class wxDirPickerCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace kartbok::app {

class PreferencesDialog : public wxDialog {
public:
    /// shippedTemplates: the folder the clinic's templates are checked against.
    PreferencesDialog(wxWindow* parent, const Preferences& prefs,
                      std::filesystem::path shippedTemplates = {});
    Preferences Result() const;

    /// Loads the folder now in the picker again and lists what it gives (also
    /// done whenever the folder changes).
    void CheckTemplates();
    /// "15 templates in use (2 from the clinic folder)." and the problem lines.
    wxString TemplateStatus() const;
    wxString TemplateProblems() const;

private:
    std::string ClinicFolder() const;

    Preferences m_prefs;
    std::filesystem::path m_shipped;
    std::string m_checked; ///< the folder the list below was made for
    bool m_everChecked = false;
    wxChoice* m_language = nullptr;
    wxSpinCtrl* m_minutes = nullptr;
    wxCheckBox* m_signPassword = nullptr;
    wxDirPickerCtrl* m_clinic = nullptr;
    wxStaticText* m_templateStatus = nullptr;
    wxTextCtrl* m_problems = nullptr;
};

} // namespace kartbok::app
