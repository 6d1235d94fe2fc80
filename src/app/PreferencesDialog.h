#pragma once
// Preferences: the UI language and how soon an idle Kartbok locks itself.

#include "Preferences.h"

#include <wx/dialog.h>

class wxChoice;
class wxSpinCtrl;

namespace kartbok::app {

class PreferencesDialog : public wxDialog {
public:
    PreferencesDialog(wxWindow* parent, const Preferences& prefs);
    Preferences Result() const;

private:
    Preferences m_prefs;
    wxChoice* m_language = nullptr;
    wxSpinCtrl* m_minutes = nullptr;
};

} // namespace kartbok::app
