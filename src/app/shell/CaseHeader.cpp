#include "shell/CaseHeader.h"

#include "common/ClinicalNames.h"
#include "common/Label.h"
#include "common/Labels.h"
#include "common/Palette.h"

#include <wx/button.h>

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
    add(Name(journal::Heading::FirstContact), c.firstContact);
    add(Name(journal::Heading::TreatmentStart), c.start);
    add(Name(journal::Heading::TreatmentEnd), c.end);
    add(Name(journal::Heading::FollowUpDue), c.followUpDue);
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
    m_banner->SetBackgroundColour(palette::kNoticeBackground);
    m_bannerText = new wxStaticText(m_banner, wxID_ANY, wxString());
    m_bannerText->SetName("readonly_banner");
    m_bannerText->SetForegroundColour(palette::kNoticeText);
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
    m_status->SetForegroundColour(palette::kAccent);
    // The dates wrap under each other when the window is narrow.
    m_dates = new WrappingText(this, wxString());
    m_dates->SetName("case_dates");
    m_dates->SetForegroundColour(palette::kMutedText);
    row->Add(m_toggleList, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    row->Add(m_code, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 14);
    row->Add(m_status, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 14);
    row->Add(m_dates, 1, wxALIGN_CENTER_VERTICAL);
    outer->Add(row, 0, wxLEFT | wxRIGHT | wxTOP | wxEXPAND, 8);
    m_clinical = new WrappingText(this, wxString());
    m_clinical->SetName("case_clinical");
    m_clinical->SetForegroundColour(palette::kMutedText);
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
    const wxString clinical = IntakeText(c) + LinksText(c);
    if (m_clinical->Text() != clinical) {
        m_clinical->SetLabel(clinical);
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

wxString CaseHeader::ClinicalText() const {
    return m_clinical->Text();
}

wxString CaseHeader::LinksText(const journal::Case& c) {
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
    return m_linksText.empty() ? wxString() : wxString::FromUTF8("  ·  ") + m_linksText;
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
