#pragma once
// Signing a note: who signs, what a signature means, and the signing user's
// password - so a note left open on an unlocked screen cannot be signed in
// someone else's name. The password is checked against that user's key slot;
// a wrong one keeps the dialog open and says so.

#include <wx/dialog.h>

#include <functional>
#include <string>

class wxStaticText;
class wxTextCtrl;

namespace kartbok::app {

class SignDialog : public wxDialog {
public:
    /// check: true when the password is the signing user's.
    SignDialog(wxWindow* parent, const wxString& user,
               std::function<bool(const std::string& password)> check);

    /// What the Sign button does: checks the password; closes with wxID_OK
    /// when it is right, says so and stays open when not.
    bool TrySign();
    wxString Problem() const;

private:
    std::function<bool(const std::string&)> m_check;
    wxTextCtrl* m_password = nullptr;
    wxStaticText* m_problem = nullptr;
};

} // namespace kartbok::app
