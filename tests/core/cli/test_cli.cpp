// kartbok-cli's contract (README "Command line"): sub-commands, exit codes,
// one-line messages on stderr, JSON round trips. Runs the real command lines
// in-process against real vaults in temporary folders.
#include "CliHarness.h"

#include "CaseJson.h"

#include "kartbok/genogram/Gedcom.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>

using kartbok::test::CliRun;
using kartbok::test::ScratchDir;

namespace {

const std::string kPw = "correct horse battery";

std::string MakeVault(const ScratchDir& tmp) {
    std::string dir = (tmp.path / "vault").string();
    auto r =
        CliRun({"--kdf", "minimum", "vault", "init", dir, "--user", "anna", "--password-stdin"},
               kPw + "\n");
    REQUIRE(r.code == 0);
    return dir;
}

void WriteFile(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

/// Case C-1 in the vault with one draft session whose note says `text`; the
/// session's id.
std::string CaseWithDraft(const ScratchDir& tmp, const std::string& dir, const std::string& text) {
    REQUIRE(CliRun({"case", "new", dir, "--code", "C-1", "--password-stdin"}, kPw + "\n").code ==
            0);
    auto file = tmp.path / "session.json";
    WriteFile(file, R"({"start":"2026-03-02T09:00:00Z","minutes":50,"type":"individual",
                       "template":{"id":"note-free","version":1},
                       "fields":[{"id":"text","text":")" +
                        text + R"("}]})");
    auto added = CliRun({"session", "add", dir, "C-1", "--json", file.string(), "--password-stdin"},
                        kPw + "\n");
    REQUIRE(added.code == 0);
    return added.out.substr(0, added.out.size() - 1);
}

} // namespace

