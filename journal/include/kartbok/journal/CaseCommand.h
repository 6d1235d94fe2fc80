#pragma once
// Every change to a case is a CaseCommand (docs/architecture.md): the app's undo stack,
// dirty flag, autosave and audit log hang off this one path, so a view never
// edits a Case directly.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/JournalError.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kartbok::journal {

/// What a command does, coarse enough for the audit log and the vault's
/// AuditAction (Sign -> Sign, Addendum/Correction -> Addendum, the rest -> Save)
/// and for the app to decide e.g. that undoing past a signature needs a prompt.
enum class CommandKind : std::uint8_t {
    EditCase,   ///< code, name, contact, reason, intake, status, dates
    EditFamily, ///< any genogram edit
    AddSession,
    EditDraft,
    DeleteDraft,
    Sign,
    Addendum,
    Correction, ///< an addendum that supersedes a field's text
    Checklist,  ///< deep-interview / relatives' checklist entries
    Form,       ///< self-rating form responses
    Close,      ///< closing the case: end date and follow-up due
    Composite,  ///< several of the above as one undo step
    FollowUp,   ///< planning a follow-up or recording its outcome
    Reopen,     ///< a new treatment episode
    Link,       ///< the content-free link between a relative's case and the index client's
    Archive,    ///< case details saved with the status Archived: the client leaves the lists
};

const char* ToString(CommandKind k); ///< stable identifiers: "edit-case", "sign"...

/// A reversible edit of a whole case.
///
/// Contract, relied on by the undo stack and tested for every command:
/// - Apply validates first and throws JournalError with an actionable message
///   (never quoting client text); when it throws, the case is unchanged.
/// - Apply then Revert gives back a case equal (operator==) to the original.
/// - Apply may be called again after Revert (redo) and recomputes what it needs.
/// - Nothing signed changes: commands touching a signed session refuse, except
///   AddAddendum, which only appends.
class CaseCommand {
public:
    virtual ~CaseCommand() = default;
    virtual void Apply(Case& c) = 0;
    virtual void Revert(Case& c) = 0;
    /// English, for logs, tests and the audit trail ("Sign session <id>").
    /// Contains ids only, never client text; the app translates by Kind().
    virtual std::string Describe() const = 0;
    virtual CommandKind Kind() const = 0;
    /// The session the command is about, "" when none; lets the audit log say
    /// which note was signed or amended.
    virtual std::string SessionId() const { return {}; }
};

using CaseCommandPtr = std::unique_ptr<CaseCommand>;

/// Several commands as one undo step (e.g. "closing session": add the session,
/// sign it, close the case). All or nothing: if a part throws, the parts
/// already applied are reverted before the error propagates.
class CompositeCaseCommand final : public CaseCommand {
public:
    explicit CompositeCaseCommand(std::string description, std::vector<CaseCommandPtr> parts = {});
    void Add(CaseCommandPtr part);
    const std::vector<CaseCommandPtr>& Parts() const { return m_parts; }

    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override { return m_description; }
    CommandKind Kind() const override { return CommandKind::Composite; }

private:
    std::string m_description;
    std::vector<CaseCommandPtr> m_parts;
};

} // namespace kartbok::journal
