#pragma once
// What the Deep-interview tab, the note editor's checklist panel and the map
// show about a checklist run, computed from the case and the template alone
// (wx-free, so it is tested without a display). Edits are built here as
// journal::SetTopic commands; the views only execute them through the document.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/ChecklistCommands.h"
#include "kartbok/journal/Template.h"
#include "kartbok/journal/TemplateLoader.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kartbok::app {

/// The checklists the app offers, in menu order.
inline constexpr const char* kDeepInterviewId = "deep-interview";
inline constexpr const char* kRelativesSupportId = "relatives-support";

/// The next state when the therapist clicks a topic's icon: not yet -> partly
/// -> covered -> not yet.
journal::TopicState NextState(journal::TopicState s);

/// How the version a case's answers were stored under compares with the
/// template the app has loaded.
enum class RunAge : std::uint8_t {
    None,  ///< nothing ticked yet: a new run starts at the template's version
    Same,  ///< stored under the loaded version
    Older, ///< stored under an older version: shown through the template's `replaces`
    Newer, ///< stored under a newer version than any loaded (a clinic template was
           ///< removed): shown as stored, not editable
};

/// A checklist as it stands in one case. Answers stored under an older version
/// are shown under the loaded version's topics (MapAnswers); answers whose topic
/// is not in the loaded version are kept apart (Kept), never dropped.
class ChecklistView {
public:
    ChecklistView(const journal::Case& c, const journal::Template& checklist);

    const journal::Template& Checklist() const { return m_template; }
    /// The case's run of this checklist, or nullptr when nothing is ticked yet.
    const journal::ChecklistRun* Run() const { return m_run; }
    RunAge Age() const { return m_age; }
    /// The version the answers are stored under (0 without a run).
    int StoredVersion() const { return m_run ? m_run->templateVersion : 0; }
    /// False when the answers are newer than the template: editing them with it
    /// could file an answer under the wrong topic.
    bool Editable() const { return m_age != RunAge::Newer; }
    /// The entry of an item of the loaded version (mapped from the stored
    /// version); a fresh "not yet" entry when the item is untouched.
    journal::TopicEntry Entry(const std::string& itemId) const;
    /// Answers whose topic is not in the loaded version (retired by it, or kept
    /// from an earlier upgrade), with their stored ids, in stored order.
    const std::vector<journal::TopicEntry>& Kept() const { return m_kept; }
    int CoveredCount() const;
    int TopicCount() const;
    int PartlyCount() const;

    /// The one command every change of a topic becomes. For answers stored under
    /// an older version it also moves them to the loaded version (MakeUpgrade),
    /// in the same undo step, since SetTopic files an answer under one version
    /// only. Throws journal::JournalError when the answers are newer (!Editable).
    journal::CaseCommandPtr MakeSet(journal::TopicEntry entry) const;
    /// Links / unlinks a session and, when linking an untouched topic, marks it
    /// covered - what ticking a topic while writing a note means.
    journal::CaseCommandPtr MakeToggleSession(const std::string& itemId,
                                              const std::string& sessionId, bool linked) const;
    /// Moves the stored answers to the loaded version: mapped entries under
    /// their new ids, kept ones under their stored ids, so nothing is lost and
    /// undo gives the old version back. nullptr unless Age() is Older.
    journal::CaseCommandPtr MakeUpgrade() const;

private:
    const journal::Case& m_case;
    const journal::Template& m_template;
    const journal::ChecklistRun* m_run = nullptr;
    RunAge m_age = RunAge::None;
    std::vector<journal::TopicEntry> m_entries; ///< under the loaded version's ids
    std::vector<journal::TopicEntry> m_kept;
};

/// The case's run of a checklist, or nullptr.
const journal::ChecklistRun* FindRun(const journal::Case& c, const std::string& templateId);

/// The checklists the Deep-interview tab offers for a case, in menu order: the
/// deep interview and relatives' support, other checklists (a clinic's own),
/// then checklists the case has answers for whose template is not loaded (so
/// those answers can still be read).
std::vector<std::string> OfferedChecklists(const journal::Case* c,
                                           const journal::TemplateSet& templates);

/// One topic linked to a person, for the map and the person's topic list.
struct PersonTopic {
    std::string templateId;
    std::string itemId;
    std::string title; ///< in the requested language; the id when no template knows it
    journal::TopicState state = journal::TopicState::NotYet;
    std::string note;
};

/// Every topic of every checklist run in the case that concerns a person.
std::vector<PersonTopic> TopicsForPerson(const journal::Case& c,
                                         const journal::TemplateSet& templates,
                                         genogram::PersonId person, const std::string& language);

/// Every topic of every checklist run linked to a session: what the session
/// covered, for the signed note.
std::vector<PersonTopic> TopicsOfSession(const journal::Case& c,
                                         const journal::TemplateSet& templates,
                                         const std::string& sessionId, const std::string& language);

/// People a topic can concern: everyone on the map except scaffold placeholders
/// and pregnancies, the client first.
std::vector<genogram::PersonId> LinkablePeople(const genogram::Family& family);

} // namespace kartbok::app
