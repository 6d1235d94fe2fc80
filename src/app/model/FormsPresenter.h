#pragma once
// What the Forms tab says about each self-rating form: filled in, to fill in
// now, missing (its moment has passed), or not yet due. A form is due at the
// session it belongs to: the start form from the first visit, the end form at
// the closing session, the follow-up form at the follow-up - so the first
// visit never says "not yet due" about the start form, and an ended case does
// not call the follow-up form missing months before the follow-up. wx-free.

#include "kartbok/journal/Case.h"

namespace kartbok::app {

enum class FormDue : std::uint8_t {
    Present,   ///< filled in
    Due,       ///< to be filled in now
    Missing,   ///< its moment has passed without it
    NotYetDue, ///< its session has not come yet
};

/// present: a form of this phase is in the case. today decides the follow-up window.
FormDue FormDueState(const journal::Case& c, journal::FormPhase phase, bool present,
                     const journal::Date& today);

} // namespace kartbok::app
