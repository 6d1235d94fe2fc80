// Layout invariants over many shapes of family (the hard cases of docs/design.md, "The family
// map").

#include "LayoutInvariants.h"

#include "kartbok/genogram/FamilyBuilder.h"
#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/Sample.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>

using namespace kartbok::genogram;
using kartbok::genogram::testing::IsBelow;
using kartbok::genogram::testing::IsLevel;
using kartbok::genogram::testing::LeftOf;
using kartbok::genogram::testing::NoOverlaps;

namespace {

/// Structural invariants every layout must keep.
void CheckInvariants(const Family& family, const Layout& layout,
                     const LayoutOptions& options = {}) {
    CHECK(NoOverlaps(layout, options));
    for (const Person& p : family.people)
        if (!p.placeholder || options.includePlaceholders)
            CHECK(layout.people.count(p.id) == 1);
    for (const Union& u : family.unions)
        if (layout.unions.count(u.id)) {
            CHECK(IsLevel(layout, u.partnerA, u.partnerB));
            for (PersonId c : family.ChildrenOf(u.id))
                if (layout.people.count(c))
                    CHECK(IsBelow(layout, c, u.partnerA));
        }
    for (const auto& [id, pt] : layout.people) {
        CHECK(pt.x > 0);
        CHECK(pt.y > 0);
        CHECK(pt.x < layout.bounds.width);
        CHECK(pt.y < layout.bounds.height);
        CHECK(layout.generation.count(id) == 1);
    }
}

} // namespace

TEST_CASE("an empty family lays out to an empty map", "[layout]") {
    Layout layout = ComputeLayout(Family{});
    CHECK(layout.people.empty());
    CHECK(layout.unions.empty());
    CHECK(layout.bounds.width > 0);
}

TEST_CASE("a couple stands level, man left, children below in birth order", "[layout]") {
    FamilyBuilder b("Testsson");
    PersonId mother = b.Woman("Anna", FuzzyDate::Year(1960)),
             father = b.Man("Lars", FuzzyDate::Year(1958));
    UnionId u = b.Couple(mother, father);
    PersonId c3 = b.Man("Erik", FuzzyDate::Year(1987)), c1 = b.Woman("Emma", FuzzyDate::Year(1981)),
             c2 = b.Man("Johan", FuzzyDate::Year(1983));
    b.Child(u, c3, 3);
    b.Child(u, c1, 1);
    b.Child(u, c2, 2);
    Layout l = ComputeLayout(b.family);
    CheckInvariants(b.family, l);
    CHECK(IsLevel(l, mother, father));
    CHECK(LeftOf(l, father, mother));
    CHECK(LeftOf(l, c1, c2));
    CHECK(LeftOf(l, c2, c3));
    CHECK(l.generation.at(father) == 0);
    CHECK(l.generation.at(c1) == 1);
    // The union sits between the partners, level with them.
    CHECK(l.unions.at(u).y == l.people.at(father).y);
    CHECK(l.unions.at(u).x > l.people.at(father).x);
    CHECK(l.unions.at(u).x < l.people.at(mother).x);
}

TEST_CASE("layout is deterministic bit for bit", "[layout]") {
    Family f = RichSampleFamily();
    Layout a = ComputeLayout(f), b = ComputeLayout(f);
    CHECK(a.people == b.people);
    CHECK(a.unions == b.unions);
    CHECK(a.generation == b.generation);
    CHECK(a.bounds == b.bounds);
    CHECK(ToDot(f) == ToDot(f));
}

