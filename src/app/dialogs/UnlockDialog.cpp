#include "dialogs/UnlockDialog.h"
#include "common/Palette.h"

#include "dialogs/CreateVaultDialog.h"

#include <wx/button.h>
#include <wx/filepicker.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

namespace kartbok::app {

UnlockDialog::UnlockDialog(wxWindow* parent, const wxString& folder, bool folderFixed,
                           Callbacks callbacks)
    : wxDialog(parent, wxID_ANY, folderFixed ? _("Kartbok is locked") : _("Unlock vault"),
               wxDefaultPosition, wxDefaultSize, wxCAPTION | wxCLOSE_BOX),
      m_callbacks(std::move(callbacks)) {
    SetName("unlock_dialog");
    auto* outer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        folderFixed ? _("Kartbok locked itself. Enter your password to continue where you were.")
                    : _("Choose your vault and enter its password."));
    outer->Add(intro, 0, wxALL, 12);

    auto* grid = new wxFlexGridSizer(2, wxSize(10, 8));
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Vault folder")), 0, wxALIGN_CENTER_VERTICAL);
    m_folder =
        new wxDirPickerCtrl(this, wxID_ANY, folder, _("Choose the vault folder"), wxDefaultPosition,
                            wxSize(FromDIP(380), -1), wxDIRP_USE_TEXTCTRL | wxDIRP_DIR_MUST_EXIST);
    m_folder->SetName("vault_folder");
    m_folder->Enable(!folderFixed);
    grid->Add(m_folder, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Password")), 0, wxALIGN_CENTER_VERTICAL);
    m_password = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    m_password->SetName("password");
    grid->Add(m_password, 1, wxEXPAND);
    outer->Add(grid, 0, wxLEFT | wxRIGHT | wxEXPAND, 12);

    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetName("unlock_error");
    m_error->SetForegroundColour(palette::kError);
    outer->Add(m_error, 0, wxALL | wxEXPAND, 12);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* create = new wxButton(this, wxID_ANY, _("Create new vault..."));
    create->SetName("create_vault");
    create->Show(!folderFixed);
    auto* quit = new wxButton(this, wxID_EXIT, _("Quit"));
    quit->SetName("quit");
    m_unlock = new wxButton(this, wxID_OK, _("Unlock"));
    m_unlock->SetName("unlock");
    m_unlock->SetDefault();
    buttons->Add(create, 0);
    buttons->AddStretchSpacer();
    buttons->Add(quit, 0, wxRIGHT, 6);
    buttons->Add(m_unlock, 0);
    outer->Add(buttons, 0, wxALL | wxEXPAND, 12);
    SetSizerAndFit(outer);
    CentreOnParent();

    m_unlock->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { TryUnlock(); });
    m_password->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { TryUnlock(); });
    create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnCreate(); });
    quit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
        if (!m_done && m_callbacks.cancel) {
            m_done = true;
            m_callbacks.cancel();
        }
        Destroy();
    });
    m_password->SetFocus();
}

wxString UnlockDialog::Folder() const {
    return m_folder->GetPath();
}

void UnlockDialog::ShowError(const wxString& message) {
    m_error->SetLabel(message);
    m_error->Wrap(GetClientSize().x - FromDIP(24));
    Layout();
    Fit();
}

void UnlockDialog::TryUnlock() {
    if (m_done)
        return;
    if (m_folder->GetPath().empty()) {
        ShowError(_("Choose the vault folder first."));
        return;
    }
    wxBusyCursor busy; // the key derivation takes about a second on purpose
    const wxString error = m_callbacks.unlock(m_folder->GetPath(), m_password->GetValue());
    m_password->ChangeValue(wxString()); // never keep the password around
    if (!error.empty()) {
        ShowError(error);
        m_password->SetFocus();
        return;
    }
    Finish();
}

void UnlockDialog::OnCreate() {
    CreateVaultDialog dialog(this, wxString(), m_callbacks.create);
    if (dialog.ShowModal() == wxID_OK)
        Finish();
}

void UnlockDialog::Finish() {
    m_done = true;
    Hide();
    CallAfter([this] { Destroy(); });
}

} // namespace kartbok::app
