// Follow-ups with outcomes and treatment episodes, end to end through the
// commands: close -> due -> held / declined / not reached -> further
// follow-up -> reopen as a new episode. Every command applies and reverts to
// the case it started from.
#include "CaseFixtures.h"

#include "kartbok/journal/CaseCommands.h"
#include "kartbok/journal/EpisodeCommands.h"
#include "kartbok/journal/Episodes.h"
#include "kartbok/journal/FormCommands.h"
#include "kartbok/journal/SessionCommands.h"

#include <catch2/catch.hpp>

using namespace kartbok::journal;
using namespace kartbok::test;

namespace {

std::vector<DueItem> Due(const Case& c, Date today) {
    return DueFor(c, today, kDueSoonDays);
}

Case Closed() {
    Case c = SampleCase();
    CloseCase close(Date{2026, 6, 9});
    close.Apply(c);
    return c;
}

} // namespace

TEST_CASE("closing plans the first follow-up 4-8 months on; it is due from its date",
          "[journal][episodes]") {
    Case c = SampleCase();
    CloseCase close(Date{2026, 6, 9}, 6);
    ApplyRevertRedo(c, close);
    REQUIRE(c.followUps.size() == 1);
    CHECK(c.followUps[0].id == "fu-1");
    CHECK(c.followUps[0].due == Date{2026, 12, 9});
    CHECK(c.followUps[0].outcome == FollowUpOutcome::Planned);
    CHECK(c.followUpDue == Date{2026, 12, 9});
    CHECK(Due(c, {2026, 6, 9}).empty()); // the day it closes: nothing due
    REQUIRE(Due(c, {2026, 11, 20}).size() == 1);
    CHECK(Due(c, {2026, 11, 20})[0].kind == DueKind::FollowUpSoon);
    CHECK(Due(c, {2026, 12, 20})[0].kind == DueKind::FollowUpOverdue);
}

TEST_CASE("a follow-up with an outcome is never due; the status follows the outcome",
          "[journal][episodes]") {
    for (FollowUpOutcome outcome :
         {FollowUpOutcome::Held, FollowUpOutcome::Declined, FollowUpOutcome::NotReached}) {
        INFO(ToString(outcome));
        Case c = Closed();
        RecordFollowUpOutcome record("fu-1", outcome, {2026, 12, 11});
        ApplyRevertRedo(c, record);
        CHECK(c.followUps[0].outcome == outcome);
        CHECK(c.followUps[0].outcomeDate == Date{2026, 12, 11});
        CHECK_FALSE(c.followUpDue.Set());
        CHECK(Due(c, {2027, 3, 1}).empty());
        CHECK(c.status ==
              (outcome == FollowUpOutcome::Held ? CaseStatus::FollowUpDone : CaseStatus::Ended));
        CHECK(ValidateCase(c, {2027, 3, 1}).empty());
    }
    Case c = Closed();
    CHECK_THROWS_AS(RecordFollowUpOutcome("fu-9", FollowUpOutcome::Held, {2026, 12, 1}).Apply(c),
                    JournalError);
    CHECK_THROWS_AS(RecordFollowUpOutcome("fu-1", FollowUpOutcome::Held, {}).Apply(c),
                    JournalError);
    CHECK_THROWS_AS(RecordFollowUpOutcome("fu-1", FollowUpOutcome::Declined, {2026, 5, 1}).Apply(c),
                    JournalError); // before the end of treatment
    CHECK_THROWS_AS(
        RecordFollowUpOutcome("fu-1", FollowUpOutcome::Declined, {2026, 12, 1}, "s-x").Apply(c),
        JournalError);
    // Back to planned (recorded by mistake): due again.
    RecordFollowUpOutcome held("fu-1", FollowUpOutcome::Held, {2026, 12, 10});
    held.Apply(c);
    RecordFollowUpOutcome undo("fu-1", FollowUpOutcome::Planned, {});
    ApplyRevertRedo(c, undo);
    CHECK(c.status == CaseStatus::Ended);
    CHECK(c.followUpDue == Date{2026, 12, 9});
}

