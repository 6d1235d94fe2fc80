// Templates: every shipped one loads, broken ones are reported with file:line,
// clinics can add and override, and answers survive new versions.
#include "TemplateFixtures.h"

#include "kartbok/journal/ChecklistCommands.h"
#include "kartbok/journal/JournalError.h"
#include "kartbok/journal/TemplateLoader.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>

using namespace kartbok::journal;
using kartbok::test::Dump;
namespace fs = std::filesystem;

namespace {
const fs::path kData = fs::path(KARTBOK_TEST_DATA) / "templates";
const fs::path& kShipped = kartbok::test::kShippedTemplates;

void CheckBilingual(const LocalText& text, const std::string& where) {
    INFO(where);
    CHECK_FALSE(text.sv.empty());
    CHECK_FALSE(text.en.empty());
}
} // namespace

TEST_CASE("every shipped template loads without problems, in Swedish and English", "[templates]") {
    const TemplateSet set = LoadTemplates(kShipped);
    INFO(Dump(set));
    REQUIRE(set.Ok());
    std::set<std::string> ids;
    for (const Template& t : set.templates)
        ids.insert(t.id);
    CHECK(ids == std::set<std::string>{"deep-interview", "first-visit", "form-end", "form-followup",
                                       "form-start", "note-closing", "note-dap", "note-followup",
                                       "note-free", "note-soap", "relatives-support"});
    // Version 2: the clinical model's additions (provenance, new items and topics).
    const std::set<std::string> second{"deep-interview", "first-visit", "form-end",
                                       "form-followup",  "form-start",  "relatives-support"};
    for (const Template& t : set.templates) {
        CHECK(t.version == (second.count(t.id) ? 2 : 1));
        CheckBilingual(t.title, t.id);
        CheckBilingual(t.description, t.id + " description");
        for (const TemplateSection& s : t.sections) {
            CheckBilingual(s.title, t.id + "/" + s.id);
            for (const TemplateItem& item : s.items) {
                CheckBilingual(item.title, t.id + "/" + item.id);
                if (!item.help.sv.empty())
                    CheckBilingual(item.help, t.id + "/" + item.id + " help");
                for (const Choice& c : item.choices)
                    CheckBilingual(c.label, t.id + "/" + item.id + "/" + c.value);
            }
        }
        for (const TemplateMethod& m : t.methods)
            CheckBilingual(m.title, t.id + "/" + m.id);
        if (t.kind == TemplateKind::Note)
            CHECK(t.methods.size() == 10);
    }
    CHECK(set.OfKind(TemplateKind::Form).size() == 3);
    CHECK(set.OfKind(TemplateKind::Checklist).size() == 2);
}

TEST_CASE("the deep interview covers the method's topics", "[templates]") {
    const TemplateSet set = LoadTemplates(kShipped);
    const Template* t = set.Find("deep-interview");
    REQUIRE(t);
    CHECK(t->kind == TemplateKind::Checklist);
    for (const char* id :
         {"family-map-three-generations", "childhood", "childhood-interests", "childhood-school",
          "childhood-friends", "childhood-experiences", "upbringing-patterns",
          "upbringing-attitudes", "upbringing-behaviours", "upbringing-norms", "vulnerability",
          "puberty", "sexual-debut", "sexual-experiences", "first-love", "relationships",
          "first-purchase-or-onset"}) {
        INFO(id);
        CHECK(t->FindItem(id));
    }
    CHECK_FALSE(t->FindItem("first-purchase-or-onset")->help.sv.empty());
    const Template* relatives = set.Find("relatives-support");
    REQUIRE(relatives);
    for (const char* id :
         {"loss-of-control", "taking-on-guilt", "taking-on-shame", "target-of-partners-release"})
        CHECK(relatives->FindItem(id));
    const Template* soap = set.Find("note-soap");
    REQUIRE(soap);
    CHECK(soap->methods[3].id == "emotion-vocabulary");
    CHECK(soap->methods[3].title.sv == "Känslospråksalfabet");
}

