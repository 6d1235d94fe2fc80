// The case JSON beyond the family (docs/case-json.md): sessions, checklists,
// forms and the clinical parts round-trip field for field and byte for byte,
// and every wrong value is refused with its JSON path and what is wrong.

#include "CaseJson.h"

#include "CaseFixtures.h"

#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

using namespace kartbok;
using namespace kartbok::journal;
using kartbok::test::At;
using nlohmann::json;

namespace {

/// A returning client's case with every part of the schema in use: a signed
/// note with an addendum and a draft, a checklist run, a form of the current
/// episode, an intake, follow-ups, an earlier episode and a relative's case.
Case EveryPart() {
    Case c = kartbok::test::CaseWithNotes();
    c.sessions[0].addenda.push_back(
        {"terapeut.anna", At(2026, 1, 21), "Rättad plan.", "Fel ämne", "plan"});
    c.sessions[1].nextAppointment = At(2026, 2, 17);
    c.checklists.push_back(
        {"deep-interview", 2, {{"childhood", TopicState::Partly, "Om skolan.", {"s1"}, {1, 3}}}});
    c.forms.push_back(
        {"f1", "form-start", 2, FormPhase::Start, {2026, 1, 20}, {{"wellbeing", "2"}}, 2});
    c.intake = {{SeekReason::BuyingSex, SeekReason::Other}, ReferralRoute::Partner};
    c.followUps = {{"fu-1", {2026, 12, 1}, FollowUpOutcome::Planned, {}, {}}};
    c.followUpDue = {2026, 12, 1};
    c.pastEpisodes = {{CaseStatus::FollowUpDone,
                       {2022, 1, 10},
                       {2022, 2, 1},
                       {2022, 11, 1},
                       5,
                       {{SeekReason::CompulsiveSexualBehaviour}, ReferralRoute::OwnInitiative},
                       {{"fu-1", {2023, 4, 1}, FollowUpOutcome::Held, {2023, 4, 3}, "s0"}}}};
    c.relativeCaseIds = {"7f1c2d9e-0000-4000-8000-000000000002"};
    return c;
}

std::string ErrorOf(const json& j) {
    try {
        cli::CaseFromJson(j);
    } catch (const cli::JsonError& e) {
        return e.what();
    }
    return "";
}

using Change = std::function<void(json&)>;

/// Wrong values of the case itself, its sessions, checklists and forms.
const std::vector<std::pair<Change, std::string>>& RecordRefusals() {
    static const std::vector<std::pair<Change, std::string>> refusals{
        {[](json& j) { j = json::array(); }, "case: expected an object"},
        {[](json& j) { j["format"] = "kartbok"; }, "case.format: expected \"kartbok-case\""},
        {[](json& j) { j["version"] = 3; },
         "case.version: unsupported version (this program reads versions 1 and 2)"},
        {[](json& j) { j.erase("code"); }, "case.code: missing"},
        {[](json& j) { j["code"] = ""; }, "case.code: must not be empty"},
        {[](json& j) { j["status"] = "paused"; }, "case.status: unknown status"},
        {[](json& j) { j["dates"] = "2026"; }, "case.dates: expected an object"},
        {[](json& j) { j["dates"]["start"] = "2026-13-01"; },
         "case.dates.start: not a date (YYYY-MM-DD)"},
        {[](json& j) { j["follow_up_months"] = 9; }, "case.follow_up_months: must be 4 to 8"},
        {[](json& j) { j["sessions"][0] = 1; }, "case.sessions[0]: expected an object"},
        {[](json& j) { j["sessions"][0]["start"] = "tuesday"; },
         "case.sessions[0].start: not a timestamp (YYYY-MM-DDTHH:MM:SSZ)"},
        {[](json& j) { j["sessions"][0]["minutes"] = 2000; },
         "case.sessions[0].minutes: out of range"},
        {[](json& j) { j["sessions"][1]["type"] = "walk"; },
         "case.sessions[1].type: unknown session type"},
        {[](json& j) { j["sessions"][0]["fields"][0].erase("id"); },
         "case.sessions[0].fields[0].id: missing"},
        {[](json& j) { j["sessions"][0]["themes"] = {1}; },
         "case.sessions[0].themes[0]: expected a string"},
        {[](json& j) { j["sessions"][0]["signed"] = json::object(); },
         "case.sessions[0].signed.by: missing"},
        {[](json& j) { j["sessions"][0]["addenda"][0].erase("author"); },
         "case.sessions[0].addenda[0].author: missing"},
        {[](json& j) { j["sessions"][0]["addenda"][0]["time"] = "noon"; },
         "case.sessions[0].addenda[0].time: not a timestamp (YYYY-MM-DDTHH:MM:SSZ)"},
        {[](json& j) { j["checklists"][0].erase("template"); },
         "case.checklists[0].template: missing"},
        {[](json& j) { j["checklists"][0]["entries"][0]["state"] = "done"; },
         "case.checklists[0].entries[0].state: unknown state"},
        {[](json& j) { j["checklists"][0]["entries"][0]["people"] = {"Anna"}; },
         "case.checklists[0].entries[0].people[0]: expected an id"},
        {[](json& j) { j["forms"][0]["phase"] = "middle"; }, "case.forms[0].phase: unknown phase"},
        {[](json& j) { j["forms"][0]["answers"][0].erase("item"); },
         "case.forms[0].answers[0].item: missing"},
        {[](json& j) { j["forms"][0]["episode"] = 5; },
         "case.forms[0].episode: names an episode the case does not have"},
    };
    return refusals;
}

/// Wrong values of the clinical parts: intake, follow-ups, episodes, links.
const std::vector<std::pair<Change, std::string>>& ClinicalRefusals() {
    static const std::vector<std::pair<Change, std::string>> refusals{
        {[](json& j) { j["intake"] = 1; }, "case.intake: expected an object"},
        {[](json& j) { j["intake"]["reasons"] = {"money"}; },
         "case.intake.reasons[0]: unknown reason"},
        {[](json& j) {
             j["intake"]["reasons"] = {"other", "other"};
         },
         "case.intake.reasons[1]: listed twice"},
        {[](json& j) { j["intake"]["referral"] = "friend"; },
         "case.intake.referral: unknown value"},
        {[](json& j) { j["follow_ups"] = {1}; }, "case.follow_ups[0]: expected an object"},
        {[](json& j) { j["follow_ups"][0]["id"] = ""; }, "case.follow_ups[0].id: missing"},
        {[](json& j) { j["follow_ups"][0]["due"] = ""; }, "case.follow_ups[0].due: missing"},
        {[](json& j) { j["follow_ups"][0]["outcome"] = "maybe"; },
         "case.follow_ups[0].outcome: unknown value"},
        {[](json& j) { j["past_episodes"] = {2}; }, "case.past_episodes[0]: expected an object"},
        {[](json& j) { j["past_episodes"][0]["dates"]["start"] = "May"; },
         "case.past_episodes[0].dates.start: not a date (YYYY-MM-DD)"},
        {[](json& j) { j["past_episodes"][0]["follow_ups"][0]["due"] = "x"; },
         "case.past_episodes[0].follow_ups[0].due: not a date (YYYY-MM-DD)"},
        {[](json& j) { j["relative_person"] = -1; }, "case.relative_person: expected a person id"},
        {[](json& j) { j["relative_cases"] = {1}; }, "case.relative_cases[0]: expected a case id"},
        {[](json& j) { j["relative_of"] = "x"; },
         "case.relative_of: a relative's case cannot have relatives' cases of its own"},
    };
    return refusals;
}

} // namespace

TEST_CASE("every part of a case round-trips through the case JSON, byte for byte", "[cli][json]") {
    const Case c = EveryPart();
    const nlohmann::ordered_json j = cli::CaseToJson(c);
    CHECK(j["version"] == 2);
    CHECK(j["sessions"][0]["signed"]["by"] == "terapeut.anna");
    CHECK(j["sessions"][1]["signed"].is_null());
    CHECK(j["forms"][0]["episode"] == 2);
    CHECK(j["past_episodes"][0]["follow_ups"][0]["outcome"] == "held");
    const Case back = cli::CaseFromJson(json::parse(j.dump()));
    CHECK(back == c);
    CHECK(cli::CaseToJson(back).dump(2) == j.dump(2));
}

TEST_CASE("every refusal of a case JSON names its path and says what is wrong", "[cli][json]") {
    const json base = cli::CaseToJson(EveryPart());
    REQUIRE(ErrorOf(base).empty());
    for (const auto* refusals : {&RecordRefusals(), &ClinicalRefusals()})
        for (const auto& [change, expected] : *refusals) {
            json j = base;
            change(j);
            CHECK(ErrorOf(j) == expected);
        }
}