TEST_CASE("a person with three partners keeps them in time order outward", "[layout]") {
    FamilyBuilder b("Testsson");
    PersonId man = b.Man("Johan");
    PersonId w1 = b.Woman("Linda"), w2 = b.Woman("Sofia"), w3 = b.Woman("Nina");
    UnionId u1 = b.Couple(man, w1), u2 = b.Couple(man, w2, {}, UnionKind::Marriage, 1),
            u3 = b.Couple(man, w3, {}, UnionKind::Marriage, 2);
    b.Child(u1, b.Man("A"), 1);
    b.Child(u2, b.Woman("B"), 1);
    b.Child(u3, b.Man("C"), 1);
    Layout l = ComputeLayout(b.family);
    CheckInvariants(b.family, l);
    // First partner on his right, second on his left, third further out right.
    CHECK(LeftOf(l, man, w1));
    CHECK(LeftOf(l, w2, man));
    CHECK(LeftOf(l, w1, w3));
    for (UnionId u : {u1, u2, u3})
        CHECK(l.unions.at(u).y == l.people.at(man).y);
}

TEST_CASE("children of several unions hang under their own union", "[layout]") {
    FamilyBuilder b("Testsson");
    PersonId father = b.Man("Lars"), first = b.Woman("Anna"), second = b.Woman("Maria");
    UnionId u1 = b.Couple(father, first), u2 = b.Couple(father, second, {}, UnionKind::Marriage, 1);
    PersonId full = b.Man("Johan"), half = b.Man("Oskar");
    b.Child(u1, full, 1);
    b.Child(u2, half, 1);
    Layout l = ComputeLayout(b.family);
    CheckInvariants(b.family, l);
    CHECK(LeftOf(l, second, father));
    CHECK(LeftOf(l, father, first));
    CHECK(LeftOf(l, half, full)); // each child on its own parents' side
}

TEST_CASE("remarriage between two families: half- and step-siblings", "[layout]") {
    FamilyBuilder b("Testsson");
    PersonId lars = b.Man("Lars"), anna = b.Woman("Anna"), maria = b.Woman("Maria"),
             stefan = b.Man("Stefan");
    UnionId la = b.Couple(lars, anna), sm = b.Couple(stefan, maria),
            lm = b.Couple(lars, maria, {}, UnionKind::Marriage, 1);
    b.Child(la, b.Man("Johan"), 1);
    b.Child(sm, b.Woman("Stina"), 1); // Johan's step-sister
    b.Child(lm, b.Man("Oskar"), 1);   // half-brother of both
    Layout l = ComputeLayout(b.family);
    CheckInvariants(b.family, l);
    CHECK(IsLevel(l, lars, stefan));
}

TEST_CASE("cousins who marry close a loop without breaking the layout", "[layout]") {
    FamilyBuilder b("Testsson");
    PersonId gf = b.Man("Gf"), gm = b.Woman("Gm");
    UnionId g = b.Couple(gf, gm);
    PersonId s1 = b.Man("S1"), s2 = b.Woman("S2");
    b.Child(g, s1, 1);
    b.Child(g, s2, 2);
    UnionId a = b.Couple(s1, b.Woman("In1")), c = b.Couple(b.Man("In2"), s2);
    PersonId cousin1 = b.Man("C1"), cousin2 = b.Woman("C2");
    b.Child(a, cousin1, 1);
    b.Child(c, cousin2, 1);
    UnionId cc = b.Couple(cousin1, cousin2);
    PersonId kid = b.Woman("K");
    b.Child(cc, kid, 1);
    Layout l = ComputeLayout(b.family);
    CheckInvariants(b.family, l);
    CHECK(IsLevel(l, cousin1, cousin2));
    CHECK(l.generation.at(kid) == 3);
}

TEST_CASE("twins stand next to each other", "[layout]") {
    FamilyBuilder b("Testsson");
    UnionId u = b.Couple(b.Man("F"), b.Woman("M"));
    PersonId older = b.Man("Old"), t1 = b.Woman("T1"), t2 = b.Woman("T2"), younger = b.Man("Young");
    b.Child(u, younger, 4);
    b.Child(u, t2, 3);
    b.Child(u, older, 1);
    b.Child(u, t1, 2);
    b.Twins(TwinKind::Identical, {t1, t2});
    Layout l = ComputeLayout(b.family);
    CheckInvariants(b.family, l);
    CHECK(LeftOf(l, older, t1));
    CHECK(LeftOf(l, t1, t2));
    CHECK(LeftOf(l, t2, younger));
}

