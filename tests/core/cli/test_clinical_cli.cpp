// kartbok-cli's clinical commands end to end on real vaults: relatives'
// own linked cases, follow-up outcomes and the due list, new treatment
// episodes, the demo vault's clinical cases, and templates list provenance.
#include "CliHarness.h"
#include "reports/ReportFixtures.h"

#include <catch2/catch.hpp>

#include <fstream>

using kartbok::test::CliResult;
using kartbok::test::CliRun;
using kartbok::test::ScratchDir;
using namespace kartbok::reports::test;

namespace {

const std::string kPw = "clinical-pw-123";

struct Vault {
    ScratchDir tmp;
    std::string dir;

    Vault() : dir((tmp.path / "vault").string()) {
        REQUIRE(
            CliRun({"--kdf", "minimum", "vault", "init", dir, "--user", "anna", "--password-stdin"},
                   kPw + "\n")
                .code == 0);
    }
    CliResult Run(std::initializer_list<std::string> args) const {
        std::vector<std::string> line(args);
        line.insert(line.begin() + 2, dir); // every command here: <group> <verb> DIR ...
        line.push_back("--password-stdin");
        std::vector<const char*> argv{"kartbok-cli"};
        for (const auto& a : line)
            argv.push_back(a.c_str());
        std::istringstream in(kPw + "\n");
        std::ostringstream out, err;
        CliResult r;
        r.code = kartbok::cli::Run(static_cast<int>(argv.size()), argv.data(), in, out, err);
        r.out = out.str();
        r.err = err.str();
        return r;
    }
};

std::string Demo(const ScratchDir& tmp) {
    std::string dir = (tmp.path / "demo").string();
    REQUIRE(CliRun({"--kdf", "minimum", "demo", dir, "--password-stdin"}, kPw + "\n").code == 0);
    return dir;
}

CliResult Show(const std::string& dir, const std::string& code) {
    return CliRun({"case", "show", dir, code, "--password-stdin"}, kPw + "\n");
}

} // namespace

TEST_CASE("case new --relative-of makes a relative's own case, linked both ways",
          "[cli][clinical]") {
    Vault v;
    REQUIRE(v.Run({"case", "new", "--code", "IDX-1"}).code == 0);
    auto made = v.Run({"case", "new", "--code", "REL-1", "--relative-of", "IDX-1"});
    REQUIRE(made.code == 0);
    CHECK(made.out.size() == 37); // the new case's id
    CHECK(Show(v.dir, "REL-1").out.find("relative of\tIDX-1\n") != std::string::npos);
    CHECK(Show(v.dir, "REL-1").out.find("reasons\trelative\n") != std::string::npos);
    CHECK(Show(v.dir, "IDX-1").out.find("relative's case\tREL-1\n") != std::string::npos);

    for (const auto& bad :
         {v.Run({"case", "new", "--code", "REL-2", "--person", "3"}),
          v.Run({"case", "new", "--code", "REL-2", "--relative-of", "NOPE"}),
          v.Run({"case", "new", "--code", "REL-2", "--relative-of", "REL-1"}),
          v.Run({"case", "new", "--code", "REL-2", "--relative-of", "IDX-1", "--person", "99"}),
          v.Run({"case", "new", "--code", "REL-1", "--relative-of", "IDX-1"})}) {
        CHECK(bad.code == 2);
        CHECK(bad.OneLineError());
    }
    CHECK(CliRun({"case", "list", v.dir, "--password-stdin"}, kPw + "\n").out.find("REL-2") ==
          std::string::npos);
}

