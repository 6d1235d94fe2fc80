// Client text never leaks (docs/design.md, "Who it is for" and "Files and security"): whatever goes
// wrong - a wrong password, a damaged or swapped file, bad JSON, a bad GEDCOM file, an unknown
// code, signing twice - nothing kartbok-cli prints on the way out names the
// client or quotes a note, and no file of the vault holds any client text in
// the clear. The texts to look for come from the demo client itself
// (`case show --json`, the one command whose job is to print them).
#include "CliHarness.h"

#include "kartbok/vault/Vault.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using kartbok::test::CliResult;
using kartbok::test::CliRun;
using kartbok::test::ReadAll;
using kartbok::test::ScratchDir;
namespace fs = std::filesystem;

namespace {

const std::string kPw = "leak-test-password";
const std::string kCode = "GBG-2025-017";
const std::string kUser = "terapeut"; // the demo vault's key slot

/// What the client said and what was written about them.
struct ClientTexts {
    std::set<std::string> words; ///< looked for in output as whole words (3+ bytes)
    std::set<std::string>
        bytes; ///< looked for in files as bytes (6+ bytes: no chance hits in ciphertext)
};

bool IsWordByte(unsigned char c) {
    return std::isalnum(c) != 0 || c >= 0x80 || c == '_';
}

bool ContainsWord(const std::string& haystack, const std::string& word) {
    for (auto at = haystack.find(word); at != std::string::npos; at = haystack.find(word, at + 1)) {
        const bool startOk = at == 0 || !IsWordByte(static_cast<unsigned char>(haystack[at - 1]));
        const std::size_t end = at + word.size();
        const bool endOk =
            end == haystack.size() || !IsWordByte(static_cast<unsigned char>(haystack[end]));
        if (startOk && endOk)
            return true;
    }
    return false;
}

void Add(ClientTexts& t, const std::string& s) {
    if (s.size() >= 3)
        t.words.insert(s);
    if (s.size() >= 6)
        t.bytes.insert(s);
    // A message that quotes part of a note is a leak too: look for pieces.
    if (s.size() >= 24)
        for (std::size_t at : {std::size_t{0}, s.size() / 2 - 8, s.size() - 16}) {
            t.words.insert(s.substr(at, 16));
            t.bytes.insert(s.substr(at, 16));
        }
}

void Collect(const nlohmann::json& j, const std::string& key, ClientTexts& t) {
    static const std::set<std::string> kTextKeys = {"name",        "contact", "reason_for_contact",
                                                    "given_names", "surname", "occupation",
                                                    "place",       "note",    "label",
                                                    "text",        "reason",  "next_steps",
                                                    "themes"};
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it)
            Collect(it.value(), it.key(), t);
        if (j.contains("given_names") && j.contains("surname") && j["given_names"].is_string() &&
            j["surname"].is_string())
            Add(t, j["given_names"].get<std::string>() + " " + j["surname"].get<std::string>());
    } else if (j.is_array()) {
        for (const auto& e : j)
            Collect(e, key, t);
    } else if (j.is_string()) {
        const auto s = j.get<std::string>();
        // Form answers are mostly "yes" or a scale step; only free text is client text.
        if (kTextKeys.count(key) || (key == "value" && s.size() >= 8))
            Add(t, s);
    }
}

/// The line of `text` that holds `what` (the demo's texts are invented, so a
/// failing check may print it).
std::string LineWith(const std::string& text, const std::string& what) {
    const auto at = text.find(what);
    const auto begin = text.rfind('\n', at);
    const auto end = text.find('\n', at);
    return text.substr(begin == std::string::npos ? 0 : begin + 1,
                       end == std::string::npos
                           ? std::string::npos
                           : end - (begin == std::string::npos ? 0 : begin + 1));
}

/// The first client text found in what a command printed, with the line it
/// is on, or "" when none. The code counts too, unless the user named it on
/// that command line.
std::string LeakIn(const CliResult& r, const ClientTexts& t, bool codeNamed) {
    for (const std::string* stream : {&r.out, &r.err}) {
        const char* name = stream == &r.out ? "stdout" : "stderr";
        for (const auto& w : t.words)
            if (ContainsWord(*stream, w))
                return "'" + w + "' on " + name + ": " + LineWith(*stream, w);
        if (!codeNamed && stream->find(kCode) != std::string::npos)
            return "'" + kCode + "' on " + name + ": " + LineWith(*stream, kCode);
    }
    return {};
}

