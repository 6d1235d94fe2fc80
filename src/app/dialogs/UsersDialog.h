#pragma once
// File > Users and passwords: who can unlock this vault, adding a user,
// removing one (the vault key changes: the removed user's password and any old
// copy of vault.key open nothing saved afterwards), changing one's own password
// with the current one, and the vault's fingerprint (vault verify --expect).

#include <wx/dialog.h>

#include <string>

class wxListBox;
class wxStaticText;

namespace kartbok::vault {
class Vault;
}

namespace kartbok::app {

class UsersDialog : public wxDialog {
public:
    UsersDialog(wxWindow* parent, vault::Vault& vault);

    // What the buttons do after asking; "" on success, else a message to show.
    wxString AddUser(const std::string& name, const std::string& password,
                     const std::string& repeat);
    wxString RemoveUser(const std::string& name);
    wxString ChangeMyPassword(const std::string& current, const std::string& password,
                              const std::string& repeat);

    wxString Fingerprint() const;
    void Refresh();

private:
    void OnAdd();
    void OnRemove();
    void OnPassword();

    vault::Vault& m_vault;
    wxListBox* m_users = nullptr;
    wxStaticText* m_fingerprint = nullptr;
};

/// Why a new password is refused, translated ("" when it is fine).
wxString NewPasswordProblem(const std::string& password, const std::string& repeat);

} // namespace kartbok::app
