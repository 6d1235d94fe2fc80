#pragma once
// Commands over sessions and their notes. The lifecycle rule lives here:
// a note is a draft until signed; a signed note never changes, it can only
// receive addenda (SoL 11:5-6, Förvaltningslagen 27 §; docs/design.md, "The journal").

#include "kartbok/journal/CaseCommand.h"

namespace kartbok::journal {

/// Pseudo field id for corrections of "what was agreed for next time", which
/// is a Session member rather than a template field.
inline constexpr const char* kNextStepsField = "next-steps";

/// Adds a new draft session. Refuses a missing or duplicate id, a signed
/// session or one with addenda (signing is its own, audited step), a length
/// of zero minutes, duplicate field ids, and participants not in the map.
class AddSession final : public CaseCommand {
public:
    explicit AddSession(Session session);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override { return "Add session " + m_session.id; }
    CommandKind Kind() const override { return CommandKind::AddSession; }
    std::string SessionId() const override { return m_session.id; }

private:
    Session m_session;
};

/// Replaces a draft session wholesale (the note editor saves the whole note).
/// Refused when the session is signed; the replacement must keep the id and
/// may not itself be signed or carry addenda.
class EditDraft final : public CaseCommand {
public:
    explicit EditDraft(Session replacement);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override { return "Edit draft " + m_new.id; }
    CommandKind Kind() const override { return CommandKind::EditDraft; }
    std::string SessionId() const override { return m_new.id; }

private:
    Session m_new;
    Session m_old;
};

/// Removes a draft session (and its links from checklist entries). Refused
/// when signed: a signed note stays in the record for good.
class DeleteDraft final : public CaseCommand {
public:
    explicit DeleteDraft(std::string sessionId);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override { return "Delete draft " + m_id; }
    CommandKind Kind() const override { return CommandKind::DeleteDraft; }
    std::string SessionId() const override { return m_id; }

private:
    std::string m_id;
    Session m_old;
    std::size_t m_index = 0;
    std::vector<ChecklistRun> m_oldChecklists;
};

/// Signs a draft: from now on the note is locked. Refuses a note that is
/// already signed, an empty user, a missing time, and a time before the
/// session started (a note cannot be signed before it happened).
class SignSession final : public CaseCommand {
public:
    SignSession(std::string sessionId, std::string user, Timestamp time);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override { return "Sign session " + m_id; }
    CommandKind Kind() const override { return CommandKind::Sign; }
    std::string SessionId() const override { return m_id; }

private:
    std::string m_id;
    std::string m_user;
    Timestamp m_time;
};

/// Appends an addendum to a signed note - the only change a signed note
/// accepts. With addendum.correctsField set it is a correction: the named
/// field (or kNextStepsField) reads as the addendum's text from then on,
/// with the earlier text kept and shown struck through (see RenderField).
/// Refuses drafts (edit the draft instead), an empty author/text, a missing
/// time or one before the signature, a correction without a reason, and a
/// correction of a field the note does not have.
class AddAddendum final : public CaseCommand {
public:
    AddAddendum(std::string sessionId, Addendum addendum);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override;
    CommandKind Kind() const override;
    std::string SessionId() const override { return m_id; }

private:
    std::string m_id;
    Addendum m_addendum;
};

/// Convenience for the correction dialog: an addendum that corrects a field.
CaseCommandPtr MakeCorrection(std::string sessionId, std::string fieldId, std::string newText,
                              std::string reason, std::string author, Timestamp time);

} // namespace kartbok::journal
