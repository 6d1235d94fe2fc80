#include "model/FormsPresenter.h"

#include "kartbok/journal/Dates.h"

#include <algorithm>

namespace kartbok::app {

using journal::CaseStatus;
using journal::FormPhase;
using journal::SessionType;

namespace {

bool HasSession(const journal::Case& c, SessionType type) {
    return std::any_of(c.sessions.begin(), c.sessions.end(),
                       [type](const journal::Session& s) { return s.type == type; });
}

bool AtLeast(CaseStatus status, CaseStatus than) {
    // Archived says nothing about where treatment got to: it counts as ended.
    const auto rank = [](CaseStatus s) {
        return s == CaseStatus::Archived ? static_cast<int>(CaseStatus::Ended)
                                         : static_cast<int>(s);
    };
    return rank(status) >= rank(than);
}

} // namespace

FormDue FormDueState(const journal::Case& c, FormPhase phase, bool present,
                     const journal::Date& today) {
    if (present)
        return FormDue::Present;
    const bool started =
        !c.sessions.empty() || c.start.Set() || AtLeast(c.status, CaseStatus::Assessment);
    const bool ended = c.end.Set() || AtLeast(c.status, CaseStatus::Ended);
    const bool followedUp =
        HasSession(c, SessionType::FollowUp) || (c.status == CaseStatus::FollowUpDone);
    switch (phase) {
    case FormPhase::Start:
        return ended ? FormDue::Missing : started ? FormDue::Due : FormDue::NotYetDue;
    case FormPhase::End:
        if (followedUp)
            return FormDue::Missing;
        return ended || HasSession(c, SessionType::Closing) ? FormDue::Due : FormDue::NotYetDue;
    case FormPhase::FollowUp: {
        if (c.status == CaseStatus::FollowUpDone)
            return FormDue::Missing;
        // Due from a month before the follow-up date, or once the follow-up was held.
        const bool window = c.followUpDue.Set() && today.Set() &&
                            journal::DaysBetween(today, c.followUpDue) <= journal::kDueSoonDays;
        return followedUp || (ended && window) ? FormDue::Due : FormDue::NotYetDue;
    }
    }
    return FormDue::NotYetDue;
}

} // namespace kartbok::app