TEST_CASE("the three self-rating forms share ids so answers compare over time", "[templates]") {
    const TemplateSet set = LoadTemplates(kShipped);
    const Template* start = set.Find("form-start");
    const Template* end = set.Find("form-end");
    const Template* follow = set.Find("form-followup");
    REQUIRE((start && end && follow));
    CHECK(start->phase == FormPhase::Start);
    CHECK(end->phase == FormPhase::End);
    CHECK(follow->phase == FormPhase::FollowUp);
    for (const Template* t : {start, end, follow}) {
        INFO(t->id);
        const TemplateItem* freq = t->FindItem("problem-behaviour-frequency");
        REQUIRE(freq);
        CHECK(freq->type == AnswerType::Frequency);
        CHECK(freq->choices.size() == 7);
        for (const char* id :
             {"bought-sex-last-year", "has-partner", "has-children", "behaviour-destructive-self",
              "thoughts-destructive-self", "behaviour-destructive-relations", "can-stop-impulses"})
            CHECK(t->FindItem(id));
        for (const char* section : {"relations", "feelings-and-needs", "alcohol-and-drugs",
                                    "sexuality", "reasons-and-expectations"})
            CHECK(std::any_of(t->sections.begin(), t->sections.end(),
                              [&](const TemplateSection& s) { return s.id == section; }));
    }
    CHECK(start->FindItem("bought-sex-ever"));
    for (const Template* t : {end, follow})
        for (const char* id : {"could-come-often-enough", "could-come-long-enough",
                               "respectful-treatment", "non-judgmental-treatment",
                               "dignified-treatment", "could-talk-difficult-sexual-matters",
                               "got-help-expected", "treatment-helped-stop-impulses"})
            CHECK(t->FindItem(id));
    const TemplateItem* scale = start->FindItem("behaviour-destructive-self");
    CHECK(scale->type == AnswerType::Scale);
    CHECK(scale->choices.front().value == "1");
    CHECK(scale->choices.back().label.In("en") == "Completely true");
}

TEST_CASE("broken templates are rejected with the right message and file:line", "[templates]") {
    struct Expect {
        const char* file;
        int line;
        const char* message;
    };
    const std::vector<Expect> expected{
        {"duplicate-id.yaml", 14, "duplicate item id 'childhood'"},
        {"unknown-type.yaml", 10, "unknown answer type 'slider'"},
        {"missing-swedish.yaml", 10, "has no Swedish text (sv)"},
        {"missing-header.yaml", 2, "template has no id"},
        {"missing-header.yaml", 2, "template has no version"},
        {"missing-header.yaml", 2, "template has no kind"},
        {"replaces-dangling.yaml", 14, "'school' -> 'schooldays' points to no item of version 2"},
        {"scale-without-labels.yaml", 9, "needs labels"},
        {"bad-yaml.yaml", 5, "not valid YAML"},
        {"unknown-key.yaml", 7, "unknown key 'titel'"},
        {"bad-id-and-version.yaml", 1, "id 'Bad Id' must be lowercase"},
        {"bad-id-and-version.yaml", 2, "version must be a whole number, not 'one'"},
        {"bad-id-and-version.yaml", 3, "unknown kind 'diary'"},
        {"bad-id-and-version.yaml", 9, "id 'Item_1' must be lowercase"},
    };
    for (const Expect& e : expected) {
        const fs::path file = kData / "broken" / e.file;
        const TemplateLoadResult r = LoadTemplateFile(file);
        INFO(e.file << "\n" << Dump(r.problems));
        CHECK_FALSE(r.value);
        const bool found = std::any_of(r.problems.begin(), r.problems.end(), [&](const auto& p) {
            return p.line == e.line && p.file == file.string() &&
                   p.message.find(e.message) != std::string::npos;
        });
        CHECK(found);
    }
    // Problems print as compilers print them, so editors can jump to them.
    const auto r = LoadTemplateFile(kData / "broken" / "unknown-type.yaml");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].ToString() == (kData / "broken" / "unknown-type.yaml").string() +
                                          ":10:15: item 'mood': unknown answer type 'slider' (use "
                                          "yes-no, scale, number, frequency, multiple-choice, "
                                          "free-text or text-field)");

    const TemplateSet set = LoadTemplates(kData / "broken");
    CHECK(set.templates.empty());
    CHECK(set.unavailable.size() == 9);
    const TemplateSet missing = LoadTemplates(kData / "no-such-folder");
    REQUIRE(missing.unavailable.size() == 1);
    CHECK_THAT(missing.unavailable[0].problems[0].message,
               Catch::Matchers::Contains("does not exist"));
}

