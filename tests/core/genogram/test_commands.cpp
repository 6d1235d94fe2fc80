// Every editing command: Apply then Revert gives back the exact family, Apply
// again gives the same result, and a refusal leaves the family untouched.

#include "CommandChecks.h"

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Scaffold.h"
#include "kartbok/genogram/Validate.h"

#include <catch2/catch.hpp>

using namespace kartbok::genogram;
using namespace kartbok::genogram::testing;

namespace {

/// Client Anna with filled-in parents Johan and Eva, a partner, two children,
/// a relation and a household.
struct Rich {
    Family family;
    ScaffoldIds ids;
    PersonId partner = kNoId;
    UnionId couple = kNoId;
    PersonId son = kNoId, daughter = kNoId;
    RelationId conflict = kNoId;
    HouseholdId home = kNoId;
};

Rich MakeRich() {
    Rich r;
    r.family = Scaffold("Anna", Gender::Woman);
    SetPerson father(r.ids.father, Named("Johan", Gender::Man, 1950));
    father.Apply(r.family);
    SetPerson mother(r.ids.mother, Named("Eva", Gender::Woman, 1952));
    mother.Apply(r.family);
    AddPartner partner(r.ids.client, Named("José", Gender::Man), UnionKind::Cohabitation);
    partner.Apply(r.family);
    r.partner = partner.Created();
    r.couple = partner.CreatedUnion();
    AddChild son(r.couple, Named("Kim", Gender::Man, 2010));
    son.Apply(r.family);
    r.son = son.Created();
    AddChild daughter(r.couple, Named("Lo", Gender::Woman, 2012));
    daughter.Apply(r.family);
    r.daughter = daughter.Created();
    Relation rel;
    rel.from = r.ids.client;
    rel.to = r.ids.father;
    rel.kind = RelationKind::Conflict;
    AddRelation addRel(rel);
    addRel.Apply(r.family);
    r.conflict = addRel.Created();
    Household h;
    h.members = {r.ids.client, r.partner, r.son, r.daughter};
    AddHousehold addHome(h);
    addHome.Apply(r.family);
    r.home = addHome.Created();
    return r;
}

} // namespace

TEST_CASE("adding a partner creates person and union, placed after earlier unions", "[commands]") {
    Rich r = MakeRich();
    AddPartner second(r.ids.client, Named("Ola", Gender::Man), UnionKind::Dating);
    CheckRoundTrip(r.family, second);
    second.Apply(r.family);
    const Union* u = r.family.FindUnion(second.CreatedUnion());
    REQUIRE(u);
    CHECK(u->partnerA == second.Created()); // man left
    CHECK(u->partnerB == r.ids.client);
    CHECK(u->kind == UnionKind::Dating);
    CHECK(PartnersOf(r.family, r.ids.client) == std::vector<PersonId>{r.partner, second.Created()});
    CHECK(second.Describe() == "Add partner to Anna");
}

TEST_CASE("adding parents: a single-parent link, then a union of both", "[commands]") {
    Family family;
    AddPerson johan(Named("Johan", Gender::Man));
    johan.Apply(family);
    const PersonId j = johan.Created();

    AddParent mother(j, Gender::Woman, Named("Eva"));
    CheckRoundTrip(family, mother);
    mother.Apply(family);
    CHECK(mother.Describe() == "Add mother to Johan");
    CHECK(family.ChildLinkOf(j)->singleParent == mother.Created());
    CHECK(mother.CreatedUnion() == kNoId);

    AddParent father(j, Gender::Man);
    CheckRoundTrip(family, father);
    father.Apply(family);
    const ChildLink* link = family.ChildLinkOf(j);
    REQUIRE(link->parents == father.CreatedUnion());
    CHECK(link->singleParent == kNoId);
    CHECK(FatherOf(family, j) == father.Created());
    CHECK(MotherOf(family, j) == mother.Created());
    CHECK(family.FindUnion(link->parents)->partnerA == father.Created());

    AddParent third(j, Gender::Unknown);
    CheckRefused(family, third, "Johan already has two parents");
    CHECK(IsStructurallySound(family));
}

