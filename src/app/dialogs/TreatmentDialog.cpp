#include "dialogs/TreatmentDialog.h"

#include "common/ClinicalNames.h"
#include "common/DateControls.h"
#include "common/Labels.h"
#include "common/Utf8.h"
#include "model/ClientListPresenter.h"

#include "kartbok/journal/CaseCommands.h"
#include "kartbok/journal/Dates.h"
#include "kartbok/journal/EpisodeCommands.h"
#include "kartbok/journal/Episodes.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

#include <algorithm>

namespace kartbok::app {

using journal::FollowUpOutcome;

TreatmentDialog::TreatmentDialog(wxWindow* parent, CaseDocument& document)
    : wxDialog(parent, wxID_ANY, _("Treatment and follow-up"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_document(document) {
    SetName("treatment_dialog");
    warn = [this](const wxString& text) {
        wxMessageBox(text, _("Treatment and follow-up"), wxOK | wxICON_WARNING, this);
    };
    Build();
    Refresh();
    CentreOnParent();
}

void TreatmentDialog::Build() {
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(BuildIntake(), 0, wxEXPAND | wxALL, 10);
    outer->Add(BuildEpisode(), 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
    outer->Add(BuildFollowUps(), 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
    outer->Add(CreateStdDialogButtonSizer(wxCLOSE), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(outer);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); }, wxID_CLOSE);
}

wxSizer* TreatmentDialog::BuildIntake() {
    // Why the client came and through whom.
    auto* intake = new wxStaticBoxSizer(wxVERTICAL, this, _("Intake"));
    auto* reasons = new wxBoxSizer(wxHORIZONTAL);
    reasons->Add(new wxStaticText(intake->GetStaticBox(), wxID_ANY, _("Seeks help for:")), 0,
                 wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    for (std::size_t i = 0; i < kSeekReasons.size(); ++i) {
        m_reasons[i] =
            new wxCheckBox(intake->GetStaticBox(), wxID_ANY, SeekReasonName(kSeekReasons[i]));
        m_reasons[i]->SetName(wxString("intake_reason_") + journal::ToString(kSeekReasons[i]));
        reasons->Add(m_reasons[i], 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    }
    intake->Add(reasons, 0, wxALL, 6);
    auto* referral = new wxBoxSizer(wxHORIZONTAL);
    referral->Add(new wxStaticText(intake->GetStaticBox(), wxID_ANY, _("Came through:")), 0,
                  wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    m_referral = new wxChoice(intake->GetStaticBox(), wxID_ANY);
    m_referral->SetName("intake_referral");
    for (auto r : kReferralRoutes)
        m_referral->Append(ReferralName(r));
    referral->Add(m_referral, 0, wxRIGHT, 12);
    auto* saveIntake = new wxButton(intake->GetStaticBox(), wxID_ANY, _("Save intake"));
    saveIntake->SetName("intake_save");
    referral->Add(saveIntake, 0);
    intake->Add(referral, 0, wxALL, 6);
    saveIntake->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveIntake(IntakeShown()); });
    return intake;
}

wxSizer* TreatmentDialog::BuildEpisode() {
    // The episode as it stands: close it, or reopen it for a returning client.
    auto* episode = new wxStaticBoxSizer(wxVERTICAL, this, _("Treatment episode"));
    m_episode = new wxStaticText(episode->GetStaticBox(), wxID_ANY, wxString());
    m_episode->SetName("treatment_episode");
    episode->Add(m_episode, 0, wxALL, 6);
    auto* close = new wxBoxSizer(wxHORIZONTAL);
    close->Add(new wxStaticText(episode->GetStaticBox(), wxID_ANY, _("End of treatment:")), 0,
               wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_end = new DateCtrl(episode->GetStaticBox(), Today());
    m_end->SetName("treatment_end");
    close->Add(m_end, 0, wxRIGHT, 10);
    close->Add(new wxStaticText(episode->GetStaticBox(), wxID_ANY, _("Follow-up after (months):")),
               0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_months = new wxSpinCtrl(episode->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition,
                              wxDefaultSize, wxSP_ARROW_KEYS, journal::kMinFollowUpMonths,
                              journal::kMaxFollowUpMonths, journal::kDefaultFollowUpMonths);
    m_months->SetName("treatment_months");
    close->Add(m_months, 0, wxRIGHT, 10);
    m_close = new wxButton(episode->GetStaticBox(), wxID_ANY, _("Close treatment"));
    m_close->SetName("treatment_close");
    close->Add(m_close, 0);
    episode->Add(close, 0, wxALL, 6);
    auto* reopen = new wxBoxSizer(wxHORIZONTAL);
    reopen->Add(
        new wxStaticText(episode->GetStaticBox(), wxID_ANY, _("Back again - new first contact:")),
        0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_firstContact = new DateCtrl(episode->GetStaticBox(), Today());
    m_firstContact->SetName("reopen_first_contact");
    reopen->Add(m_firstContact, 0, wxRIGHT, 10);
    m_reopen = new wxButton(episode->GetStaticBox(), wxID_ANY, _("Reopen as a new episode"));
    m_reopen->SetName("treatment_reopen");
    reopen->Add(m_reopen, 0);
    episode->Add(reopen, 0, wxALL, 6);
    m_close->Bind(wxEVT_BUTTON,
                  [this](wxCommandEvent&) { CloseTreatment(Picked(m_end), m_months->GetValue()); });
    m_reopen->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reopen(Picked(m_firstContact)); });
    return episode;
}

wxSizer* TreatmentDialog::BuildFollowUps() {
    // The follow-ups of this episode and what became of them.
    auto* followUps = new wxStaticBoxSizer(wxVERTICAL, this, _("Follow-ups"));
    m_list = new wxListCtrl(followUps->GetStaticBox(), wxID_ANY, wxDefaultPosition,
                            FromDIP(wxSize(520, 120)), wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("follow_up_list");
    m_list->AppendColumn(_("Due"), wxLIST_FORMAT_LEFT, FromDIP(130));
    m_list->AppendColumn(_("Outcome"), wxLIST_FORMAT_LEFT, FromDIP(160));
    m_list->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(130));
    followUps->Add(m_list, 1, wxEXPAND | wxALL, 6);
    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    actions->Add(new wxStaticText(followUps->GetStaticBox(), wxID_ANY, _("Date:")), 0,
                 wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_outcomeDate = new DateCtrl(followUps->GetStaticBox(), Today());
    m_outcomeDate->SetName("follow_up_date");
    actions->Add(m_outcomeDate, 0, wxRIGHT, 10);
    struct Action {
        const char* name;
        wxString label;
        std::function<void()> run;
    };
    const std::vector<Action> buttons{
        {"follow_up_held", _("Held"),
         [this] { RecordOutcome(SelectedRow(), FollowUpOutcome::Held, Picked(m_outcomeDate)); }},
        {"follow_up_declined", _("Declined"),
         [this] {
             RecordOutcome(SelectedRow(), FollowUpOutcome::Declined, Picked(m_outcomeDate));
         }},
        {"follow_up_not_reached", _("Not reached"),
         [this] {
             RecordOutcome(SelectedRow(), FollowUpOutcome::NotReached, Picked(m_outcomeDate));
         }},
        {"follow_up_plan", _("Plan a further one on this date"),
         [this] { PlanFurther(Picked(m_outcomeDate)); }},
        {"follow_up_cancel", _("Cancel planned"), [this] { CancelPlanned(SelectedRow()); }},
    };
    for (const Action& a : buttons) {
        auto* b = new wxButton(followUps->GetStaticBox(), wxID_ANY, a.label);
        b->SetName(a.name);
        b->Bind(wxEVT_BUTTON, [run = a.run](wxCommandEvent&) { run(); });
        actions->Add(b, 0, wxRIGHT, 4);
        m_followUpButtons.push_back(b);
    }
    followUps->Add(actions, 0, wxALL, 6);
    return followUps;
}

void TreatmentDialog::Refresh() {
    const journal::Case& c = m_document.Case();
    for (std::size_t i = 0; i < kSeekReasons.size(); ++i)
        m_reasons[i]->SetValue(c.intake.Has(kSeekReasons[i]));
    m_referral->SetSelection(IndexOf(kReferralRoutes, c.intake.referral));

    const bool closed = c.status == journal::CaseStatus::Ended ||
                        c.status == journal::CaseStatus::FollowUpDone ||
                        c.status == journal::CaseStatus::Archived;
    const bool editable = !m_document.ReadOnly();
    m_close->Enable(editable && !closed);
    m_end->Enable(editable && !closed);
    m_months->Enable(editable && !closed);
    m_reopen->Enable(editable && closed);
    m_firstContact->Enable(editable && closed);
    for (wxButton* b : m_followUpButtons)
        b->Enable(editable);
    m_episode->SetLabel(EpisodeText());

    m_followUps = journal::CurrentEpisodeView(c).followUps;
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_followUps.size(); ++i) {
        const auto& f = m_followUps[i];
        const long row = m_list->InsertItem(static_cast<long>(i), FromUtf8(f.due.Iso()));
        m_list->SetItem(row, 1, OutcomeName(f.outcome));
        m_list->SetItem(row, 2, FromUtf8(f.outcomeDate.Iso()));
    }
    // The next planned one is what a click records by default.
    const journal::FollowUp* next = journal::NextPlanned(m_followUps);
    for (std::size_t i = 0; i < m_followUps.size(); ++i)
        if (next && m_followUps[i].id == next->id)
            m_list->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED,
                                 wxLIST_STATE_SELECTED);
    Layout();
}

wxString TreatmentDialog::EpisodeText() const {
    const journal::Case& c = m_document.Case();
    wxString text = wxString::Format(_("Episode %d (%s)"), c.CurrentEpisode(), Name(c.status));
    if (c.firstContact.Set())
        text += ", " + wxString::Format(_("first contact %s"), FromUtf8(c.firstContact.Iso()));
    if (c.start.Set())
        text += ", " + wxString::Format(_("from %s"), FromUtf8(c.start.Iso()));
    if (c.end.Set())
        text += ", " + wxString::Format(_("to %s"), FromUtf8(c.end.Iso()));
    int n = 0;
    for (const journal::Episode& e : c.pastEpisodes)
        text += "\n" + wxString::Format(_("Episode %d: %s to %s"), ++n, FromUtf8(e.start.Iso()),
                                        FromUtf8(e.end.Iso()));
    return text;
}

journal::Intake TreatmentDialog::IntakeShown() const {
    journal::Intake intake;
    for (std::size_t i = 0; i < kSeekReasons.size(); ++i)
        if (m_reasons[i]->GetValue())
            intake.reasons.push_back(kSeekReasons[i]);
    const int referral = m_referral->GetSelection();
    intake.referral = kReferralRoutes[static_cast<std::size_t>(std::max(0, referral))];
    return intake;
}

journal::Date TreatmentDialog::Picked(const DateCtrl* picker) const {
    return picker->GetDate();
}

int TreatmentDialog::SelectedRow() const {
    return static_cast<int>(m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
}

bool TreatmentDialog::Execute(journal::CaseCommandPtr command, const wxString& label) {
    m_problem.clear();
    try {
        m_document.Execute(std::make_unique<CaseEdit>(std::move(command), Utf8(label)));
    } catch (const std::exception& e) {
        m_problem = FromUtf8(e.what());
        if (warn)
            warn(m_problem);
        Refresh();
        return false;
    }
    Refresh();
    return true;
}

bool TreatmentDialog::SaveIntake(const journal::Intake& intake) {
    journal::CaseFields fields = journal::FieldsOf(m_document.Case());
    fields.intake = intake;
    return Execute(std::make_unique<journal::SetCaseFields>(fields), _("Record intake"));
}

bool TreatmentDialog::CloseTreatment(journal::Date end, int months) {
    return Execute(std::make_unique<journal::CloseCase>(end, months), _("Close treatment"));
}

bool TreatmentDialog::Reopen(journal::Date firstContact) {
    return Execute(std::make_unique<journal::ReopenCase>(firstContact, IntakeShown()),
                   _("Reopen as a new episode"));
}

bool TreatmentDialog::RecordOutcome(int row, FollowUpOutcome outcome, journal::Date date) {
    if (row < 0 || row >= static_cast<int>(m_followUps.size())) {
        m_problem = _("Choose the follow-up in the list first.");
        if (warn)
            warn(m_problem);
        return false;
    }
    return Execute(std::make_unique<journal::RecordFollowUpOutcome>(
                       m_followUps[static_cast<std::size_t>(row)].id, outcome, date),
                   wxString::Format(_("Follow-up %s"), OutcomeName(outcome)));
}

bool TreatmentDialog::PlanFurther(journal::Date due) {
    return Execute(std::make_unique<journal::PlanFollowUp>(due), _("Plan a follow-up"));
}

bool TreatmentDialog::CancelPlanned(int row) {
    if (row < 0 || row >= static_cast<int>(m_followUps.size()))
        return false;
    return Execute(
        std::make_unique<journal::CancelFollowUp>(m_followUps[static_cast<std::size_t>(row)].id),
        _("Cancel a follow-up"));
}

long TreatmentDialog::FollowUpRows() const {
    return m_list->GetItemCount();
}

wxString TreatmentDialog::FollowUpCell(long row, int column) const {
    return m_list->GetItemText(row, column);
}

} // namespace kartbok::app
