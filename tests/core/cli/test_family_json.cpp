// The family part of the case JSON (docs/case-json.md): every field of the
// family map, the old and the new, round-trips; wrong values name their path.

#include "CaseJson.h"

#include "kartbok/genogram/Sample.h"

#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

using namespace kartbok;
using namespace kartbok::genogram;

namespace {

Family WithEverything() {
    Family f = RichSampleFamily();
    Person& p = f.people.front();
    p.birth = FuzzyDate::Before(1931);
    p.death = FuzzyDate::After(1998);
    p.causeOfDeath = "hjärtinfarkt";
    p.conditions = kConditionSubstance | kConditionIllness;
    p.recovering = kConditionSubstance;
    f.unions.front().consanguineous = true;
    f.unions.front().events.insert(f.unions.front().events.begin(), {UnionEventKind::Met, 1950});
    f.unions.front().events.push_back({UnionEventKind::Engaged, 0});
    f.children.front().pinnedPosition = 2;
    f.relations.front().kind = RelationKind::DistantHostile;
    // An adopted client's birth family besides.
    ChildLink birth = f.children.front();
    birth.parents = f.unions.back().id;
    birth.kind = ChildKind::Biological;
    birth.pinnedPosition = -1;
    f.children.front().kind = ChildKind::Adopted;
    f.children.push_back(birth);
    return f;
}

std::string ErrorOf(const nlohmann::json& j) {
    try {
        cli::FamilyFromJson(j);
    } catch (const cli::JsonError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("every family field round-trips through the case JSON", "[cli][json]") {
    Family f = WithEverything();
    nlohmann::ordered_json j = cli::FamilyToJson(f);
    CHECK(j["people"][0]["birth"]["precision"] == "before");
    CHECK(j["people"][0]["death"]["precision"] == "after");
    CHECK(j["people"][0]["recovering"] == nlohmann::json::array({"substance-use"}));
    CHECK(j["people"][0]["cause_of_death"] == "hjärtinfarkt");
    CHECK(j["unions"][0]["consanguineous"] == true);
    CHECK(j["unions"][0]["events"][0]["kind"] == "met");
    CHECK(j["children"][0]["pinned_position"] == 2);
    CHECK(j["relations"][0]["kind"] == "distant-hostile");
    CHECK(cli::FamilyFromJson(nlohmann::json::parse(j.dump())) == f);
}

TEST_CASE("a family JSON without the newer keys reads with their defaults", "[cli][json]") {
    nlohmann::json j = nlohmann::json::parse(R"({
      "people": [ { "id": 1, "gender": "man" }, { "id": 2, "gender": "woman" },
                  { "id": 3 } ],
      "unions": [ { "id": 4, "partners": [1, 2], "events": [ { "kind": "married", "year": 1970 } ] } ],
      "children": [ { "child": 3, "union": 4 } ] })");
    Family f = cli::FamilyFromJson(j);
    CHECK(f.people[0].causeOfDeath.empty());
    CHECK(f.people[0].recovering == kConditionNone);
    CHECK_FALSE(f.unions[0].consanguineous);
    CHECK(f.children[0].pinnedPosition == -1);
}

TEST_CASE("wrong family values are refused with their JSON path", "[cli][json]") {
    nlohmann::json base = cli::FamilyToJson(WithEverything());
    nlohmann::json j = base;
    j["people"][2]["recovering"] = {"illness"}; // a condition the person does not have
    CHECK(ErrorOf(j).find("family.people[2].recovering") != std::string::npos);
    j = base;
    j["children"][0]["pinned_position"] = -2;
    CHECK(ErrorOf(j).find("family.children[0].pinned_position") != std::string::npos);
    j = base;
    j["relations"][0]["kind"] = "hateful";
    CHECK(ErrorOf(j) == "family.relations[0].kind: unknown value");
    j = base;
    j["people"][0]["birth"]["precision"] = "around";
    CHECK(ErrorOf(j) == "family.people[0].birth.precision: unknown value");
}

namespace {

/// Wrong family values, each with the message it must give.
const std::vector<std::pair<std::function<void(nlohmann::json&)>, std::string>>& Refusals() {
    static const std::vector<std::pair<std::function<void(nlohmann::json&)>, std::string>> refusals{
        {[](nlohmann::json& j) { j = nlohmann::json::array(); }, "family: expected an object"},
        {[](nlohmann::json& j) { j["people"] = 3; }, "family.people: expected a list"},
        {[](nlohmann::json& j) { j["people"][0]["id"] = 0; },
         "family.people[0].id: id must be above 0"},
        {[](nlohmann::json& j) { j["people"][0]["id"] = "one"; },
         "family.people[0].id: expected a whole number"},
        {[](nlohmann::json& j) { j["people"][1]["gender"] = 7; },
         "family.people[1].gender: expected a string"},
        {[](nlohmann::json& j) { j["people"][1]["kind"] = "ghost"; },
         "family.people[1].kind: unknown value"},
        {[](nlohmann::json& j) { j["people"][1]["surname"] = 7; },
         "family.people[1].surname: expected a string"},
        {[](nlohmann::json& j) {
             j["people"][0]["birth"] = {{"year", 1950}};
         },
         "family.people[0].birth.precision: missing"},
        {[](nlohmann::json& j) {
             j["people"][0]["birth"] = {{"precision", "full"}, {"year", 1950}, {"month", 13}};
         },
         "family.people[0].birth: no such date"},
        {[](nlohmann::json& j) {
             j["people"][0]["birth"] = {{"precision", "year"}, {"year", 0}};
         },
         "family.people[0].birth.year: out of range"},
        {[](nlohmann::json& j) { j["people"][0]["deceased"] = "yes"; },
         "family.people[0].deceased: expected true or false"},
        {[](nlohmann::json& j) { j["people"][0]["conditions"] = {"flu"}; },
         "family.people[0].conditions: unknown condition"},
        {[](nlohmann::json& j) { j["people"][0]["conditions"] = {1}; },
         "family.people[0].conditions[0]: expected a string"},
        {[](nlohmann::json& j) { j["people"][0]["nudge_x"] = "left"; },
         "family.people[0].nudge_x: expected a number"},
        {[](nlohmann::json& j) { j["unions"][0]["id"] = 0; },
         "family.unions[0].id: id must be above 0"},
        {[](nlohmann::json& j) { j["unions"][0]["partners"] = {1u}; },
         "family.unions[0].partners: expected two ids"},
        {[](nlohmann::json& j) {
             j["unions"][0]["partners"] = {1u, -2};
         },
         "family.unions[0].partners[1]: expected an id"},
        {[](nlohmann::json& j) { j["unions"][0]["events"][0]["kind"] = "eloped"; },
         "family.unions[0].events[0].kind: unknown value"},
        {[](nlohmann::json& j) { j["unions"][0]["events"][0].erase("kind"); },
         "family.unions[0].events[0].kind: missing"},
        {[](nlohmann::json& j) { j["unions"][0]["consanguineous"] = 1; },
         "family.unions[0].consanguineous: expected true or false"},
        {[](nlohmann::json& j) { j["children"][0]["twin_kind"] = "triplet"; },
         "family.children[0].twin_kind: unknown value"},
        {[](nlohmann::json& j) { j["relations"][0].erase("kind"); },
         "family.relations[0].kind: missing"},
        {[](nlohmann::json& j) {
             j["households"] = {{{"id", 0}}};
         },
         "family.households[0].id: id must be above 0"},
        {[](nlohmann::json& j) {
             j["unions"][0]["partners"] = {1u, 999u};
         },
         "family.unions[0].partners: names a person who is not in the family"},
        {[](nlohmann::json& j) { j["children"][0]["child"] = 999; },
         "family.children[0].child: names a person who is not in the family"},
        {[](nlohmann::json& j) { j["children"][0]["union"] = 999; },
         "family.children[0].union: names a union that is not in the family"},
        {[](nlohmann::json& j) { j["children"][0]["single_parent"] = 999; },
         "family.children[0].single_parent: names a person who is not in the family"},
        {[](nlohmann::json& j) { j["relations"][0]["to"] = 999; },
         "family.relations[0]: names a person who is not in the family"},
        {[](nlohmann::json& j) {
             j["households"] = {{{"id", 900}, {"members", {1u, 999u}}}};
         },
         "family.households[0].members: names a person who is not in the family"},
    };
    return refusals;
}

} // namespace

TEST_CASE("every refusal of a family JSON names its path and says what is wrong", "[cli][json]") {
    const nlohmann::json base = cli::FamilyToJson(WithEverything());
    REQUIRE(ErrorOf(base).empty());
    for (const auto& [change, expected] : Refusals()) {
        nlohmann::json j = base;
        change(j);
        CHECK(ErrorOf(j) == expected);
    }
}

TEST_CASE("a family JSON's next id is above every id it uses, twin groups too", "[cli][json]") {
    nlohmann::json j = nlohmann::json::parse(R"({"next_id": 2,
      "people": [ { "id": 1 }, { "id": 2 }, { "id": 3 } ],
      "unions": [ { "id": 4, "partners": [1, 2] } ],
      "children": [ { "child": 3, "union": 4, "twin_group": 40 } ],
      "relations": [ { "id": 7, "from": 1, "to": 2, "kind": "close" } ],
      "households": [ { "id": 9, "members": [1, 2, 3] } ] })");
    CHECK(cli::FamilyFromJson(j).nextId == 41);
    j["children"][0]["twin_group"] = 0;
    CHECK(cli::FamilyFromJson(j).nextId == 10);
    j["next_id"] = 50;
    CHECK(cli::FamilyFromJson(j).nextId == 50);
}
