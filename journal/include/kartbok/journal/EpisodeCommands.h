#pragma once
// Commands over treatment episodes and follow-ups (DESIGN: the journal): a
// follow-up is due from its date and ends with an outcome; a closed case can
// be reopened as a new episode.

#include "kartbok/journal/CaseCommand.h"

namespace kartbok::journal {

/// Starts a new treatment episode for a returning client: the current
/// episode's dates, intake and follow-ups move to Case::pastEpisodes and the
/// case starts again as an enquiry from `firstContact`. Refused unless the
/// case is ended, followed up or archived, and when the first contact is
/// before the end of the episode that closes. Planned follow-ups of the old
/// episode stay in its history (the client is back; nothing is due for them).
class ReopenCase final : public CaseCommand {
public:
    ReopenCase(Date firstContact, Intake intake);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override { return "Reopen case as a new episode"; }
    CommandKind Kind() const override { return CommandKind::Reopen; }

private:
    Date m_firstContact;
    Intake m_intake;
    Case m_old; ///< only the fields this command touches are restored
};

/// Records what came of a follow-up: held (optionally with the follow-up
/// session), declined, not reached - or back to planned. Refuses an unknown
/// follow-up, an outcome without a date, a date before the end of treatment,
/// and a session that is not in the case. The status follows: "follow-up
/// done" once one is held, "ended" otherwise.
class RecordFollowUpOutcome final : public CaseCommand {
public:
    RecordFollowUpOutcome(std::string followUpId, FollowUpOutcome outcome, Date date,
                          std::string sessionId = {});
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override;
    CommandKind Kind() const override { return CommandKind::FollowUp; }

private:
    std::string m_id;
    FollowUpOutcome m_outcome;
    Date m_date;
    std::string m_sessionId;
    std::vector<FollowUp> m_oldFollowUps;
    CaseStatus m_oldStatus = CaseStatus::Ended;
    Date m_oldDue;
};

/// Plans a further follow-up (e.g. a long-term one two years after the end).
/// Refused before the case has ended and for a date on or before the end.
class PlanFollowUp final : public CaseCommand {
public:
    explicit PlanFollowUp(Date due);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override { return "Plan follow-up " + m_due.Iso(); }
    CommandKind Kind() const override { return CommandKind::FollowUp; }
    const std::string& FollowUpId() const { return m_id; }

private:
    Date m_due;
    std::string m_id;
    Date m_oldDue;
};

/// Removes a follow-up that is still planned (planned by mistake). One with
/// an outcome is history and stays.
class CancelFollowUp final : public CaseCommand {
public:
    explicit CancelFollowUp(std::string followUpId);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override { return "Cancel follow-up " + m_id; }
    CommandKind Kind() const override { return CommandKind::FollowUp; }

private:
    std::string m_id;
    std::vector<FollowUp> m_old;
    Date m_oldDue;
};

/// Makes this case a relative's or partner's own case, linked to the index
/// client's case by id (and, optionally, who they are in that client's map).
/// The link carries no content. Refuses linking a case to itself and a case
/// that is itself an index of relatives.
class SetRelativeLink final : public CaseCommand {
public:
    SetRelativeLink(std::string indexCaseId, genogram::PersonId person = 0);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override { return "Link to index case " + m_index; }
    CommandKind Kind() const override { return CommandKind::Link; }

private:
    std::string m_index;
    genogram::PersonId m_person;
    std::string m_oldIndex;
    genogram::PersonId m_oldPerson = 0;
};

/// On the index client's case: records the id of a relative's own case, so
/// the app can offer it. Ids only.
class AddRelativeCase final : public CaseCommand {
public:
    explicit AddRelativeCase(std::string relativeCaseId);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override { return "Link relative's case " + m_id; }
    CommandKind Kind() const override { return CommandKind::Link; }

private:
    std::string m_id;
};

} // namespace kartbok::journal
