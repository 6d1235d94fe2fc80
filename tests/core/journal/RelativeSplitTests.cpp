// The journal side of moving a relative's content out of an index client's
// case: what moves (alone-sessions, relatives' checklist runs and forms),
// what stays (joint sessions, shown as joint in the relative's case), that
// signed sessions move unchanged, and that nothing is lost or doubled.
#include "CaseFixtures.h"

#include "kartbok/journal/Episodes.h"
#include "kartbok/journal/JournalError.h"
#include "kartbok/journal/RelativeSplit.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace kartbok::journal;
using namespace kartbok::test;

namespace {

/// A signed note with an addendum, as a relative's content would be.
Session SignedNote(const std::string& id, Timestamp start, SessionType type,
                   std::vector<kartbok::genogram::PersonId> participants = {}) {
    Session s = DraftSession(id, start);
    s.type = type;
    s.participants = std::move(participants);
    s = Signed(std::move(s), "terapeut.anna", start + 3600);
    s.addenda.push_back({"terapeut.anna", start + 7200, "Tillägg " + id, "", ""});
    return s;
}

/// An older case holding the partner's (person 3) alone-sessions and the
/// relatives' checklist, a joint session, and the mother's (2) alone-session.
Case OlderCase() {
    Case c = SampleCase();
    c.sessions = {SignedNote("own-1", At(2025, 9, 2), SessionType::Individual),
                  SignedNote("joint", At(2025, 9, 9), SessionType::Couple, {3}),
                  SignedNote("partner-1", At(2025, 9, 23), SessionType::Relative, {3}),
                  SignedNote("mother-1", At(2025, 10, 1), SessionType::Relative, {2}),
                  SignedNote("partner-2", At(2025, 10, 14), SessionType::Relative, {3}),
                  SignedNote("nobody", At(2025, 11, 1), SessionType::Relative)};
    c.checklists = {
        {"deep-interview",
         2,
         {{"relationships", TopicState::Partly, "Om relationen.", {"own-1", "partner-1"}, {1, 3}}}},
        {"relatives-support",
         1,
         {{"loss-of-control", TopicState::Covered, "Rämnar.", {"partner-1", "joint"}, {3}}}}};
    c.forms = {{"start", "form-start", 2, FormPhase::Start, {2025, 9, 2}, {}, 1},
               {"rel-form", "relatives-form", 1, FormPhase::Start, {2025, 9, 23}, {}, 1}};
    return c;
}

RelativeSplitRequest Request(kartbok::genogram::PersonId person) {
    return {"new-id", "GBG-2025-024", person, {"relatives-support", "relatives-form"}};
}

std::set<std::string> Ids(const std::vector<Session>& sessions) {
    std::set<std::string> ids;
    for (const auto& s : sessions)
        ids.insert(s.id);
    return ids;
}

} // namespace

TEST_CASE("a named relative's alone-sessions, checklist and forms move; joint sessions stay",
          "[journal][split]") {
    const Case source = OlderCase();
    REQUIRE(HoldsRelativeContent(source, Request(3).relativeTemplateIds));
    const RelativeSplit split = SplitRelative(source, Request(3));

    CHECK(split.movedSessionIds == std::vector<std::string>{"partner-1", "partner-2"});
    CHECK(split.leftSessionIds == std::vector<std::string>{"mother-1", "nobody"});
    CHECK(split.jointSessionIds == std::vector<std::string>{"joint"});
    CHECK(split.movedChecklists == std::vector<std::string>{"relatives-support"});
    CHECK(split.movedFormIds == std::vector<std::string>{"rel-form"});

    // Signed sessions move byte for byte; nothing is lost or doubled.
    for (const Session& s : split.relative.sessions)
        CHECK(s == *source.FindSession(s.id));
    std::set<std::string> all = Ids(split.source.sessions);
    for (const auto& id : Ids(split.relative.sessions))
        CHECK(all.insert(id).second);
    CHECK(all == Ids(source.sessions));

    // The links: ids only, both ways; the relative's case is theirs.
    CHECK(split.relative.relativeOf == source.id);
    CHECK(split.relative.relativePerson == 3);
    CHECK(split.source.relativeCaseIds == std::vector<std::string>{"new-id"});
    CHECK(split.relative.intake.reasons == std::vector<SeekReason>{SeekReason::Relative});
    CHECK(split.relative.firstContact == Date{2025, 9, 23});
    CHECK(split.relative.status == CaseStatus::Ongoing);
    CHECK(split.relative.code == "GBG-2025-024");
    CHECK(split.relative.family.IndexPerson().has_value());
    CHECK_FALSE(HoldsRelativeContent(split.relative, Request(3).relativeTemplateIds));

    // Checklist links: the index case forgets the moved session; the moved run
    // keeps only links to moved sessions and no people of the other map.
    const TopicEntry& kept = split.source.checklists.at(0).entries.at(0);
    CHECK(kept.sessionIds == std::vector<std::string>{"own-1"});
    const TopicEntry& moved = split.relative.checklists.at(0).entries.at(0);
    CHECK(moved.sessionIds == std::vector<std::string>{"partner-1"});
    CHECK(moved.people.empty());
    CHECK(moved.note == "Rämnar.");

    // The joint session shows in the relative's timeline, without its text.
    const auto joint = JointSessions(split.source, split.relative);
    REQUIRE(joint.size() == 1);
    CHECK(joint[0].indexSessionId == "joint");
    CHECK(ValidateCase(split.relative, {2026, 1, 1}).empty());
}

TEST_CASE("without a person every relative-alone session moves", "[journal][split]") {
    const RelativeSplit split = SplitRelative(OlderCase(), Request(0));
    CHECK(split.movedSessionIds.size() == 4);
    CHECK(split.leftSessionIds.empty());
    CHECK_FALSE(HoldsRelativeContent(split.source, Request(0).relativeTemplateIds));
}

TEST_CASE("a split that has nothing to move, or no code, is refused", "[journal][split]") {
    Case plain = SampleCase();
    CHECK_THROWS_AS(SplitRelative(plain, Request(0)), JournalError);
    CHECK_THROWS_AS(SplitRelative(OlderCase(), {"new-id", "", 0, {}}), JournalError);
    CHECK_THROWS_AS(SplitRelative(OlderCase(), {"", "X", 0, {}}), JournalError);
    CHECK_THROWS_AS(SplitRelative(OlderCase(), Request(99)), JournalError); // not in the map
    Case relative = OlderCase();
    relative.relativeOf = "someone";
    CHECK_THROWS_AS(SplitRelative(relative, Request(0)), JournalError);
}
