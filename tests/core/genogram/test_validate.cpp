#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Scaffold.h"
#include "kartbok/genogram/Validate.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace kartbok::genogram;

namespace {

bool Has(const std::vector<Problem>& problems, Problem::Severity severity,
         const std::string& text) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
        return p.severity == severity && p.message.find(text) != std::string::npos;
    });
}
constexpr auto kError = Problem::Severity::Error;
constexpr auto kWarning = Problem::Severity::Warning;

} // namespace

TEST_CASE("a fresh scaffold has no problems at all", "[validate][scaffold]") {
    CHECK(Validate(Scaffold("Anna")).empty());
}

TEST_CASE("dangling ids are errors", "[validate]") {
    Family f = Scaffold();
    ScaffoldIds ids;
    f.unions[0].partnerB = 500;
    f.children.push_back({600, ids.parents});
    Relation r;
    r.id = f.NewId();
    r.from = ids.client;
    r.to = 700;
    f.relations.push_back(r);
    Household h;
    h.id = f.NewId();
    h.members = {ids.client, 800};
    f.households.push_back(h);
    auto problems = Validate(f);
    CHECK(Has(problems, kError, "refers to person 500, who does not exist"));
    CHECK(Has(problems, kError, "refers to person 600, who does not exist"));
    CHECK(Has(problems, kError, "refers to person 700"));
    CHECK(Has(problems, kError, "lists person 800"));
    CHECK_FALSE(IsStructurallySound(f));
    // errors come before warnings
    CHECK(std::is_partitioned(problems.begin(), problems.end(),
                              [](const Problem& p) { return p.severity == kError; }));
}

TEST_CASE("structural errors: same partner twice, two links, cycles, duplicate ids, counter",
          "[validate]") {
    ScaffoldIds ids;
    {
        Family f = Scaffold();
        f.unions[0].partnerB = f.unions[0].partnerA;
        CHECK(Has(Validate(f), kError, "has person 2 twice"));
    }
    {
        Family f = Scaffold();
        f.children.push_back({ids.client, ids.paternalGrandparents}); // a second birth family
        f.children.push_back({ids.client, ids.parents, kNoId, ChildKind::Adopted});
        auto problems = Validate(f);
        CHECK(Has(problems, kError, "Person 1 has 2 birth families"));
        CHECK(Has(problems, kError, "Person 1 is linked twice to the same parents"));
    }
    {
        // Birth parents and adoptive parents at once are fine.
        Family f = Scaffold();
        f.children.push_back({ids.client, ids.paternalGrandparents, kNoId, ChildKind::Adopted});
        CHECK(IsStructurallySound(f));
    }
    {
        Family f = Scaffold();
        // The client becomes the father of their own grandfather.
        f.children.push_back({ids.paternalGrandfather, kNoId, ids.client});
        auto problems = Validate(f);
        CHECK(Has(problems, kError, "is their own ancestor"));
        CHECK(AncestorsOf(f, ids.client).size() == 6); // queries survive the cycle
    }
    {
        Family f = Scaffold();
        f.people[3].id = f.people[2].id;
        CHECK(Has(Validate(f), kError, "Id 3 is used twice"));
    }
    {
        Family f = Scaffold();
        f.nextId = 5;
        CHECK(Has(Validate(f), kError, "id counter (5) is not above every id (10)"));
    }
    {
        Family f = Scaffold();
        f.children[0].parents = kNoId;
        CHECK(Has(Validate(f), kError, "names no parent"));
    }
}

TEST_CASE("date and index problems are warnings", "[validate]") {
    ScaffoldIds ids;
    Family f = Scaffold();
    f.FindPerson(ids.client)->birth = FuzzyDate::Year(1960);
    f.FindPerson(ids.father)->birth = FuzzyDate::Year(1970); // child older than parent
    f.FindPerson(ids.mother)->birth = FuzzyDate::Year(1952); // only 8 at the birth
    f.FindPerson(ids.paternalGrandfather)->birth = FuzzyDate::Full(1920, 5, 2);
    f.FindPerson(ids.paternalGrandfather)->death = FuzzyDate::Full(1920, 4, 1);
    f.FindPerson(ids.mother)->isIndex = true;
    auto problems = Validate(f);
    CHECK(Has(problems, kWarning, "Person 1 is born (1960) before their parent person 2 (1970)"));
    CHECK(Has(problems, kWarning, "Person 3 is only 8 at the birth"));
    CHECK(Has(problems, kWarning, "Person 4 dies (1920) before being born"));
    CHECK(Has(problems, kWarning, "2 people are marked as the client"));
    CHECK(IsStructurallySound(f)); // warnings never block

    for (auto& p : f.people)
        p.isIndex = false;
    CHECK(Has(Validate(f), kWarning, "No one is marked as the client"));
}

TEST_CASE("problems carry the ids involved", "[validate]") {
    Family f = Scaffold();
    f.unions[1].partnerA = 321;
    auto problems = Validate(f);
    REQUIRE(!problems.empty());
    CHECK(problems[0].ids == std::vector<Id>{ScaffoldIds{}.paternalGrandparents, 321});
}
