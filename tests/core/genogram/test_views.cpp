// Views of big files: the family within N generations of the client, and a
// map fitted to a page or drawn at a scale.

#include "LookFamilies.h"

#include "kartbok/genogram/CairoWriter.h"
#include "kartbok/genogram/Gedcom.h"
#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Scene.h"
#include "kartbok/genogram/Validate.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace kartbok::genogram;

TEST_CASE("the family within N generations of the client", "[views]") {
    Family f = testing::FourGenerationFamily();
    PersonId client = *f.IndexPerson();
    auto names = [](const Family& g) {
        std::vector<std::string> out;
        for (const Person& p : g.people)
            out.push_back(p.givenNames);
        std::sort(out.begin(), out.end());
        return out;
    };
    auto has = [&](const Family& g, const std::string& name) {
        auto all = names(g);
        return std::count(all.begin(), all.end(), name) == 1;
    };
    CHECK(AroundIndex(f, -1) == f);
    Family none = AroundIndex(f, 0);
    CHECK(names(none) == std::vector<std::string>{"Mikael", "Tove"}); // the client and his wife
    Family one = AroundIndex(f, 1);
    for (const char* expected : {"Bo", "Lena", "Jenny", "Mikael", "Tove", "Leo", "Saga"})
        CHECK(has(one, expected));
    CHECK_FALSE(has(one, "Arvid"));
    Family two = AroundIndex(f, 2);
    for (const char* expected : {"Arvid", "Stina", "Gun"}) // grandparents and an aunt
        CHECK(has(two, expected));
    CHECK_FALSE(has(two, "August"));
    for (const Family* g : {&none, &one, &two}) {
        CHECK(IsStructurallySound(*g));
        CHECK(g->IndexPerson() == client);
        CHECK(g->nextId == f.nextId);
    }
    // Relations keep only the people kept.
    for (const Relation& r : one.relations)
        CHECK((one.FindPerson(r.from) && one.FindPerson(r.to)));
}

TEST_CASE("a 3 000-person royal-like file cut to 2 generations draws a readable page",
          "[views][royal]") {
    GedcomOptions o;
    o.indexXref = "@I2000@";
    GedcomResult r = ImportGedcom(GenerateGedcom(3000, 1, GedcomStyle::Royal), o);
    Family cut = AroundIndex(r.family, 2);
    CHECK(cut.people.size() < 200);
    CHECK(IsStructurallySound(cut));
    Layout l = ComputeLayout(cut);
    std::set<int> rows;
    for (const auto& [id, g] : l.generation)
        rows.insert(g);
    CHECK(rows.size() <= 6);
    Scene s = BuildScene(cut, l);
    auto pdf = RenderPdf(s, PageSize("A3", true));
    CHECK(std::string(pdf.begin(), pdf.begin() + 5) == "%PDF-");
}

TEST_CASE("pages fit the map inside the margins; scales are checked", "[views][render]") {
    Family f = testing::TwinsFamily();
    Scene s = BuildScene(f, ComputeLayout(f));
    CHECK(PageSize("A4", false).width == Approx(595.28));
    CHECK(PageSize("A4", true).width == Approx(841.89));
    CHECK(PageSize("A3", false).height == Approx(1190.55));
    CHECK_THROWS_AS(PageSize("Letter", false), RenderError);
    auto png = RenderPng(s, PageSize("A4", false), 72);
    CHECK(png.size() > 1000);
    CHECK(png[16] * 16777216 + png[17] * 65536 + png[18] * 256 + png[19] == 595);
    CHECK_THROWS_AS(RenderPdf(s, 0.0), RenderError);
    CHECK_THROWS_AS(RenderPdf(s, 17.0), RenderError);
    CHECK(RenderPdf(s, 0.5).size() > 500);
    try {
        RenderPng(s, 16.0 * 16); // far too large: says what would do
        FAIL("not refused");
    } catch (const RenderError& e) {
        CHECK(std::string(e.what()).find("scale must be between") != std::string::npos);
    }
}
