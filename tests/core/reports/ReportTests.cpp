// The PDFs contain what they must and nothing they must not, read back with
// pdftotext the way a person (or a search tool) would read the file.
#include "cli/CliHarness.h"
#include "reports/ReportFixtures.h"

#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/Scene.h"
#include "kartbok/reports/Report.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <regex>

using namespace kartbok;
using namespace kartbok::reports;
using namespace kartbok::reports::test;
using kartbok::test::ScratchDir;

namespace {

ReportOptions Options() {
    ReportOptions o;
    o.today = {2026, 11, 20};
    return o;
}

/// Every page names the case and says which page of how many it is.
void CheckPages(const std::string& text, const std::string& code) {
    auto pages = Pages(text);
    REQUIRE_FALSE(pages.empty());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        INFO("page " << i + 1);
        CHECK(pages[i].find(code) != std::string::npos);
        CHECK(pages[i].find("Sida " + std::to_string(i + 1) + " av " +
                            std::to_string(pages.size())) != std::string::npos);
    }
}

} // namespace

TEST_CASE("the follow-up brief has the reason, key dates, closing themes and suggested questions",
          "[reports]") {
    ScratchDir tmp;
    jn::Case c = FinishedCase();
    auto out = tmp.path / "uppföljning.pdf";
    WriteBytes(out, RenderFollowUpBrief(c, ShippedTemplates(), Options()));

    std::string text = PdfText(out);
    CheckPages(text, c.code);
    auto pages = Pages(text);
    CHECK(pages.size() <= 2);
    std::string flat = Flat(text);
    CHECK(flat.find("Sida 1 av") != std::string::npos);
    CHECK(flat.find(kReason) != std::string::npos);
    for (const char* date : {"2025-05-20", "2025-06-03", "2026-06-09", "2026-12-09"})
        CHECK(flat.find(date) != std::string::npos);
    CHECK(flat.find(kTheme) != std::string::npos);
    CHECK(flat.find(kPlan) != std::string::npos);
    CHECK(flat.find("Stämmer helt") != std::string::npos);          // start answer
    CHECK(flat.find("Stämmer ganska dåligt") != std::string::npos); // end answer
    CHECK(flat.find("Förslag på frågor") != std::string::npos);
    CHECK(flat.find("Första förälskelsen") != std::string::npos); // an open topic (partly)
    // Swedish letters survive the round trip.
    CHECK(flat.find("Örjan Ångström") != std::string::npos);
}

TEST_CASE("the full record keeps corrected text readable and lists addenda, forms and the audit",
          "[reports]") {
    ScratchDir tmp;
    jn::Case c = FinishedCase();
    std::vector<AuditLine> audit{{1767225600, "terapeut.åsa", "open", "case opened"},
                                 {1767229200, "terapeut.åsa", "export", "report record"}};
    auto out = tmp.path / "journal.pdf";
    WriteBytes(out, RenderFullRecord(c, ShippedTemplates(), audit, Options()));
    std::string text = PdfText(out);
    CheckPages(text, c.code);
    std::string flat = Flat(text);
    CHECK(flat.find(kWrongText) != std::string::npos); // struck, but there
    CHECK(flat.find(kRightText) != std::string::npos);
    CHECK(flat.find("Fel ålder") != std::string::npos);
    CHECK(flat.find("Partnern ringde och vill ha egna samtal.") != std::string::npos);
    CHECK(flat.find(kSessionText) != std::string::npos);
    CHECK(flat.find("070-123 45 67") != std::string::npos);
    CHECK(flat.find("Min fru fick veta.") != std::string::npos); // free-text form answer
    CHECK(flat.find("Internatet.") != std::string::npos);        // checklist note
    CHECK(flat.find("report record") != std::string::npos);
    CHECK(flat.find("Signerad av terapeut.åsa") != std::string::npos);
    // Chronological: the first session comes before the closing one.
    CHECK(flat.find(kSessionText) < flat.find(kPlan));
}