TEST_CASE("vault init, case new and case list follow the contract", "[cli]") {
    ScratchDir tmp;
    std::string dir = MakeVault(tmp);
    auto created =
        CliRun({"case", "new", dir, "--code", "GBG-2026-001", "--password-stdin"}, kPw + "\n");
    REQUIRE(created.code == 0);
    CHECK(std::regex_match(
        created.out,
        std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n")));

    auto list = CliRun({"case", "list", dir, "--password-stdin"}, kPw + "\n");
    REQUIRE(list.code == 0);
    CHECK(list.out == "GBG-2026-001\tenquiry\t0\t\n");

    auto dup =
        CliRun({"case", "new", dir, "--code", "GBG-2026-001", "--password-stdin"}, kPw + "\n");
    CHECK(dup.code == 2);
    CHECK(dup.OneLineError());
}

TEST_CASE("a wrong password is exit 1 with one line naming the vault", "[cli]") {
    ScratchDir tmp;
    std::string dir = MakeVault(tmp);
    auto r = CliRun({"case", "list", dir, "--password-stdin"}, "wrong password\n");
    CHECK(r.code == 1);
    CHECK(r.OneLineError());
    CHECK(r.err.find("password") != std::string::npos);
    CHECK(r.out.empty());
}

TEST_CASE("usage errors are exit 2", "[cli]") {
    ScratchDir tmp;
    CHECK(CliRun({}, "").code == 2);
    CHECK(CliRun({"case"}, "").code == 2);
    CHECK(CliRun({"case", "frobnicate"}, "").code == 2);
    auto noVault =
        CliRun({"case", "list", (tmp.path / "nowhere").string(), "--password-stdin"}, kPw + "\n");
    CHECK(noVault.code == 2);
    CHECK(noVault.OneLineError());
    auto noPassword =
        CliRun({"case", "list", (tmp.path / "nowhere").string(), "--password-stdin"}, "");
    CHECK(noPassword.code == 2);
    std::string dir = MakeVault(tmp);
    auto unknownCase = CliRun({"case", "show", dir, "NOPE-1", "--password-stdin"}, kPw + "\n");
    CHECK(unknownCase.code == 2);
    CHECK(unknownCase.OneLineError());
    CHECK(CliRun({"--help"}, "").code == 0);
}

TEST_CASE("case show --json and case import round-trip byte for byte", "[cli]") {
    ScratchDir tmp;
    std::string dir = MakeVault(tmp);
    std::string demoDir = (tmp.path / "demo").string();
    REQUIRE(CliRun({"--kdf", "minimum", "demo", demoDir, "--password-stdin"}, kPw + "\n").code ==
            0);
    auto shown =
        CliRun({"case", "show", demoDir, "GBG-2025-017", "--json", "--password-stdin"}, kPw + "\n");
    REQUIRE(shown.code == 0);
    auto file = tmp.path / "case.json";
    WriteFile(file, shown.out);

    // Into another vault, keeping its id: show prints exactly the same bytes.
    REQUIRE(CliRun({"case", "import", dir, file.string(), "--password-stdin"}, kPw + "\n").code ==
            0);
    auto again =
        CliRun({"case", "show", dir, "GBG-2025-017", "--json", "--password-stdin"}, kPw + "\n");
    REQUIRE(again.code == 0);
    CHECK(again.out == shown.out);

    // Importing the same file again is refused: an import only creates cases,
    // so it can never rewrite a record or its signed notes.
    const auto twice =
        CliRun({"case", "import", dir, file.string(), "--password-stdin"}, kPw + "\n");
    CHECK(twice.code == 1);
    CHECK(twice.OneLineError());
    CHECK(twice.err.find("already exists") != std::string::npos);
    auto list = CliRun({"case", "list", dir, "--password-stdin"}, kPw + "\n");
    CHECK(std::count(list.out.begin(), list.out.end(), '\n') == 1);
    CHECK(CliRun({"case", "show", dir, "GBG-2025-017", "--json", "--password-stdin"}, kPw + "\n")
              .out == shown.out);
}

TEST_CASE("case import with an existing id and edited signed notes changes nothing", "[cli]") {
    ScratchDir tmp;
    std::string dir = MakeVault(tmp);
    const std::string id = CaseWithDraft(tmp, dir, "Signerad text.");
    REQUIRE(CliRun({"session", "sign", dir, "C-1", id, "--user", "anna", "--password-stdin"},
                   kPw + "\n")
                .code == 0);
    const auto before =
        CliRun({"case", "show", dir, "C-1", "--json", "--password-stdin"}, kPw + "\n").out;
    // The attack: the case's own JSON with the signed text rewritten and the session dropped.
    std::string edited = before;
    edited.replace(edited.find("Signerad text."), 14, "Annan text.");
    WriteFile(tmp.path / "edited.json", edited);
    const auto r =
        CliRun({"case", "import", dir, (tmp.path / "edited.json").string(), "--password-stdin"},
               kPw + "\n");
    CHECK(r.code == 1);
    CHECK(r.OneLineError());
    CHECK(CliRun({"case", "show", dir, "C-1", "--json", "--password-stdin"}, kPw + "\n").out ==
          before);
}

TEST_CASE("the minimum key derivation cost (--kdf minimum) is refused without KARTBOK_TEST_KDF=1",
          "[cli]") {
    ScratchDir tmp;
    const char* was = std::getenv("KARTBOK_TEST_KDF");
    const std::string keep = was ? was : "";
    ::unsetenv("KARTBOK_TEST_KDF");
    auto r = CliRun({"--kdf", "minimum", "vault", "init", (tmp.path / "v").string(), "--user",
                     "anna", "--password-stdin"},
                    kPw + "\n");
    if (was)
        ::setenv("KARTBOK_TEST_KDF", keep.c_str(), 1);
    CHECK(r.code == 2);
    CHECK(r.OneLineError());
    CHECK(r.err.find("KARTBOK_TEST_KDF") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp.path / "v" / "vault.key"));
}

TEST_CASE("short, common and empty passwords are refused with the reason", "[cli]") {
    ScratchDir tmp;
    for (const std::string pw : {"", "kort", "123456789", "password123", "Sommar2025"}) {
        const std::string dir = (tmp.path / ("v" + std::to_string(pw.size()))).string();
        auto r = CliRun({"--kdf", "minimum", "vault", "init", dir, "--password-stdin"}, pw + "\n");
        INFO(pw);
        CHECK(r.code == 2);
        CHECK(r.OneLineError());
        CHECK((r.err.find("at least 10 characters") != std::string::npos ||
               r.err.find("list of common passwords") != std::string::npos));
    }
    // The demo's password passes.
    auto ok = CliRun(
        {"--kdf", "minimum", "vault", "init", (tmp.path / "demo").string(), "--password-stdin"},
        "kartbok-demo\n");
    CHECK(ok.code == 0);
}

TEST_CASE("case import refuses bad JSON with the path of the problem and writes nothing", "[cli]") {
    ScratchDir tmp;
    std::string dir = MakeVault(tmp);
    auto file = tmp.path / "bad.json";
    WriteFile(file, R"({"format":"kartbok-case","version":1,"code":"X-1","status":"ongoing",
                       "sessions":[{"start":"yesterday"}]})");
    auto r = CliRun({"case", "import", dir, file.string(), "--password-stdin"}, kPw + "\n");
    CHECK(r.code == 1);
    CHECK(r.OneLineError());
    CHECK(r.err.find("case.sessions[0].start") != std::string::npos);

    WriteFile(file,
              R"({"format":"kartbok-case","version":1e999})"); // out_of_range, not parse_error
    r = CliRun({"case", "import", dir, file.string(), "--password-stdin"}, kPw + "\n");
    CHECK(r.code == 1);
    CHECK(r.OneLineError());
    CHECK(r.err.find("1e999") == std::string::npos);

    WriteFile(file, "{ not json");
    r = CliRun({"case", "import", dir, file.string(), "--password-stdin"}, kPw + "\n");
    CHECK(r.code == 1);
    CHECK(r.OneLineError());

    WriteFile(file, R"({"format":"kartbok-case","version":1,"code":"X-1","status":"ongoing",
                       "family":{"people":[{"id":1}],"relations":[{"id":2,"from":1,"to":9,"kind":"close"}]}})");
    r = CliRun({"case", "import", dir, file.string(), "--password-stdin"}, kPw + "\n");
    CHECK(r.code == 1);
    CHECK(r.err.find("relations[0]") != std::string::npos);
    CHECK(CliRun({"case", "list", dir, "--password-stdin"}, kPw + "\n").out.empty());
}

