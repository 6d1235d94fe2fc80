// No one's words leave in another person's record (GDPR Art. 15, third-party
// confidentiality): read back with pdftotext, an index client's record, brief
// and summaries never hold a relative's alone-session or the relatives'
// checklist, and say in one line that something was left out; a relative's
// own record shows joint sessions by date only.
#include "cli/CliHarness.h"
#include "reports/ReportFixtures.h"

#include "kartbok/journal/Episodes.h"
#include "kartbok/journal/RelativeSplit.h"
#include "kartbok/reports/Report.h"

#include <catch2/catch.hpp>

using namespace kartbok;
using namespace kartbok::reports;
using namespace kartbok::reports::test;
using kartbok::test::ScratchDir;

namespace {

const std::string kPartnerText = "Partnern berättade ensam om sin egen otrohet för tio år sedan.";
const std::string kPartnerNote = "Partnerns egen anteckning om skammen hon bär.";
const std::string kLeftOut = "Uppgifter som gäller andra personer än klienten har utelämnats";
const std::string kJointLine = "anteckningarna från dem finns i en annan persons journal";

/// The finished case as older Kartbok versions kept it: the partner's
/// alone-session and the relatives' checklist inside the client's case.
jn::Case IndexWithPartnerContent() {
    jn::Case c = FinishedCase();
    jn::Session alone = Note("alone", {2025, 9, 23}, jn::SessionType::Relative, "note-free",
                             {{"note", kPartnerText}});
    alone.themes = {"partnerns otrohet"};
    c.sessions.push_back(alone);
    c.checklists.push_back(
        {"relatives-support",
         1,
         {{"taking-on-shame", jn::TopicState::Covered, kPartnerNote, {"alone"}, {}}}});
    c.checklists[0].entries[1].sessionIds.push_back("alone"); // a topic linked to her session
    return c;
}

std::string Render(const std::string& kind, const jn::Case& c, const ReportOptions& o,
                   const ScratchDir& tmp) {
    std::vector<unsigned char> bytes;
    if (kind == "record")
        bytes = RenderFullRecord(c, ShippedTemplates(), {}, o);
    else if (kind == "followup")
        bytes = RenderFollowUpBrief(c, ShippedTemplates(), o);
    else
        bytes = RenderSupervisorSummary(c, ShippedTemplates(), o);
    auto path = tmp.path / (kind + (o.deidentify ? "-deid" : "") + ".pdf");
    WriteBytes(path, bytes);
    return Flat(PdfText(path));
}

ReportOptions Options(bool deidentify = false) {
    ReportOptions o;
    o.today = {2026, 11, 20};
    o.deidentify = deidentify;
    return o;
}

} // namespace

TEST_CASE("no relative-alone text reaches the index client's record, brief or summary",
          "[reports][relatives]") {
    ScratchDir tmp;
    const jn::Case c = IndexWithPartnerContent();
    for (const std::string kind : {"record", "followup", "supervision"})
        for (bool deid : {false, true}) {
            if (deid && kind != "supervision")
                continue;
            INFO(kind << (deid ? " de-identified" : ""));
            const std::string flat = Render(kind, c, Options(deid), tmp);
            REQUIRE_FALSE(flat.empty());
            CHECK(flat.find(kPartnerText) == std::string::npos);
            CHECK(flat.find(kPartnerNote) == std::string::npos);
            CHECK(flat.find("partnerns otrohet") == std::string::npos);
            CHECK(flat.find("2025-09-23") == std::string::npos); // not even its date
            CHECK(flat.find("Anhörigstöd") == std::string::npos);
            CHECK(flat.find(kLeftOut) != std::string::npos); // said once, in one line
        }
    // The client's own content is all there.
    const std::string record = Render("record", c, Options(), tmp);
    CHECK(record.find(kSessionText) != std::string::npos);
    CHECK(record.find("Partnern deltar.") != std::string::npos); // a joint session: his record
    CHECK(record.find("Samtal (4)") != std::string::npos);
}

TEST_CASE("a case with only its own content prints no left-out line and no links",
          "[reports][relatives]") {
    ScratchDir tmp;
    jn::Case c = FinishedCase();
    c.relativeCaseIds = {"5a1e0000-0000-4000-8000-00000000aaaa"};
    for (const std::string kind : {"record", "followup", "supervision"}) {
        INFO(kind);
        const std::string flat = Render(kind, c, Options(), tmp);
        CHECK(flat.find(kLeftOut) == std::string::npos);
        CHECK(flat.find("5a1e0000") == std::string::npos);
        CHECK(flat.find("anhörigs") == std::string::npos);
    }
}

