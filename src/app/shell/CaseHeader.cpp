#include "shell/CaseHeader.h"

#include "common/ClinicalNames.h"
#include "common/Names.h"

#include "kartbok/journal/Episodes.h"

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

wxString IntakeText(const journal::Case& c) {
    const wxString dot = wxString::FromUTF8("  ·  ");
    wxString out = _("Reason:") + " " + ReasonsText(c.intake);
    out += dot + _("Referred by:") + " " + ReferralName(c.intake.referral);
    const journal::EpisodeView e = journal::CurrentEpisodeView(c);
    if (auto days = journal::WaitingDays(c, e))
        out += dot + wxString::Format(_("Waited %d days for the first visit"), *days);
    if (c.CurrentEpisode() > 1)
        out += dot + wxString::Format(_("Treatment episode %d"), c.CurrentEpisode());
    for (const journal::FollowUp& f : e.followUps)
        if (f.outcome != journal::FollowUpOutcome::Planned)
            out += dot + _("Follow-up") + " " + OutcomeName(f.outcome) + " " +
                   wxString::FromUTF8(f.outcomeDate.Iso());
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
    outer->Add(row, 0, wxLEFT | wxRIGHT | wxTOP | wxEXPAND, 8);
    m_clinical = new wxStaticText(this, wxID_ANY, wxString());
    m_clinical->SetName("case_clinical");
    m_clinical->SetForegroundColour(wxColour(90, 90, 90));
    outer->Add(m_clinical, 0, wxLEFT | wxRIGHT | wxBOTTOM | wxEXPAND, 8);
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
    set(m_status, CaseStatusName(c.status));
    set(m_dates, KeyDatesText(c));
    std::string key = c.id + "|" + c.relativeOf;
    for (const auto& id : c.relativeCaseIds)
        key += "|" + id;
    if (key != m_linksKey) {
        m_linksKey = key;
        auto code = [this](const std::string& id) {
            const std::string found = codeOf ? codeOf(id) : std::string();
            return wxString::FromUTF8(found.empty() ? id : found);
        };
        m_linksText.clear();
        if (!c.relativeOf.empty())
            m_linksText = wxString::Format(_("Relative in parallel treatment; linked to %s"),
                                           code(c.relativeOf));
        for (const auto& id : c.relativeCaseIds)
            m_linksText +=
                (m_linksText.empty() ? _("Relatives' own cases:") + " " : wxString(", ")) +
                code(id);
    }
    set(m_clinical,
        IntakeText(c) +
            (m_linksText.empty() ? wxString() : wxString::FromUTF8("  ·  ") + m_linksText));
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

wxString CaseHeader::ClinicalText() const {
    return m_clinical->GetLabel();
}

wxString CaseHeader::BannerText() const {
    return m_banner->IsShown() ? m_bannerText->GetLabel() : wxString();
}

} // namespace kartbok::app