TEST_CASE("a clinic folder adds templates and overrides shipped ones", "[templates]") {
    const TemplateSet set = LoadTemplates(kShipped, kData / "clinic");
    // The clinic's broken template is listed, and does not stop the rest.
    REQUIRE(set.unavailable.size() == 1);
    CHECK_THAT(set.unavailable[0].file, Catch::Matchers::EndsWith("broken-clinic.yaml"));
    CHECK(set.templates.size() == 12);

    const Template* free = set.Find("note-free");
    REQUIRE(free);
    CHECK(free->title.sv == "Fri anteckning (Malmö)"); // equal version: the clinic wins
    CHECK(free->title.In("en") == "Free note (Malmö)");
    CHECK(free->sections[0].title.In("en") == "Anteckning"); // English falls back to Swedish
    const auto index = static_cast<std::size_t>(free - set.templates.data());
    CHECK(set.origins[index] == TemplateOrigin::Clinic);
    CHECK(set.origins[0] == TemplateOrigin::Clinic); // clinic-intake sorts first
    const Template* intake = set.Find("clinic-intake");
    REQUIRE(intake);
    CHECK(intake->FindItem("sessions-wanted")->max == 100);
    CHECK(std::any_of(set.notices.begin(), set.notices.end(), [](const std::string& n) {
        return n.find("replaces") != std::string::npos;
    }));

    // An older clinic copy never replaces a newer shipped one.
    const TemplateSet older = LoadTemplates(kData / "deep-interview-v2", kShipped);
    REQUIRE(older.Find("deep-interview"));
    CHECK(older.Find("deep-interview")->version == 3);
    CHECK(std::any_of(older.notices.begin(), older.notices.end(),
                      [](const std::string& n) { return n.find("ignored") != std::string::npos; }));
}

TEST_CASE("checklist answers stored under version 1 open under a clinic's version 3",
          "[templates]") {
    const TemplateSet set = LoadTemplates(kShipped, kData / "deep-interview-v2");
    INFO(Dump(set));
    REQUIRE(set.Ok());
    const Template* v2 = set.Find("deep-interview");
    REQUIRE(v2);
    REQUIRE(v2->version == 3);

    const std::vector<TopicEntry> v1{
        {"childhood", TopicState::Covered, "Trygg", {"s1"}, {1}},
        {"childhood-interests", TopicState::Covered, "Fotboll", {"s1"}, {}},
        {"childhood-friends", TopicState::NotYet, "", {"s2"}, {4}},
        {"upbringing-patterns", TopicState::Partly, "", {}, {}},
        {"first-purchase-or-onset", TopicState::Covered, "", {"s3"}, {}},
        {"retired-item", TopicState::Covered, "Kvar", {}, {}},
    };
    const MappedTopics mapped = MapAnswers(*v2, "deep-interview", 1, v1);
    REQUIRE(mapped.entries.size() == 4);
    CHECK(mapped.entries[0].itemId == "childhood");
    CHECK(mapped.entries[1].itemId == "childhood-interests-and-friends");
    CHECK(mapped.entries[1].state == TopicState::Partly); // covered + not yet
    CHECK(mapped.entries[1].note == "Fotboll");
    CHECK(mapped.entries[1].sessionIds == std::vector<std::string>{"s1", "s2"});
    CHECK(mapped.entries[1].people == std::vector<kartbok::genogram::PersonId>{4});
    CHECK(mapped.entries[2].itemId == "upbringing-imprinting");
    CHECK(mapped.entries[3].itemId == "behaviour-onset");
    REQUIRE(mapped.unmapped.size() == 1);
    CHECK(mapped.unmapped[0].note == "Kvar");

    // Same version: nothing moves.
    CHECK(MapAnswers(*v2, "deep-interview", 3, mapped.entries).entries == mapped.entries);
    CHECK_THROWS_AS(MapAnswers(*v2, "form-start", 1, v1), JournalError);
    CHECK_THROWS_AS(MapAnswers(*v2, "deep-interview", 4, v1), JournalError);

    // Upgrading a case's run is one command.
    Case c;
    c.sessions = {Session{}, Session{}, Session{}};
    c.sessions[0].id = "s1";
    c.sessions[1].id = "s2";
    c.sessions[2].id = "s3";
    c.checklists.push_back({"deep-interview", 1, v1});
    const Case before = c;
    UpgradeChecklist upgrade(UpgradeRun(*v2, c.checklists[0]));
    upgrade.Apply(c);
    CHECK(c.checklists[0].templateVersion == 3);
    CHECK(c.checklists[0].entries.size() == 4);
    upgrade.Revert(c);
    CHECK(c == before);
}

