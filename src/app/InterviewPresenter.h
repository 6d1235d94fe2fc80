#pragma once
// What the Deep-interview tab, the note editor's checklist panel and the map
// show about a checklist run, computed from the case and the template alone
// (wx-free, so it is tested without a display). Edits are built here as
// journal::SetTopic commands; the views only execute them through the document.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/ChecklistCommands.h"
#include "kartbok/journal/Template.h"
#include "kartbok/journal/TemplateLoader.h"

#include <memory>
#include <string>
#include <vector>

namespace kartbok::app {

/// The checklists the app offers, in menu order.
inline constexpr const char* kDeepInterviewId = "deep-interview";
inline constexpr const char* kRelativesSupportId = "relatives-support";

/// Shipped templates (plus none from a clinic folder yet). A broken template is
/// listed as unavailable by the loader and simply not offered.
journal::TemplateSet LoadAppTemplates();

/// The next state when the therapist clicks a topic's icon: not yet -> partly
/// -> covered -> not yet.
journal::TopicState NextState(journal::TopicState s);

/// A checklist as it stands in one case.
class ChecklistView {
public:
    ChecklistView(const journal::Case& c, const journal::Template& checklist);

    const journal::Template& Checklist() const { return m_template; }
    /// The case's run of this checklist, or nullptr when nothing is ticked yet.
    const journal::ChecklistRun* Run() const;
    /// The entry of an item; a fresh "not yet" entry when the item is untouched.
    journal::TopicEntry Entry(const std::string& itemId) const;
    int CoveredCount() const;
    int TopicCount() const;
    int PartlyCount() const;

    /// The one command every change of a topic becomes: the version the run was
    /// started with (SetTopic refuses another), or the template's for a new run.
    journal::CaseCommandPtr MakeSet(journal::TopicEntry entry) const;
    /// Links / unlinks a session and, when linking an untouched topic, marks it
    /// covered - what ticking a topic while writing a note means.
    journal::CaseCommandPtr MakeToggleSession(const std::string& itemId,
                                              const std::string& sessionId, bool linked) const;

private:
    const journal::Case& m_case;
    const journal::Template& m_template;
};

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

/// People a topic can concern: everyone on the map except scaffold placeholders
/// and pregnancies, the client first.
std::vector<genogram::PersonId> LinkablePeople(const genogram::Family& family);

} // namespace kartbok::app