void WriteFile(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}

fs::path CopyVault(const fs::path& from, const fs::path& to) {
    fs::copy(from, to, fs::copy_options::recursive);
    return to;
}

/// Runs one command line that must fail, and checks it said nothing about the client.
struct ErrorPaths {
    const ClientTexts& texts;
    int ran = 0;

    void Fails(std::initializer_list<std::string> args, const std::string& stdinText,
               bool codeNamed, int expectedCode = -1) {
        std::string line;
        for (const auto& a : args)
            line += a + " ";
        INFO("kartbok-cli " << line);
        const CliResult r = CliRun(args, stdinText);
        if (expectedCode >= 0)
            CHECK(r.code == expectedCode);
        else
            CHECK(r.code != 0);
        CHECK(LeakIn(r, texts, codeNamed) == "");
        ++ran;
    }

    /// Same, for a command that succeeds but warns (its stderr is checked).
    void Warns(std::initializer_list<std::string> args, const std::string& stdinText,
               bool codeNamed) {
        Fails(args, stdinText, codeNamed, 0);
    }

    /// Whatever the exit code, nothing about the client is printed.
    void Says(std::initializer_list<std::string> args, const std::string& stdinText,
              bool codeNamed) {
        const CliResult r = CliRun(args, stdinText);
        CHECK(LeakIn(r, texts, codeNamed) == "");
        ++ran;
    }
};

std::string CaseFile(const fs::path& vault, const std::string& id) {
    return (vault / (id + ".kbc")).string();
}

void FlipByte(const fs::path& file, std::size_t at) {
    std::string bytes = ReadAll(file);
    REQUIRE(at < bytes.size());
    bytes[at] = static_cast<char>(bytes[at] ^ 0x20);
    WriteFile(file, bytes);
}

void Truncate(const fs::path& file, std::size_t size) {
    fs::resize_file(file, size);
}

/// The demo vault in a scratch folder, and what its main client said and had
/// written about them: the texts no error path may print and no vault file
/// may hold in the clear.
struct DemoLeakFixture {
    ScratchDir tmp;
    fs::path demo;
    std::string dir;
    std::string pw = kPw + "\n";
    nlohmann::json json; ///< the main client's case, as `case show --json` printed it
    ClientTexts texts;
    std::string caseId, signedSession, reason, note, given, surname;
    std::vector<std::string> otherIds; ///< the vault's other case files
    ErrorPaths paths{texts};

    DemoLeakFixture() {
        demo = tmp.path / "demo";
        dir = demo.string();
        REQUIRE(CliRun({"--kdf", "minimum", "demo", dir, "--password-stdin"}, pw).code == 0);
        const CliResult shown =
            CliRun({"case", "show", dir, kCode, "--json", "--password-stdin"}, pw);
        REQUIRE(shown.code == 0);
        json = nlohmann::json::parse(shown.out);
        Collect(json, "", texts);
        // The demo client is rich: a named family, notes, a reason for contact.
        REQUIRE(texts.words.size() > 50);
        REQUIRE(json["reason_for_contact"].get<std::string>().size() > 20);
        // The detectors work: the one command meant to print client text is caught.
        REQUIRE(LeakIn(shown, texts, false) != "");
        REQUIRE(std::any_of(texts.bytes.begin(), texts.bytes.end(), [&](const std::string& t) {
            return shown.out.find(t) != std::string::npos;
        }));
        PickTexts();
    }

    /// A copy of the demo vault, to damage.
    fs::path Copy(const std::string& name) const { return CopyVault(demo, tmp.path / name); }

    /// A file the test writes (outside every vault); its path.
    std::string Write(const std::string& name, const std::string& text) const {
        const fs::path p = tmp.path / name;
        WriteFile(p, text);
        return p.string();
    }

