#include "journal/SignDialog.h"

#include "common/Label.h"
#include "common/Palette.h"
#include "common/Utf8.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

namespace kartbok::app {

namespace {
constexpr int kTextWidth = 396; ///< the text's width inside the 420-point dialog
}

SignDialog::SignDialog(wxWindow* parent, const wxString& user,
                       std::function<bool(const std::string& password)> check)
    : wxDialog(parent, wxID_ANY, _("Sign note")), m_check(std::move(check)) {
    SetName("sign_dialog");
    auto* heading = NewHeading(this, wxString::Format(_("Sign as %s"), user), 1.1);
    // Wrapped at the dialog's width before Fit: a text that wraps only once it
    // is shown would need more height than Fit gave it and run under the buttons.
    auto* about = new wxStaticText(
        this, wxID_ANY,
        _("A signed note is locked: later changes can only be added as addenda or "
          "corrections, and the old text stays readable. Your password confirms that "
          "you are the one signing."));
    about->Wrap(FromDIP(kTextWidth));
    m_password = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    m_password->SetName("sign_password");
    m_problem = new wxStaticText(this, wxID_ANY, wxString());
    m_problem->SetName("sign_problem");
    m_problem->SetForegroundColour(palette::kError);
    auto* buttons = new wxStdDialogButtonSizer;
    auto* sign = new wxButton(this, wxID_OK, _("Sign"));
    sign->SetName("sign_confirm");
    sign->SetDefault();
    buttons->AddButton(sign);
    buttons->AddButton(new wxButton(this, wxID_CANCEL));
    buttons->Realize();

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading, 0, wxALL, FromDIP(12));
    sizer->Add(about, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    sizer->Add(new wxStaticText(this, wxID_ANY, _("Your password")), 0, wxLEFT | wxRIGHT | wxTOP,
               FromDIP(12));
    sizer->Add(m_password, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    sizer->Add(m_problem, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizer(sizer);
    SetMinSize(FromDIP(wxSize(420, -1)));
    Fit();
    CentreOnParent();
    m_password->SetFocus();

    sign->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { TrySign(); });
    m_password->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { TrySign(); });
}

bool SignDialog::TrySign() {
    const std::string password = Utf8(m_password->GetValue());
    bool ok = false;
    {
        wxBusyCursor busy; // the key derivation is slow on purpose
        ok = !password.empty() && m_check && m_check(password);
    }
    m_password->Clear();
    if (!ok) {
        m_problem->SetLabel(_("That is not your password. The note is not signed."));
        m_problem->Wrap(FromDIP(kTextWidth));
        Layout();
        Fit();
        m_password->SetFocus();
        return false;
    }
    if (IsModal())
        EndModal(wxID_OK);
    else
        SetReturnCode(wxID_OK);
    return true;
}

wxString SignDialog::Problem() const {
    return m_problem->GetLabel();
}

} // namespace kartbok::app