TEST_CASE("the de-identified supervisor summary has no names, dates or free text", "[reports]") {
    ScratchDir tmp;
    jn::Case c = FinishedCase();
    ReportOptions o = Options();
    o.deidentify = true;
    auto out = tmp.path / "handledning.pdf";
    WriteBytes(out, RenderSupervisorSummary(c, ShippedTemplates(), o));
    std::string text = PdfText(out);
    CheckPages(text, c.code);
    std::string flat = Flat(text);
    CHECK(flat.find("Avidentifierad") != std::string::npos);
    CHECK(flat.find("Djupintervju") != std::string::npos);
    CHECK(std::regex_search(flat,
                            std::regex("\\b2 av [0-9]+ ämnen avklarade"))); // two topics covered
    for (const auto& name : FamilyNames(c)) {
        INFO(name);
        CHECK_FALSE(std::regex_search(flat, std::regex("\\b" + name + "\\b")));
    }
    for (const std::string& secret :
         {c.name, std::string("Örjan"), c.contact, kReason, kSessionText, kWrongText, kRightText,
          kPlan, kTheme, std::string("Min fru fick veta."), std::string("Internatet.")}) {
        INFO(secret);
        CHECK(flat.find(secret) == std::string::npos);
    }
    for (const char* date : {"2025-05-20", "2025-06-03", "2025-09-09", "2026-06-09", "2026-12-09"})
        CHECK(flat.find(date) == std::string::npos);

    // The map is an image; check what it is drawn from carries roles, not names.
    genogram::SceneOptions so;
    so.deidentify = true;
    auto scene = genogram::BuildScene(c.family, genogram::ComputeLayout(c.family), so);
    for (const auto& item : scene.items)
        if (auto* t = std::get_if<genogram::TextShape>(&item.shape))
            for (const auto& name : FamilyNames(c))
                CHECK(t->text.find(name) == std::string::npos);
}

TEST_CASE("the identified supervisor summary shows dates and themes; free text can be let in",
          "[reports]") {
    jn::Case c = FinishedCase();
    ScratchDir tmp;
    auto out = tmp.path / "a.pdf";
    WriteBytes(out, RenderSupervisorSummary(c, ShippedTemplates(), Options()));
    std::string flat = Flat(PdfText(out));
    CHECK(flat.find("2025-06-03") != std::string::npos);
    CHECK(flat.find(kTheme) != std::string::npos);
    CHECK(flat.find(kReason) != std::string::npos);

    ReportOptions o = Options();
    o.deidentify = true;
    o.includeFreeText = true;
    WriteBytes(out, RenderSupervisorSummary(c, ShippedTemplates(), o));
    flat = Flat(PdfText(out));
    CHECK(flat.find(kReason) != std::string::npos);
    CHECK(flat.find("2025-06-03") == std::string::npos);
    CHECK(flat.find(c.name) == std::string::npos);
}

TEST_CASE("reports render in memory, and a report for an almost empty case still has its frame",
          "[reports]") {
    jn::Case c;
    c.code = "MAL-2026-001";
    auto bytes = RenderFollowUpBrief(c, ShippedTemplates(), Options());
    REQUIRE(bytes.size() > 4);
    CHECK(std::string(bytes.begin(), bytes.begin() + 4) == "%PDF");
    ScratchDir tmp;
    WriteBytes(tmp.path / "e.pdf", RenderSupervisorSummary(c, ShippedTemplates(), Options()));
    CheckPages(PdfText(tmp.path / "e.pdf"), c.code);
    WriteBytes(tmp.path / "r.pdf", RenderFullRecord(c, ShippedTemplates(), {}, Options()));
    CheckPages(PdfText(tmp.path / "r.pdf"), c.code);
}

TEST_CASE("a long record flows over many pages with the frame on each", "[reports]") {
    jn::Case c = FinishedCase();
    for (int i = 0; i < 40; ++i) {
        auto s = Note("x" + std::to_string(i), {2025, 7, 1 + i % 28}, jn::SessionType::Individual,
                      "note-free",
                      {{"note", std::string(1200, 'a') + " åäö slut " + std::to_string(i)}});
        c.sessions.push_back(s);
    }
    ScratchDir tmp;
    WriteBytes(tmp.path / "long.pdf", RenderFullRecord(c, ShippedTemplates(), {}, Options()));
    std::string text = PdfText(tmp.path / "long.pdf");
    CHECK(Pages(text).size() > 5);
    CheckPages(text, c.code);
    CHECK(Flat(text).find("åäö slut 39") != std::string::npos);
}