TEST_CASE("after the split the relative's record holds her sessions and the joint ones by date",
          "[reports][relatives]") {
    ScratchDir tmp;
    const jn::Case before = IndexWithPartnerContent();
    const auto split = jn::SplitRelative(
        before, {"7e1a0000-0000-4000-8000-000000000002", "GBG-2025-024", 0, {"relatives-support"}});

    // The index client's record: complete, nothing left out any more.
    const std::string index = Render("record", split.source, Options(), tmp);
    CHECK(index.find(kLeftOut) == std::string::npos);
    CHECK(index.find(kPartnerText) == std::string::npos);
    CHECK(index.find("GBG-2025-024") == std::string::npos);

    // Hers: her own words, the joint session by date and length, never its text.
    ReportOptions o = Options();
    o.jointSessions = jn::JointSessions(split.source, split.relative);
    REQUIRE(o.jointSessions.size() == 1);
    for (const std::string kind : {"record", "supervision"}) {
        INFO(kind);
        const std::string flat = Render(kind, split.relative, o, tmp);
        CHECK(flat.find("GBG-2025-024") != std::string::npos);
        CHECK(flat.find(kJointLine) != std::string::npos);
        CHECK(flat.find("Partnern deltar.") == std::string::npos); // the joint note is his
        CHECK(flat.find(kWrongText) == std::string::npos);
        CHECK(flat.find(kSessionText) == std::string::npos);
        CHECK(flat.find(kReason) == std::string::npos);
        CHECK(flat.find("GBG-2025-042") == std::string::npos); // not even his code
        CHECK(flat.find("Örjan") == std::string::npos);
    }
    const std::string record = Render("record", split.relative, o, tmp);
    CHECK(record.find(kPartnerText) != std::string::npos);
    CHECK(record.find(kPartnerNote) != std::string::npos);
    CHECK(record.find("gemensamt samtal, antecknat i en annan persons journal") !=
          std::string::npos);
    CHECK(record.find("2025-09-09") != std::string::npos);            // the joint session's date
    CHECK(record.find("Anhörig eller partner") != std::string::npos); // her intake
}

TEST_CASE("a supervision pack counts a relative's joint sessions, on the cover and her page",
          "[reports][relatives][pack]") {
    ScratchDir tmp;
    const auto split = jn::SplitRelative(
        IndexWithPartnerContent(),
        {"7e1a0000-0000-4000-8000-000000000002", "GBG-2025-024", 0, {"relatives-support"}});
    const JointSessionsByCase joint = {
        {split.relative.id, jn::JointSessions(split.source, split.relative)}};
    REQUIRE(joint.begin()->second.size() == 1);
    // Picked in any order: the pack sorts by code; the counts follow their case.
    for (const bool relativeFirst : {true, false}) {
        const std::vector<jn::Case> cases = relativeFirst
                                                ? std::vector{split.relative, split.source}
                                                : std::vector{split.source, split.relative};
        const auto path = tmp.path / "pack.pdf";
        WriteBytes(path, RenderSupervisionPack(cases, ShippedTemplates(), Options(), joint));
        const std::string flat = Flat(PdfText(path));
        const std::string own = std::to_string(split.relative.sessions.size());
        CHECK(flat.find("GBG-2025-024") != std::string::npos);
        CHECK(flat.find(own + " + 1 gem.") != std::string::npos); // her cover row
        CHECK(flat.find(own + " (och 1 gemensamt i en annan journal)") != std::string::npos);
        CHECK(flat.find(kJointLine) != std::string::npos);
        CHECK(flat.find("Partnern deltar.") == std::string::npos); // the joint note is his
        const std::string his = std::to_string(split.source.sessions.size());
        CHECK(flat.find(his + " (och") == std::string::npos); // only her case counts it
    }
}

TEST_CASE("the record's log never names another case: a link or a split reads as another case",
          "[reports][relatives]") {
    ScratchDir tmp;
    const auto split = jn::SplitRelative(
        IndexWithPartnerContent(),
        {"7e1a0000-0000-4000-8000-000000000002", "GBG-2025-024", 0, {"relatives-support"}});
    const std::string herId = split.relative.id;
    const std::string hisId = split.source.id;
    const std::vector<AuditLine> his = {
        {1767225600, "anna", "save", "Link relative's case " + herId},
        {1767225700, "anna", "save", "split into " + herId},
        {1767225800, "anna", "open", "case " + hisId}, // his own id may stay
    };
    const auto path = tmp.path / "record-log.pdf";
    WriteBytes(path, RenderFullRecord(split.source, ShippedTemplates(), his, Options()));
    const std::string flat = Flat(PdfText(path));
    CHECK(flat.find(herId) == std::string::npos);
    CHECK(flat.find(herId.substr(0, 8)) == std::string::npos);
    CHECK(flat.find("split into (ett annat ärende)") != std::string::npos);
    CHECK(flat.find("sparat") != std::string::npos); // the event in the report's language
    CHECK(flat.find("läst") != std::string::npos);
    // Hers names his case no more than his names hers.
    WriteBytes(path, RenderFullRecord(split.relative, ShippedTemplates(),
                                      {{1767225700, "anna", "create", "split from " + hisId}},
                                      Options()));
    const std::string hers = Flat(PdfText(path));
    CHECK(hers.find(hisId.substr(0, 8)) == std::string::npos);
    CHECK(hers.find("split from (ett annat ärende)") != std::string::npos);
}