TEST_CASE("further follow-ups can be planned after the first, and cancelled while planned",
          "[journal][episodes]") {
    Case c = Closed();
    Case notClosed = SampleCase();
    CHECK_THROWS_AS(PlanFollowUp({2027, 6, 1}).Apply(notClosed), JournalError);
    RecordFollowUpOutcome held("fu-1", FollowUpOutcome::Held, {2026, 12, 10});
    held.Apply(c);
    PlanFollowUp longTerm({2028, 6, 9}); // two years after the end
    ApplyRevertRedo(c, longTerm);
    CHECK(longTerm.FollowUpId() == "fu-2");
    CHECK(c.status == CaseStatus::FollowUpDone);
    CHECK(c.followUpDue == Date{2028, 6, 9});
    REQUIRE(Due(c, {2028, 6, 1}).size() == 1);
    CHECK(Due(c, {2028, 6, 1})[0].kind == DueKind::FollowUpSoon);
    CHECK_THROWS_AS(PlanFollowUp({2026, 6, 1}).Apply(c), JournalError); // before the end
    CHECK_THROWS_AS(CancelFollowUp("fu-1").Apply(c), JournalError);     // held: history
    CancelFollowUp cancel("fu-2");
    ApplyRevertRedo(c, cancel);
    CHECK(c.followUps.size() == 1);
    CHECK_FALSE(c.followUpDue.Set());

    // The case details dialog moves the next planned follow-up.
    Case d = Closed();
    CaseFields f = FieldsOf(d);
    f.followUpDue = {2027, 1, 15};
    SetCaseFields move(f);
    ApplyRevertRedo(d, move);
    CHECK(d.followUps.size() == 1);
    CHECK(d.followUps[0].due == Date{2027, 1, 15});
    f.followUpDue = {};
    SetCaseFields clear(f);
    ApplyRevertRedo(d, clear);
    CHECK(d.followUps.empty());
}

TEST_CASE("reopening starts a new episode with its own dates, intake, forms and follow-ups",
          "[journal][episodes]") {
    Case c = Closed();
    c.intake = {{SeekReason::CompulsiveSexualBehaviour}, ReferralRoute::OwnInitiative};
    RecordFollowUpOutcome held("fu-1", FollowUpOutcome::Held, {2026, 12, 10});
    held.Apply(c);
    c.sessions.push_back(DraftSession("first", At(2026, 1, 20)));

    CHECK_THROWS_AS(ReopenCase({2026, 5, 1}, {}).Apply(c), JournalError); // before the end
    CHECK_THROWS_AS(ReopenCase({}, {}).Apply(c), JournalError);
    Case ongoing = SampleCase();
    CHECK_THROWS_AS(ReopenCase({2027, 3, 1}, {}).Apply(ongoing), JournalError);

    ReopenCase reopen({2029, 3, 1}, {{SeekReason::BuyingSex}, ReferralRoute::Partner});
    ApplyRevertRedo(c, reopen);
    CHECK(c.CurrentEpisode() == 2);
    CHECK(c.status == CaseStatus::Enquiry);
    CHECK(c.firstContact == Date{2029, 3, 1});
    CHECK_FALSE(c.start.Set());
    CHECK_FALSE(c.end.Set());
    CHECK(c.followUps.empty());
    CHECK(c.intake.Has(SeekReason::BuyingSex));
    REQUIRE(c.pastEpisodes.size() == 1);
    CHECK(c.pastEpisodes[0].status == CaseStatus::FollowUpDone);
    CHECK(c.pastEpisodes[0].end == Date{2026, 6, 9});
    CHECK(c.pastEpisodes[0].intake.Has(SeekReason::CompulsiveSexualBehaviour));
    CHECK(c.pastEpisodes[0].followUps[0].outcome == FollowUpOutcome::Held);

    // Sessions belong to the episode they were held in; new forms to the current one.
    c.sessions.push_back(DraftSession("second", At(2029, 3, 15)));
    CHECK(EpisodeOf(c, *c.FindSession("first")) == 1);
    CHECK(EpisodeOf(c, *c.FindSession("second")) == 2);
    AddFormResponse form({"f2", "form-start", 2, FormPhase::Start, {2029, 3, 15}, {}, 0});
    ApplyRevertRedo(c, form);
    CHECK(c.forms.back().episode == 2);
    CHECK_THROWS_AS(
        AddFormResponse({"f3", "form-start", 2, FormPhase::Start, {2029, 3, 15}, {}, 3}).Apply(c),
        JournalError);

    const auto episodes = Episodes(c);
    REQUIRE(episodes.size() == 2);
    CHECK_FALSE(episodes[0].current);
    CHECK(episodes[1].current);
    CHECK(WaitingDays(c, episodes[1]) == 14); // 1 March -> 15 March
    CHECK(TreatmentDays(episodes[0]) == DaysBetween({2026, 1, 20}, {2026, 6, 9}));
    CHECK_FALSE(TreatmentDays(episodes[1]));

    // The new episode closes and is followed up like the first.
    CaseFields f = FieldsOf(c);
    f.start = {2029, 3, 15};
    f.status = CaseStatus::Ongoing;
    SetCaseFields start(f);
    start.Apply(c);
    CloseCase close(Date{2030, 2, 1}, 4);
    ApplyRevertRedo(c, close);
    CHECK(c.followUpDue == Date{2030, 6, 1});
    CHECK(c.pastEpisodes.size() == 1);
}

