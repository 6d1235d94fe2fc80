#pragma once
// What the Forms tab says about each self-rating form of the episode it shows:
// filled in, to fill in now, missing (its moment has passed), not yet due, or
// not needed (the follow-up was declined or never reached the client). It reads
// reports::PhaseStatus - the rule the reports and statistics use - so the tab
// and a printed report never disagree about a form. wx-free.

#include "kartbok/reports/Forms.h"

namespace kartbok::app {

enum class FormDue : std::uint8_t {
    Present,   ///< filled in
    Due,       ///< to be filled in now
    Missing,   ///< its moment has passed without it
    NotYetDue, ///< its session has not come yet
    NotNeeded, ///< the follow-up was declined or did not reach the client
};

FormDue FormDueState(const reports::PhaseStatus& phase);

} // namespace kartbok::app
