#include "kartbok/journal/CaseCommands.h"

#include "Checks.h"
#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Episodes.h"

#include <array>

namespace kartbok::journal {

using detail::Fail;

const char* ToString(CommandKind k) {
    static constexpr std::array kNames{"edit-case",    "edit-family", "add-session", "edit-draft",
                                       "delete-draft", "sign",        "addendum",    "correction",
                                       "checklist",    "form",        "close",       "composite",
                                       "follow-up",    "reopen",      "link",        "archive"};
    return kNames.at(static_cast<std::size_t>(k));
}

// --- CompositeCaseCommand ----------------------------------------------------

CompositeCaseCommand::CompositeCaseCommand(std::string description,
                                           std::vector<CaseCommandPtr> parts)
    : m_description(std::move(description)), m_parts(std::move(parts)) {}

void CompositeCaseCommand::Add(CaseCommandPtr part) {
    m_parts.push_back(std::move(part));
}

void CompositeCaseCommand::Apply(Case& c) {
    std::size_t applied = 0;
    try {
        for (; applied < m_parts.size(); ++applied)
            m_parts[applied]->Apply(c);
    } catch (...) {
        // All or nothing: undo the parts that went through, newest first.
        while (applied > 0)
            m_parts[--applied]->Revert(c);
        throw;
    }
}

void CompositeCaseCommand::Revert(Case& c) {
    for (auto it = m_parts.rbegin(); it != m_parts.rend(); ++it)
        (*it)->Revert(c);
}

// --- SetCaseFields -------------------------------------------------------------

CaseFields FieldsOf(const Case& c) {
    return {c.code,  c.name, c.contact,     c.reasonForContact, c.status, c.firstContact,
            c.start, c.end,  c.followUpDue, c.followUpMonths,   c.intake};
}

namespace {
void Assign(Case& c, const CaseFields& f) {
    c.code = f.code;
    c.name = f.name;
    c.contact = f.contact;
    c.reasonForContact = f.reasonForContact;
    c.status = f.status;
    c.firstContact = f.firstContact;
    c.start = f.start;
    c.end = f.end;
    c.followUpDue = f.followUpDue;
    c.followUpMonths = f.followUpMonths;
    c.intake = f.intake;
}

/// The details dialog edits "follow-up due" as one date: it is the next
/// planned follow-up, so moving it moves that follow-up, clearing it cancels
/// it, and setting it when none is planned plans one.
void MoveNextFollowUp(Case& c, Date due) {
    auto next = std::find_if(c.followUps.begin(), c.followUps.end(),
                             [&](const FollowUp& f) { return &f == NextPlanned(c.followUps); });
    if (next != c.followUps.end()) {
        if (due.Set())
            next->due = due;
        else
            c.followUps.erase(next);
    } else if (due.Set()) {
        c.followUps.push_back({NextFollowUpId(c), due, FollowUpOutcome::Planned, {}, {}});
    }
    SyncFollowUpDue(c);
}

void RequireIntake(const Intake& intake) {
    if (detail::HasDuplicates(intake.reasons))
        Fail("A reason for seeking help is listed twice.");
}

void RequireOrder(Date earlier, Date later, const char* earlierName, const char* laterName) {
    if (earlier.Set() && later.Set() && later < earlier)
        Fail(std::string("The ") + laterName + " (" + later.Iso() + ") is before the " +
             earlierName + " (" + earlier.Iso() + "); check both dates.");
}

void RequireMonths(int months) {
    if (!ValidFollowUpMonths(months))
        Fail("The follow-up comes " + std::to_string(kMinFollowUpMonths) + "-" +
             std::to_string(kMaxFollowUpMonths) + " months after the end of treatment; " +
             std::to_string(months) + " is outside that range.");
}
} // namespace

SetCaseFields::SetCaseFields(CaseFields fields) : m_new(std::move(fields)) {}

void SetCaseFields::Apply(Case& c) {
    if (detail::Blank(m_new.code))
        Fail("Every case needs a client code; it is the name shown in every list.");
    RequireMonths(m_new.followUpMonths);
    RequireOrder(m_new.firstContact, m_new.start, "first contact", "start date");
    RequireOrder(m_new.start, m_new.end, "start date", "end date");
    RequireOrder(m_new.firstContact, m_new.end, "first contact", "end date");
    RequireOrder(m_new.end, m_new.followUpDue, "end date", "follow-up date");
    RequireIntake(m_new.intake);
    m_old = FieldsOf(c);
    m_oldFollowUps = c.followUps;
    Assign(c, m_new);
    if (m_new.followUpDue != m_old.followUpDue)
        MoveNextFollowUp(c, m_new.followUpDue);
}

void SetCaseFields::Revert(Case& c) {
    Assign(c, m_old);
    c.followUps = m_oldFollowUps;
}

// --- CloseCase -----------------------------------------------------------------

CloseCase::CloseCase(Date end, std::optional<int> followUpMonths)
    : m_end(end), m_months(followUpMonths) {}

void CloseCase::Apply(Case& c) {
    if (c.status == CaseStatus::Ended || c.status == CaseStatus::FollowUpDone ||
        c.status == CaseStatus::Archived)
        Fail("The case is already closed (status " + std::string(ToString(c.status)) +
             "); edit the case details to change its dates.");
    Date end = m_end;
    if (!end.Set()) {
        for (const Session& s : c.sessions)
            if (s.type == SessionType::Closing && s.start != 0)
                end = std::max(end, DateOf(s.start));
        if (!end.Set())
            Fail("Give the end date, or add the closing session first.");
    }
    int months = m_months.value_or(c.followUpMonths);
    RequireMonths(months);
    RequireOrder(c.start, end, "start date", "end date");
    RequireOrder(c.firstContact, end, "first contact", "end date");
    m_old = FieldsOf(c);
    m_oldFollowUps = c.followUps;
    c.end = end;
    c.followUpMonths = months;
    // Follow-ups planned before the end was known (by hand) give way to the
    // one the method prescribes; ones with an outcome are kept as history.
    std::erase_if(c.followUps,
                  [](const FollowUp& f) { return f.outcome == FollowUpOutcome::Planned; });
    c.followUps.push_back(
        {NextFollowUpId(c), FollowUpDue(end, months), FollowUpOutcome::Planned, {}, {}});
    SyncFollowUpDue(c);
    c.status = CaseStatus::Ended;
}

void CloseCase::Revert(Case& c) {
    Assign(c, m_old);
    c.followUps = m_oldFollowUps;
}

// --- FamilyEdit ----------------------------------------------------------------

FamilyEdit::FamilyEdit(genogram::CommandPtr edit) : m_edit(std::move(edit)) {
    if (!m_edit)
        throw std::invalid_argument("FamilyEdit needs a command");
}

std::string FamilyEdit::Describe() const {
    return m_edit->Describe();
}

void FamilyEdit::Apply(Case& c) {
    try {
        m_edit->Apply(c.family);
    } catch (const genogram::CommandError& e) {
        throw JournalError(e.what());
    }
    for (const Session& s : c.sessions) {
        if (!s.isSigned)
            continue;
        for (auto person : s.participants)
            if (!detail::PersonExists(c.family, person)) {
                m_edit->Revert(c.family);
                Fail("Person " + std::to_string(person) + " took part in signed session " + s.id +
                     ", so they cannot be removed from the map. Mark them in the map "
                     "instead, or write an addendum.");
            }
    }
}

void FamilyEdit::Revert(Case& c) {
    m_edit->Revert(c.family);
}

} // namespace kartbok::journal