TEST_CASE("cases saved before outcomes existed get their one follow-up back",
          "[journal][episodes]") {
    Case ended = SampleCase();
    ended.status = CaseStatus::Ended;
    ended.end = {2026, 6, 9};
    ended.followUpDue = {2026, 12, 9};
    AdoptLegacyFollowUp(ended);
    REQUIRE(ended.followUps.size() == 1);
    CHECK(ended.followUps[0].outcome == FollowUpOutcome::Planned);
    CHECK(ended.followUpDue == Date{2026, 12, 9});

    Case done = SampleCase();
    done.status = CaseStatus::FollowUpDone;
    done.end = {2026, 6, 9};
    done.followUpDue = {2026, 12, 9};
    Session followUp = DraftSession("fu", At(2026, 12, 12));
    followUp.type = SessionType::FollowUp;
    done.sessions.push_back(followUp);
    AdoptLegacyFollowUp(done);
    REQUIRE(done.followUps.size() == 1);
    CHECK(done.followUps[0].outcome == FollowUpOutcome::Held);
    CHECK(done.followUps[0].outcomeDate == Date{2026, 12, 12});
    CHECK(done.followUps[0].sessionId == "fu");
    CHECK_FALSE(done.followUpDue.Set()); // held: nothing due any more
    AdoptLegacyFollowUp(done);           // once only
    CHECK(done.followUps.size() == 1);
}

TEST_CASE("a relative's alone-session belongs in their own case, a joint one in the index case",
          "[journal][episodes]") {
    Case index = SampleCase();
    Session alone = DraftSession("alone", At(2026, 2, 3));
    alone.type = SessionType::Relative;
    CHECK_THROWS_AS(AddSession(alone).Apply(index), JournalError);

    Case relative = SampleCase();
    relative.id = "relative-case";
    SetRelativeLink link(index.id, 3);
    ApplyRevertRedo(relative, link);
    Session joint = DraftSession("joint", At(2026, 2, 3));
    joint.type = SessionType::Couple;
    CHECK_THROWS_AS(AddSession(joint).Apply(relative), JournalError);
    AddSession own(DraftSession("own", At(2026, 2, 3)));
    ApplyRevertRedo(relative, own);

    joint.participants = {3};
    AddSession inIndex(joint);
    ApplyRevertRedo(index, inIndex);
    Session other = DraftSession("other-couple", At(2026, 3, 3));
    other.type = SessionType::Couple;
    other.participants = {2}; // with the mother, not this relative
    index.sessions.push_back(other);
    AddRelativeCase back(relative.id);
    ApplyRevertRedo(index, back);
    CHECK_THROWS_AS(AddRelativeCase(relative.id).Apply(index), JournalError);
    CHECK_THROWS_AS(SetRelativeLink("x").Apply(index), JournalError); // an index case already

    const auto shown = JointSessions(index, relative);
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].indexSessionId == "joint");
    CHECK(shown[0].start == At(2026, 2, 3));
    relative.relativePerson = 0; // the link names nobody: every joint session counts
    CHECK(JointSessions(index, relative).size() == 2);
    relative.relativeOf = "someone-else";
    CHECK(JointSessions(index, relative).empty());
}
