// Full-text search within a case: Swedish letters, case folding, snippets.

#include "CaseFixtures.h"

#include "kartbok/journal/Search.h"

#include <catch2/catch.hpp>

using namespace kartbok::journal;
using namespace kartbok::test;

TEST_CASE("folding lowers Swedish letters and strips other accents", "[journal]") {
    CHECK(FoldForSearch("ÅNGEST Över Ärlig") == "ångest över ärlig");
    CHECK(FoldForSearch("CAFÉ Émile Müller çà") == "cafe emile muller ca");
    CHECK(FoldForSearch("Ærø Łódź Škoda") == "ärö lodz skoda");
    CHECK(FoldForSearch("här") != FoldForSearch("har")); // å ä ö are letters of their own
    CHECK(FoldForSearch("ÅÄÖ", {true}) == "aao");
    CHECK(FoldForSearch("a\xCC\x8A"
                        "a\xCC\x88"
                        "o\xCC\x88"
                        "e\xCC\x81") == "åäöe"); // decomposed
    CHECK(FoldForSearch("bad \xFF byte") == "bad \xFF byte");
}

TEST_CASE("search finds text in every part of a case", "[journal]") {
    Case c = CaseWithNotes();
    c.sessions[0].addenda.push_back(
        {"terapeut.anna", At(2026, 1, 22), "Ringde om ÅNGESTEN.", "", ""});
    c.checklists.push_back(
        {"deep-interview",
         1,
         {{"childhood", TopicState::Partly, "Växte upp hos mormor i Borås.", {"s2"}, {}}}});

    SECTION("case-insensitive with å ä ö") {
        const auto hits = SearchCase(c, "ångest");
        REQUIRE(hits.size() == 2);
        CHECK(hits[0].place == HitPlace::ReasonForContact);
        CHECK(hits[0].sessionId.empty());
        CHECK(hits[1].place == HitPlace::Addendum);
        CHECK(hits[1].sessionId == "s1");
        CHECK(hits[1].date == Date{2026, 1, 20});
        CHECK(hits[1].snippet == "Ringde om ÅNGESTEN.");
    }
    SECTION("fields, themes, next steps and topic notes") {
        auto hits = SearchCase(c, "MORMOR");
        REQUIRE(hits.size() == 3); // next steps of s1 and s2, the topic note
        CHECK(hits[0].place == HitPlace::NextSteps);
        CHECK(hits[2].place == HitPlace::TopicNote);
        CHECK(hits[2].fieldId == "childhood");
        CHECK(hits[2].templateId == "deep-interview");
        CHECK(hits[2].sessionId == "s2");
        CHECK(hits[2].date == Date{2026, 2, 3});

        hits = SearchCase(c, "  känslspråket ");
        REQUIRE(hits.size() == 2);
        CHECK(hits[0].place == HitPlace::SessionField);
        CHECK(hits[0].fieldId == "assessment");

        hits = SearchCase(c, "relationer");
        REQUIRE(hits.size() == 2);
        CHECK(hits[0].place == HitPlace::Theme);
    }
    SECTION("no hit, empty query") {
        CHECK(SearchCase(c, "hästkrafter").empty());
        CHECK(SearchCase(c, "").empty());
        CHECK(SearchCase(c, "   ").empty());
        Case here;
        here.reasonForContact = "Det är här det händer.";
        CHECK(SearchCase(here, "har").empty()); // "här" is not "har"
        CHECK(SearchCase(here, "har", {true}).size() == 1);
    }
    SECTION("counts every match in a text") {
        c.reasonForContact = "skam, skam och SKAM";
        const auto hits = SearchCase(c, "skam");
        REQUIRE_FALSE(hits.empty());
        CHECK(hits[0].matches == 3);
    }
}

TEST_CASE("snippets are about 60 characters, cut on UTF-8 boundaries", "[journal]") {
    std::string text;
    for (int i = 0; i < 20; ++i)
        text += "åäö ";
    text += "NYCKELORD";
    for (int i = 0; i < 20; ++i)
        text += " ÅÄÖ";
    Case c;
    c.reasonForContact = text;
    const auto hits = SearchCase(c, "nyckelord");
    REQUIRE(hits.size() == 1);
    const std::string& s = hits[0].snippet;
    CHECK(s.find("NYCKELORD") != std::string::npos);
    CHECK(s.rfind("…", 0) == 0);
    CHECK(s.size() >= 6);
    CHECK(s.substr(s.size() - 3) == "…");
    // Valid UTF-8 all through: count code points, no stray continuation bytes.
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if ((b & 0xC0) != 0x80)
            ++chars;
        if (b >= 0xC0) {
            const std::size_t len = b >= 0xE0 ? 3 : 2;
            for (std::size_t k = 1; k < len; ++k)
                REQUIRE((static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80);
            i += len - 1;
        }
    }
    CHECK(chars == 62); // 60 + the two ellipses

    // Near the start, the unused room goes after the match.
    CHECK(Snippet("ab\ncd", 0, 2) == "ab cd");
    const std::string start = Snippet(text, 0, 2, 10);
    CHECK(start.rfind("åäö", 0) == 0);
}
