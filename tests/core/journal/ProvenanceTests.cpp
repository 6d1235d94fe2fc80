// Every form item says where it comes from, and the statistics keys (fold,
// table, buyer, multiple-choice) are checked the way `templates check` does.
#include "TemplateFixtures.h"

#include "kartbok/journal/TemplateLoader.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace kartbok::journal;
using kartbok::test::Dump;
namespace fs = std::filesystem;

namespace {

const fs::path& kShipped = kartbok::test::kShippedTemplates;

/// One form with one item given as YAML lines (indented for an item).
TemplateLoadResult Item(const std::string& item, const std::string& header = "kind: form\n") {
    return ParseTemplate("id: x\nversion: 1\n" + header + "title: T\nsections:\n" +
                             "  - id: s\n    title: S\n    items:\n      - id: a\n" +
                             "        title: A\n" + item,
                         "x.yaml");
}

bool Says(const TemplateLoadResult& r, const std::string& text) {
    for (const auto& p : r.problems)
        if (p.message.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("every shipped form item names its source in words, and the table rows are the "
          "evaluation's",
          "[templates][provenance]") {
    const TemplateSet set = LoadTemplates(kShipped);
    REQUIRE(set.Ok());
    std::map<int, std::set<std::string>> rows;
    int clinicDefined = 0;
    for (const Template* t : set.OfKind(TemplateKind::Form))
        for (const TemplateItem* item : t->Items()) {
            INFO(t->id << "/" << item->id);
            CHECK(item->source.Known());
            CHECK(item->source.publication.find(".txt") == std::string::npos);
            clinicDefined += item->source.clinicDefined;
            if (item->table) {
                CHECK(Foldable(*item));
                CHECK_FALSE(item->source.clinicDefined);
                rows[item->table->number].insert(item->table->label.sv);
            }
        }
    CHECK(clinicDefined >= 10); // the items written under the national study's headings
    CHECK(rows[1] == std::set<std::string>{
                         "Har erfarenhet av att köpa sexuella tjänster",
                         "Har erfarenhet av att köpa sexuella tjänster under senaste året",
                         "Har partner", "Har barn",
                         "Upplever att sexuella beteendet varit destruktivt för sig själv",
                         "Upplever att sexuella tankar varit destruktiva för sig själv",
                         "Upplever att sexuella beteendet varit destruktivt för sina relationer"});
    CHECK(rows[2].size() == 9); // table 2: last year, and the eight about the treatment
    // The shipped checklists and the first visit name their sources too.
    for (const char* id : {"deep-interview", "relatives-support", "first-visit"})
        for (const TemplateItem* item : set.Find(id)->Items()) {
            INFO(id << "/" << item->id);
            CHECK(item->source.Known());
        }
    CHECK(set.Find("relatives-support")->forRelatives);
    CHECK_FALSE(set.Find("deep-interview")->forRelatives);

    // The content points the evaluation names, and past tense where the phase needs it.
    const Template* start = set.Find("form-start");
    CHECK(start->FindItem("problem-behaviours")->type == AnswerType::MultipleChoice);
    CHECK(start->FindItem("inadequacy"));
    CHECK(start->FindItem("self-image"));
    CHECK(start->FindItem("bought-sex-ever")->buyer);
    for (const char* form : {"form-end", "form-followup"}) {
        const Template* t = set.Find(form);
        INFO(form);
        CHECK(t->FindItem("guilt-and-shame")->title.sv.find("sökte hjälp") != std::string::npos);
        CHECK(t->FindItem("bought-sex-ever"));
        for (const TemplateItem* item : t->Items())
            CHECK(item->title.sv.find("söker hjälp för") == std::string::npos);
    }
    for (const char* id : {"sexual-fantasies", "sexual-relationship-partner", "self-perception"})
        CHECK(set.Find("deep-interview")->FindItem(id));
    for (const char* id : {"children-support", "parenting"})
        CHECK(set.Find("relatives-support")->FindItem(id));
    for (const char* id : {"problem-in-own-words", "goal", "target-group"})
        CHECK(set.Find("first-visit")->FindItem(id));
    std::set<std::string> methods;
    for (const auto& m : set.Find("note-soap")->methods)
        methods.insert(m.id);
    for (const char* id : {"stop-techniques", "stay-with-feeling", "self-compassion", "porn-stop"})
        CHECK(methods.count(id));
}

TEST_CASE("the lines the issue called translated read as Swedish now", "[templates][provenance]") {
    const TemplateSet set = LoadTemplates(kShipped);
    std::string all;
    for (const Template& t : set.templates)
        for (const TemplateItem* item : t.Items())
            all += item->title.sv + "\n" + item->help.sv + "\n";
    for (const char* translated :
         {"Känner du igen att ilska riktas mot dig som inte hör till dig",
          "Har du någon egen att prata med", "känslor sedan länge gjorts sexuella"})
        CHECK(all.find(translated) == std::string::npos);
}

TEST_CASE("source, fold, table, buyer and multiple-choice are checked", "[templates][provenance]") {
    CHECK(Says(Item("        type: yes-no\n"), "has no source"));
    CHECK(Item("        type: yes-no\n        source: clinic-defined\n").value);
    CHECK(Item("        type: yes-no\n        source: {clinic-defined: \"under rubriken X\"}\n")
              .value->FindItem("a")
              ->source.context == "under rubriken X");
    CHECK(Says(Item("        type: yes-no\n        source: {clinic-defined: \"\"}\n"),
               "needs the heading"));
    CHECK(Says(Item("        type: yes-no\n        source: \"seeds/000_6862fc90d5e3c368.txt\"\n"),
               "in words, not a file"));
    CHECK(Says(Item("        type: yes-no\n        source: \"000_6862fc90 table 1\"\n"),
               "in words, not a file"));
    // A note field may go without a source.
    CHECK(Item("        type: text-field\n", "kind: note\n").value);

    const std::string scale = "        type: scale\n        source: clinic-defined\n"
                              "        labels: [{value: 1, sv: a}, {value: 2, sv: b}, "
                              "{value: 3, sv: c}]\n";
    CHECK(Item(scale + "        fold: {yes: [3], no: [1, 2]}\n").value);
    CHECK(Says(Item(scale + "        fold: {yes: [3], no: [1]}\n"), "step '2' in exactly one"));
    CHECK(
        Says(Item(scale + "        fold: {yes: [3, 2], no: [1, 2]}\n"), "step '2' in exactly one"));
    CHECK(Says(Item(scale + "        fold: {yes: [4], no: [1, 2, 3]}\n"), "not one of the item's"));
    CHECK(
        Says(Item(scale + "        table: {number: 1, sv: R}\n"), "must be yes-no or have a fold"));
    CHECK(Says(Item(scale + "        buyer: true\n"), "can mark a buyer"));
    CHECK(Says(Item("        type: free-text\n        source: clinic-defined\n"
                    "        fold: {yes: [a], no: [b]}\n"),
               "only scale and frequency items have a fold"));
    CHECK(Says(Item("        type: yes-no\n        source: clinic-defined\n"
                    "        table: {number: 3, sv: R}\n"),
               "table 1 (start) and table 2 (end)"));
    CHECK(Says(
        Item("        type: yes-no\n        source: clinic-defined\n        table: {number: 1}\n"),
        "row's Swedish text"));
    const auto yesNo = Item("        type: yes-no\n        source: clinic-defined\n"
                            "        table: {number: 1, sv: R, en: Row}\n        buyer: true\n");
    INFO(Dump(yesNo.problems));
    REQUIRE(yesNo.value);
    CHECK(yesNo.value->FindItem("a")->table->label.In("en") == "Row");
    CHECK(yesNo.value->FindItem("a")->buyer);

    const auto multi = Item("        type: multiple-choice\n        source: clinic-defined\n"
                            "        options: [{value: x, sv: X}, {value: y, sv: Y}]\n");
    REQUIRE(multi.value);
    CHECK(Says(Item("        type: multiple-choice\n        source: clinic-defined\n"
                    "        options: [{value: \"x,y\", sv: X}, {value: y, sv: Y}]\n"),
               "has a comma"));
    CHECK(Says(Item("        type: multiple-choice\n        source: clinic-defined\n"),
               "needs options"));
    CHECK(SplitChoices("x,y") == std::vector<std::string>{"x", "y"});
    CHECK(SplitChoices("") == std::vector<std::string>{});
    CHECK(JoinChoices({"x", "y"}) == "x,y");
    CHECK(FoldedYes(*yesNo.value->FindItem("a"), "yes") == true);
    CHECK_FALSE(FoldedYes(*yesNo.value->FindItem("a"), "maybe").has_value());

    CHECK(Says(Item("        type: text-field\n", "kind: note\naudience: relative\n"),
               "only checklists and forms have an audience"));
    CHECK(Says(Item("        type: yes-no\n        source: clinic-defined\n",
                    "kind: form\naudience: partner\n"),
               "unknown audience"));
    CHECK(Item("        type: yes-no\n        source: clinic-defined\n",
               "kind: form\naudience: relative\n")
              .value->forRelatives);
}