TEST_CASE("sessions are added, signed and amended from the command line", "[cli]") {
    ScratchDir tmp;
    std::string dir = MakeVault(tmp);
    const std::string id = CaseWithDraft(tmp, dir, "Samtal om skam och skuld.");

    CHECK(CliRun({"session", "sign", dir, "C-1", id, "--user", "erik", "--password-stdin"},
                 kPw + "\n")
              .code == 2);
    REQUIRE(CliRun({"session", "sign", dir, "C-1", id, "--user", "anna", "--password-stdin"},
                   kPw + "\n")
                .code == 0);
    auto resign = CliRun({"session", "sign", dir, "C-1", id, "--user", "anna", "--password-stdin"},
                         kPw + "\n");
    CHECK(resign.code == 1);
    CHECK(resign.OneLineError());

    REQUIRE(CliRun({"session", "addendum", dir, "C-1", id, "--user", "anna", "--text",
                    "Tillägg efteråt.", "--reason", "Kom fram senare", "--password-stdin"},
                   kPw + "\n")
                .code == 0);
    auto shown = CliRun({"case", "show", dir, "C-1", "--json", "--password-stdin"}, kPw + "\n");
    auto j = nlohmann::json::parse(shown.out);
    REQUIRE(j["sessions"].size() == 1);
    CHECK(j["sessions"][0]["signed"]["by"] == "anna");
    CHECK(j["sessions"][0]["addenda"][0]["text"] == "Tillägg efteråt.");

    auto found = CliRun({"search", dir, "SKULD", "--password-stdin"}, kPw + "\n");
    REQUIRE(found.code == 0);
    CHECK(found.out.find("C-1\t2026-03-02\tfield\t") == 0);
    CHECK(CliRun({"search", dir, "ingenting-sådant", "--password-stdin"}, kPw + "\n").out.empty());
}

TEST_CASE("case due lists follow-ups and retention reviews", "[cli]") {
    ScratchDir tmp;
    std::string demoDir = (tmp.path / "demo").string();
    REQUIRE(CliRun({"--kdf", "minimum", "demo", demoDir, "--password-stdin"}, kPw + "\n").code ==
            0);
    auto due =
        CliRun({"case", "due", demoDir, "--today", "2026-11-24", "--password-stdin"}, kPw + "\n");
    REQUIRE(due.code == 0);
    CHECK(due.out.find("follow-up-soon\tGBG-2025-017\t2026-12-09\t15\n") != std::string::npos);
    CHECK(due.out.find("retention-review\tGBG-2020-008\t") != std::string::npos);
}

