// Commands on child links: twins, a second family (birth parents of an
// adopted child), replacing one link of several.

#include "CommandChecks.h"

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Scaffold.h"
#include "kartbok/genogram/Validate.h"

#include <catch2/catch.hpp>

using namespace kartbok::genogram;
using namespace kartbok::genogram::testing;

namespace {

struct Kids {
    Family family = Scaffold("Anna", Gender::Woman);
    ScaffoldIds ids;
    PersonId b = kNoId, c = kNoId, d = kNoId;
};

Kids ThreeSiblings() {
    Kids k;
    AddSibling b(k.ids.client, Named("B", Gender::Man, 1990));
    b.Apply(k.family);
    AddSibling c(k.ids.client, Named("C", Gender::Woman, 1990));
    c.Apply(k.family);
    AddSibling d(k.ids.client, Named("D", Gender::Man, 1990));
    d.Apply(k.family);
    k.b = b.Created(), k.c = c.Created(), k.d = d.Created();
    return k;
}

} // namespace

TEST_CASE("siblings become twins or triplets and back", "[commands][twins]") {
    Kids k = ThreeSiblings();
    SetTwins twins({k.b, k.c}, TwinKind::Identical);
    CheckRoundTrip(k.family, twins);
    twins.Apply(k.family);
    CHECK(k.family.ChildLinkOf(k.b)->twinGroup == k.family.ChildLinkOf(k.c)->twinGroup);
    CHECK(k.family.ChildLinkOf(k.b)->twinKind == TwinKind::Identical);
    CHECK(twins.Describe() == "Make twins of B");
    // Triplets: a fresh group takes all three.
    SetTwins triplets({k.b, k.c, k.d}, TwinKind::Fraternal);
    triplets.Apply(k.family);
    Id group = k.family.ChildLinkOf(k.b)->twinGroup;
    for (PersonId p : {k.c, k.d})
        CHECK(k.family.ChildLinkOf(p)->twinGroup == group);
    // Taking one out of a pair dissolves the pair.
    SetTwins pair({k.b, k.c}, TwinKind::Identical);
    pair.Apply(k.family);
    SetTwins undo({k.b}, TwinKind::None);
    undo.Apply(k.family);
    CHECK(k.family.ChildLinkOf(k.b)->twinGroup == kNoId);
    CHECK(k.family.ChildLinkOf(k.c)->twinGroup == kNoId);
    CHECK(k.family.ChildLinkOf(k.d)->twinGroup == kNoId); // left alone of the triplets
}

TEST_CASE("twins must be at least two siblings of the same parents", "[commands][twins]") {
    Kids k = ThreeSiblings();
    SetTwins one({k.b}, TwinKind::Fraternal);
    CheckRefused(k.family, one, "at least two");
    SetTwins strangers({k.b, k.ids.father}, TwinKind::Fraternal);
    CheckRefused(k.family, strangers, "same parents");
}

TEST_CASE("an adopted client gets her birth parents as a second family", "[commands][adoption]") {
    Kids k = ThreeSiblings();
    ChildLink adopted = *k.family.ChildLinkOf(k.ids.client);
    adopted.kind = ChildKind::Adopted;
    SetChildLink toAdopted(k.ids.client, adopted);
    toAdopted.Apply(k.family);
    AddPerson mother(Named("Birth", Gender::Woman, 1965));
    mother.Apply(k.family);
    AddPartner father(mother.Created(), Named("Unknown", Gender::Man));
    father.Apply(k.family);
    ChildLink birth;
    birth.parents = father.CreatedUnion();
    AddChildLink add(k.ids.client, birth);
    CheckRoundTrip(k.family, add);
    add.Apply(k.family);
    CHECK(k.family.ChildLinksOf(k.ids.client).size() == 2);
    CHECK(k.family.ChildLinkOf(k.ids.client)->kind == ChildKind::Adopted); // stands adopted
    CHECK(IsAncestorOf(k.family, mother.Created(), k.ids.client));
    // A third family of the same kind as a birth one, or the same parents again: refused.
    AddChildLink again(k.ids.client, birth);
    CheckRefused(k.family, again, "already a child of these parents");
    ChildLink second;
    second.parents = k.ids.paternalGrandparents;
    AddChildLink twice(k.ids.client, second);
    CheckRefused(k.family, twice, "already has birth parents");
    // Editing the birth link names it by its parents; the adoptive link stays.
    ChildLink foster = birth;
    foster.kind = ChildKind::Foster;
    SetChildLink edit(k.ids.client, foster, father.CreatedUnion());
    CheckRoundTrip(k.family, edit);
    edit.Apply(k.family);
    CHECK(k.family.ChildLinksOf(k.ids.client)[1]->kind == ChildKind::Foster);
    CHECK(k.family.ChildLinksOf(k.ids.client)[0]->kind == ChildKind::Adopted);
}

