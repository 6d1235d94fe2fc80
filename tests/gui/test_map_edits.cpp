// The map edits and the painter's geometry, through the document: growth,
// merged typing, undo and redo, a scaffold parent brought out, shading clipped.
#include <catch2/catch.hpp>

#include "DocumentFixture.h"
#include "map/FamilyEdits.h"
#include "map/ScenePainter.h"
#include "model/CaseDocument.h"

#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Scaffold.h"
#include "kartbok/vault/Vault.h"

using namespace kartbok;
using namespace kartbok::app;

TEST_CASE("condition shading is clipped to the symbol outline", "[gui][presenter]") {
    // A diamond around (0,0) with radius 10: each quadrant is a right triangle of area 50.
    const std::vector<genogram::Point> diamond{{0, -10}, {10, 0}, {0, 10}, {-10, 0}};
    for (int q = 0; q < 4; ++q) {
        const auto poly = ClipToQuadrant(diamond, {0, 0}, q, 10);
        double area = 0;
        for (std::size_t i = 0; i < poly.size(); ++i) {
            const auto& a = poly[i];
            const auto& b = poly[(i + 1) % poly.size()];
            area += a.x * b.y - b.x * a.y;
        }
        CHECK(std::abs(area) / 2 == Approx(50));
    }
}

TEST_CASE("every edit goes through the document: undo, redo, dirty, merged typing",
          "[gui][presenter]") {
    test::DocumentFixture f;
    auto& doc = *f.doc;
    const auto before = doc.Family();
    const genogram::PersonId client = *doc.Family().IndexPerson();
    CHECK_FALSE(doc.IsDirty());

    auto grow = MakeGrowth(doc.Family(), client, Growth::Partner);
    doc.Execute(std::move(grow.edit));
    const genogram::PersonId partner = grow.created();
    CHECK(doc.IsDirty());
    CHECK(genogram::PartnersOf(doc.Family(), client) == std::vector{partner});
    CHECK(doc.NextUndo()->Label() == "Add partner to Anna");

    // Typing "Eva" letter by letter in one field visit is one undo step.
    for (const char* name : {"E", "Ev", "Eva"}) {
        auto p = *doc.Family().FindPerson(partner);
        p.givenNames = name;
        doc.Execute(MakeSetPerson(doc.Family(), p, "person:name:1"));
    }
    CHECK(doc.Family().FindPerson(partner)->givenNames == "Eva");
    doc.Undo();
    CHECK(doc.Family().FindPerson(partner)->givenNames.empty());
    doc.Redo();
    CHECK(doc.Family().FindPerson(partner)->givenNames == "Eva");

    doc.Save();
    CHECK_FALSE(doc.IsDirty());
    CHECK(f.vault->LoadCase(doc.Id()).family == doc.Family());
    doc.Undo();
    doc.Undo();
    CHECK(doc.IsDirty());
    CHECK(doc.Family() == before);
    CHECK_FALSE(doc.CanUndo());
}

TEST_CASE("a scaffold parent is brought out instead of adding a third parent", "[gui][presenter]") {
    test::DocumentFixture f;
    const genogram::ScaffoldIds ids;
    auto grow = MakeGrowth(f.doc->Family(), ids.client, Growth::Father);
    f.doc->Execute(std::move(grow.edit));
    CHECK(grow.created() == ids.father);
    CHECK_FALSE(f.doc->Family().FindPerson(ids.father)->placeholder);
    CHECK(genogram::ParentsOf(f.doc->Family(), ids.client).size() == 2);
}