TEST_CASE("adopted and foster children, a single parent and an unknown parent", "[layout]") {
    FamilyBuilder b("Testsson");
    PersonId mum = b.Woman("Mum");
    PersonId a = b.Man("A"), c = b.Woman("C");
    b.Child(mum, a, 1);
    b.Child(mum, c, 2);
    UnionId u = b.Couple(b.Man("F"), b.Woman("W"));
    b.Child(u, b.Man("Adopted"), 1, ChildKind::Adopted);
    b.Child(u, b.Woman("Foster"), 2, ChildKind::Foster);
    // A child whose only link names no parent at all.
    b.Child(kNoId, b.Man("Orphan"), 1);
    Layout l = ComputeLayout(b.family);
    CheckInvariants(b.family, l);
    CHECK(IsBelow(l, a, mum));
    CHECK(LeftOf(l, a, c));
}

TEST_CASE("people with no relations stand beside the index person", "[layout]") {
    FamilyBuilder b("Testsson");
    UnionId u = b.Couple(b.Man("F"), b.Woman("M"));
    PersonId client = b.Man("Client");
    b.P(client).isIndex = true;
    b.Child(u, client, 1);
    PersonId mentor = b.Add(Gender::Man, "Mentor", {}, PersonKind::SignificantOther);
    PersonId friendly = b.Woman("Friend");
    Layout l = ComputeLayout(b.family);
    CheckInvariants(b.family, l);
    CHECK(IsLevel(l, client, mentor));
    CHECK(IsLevel(l, client, friendly));
    CHECK(LeftOf(l, client, mentor));
    CHECK(LeftOf(l, mentor, friendly));
}

TEST_CASE("a person listed as child in two families uses the first link", "[layout]") {
    FamilyBuilder b("Testsson");
    UnionId u1 = b.Couple(b.Man("F1"), b.Woman("M1"));
    PersonId f2 = b.Man("F2");
    UnionId u2 = b.Couple(f2, b.Woman("M2"));
    PersonId kid = b.Man("Kid");
    b.Child(u1, kid, 1);
    b.Child(u2, kid, 1);
    Layout l = ComputeLayout(b.family);
    CheckInvariants(b.family, l);
    CHECK(l.people.size() == b.family.people.size());
}

TEST_CASE("someone who is their own ancestor does not hang or crash", "[layout]") {
    FamilyBuilder b("Testsson");
    PersonId a = b.Man("A"), c = b.Woman("C");
    UnionId ac = b.Couple(a, c);
    PersonId kid = b.Woman("Kid");
    b.Child(ac, kid, 1);
    UnionId kidU = b.Couple(kid, b.Man("P"));
    b.Child(kidU, a, 1); // A is the child of his own daughter
    Layout l;
    REQUIRE_NOTHROW(l = ComputeLayout(b.family));
    CHECK(l.people.size() == b.family.people.size());
    CHECK(NoOverlaps(l));
}

TEST_CASE("placeholders are hidden unless asked for", "[layout]") {
    FamilyBuilder b("Testsson");
    PersonId f = b.Man("F"), m = b.Woman("M");
    b.P(f).placeholder = true;
    UnionId u = b.Couple(f, m);
    PersonId c = b.Man("C");
    b.Child(u, c, 1);
    Layout hidden = ComputeLayout(b.family);
    CHECK(hidden.people.count(f) == 0);
    CHECK(hidden.unions.count(u) == 0);
    CHECK(IsBelow(hidden, c, m)); // hangs from the one drawn parent
    LayoutOptions all;
    all.includePlaceholders = true;
    Layout shown = ComputeLayout(b.family, all);
    CHECK(shown.people.count(f) == 1);
    CHECK(shown.unions.count(u) == 1);
}

