#include "kartbok/journal/SessionCommands.h"

#include "Checks.h"

#include <algorithm>

namespace kartbok::journal {

using detail::Fail;

namespace {

/// What every draft must satisfy, whether added or edited.
void ValidateDraft(const Case& c, const Session& s) {
    if (detail::Blank(s.id))
        Fail("A session needs an id.");
    if (s.isSigned || !s.signedBy.empty() || s.signedAt != 0)
        Fail("Session " + s.id +
             " arrives signed; save it as a draft and sign it as its own step.");
    if (!s.addenda.empty())
        Fail("Session " + s.id + " is a draft; addenda belong to signed notes only.");
    if (s.minutes <= 0)
        Fail("Session " + s.id + " needs a length of at least one minute.");
    std::vector<std::string> ids;
    for (const NoteField& f : s.fields) {
        if (f.id.empty())
            Fail("Session " + s.id + " has a note field without an id.");
        ids.push_back(f.id);
    }
    if (detail::HasDuplicates(ids))
        Fail("Session " + s.id + " has two note fields with the same id.");
    detail::RequirePeople(c.family, s.participants, ("Session " + s.id).c_str());
}

/// Whose case a session belongs in: a relative's alone-session in their own
/// case (as an individual session there), a joint session in the index
/// client's case - so no one's words end up in another person's record.
void RequireRightCase(const Case& c, const Session& s) {
    if (s.type == SessionType::Relative)
        Fail("A relative's or partner's alone-session is written in their own case (New "
             "relative's case); there it is an individual session.");
    if (s.type == SessionType::Couple && !c.relativeOf.empty())
        Fail("Joint sessions are written in the index client's case; they show as joint in "
             "this relative's case.");
}

bool HasField(const Session& s, const std::string& fieldId) {
    return fieldId == kNextStepsField || s.Field(fieldId) != nullptr;
}

} // namespace

// --- AddSession ----------------------------------------------------------------

AddSession::AddSession(Session session) : m_session(std::move(session)) {}

void AddSession::Apply(Case& c) {
    if (c.FindSession(m_session.id))
        Fail("There is already a session " + m_session.id + " in this case.");
    ValidateDraft(c, m_session);
    RequireRightCase(c, m_session);
    c.sessions.push_back(m_session);
}

void AddSession::Revert(Case& c) {
    auto it = std::find_if(c.sessions.begin(), c.sessions.end(),
                           [&](const Session& s) { return s.id == m_session.id; });
    if (it != c.sessions.end())
        c.sessions.erase(it);
}

// --- EditDraft -----------------------------------------------------------------

EditDraft::EditDraft(Session replacement) : m_new(std::move(replacement)) {}

void EditDraft::Apply(Case& c) {
    Session& current = detail::RequireSession(c, m_new.id);
    detail::RequireDraft(current, "edited");
    ValidateDraft(c, m_new);
    if (m_new.type != current.type)
        RequireRightCase(c, m_new);
    m_old = current;
    current = m_new;
}

void EditDraft::Revert(Case& c) {
    if (Session* s = c.FindSession(m_new.id))
        *s = m_old;
}

// --- DeleteDraft ---------------------------------------------------------------

DeleteDraft::DeleteDraft(std::string sessionId) : m_id(std::move(sessionId)) {}

void DeleteDraft::Apply(Case& c) {
    Session& s = detail::RequireSession(c, m_id);
    detail::RequireDraft(s, "deleted");
    m_index = static_cast<std::size_t>(&s - c.sessions.data());
    m_old = s;
    m_oldChecklists = c.checklists;
    c.sessions.erase(c.sessions.begin() + static_cast<std::ptrdiff_t>(m_index));
    // A checklist entry must not point at a note that no longer exists.
    for (ChecklistRun& run : c.checklists)
        for (TopicEntry& e : run.entries)
            std::erase(e.sessionIds, m_id);
}

void DeleteDraft::Revert(Case& c) {
    c.sessions.insert(c.sessions.begin() + static_cast<std::ptrdiff_t>(m_index), m_old);
    c.checklists = m_oldChecklists;
}

// --- SignSession ---------------------------------------------------------------

SignSession::SignSession(std::string sessionId, std::string user, Timestamp time)
    : m_id(std::move(sessionId)), m_user(std::move(user)), m_time(time) {}

void SignSession::Apply(Case& c) {
    Session& s = detail::RequireSession(c, m_id);
    if (s.isSigned)
        Fail("Session " + m_id + " is already signed.");
    if (detail::Blank(m_user))
        Fail("Signing needs the name of the person who signs.");
    if (m_time == 0)
        Fail("Signing needs the time of signing.");
    if (s.start != 0 && m_time < s.start)
        Fail("Session " + m_id + " has not taken place yet, so its note cannot be signed.");
    s.isSigned = true;
    s.signedBy = m_user;
    s.signedAt = m_time;
}

void SignSession::Revert(Case& c) {
    if (Session* s = c.FindSession(m_id)) {
        s->isSigned = false;
        s->signedBy.clear();
        s->signedAt = 0;
    }
}

// --- AddAddendum ---------------------------------------------------------------

AddAddendum::AddAddendum(std::string sessionId, Addendum addendum)
    : m_id(std::move(sessionId)), m_addendum(std::move(addendum)) {}

CommandKind AddAddendum::Kind() const {
    return m_addendum.correctsField.empty() ? CommandKind::Addendum : CommandKind::Correction;
}

std::string AddAddendum::Describe() const {
    if (m_addendum.correctsField.empty())
        return "Add addendum to session " + m_id;
    return "Correct field " + m_addendum.correctsField + " of session " + m_id;
}

void AddAddendum::Apply(Case& c) {
    Session& s = detail::RequireSession(c, m_id);
    if (!s.isSigned)
        Fail("Session " + m_id +
             " is still a draft; edit the note itself instead of adding an "
             "addendum.");
    if (detail::Blank(m_addendum.author))
        Fail("An addendum needs its author.");
    if (m_addendum.time == 0)
        Fail("An addendum needs the time it was written.");
    if (m_addendum.time < s.signedAt)
        Fail("An addendum cannot be dated before the note was signed.");
    const bool correction = !m_addendum.correctsField.empty();
    if (correction) {
        if (!HasField(s, m_addendum.correctsField))
            Fail("Session " + m_id + " has no field " + m_addendum.correctsField + " to correct.");
        if (detail::Blank(m_addendum.reason))
            Fail("A correction needs a reason, so a reader can see why the text changed.");
    } else if (detail::Blank(m_addendum.text)) {
        Fail("An addendum needs some text.");
    }
    s.addenda.push_back(m_addendum);
}

void AddAddendum::Revert(Case& c) {
    if (Session* s = c.FindSession(m_id);
        s && !s->addenda.empty() && s->addenda.back() == m_addendum)
        s->addenda.pop_back();
}

CaseCommandPtr MakeCorrection(std::string sessionId, std::string fieldId, std::string newText,
                              std::string reason, std::string author, Timestamp time) {
    Addendum a;
    a.author = std::move(author);
    a.time = time;
    a.text = std::move(newText);
    a.reason = std::move(reason);
    a.correctsField = std::move(fieldId);
    return std::make_unique<AddAddendum>(std::move(sessionId), std::move(a));
}

} // namespace kartbok::journal
