// The supervision pack: several clients in one de-identified PDF for a
// supervisor's caseload review - a cover listing pseudonymous codes, then each
// client's summary from a page of its own whose header names that client.
#include "cli/CliHarness.h"
#include "reports/ReportFixtures.h"

#include "kartbok/reports/Report.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <random>

using namespace kartbok;
using namespace kartbok::reports;
using namespace kartbok::reports::test;
using kartbok::test::ScratchDir;

namespace {

/// Three clients: the finished one and two variants with codes and names of their own.
std::vector<jn::Case> Caseload() {
    std::vector<jn::Case> cases;
    for (const auto& [code, name] :
         {std::pair{"GBG-2025-042", "Örjan Ångström"}, std::pair{"BOR-2026-003", "Bertil Svensson"},
          std::pair{"GBG-2026-011", "Cecilia Lind"}}) {
        jn::Case c = FinishedCase();
        c.code = code;
        c.name = name;
        cases.push_back(std::move(c));
    }
    cases[1].status = jn::CaseStatus::Ongoing;
    cases[1].end = {};
    return cases;
}

/// The name as a word of its own ("Per", not the start of "Personer").
bool HasWord(const std::string& text, const std::string& word) {
    auto letter = [](char ch) {
        const auto u = static_cast<unsigned char>(ch);
        return std::isalnum(u) || u >= 0x80;
    };
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        const bool before = at > 0 && letter(text[at - 1]);
        const bool after = at + word.size() < text.size() && letter(text[at + word.size()]);
        if (!before && !after)
            return true;
    }
    return false;
}

std::string PackText(const std::vector<jn::Case>& cases, const std::string& language,
                     const std::filesystem::path& dir) {
    ReportOptions o;
    o.today = {2026, 11, 20};
    o.language = language;
    o.deidentify = false; // asked for identified: a pack is de-identified anyway
    o.includeFreeText = true;
    const auto file = dir / ("pack-" + language + ".pdf");
    WriteBytes(file, RenderSupervisionPack(cases, ShippedTemplates(), o));
    return PdfText(file);
}

} // namespace

TEST_CASE("a supervision pack puts each client on pages of its own, in code order",
          "[reports][pack]") {
    ScratchDir tmp;
    auto cases = Caseload();
    // Picked in any order: the pack always reads the same.
    std::mt19937 shuffle(7);
    std::shuffle(cases.begin(), cases.end(), shuffle);
    const std::string text = PackText(cases, "sv", tmp.path);
    const auto pages = Pages(text);
    REQUIRE(pages.size() >= 4); // a cover and at least a page per client

    // The cover lists every code, sorted, and says it is de-identified.
    const std::string cover = Flat(pages[0]);
    CHECK(cover.find("Handledningsunderlag") != std::string::npos);
    CHECK(cover.find("Avidentifierad") != std::string::npos);
    const auto a = cover.find("BOR-2026-003"), b = cover.find("GBG-2025-042"),
               c = cover.find("GBG-2026-011");
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    REQUIRE(c != std::string::npos);
    CHECK(a < b);
    CHECK(b < c);

    // After the cover, every page's header names exactly one client, and the
    // clients follow in code order, each starting on a fresh page.
    std::vector<std::string> order;
    for (std::size_t i = 1; i < pages.size(); ++i) {
        INFO("page " << i + 1);
        int named = 0;
        std::string who;
        for (const char* code : {"BOR-2026-003", "GBG-2025-042", "GBG-2026-011"})
            if (pages[i].find(code) != std::string::npos) {
                ++named;
                who = code;
            }
        CHECK(named == 1);
        CHECK(pages[i].find("Sida " + std::to_string(i + 1) + " av " +
                            std::to_string(pages.size())) != std::string::npos);
        if (order.empty() || order.back() != who) {
            order.push_back(who);
            CHECK(pages[i].find("Sammanfattning för handledning") != std::string::npos);
        }
    }
    CHECK(order == std::vector<std::string>{"BOR-2026-003", "GBG-2025-042", "GBG-2026-011"});
}

TEST_CASE("a supervision pack names nobody and dates nothing, in either language",
          "[reports][pack]") {
    ScratchDir tmp;
    const auto cases = Caseload();
    for (const char* language : {"sv", "en"}) {
        INFO(language);
        const std::string flat = Flat(PackText(cases, language, tmp.path));
        for (const auto& c : cases) {
            CHECK(flat.find(c.name) == std::string::npos);
            CHECK(flat.find(c.contact) == std::string::npos);
            for (const auto& name : FamilyNames(c)) {
                INFO(name);
                CHECK_FALSE(HasWord(flat, name));
            }
        }
        CHECK(flat.find(kReason) == std::string::npos);
        CHECK(flat.find(kSessionText) == std::string::npos);
        CHECK(flat.find(kTheme) == std::string::npos);
        for (const char* date : {"2025-05-20", "2025-06-03", "2026-06-09", "2026-12-09"})
            CHECK(flat.find(date) == std::string::npos);
        CHECK(flat.find(std::string(language) == "sv" ? "Ärendegenomgång" : "Caseload review") !=
              std::string::npos);
    }
}
