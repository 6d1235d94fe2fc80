#include "model/FormsPresenter.h"

namespace kartbok::app {

FormDue FormDueState(const reports::PhaseStatus& s) {
    if (s.present)
        return FormDue::Present;
    if (!s.expected)
        return s.followUpOutcome == journal::FollowUpOutcome::Declined ||
                       s.followUpOutcome == journal::FollowUpOutcome::NotReached
                   ? FormDue::NotNeeded
                   : FormDue::NotYetDue;
    return s.overdue ? FormDue::Missing : FormDue::Due;
}

} // namespace kartbok::app