TEST_CASE("adding a child appends it last in birth order; losses are children too", "[commands]") {
    Rich r = MakeRich();
    Person loss;
    loss.kind = PersonKind::Miscarriage;
    AddChild miscarriage(r.couple, loss);
    CheckRoundTrip(r.family, miscarriage);
    miscarriage.Apply(r.family);
    CHECK(r.family.ChildrenOf(r.couple) ==
          std::vector<PersonId>{r.son, r.daughter, miscarriage.Created()});
    CHECK(miscarriage.Describe() == "Add miscarriage to José and Anna");

    AddChild toSingle(r.ids.father, Named("Half", Gender::Man), ChildKind::Biological);
    CheckRoundTrip(r.family, toSingle);
    toSingle.Apply(r.family);
    CHECK(r.family.ChildLinkOf(toSingle.Created())->singleParent == r.ids.father);
    CHECK(toSingle.Describe() == "Add child to Johan");
    CHECK(SiblingsOf(r.family, r.ids.client, SiblingKind::Half) ==
          std::vector<PersonId>{toSingle.Created()});

    AddChild nowhere(9999, Named("X"));
    CheckRefused(r.family, nowhere, "no longer in the family map");
    AddChild fromLoss(miscarriage.Created(), Named("X"));
    CheckRefused(r.family, fromLoss, "cannot have children");
}

TEST_CASE("adding a sibling shares the sibship, or invents placeholder parents", "[commands]") {
    Rich r = MakeRich();
    AddSibling brother(r.ids.client, Named("Per", Gender::Man));
    CheckRoundTrip(r.family, brother);
    brother.Apply(r.family);
    CHECK(SiblingsOf(r.family, r.ids.client) == std::vector<PersonId>{brother.Created()});
    CHECK(brother.CreatedUnion() == kNoId);

    AddSibling ofPartner(r.partner, Named("Inés", Gender::Woman));
    CheckRoundTrip(r.family, ofPartner);
    ofPartner.Apply(r.family);
    REQUIRE(ofPartner.CreatedUnion() != kNoId);
    CHECK(SiblingsOf(r.family, r.partner) == std::vector<PersonId>{ofPartner.Created()});
    auto parents = ParentsOf(r.family, r.partner);
    REQUIRE(parents.size() == 2);
    CHECK(r.family.FindPerson(parents[0])->placeholder);
    CHECK(r.family.FindPerson(parents[1])->placeholder);
    CHECK(ofPartner.Describe() == "Add sibling to José");
    CHECK(IsStructurallySound(r.family));
}

TEST_CASE("removing a person takes what hangs on them and Revert restores it all", "[commands]") {
    Rich r = MakeRich();
    // Anna has a partner, children, a relation and a household.
    const Family before = r.family;
    RemovePerson remove(r.ids.client);
    CheckRoundTrip(r.family, remove);
    remove.Apply(r.family);
    CHECK(remove.Describe() == "Remove Anna");
    CHECK_FALSE(r.family.FindPerson(r.ids.client));
    CHECK_FALSE(r.family.FindUnion(r.couple));
    CHECK(r.family.relations.empty());
    CHECK(r.family.FindPerson(r.son));
    CHECK(r.family.ChildLinkOf(r.son)->singleParent == r.partner);
    CHECK(r.family.ChildLinkOf(r.daughter)->singleParent == r.partner);
    CHECK(r.family.households[0].members == std::vector<PersonId>{r.partner, r.son, r.daughter});
    CHECK(IsStructurallySound(r.family));
    remove.Revert(r.family);
    CHECK(r.family == before);

    RemovePerson gone(4242);
    CheckRefused(r.family, gone, "no longer in the family map");
}

TEST_CASE("removing a single parent leaves the child without parents", "[commands]") {
    Family family;
    AddPerson kid(Named("Kid"));
    kid.Apply(family);
    AddParent mum(kid.Created(), Gender::Woman);
    mum.Apply(family);
    RemovePerson remove(mum.Created());
    CheckRoundTrip(family, remove);
    remove.Apply(family);
    CHECK(family.children.empty());
    CHECK(IsStructurallySound(family));
}

