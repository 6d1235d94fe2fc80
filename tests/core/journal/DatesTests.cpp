// Follow-up 4-8 months after the end, retention review five years after the
// last entry, and the warnings a case list shows.

#include "CaseFixtures.h"

#include "kartbok/journal/Dates.h"
#include "kartbok/journal/JournalError.h"

#include <catch2/catch.hpp>

using namespace kartbok::journal;
using namespace kartbok::test;

TEST_CASE("the follow-up is due 4-8 months after the end, six by default", "[journal]") {
    CHECK(FollowUpDue({2026, 3, 14}) == Date{2026, 9, 14});
    CHECK(FollowUpDue({2026, 3, 14}, 4) == Date{2026, 7, 14});
    CHECK(FollowUpDue({2026, 3, 14}, 8) == Date{2026, 11, 14});
    CHECK(FollowUpDue({2026, 9, 1}, 6) == Date{2027, 3, 1}); // across the year end
    CHECK_FALSE(FollowUpDue({}, 6).Set());
    CHECK_THROWS_AS(FollowUpDue({2026, 3, 14}, 3), JournalError);
    CHECK_THROWS_AS(FollowUpDue({2026, 3, 14}, 9), JournalError);
    CHECK(ValidFollowUpMonths(4));
    CHECK_FALSE(ValidFollowUpMonths(0));
}

TEST_CASE("month ends clamp to the shorter month", "[journal]") {
    CHECK(FollowUpDue({2026, 8, 31}, 6) == Date{2027, 2, 28});
    CHECK(FollowUpDue({2027, 8, 31}, 6) == Date{2028, 2, 29}); // leap year
    CHECK(FollowUpDue({2026, 10, 31}, 5) == Date{2027, 3, 31});
    CHECK(FollowUpDue({2026, 12, 31}, 4) == Date{2027, 4, 30});
    CHECK(Date{2028, 2, 29}.AddYears(5) == Date{2033, 2, 28});
}

TEST_CASE("timestamps convert to civil dates and back", "[journal]") {
    CHECK(DateOf(0).Set() == false);
    CHECK(DateOf(StartOf({1970, 1, 2})) == Date{1970, 1, 2});
    CHECK(DateOf(StartOf({2026, 3, 14}) + 86399) == Date{2026, 3, 14});
    CHECK(DateOf(StartOf({1969, 12, 31})) == Date{1969, 12, 31});
    CHECK(DaysBetween({2026, 1, 1}, {2026, 3, 1}) == 59);
    CHECK(DaysBetween({2028, 3, 1}, {2028, 2, 1}) == -29);
}

TEST_CASE("retention review comes five years after the last entry", "[journal]") {
    Case c = CaseWithNotes();
    CHECK(LastEntryDate(c) == Date{2026, 2, 3}); // the draft session s2
    c.sessions[0].addenda.push_back({"terapeut.anna", At(2026, 5, 6), "Tillägg", "", ""});
    CHECK(LastEntryDate(c) == Date{2026, 5, 6});
    c.forms.push_back({"f1", "form-followup", 1, FormPhase::FollowUp, {2027, 1, 15}, {}});
    CHECK(RetentionReviewDate(c) == Date{2032, 1, 15});

    Case enquiry;
    enquiry.firstContact = {2020, 2, 29};
    CHECK(RetentionReviewDate(enquiry) == Date{2025, 2, 28});
    CHECK_FALSE(RetentionReviewDate(Case{}).Set());
}

TEST_CASE("due lists show follow-ups soon and overdue and retention reviews", "[journal]") {
    const Date today{2026, 6, 1};
    const std::vector<CaseDates> cases{
        {"soon", CaseStatus::Ended, {2026, 6, 20}, {2025, 12, 20}},
        {"overdue", CaseStatus::Ended, {2026, 5, 1}, {2025, 11, 1}},
        {"later", CaseStatus::Ended, {2026, 9, 1}, {2026, 3, 1}},
        // Held: nothing planned any more, so nothing is due, whatever the old date was.
        {"held", CaseStatus::FollowUpDone, {}, {2026, 5, 2}},
        // Held, with a further (long-term) follow-up planned after it: due like the first.
        {"further", CaseStatus::FollowUpDone, {2026, 6, 25}, {2026, 5, 2}},
        {"old", CaseStatus::Archived, {}, {2021, 5, 1}},
        {"old-soon", CaseStatus::Archived, {}, {2021, 6, 30}},
        {"recent", CaseStatus::Ongoing, {}, {2026, 5, 30}},
    };
    const auto due = DueWithin(cases, today, 30);
    REQUIRE(due.size() == 5);
    CHECK(due[0].caseId == "old");
    CHECK(due[0].kind == DueKind::RetentionReview);
    CHECK(due[0].date == Date{2026, 5, 1});
    CHECK(due[0].daysLeft == -31);
    CHECK(due[1].caseId == "overdue");
    CHECK(due[1].kind == DueKind::FollowUpOverdue);
    CHECK(due[2].caseId == "soon");
    CHECK(due[2].kind == DueKind::FollowUpSoon);
    CHECK(due[2].daysLeft == 19);
    CHECK(due[3].caseId == "further");
    CHECK(due[3].kind == DueKind::FollowUpSoon);
    CHECK(due[4].caseId == "old-soon");
    CHECK(std::string(ToString(DueKind::RetentionReview)) == "retention-review");

    // The vault's CaseSummary (id/status/followUpDue/lastEntry) works as is.
    struct Summary {
        std::string id;
        CaseStatus status;
        Date followUpDue;
        Date lastEntry;
    };
    const std::vector<Summary> summaries{{"s", CaseStatus::Ended, {2026, 6, 2}, {2026, 1, 1}}};
    CHECK(DueWithin(summaries, today).size() == 1);

    Case c = CaseWithNotes();
    c.status = CaseStatus::Ended;
    c.followUpDue = {2026, 6, 10};
    const auto forCase = DueFor(c, today);
    REQUIRE(forCase.size() == 1);
    CHECK(forCase[0].caseId == c.id);
}

TEST_CASE("case warnings flag future sessions and sessions before first contact", "[journal]") {
    Case c = CaseWithNotes();
    CHECK(ValidateCase(c, {2026, 3, 1}).empty());

    c.sessions.push_back(DraftSession("future", At(2026, 4, 1)));
    c.sessions.push_back(DraftSession("early", At(2025, 12, 24)));
    c.sessions.back().participants = {77};
    const auto warnings = ValidateCase(c, {2026, 3, 1});
    auto has = [&](WarningKind k, const std::string& sid) {
        return std::any_of(warnings.begin(), warnings.end(),
                           [&](const CaseWarning& w) { return w.kind == k && w.sessionId == sid; });
    };
    CHECK(has(WarningKind::SessionInFuture, "future"));
    CHECK(has(WarningKind::SessionBeforeFirstContact, "early"));
    CHECK(has(WarningKind::UnknownParticipant, "early"));
    CHECK(warnings.size() == 3);

    Case ended = SampleCase();
    ended.status = CaseStatus::Ended;
    ended.followUpMonths = 12;
    const auto w2 = ValidateCase(ended, {2026, 3, 1});
    CHECK(w2.size() == 2); // interval out of range, no follow-up date
}
