#pragma once
// Moving a relative's own content out of the index client's case into a case
// of their own. Older cases hold a partner's alone-sessions and the
// relatives' checklist inside the client's case, so the client's record
// export would print them: third-party content that must never leave in
// another person's record (GDPR Art. 15, OSL). This is the journal side of the
// migration: what moves, what stays, and how the two cases are linked. The
// vault writes both cases in one audited step (Vault::SplitCase), and signed
// sessions move unchanged.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/TemplateLoader.h"

#include <string>
#include <vector>

namespace kartbok::journal {

struct RelativeSplitRequest {
    std::string newCaseId; ///< the id the vault gives the relative's case
    std::string newCode;   ///< the relative's own pseudonymous code
    /// Who the relative is in the index client's map. 0: every relative-alone
    /// session moves (one relative). Otherwise only the sessions naming that
    /// person; alone-sessions naming nobody then stay and are reported.
    genogram::PersonId relativePerson = 0;
    /// Checklists and forms meant for relatives (templates with
    /// `audience: relative`); their runs and responses move whole.
    std::vector<std::string> relativeTemplateIds;
};

struct RelativeSplit {
    Case source;   ///< the index client's case without the relative's content, linked
    Case relative; ///< the relative's new case
    std::vector<std::string> movedSessionIds;
    std::vector<std::string> movedChecklists; ///< template ids of the runs moved
    std::vector<std::string> movedFormIds;
    /// Joint sessions that stay in the index case and show as "joint" in the
    /// relative's timeline (JointSessions), without their text.
    std::vector<std::string> jointSessionIds;
    /// Relative-alone sessions that did not move because they name nobody (or
    /// someone else) while a person was given.
    std::vector<std::string> leftSessionIds;
};

/// The ids of the templates meant for relatives in a set.
std::vector<std::string> RelativeTemplateIds(const TemplateSet& templates);

/// True when the case holds something that belongs in a relative's own case:
/// relative-alone sessions, or runs or forms of a relatives' template.
bool HoldsRelativeContent(const Case& c, const std::vector<std::string>& relativeTemplateIds);

/// Works out the split. Signed sessions move byte for byte (same id, fields,
/// signature, addenda, participants); checklist entries left in the index
/// case drop their links to moved sessions, moved entries keep only links to
/// moved sessions and lose their links to people of the index client's map.
/// The relative's case starts as an ongoing case dated from their first
/// moved session, with the intake reason "relative", linked both ways.
/// Throws JournalError when there is nothing to move, when the source is
/// itself a relative's case, or when the code or id is missing.
RelativeSplit SplitRelative(const Case& source, const RelativeSplitRequest& request);

} // namespace kartbok::journal