    /// Every path run printed nothing about the client, no vault file holds
    /// client text, and neither does what the audit log says.
    void CheckNothingLeaked() {
        CHECK(paths.ran > 0);
        CheckVaultFiles();
        CheckAudit();
    }

private:
    void PickTexts() {
        caseId = json["id"].get<std::string>();
        signedSession = json["sessions"][0]["id"].get<std::string>();
        reason = json["reason_for_contact"].get<std::string>();
        note = json["sessions"][0]["fields"][0]["text"].get<std::string>();
        for (const auto& p : json["family"]["people"])
            if (p["given_names"].get<std::string>().size() >= 3 &&
                p["surname"].get<std::string>().size() >= 3) {
                given = p["given_names"].get<std::string>();
                surname = p["surname"].get<std::string>();
                break;
            }
        REQUIRE_FALSE(given.empty());
        for (const auto& e : fs::directory_iterator(demo))
            if (e.path().extension() == ".kbc" && e.path().stem() != caseId)
                otherIds.push_back(e.path().stem().string());
        REQUIRE_FALSE(otherIds.empty());
    }

    /// No file of any vault (every copy, .bak, .lock, index, audit, key) holds
    /// client text or the client code in the clear.
    void CheckVaultFiles() const {
        std::vector<std::string> lookFor(texts.bytes.begin(), texts.bytes.end());
        lookFor.push_back(kCode);
        int files = 0;
        for (const auto& e : fs::recursive_directory_iterator(tmp.path)) {
            if (!e.is_regular_file())
                continue;
            const auto parent = e.path().parent_path();
            if (!fs::exists(parent / "vault.key") && !fs::exists(parent / "index.kbx"))
                continue; // not a vault folder: the test's own JSON, GEDCOM and output files
            const std::string bytes = ReadAll(e.path());
            ++files;
            std::string found;
            for (const auto& t : lookFor)
                if (found.empty() && bytes.find(t) != std::string::npos)
                    found = t;
            INFO(e.path().string());
            CHECK(found == "");
        }
        CHECK(files >= 5);
    }

    /// The audit log is encrypted; what it says must not name the client either.
    void CheckAudit() const {
        kartbok::vault::Vault v = kartbok::vault::Vault::Open(demo, kPw);
        for (const auto& entry : v.ReadAudit())
            for (const auto& w : texts.words) {
                CHECK_FALSE(ContainsWord(entry.detail, w));
                CHECK_FALSE(ContainsWord(entry.user, w));
            }
    }
};

/// Every command that reads the main client's case, on a damaged vault copy.
void EveryRead(DemoLeakFixture& f, const fs::path& v, int expectedShow) {
    const std::string d = v.string();
    const std::string& pw = f.pw;
    f.paths.Fails({"case", "show", d, kCode, "--json", "--password-stdin"}, pw, true, expectedShow);
    f.paths.Fails({"vault", "verify", d, "--password-stdin"}, pw, false, 1);
    f.paths.Fails({"search", d, "xyz", "--password-stdin"}, pw, false);
    f.paths.Fails({"report", d, kCode, "--kind", "record", "--out", (f.tmp.path / "r.pdf").string(),
                   "--password-stdin"},
                  pw, true);
    f.paths.Fails({"genogram", "render", d, kCode, "--out", (f.tmp.path / "m.svg").string(),
                   "--password-stdin"},
                  pw, true);
    f.paths.Fails(
        {"session", "sign", d, kCode, f.signedSession, "--user", kUser, "--password-stdin"}, pw,
        true);
}

/// A GEDCOM file with the client's names and texts where every kind of
/// problem is: a bad sex, date, xref, tag, line and level.
std::string BrokenGedcom(const DemoLeakFixture& f) {
    const std::string& given = f.given;
    const std::string& surname = f.surname;
    return "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n"
           "0 @I1@ INDI\n1 NAME " +
           given + " /" + surname + "/\n1 SEX " + given + "\n1 BIRT\n2 DATE " + f.reason +
           "\n1 FAMC @" + surname + "@\n1 _CUSTOM " + f.note + "\nx " + given +
           " broken line\n3 NOTE " + surname +
           " skipped a level\n0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @" + given +
           "@\n1 CHIL @I9@\n1 MARR\n2 DATE " + f.note + "\n0 TRLR\n";
}

} // namespace