TEST_CASE("form answers follow a chain of versions", "[templates]") {
    Template t;
    t.id = "form-x";
    t.version = 3;
    t.kind = TemplateKind::Form;
    TemplateSection section;
    section.id = "s";
    for (const char* id : {"c", "d"}) {
        TemplateItem item;
        item.id = id;
        section.items.push_back(item);
    }
    t.sections.push_back(section);
    t.replaces[1] = {{"a", "b"}};
    t.replaces[2] = {{"b", "c"}, {"x", "d"}};
    CHECK(MapItemId(t, 1, "a") == "c");
    CHECK(MapItemId(t, 2, "b") == "c");
    CHECK(MapItemId(t, 2, "a") == std::nullopt); // "a" was gone by version 2
    CHECK(MapItemId(t, 3, "d") == "d");

    const MappedAnswers m =
        MapAnswers(t, "form-x", 2, {{"b", "3"}, {"x", "yes"}, {"c", "4"}, {"gone", "1"}});
    REQUIRE(m.answers.size() == 2);
    CHECK(m.answers[0] == FormAnswer{"c", "3"});
    CHECK(m.answers[1] == FormAnswer{"d", "yes"});
    REQUIRE(m.unmapped.size() == 2); // "c" collided with the renamed "b"; "gone" retired
    CHECK(m.unmapped[0].itemId == "c");
}

TEST_CASE("templates parse from text with every problem reported at once", "[templates]") {
    const auto r = ParseTemplate(
        "id: x\nversion: 1\nkind: form\ntitle: T\nsections:\n"
        "  - id: s\n    title: S\n    items:\n"
        "      - id: a\n        title: A\n        source: clinic-defined\n"
        "      - id: b\n        type: number\n        min: 5\n        max: 1\n        title: B\n"
        "        source: clinic-defined\n"
        "      - id: c\n        type: yes-no\n        labels: []\n        title: C\n",
        "inline.yaml");
    INFO(Dump(r.problems));
    CHECK(r.problems.size() == 4); // a: no type; b: min > max; c: no source, labels on yes-no
    CHECK(r.problems[0].line == 9);
    CHECK(r.problems[0].message.find("has no type") != std::string::npos);
}

TEST_CASE("a key written twice is reported, not silently dropped", "[templates]") {
    const auto r =
        ParseTemplate("id: x\nversion: 1\nkind: note\ntitle: T\ntitle: U\nsections:\n"
                      "  - id: s\n    title: S\n    items:\n      - id: a\n        title: A\n",
                      "twice.yaml");
    INFO(Dump(r.problems));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 5);
    CHECK(r.problems[0].message == "template: key 'title' appears twice");
}

TEST_CASE("the example in templates/README.md is a valid template", "[templates]") {
    std::ifstream in(kShipped / "README.md");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto start = text.find("```yaml\n", text.find("## A short, complete example"));
    REQUIRE(start != std::string::npos);
    const auto from = start + 8;
    const auto r = ParseTemplate(text.substr(from, text.find("```", from) - from), "README.md");
    INFO(Dump(r.problems));
    REQUIRE(r.value);
    CHECK(r.value->Items().size() == 4);
    CHECK(r.value->phase == FormPhase::End);
}