TEST_CASE("render the fixture reports for a look", "[.look]") {
    // KARTBOK_REPORT_LOOK_DIR=folder tests_reports "[.look]", then pdftoppm the files.
    const char* dir = std::getenv("KARTBOK_REPORT_LOOK_DIR");
    if (!dir)
        return;
    jn::Case c = FinishedCase();
    ReportOptions o = Options();
    const std::filesystem::path folder(dir);
    WriteBytes(folder / "fixture-followup.pdf", RenderFollowUpBrief(c, ShippedTemplates(), o));
    WriteBytes(folder / "fixture-supervision.pdf",
               RenderSupervisorSummary(c, ShippedTemplates(), o));
    WriteBytes(folder / "fixture-record.pdf", RenderFullRecord(c, ShippedTemplates(), {}, o));
}

TEST_CASE("the full record prints qualified dates as such and the cause of death", "[reports]") {
    ScratchDir tmp;
    jn::Case c = FinishedCase();
    genogram::Person& p = c.family.people.front();
    p.birth = genogram::FuzzyDate::Before(1940);
    p.deceased = true;
    p.death = genogram::FuzzyDate::After(1990);
    p.causeOfDeath = "lungcancer";
    auto out = tmp.path / "journal.pdf";
    WriteBytes(out, RenderFullRecord(c, ShippedTemplates(), {}, Options()));
    std::string flat = Flat(PdfText(out));
    CHECK(flat.find("före 1940 – efter 1990") != std::string::npos);
    CHECK(flat.find("dödsorsak: lungcancer") != std::string::npos);
}

TEST_CASE("a clinic-defined question says so in the brief and the supervisor summary",
          "[reports][provenance]") {
    ScratchDir tmp;
    jn::Case c = FinishedCase();
    c.forms[0].answers.push_back({"alcohol-frequency", "weekly"});
    c.forms[1].answers.push_back({"alcohol-frequency", "monthly"});
    for (const bool brief : {true, false}) {
        auto out = tmp.path / (brief ? "brief.pdf" : "summary.pdf");
        WriteBytes(out, brief ? RenderFollowUpBrief(c, ShippedTemplates(), Options())
                              : RenderSupervisorSummary(c, ShippedTemplates(), Options()));
        const std::string flat = Flat(PdfText(out));
        CHECK(flat.find("Hur ofta dricker du alkohol? (klinikdefinierad)") != std::string::npos);
    }
}

TEST_CASE("a returning client's summary shows this episode's sessions, the earlier ones counted",
          "[reports][episodes]") {
    ScratchDir tmp;
    jn::Case c = FinishedCase();
    // Treated 2019-2020 before: two sessions then; this episode is 2025-2026.
    jn::Episode past;
    past.status = jn::CaseStatus::FollowUpDone;
    past.firstContact = {2019, 1, 10};
    past.start = {2019, 2, 1};
    past.end = {2020, 1, 15};
    c.pastEpisodes = {past};
    c.sessions.insert(c.sessions.begin(),
                      Note("old-2", {2019, 11, 5}, jn::SessionType::Individual, "note-free", {}));
    c.sessions.insert(c.sessions.begin(),
                      Note("old-1", {2019, 2, 1}, jn::SessionType::Individual, "note-free", {}));
    const std::size_t now = c.sessions.size() - 2;
    for (const bool deid : {true, false}) {
        auto out = tmp.path / (deid ? "deid.pdf" : "summary.pdf");
        ReportOptions o = Options();
        o.deidentify = deid;
        WriteBytes(out, RenderSupervisorSummary(c, ShippedTemplates(), o));
        const std::string flat = Flat(PdfText(out));
        INFO(flat);
        CHECK(flat.find(std::to_string(now) + " (och 2 i tidigare behandlingsperioder)") !=
              std::string::npos);
        CHECK(flat.find("2019") == std::string::npos); // the strip starts with this episode
        CHECK(std::regex_search(flat, std::regex(" -[0-9]+ ")) == false); // no month before it
    }
}
