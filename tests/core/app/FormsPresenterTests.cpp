// When the Forms tab calls a self-rating form due, missing, not yet due or not
// needed: each form at the session it belongs to, within the episode shown,
// by the same rule as the reports (reports::CollectForms).
#include <catch2/catch.hpp>

#include "kartbok/journal/Dates.h"
#include "kartbok/journal/EpisodeCommands.h"
#include "kartbok/journal/Episodes.h"
#include "model/FormsPresenter.h"

using namespace kartbok;
using namespace kartbok::app;
using journal::CaseStatus;
using journal::Date;
using journal::FollowUpOutcome;
using journal::FormPhase;
using journal::SessionType;

namespace {

journal::Session SessionOn(SessionType type, Date d) {
    journal::Session s;
    s.id = "s" + std::to_string(static_cast<int>(type)) + d.Iso();
    s.type = type;
    s.start = journal::StartOf(d);
    return s;
}

journal::FormResponse FormOn(FormPhase phase, Date d, int episode) {
    journal::FormResponse f;
    f.id = "f" + d.Iso();
    f.templateId = "kast-self-rating";
    f.phase = phase;
    f.date = d;
    f.episode = episode;
    return f;
}

const Date kToday{2026, 12, 5};

/// The tab's three states, start / end / follow-up, for the case as it stands on `today`.
std::array<FormDue, 3> States(const journal::Case& c, Date today = kToday) {
    const auto forms = reports::CollectForms(c, journal::TemplateSet{}, "sv", today);
    return {FormDueState(forms.phases[0]), FormDueState(forms.phases[1]),
            FormDueState(forms.phases[2])};
}

using D = FormDue;

} // namespace

TEST_CASE("at the first visit the start form is due, the others are not", "[app][forms]") {
    journal::Case c;
    c.status = CaseStatus::Enquiry;
    CHECK(States(c) == std::array{D::NotYetDue, D::NotYetDue, D::NotYetDue});
    c.sessions.push_back(SessionOn(SessionType::Individual, {2026, 11, 30})); // the first visit
    CHECK(States(c) == std::array{D::Due, D::NotYetDue, D::NotYetDue});
    c.forms.push_back(FormOn(FormPhase::Start, {2026, 11, 30}, 1));
    CHECK(States(c) == std::array{D::Present, D::NotYetDue, D::NotYetDue});
}

TEST_CASE("the end form is due at the closing session, the follow-up form from its date",
          "[app][forms]") {
    journal::Case c;
    c.status = CaseStatus::Ongoing;
    c.start = {2025, 6, 3};
    c.sessions = {SessionOn(SessionType::Individual, {2025, 6, 3}),
                  SessionOn(SessionType::Closing, {2026, 6, 9})};
    // The closing session is written, the case not yet marked ended: the start
    // form's moment has passed, the end form is to be filled in now.
    CHECK(States(c) == std::array{D::Missing, D::Due, D::NotYetDue});
    c.status = CaseStatus::Ended;
    c.end = {2026, 6, 9};
    c.followUps = {{"fu-1", {2026, 12, 9}, FollowUpOutcome::Planned, {}, {}}};
    journal::SyncFollowUpDue(c);
    // Planned for 9 December: not due on 5 December, nor months before.
    CHECK(States(c, {2026, 8, 1})[2] == D::NotYetDue);
    CHECK(States(c)[2] == D::NotYetDue);
    CHECK(States(c, {2026, 12, 9})[2] == D::Due);
    // Held early: due at once, and the end form's moment has passed.
    c.sessions.push_back(SessionOn(SessionType::FollowUp, {2026, 12, 1}));
    CHECK(States(c) == std::array{D::Missing, D::Missing, D::Due});
    c.status = CaseStatus::FollowUpDone;
    CHECK(States(c)[2] == D::Missing);
}

TEST_CASE("a declined or unreached follow-up has no form to miss", "[app][forms]") {
    journal::Case c;
    c.status = CaseStatus::FollowUpDone;
    c.start = {2025, 1, 10};
    c.end = {2025, 9, 1};
    c.forms = {FormOn(FormPhase::Start, {2025, 1, 10}, 1), FormOn(FormPhase::End, {2025, 9, 1}, 1)};
    for (const auto outcome : {FollowUpOutcome::Declined, FollowUpOutcome::NotReached}) {
        c.followUps = {{"fu-1", {2026, 3, 1}, outcome, {2026, 3, 2}, {}}};
        CHECK(States(c) == std::array{D::Present, D::Present, D::NotNeeded});
    }
}

TEST_CASE("a reopened case shows the forms of its new episode, not the last one's",
          "[app][forms][episodes]") {
    journal::Case c;
    c.status = CaseStatus::FollowUpDone;
    c.start = {2024, 2, 1};
    c.end = {2024, 10, 1};
    c.sessions = {SessionOn(SessionType::Individual, {2024, 2, 1})};
    c.forms = {FormOn(FormPhase::Start, {2024, 2, 1}, 1), FormOn(FormPhase::End, {2024, 10, 1}, 1),
               FormOn(FormPhase::FollowUp, {2025, 4, 1}, 1)};
    c.followUps = {{"fu-1", {2025, 4, 1}, FollowUpOutcome::Held, {2025, 4, 1}, {}}};
    CHECK(States(c) == std::array{D::Present, D::Present, D::Present});
    journal::ReopenCase({2026, 11, 2}, {}).Apply(c);
    CHECK(States(c) == std::array{D::NotYetDue, D::NotYetDue, D::NotYetDue});
    c.sessions.push_back(SessionOn(SessionType::Individual, {2026, 11, 20}));
    CHECK(States(c) == std::array{D::Due, D::NotYetDue, D::NotYetDue});
    // Any order of the forms list: the episode decides, not the position.
    c.forms.insert(c.forms.begin(), FormOn(FormPhase::Start, {2026, 11, 20}, 2));
    CHECK(States(c) == std::array{D::Present, D::NotYetDue, D::NotYetDue});
}