TEST_CASE("the demo vault holds the demo client and verifies", "[cli][demo]") {
    ScratchDir tmp;
    std::string demoDir = (tmp.path / "demo").string();
    REQUIRE(CliRun({"--kdf", "minimum", "demo", demoDir, "--password-stdin"}, kPw + "\n").code ==
            0);
    auto list = CliRun({"case", "list", demoDir, "--password-stdin"}, kPw + "\n");
    CHECK(list.out.find("GBG-2025-017\tended\t18\t2026-12-09\n") != std::string::npos);
    auto verify = CliRun({"vault", "verify", demoDir, "--password-stdin"}, kPw + "\n");
    CHECK(verify.code == 0);
    CHECK(verify.err.empty());
    // A second demo in the same folder is refused, and nothing is lost.
    CHECK(CliRun({"demo", demoDir, "--password-stdin"}, kPw + "\n").code == 2);
    CHECK(CliRun({"vault", "verify", demoDir, "--password-stdin"}, kPw + "\n").code == 0);
}

TEST_CASE("vault verify fails with exit 1 when a case file is damaged", "[cli]") {
    ScratchDir tmp;
    std::string dir = MakeVault(tmp);
    auto created = CliRun({"case", "new", dir, "--code", "C-1", "--password-stdin"}, kPw + "\n");
    std::string id = created.out.substr(0, created.out.size() - 1);
    auto path = std::filesystem::path(dir) / (id + ".kbc");
    std::string bytes = kartbok::test::ReadAll(path);
    bytes[bytes.size() / 2] ^= 0x01;
    WriteFile(path, bytes);
    auto r = CliRun({"vault", "verify", dir, "--password-stdin"}, kPw + "\n");
    CHECK(r.code == 1);
    CHECK(r.err.find(id + ".kbc") != std::string::npos);
}

TEST_CASE("search reports a damaged case on stderr, searches the rest and exits 1", "[cli]") {
    ScratchDir tmp;
    std::string dir = MakeVault(tmp);
    auto session = tmp.path / "session.json";
    WriteFile(session, R"({"start":"2026-03-02T09:00:00Z","minutes":50,"type":"individual",
                          "template":{"id":"note-free","version":1},
                          "fields":[{"id":"text","text":"Samtal om skam och skuld."}]})");
    std::string damagedId;
    for (std::string code : {"C-2", "C-1"}) {
        auto created = CliRun({"case", "new", dir, "--code", code, "--password-stdin"}, kPw + "\n");
        REQUIRE(created.code == 0);
        damagedId = created.out.substr(0, created.out.size() - 1); // ends as C-1's id
        REQUIRE(
            CliRun({"session", "add", dir, code, "--json", session.string(), "--password-stdin"},
                   kPw + "\n")
                .code == 0);
    }
    auto all = CliRun({"search", dir, "skuld", "--password-stdin"}, kPw + "\n");
    CHECK(all.code == 0);
    CHECK(all.err.empty());
    CHECK(all.out.find("C-1\t2026-03-02\tfield\t") == 0); // by code
    CHECK(all.out.find("\nC-2\t2026-03-02\tfield\t") != std::string::npos);

    auto path = std::filesystem::path(dir) / (damagedId + ".kbc");
    std::string bytes = kartbok::test::ReadAll(path);
    bytes[bytes.size() / 2] ^= 0x01;
    WriteFile(path, bytes);
    auto r = CliRun({"search", dir, "skuld", "--password-stdin"}, kPw + "\n");
    CHECK(r.code == 1);
    CHECK(r.OneLineError());
    // The file, not the client: the code was not on the command line (test_no_leaks).
    CHECK(r.err.rfind("kartbok-cli: " + damagedId + ".kbc: damaged", 0) == 0);
    CHECK(r.err.find("C-1") == std::string::npos);
    CHECK(r.out.find("C-2\t2026-03-02\tfield\t") == 0);
    CHECK(r.out.find("C-1") == std::string::npos);
}

TEST_CASE("key slots: add a user, change a password", "[cli]") {
    ScratchDir tmp;
    std::string dir = MakeVault(tmp);
    REQUIRE(
        CliRun({"--kdf", "minimum", "vault", "add-slot", dir, "--user", "erik", "--password-stdin"},
               kPw + "\nerik-password\n")
            .code == 0);
    CHECK(CliRun({"case", "list", dir, "--password-stdin"}, "erik-password\n").code == 0);
    REQUIRE(CliRun({"--kdf", "minimum", "vault", "passwd", dir, "--password-stdin"},
                   kPw + "\nnew-anna-password\n")
                .code == 0);
    CHECK(CliRun({"case", "list", dir, "--password-stdin"}, kPw + "\n").code == 1);
    CHECK(CliRun({"case", "list", dir, "--password-stdin"}, "new-anna-password\n").code == 0);
    CHECK(CliRun({"case", "list", dir, "--password-stdin"}, "erik-password\n").code == 0);
    auto shortPw = CliRun({"vault", "passwd", dir, "--password-stdin"}, "erik-password\nshort\n");
    CHECK(shortPw.code == 2);
}