TEST_CASE("no one becomes their own ancestor through a second family", "[commands][adoption]") {
    Kids k = ThreeSiblings();
    ChildLink loop;
    loop.singleParent = k.ids.client;
    loop.kind = ChildKind::Adopted;
    AddChildLink add(k.ids.father, loop);
    CheckRefused(k.family, add, "own ancestor");
}

TEST_CASE("a twin is added born the same day, in the child's twin group", "[commands][twins]") {
    Kids k = ThreeSiblings();
    AddTwin twin(k.b, TwinKind::Identical);
    CheckRoundTrip(k.family, twin);
    twin.Apply(k.family);
    const Person& t = *k.family.FindPerson(twin.Created());
    CHECK(t.gender == Gender::Man); // identical: B's gender
    CHECK(t.birth == FuzzyDate::Year(1990));
    CHECK(k.family.ChildLinkOf(t.id)->twinGroup == k.family.ChildLinkOf(k.b)->twinGroup);
    CHECK(k.family.ChildLinkOf(k.b)->twinKind == TwinKind::Identical);
    // A third: triplets, all fraternal now.
    AddTwin third(k.b, TwinKind::Fraternal, Gender::Woman);
    third.Apply(k.family);
    Id group = k.family.ChildLinkOf(k.b)->twinGroup;
    for (PersonId p : {k.b, t.id, third.Created()}) {
        CHECK(k.family.ChildLinkOf(p)->twinGroup == group);
        CHECK(k.family.ChildLinkOf(p)->twinKind == TwinKind::Fraternal);
    }
    AddTwin gone(9999, TwinKind::Fraternal);
    CheckRefused(k.family, gone, "no longer in the family map");
    AddTwin neither(k.b, TwinKind::None);
    CheckRefused(k.family, neither, "identical or fraternal");
}

TEST_CASE("an adopted person gets birth parents in one step; never a second pair",
          "[commands][adoption]") {
    Kids k = ThreeSiblings();
    ChildLink adopted = *k.family.ChildLinkOf(k.ids.client);
    adopted.kind = ChildKind::Adopted;
    SetChildLink(k.ids.client, adopted).Apply(k.family);
    AddBirthParents birth(k.ids.client);
    CheckRoundTrip(k.family, birth);
    birth.Apply(k.family);
    CHECK(k.family.ChildLinksOf(k.ids.client).size() == 2);
    CHECK(IsAncestorOf(k.family, birth.Created(), k.ids.client));
    CHECK(k.family.ChildLinkOf(k.ids.client)->kind == ChildKind::Adopted);
    AddBirthParents again(k.ids.client);
    CheckRefused(k.family, again, "already has birth parents");
    AddBirthParents notAdopted(k.b); // B's parents are his birth parents
    CheckRefused(k.family, notAdopted, "already has birth parents");
}

TEST_CASE("a twin of someone without parents on the map gets unknown parents, like a sibling",
          "[commands][twins]") {
    Family f;
    Person alone = Named("Ida", Gender::Woman, 1990);
    alone.id = f.NewId();
    f.people.push_back(alone);
    for (const TwinKind kind : {TwinKind::Identical, TwinKind::Fraternal}) {
        Family family = f;
        AddTwin twin(alone.id, kind, Gender::Man);
        CheckRoundTrip(family, twin);
        twin.Apply(family);
        REQUIRE(family.ChildLinkOf(alone.id));
        REQUIRE(family.ChildLinkOf(twin.Created()));
        const ChildLink hers = *family.ChildLinkOf(alone.id);
        const ChildLink his = *family.ChildLinkOf(twin.Created());
        CHECK(hers.parents == his.parents);
        const Union* parents = family.FindUnion(hers.parents);
        REQUIRE(parents);
        CHECK(family.FindPerson(parents->partnerA)->placeholder);
        CHECK(family.FindPerson(parents->partnerB)->placeholder);
        CHECK(hers.twinGroup == his.twinGroup);
        CHECK(his.twinKind == kind);
        // An identical twin is of the same sex; the birth date is shared.
        CHECK(family.FindPerson(twin.Created())->gender ==
              (kind == TwinKind::Identical ? Gender::Woman : Gender::Man));
        CHECK(family.FindPerson(twin.Created())->birth == alone.birth);
        // A sibling added next joins the same parents, not new ones.
        AddSibling brother(alone.id, Named("Per", Gender::Man, 1993));
        brother.Apply(family);
        CHECK(family.ChildLinkOf(brother.Created())->parents == hers.parents);
        CHECK(brother.CreatedUnion() == kNoId);
    }
}
