#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Scaffold.h"

#include <catch2/catch.hpp>

using namespace kartbok::genogram;

TEST_CASE("a new case starts with three generations", "[scaffold]") {
    Family f = Scaffold("Anna", Gender::Woman);
    ScaffoldIds ids;
    REQUIRE(f.people.size() == 7);
    REQUIRE(f.unions.size() == 3);
    REQUIRE(f.children.size() == 3);
    CHECK(f.IndexPerson() == ids.client);
    const Person& client = *f.FindPerson(ids.client);
    CHECK(client.givenNames == "Anna");
    CHECK(client.gender == Gender::Woman);
    CHECK_FALSE(client.placeholder);

    CHECK(FatherOf(f, ids.client) == ids.father);
    CHECK(MotherOf(f, ids.client) == ids.mother);
    CHECK(FatherOf(f, ids.father) == ids.paternalGrandfather);
    CHECK(MotherOf(f, ids.father) == ids.paternalGrandmother);
    CHECK(FatherOf(f, ids.mother) == ids.maternalGrandfather);
    CHECK(MotherOf(f, ids.mother) == ids.maternalGrandmother);
    for (PersonId p : AncestorsOf(f, ids.client)) {
        CHECK(f.FindPerson(p)->placeholder);
        CHECK(f.FindPerson(p)->gender != Gender::Unknown);
    }
    CHECK(AncestorsOf(f, ids.client).size() == 6);
    for (const Union& u : f.unions) {
        CHECK(u.kind == UnionKind::Marriage);
        CHECK(f.FindPerson(u.partnerA)->gender == Gender::Man); // man left
    }
    CHECK(f.nextId > ids.maternalGrandparents);
}

TEST_CASE("generations are counted from the client", "[scaffold]") {
    Family f = Scaffold();
    ScaffoldIds ids;
    CHECK(GenerationOf(f, ids.client) == 0);
    CHECK(GenerationOf(f, ids.mother) == -1);
    CHECK(GenerationOf(f, ids.maternalGrandfather) == -2);
    AddPartner partner(ids.client, Person{});
    partner.Apply(f);
    AddChild child(partner.CreatedUnion(), Person{});
    child.Apply(f);
    AddSibling aunt(ids.mother, Person{});
    aunt.Apply(f);
    CHECK(GenerationOf(f, partner.Created()) == 0);
    CHECK(GenerationOf(f, child.Created()) == 1);
    CHECK(GenerationOf(f, aunt.Created()) == -1);
    CHECK(DescendantsOf(f, ids.maternalGrandmother) ==
          std::vector<PersonId>{ids.mother, aunt.Created(), ids.client, child.Created()});
    AddPerson friendOf(Person{});
    friendOf.Apply(f);
    CHECK_FALSE(GenerationOf(f, friendOf.Created()));
}

TEST_CASE("the default scaffold has an unnamed client of unknown gender", "[scaffold]") {
    Family f = Scaffold();
    const Person& client = *f.FindPerson(ScaffoldIds{}.client);
    CHECK(client.givenNames.empty());
    CHECK(client.gender == Gender::Unknown);
    CHECK(client.isIndex);
    CHECK(NameOrUnnamed(f, client.id) == "unnamed person");
}
