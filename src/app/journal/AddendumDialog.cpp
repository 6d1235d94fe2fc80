#include "journal/AddendumDialog.h"

#include "common/Utf8.h"

#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace kartbok::app {

AddendumDialog::AddendumDialog(wxWindow* parent, std::vector<Field> fields)
    : wxDialog(parent, wxID_ANY, fields.empty() ? _("Add addendum") : _("Correct field"),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_fields(std::move(fields)) {
    SetName("addendum_dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const bool correction = !m_fields.empty();
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        correction ? _("The signed text stays in the record, struck through. Write the text that "
                       "should stand now, and why.")
                   : _("An addendum is added below the signed note, with your name and the time."));
    intro->Wrap(FromDIP(460));
    sizer->Add(intro, 0, wxALL, FromDIP(10));
    if (correction) {
        sizer->Add(new wxStaticText(this, wxID_ANY, _("Field")), 0, wxLEFT | wxRIGHT, FromDIP(10));
        m_field = new wxChoice(this, wxID_ANY);
        m_field->SetName("correct_field");
        for (const auto& f : m_fields)
            m_field->Append(f.title);
        m_field->SetSelection(0);
        sizer->Add(m_field, 0, wxEXPAND | wxALL, FromDIP(10));
    }
    sizer->Add(new wxStaticText(this, wxID_ANY, correction ? _("Corrected text") : _("Addendum")),
               0, wxLEFT | wxRIGHT, FromDIP(10));
    m_text = new wxTextCtrl(this, wxID_ANY, correction ? m_fields.front().current : wxString(),
                            wxDefaultPosition, wxSize(FromDIP(460), FromDIP(120)),
                            wxTE_MULTILINE | wxTE_WORDWRAP);
    m_text->SetName("addendum_text");
    sizer->Add(m_text, 1, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                correction ? _("Reason (required)") : _("Reason (optional)")),
               0, wxLEFT | wxRIGHT, FromDIP(10));
    m_reason = new wxTextCtrl(this, wxID_ANY);
    m_reason->SetName("addendum_reason");
    sizer->Add(m_reason, 0, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    if (m_field)
        m_field->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
            m_text->ChangeValue(
                m_fields[static_cast<std::size_t>(m_field->GetSelection())].current);
        });
    m_text->SetFocus();
}

std::string AddendumDialog::FieldId() const {
    if (!m_field || m_field->GetSelection() < 0)
        return {};
    return m_fields[static_cast<std::size_t>(m_field->GetSelection())].id;
}

std::string AddendumDialog::Text() const {
    return Utf8(m_text->GetValue());
}

std::string AddendumDialog::Reason() const {
    return Utf8(m_reason->GetValue());
}

bool AddendumDialog::TransferDataFromWindow() {
    // Said here, before the library refuses, so nothing typed is lost.
    if (m_text->GetValue().Trim().empty()) {
        wxMessageBox(_("Write the text first."), GetTitle(), wxOK | wxICON_INFORMATION, this);
        return false;
    }
    if (m_field && m_reason->GetValue().Trim().empty()) {
        wxMessageBox(_("A correction needs a reason."), GetTitle(), wxOK | wxICON_INFORMATION,
                     this);
        return false;
    }
    return true;
}

} // namespace kartbok::app
