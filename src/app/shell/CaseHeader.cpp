#include "shell/CaseHeader.h"

#include "common/Label.h"
#include "common/Labels.h"

#include <wx/button.h>

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kartbok::app {

wxString KeyDatesText(const journal::Case& c) {
    wxString out;
    auto add = [&](const wxString& label, const journal::Date& d) {
        if (!d.Set())
            return;
        if (!out.empty())
            out += wxString::FromUTF8("  ·  ");
        out += label + " " + wxString::FromUTF8(d.Iso());
    };
    add(Name(journal::Heading::FirstContact), c.firstContact);
    add(Name(journal::Heading::TreatmentStart), c.start);
    add(Name(journal::Heading::TreatmentEnd), c.end);
    add(Name(journal::Heading::FollowUpDue), c.followUpDue);
    return out;
}

CaseHeader::CaseHeader(wxWindow* parent) : wxPanel(parent) {
    SetName("case_header");
    auto* outer = new wxBoxSizer(wxVERTICAL);

    m_banner = new wxPanel(this);
    m_banner->SetBackgroundColour(wxColour(255, 236, 170));
    m_bannerText = new wxStaticText(m_banner, wxID_ANY, wxString());
    m_bannerText->SetName("readonly_banner");
    m_bannerText->SetForegroundColour(wxColour(70, 50, 0));
    auto* bannerSizer = new wxBoxSizer(wxHORIZONTAL);
    bannerSizer->Add(m_bannerText, 1, wxALL | wxALIGN_CENTER_VERTICAL, 6);
    m_banner->SetSizer(bannerSizer);
    m_banner->Hide();
    outer->Add(m_banner, 0, wxEXPAND);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_toggleList = new wxButton(this, wxID_ANY, wxString::FromUTF8("\u00AB"), wxDefaultPosition,
                                wxDefaultSize, wxBU_EXACTFIT);
    m_toggleList->SetName("toggle_client_list");
    m_toggleList->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (onToggleClientList)
            onToggleClientList();
    });
    SetClientListShown(true);
    m_code = NewHeading(this, wxString(), 1.5);
    m_code->SetName("case_code");
    m_status = NewHeading(this, wxString());
    m_status->SetName("case_status");
    m_status->SetForegroundColour(wxColour(40, 90, 160));
    // The dates wrap under each other when the window is narrow.
    m_dates = new WrappingText(this, wxString());
    m_dates->SetName("case_dates");
    m_dates->SetForegroundColour(wxColour(90, 90, 90));
    row->Add(m_toggleList, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    row->Add(m_code, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 14);
    row->Add(m_status, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 14);
    row->Add(m_dates, 1, wxALIGN_CENTER_VERTICAL);
    outer->Add(row, 0, wxALL | wxEXPAND, 8);
    SetSizer(outer);
}

void CaseHeader::ShowCase(const journal::Case& c, bool readOnly, const std::string& holder) {
    // Called after every edit: relayout only when something shown changed.
    bool changed = false;
    auto set = [&changed](wxStaticText* label, const wxString& text) {
        if (label->GetLabel() != text) {
            label->SetLabel(text);
            changed = true;
        }
    };
    if (m_code->GetLabelText() != wxString::FromUTF8(c.code)) {
        SetHeading(m_code, wxString::FromUTF8(c.code), 1.5);
        changed = true;
    }
    if (m_status->GetLabelText() != Name(c.status)) {
        SetHeading(m_status, Name(c.status));
        changed = true;
    }
    if (m_dates->Text() != KeyDatesText(c)) {
        m_dates->SetLabel(KeyDatesText(c));
        changed = true;
    }
    if (readOnly)
        set(m_bannerText,
            wxString::Format(_("Read only: this client is open in another Kartbok (%s). Close it "
                               "there to edit here."),
                             wxString::FromUTF8(holder)));
    if (m_banner->IsShown() != readOnly) {
        m_banner->Show(readOnly);
        changed = true;
    }
    if (changed) {
        Layout();
        GetParent()->Layout();
    }
}

void CaseHeader::SetClientListShown(bool shown) {
    m_toggleList->SetLabel(wxString::FromUTF8(shown ? "\u00AB" : "\u00BB"));
    m_toggleList->SetToolTip(shown ? _("Hide the client list to give the case more room")
                                   : _("Show the client list"));
}

wxString CaseHeader::BannerText() const {
    return m_banner->IsShown() ? m_bannerText->GetLabel() : wxString();
}

} // namespace kartbok::app
