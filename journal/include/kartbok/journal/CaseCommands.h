#pragma once
// Commands over the case as a whole: its facts, its family map, closing it.

#include "kartbok/genogram/Command.h"
#include "kartbok/journal/CaseCommand.h"

#include <optional>

namespace kartbok::journal {

/// The editable facts of a case, as one value, so the "case details" dialog
/// is one command and one undo step.
struct CaseFields {
    std::string code;
    std::string name;
    std::string contact;
    std::string reasonForContact;
    CaseStatus status = CaseStatus::Enquiry;
    Date firstContact;
    Date start;
    Date end;
    /// The next planned follow-up of the current episode; setting it moves
    /// that follow-up (or plans one), clearing it cancels it.
    Date followUpDue;
    int followUpMonths = 6;
    Intake intake;
    bool operator==(const CaseFields&) const = default;
};

CaseFields FieldsOf(const Case& c);

/// Replaces the case's facts. Refuses an empty code (every list shows it), a
/// follow-up interval outside 4-8 months, and dates out of order (start before
/// first contact, end before start, follow-up before end).
class SetCaseFields final : public CaseCommand {
public:
    explicit SetCaseFields(CaseFields fields);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override {
        return Archives() ? "Archive case" : "Edit case details";
    }
    /// Archive when these details archive the case, so its save is audited as that.
    CommandKind Kind() const override {
        return Archives() ? CommandKind::Archive : CommandKind::EditCase;
    }

private:
    bool Archives() const { return m_new.status == CaseStatus::Archived; }
    CaseFields m_new;
    CaseFields m_old;
    std::vector<FollowUp> m_oldFollowUps;
};

/// Ends the treatment: sets the end date, the follow-up interval, plans the
/// first follow-up (end + months, docs/design.md, "The journal") and sets the status Ended.
/// Without an explicit end date the latest closing session's date is used,
/// so "sign the closing note, then close" needs no second date entry.
class CloseCase final : public CaseCommand {
public:
    explicit CloseCase(Date end = {}, std::optional<int> followUpMonths = {});
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override { return "Close case"; }
    CommandKind Kind() const override { return CommandKind::Close; }

private:
    Date m_end;
    std::optional<int> m_months;
    CaseFields m_old;
    std::vector<FollowUp> m_oldFollowUps;
};

/// Puts a family-map edit on the case's command stack, so drawing the map
/// with the client and writing notes share one undo history and one audit log.
/// Refuses (and undoes the map edit) when it would remove a person who took
/// part in a signed session: a signed note's participants cannot change.
class FamilyEdit final : public CaseCommand {
public:
    explicit FamilyEdit(genogram::CommandPtr edit);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override;
    CommandKind Kind() const override { return CommandKind::EditFamily; }
    const genogram::Command& Edit() const { return *m_edit; }

private:
    genogram::CommandPtr m_edit;
};

} // namespace kartbok::journal