TEST_CASE("follow-up outcomes decide what case due lists; a reopened case starts episode 2",
          "[cli][clinical]") {
    ScratchDir tmp;
    const std::string dir = Demo(tmp);
    auto due = [&](const char* today) {
        return CliRun({"case", "due", dir, "--today", today, "--password-stdin"}, kPw + "\n").out;
    };
    // The main client ended 2026-06-09: due from 2026-12-09. The declined one never shows.
    CHECK(due("2026-12-05").find("follow-up-soon\tGBG-2025-017\t2026-12-09\t4\n") !=
          std::string::npos);
    CHECK(due("2026-12-05").find("GBG-2024-031") == std::string::npos);
    CHECK(due("2026-12-20").find("follow-up-overdue\tGBG-2025-017\t2026-12-09\t-11\n") !=
          std::string::npos);

    // Not reached: nothing due any more; a further follow-up is due from its date.
    auto r = CliRun({"case", "follow-up", dir, "GBG-2025-017", "--outcome", "not-reached", "--date",
                     "2026-12-15", "--password-stdin"},
                    kPw + "\n");
    REQUIRE(r.code == 0);
    CHECK(r.out == "fu-1\tnot-reached\t2026-12-15\n");
    CHECK(due("2026-12-20").find("GBG-2025-017") == std::string::npos);
    r = CliRun(
        {"case", "follow-up", dir, "GBG-2025-017", "--plan", "2027-02-01", "--password-stdin"},
        kPw + "\n");
    REQUIRE(r.code == 0);
    CHECK(r.out == "fu-2\t2027-02-01\tplanned\n");
    CHECK(due("2027-01-20").find("follow-up-soon\tGBG-2025-017\t2027-02-01\t12\n") !=
          std::string::npos);
    r = CliRun({"case", "follow-up", dir, "GBG-2025-017", "--outcome", "held", "--date",
                "2027-02-03", "--password-stdin"},
               kPw + "\n");
    REQUIRE(r.code == 0);
    CHECK(r.out == "fu-2\theld\t2027-02-03\n");
    const std::string shown = Show(dir, "GBG-2025-017").out;
    CHECK(shown.find("status\tfollow-up-done\n") != std::string::npos);
    CHECK(shown.find("follow-up\tfu-1\t2026-12-09\tnot-reached\t2026-12-15\n") !=
          std::string::npos);
    CHECK(shown.find("follow-up\tfu-2\t2027-02-01\theld\t2027-02-03\n") != std::string::npos);
    CHECK(due("2027-03-01").find("GBG-2025-017") == std::string::npos);

    // Usage errors: no planned follow-up left, a bad outcome, a bad date.
    for (const auto& bad : {CliRun({"case", "follow-up", dir, "GBG-2025-017", "--outcome",
                                    "declined", "--date", "2027-03-01", "--password-stdin"},
                                   kPw + "\n"),
                            CliRun({"case", "follow-up", dir, "GBG-2025-017", "--outcome", "maybe",
                                    "--date", "2027-03-01", "--password-stdin"},
                                   kPw + "\n"),
                            CliRun({"case", "follow-up", dir, "GBG-2025-017", "--plan", "next week",
                                    "--password-stdin"},
                                   kPw + "\n")}) {
        CHECK(bad.code == 2);
        CHECK(bad.OneLineError());
    }
    // A journal rule broken (planned before the end): bad data, one line.
    auto early = CliRun(
        {"case", "follow-up", dir, "GBG-2025-017", "--plan", "2026-01-01", "--password-stdin"},
        kPw + "\n");
    CHECK(early.code == 1);
    CHECK(early.OneLineError());

    // The client comes back: episode 2 with its own intake.
    r = CliRun({"case", "reopen", dir, "GBG-2025-017", "--first-contact", "2028-04-01", "--reason",
                "compulsive-sexual-behaviour", "--referral", "health-care", "--password-stdin"},
               kPw + "\n");
    REQUIRE(r.code == 0);
    CHECK(r.out == "GBG-2025-017\tepisode 2\n");
    const std::string again = Show(dir, "GBG-2025-017").out;
    CHECK(again.find("status\tenquiry\n") != std::string::npos);
    CHECK(again.find("episode\t2\n") != std::string::npos);
    CHECK(again.find("reasons\tcompulsive-sexual-behaviour\n") != std::string::npos);
    CHECK(again.find("referral\thealth-care\n") != std::string::npos);
    CHECK(again.find("past episode\t1\t2025-06-03\t2026-06-09\n") != std::string::npos);
    auto twice = CliRun({"case", "reopen", dir, "GBG-2025-017", "--first-contact", "2028-05-01",
                         "--password-stdin"},
                        kPw + "\n");
    CHECK(twice.code == 1); // an open episode cannot be reopened
}

