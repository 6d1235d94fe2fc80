#pragma once
// Asks for the vault folder and password, or creates a new vault. Modeless so
// the main window stays painted (showing no case data) behind it, and so tests
// can type into it like a person would. A wrong password says so and keeps the folder.

#include <wx/dialog.h>

#include <functional>

class wxDirPickerCtrl;
class wxTextCtrl;
class wxStaticText;
class wxButton;

namespace kartbok::app {

class UnlockDialog : public wxDialog {
public:
    struct Callbacks {
        /// Tries to unlock; returns "" on success or a message for the user.
        std::function<wxString(const wxString& folder, const wxString& password)> unlock;
        /// Creates a vault; returns "" on success (the new vault is then open).
        std::function<wxString(const wxString& folder, const wxString& user,
                               const wxString& password)>
            create;
        /// The user gave up (Quit, or closed the dialog).
        std::function<void()> cancel;
    };

    /// folderFixed: after an auto-lock only the password is asked; the vault stays the same.
    UnlockDialog(wxWindow* parent, const wxString& folder, bool folderFixed, Callbacks callbacks);

    wxString Folder() const;
    void ShowError(const wxString& message);
    /// Runs the unlock as if the button was pressed (also what Enter does).
    void TryUnlock();

private:
    void OnCreate();
    void Finish();

    Callbacks m_callbacks;
    wxDirPickerCtrl* m_folder = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxStaticText* m_error = nullptr;
    wxButton* m_unlock = nullptr;
    bool m_done = false;
};

} // namespace kartbok::app