TEST_CASE("genogram render --no-relations leaves out the relation lines and their legend",
          "[cli][genogram]") {
    ScratchDir tmp;
    const std::string demoDir = (tmp.path / "demo").string();
    REQUIRE(CliRun({"--kdf", "minimum", "demo", demoDir, "--password-stdin"}, kPw + "\n").code ==
            0);
    auto render = [&](const std::string& name, bool relations) {
        const auto out = tmp.path / name;
        std::vector<std::string> args = {"genogram",        "render", demoDir,
                                         "GBG-2025-017",    "--out",  out.string(),
                                         "--password-stdin"};
        if (!relations)
            args.push_back("--no-relations");
        REQUIRE(CliRun(args, kPw + "\n").code == 0);
        return kartbok::test::ReadAll(out);
    };
    const std::string all = render("all.svg", true);
    const std::string family = render("family.svg", false);
    CHECK(all.find(">Konflikt<") != std::string::npos);
    CHECK(family.find(">Konflikt<") == std::string::npos);
    CHECK(family.size() < all.size());
}

TEST_CASE("genogram render and layout from a vault, a case JSON and a GEDCOM file",
          "[cli][genogram]") {
    ScratchDir tmp;
    std::string demoDir = (tmp.path / "demo").string();
    REQUIRE(CliRun({"--kdf", "minimum", "demo", demoDir, "--password-stdin"}, kPw + "\n").code ==
            0);
    for (const char* ext : {".svg", ".pdf", ".png"}) {
        auto out = tmp.path / (std::string("map") + ext);
        auto r = CliRun({"genogram", "render", demoDir, "GBG-2025-017", "--out", out.string(),
                         "--password-stdin"},
                        kPw + "\n");
        REQUIRE(r.code == 0);
        CHECK(std::filesystem::file_size(out) > 1000);
    }
    CHECK(kartbok::test::ReadAll(tmp.path / "map.png").substr(1, 3) == "PNG");
    CHECK(kartbok::test::ReadAll(tmp.path / "map.pdf").substr(0, 5) == "%PDF-");

    auto shown =
        CliRun({"case", "show", demoDir, "GBG-2025-017", "--json", "--password-stdin"}, kPw + "\n");
    auto caseFile = tmp.path / "case.json";
    WriteFile(caseFile, shown.out);
    auto deid = tmp.path / "deid.svg";
    REQUIRE(CliRun({"genogram", "render", "--json", caseFile.string(), "--out", deid.string(),
                    "--deidentify"},
                   "")
                .code == 0);
    std::string svg = kartbok::test::ReadAll(deid);
    auto j = nlohmann::json::parse(shown.out);
    for (const auto& p : j["family"]["people"])
        if (!p["surname"].get<std::string>().empty())
            CHECK(svg.find(p["surname"].get<std::string>()) == std::string::npos);

    auto layoutFile = tmp.path / "layout.json";
    REQUIRE(
        CliRun({"genogram", "layout", "--json", caseFile.string(), "--out", layoutFile.string()},
               "")
            .code == 0);
    auto layout = nlohmann::json::parse(kartbok::test::ReadAll(layoutFile));
    REQUIRE(layout["people"].size() > 20);
    for (const auto& p : layout["people"]) {
        for (const char* key : {"id", "x", "y", "width", "height", "generation", "gender",
                                "birth_year", "placeholder"})
            CHECK(p.contains(key));
    }
    CHECK(layout["unions"][0]["partners"].size() == 2);
    CHECK(layout["bounds"]["width"].get<double>() > 0);

    auto ged = tmp.path / "f.ged";
    WriteFile(
        ged,
        "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Anna /Berg/\n1 SEX F\n"
        "1 FAMS @F1@\n0 @I2@ INDI\n1 NAME Bo /Berg/\n1 SEX M\n1 FAMS @F1@\n0 @I3@ INDI\n"
        "1 NAME Cilla /Berg/\n1 SEX F\n1 FAMC @F1@\n0 @F1@ FAM\n1 HUSB @I2@\n1 WIFE @I1@\n"
        "1 CHIL @I3@\n1 CHIL @I9@\n0 TRLR\n");
    auto gedOut = tmp.path / "ged.png";
    auto r = CliRun({"genogram", "render", "--gedcom", ged.string(), "--index", "@I3@", "--out",
                     gedOut.string()},
                    "");
    CHECK(r.code == 0);
    CHECK(r.err.find("line") != std::string::npos); // the dangling @I9@ is reported with its line
    CHECK(CliRun({"genogram", "render", "--out", gedOut.string()}, "").code == 2);
    CHECK(CliRun({"genogram", "render", "--gedcom", ged.string(), "--out", "x.gif"}, "").code == 2);

    REQUIRE(CliRun({"genogram", "import-gedcom", demoDir, "GBG-2026-003", ged.string(),
                    "--password-stdin"},
                   kPw + "\n")
                .code == 0);
    auto imported =
        CliRun({"case", "show", demoDir, "GBG-2026-003", "--json", "--password-stdin"}, kPw + "\n");
    CHECK(nlohmann::json::parse(imported.out)["family"]["people"].size() == 3);
}

