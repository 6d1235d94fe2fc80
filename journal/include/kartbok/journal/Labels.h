#pragma once
// The case record's words in Swedish and English: statuses, session types,
// topic states, form phases, where a search hit is, and the headings the app
// and the reports share ("Agreed for next time", "Came up in sessions"). The
// app shows them in the UI language and the reports in the report's, from the
// same rows, so a session type is called the same in the journal, the
// statistics and every PDF. Adding a value is adding one row
// (kartbok/genogram/Labels.h has the mechanism).

#include "kartbok/genogram/Labels.h"
#include "kartbok/journal/Case.h"
#include "kartbok/journal/Search.h"

namespace kartbok::journal {

/// Headings and field names that more than one screen or report shows.
enum class Heading : std::uint8_t {
    FamilyMap,
    DeepInterview,
    ReasonForContact,
    FirstContact,
    TreatmentStart,
    TreatmentEnd,
    FollowUpDue,
    AlsoTakingPart,
    NextSteps, ///< what was agreed for next time (the note's next-steps field)
    Themes,
    Methods,
    Addenda,
    Topic,
    TopicState,
    Note,
    Sessions,
    CameUpIn, ///< the sessions a topic came up in
    Concerns, ///< the people a topic concerns
    SignedBy, ///< "Signed by" (followed by who and when)
};

} // namespace kartbok::journal

namespace kartbok {

template <> std::span<const Labelled<journal::CaseStatus>> LabelTable();
template <> std::span<const Labelled<journal::SessionType>> LabelTable();
template <> std::span<const Labelled<journal::TopicState>> LabelTable();
template <> std::span<const Labelled<journal::FormPhase>> LabelTable();
template <> std::span<const Labelled<journal::HitPlace>> LabelTable();
template <> std::span<const Labelled<journal::Heading>> LabelTable();

} // namespace kartbok
