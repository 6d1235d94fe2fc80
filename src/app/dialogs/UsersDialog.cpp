#include "dialogs/UsersDialog.h"

#include "common/Utf8.h"
#include "common/VaultMessage.h"

#include "kartbok/vault/Vault.h"

#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

namespace kartbok::app {

wxString NewPasswordProblem(const std::string& password, const std::string& repeat) {
    if (password != repeat)
        return _("The two passwords differ.");
    const std::string why = vault::PasswordProblem(password);
    if (why.empty())
        return {};
    if (why.find("10 characters") != std::string::npos)
        return _("A password needs at least 10 characters.");
    if (why.find("common passwords") != std::string::npos)
        return _("This password is on the list of common passwords. Choose another.");
    return wxString::FromUTF8(why);
}

UsersDialog::UsersDialog(wxWindow* parent, vault::Vault& vault)
    : wxDialog(parent, wxID_ANY, _("Users and passwords"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_vault(vault) {
    SetName("users_dialog");
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("Users who can unlock this vault:")), 0, wxALL, 8);
    m_users = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(360, 140));
    m_users->SetName("users_list");
    top->Add(m_users, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(this, wxID_ANY, _("&Add user..."));
    auto* remove = new wxButton(this, wxID_ANY, _("&Remove user..."));
    auto* password = new wxButton(this, wxID_ANY, _("&Change my password..."));
    add->SetName("users_add");
    remove->SetName("users_remove");
    password->SetName("users_password");
    buttons->Add(add, 0, wxRIGHT, 6);
    buttons->Add(remove, 0, wxRIGHT, 6);
    buttons->Add(password, 0);
    top->Add(buttons, 0, wxALL, 8);

    top->Add(new wxStaticText(this, wxID_ANY,
                              _("Removing a user changes the vault key: that user's password, "
                                "and any old copy of vault.key, open nothing saved afterwards.")),
             0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    m_fingerprint = new wxStaticText(this, wxID_ANY, wxString());
    m_fingerprint->SetName("vault_fingerprint");
    top->Add(m_fingerprint, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    top->Add(new wxStaticText(this, wxID_ANY,
                              _("Note the fingerprint somewhere safe: kartbok-cli vault verify "
                                "--expect tells whether the vault went back behind it.")),
             0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    top->Add(CreateStdDialogButtonSizer(wxCLOSE), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(top);
    SetEscapeId(wxID_CLOSE);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnAdd(); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnRemove(); });
    password->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnPassword(); });
    Refresh();
}

wxString UsersDialog::Fingerprint() const {
    try {
        return wxString::FromUTF8(m_vault.Fingerprint());
    } catch (const vault::VaultError&) {
        return wxString();
    }
}

void UsersDialog::Refresh() {
    m_users->Clear();
    try {
        for (const auto& u : m_vault.Users())
            m_users->Append(u == m_vault.User()
                                ? wxString::Format(_("%s (you)"), wxString::FromUTF8(u))
                                : wxString::FromUTF8(u));
    } catch (const vault::VaultError& e) {
        m_users->Append(VaultMessage(e));
    }
    m_fingerprint->SetLabel(wxString::Format(_("Vault fingerprint: %s"), Fingerprint()));
    Layout();
}

wxString UsersDialog::AddUser(const std::string& name, const std::string& password,
                              const std::string& repeat) {
    if (name.empty())
        return _("Give the new user a name.");
    if (wxString why = NewPasswordProblem(password, repeat); !why.empty())
        return why;
    try {
        m_vault.AddSlot(name, password);
    } catch (const vault::VaultError& e) {
        return VaultMessage(e);
    }
    Refresh();
    return {};
}

wxString UsersDialog::RemoveUser(const std::string& name) {
    try {
        m_vault.RemoveSlot(name);
    } catch (const vault::VaultError& e) {
        return VaultMessage(e);
    }
    Refresh();
    return {};
}

wxString UsersDialog::ChangeMyPassword(const std::string& current, const std::string& password,
                                       const std::string& repeat) {
    if (wxString why = NewPasswordProblem(password, repeat); !why.empty())
        return why;
    try {
        m_vault.ChangePassword(m_vault.User(), current, password);
    } catch (const vault::VaultError& e) {
        if (e.GetKind() == vault::VaultError::Kind::WrongPassword)
            return _("The current password is not right. Nothing was changed.");
        return VaultMessage(e);
    }
    return {};
}

namespace {

/// A password asked without echo; false when cancelled.
bool AskSecret(wxWindow* parent, const wxString& prompt, std::string& out) {
    wxPasswordEntryDialog ask(parent, prompt, _("Users and passwords"));
    if (ask.ShowModal() != wxID_OK)
        return false;
    out = Utf8(ask.GetValue());
    return true;
}

void Tell(wxWindow* parent, const wxString& result, const wxString& done) {
    wxMessageBox(result.empty() ? done : result, _("Users and passwords"),
                 wxOK | (result.empty() ? wxICON_INFORMATION : wxICON_WARNING), parent);
}

} // namespace

void UsersDialog::OnAdd() {
    wxTextEntryDialog askName(this, _("Name of the new user:"), _("Users and passwords"));
    if (askName.ShowModal() != wxID_OK)
        return;
    const std::string name = Utf8(askName.GetValue().Strip(wxString::both));
    std::string password, repeat;
    if (!AskSecret(this, _("Password for the new user (at least 10 characters):"), password) ||
        !AskSecret(this, _("The same password again:"), repeat))
        return;
    wxBusyCursor busy;
    Tell(this, AddUser(name, password, repeat), _("The user was added."));
}

void UsersDialog::OnRemove() {
    const int at = m_users->GetSelection();
    const auto users = m_vault.Users();
    if (at == wxNOT_FOUND || at >= static_cast<int>(users.size()))
        return;
    const std::string name = users[static_cast<std::size_t>(at)];
    if (wxMessageBox(wxString::Format(_("Remove %s? The vault key is changed and every client file "
                                        "is re-encrypted; this can take a while."),
                                      wxString::FromUTF8(name)),
                     _("Users and passwords"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION,
                     this) != wxYES)
        return;
    wxBusyCursor busy;
    Tell(this, RemoveUser(name), _("The user was removed and the vault key changed."));
}

void UsersDialog::OnPassword() {
    std::string current, password, repeat;
    if (!AskSecret(this, _("Your current password:"), current) ||
        !AskSecret(this, _("Your new password (at least 10 characters):"), password) ||
        !AskSecret(this, _("The new password again:"), repeat))
        return;
    wxBusyCursor busy;
    Tell(this, ChangeMyPassword(current, password, repeat), _("Your password was changed."));
}

} // namespace kartbok::app
