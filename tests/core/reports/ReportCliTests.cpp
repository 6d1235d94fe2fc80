// kartbok-cli report and stats on the demo vault, in-process.
#include "cli/CliHarness.h"
#include "reports/ReportFixtures.h"

#include "kartbok/vault/Vault.h"

#include <catch2/catch.hpp>

using kartbok::test::CliRun;
using kartbok::test::ReadAll;
using kartbok::test::ScratchDir;
using namespace kartbok::reports::test;

namespace {

const std::string kPw = "pw-12345678";

std::string Demo(const ScratchDir& tmp) {
    std::string dir = (tmp.path / "demo").string();
    auto r = CliRun({"--kdf", "minimum", "demo", dir, "--password-stdin"}, kPw + "\n");
    REQUIRE(r.code == 0);
    return dir;
}

} // namespace

TEST_CASE("kartbok-cli report writes each kind for the demo case and audits the export",
          "[reports]") {
    ScratchDir tmp;
    std::string dir = Demo(tmp);
    for (std::string kind : {"followup", "supervision", "record"}) {
        INFO(kind);
        std::string out = (tmp.path / (kind + ".pdf")).string();
        auto r = CliRun(
            {"report", dir, "GBG-2025-017", "--kind", kind, "--out", out, "--password-stdin"},
            kPw + "\n");
        REQUIRE(r.code == 0);
        CHECK(r.out == out + "\n");
        CHECK(r.err.empty());
        CHECK(ReadAll(out).rfind("%PDF", 0) == 0);
        std::string text = PdfText(out);
        auto pages = Pages(text);
        REQUIRE_FALSE(pages.empty());
        for (const auto& page : pages)
            CHECK(page.find("GBG-2025-017") != std::string::npos);
        if (kind == "followup")
            CHECK(pages.size() <= 2);
    }
    std::string out = (tmp.path / "deid.pdf").string();
    auto r = CliRun({"report", dir, "GBG-2025-017", "--kind", "supervision", "--deidentify",
                     "--out", out, "--password-stdin"},
                    kPw + "\n");
    REQUIRE(r.code == 0);
    std::string flat = Flat(PdfText(out));
    CHECK(flat.find("Har köpt sex i tolv år") == std::string::npos);
    CHECK(flat.find("2025-06-03") == std::string::npos);

    auto v = kartbok::vault::Vault::Open(dir, kPw);
    int exports = 0;
    for (const auto& e : v.ReadAudit())
        if (e.action == kartbok::vault::AuditAction::Export && e.detail.rfind("report ", 0) == 0)
            ++exports;
    CHECK(exports == 4);
}

TEST_CASE("kartbok-cli report usage errors are exit 2 with one line", "[reports]") {
    ScratchDir tmp;
    std::string dir = Demo(tmp);
    std::string out = (tmp.path / "x.pdf").string();
    auto deid = CliRun({"report", dir, "GBG-2025-017", "--kind", "followup", "--deidentify",
                        "--out", out, "--password-stdin"},
                       kPw + "\n");
    CHECK(deid.code == 2);
    CHECK(deid.OneLineError());
    auto kind = CliRun(
        {"report", dir, "GBG-2025-017", "--kind", "letter", "--out", out, "--password-stdin"},
        kPw + "\n");
    CHECK(kind.code == 2);
    auto folder = CliRun({"report", dir, "GBG-2025-017", "--kind", "record", "--out",
                          (tmp.path / "no" / "x.pdf").string(), "--password-stdin"},
                         kPw + "\n");
    CHECK(folder.code == 2);
    CHECK(folder.OneLineError());
    auto code =
        CliRun({"report", dir, "NOPE-1", "--kind", "record", "--out", out, "--password-stdin"},
               kPw + "\n");
    CHECK(code.code == 2);
    CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("kartbok-cli stats writes suppressed counts and research answers", "[reports]") {
    ScratchDir tmp;
    std::string dir = Demo(tmp);
    std::string out = (tmp.path / "stats.csv").string();
    std::string answers = (tmp.path / "answers.csv").string();
    auto r = CliRun(
        {"stats", dir, "--year", "2026", "--out", out, "--answers", answers, "--password-stdin"},
        kPw + "\n");
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());
    std::string csv = ReadAll(out);
    CHECK(csv.rfind("from,to,view,measure,item,phase,value,count\n", 0) == 0);
    CHECK(csv.find("2026,2026,all,sessions,closing,,,<5\n") != std::string::npos);
    CHECK(csv.find("2026,2026,buyers,") != std::string::npos);
    CHECK(csv.find("GBG-") == std::string::npos);
    std::string a = ReadAll(answers);
    CHECK(a.rfind("study_id,phase,months_since_start,item,value\n", 0) == 0);
    CHECK(a.find("GBG-") == std::string::npos);
    CHECK(r.out.find("GBG-") == std::string::npos);

    // A range of years; --year and --from/--to are one or the other.
    auto range =
        CliRun({"stats", dir, "--from", "2025", "--to", "2026", "--out", out, "--password-stdin"},
               kPw + "\n");
    REQUIRE(range.code == 0);
    CHECK(ReadAll(out).find("\n2025,2026,all,clients-seen,") != std::string::npos);
    for (const auto& bad :
         {CliRun({"stats", dir, "--year", "twenty", "--out", out, "--password-stdin"}, kPw + "\n"),
          CliRun({"stats", dir, "--from", "2026", "--to", "2025", "--out", out, "--password-stdin"},
                 kPw + "\n"),
          CliRun(
              {"stats", dir, "--year", "2026", "--from", "2025", "--out", out, "--password-stdin"},
              kPw + "\n"),
          CliRun({"stats", dir, "--out", out, "--password-stdin"}, kPw + "\n")}) {
        CHECK(bad.code == 2);
        CHECK(bad.OneLineError());
    }
}
