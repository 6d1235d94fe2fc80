#pragma once
// "New client…": the pseudonymous client code (the name every list shows) and
// the client's gender, so the scaffold's index symbol is right from the start.

#include "kartbok/genogram/Family.h"

#include <wx/dialog.h>

#include <string>

class wxTextCtrl;
class wxChoice;
class wxSizer;

namespace kartbok::app {

/// How every dialog that asks for a client code ends: OK and Cancel under
/// `outer`, fitted and centred, the code field focused, OK enabled only once a
/// code is typed. Shared by NewCaseDialog and RelativeCaseDialog.
void FinishCodeDialog(wxDialog& dialog, wxSizer* outer, wxTextCtrl* code);
/// The code as typed, without the spaces around it.
std::string TypedCode(const wxTextCtrl& code);

class NewCaseDialog : public wxDialog {
public:
    explicit NewCaseDialog(wxWindow* parent);
    std::string Code() const;
    genogram::Gender Gender() const;

private:
    wxTextCtrl* m_code = nullptr;
    wxChoice* m_gender = nullptr;
};

} // namespace kartbok::app
