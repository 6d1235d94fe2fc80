// The family part of the case JSON (docs/case-json.md): every field of the
// family map, the old and the new, round-trips; wrong values name their path.

#include "CaseJson.h"

#include "kartbok/genogram/Sample.h"

#include <catch2/catch.hpp>

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
