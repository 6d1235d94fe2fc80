#include "dialogs/CreateVaultDialog.h"
#include "common/Palette.h"

#include <wx/button.h>
#include <wx/filepicker.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

namespace kartbok::app {

namespace {
constexpr std::size_t kMinPasswordLength = 8;
}

CreateVaultDialog::CreateVaultDialog(wxWindow* parent, const wxString& folder, CreateFn create)
    : wxDialog(parent, wxID_ANY, _("Create new vault")), m_create(std::move(create)) {
    SetName("create_vault_dialog");
    auto* grid = new wxFlexGridSizer(2, wxSize(10, 8));
    grid->AddGrowableCol(1, 1);
    auto label = [&](const wxString& text) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
    };
    label(_("New vault folder"));
    m_folder =
        new wxDirPickerCtrl(this, wxID_ANY, folder, _("Choose an empty folder"), wxDefaultPosition,
                            wxSize(FromDIP(360), -1), wxDIRP_USE_TEXTCTRL);
    m_folder->SetName("new_vault_folder");
    grid->Add(m_folder, 1, wxEXPAND);
    label(_("Your name"));
    m_user = new wxTextCtrl(this, wxID_ANY, wxGetUserId());
    m_user->SetName("new_vault_user");
    grid->Add(m_user, 1, wxEXPAND);
    label(_("Password"));
    m_password =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    m_password->SetName("new_vault_password");
    grid->Add(m_password, 1, wxEXPAND);
    label(_("Password again"));
    m_repeat =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    m_repeat->SetName("new_vault_repeat");
    grid->Add(m_repeat, 1, wxEXPAND);

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(
        new wxStaticText(this, wxID_ANY,
                         _("Every client file in the vault is encrypted with this password.\n"
                           "There is no way to recover it: keep it safe.")),
        0, wxALL, 12);
    outer->Add(grid, 0, wxLEFT | wxRIGHT | wxEXPAND, 12);
    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(palette::kError);
    outer->Add(m_error, 0, wxALL | wxEXPAND, 12);
    outer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxALL | wxEXPAND, 8);
    SetSizerAndFit(outer);
    CentreOnParent();
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { OnOk(); }, wxID_OK);
}

wxString CreateVaultDialog::Folder() const {
    return m_folder->GetPath();
}

void CreateVaultDialog::OnOk() {
    wxString problem;
    if (m_folder->GetPath().empty())
        problem = _("Choose a folder for the new vault.");
    else if (m_user->GetValue().Trim().empty())
        problem = _("Enter your name: it is recorded with every change.");
    else if (m_password->GetValue().length() < kMinPasswordLength)
        problem =
            wxString::Format(_("The password needs at least %zu characters."), kMinPasswordLength);
    else if (m_password->GetValue() != m_repeat->GetValue())
        problem = _("The two passwords differ. Type them again.");
    else
        problem = m_create(m_folder->GetPath(), m_user->GetValue().Trim(), m_password->GetValue());
    if (problem.empty()) {
        EndModal(wxID_OK);
        return;
    }
    m_error->SetLabel(problem);
    m_error->Wrap(FromDIP(420));
    Layout();
    Fit();
}

} // namespace kartbok::app
