#include "dialogs/NewCaseDialog.h"

#include "common/Labels.h"
#include "common/Utf8.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/valtext.h>

namespace kartbok::app {

NewCaseDialog::NewCaseDialog(wxWindow* parent) : wxDialog(parent, wxID_ANY, _("New client")) {
    SetName("new_case_dialog");
    auto* outer = new wxBoxSizer(wxVERTICAL);
    auto* intro =
        new wxStaticText(this, wxID_ANY,
                         _("The client code is what every list shows. Use a pseudonymous code,\n"
                           "not the client's name (for example GBG-2026-014)."));
    outer->Add(intro, 0, wxALL, 12);
    auto* grid = new wxFlexGridSizer(2, wxSize(10, 8));
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Client code")), 0, wxALIGN_CENTER_VERTICAL);
    m_code = new wxTextCtrl(this, wxID_ANY);
    m_code->SetName("new_case_code");
    grid->Add(m_code, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Client's gender")), 0, wxALIGN_CENTER_VERTICAL);
    m_gender = new wxChoice(this, wxID_ANY);
    m_gender->SetName("new_case_gender");
    for (auto g : kGenders)
        m_gender->Append(Name(g));
    m_gender->SetSelection(0);
    grid->Add(m_gender, 1, wxEXPAND);
    outer->Add(grid, 0, wxLEFT | wxRIGHT | wxEXPAND, 12);
    FinishCodeDialog(*this, outer, m_code);
}

void FinishCodeDialog(wxDialog& dialog, wxSizer* outer, wxTextCtrl* code) {
    outer->Add(dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxALL | wxEXPAND, 8);
    dialog.SetSizerAndFit(outer);
    dialog.CentreOnParent();
    code->SetFocus();
    dialog.Bind(
        wxEVT_UPDATE_UI, [code](wxUpdateUIEvent& e) { e.Enable(!code->GetValue().Trim().empty()); },
        wxID_OK);
}

std::string TypedCode(const wxTextCtrl& code) {
    wxString typed = code.GetValue();
    return Utf8(typed.Trim().Trim(false));
}

std::string NewCaseDialog::Code() const {
    return TypedCode(*m_code);
}

genogram::Gender NewCaseDialog::Gender() const {
    return kGenders[static_cast<std::size_t>(std::max(0, m_gender->GetSelection()))];
}

} // namespace kartbok::app