TEST_CASE("no client text when a password is wrong, a code unknown or a command refused",
          "[cli][leak]") {
    DemoLeakFixture f;
    const std::string& dir = f.dir;
    const std::string& pw = f.pw;
    const std::string& signedSession = f.signedSession;
    ErrorPaths& paths = f.paths;
    const std::string wrong = "not the password\n";
    paths.Fails({"case", "list", dir, "--password-stdin"}, wrong, false, 1);
    paths.Fails({"case", "show", dir, kCode, "--json", "--password-stdin"}, wrong, true, 1);
    paths.Fails({"vault", "verify", dir, "--password-stdin"}, wrong, false, 1);
    paths.Fails({"search", dir, "xyz", "--password-stdin"}, wrong, false, 1);
    paths.Fails({"case", "show", dir, "NOPE-1", "--password-stdin"}, pw, false, 2);
    paths.Fails(
        {"session", "sign", dir, "NOPE-1", signedSession, "--user", kUser, "--password-stdin"}, pw,
        false);
    // Signing a signed note, signing as someone else, amending what is not there.
    paths.Fails({"session", "sign", dir, kCode, signedSession, "--user", kUser, "--password-stdin"},
                pw, true, 1);
    paths.Fails(
        {"session", "sign", dir, kCode, signedSession, "--user", "erik", "--password-stdin"}, pw,
        true, 2);
    paths.Fails({"session", "addendum", dir, kCode, "00000000-0000-4000-8000-000000000000",
                 "--user", kUser, "--text", "x", "--password-stdin"},
                pw, true);
    paths.Fails({"session", "addendum", dir, kCode, signedSession, "--user", kUser, "--text", "x",
                 "--field", "no-such-field", "--password-stdin"},
                pw, true);
    paths.Fails(
        {"session", "addendum", dir, kCode, signedSession, "--user", kUser, "--password-stdin"}, pw,
        true, 2);
    paths.Fails({"case", "new", dir, "--code", kCode, "--password-stdin"}, pw, true, 2);
    paths.Fails({"demo", dir, "--password-stdin"}, pw, false, 2);
    paths.Fails(
        {"--kdf", "minimum", "vault", "add-slot", dir, "--user", "erik", "--password-stdin"},
        pw + "short\n", false, 2);
    paths.Fails(
        {"--kdf", "minimum", "vault", "passwd", dir, "--user", "nobody", "--password-stdin"},
        pw + "new-password-1\n", false);
    f.CheckNothingLeaked();
}

TEST_CASE("refused reports, statistics and renders print no client text and leave no file",
          "[cli][leak]") {
    DemoLeakFixture f;
    const std::string& dir = f.dir;
    const std::string& pw = f.pw;
    ErrorPaths& paths = f.paths;
    const fs::path reports = f.tmp.path / "reports";
    fs::create_directories(reports);
    paths.Fails({"report", dir, kCode, "--kind", "nonsense", "--out", (reports / "r.pdf").string(),
                 "--password-stdin"},
                pw, true);
    paths.Fails({"report", dir, kCode, "--kind", "followup", "--deidentify", "--out",
                 (reports / "r.pdf").string(), "--password-stdin"},
                pw, true, 2);
    paths.Fails({"report", dir, kCode, "--kind", "record", "--out",
                 (f.tmp.path / "no" / "r.pdf").string(), "--password-stdin"},
                pw, true, 2);
    paths.Fails({"stats", dir, "--year", "twenty", "--out", (reports / "s.csv").string(),
                 "--password-stdin"},
                pw, false, 2);
    paths.Fails({"genogram", "render", dir, kCode, "--out", (reports / "map.gif").string(),
                 "--password-stdin"},
                pw, true, 2);
    CHECK(fs::is_empty(reports));
    f.CheckNothingLeaked();
}