TEST_CASE("editing a placeholder makes it a real person", "[commands][scaffold]") {
    Family family = Scaffold("Anna");
    ScaffoldIds ids;
    Person father = *family.FindPerson(ids.father);
    father.givenNames = "Johan";
    SetPerson edit(ids.father, father);
    CheckRoundTrip(family, edit);
    edit.Apply(family);
    CHECK_FALSE(family.FindPerson(ids.father)->placeholder);
    CHECK(edit.Describe() == "Edit Johan");

    Person grandma = *family.FindPerson(ids.maternalGrandmother);
    grandma.note = "unknown, but known to exist";
    SetPerson keep(ids.maternalGrandmother, grandma, /*keepPlaceholder=*/true);
    keep.Apply(family);
    CHECK(family.FindPerson(ids.maternalGrandmother)->placeholder);
    CHECK(family.FindPerson(ids.maternalGrandmother)->id == ids.maternalGrandmother);

    Person sameAgain = *family.FindPerson(ids.paternalGrandmother);
    sameAgain.nudgeX = 12; // only a nudge: still a placeholder
    SetPerson nudgeOnly(ids.paternalGrandmother, sameAgain);
    nudgeOnly.Apply(family);
    CHECK(family.FindPerson(ids.paternalGrandmother)->placeholder);

    SetPerson missing(999, Person{});
    CheckRefused(family, missing, "no longer in the family map");
}

TEST_CASE("a union's kind and events change, its partners do not", "[commands]") {
    Rich r = MakeRich();
    Union u = *r.family.FindUnion(r.couple);
    u.kind = UnionKind::Marriage;
    u.events = {{UnionEventKind::Married, 2015}, {UnionEventKind::Divorced, 2020}};
    std::swap(u.partnerA, u.partnerB); // left/right may swap
    SetUnion edit(r.couple, u);
    CheckRoundTrip(r.family, edit);
    edit.Apply(r.family);
    CHECK(r.family.FindUnion(r.couple)->Divorced());
    CHECK(edit.Describe() == "Edit relationship of José and Anna");

    Union other = u;
    other.partnerA = r.ids.father;
    SetUnion exchange(r.couple, other);
    CheckRefused(r.family, exchange, "cannot be exchanged");
}

TEST_CASE("a child link changes kind, twins and parents, never into a cycle", "[commands]") {
    Rich r = MakeRich();
    ChildLink link = *r.family.ChildLinkOf(r.daughter);
    link.kind = ChildKind::Adopted;
    link.twinGroup = 77;
    link.twinKind = TwinKind::Fraternal;
    SetChildLink edit(r.daughter, link);
    CheckRoundTrip(r.family, edit);

    ChildLink loop;
    loop.singleParent = r.son; // Anna's father as the son's child: a cycle
    SetChildLink cycle(r.ids.father, loop);
    CheckRefused(r.family, cycle, "own ancestor");

    AddPerson stranger(Named("Stranger"));
    stranger.Apply(r.family);
    ChildLink attach;
    attach.parents = r.couple;
    SetChildLink adopt(stranger.Created(), attach);
    CheckRoundTrip(r.family, adopt);
    adopt.Apply(r.family);
    CHECK(r.family.ChildrenOf(r.couple).back() == stranger.Created());

    ChildLink both;
    both.parents = r.couple;
    both.singleParent = r.ids.father;
    SetChildLink ambiguous(r.son, both);
    CheckRefused(r.family, ambiguous, "not both");
}

TEST_CASE("moving a child renumbers the sibship", "[commands]") {
    Rich r = MakeRich();
    AddChild third(r.couple, Named("Tredje"));
    third.Apply(r.family);
    MoveChild move(third.Created(), 0);
    CheckRoundTrip(r.family, move);
    move.Apply(r.family);
    CHECK(r.family.ChildrenOf(r.couple) ==
          std::vector<PersonId>{third.Created(), r.son, r.daughter});
    MoveChild tooFar(r.son, 3);
    CheckRefused(r.family, tooFar, "no place 4");
}