TEST_CASE("the demo vault shows a linked relative's case, an episode, intake and a declined "
          "follow-up",
          "[cli][clinical]") {
    ScratchDir tmp;
    const std::string dir = Demo(tmp);
    const std::string index = Show(dir, "GBG-2025-017").out;
    CHECK(index.find("relative's case\tGBG-2025-024\n") != std::string::npos);
    CHECK(index.find("reasons\tbuying-sex\nreferral\tpartner\n") != std::string::npos);
    const std::string partner = Show(dir, "GBG-2025-024").out;
    CHECK(partner.find("relative of\tGBG-2025-017\n") != std::string::npos);
    CHECK(partner.find("reasons\trelative\n") != std::string::npos);
    const std::string returning = Show(dir, "GBG-2021-012").out;
    CHECK(returning.find("episode\t2\n") != std::string::npos);
    CHECK(returning.find("past episode\t1\t2021-03-22\t2022-02-14\n") != std::string::npos);
    const std::string declined = Show(dir, "GBG-2024-031").out;
    CHECK(declined.find("follow-up\tfu-1\t2026-02-26\tdeclined\t2026-02-20\n") !=
          std::string::npos);
    CHECK(declined.find("referral\tpolice\n") != std::string::npos);

    // The partner's record: her own sessions, the joint ones by date only.
    const std::string out = (tmp.path / "partner.pdf").string();
    auto r = CliRun(
        {"report", dir, "GBG-2025-024", "--kind", "record", "--out", out, "--password-stdin"},
        kPw + "\n");
    REQUIRE(r.code == 0);
    const std::string flat = Flat(PdfText(out));
    CHECK(flat.find("Kontrollförlust sedan upptäckten") != std::string::npos);
    CHECK(flat.find("gemensamt samtal, antecknat i en annan persons journal") != std::string::npos);
    CHECK(flat.find("2025-09-09") != std::string::npos); // a joint session's date
    CHECK(flat.find("Partnern deltar") == std::string::npos);
    CHECK(flat.find("förlorad tillit") == std::string::npos); // the joint note's words
    CHECK(flat.find("GBG-2025-017") == std::string::npos);

    // His record: none of her words.
    const std::string his = (tmp.path / "index.pdf").string();
    REQUIRE(CliRun({"report", dir, "GBG-2025-017", "--kind", "record", "--out", his,
                    "--password-stdin"},
                   kPw + "\n")
                .code == 0);
    const std::string hisText = Flat(PdfText(his));
    CHECK(hisText.find("Kontrollförlust sedan upptäckten") == std::string::npos);
    CHECK(hisText.find("GBG-2025-024") == std::string::npos);
    CHECK(hisText.find("förlorad tillit") != std::string::npos); // the joint note is his
}

TEST_CASE("an imported case's planned follow-up is due from its date, whatever follow_up_due says",
          "[cli][clinical]") {
    Vault v;
    const auto file = v.tmp.path / "planned.json";
    std::ofstream(file) << R"({"format":"kartbok-case","version":2,"code":"IMP-1",)"
                        << R"("status":"ended","dates":{"first_contact":"2025-01-10",)"
                        << R"("start":"2025-02-01","end":"2026-05-01","follow_up_due":""},)"
                        << R"("follow_ups":[{"id":"fu-1","due":"2026-11-01","outcome":"planned",)"
                        << R"("outcome_date":"","session":""}]})";
    REQUIRE(CliRun({"case", "import", v.dir, file.string(), "--password-stdin"}, kPw + "\n").code ==
            0);
    const auto due =
        CliRun({"case", "due", v.dir, "--today", "2026-11-05", "--password-stdin"}, kPw + "\n");
    CHECK(due.out.find("follow-up-overdue\tIMP-1\t2026-11-01\t-4\n") != std::string::npos);
    const auto shown = v.Run({"case", "show", "IMP-1", "--json"});
    CHECK(shown.out.find(R"("follow_up_due": "2026-11-01")") != std::string::npos);
}

