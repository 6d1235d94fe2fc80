// The scene draws the notation of docs/design.md; checked on the shapes it emits.

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/FamilyBuilder.h"
#include "kartbok/genogram/Labels.h"
#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/Roles.h"
#include "kartbok/genogram/Sample.h"
#include "kartbok/genogram/Scene.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

using namespace kartbok::genogram;
using kartbok::LabelTable;

namespace {

SceneOptions Options(bool deidentify = false, const std::string& language = "sv") {
    SceneOptions o;
    o.currentYear = 2025;
    o.deidentify = deidentify;
    o.language = language;
    return o;
}

std::vector<const SceneItem*> ItemsOf(const Scene& scene, SceneItem::Owner owner, Id id) {
    std::vector<const SceneItem*> out;
    for (const SceneItem& item : scene.items)
        if (item.owner == owner && item.id == id)
            out.push_back(&item);
    return out;
}

std::vector<std::string> Texts(const Scene& scene) {
    std::vector<std::string> out;
    for (const SceneItem& item : scene.items)
        if (const auto* t = std::get_if<TextShape>(&item.shape))
            out.push_back(t->text);
    return out;
}

bool HasText(const Scene& scene, const std::string& text) {
    auto texts = Texts(scene);
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

/// Outlines drawn around a person's centre (squares as closed paths, circles).
int Outlines(const Scene& scene, PersonId id) {
    int n = 0;
    for (const SceneItem* item : ItemsOf(scene, SceneItem::Owner::Person, id)) {
        if (const auto* p = std::get_if<PathShape>(&item->shape))
            n += p->closed && !p->filled && p->points.size() >= 4;
        if (const auto* c = std::get_if<CircleShape>(&item->shape))
            n += !c->filled;
    }
    return n;
}

/// Straight two-point lines of a person (the X of the deceased, among others).
int Crossings(const Scene& scene, PersonId id) {
    int n = 0;
    for (const SceneItem* item : ItemsOf(scene, SceneItem::Owner::Person, id))
        if (const auto* p = std::get_if<PathShape>(&item->shape))
            n += !p->closed && p->points.size() == 2;
    return n;
}

PersonId Find(const Family& f, const std::string& given) {
    for (const Person& p : f.people)
        if (p.givenNames == given)
            return p.id;
    return kNoId;
}

} // namespace

TEST_CASE("the index person has a double outline, others a single one", "[scene]") {
    Family f = RichSampleFamily();
    Scene scene = BuildScene(f, ComputeLayout(f), Options());
    CHECK(Outlines(scene, Find(f, "Johan")) == 2);
    CHECK(Outlines(scene, Find(f, "Emma")) == 1);
    CHECK(Outlines(scene, Find(f, "Lars")) == 1);
}

TEST_CASE("the deceased are crossed out and show age at death", "[scene]") {
    Family f = RichSampleFamily();
    Scene scene = BuildScene(f, ComputeLayout(f), Options());
    PersonId gustav = Find(f, "Gustav"), elsa = Find(f, "Elsa");
    CHECK(Crossings(scene, gustav) == 2);
    CHECK(Crossings(scene, elsa) == 0);
    CHECK(HasText(scene, "1998"));
    CHECK(HasText(scene, "67")); // 1931-1998
    CHECK(HasText(scene, "91")); // Elsa, alive in 2025
}

TEST_CASE("names, notes and years are written; Swedish letters survive", "[scene]") {
    Family f = RichSampleFamily();
    Scene scene = BuildScene(f, ComputeLayout(f), Options());
    CHECK(HasText(scene, "Johan Lindqvist"));
    CHECK(HasText(scene, "Snickare, Borås"));
    CHECK(HasText(scene, "g. 1980, sep. 1993,"));
    CHECK(HasText(scene, "sk. 1995"));
    CHECK(HasText(scene, "Missfall"));
    CHECK(HasText(scene, "Teckenförklaring"));
    CHECK(HasText(scene, "Beteendet klienten söker hjälp för"));
    CHECK(HasText(scene, "Psykisk ohälsa"));
    Scene en = BuildScene(f, ComputeLayout(f), Options(false, "en"));
    CHECK(HasText(en, "m. 1980, sep. 1993,"));
    CHECK(HasText(en, "d. 1995"));
    CHECK(HasText(en, "Legend"));
}

TEST_CASE("a de-identified map shows roles, ages and no names", "[scene]") {
    Family f = RichSampleFamily();
    Scene scene = BuildScene(f, ComputeLayout(f), Options(true));
    std::set<std::string> names;
    for (const Person& p : f.people) {
        if (!p.givenNames.empty())
            names.insert(p.givenNames);
        if (!p.surname.empty())
            names.insert(p.surname);
        if (!p.occupation.empty())
            names.insert(p.occupation);
    }
    for (const Household& h : f.households)
        names.insert(h.label);
    for (const std::string& text : Texts(scene)) {
        for (const std::string& name : names)
            CHECK(text.find(name) == std::string::npos);
        CHECK(text.find("19") != 0); // no years
        CHECK(text.find("20") != 0);
    }
    CHECK(HasText(scene, "Klient"));
    CHECK(HasText(scene, "Mor"));
    CHECK(HasText(scene, "Far"));
    CHECK(HasText(scene, "Farfar"));
    CHECK(HasText(scene, "Moster"));
    CHECK(HasText(scene, "42")); // ages stay
    Scene en = BuildScene(f, ComputeLayout(f), Options(true, "en"));
    CHECK(HasText(en, "Client"));
    CHECK(HasText(en, "Maternal grandmother"));
}

TEST_CASE("the legend lists only what the map uses", "[scene]") {
    FamilyBuilder b("Testsson");
    PersonId a = b.Man("A", FuzzyDate::Year(1950)), c = b.Woman("C", FuzzyDate::Year(1952));
    b.Couple(a, c);
    b.P(a).conditions = kConditionSubstance;
    RelationId conflict = b.Relate(a, c, RelationKind::Conflict);
    Scene scene = BuildScene(b.family, ComputeLayout(b.family), Options());
    CHECK(HasText(scene, "Alkohol eller droger"));
    CHECK(HasText(scene, "Konflikt"));
    CHECK_FALSE(HasText(scene, "Fysisk sjukdom"));
    CHECK_FALSE(HasText(scene, "Nära"));
    CHECK_FALSE(ItemsOf(scene, SceneItem::Owner::Relation, conflict).empty());
    CHECK_FALSE(ItemsOf(scene, SceneItem::Owner::Legend, kNoId).empty());

    FamilyBuilder plain("Testsson");
    plain.Man("Solo", FuzzyDate::Year(1970));
    Scene bare = BuildScene(plain.family, ComputeLayout(plain.family), Options());
    CHECK(ItemsOf(bare, SceneItem::Owner::Legend, kNoId).empty());
}

TEST_CASE("the legend calls relations and conditions what the label tables call them",
          "[scene][labels]") {
    // Every relation kind and every condition, each also in recovery, on one map.
    FamilyBuilder b("Testsson");
    for (const auto& row : LabelTable<RelationKind>())
        b.Relate(b.Man("A"), b.Woman("B"), row.value);
    for (const auto& row : LabelTable<Condition>()) {
        b.P(b.Man("Ill")).conditions = row.value;
        PersonId better = b.Woman("Better");
        b.P(better).conditions = b.P(better).recovering = row.value;
    }
    for (const std::string language : {"sv", "en"}) {
        Scene scene = BuildScene(b.family, ComputeLayout(b.family), Options(false, language));
        std::set<std::string> legend;
        for (const SceneItem* item : ItemsOf(scene, SceneItem::Owner::Legend, kNoId))
            if (const auto* t = std::get_if<TextShape>(&item->shape); t && t->text.size() > 1)
                legend.insert(t->text); // (one letter: "F", "S"... on an abuse sample)
        std::set<std::string> words{language == "sv" ? "Teckenförklaring" : "Legend"};
        for (const auto& row : LabelTable<RelationKind>())
            words.insert(std::string(row.text.In(language)));
        for (const auto& row : LabelTable<Condition>()) {
            words.insert(std::string(row.text.In(language)));
            words.insert(std::string(row.text.In(language)) +
                         (language == "sv" ? ", i återhämtning" : ", in recovery"));
        }
        // The same words, no other form of them (the legend once had its own list).
        CHECK(legend == words);
    }
}

TEST_CASE("every item has an owner and lies inside the drawing", "[scene]") {
    Family f = RichSampleFamily();
    Layout layout = ComputeLayout(f);
    Scene scene = BuildScene(f, layout, Options());
    CHECK(scene.size.width >= layout.bounds.width);
    CHECK(scene.size.height > layout.bounds.height); // legend below
    CHECK(scene.personCentres.size() == f.people.size());
    std::set<SceneItem::Owner> owners;
    for (const SceneItem& item : scene.items) {
        owners.insert(item.owner);
        CHECK(item.owner != SceneItem::Owner::None);
        auto inside = [&](Point p) {
            return p.x >= 0 && p.y >= 0 && p.x <= scene.size.width && p.y <= scene.size.height;
        };
        if (const auto* p = std::get_if<PathShape>(&item.shape))
            for (Point pt : p->points)
                CHECK(inside(pt));
        if (const auto* t = std::get_if<TextShape>(&item.shape))
            CHECK(inside(t->at));
    }
    CHECK(owners.count(SceneItem::Owner::Person));
    CHECK(owners.count(SceneItem::Owner::Union));
    CHECK(owners.count(SceneItem::Owner::Relation));
    CHECK(owners.count(SceneItem::Owner::Household));
    CHECK(owners.count(SceneItem::Owner::Legend));
}

TEST_CASE("every relation kind and every union kind is drawn", "[scene]") {
    Family f = RichSampleFamily();
    Scene scene = BuildScene(f, ComputeLayout(f), Options());
    for (const Relation& r : f.relations)
        CHECK_FALSE(ItemsOf(scene, SceneItem::Owner::Relation, r.id).empty());
    for (const Union& u : f.unions)
        CHECK_FALSE(ItemsOf(scene, SceneItem::Owner::Union, u.id).empty());
    CHECK(HasText(scene, "affär 2022"));
}

TEST_CASE("long names are wrapped and shortened, never dropped", "[scene]") {
    FamilyBuilder b("Testsson");
    PersonId p = b.Woman("Anna-Karin Margareta Elisabeth Charlotta", FuzzyDate::Year(1950));
    b.P(p).surname = "Gyllenstierna af Lundholm";
    b.P(p).occupation = "Specialistsjuksköterska inom barn- och ungdomspsykiatri";
    Scene scene = BuildScene(b.family, ComputeLayout(b.family), Options());
    int lines = 0;
    for (const SceneItem* item : ItemsOf(scene, SceneItem::Owner::Person, p))
        if (const auto* t = std::get_if<TextShape>(&item->shape))
            lines += t->text.find("Anna-Karin") != std::string::npos ||
                     t->text.find("\u2026") != std::string::npos;
    CHECK(lines >= 1);
}

TEST_CASE("scene of an empty family is empty but valid", "[scene]") {
    Family f;
    Scene scene = BuildScene(f, ComputeLayout(f), Options());
    CHECK(scene.items.empty());
    CHECK(scene.size.width > 0);
}

TEST_CASE("roles relative to the client", "[roles]") {
    Family f = RichSampleFamily();
    PersonId index = *f.IndexPerson();
    auto sv = RoleNames(f, index, "sv");
    auto en = RoleNames(f, index, "en");
    CHECK(sv.at(index) == "Klient");
    CHECK(sv.at(Find(f, "Anna")) == "Mor");
    CHECK(sv.at(Find(f, "Lars")) == "Far");
    CHECK(sv.at(Find(f, "Gustav")) == "Farfar");
    CHECK(sv.at(Find(f, "Elsa")) == "Farmor");
    CHECK(sv.at(Find(f, "Bengt")) == "Morfar");
    CHECK(sv.at(Find(f, "Karin")) == "Mormor");
    CHECK(sv.at(Find(f, "Per")) == "Farbror");
    CHECK(sv.at(Find(f, "Eva")) == "Moster");
    CHECK(sv.at(Find(f, "Sara")) == "Kusin");
    CHECK(sv.at(Find(f, "Emma")) == "Syster");
    CHECK(sv.at(Find(f, "Erik")) == "Bror");
    CHECK(sv.at(Find(f, "Oskar")) == "Halvbror");
    CHECK(sv.at(Find(f, "Maria")) == "Styvmor");
    CHECK(sv.at(Find(f, "Stefan")) == "Styvfar");
    CHECK(sv.at(Find(f, "Sofia")) == "Fru");
    CHECK(sv.at(Find(f, "Linda")) == "Tidigare sambo");
    CHECK(sv.at(Find(f, "Alva")) == "Dotter 1");
    CHECK(sv.at(Find(f, "Ella")) == "Dotter 2");
    CHECK(sv.at(Find(f, "Adam")) == "Adoptivson");
    CHECK(sv.at(Find(f, "Bertil")) == "Betydelsefull person");
    CHECK(en.at(index) == "Client");
    CHECK(en.at(Find(f, "Karin")) == "Maternal grandmother");
    CHECK(en.at(Find(f, "Per")) == "Paternal uncle");
    CHECK(en.at(Find(f, "Oskar")) == "Half-brother");
    CHECK(sv.size() == f.people.size());
}

TEST_CASE("people with no nameable relation become Person n", "[roles]") {
    FamilyBuilder b("Testsson");
    PersonId client = b.Man("Client");
    b.P(client).isIndex = true;
    PersonId stranger = b.Woman("Stranger");
    auto roles = RoleNames(b.family, client, "sv");
    CHECK(roles.at(stranger) == "Person 1");
    auto none = RoleNames(b.family, kNoId, "en");
    CHECK(none.at(client) == "Person 1");
}

TEST_CASE("identical twins are joined by a level bar, also when one is the client",
          "[scene][twins]") {
    // The client's double outline stands taller than the twin's single one;
    // the bar must still be level, not slanted between the two legs.
    FamilyBuilder b("Testsson");
    const PersonId father = b.Man("Lars", FuzzyDate::Year(1950)),
                   mother = b.Woman("Karin", FuzzyDate::Year(1952));
    const PersonId client = b.Man("Johan", FuzzyDate::Year(1983));
    b.Child(b.Couple(father, mother), client, 0);
    b.P(client).isIndex = true;
    Family f = b.family;
    AddTwin twin(client, TwinKind::Identical);
    twin.Apply(f);
    const Scene scene = BuildScene(f, ComputeLayout(f), Options());
    int bars = 0;
    for (const SceneItem& item : scene.items) {
        const auto* p = std::get_if<PathShape>(&item.shape);
        if (item.part != SceneItem::Part::ChildLine || !p || p->points.size() != 2)
            continue;
        const double dx = std::abs(p->points[1].x - p->points[0].x);
        const double dy = std::abs(p->points[1].y - p->points[0].y);
        // Legs slant down to each twin; a bar runs across between them.
        if (dx > 4 * dy + 1) {
            ++bars;
            CHECK(dy < 0.01);
        }
    }
    CHECK(bars == 1);
}
