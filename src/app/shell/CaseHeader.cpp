#include "shell/CaseHeader.h"

#include "common/Labels.h"

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
    add(_("First contact"), c.firstContact);
    add(_("Start"), c.start);
    add(_("End"), c.end);
    add(_("Follow-up due"), c.followUpDue);
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
    m_code = new wxStaticText(this, wxID_ANY, wxString());
    m_code->SetName("case_code");
    m_code->SetFont(m_code->GetFont().Bold().Scaled(1.5f));
    m_status = new wxStaticText(this, wxID_ANY, wxString());
    m_status->SetName("case_status");
    m_status->SetForegroundColour(wxColour(40, 90, 160));
    m_status->SetFont(m_status->GetFont().Bold());
    m_dates = new wxStaticText(this, wxID_ANY, wxString());
    m_dates->SetName("case_dates");
    m_dates->SetForegroundColour(wxColour(90, 90, 90));
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
    set(m_code, wxString::FromUTF8(c.code));
    set(m_status, Name(c.status));
    set(m_dates, KeyDatesText(c));
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

wxString CaseHeader::BannerText() const {
    return m_banner->IsShown() ? m_bannerText->GetLabel() : wxString();
}

} // namespace kartbok::app
