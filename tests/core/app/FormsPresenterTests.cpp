// When the Forms tab calls a self-rating form due, missing or not yet due:
// each form at the session it belongs to.
#include <catch2/catch.hpp>

#include "model/FormsPresenter.h"

using namespace kartbok;
using namespace kartbok::app;
using journal::CaseStatus;
using journal::FormPhase;
using journal::SessionType;

namespace {

journal::Session SessionOf(SessionType type) {
    journal::Session s;
    s.id = "s" + std::to_string(static_cast<int>(type));
    s.type = type;
    return s;
}

const journal::Date kToday{2026, 12, 5};

} // namespace

TEST_CASE("at the first visit the start form is due, the others are not", "[app][forms]") {
    journal::Case c;
    c.status = CaseStatus::Enquiry;
    CHECK(FormDueState(c, FormPhase::Start, false, kToday) == FormDue::NotYetDue);
    c.sessions.push_back(SessionOf(SessionType::Individual)); // the first visit is written
    CHECK(FormDueState(c, FormPhase::Start, false, kToday) == FormDue::Due);
    CHECK(FormDueState(c, FormPhase::End, false, kToday) == FormDue::NotYetDue);
    CHECK(FormDueState(c, FormPhase::FollowUp, false, kToday) == FormDue::NotYetDue);
    CHECK(FormDueState(c, FormPhase::Start, true, kToday) == FormDue::Present);
}

TEST_CASE("the end form is due at the closing session, the follow-up form at the follow-up",
          "[app][forms]") {
    journal::Case c;
    c.status = CaseStatus::Ongoing;
    c.start = {2025, 6, 3};
    c.sessions = {SessionOf(SessionType::Individual), SessionOf(SessionType::Closing)};
    CHECK(FormDueState(c, FormPhase::End, false, kToday) == FormDue::Due);
    // Ended in June, follow-up due in December 2026 - months away in August.
    c.status = CaseStatus::Ended;
    c.end = {2026, 6, 9};
    c.followUpDue = {2026, 12, 9};
    CHECK(FormDueState(c, FormPhase::Start, false, kToday) == FormDue::Missing);
    CHECK(FormDueState(c, FormPhase::FollowUp, false, {2026, 8, 1}) == FormDue::NotYetDue);
    CHECK(FormDueState(c, FormPhase::FollowUp, false, kToday) == FormDue::Due); // within a month
    c.sessions.push_back(SessionOf(SessionType::FollowUp));
    CHECK(FormDueState(c, FormPhase::FollowUp, false, {2026, 8, 1}) == FormDue::Due);
    CHECK(FormDueState(c, FormPhase::End, false, kToday) == FormDue::Missing);
    c.status = CaseStatus::FollowUpDone;
    CHECK(FormDueState(c, FormPhase::FollowUp, false, kToday) == FormDue::Missing);
}