TEST_CASE("genogram render cuts a big file to N generations and fits pages or scales",
          "[cli][genogram]") {
    ScratchDir tmp;
    auto ged = tmp.path / "royal.ged";
    WriteFile(ged,
              kartbok::genogram::GenerateGedcom(600, 3, kartbok::genogram::GedcomStyle::Royal));
    auto layoutOf = [&](std::vector<std::string> extra) {
        auto out = tmp.path / "l.json";
        std::vector<std::string> args{"genogram",   "layout", "--gedcom",
                                      ged.string(), "--out",  out.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        REQUIRE(CliRun(args, "").code == 0);
        return nlohmann::json::parse(kartbok::test::ReadAll(out));
    };
    auto all = layoutOf({"--index", "@I300@"});
    auto two = layoutOf({"--index", "@I300@", "--generations", "2"});
    CHECK(two["people"].size() < all["people"].size());
    CHECK(two["people"].size() >= 3);
    // Within two generations up and down: at most five rows.
    std::set<int> rows;
    for (const auto& p : two["people"])
        rows.insert(p["generation"].get<int>());
    CHECK(rows.size() <= 6);
    // --generations needs a client.
    auto out = tmp.path / "m.pdf";
    CHECK(CliRun({"genogram", "render", "--gedcom", ged.string(), "--generations", "2", "--out",
                  out.string()},
                 "")
              .code == 2);

    auto pdf = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"genogram", "render",    "--gedcom",      ged.string(),
                                      "--index",  "@I300@",    "--generations", "1",
                                      "--out",    out.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return CliRun(args, "");
    };
    REQUIRE(pdf({"--page", "A4"}).code == 0);
    CHECK(kartbok::test::ReadAll(out).find("/MediaBox [ 0 0 595.28 841.89 ]") != std::string::npos);
    REQUIRE(pdf({"--page", "A3", "--landscape"}).code == 0);
    CHECK(kartbok::test::ReadAll(out).find("/MediaBox [ 0 0 1190.55 841.89 ]") !=
          std::string::npos);
    CHECK(pdf({"--page", "A5"}).code == 2);
    CHECK(pdf({"--landscape"}).code == 2);
    CHECK(pdf({"--page", "A4", "--scale", "2"}).code == 2);
    CHECK(pdf({"--scale", "0"}).code == 2);
    REQUIRE(pdf({"--scale", "0.5"}).code == 0);

    // PNG: an A4 page at 150 dpi is 1240 x 1754 pixels.
    auto png = tmp.path / "m.png";
    REQUIRE(CliRun({"genogram", "render", "--gedcom", ged.string(), "--index", "@I300@",
                    "--generations", "1", "--page", "A4", "--out", png.string()},
                   "")
                .code == 0);
    std::string bytes = kartbok::test::ReadAll(png);
    auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) << 24) |
               (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
               (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
               static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 3]));
    };
    CHECK(be32(16) == 1240);
    CHECK(be32(20) == 1754);
    // The whole file at a huge scale: refused with a scale that would do (exit 1).
    auto huge = CliRun(
        {"genogram", "render", "--gedcom", ged.string(), "--scale", "16", "--out", png.string()},
        "");
    CHECK(huge.code == 1);
    CHECK(huge.err.find("scale of at most") != std::string::npos);
    CHECK(CliRun({"genogram", "render", "--gedcom", ged.string(), "--scale", "2", "--out",
                  (tmp.path / "m.svg").string()},
                 "")
              .code == 2);
}
