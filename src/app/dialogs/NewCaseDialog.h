#pragma once
// "New client…": the pseudonymous client code (the name every list shows) and
// the client's gender, so the scaffold's index symbol is right from the start.

#include "kartbok/genogram/Family.h"

#include <wx/dialog.h>

class wxTextCtrl;
class wxChoice;

namespace kartbok::app {

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
