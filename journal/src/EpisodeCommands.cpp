#include "kartbok/journal/EpisodeCommands.h"

#include "Checks.h"
#include "kartbok/journal/Episodes.h"

namespace kartbok::journal {

using detail::Fail;

namespace {

bool Closed(CaseStatus s) {
    return s == CaseStatus::Ended || s == CaseStatus::FollowUpDone || s == CaseStatus::Archived;
}

FollowUp& RequireFollowUp(Case& c, const std::string& id) {
    for (FollowUp& f : c.followUps)
        if (f.id == id)
            return f;
    Fail("There is no follow-up " + id + " in the current episode of this case.");
}

/// "Follow-up done" once a follow-up of the episode was held; "ended" while
/// none was. Other statuses (archived) are the user's choice and stay.
void StatusFromOutcomes(Case& c) {
    if (c.status != CaseStatus::Ended && c.status != CaseStatus::FollowUpDone)
        return;
    bool held = std::any_of(c.followUps.begin(), c.followUps.end(),
                            [](const FollowUp& f) { return f.outcome == FollowUpOutcome::Held; });
    c.status = held ? CaseStatus::FollowUpDone : CaseStatus::Ended;
}

void RequireEnded(const Case& c, const char* what) {
    if (!c.end.Set() || (c.status != CaseStatus::Ended && c.status != CaseStatus::FollowUpDone))
        Fail(std::string("Close the case before ") + what + ": a follow-up comes after the end.");
}

} // namespace

// --- ReopenCase ------------------------------------------------------------------

ReopenCase::ReopenCase(Date firstContact, Intake intake)
    : m_firstContact(firstContact), m_intake(std::move(intake)) {}

void ReopenCase::Apply(Case& c) {
    if (!Closed(c.status))
        Fail("Only a closed case can be reopened as a new episode; this one is " +
             std::string(ToString(c.status)) + ".");
    if (!m_firstContact.Set())
        Fail("Give the date the client got in touch again.");
    Date last = c.end.Set() ? c.end : c.start;
    if (last.Set() && m_firstContact < last)
        Fail("The new first contact (" + m_firstContact.Iso() +
             ") is before the end of the last episode (" + last.Iso() + ").");
    if (detail::HasDuplicates(m_intake.reasons))
        Fail("A reason for seeking help is listed twice.");
    m_old = c;
    c.pastEpisodes.push_back(
        {c.status, c.firstContact, c.start, c.end, c.followUpMonths, c.intake, c.followUps});
    c.status = CaseStatus::Enquiry;
    c.firstContact = m_firstContact;
    c.start = {};
    c.end = {};
    c.followUpMonths = 6;
    c.followUps.clear();
    c.intake = m_intake;
    SyncFollowUpDue(c);
}

void ReopenCase::Revert(Case& c) {
    c.pastEpisodes = m_old.pastEpisodes;
    c.status = m_old.status;
    c.firstContact = m_old.firstContact;
    c.start = m_old.start;
    c.end = m_old.end;
    c.followUpMonths = m_old.followUpMonths;
    c.followUps = m_old.followUps;
    c.intake = m_old.intake;
    c.followUpDue = m_old.followUpDue;
}

// --- RecordFollowUpOutcome -------------------------------------------------------

RecordFollowUpOutcome::RecordFollowUpOutcome(std::string followUpId, FollowUpOutcome outcome,
                                             Date date, std::string sessionId)
    : m_id(std::move(followUpId)), m_outcome(outcome), m_date(date),
      m_sessionId(std::move(sessionId)) {}

std::string RecordFollowUpOutcome::Describe() const {
    return "Follow-up " + m_id + ": " + ToString(m_outcome);
}

void RecordFollowUpOutcome::Apply(Case& c) {
    FollowUp& f = RequireFollowUp(c, m_id);
    const bool planned = m_outcome == FollowUpOutcome::Planned;
    if (!planned && !m_date.Set())
        Fail("Give the date the follow-up was held, declined or given up.");
    if (!planned && c.end.Set() && m_date < c.end)
        Fail("The follow-up date (" + m_date.Iso() + ") is before the end of treatment (" +
             c.end.Iso() + ").");
    if (!m_sessionId.empty() && !c.FindSession(m_sessionId))
        Fail("There is no session " + m_sessionId + " in this case.");
    if (!m_sessionId.empty() && m_outcome != FollowUpOutcome::Held)
        Fail("Only a held follow-up has a follow-up session.");
    m_oldFollowUps = c.followUps;
    m_oldStatus = c.status;
    m_oldDue = c.followUpDue;
    f.outcome = m_outcome;
    f.outcomeDate = planned ? Date{} : m_date;
    f.sessionId = m_sessionId;
    StatusFromOutcomes(c);
    SyncFollowUpDue(c);
}

void RecordFollowUpOutcome::Revert(Case& c) {
    c.followUps = m_oldFollowUps;
    c.status = m_oldStatus;
    c.followUpDue = m_oldDue;
}

// --- PlanFollowUp ------------------------------------------------------------------

PlanFollowUp::PlanFollowUp(Date due) : m_due(due) {}

void PlanFollowUp::Apply(Case& c) {
    RequireEnded(c, "planning a follow-up");
    if (!m_due.Set() || !(c.end < m_due))
        Fail("A follow-up is planned for a date after the end of treatment (" + c.end.Iso() + ").");
    m_id = NextFollowUpId(c);
    m_oldDue = c.followUpDue;
    c.followUps.push_back({m_id, m_due, FollowUpOutcome::Planned, {}, {}});
    SyncFollowUpDue(c);
}

void PlanFollowUp::Revert(Case& c) {
    std::erase_if(c.followUps, [&](const FollowUp& f) { return f.id == m_id; });
    c.followUpDue = m_oldDue;
}

// --- CancelFollowUp ----------------------------------------------------------------

CancelFollowUp::CancelFollowUp(std::string followUpId) : m_id(std::move(followUpId)) {}

void CancelFollowUp::Apply(Case& c) {
    const FollowUp& f = RequireFollowUp(c, m_id);
    if (f.outcome != FollowUpOutcome::Planned)
        Fail("Follow-up " + m_id + " already has an outcome (" + ToString(f.outcome) +
             "); it stays in the record.");
    m_old = c.followUps;
    m_oldDue = c.followUpDue;
    std::erase_if(c.followUps, [&](const FollowUp& x) { return x.id == m_id; });
    SyncFollowUpDue(c);
}

void CancelFollowUp::Revert(Case& c) {
    c.followUps = m_old;
    c.followUpDue = m_oldDue;
}

// --- SetRelativeLink ---------------------------------------------------------------

SetRelativeLink::SetRelativeLink(std::string indexCaseId, genogram::PersonId person)
    : m_index(std::move(indexCaseId)), m_person(person) {}

void SetRelativeLink::Apply(Case& c) {
    if (detail::Blank(m_index))
        Fail("Name the index client's case the relative's case belongs to.");
    if (m_index == c.id)
        Fail("A case cannot be a relative's case of itself.");
    if (!c.relativeCaseIds.empty())
        Fail("This case has relatives' cases of its own, so it is an index client's case.");
    m_oldIndex = c.relativeOf;
    m_oldPerson = c.relativePerson;
    c.relativeOf = m_index;
    c.relativePerson = m_person;
}

void SetRelativeLink::Revert(Case& c) {
    c.relativeOf = m_oldIndex;
    c.relativePerson = m_oldPerson;
}

// --- AddRelativeCase ---------------------------------------------------------------

AddRelativeCase::AddRelativeCase(std::string relativeCaseId) : m_id(std::move(relativeCaseId)) {}

void AddRelativeCase::Apply(Case& c) {
    if (detail::Blank(m_id) || m_id == c.id)
        Fail("Name the relative's own case.");
    if (!c.relativeOf.empty())
        Fail("This case is itself a relative's case; link the relative to the index client.");
    if (std::find(c.relativeCaseIds.begin(), c.relativeCaseIds.end(), m_id) !=
        c.relativeCaseIds.end())
        Fail("Case " + m_id + " is already linked as a relative's case.");
    c.relativeCaseIds.push_back(m_id);
}

void AddRelativeCase::Revert(Case& c) {
    std::erase(c.relativeCaseIds, m_id);
}

} // namespace kartbok::journal