TEST_CASE("case JSON that carries client text is refused without echoing it", "[cli][leak]") {
    DemoLeakFixture f;
    const std::string q = nlohmann::json(f.reason).dump(); // quoted, escaped
    const std::string n = nlohmann::json(f.note).dump();
    const std::string g = nlohmann::json(f.given).dump();
    const std::string head = "{\"format\":\"kartbok-case\",\"version\":1,\"code\":\"X-9\",";
    const std::string syntax = f.Write(
        "syntax.json", "{\"code\":\"X-9\",\"reason_for_contact\":" + q + ", oops " + g + "}");
    const std::string status = f.Write("status.json", head + "\"status\":" + q + "}");
    const std::string start = f.Write(
        "start.json", head + "\"status\":\"ongoing\",\"sessions\":[{\"start\":" + n + "}]}");
    const std::string people =
        f.Write("people.json", head +
                                   "\"status\":\"ongoing\",\"family\":{\"people\":[{\"id\":1,"
                                   "\"given_names\":" +
                                   g + ",\"gender\":" + g +
                                   "}],\"relations\":[{\"id\":2,\"from\":1,\"to\":9,"
                                   "\"kind\":\"close\",\"note\":" +
                                   n + "}]}}");
    const std::string kinds = f.Write(
        "kinds.json",
        head + "\"status\":\"ongoing\",\"family\":{\"people\":[{\"id\":1,\"kind\":" + n + "}]}}");
    const std::string notJson = f.Write("not.json", f.reason + "\n" + f.note + "\n");
    for (const auto& file : {syntax, status, start, people, kinds, notJson}) {
        f.paths.Fails({"case", "import", f.dir, file, "--password-stdin"}, f.pw, false, 1);
        f.paths.Fails(
            {"genogram", "render", "--json", file, "--out", (f.tmp.path / "x.svg").string()}, "",
            false);
    }
    // A code already used by another case: the message may name that code
    // (the user wrote it in the file), nothing else.
    nlohmann::json clash = f.json;
    clash["id"] = "00000000-0000-4000-8000-0000000000c1";
    f.paths.Fails(
        {"case", "import", f.dir, f.Write("clash.json", clash.dump()), "--password-stdin"}, f.pw,
        true, 2);
    f.CheckNothingLeaked();
}

TEST_CASE("session JSON that carries client text is refused or warned about without echoing it",
          "[cli][leak]") {
    DemoLeakFixture f;
    const std::string q = nlohmann::json(f.reason).dump(); // quoted, escaped
    const std::string n = nlohmann::json(f.note).dump();
    const std::string session = f.Write(
        "session.json", "{\"start\":" + q + ",\"fields\":[{\"id\":\"text\",\"text\":" + n + "}]}");
    const std::string sessionType =
        f.Write("session-type.json", "{\"start\":\"2026-03-02T09:00:00Z\",\"type\":" + n + "}");
    const std::string notJson = f.Write("not.json", f.reason + "\n" + f.note + "\n");
    for (const auto& file : {session, sessionType, notJson})
        f.paths.Fails({"session", "add", f.dir, kCode, "--json", file, "--password-stdin"}, f.pw,
                      true, 1);

    // A session naming someone who is not in the map is refused by id...
    const std::string stranger =
        f.Write("stranger.json", "{\"start\":\"2026-03-02T09:00:00Z\",\"participants\":[999],"
                                 "\"fields\":[{\"id\":\"text\",\"text\":" +
                                     n + "}]}");
    const std::string copy = f.Copy("warn-copy").string();
    f.paths.Fails({"session", "add", copy, kCode, "--json", stranger, "--password-stdin"}, f.pw,
                  true);
    // ...and one dated in the future is accepted with a warning.
    const std::string future = f.Write("future.json", "{\"start\":\"2099-01-01T09:00:00Z\","
                                                      "\"fields\":[{\"id\":\"text\",\"text\":" +
                                                          n + "}]}");
    f.paths.Warns({"session", "add", copy, kCode, "--json", future, "--password-stdin"}, f.pw,
                  true);
    f.CheckNothingLeaked();
}

