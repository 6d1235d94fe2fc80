// The clinical model on disk (Case and FormResponse class version 2): intake,
// follow-ups with outcomes, earlier episodes and the relative links round-trip;
// a version 1 archive still opens, its follow-up rebuilt from followUpDue.
#include "VaultTestSupport.h"

#include "kartbok/journal/Episodes.h"
#include "kartbok/vault/CaseFile.h"

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

namespace {

std::string Replaced(std::string text, const std::string& from, const std::string& to) {
    const auto pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    return text.replace(pos, from.size(), to);
}

} // namespace

TEST_CASE("intake, follow-ups, episodes and relative links round-trip", "[vault][clinical]") {
    journal::Case c = RichCase("5e1a0000-0000-4000-8000-000000000001", "GBG-2026-101", 3, 2);
    c.intake = {{journal::SeekReason::BuyingSex, journal::SeekReason::Other},
                journal::ReferralRoute::PoliceAfterDiscovery};
    c.followUps = {
        {"fu-1", {2026, 12, 9}, journal::FollowUpOutcome::NotReached, {2026, 12, 20}, ""},
        {"fu-2", {2028, 6, 9}, journal::FollowUpOutcome::Planned, {}, ""}};
    c.pastEpisodes = {
        {journal::CaseStatus::FollowUpDone,
         {2019, 1, 2},
         {2019, 2, 3},
         {2019, 12, 1},
         5,
         {{journal::SeekReason::CompulsiveSexualBehaviour}, journal::ReferralRoute::HealthCare},
         {{"fu-1", {2020, 5, 1}, journal::FollowUpOutcome::Held, {2020, 5, 4}, "s1"}}}};
    c.relativeCaseIds = {"5e1a0000-0000-4000-8000-000000000002"};
    for (auto& f : c.forms)
        f.episode = 2;
    const journal::Case back = DeserializeCase(SerializeCase(c));
    CHECK(back == c);

    journal::Case relative;
    relative.id = "5e1a0000-0000-4000-8000-000000000002";
    relative.code = "GBG-2026-102";
    relative.relativeOf = c.id;
    relative.relativePerson = 3;
    CHECK(DeserializeCase(SerializeCase(relative)) == relative);
}

TEST_CASE("a version 1 case opens: its follow-up rebuilt, its forms in the first episode",
          "[vault][clinical]") {
    journal::Case c;
    c.id = "abc";
    c.code = "X";
    c.status = journal::CaseStatus::FollowUpDone;
    c.end = {2026, 6, 9};
    c.followUpDue = {2026, 12, 9};
    c.forms.push_back({"f", "form-start", 2, journal::FormPhase::Start, {2026, 1, 2}, {}, 1});
    // Written today as version 2; turned back into what version 1 wrote: the class
    // versions 1, no episode on the form, none of the fields version 2 added.
    std::string text = SerializeCase(c);
    text = Replaced(text, " 0 2 3 abc ", " 0 1 3 abc ");
    text = Replaced(text, " 0 2 1 f 10 form-start 2 0 2026 1 2 0 1 ",
                    " 0 1 1 f 10 form-start 2 0 2026 1 2 0 ");
    text = Replaced(text, " 0 1 0 0 0 0 0  0 0", "");

    const journal::Case old = DeserializeCase(text);
    CHECK(old.forms.at(0).episode == 1);
    REQUIRE(old.followUps.size() == 1);
    CHECK(old.followUps[0].due == journal::Date{2026, 12, 9});
    CHECK(old.followUps[0].outcome == journal::FollowUpOutcome::Held);
    CHECK_FALSE(old.followUpDue.Set()); // held: nothing due
    CHECK(old.pastEpisodes.empty());
    CHECK(old.relativeOf.empty());

    // A case class version newer than this program is refused, not misread.
    std::string newer = Replaced(SerializeCase(c), " 0 2 3 abc ", " 0 3 3 abc ");
    CHECK_THROWS_AS(DeserializeCase(newer), VaultError);
}

TEST_CASE("out-of-range clinical enums are damage, not a crash", "[vault][clinical]") {
    journal::Case c;
    c.id = "abc";
    c.code = "X";
    c.intake.reasons = {static_cast<journal::SeekReason>(9)};
    CHECK_THROWS_AS(DeserializeCase(SerializeCase(c)), VaultError);
    c.intake.reasons.clear();
    c.followUps = {{"fu-1", {2026, 1, 1}, static_cast<journal::FollowUpOutcome>(7), {}, ""}};
    CHECK_THROWS_AS(DeserializeCase(SerializeCase(c)), VaultError);
}
