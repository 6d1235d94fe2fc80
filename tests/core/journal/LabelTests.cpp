// The label tables the app and the reports both read: every value of every
// enum has one row, in both languages, and no two values share a name (a
// choice listing both could not be told apart).
#include <catch2/catch.hpp>

#include "kartbok/journal/Labels.h"

#include <set>
#include <string>

using namespace kartbok;

namespace {

/// Checks E's table: values 0..n-1 each once (so a value added to the enum
/// after the last row, or skipped in the middle, is caught as soon as a later
/// value has a row), both languages present and distinct within the table.
template <class E> void CheckTable(const char* name, bool bitmask = false) {
    INFO(name);
    const auto table = LabelTable<E>();
    REQUIRE_FALSE(table.empty());
    std::set<unsigned> values;
    std::set<std::string_view> sv, en;
    for (const auto& row : table) {
        CHECK(values.insert(static_cast<unsigned>(row.value)).second);
        CHECK_FALSE(row.text.sv.empty());
        CHECK_FALSE(row.text.en.empty());
        CHECK(sv.insert(row.text.sv).second);
        CHECK(en.insert(row.text.en).second);
        CHECK(LabelOf(row.value, "sv") == row.text.sv);
        CHECK(LabelOf(row.value, "en") == row.text.en);
    }
    unsigned expected = bitmask ? 1 : 0;
    for (unsigned v : values) {
        CHECK(v == expected);
        expected = bitmask ? expected << 1 : expected + 1;
    }
}

} // namespace

TEST_CASE("every enum value has one name in Swedish and English", "[labels]") {
    CheckTable<genogram::Gender>("Gender");
    CheckTable<genogram::PersonKind>("PersonKind");
    CheckTable<genogram::UnionKind>("UnionKind");
    CheckTable<genogram::UnionEventKind>("UnionEventKind");
    CheckTable<genogram::ChildKind>("ChildKind");
    CheckTable<genogram::TwinKind>("TwinKind");
    CheckTable<genogram::RelationKind>("RelationKind");
    CheckTable<genogram::Condition>("Condition", true);
    CheckTable<journal::CaseStatus>("CaseStatus");
    CheckTable<journal::SessionType>("SessionType");
    CheckTable<journal::TopicState>("TopicState");
    CheckTable<journal::FormPhase>("FormPhase");
    CheckTable<journal::HitPlace>("HitPlace");
    CheckTable<journal::Heading>("Heading");
}

TEST_CASE("a name is looked up in the language asked for, English otherwise", "[labels]") {
    CHECK(LabelOf(journal::SessionType::Closing, "sv") == "Avslutande samtal");
    CHECK(LabelOf(journal::SessionType::Closing, "en") == "Closing session");
    CHECK(LabelOf(journal::SessionType::Closing, "de") == "Closing session");
    // A relation is "close", never the button "Close" ("Stäng") a shared catalogue gave it.
    CHECK(LabelOf(genogram::RelationKind::Close, "sv") == "Nära");
}