TEST_CASE("bad GEDCOM that carries client names is reported by line, never by name",
          "[cli][leak]") {
    DemoLeakFixture f;
    const fs::path ged = f.Write("broken.ged", BrokenGedcom(f));
    const fs::path notGed =
        f.Write("not.ged", f.reason + "\n" + f.note + "\n" + f.given + " " + f.surname + "\n");
    const fs::path binary = f.Write("binary.ged", std::string("\0\x01\x02", 3) + f.given +
                                                      std::string("\xff\xfe", 2) + f.reason);
    const std::string out = (f.tmp.path / "ged.svg").string();
    const fs::path copy = f.Copy("ged-copy");
    // The broken file imports with warnings (exit 0) or not at all; either way
    // what is printed names lines and xrefs only.
    for (const fs::path& file : {ged, notGed, binary}) {
        const CliResult r = CliRun(
            {"genogram", "render", "--gedcom", file.string(), "--index", "@I1@", "--out", out}, "");
        INFO("genogram render --gedcom " << file.filename().string());
        CHECK(LeakIn(r, f.texts, false) == "");
        const CliResult imported = CliRun(
            {"genogram", "import-gedcom", copy.string(), kCode, file.string(), "--password-stdin"},
            f.pw);
        INFO("genogram import-gedcom " << file.filename().string());
        CHECK(LeakIn(imported, f.texts, true) == "");
        f.paths.ran += 2;
    }
    CHECK(CliRun({"genogram", "render", "--gedcom", notGed.string(), "--out", out}, "").code != 0);
    f.CheckNothingLeaked();
}

TEST_CASE("a damaged, swapped, rolled back or missing case file prints no client text",
          "[cli][leak]") {
    DemoLeakFixture f;
    const fs::path flipped = f.Copy("flipped");
    const auto size = fs::file_size(CaseFile(flipped, f.caseId));
    FlipByte(CaseFile(flipped, f.caseId), size / 2);
    EveryRead(f, flipped, 1);

    const fs::path cut = f.Copy("cut");
    Truncate(CaseFile(cut, f.caseId), size / 2);
    EveryRead(f, cut, 1);

    const fs::path headerCut = f.Copy("header-cut");
    Truncate(CaseFile(headerCut, f.caseId), 40);
    EveryRead(f, headerCut, 1);

    const fs::path swapped = f.Copy("swapped");
    fs::copy_file(CaseFile(swapped, f.otherIds.front()), CaseFile(swapped, f.caseId),
                  fs::copy_options::overwrite_existing);
    EveryRead(f, swapped, 1);

    const fs::path missing = f.Copy("missing");
    fs::remove(CaseFile(missing, f.caseId));
    EveryRead(f, missing, -1);

    const fs::path bak = fs::path(CaseFile(f.demo, f.caseId) + ".bak");
    if (fs::exists(bak)) {
        const fs::path rolledBack = f.Copy("rolled-back");
        fs::copy_file(CaseFile(rolledBack, f.caseId) + ".bak", CaseFile(rolledBack, f.caseId),
                      fs::copy_options::overwrite_existing);
        EveryRead(f, rolledBack, 1);
    }
    f.CheckNothingLeaked();
}

TEST_CASE("a damaged index, key file or audit log, or a stranger's file, prints no client text",
          "[cli][leak]") {
    DemoLeakFixture f;
    const fs::path index = f.Copy("index");
    FlipByte(index / "index.kbx", fs::file_size(index / "index.kbx") - 5);
    f.paths.Fails({"case", "list", index.string(), "--password-stdin"}, f.pw, false, 1);
    EveryRead(f, index, 1);

    const fs::path key = f.Copy("key");
    Truncate(key / "vault.key", 100);
    f.paths.Fails({"case", "list", key.string(), "--password-stdin"}, f.pw, false, 1);
    f.paths.Fails({"vault", "verify", key.string(), "--password-stdin"}, f.pw, false, 1);

    const fs::path audit = f.Copy("audit");
    FlipByte(audit / "audit.kbl", fs::file_size(audit / "audit.kbl") / 2);
    f.paths.Fails({"vault", "verify", audit.string(), "--password-stdin"}, f.pw, false, 1);

    // A stranger's file in the folder, holding client text in the clear (say
    // a note pasted into the wrong place): never quoted back.
    const fs::path planted = f.Copy("planted");
    const fs::path strange = planted / "0badc0de-0000-4000-8000-000000000000.kbc";
    WriteFile(strange, "KBCASE" + f.reason + f.note);
    f.paths.Says({"vault", "verify", planted.string(), "--password-stdin"}, f.pw, false);
    f.paths.Says({"search", planted.string(), "xyz", "--password-stdin"}, f.pw, false);
    fs::remove(strange); // it is the only file allowed to hold client text
    f.CheckNothingLeaked();
}
