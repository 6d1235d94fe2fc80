#pragma once
// "Create new vault…": a folder, the first user's name and a password typed twice.

#include <wx/dialog.h>

#include <functional>

class wxDirPickerCtrl;
class wxTextCtrl;
class wxStaticText;

namespace kartbok::app {

class CreateVaultDialog : public wxDialog {
public:
    using CreateFn = std::function<wxString(const wxString& folder, const wxString& user,
                                            const wxString& password)>;
    /// create runs on OK; its non-empty return is shown and the dialog stays open.
    CreateVaultDialog(wxWindow* parent, const wxString& folder, CreateFn create);
    wxString Folder() const;

private:
    void OnOk();

    CreateFn m_create;
    wxDirPickerCtrl* m_folder = nullptr;
    wxTextCtrl* m_user = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxTextCtrl* m_repeat = nullptr;
    wxStaticText* m_error = nullptr;
};

} // namespace kartbok::app