TEST_CASE("nudges move a person and never cause overlap", "[layout]") {
    Family f = RichSampleFamily();
    Layout before = ComputeLayout(f);
    PersonId client = *f.IndexPerson();
    SECTION("a nudge with room moves the person by the nudge") {
        PersonId bertil = kNoId;
        for (const Person& p : f.people)
            if (p.kind == PersonKind::SignificantOther)
                bertil = p.id;
        f.FindPerson(bertil)->nudgeX = 30;
        Layout after = ComputeLayout(f);
        CHECK(after.people.at(bertil).x - before.people.at(bertil).x == Approx(30).margin(1e-6));
        CHECK(NoOverlaps(after));
    }
    SECTION("a nudge into a neighbour pushes the neighbour away") {
        f.FindPerson(client)->nudgeX = 200;
        Layout after = ComputeLayout(f);
        CHECK(NoOverlaps(after));
        CHECK(after.people.at(client).x != before.people.at(client).x);
    }
    SECTION("huge nudges everywhere stay overlap-free") {
        double n = -500;
        for (Person& p : f.people)
            p.nudgeX = (n += 37);
        Layout after = ComputeLayout(f);
        CHECK(NoOverlaps(after));
        for (const auto& [id, pt] : after.people)
            CHECK(pt.x > 0);
    }
}

TEST_CASE("the rich sample lays out with every invariant", "[layout]") {
    Family f = RichSampleFamily();
    Layout l = ComputeLayout(f);
    CheckInvariants(f, l);
    CHECK(l.generation.size() == f.people.size());
    int deepest = 0;
    for (const auto& [id, g] : l.generation)
        deepest = std::max(deepest, g);
    CHECK(deepest == 3);
}

TEST_CASE("generated families of 60 and 300 people lay out cleanly", "[layout]") {
    for (int n : {60, 300}) {
        for (std::uint32_t seed : {1u, 7u, 42u}) {
            Family f = GeneratedFamily(n, seed);
            CHECK(std::abs(static_cast<int>(f.people.size()) - n) <= 6);
            Layout l = ComputeLayout(f);
            CheckInvariants(f, l);
        }
    }
    CHECK(GeneratedFamily(60, 3) == GeneratedFamily(60, 3));
}

TEST_CASE("siblings keep birth order in generated families", "[layout]") {
    // Known limit: on big generated trees dot now and then gives way on a
    // flat ordering edge between a single sibling and a married one's block
    // (a handful in 300 people). Hand-built families above are checked strictly.
    int checked = 0, wrong = 0;
    for (std::uint32_t seed : {11u, 12u, 13u}) {
        Family f = GeneratedFamily(300, seed);
        Layout l = ComputeLayout(f);
        for (const Union& u : f.unions) {
            auto kids = f.ChildrenOf(u.id);
            for (std::size_t i = 1; i < kids.size(); ++i)
                if (l.generation.at(kids[i]) == l.generation.at(kids[i - 1])) {
                    ++checked;
                    wrong += !LeftOf(l, kids[i - 1], kids[i]);
                }
        }
    }
    CHECK(checked > 100);
    CHECK(wrong * 100 <= checked * 5);
}

TEST_CASE("the rich sample keeps birth order everywhere", "[layout]") {
    Family f = RichSampleFamily();
    Layout l = ComputeLayout(f);
    for (const Union& u : f.unions) {
        auto kids = f.ChildrenOf(u.id);
        for (std::size_t i = 1; i < kids.size(); ++i)
            CHECK(LeftOf(l, kids[i - 1], kids[i]));
    }
}

TEST_CASE("bad options are reported, not drawn", "[layout]") {
    LayoutOptions o;
    o.symbolSize = 0;
    CHECK_THROWS_AS(ComputeLayout(RichSampleFamily(), o), LayoutError);
}
