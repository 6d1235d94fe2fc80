// Birth order is the layout's rule: dates decide, never the order people were
// entered; undated siblings keep entry order among themselves; a drag is a
// kept exception that "Reset layout" clears.

#include "LayoutInvariants.h"

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/FamilyBuilder.h"
#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/Scaffold.h"
#include "kartbok/genogram/Siblings.h"

#include <catch2/catch.hpp>

using namespace kartbok::genogram;
using kartbok::genogram::testing::LeftOf;

namespace {

std::vector<PersonId> Order(const Family& f, UnionId u) {
    return f.ChildrenOf(u);
}

} // namespace

TEST_CASE("an older brother added after the client stands left of the client", "[siblings]") {
    Family f = Scaffold("Klient", Gender::Man);
    ScaffoldIds ids;
    f.FindPerson(ids.client)->birth = FuzzyDate::Year(1985);
    Person brother;
    brother.gender = Gender::Man;
    brother.givenNames = "Stor";
    brother.birth = FuzzyDate::Year(1981);
    AddSibling add(ids.client, brother);
    add.Apply(f);
    CHECK(Order(f, ids.parents) == std::vector<PersonId>{add.Created(), ids.client});
    // Also on the map, with the placeholders parents drawn or not.
    LayoutOptions all;
    all.includePlaceholders = true;
    CHECK(LeftOf(ComputeLayout(f, all), add.Created(), ids.client));
}

TEST_CASE("a 2012 miscarriage comes before a 2013 son whatever the entry order", "[siblings]") {
    FamilyBuilder b("Testsson");
    UnionId u = b.Couple(b.Man("F", FuzzyDate::Year(1980)), b.Woman("M", FuzzyDate::Year(1982)));
    PersonId son = b.Man("Son", FuzzyDate::Year(2013));
    PersonId loss = b.Add(Gender::Unknown, "", FuzzyDate::Year(2012), PersonKind::Miscarriage);
    b.Child(u, son, 0);
    b.Child(u, loss, 1);
    CHECK(Order(b.family, u) == std::vector<PersonId>{loss, son});
    CHECK(LeftOf(ComputeLayout(b.family), loss, son));
}

TEST_CASE("undated siblings keep entry order and follow those entered before them", "[siblings]") {
    FamilyBuilder b("Testsson");
    UnionId u = b.Couple(b.Man("F"), b.Woman("M"));
    PersonId a = b.Man("A", FuzzyDate::Year(1990)), x = b.Man("X"), y = b.Woman("Y"),
             c = b.Woman("C", FuzzyDate::Year(1985));
    b.Child(u, a, 0);
    b.Child(u, x, 1); // entered after A: stands after A
    b.Child(u, y, 2);
    b.Child(u, c, 3); // dated, older than A
    CHECK(Order(b.family, u) == std::vector<PersonId>{c, a, x, y});
}

TEST_CASE("an undated pregnancy is the youngest; twins stand together", "[siblings]") {
    FamilyBuilder b("Testsson");
    UnionId u = b.Couple(b.Man("F"), b.Woman("M"));
    PersonId pregnancy = b.Add(Gender::Unknown, "", {}, PersonKind::Pregnancy);
    PersonId t1 = b.Woman("T1", FuzzyDate::Year(2016)), t2 = b.Woman("T2", FuzzyDate::Year(2016)),
             old = b.Man("Old", FuzzyDate::Year(2014)),
             young = b.Man("Young", FuzzyDate::Year(2018));
    b.Child(u, pregnancy, 0);
    b.Child(u, young, 1);
    b.Child(u, t2, 2);
    b.Child(u, old, 3);
    b.Child(u, t1, 4);
    b.Twins(TwinKind::Identical, {t1, t2});
    auto order = Order(b.family, u);
    REQUIRE(order.size() == 5);
    CHECK(order[0] == old);
    CHECK(((order[1] == t2 && order[2] == t1) || (order[1] == t1 && order[2] == t2)));
    CHECK(order[3] == young);
    CHECK(order[4] == pregnancy);
}

TEST_CASE("bounded and rough dates order by what they say", "[siblings]") {
    FamilyBuilder b("Testsson");
    UnionId u = b.Couple(b.Man("F"), b.Woman("M"));
    PersonId before = b.Man("Before"), about = b.Man("About"), full = b.Man("Full"),
             after = b.Man("After");
    b.P(before).birth = FuzzyDate::Before(1970);
    b.P(about).birth = FuzzyDate::About(1970);
    b.P(full).birth = FuzzyDate::Full(1970, 1, 2);
    b.P(after).birth = FuzzyDate::After(1970);
    for (PersonId p : {after, full, about, before})
        b.Child(u, p, static_cast<int>(p));
    CHECK(Order(b.family, u) == std::vector<PersonId>{before, full, about, after});
}

TEST_CASE("a drag is a kept exception; dropping back at birth order removes it; Reset layout "
          "clears it",
          "[siblings][commands]") {
    FamilyBuilder b("Testsson");
    UnionId u = b.Couple(b.Man("F"), b.Woman("M"));
    PersonId a = b.Man("A", FuzzyDate::Year(1980)), c = b.Man("C", FuzzyDate::Year(1984)),
             d = b.Woman("D", FuzzyDate::Year(1986));
    for (PersonId p : {d, c, a})
        b.Child(u, p, static_cast<int>(p));
    Family before = b.family;
    MoveChild drag(d, 0);
    drag.Apply(b.family);
    CHECK(Order(b.family, u) == std::vector<PersonId>{d, a, c});
    CHECK(LeftOf(ComputeLayout(b.family), d, a));
    // A new, older sibling does not undo the user's choice.
    FamilyBuilder more("Testsson");
    more.family = b.family;
    PersonId first = more.Woman("First", FuzzyDate::Year(1975));
    more.Child(u, first, 9);
    CHECK(Order(more.family, u).front() == d);
    ResetLayout reset;
    reset.Apply(more.family);
    CHECK(Order(more.family, u) == std::vector<PersonId>{first, a, c, d});
    reset.Revert(more.family);
    CHECK(Order(more.family, u).front() == d);
    drag.Revert(b.family);
    CHECK(b.family == before);
    MoveChild natural(c, 1); // where birth order puts C anyway: no pin
    natural.Apply(b.family);
    CHECK(b.family.ChildLinkOf(c)->pinnedPosition == -1);
}