TEST_CASE("case split-relative moves a partner's alone-sessions into her own linked case",
          "[cli][clinical]") {
    // An older case, imported as it was kept: her alone-session (signed) in his case.
    Vault v;
    auto session = [](const std::string& id, const std::string& type, const std::string& day,
                      const std::string& text, bool isSigned) {
        return R"({"id":")" + id + R"(","start":"2026-03-)" + day +
               R"(T09:00:00Z","minutes":50,"type":")" + type +
               R"(","participants":[],"template":{"id":"note-free","version":1},)" +
               R"("fields":[{"id":"text","text":")" + text +
               R"("}],"themes":[],"methods":[],"next_steps":"","next_appointment":"",)" +
               R"("author":"anna","created":"2026-03-)" + day + R"(T11:00:00Z","signed":)" +
               (isSigned ? R"({"by":"anna","at":"2026-03-)" + day + R"(T12:00:00Z"})"
                         : std::string("null")) +
               R"(,"addenda":[]})";
    };
    const auto file = v.tmp.path / "old.json";
    std::ofstream(file)
        << R"({"format":"kartbok-case","version":1,"code":"IDX-1","status":"ongoing","sessions":[)"
        << session("5e55104d-de00-4000-8000-000000000001", "individual", "02",
                   "Hans egen anteckning.", true)
        << ","
        << session("5e55104d-de00-4000-8000-000000000002", "relative", "09",
                   "Hennes egna ord ensam.", true)
        << ","
        << session("5e55104d-de00-4000-8000-000000000003", "couple", "16", "Gemensamt om tilliten.",
                   false)
        << "]}";
    auto imported =
        CliRun({"case", "import", v.dir, file.string(), "--password-stdin"}, kPw + "\n");
    REQUIRE(imported.code == 0);

    auto split = v.Run({"case", "split-relative", "IDX-1", "--code", "REL-1"});
    REQUIRE(split.code == 0);
    CHECK(split.out.find("\tREL-1\nmoved\t1 sessions\t0 checklists\t0 forms\njoint\t1 "
                         "sessions\n") != std::string::npos);
    CHECK(Show(v.dir, "REL-1").out.find("relative of\tIDX-1\n") != std::string::npos);
    CHECK(Show(v.dir, "IDX-1").out.find("relative's case\tREL-1\n") != std::string::npos);

    // Her words are in her record only; the joint session shows in hers by date, not text.
    auto record = [&](const std::string& code) {
        const std::string out = (v.tmp.path / (code + ".pdf")).string();
        REQUIRE(
            CliRun({"report", v.dir, code, "--kind", "record", "--out", out, "--password-stdin"},
                   kPw + "\n")
                .code == 0);
        return Flat(PdfText(out));
    };
    const std::string his = record("IDX-1");
    CHECK(his.find("Hennes egna ord ensam") == std::string::npos);
    CHECK(his.find("Hans egen anteckning") != std::string::npos);
    CHECK(his.find("Gemensamt om tilliten") != std::string::npos);
    const std::string hers = record("REL-1");
    CHECK(hers.find("Hennes egna ord ensam") != std::string::npos);
    CHECK(hers.find("Gemensamt om tilliten") == std::string::npos);
    CHECK(hers.find("Hans egen anteckning") == std::string::npos);
    CHECK(hers.find("2026-03-16") != std::string::npos); // the joint session's date

    // Nothing left to move; a relative's case is no source; a code in use is refused.
    for (const auto& bad : {v.Run({"case", "split-relative", "IDX-1", "--code", "REL-2"}),
                            v.Run({"case", "split-relative", "REL-1", "--code", "REL-3"}),
                            v.Run({"case", "split-relative", "NOPE", "--code", "REL-4"})}) {
        CHECK(bad.code == 2);
        CHECK(bad.OneLineError());
    }
}

TEST_CASE("templates list shows where every form and checklist item comes from",
          "[cli][clinical]") {
    auto r = CliRun({"templates", "list"}, "");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("form-start\t2\tform\t") != std::string::npos);
    CHECK(r.out.find("\tbought-sex-ever\tyes-no\tTabell 1 i utvärderingen KAST i Göteborg (FoU i "
                     "Väst 2021)\n") != std::string::npos);
    CHECK(r.out.find("\trelations-quality\tscale\tclinic-defined: under rubriken Relationer i "
                     "Nationella KAST-studien\n") != std::string::npos);
    CHECK(r.out.find("\tproblem-behaviours\tmultiple-choice\t") != std::string::npos);
    CHECK(r.out.find("\tchildren-support\ttext-field\t") != std::string::npos);
    // Every item line has a source; none is a file name.
    std::istringstream lines(r.out);
    std::string line;
    int items = 0;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] != '\t')
            continue;
        ++items;
        INFO(line);
        CHECK(line.substr(line.rfind('\t') + 1) != "-");
        CHECK(line.find(".txt") == std::string::npos);
        CHECK(line.find("seeds") == std::string::npos);
    }
    CHECK(items > 100);
}
