#pragma once
// Client > Treatment and follow-up: the intake (reasons for seeking help,
// referral route), closing the treatment, reopening it as a new episode for a
// returning client, and the follow-ups with their outcomes (held, declined, not
// reached) and further ones. Every button is one undoable edit of the open
// case through the document, like any other edit; the dialog shows the case as
// it stands after each.

#include "model/CaseDocument.h"

#include "kartbok/journal/Case.h"

#include <wx/dialog.h>

#include <array>
#include <functional>
#include <vector>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxSizer;
class wxSpinCtrl;
class wxStaticText;

namespace kartbok::app {

class DateCtrl;

class TreatmentDialog : public wxDialog {
public:
    TreatmentDialog(wxWindow* parent, CaseDocument& document);

    // What the buttons do, for the buttons and the tests. Each returns false
    // (with the reason in Problem()) when the journal refused the edit.
    bool SaveIntake(const journal::Intake& intake);
    bool CloseTreatment(journal::Date end, int months);
    bool Reopen(journal::Date firstContact);
    bool RecordOutcome(int row, journal::FollowUpOutcome outcome, journal::Date date);
    bool PlanFurther(journal::Date due);
    bool CancelPlanned(int row);

    /// The intake the controls show.
    journal::Intake IntakeShown() const;
    long FollowUpRows() const;
    wxString FollowUpCell(long row, int column) const;
    wxString EpisodeText() const;
    wxString Problem() const { return m_problem; }

    /// Shows a reason after a refused edit (tests replace it to stay headless).
    std::function<void(const wxString&)> warn;

private:
    void Build();
    wxSizer* BuildIntake();    ///< reasons for seeking help, referral route
    wxSizer* BuildEpisode();   ///< close the treatment, or reopen it as a new episode
    wxSizer* BuildFollowUps(); ///< the follow-ups, their outcomes, further ones
    void Refresh();
    bool Execute(journal::CaseCommandPtr command, const wxString& label);
    journal::Date Picked(const DateCtrl* picker) const;
    int SelectedRow() const;

    CaseDocument& m_document;
    std::vector<journal::FollowUp> m_followUps; ///< as listed, sorted by due date
    wxString m_problem;
    std::array<wxCheckBox*, 4> m_reasons{};
    wxChoice* m_referral = nullptr;
    wxStaticText* m_episode = nullptr;
    DateCtrl* m_end = nullptr;
    wxSpinCtrl* m_months = nullptr;
    wxButton* m_close = nullptr;
    DateCtrl* m_firstContact = nullptr;
    wxButton* m_reopen = nullptr;
    wxListCtrl* m_list = nullptr;
    DateCtrl* m_outcomeDate = nullptr;
    std::vector<wxButton*> m_followUpButtons;
};

} // namespace kartbok::app