TEST_CASE("nudges add up and reset", "[commands]") {
    Rich r = MakeRich();
    Nudge nudge(r.son, 24);
    CheckRoundTrip(r.family, nudge);
    nudge.Apply(r.family);
    Nudge again(r.son, -4);
    again.Apply(r.family);
    CHECK(r.family.FindPerson(r.son)->nudgeX == 20);
    ResetLayout reset;
    CheckRoundTrip(r.family, reset);
    reset.Apply(r.family);
    CHECK(r.family.FindPerson(r.son)->nudgeX == 0);
}

TEST_CASE("there is one client at most", "[commands]") {
    Rich r = MakeRich();
    SetIndexPerson index(r.partner);
    CheckRoundTrip(r.family, index);
    index.Apply(r.family);
    CHECK(r.family.IndexPerson() == r.partner);
    CHECK(index.Describe() == "Make José the client");
    SetIndexPerson clear(kNoId);
    clear.Apply(r.family);
    CHECK_FALSE(r.family.IndexPerson());
}

TEST_CASE("relations and households are added, edited and removed", "[commands]") {
    Rich r = MakeRich();
    Relation close;
    close.from = r.ids.client;
    close.to = r.ids.mother;
    close.kind = RelationKind::Close;
    AddRelation add(close);
    CheckRoundTrip(r.family, add);
    Relation changed = *std::find_if(r.family.relations.begin(), r.family.relations.end(),
                                     [&](const Relation& x) { return x.id == r.conflict; });
    changed.kind = RelationKind::CutOff;
    SetRelation set(r.conflict, changed);
    CheckRoundTrip(r.family, set);
    RemoveRelation remove(r.conflict);
    CheckRoundTrip(r.family, remove);
    Relation self = close;
    self.to = self.from;
    AddRelation selfRel(self);
    CheckRefused(r.family, selfRel, "two different people");

    Household h = r.family.households[0];
    h.members.push_back(r.ids.father);
    SetHousehold setH(r.home, h);
    CheckRoundTrip(r.family, setH);
    h.members.push_back(r.ids.father);
    SetHousehold twice(r.home, h);
    CheckRefused(r.family, twice, "listed twice");
    RemoveHousehold removeH(r.home);
    CheckRoundTrip(r.family, removeH);
}

TEST_CASE("a composite applies in order, reverts in reverse, and is all or nothing", "[commands]") {
    Family family;
    AddPerson kid(Named("Kid"));
    kid.Apply(family);
    CompositeCommand both("Add parents");
    both.Add(std::make_unique<AddParent>(kid.Created(), Gender::Man));
    both.Add(std::make_unique<AddParent>(kid.Created(), Gender::Woman));
    CheckRoundTrip(family, both);
    CHECK(both.Describe() == "Add parents");

    CompositeCommand tooMany("Add three parents");
    tooMany.Add(std::make_unique<AddParent>(kid.Created(), Gender::Man));
    tooMany.Add(std::make_unique<AddParent>(kid.Created(), Gender::Woman));
    tooMany.Add(std::make_unique<AddParent>(kid.Created(), Gender::Other));
    CheckRefused(family, tooMany, "already has two parents");
}

TEST_CASE("replacing the family is undoable and refuses a damaged family", "[commands]") {
    Rich r = MakeRich();
    ReplaceFamily replace(Scaffold("Ny"));
    CheckRoundTrip(r.family, replace);
    Family broken = Scaffold();
    broken.nextId = 3;
    ReplaceFamily bad(broken);
    CheckRefused(r.family, bad, "damaged");
}

TEST_CASE("people without a name are 'unnamed person'", "[commands]") {
    Family family = Scaffold();
    AddPartner partner(ScaffoldIds{}.client, Person{});
    partner.Apply(family);
    CHECK(partner.Describe() == "Add partner to unnamed person");
}
