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

} // namespace

TEST_CASE("no client text on any error path nor in any vault file", "[cli][leak]") {
    ScratchDir tmp;
    const fs::path demo = tmp.path / "demo";
    REQUIRE(
        CliRun({"--kdf", "minimum", "demo", demo.string(), "--password-stdin"}, kPw + "\n").code ==
        0);
    const std::string pw = kPw + "\n";
    const std::string dir = demo.string();

    const CliResult shown = CliRun({"case", "show", dir, kCode, "--json", "--password-stdin"}, pw);
    REQUIRE(shown.code == 0);
    const auto json = nlohmann::json::parse(shown.out);
    ClientTexts texts;
    Collect(json, "", texts);
    // The demo client is rich: a named family, notes, a reason for contact.
    REQUIRE(texts.words.size() > 50);
    REQUIRE(json["reason_for_contact"].get<std::string>().size() > 20);
    // The detectors work: the one command meant to print client text is caught.
    REQUIRE(LeakIn(shown, texts, false) != "");
    REQUIRE(std::any_of(texts.bytes.begin(), texts.bytes.end(), [&](const std::string& t) {
        return shown.out.find(t) != std::string::npos;
    }));
    const std::string caseId = json["id"].get<std::string>();
    const std::string signedSession = json["sessions"][0]["id"].get<std::string>();
    const std::string reason = json["reason_for_contact"].get<std::string>();
    const std::string note = json["sessions"][0]["fields"][0]["text"].get<std::string>();
    std::string given, surname;
    for (const auto& p : json["family"]["people"])
        if (p["given_names"].get<std::string>().size() >= 3 &&
            p["surname"].get<std::string>().size() >= 3) {
            given = p["given_names"].get<std::string>();
            surname = p["surname"].get<std::string>();
            break;
        }
    REQUIRE_FALSE(given.empty());

    std::vector<std::string> otherIds;
    for (const auto& e : fs::directory_iterator(demo))
        if (e.path().extension() == ".kbc" && e.path().stem() != caseId)
            otherIds.push_back(e.path().stem().string());
    REQUIRE_FALSE(otherIds.empty());

    ErrorPaths paths{texts};

    SECTION("wrong passwords, unknown codes, refused commands on an intact vault") {
        const std::string wrong = "not the password\n";
        paths.Fails({"case", "list", dir, "--password-stdin"}, wrong, false, 1);
        paths.Fails({"case", "show", dir, kCode, "--json", "--password-stdin"}, wrong, true, 1);
        paths.Fails({"vault", "verify", dir, "--password-stdin"}, wrong, false, 1);
        paths.Fails({"search", dir, "xyz", "--password-stdin"}, wrong, false, 1);
        paths.Fails({"case", "show", dir, "NOPE-1", "--password-stdin"}, pw, false, 2);
        paths.Fails(
            {"session", "sign", dir, "NOPE-1", signedSession, "--user", kUser, "--password-stdin"},
            pw, false);
        // Signing a signed note, signing as someone else, amending what is not there.
        paths.Fails(
            {"session", "sign", dir, kCode, signedSession, "--user", kUser, "--password-stdin"}, pw,
            true, 1);
        paths.Fails(
            {"session", "sign", dir, kCode, signedSession, "--user", "erik", "--password-stdin"},
            pw, true, 2);
        paths.Fails({"session", "addendum", dir, kCode, "00000000-0000-4000-8000-000000000000",
                     "--user", kUser, "--text", "x", "--password-stdin"},
                    pw, true);
        paths.Fails({"session", "addendum", dir, kCode, signedSession, "--user", kUser, "--text",
                     "x", "--field", "no-such-field", "--password-stdin"},
                    pw, true);
        paths.Fails(
            {"session", "addendum", dir, kCode, signedSession, "--user", kUser, "--password-stdin"},
            pw, true, 2);
        paths.Fails({"case", "new", dir, "--code", kCode, "--password-stdin"}, pw, true, 2);
        paths.Fails({"demo", dir, "--password-stdin"}, pw, false, 2);
        paths.Fails(
            {"--kdf", "minimum", "vault", "add-slot", dir, "--user", "erik", "--password-stdin"},
            pw + "short\n", false, 2);
        paths.Fails(
            {"--kdf", "minimum", "vault", "passwd", dir, "--user", "nobody", "--password-stdin"},
            pw + "new-password-1\n", false);
        // Reports and renders that are refused must not leave a plaintext file behind.
        const fs::path reports = tmp.path / "reports";
        fs::create_directories(reports);
        paths.Fails({"report", dir, kCode, "--kind", "nonsense", "--out",
                     (reports / "r.pdf").string(), "--password-stdin"},
                    pw, true);
        paths.Fails({"report", dir, kCode, "--kind", "followup", "--deidentify", "--out",
                     (reports / "r.pdf").string(), "--password-stdin"},
                    pw, true, 2);
        paths.Fails({"report", dir, kCode, "--kind", "record", "--out",
                     (tmp.path / "no" / "r.pdf").string(), "--password-stdin"},
                    pw, true, 2);
        paths.Fails({"stats", dir, "--year", "twenty", "--out", (reports / "s.csv").string(),
                     "--password-stdin"},
                    pw, false, 2);
        paths.Fails({"genogram", "render", dir, kCode, "--out", (reports / "map.gif").string(),
                     "--password-stdin"},
                    pw, true, 2);
        CHECK(fs::is_empty(reports));
    }

    SECTION("bad JSON that carries client text is refused without echoing it") {
        auto bad = [&](const std::string& name, const std::string& text) {
            const fs::path p = tmp.path / name;
            WriteFile(p, text);
            return p.string();
        };
        const std::string q = nlohmann::json(reason).dump(); // quoted, escaped
        const std::string n = nlohmann::json(note).dump();
        const std::string g = nlohmann::json(given).dump();
        const std::string syntax = bad(
            "syntax.json", "{\"code\":\"X-9\",\"reason_for_contact\":" + q + ", oops " + g + "}");
        const std::string status =
            bad("status.json", "{\"format\":\"kartbok-case\",\"version\":1,\"code\":\"X-9\","
                               "\"status\":" +
                                   q + "}");
        const std::string start =
            bad("start.json", "{\"format\":\"kartbok-case\",\"version\":1,\"code\":\"X-9\","
                              "\"status\":\"ongoing\",\"sessions\":[{\"start\":" +
                                  n + "}]}");
        const std::string people = bad(
            "people.json", "{\"format\":\"kartbok-case\",\"version\":1,\"code\":\"X-9\",\"status\":"
                           "\"ongoing\",\"family\":{\"people\":[{\"id\":1,\"given_names\":" +
                               g + ",\"gender\":" + g +
                               "}],\"relations\":[{\"id\":2,\"from\":1,\"to\":9,"
                               "\"kind\":\"close\",\"note\":" +
                               n + "}]}}");
        const std::string kinds = bad(
            "kinds.json", "{\"format\":\"kartbok-case\",\"version\":1,\"code\":\"X-9\",\"status\":"
                          "\"ongoing\",\"family\":{\"people\":[{\"id\":1,\"kind\":" +
                              n + "}]}}");
        const std::string session =
            bad("session.json",
                "{\"start\":" + q + ",\"fields\":[{\"id\":\"text\",\"text\":" + n + "}]}");
        const std::string sessionType =
            bad("session-type.json", "{\"start\":\"2026-03-02T09:00:00Z\",\"type\":" + n + "}");
        const std::string notJson = bad("not.json", reason + "\n" + note + "\n");
        for (const auto& file : {syntax, status, start, people, kinds, notJson}) {
            paths.Fails({"case", "import", dir, file, "--password-stdin"}, pw, false, 1);
            paths.Fails(
                {"genogram", "render", "--json", file, "--out", (tmp.path / "x.svg").string()}, "",
                false);
        }
        for (const auto& file : {session, sessionType, notJson})
            paths.Fails({"session", "add", dir, kCode, "--json", file, "--password-stdin"}, pw,
                        true, 1);

        // A code already used by another case: the message may name that code
        // (the user wrote it in the file), nothing else.
        nlohmann::json clash = json;
        clash["id"] = "00000000-0000-4000-8000-0000000000c1";
        paths.Fails({"case", "import", dir, bad("clash.json", clash.dump()), "--password-stdin"},
                    pw, true, 2);

        // A session naming someone who is not in the map is refused by id...
        const std::string stranger =
            bad("stranger.json", "{\"start\":\"2026-03-02T09:00:00Z\",\"participants\":[999],"
                                 "\"fields\":[{\"id\":\"text\",\"text\":" +
                                     n + "}]}");
        const fs::path copy = CopyVault(demo, tmp.path / "warn-copy");
        paths.Fails(
            {"session", "add", copy.string(), kCode, "--json", stranger, "--password-stdin"}, pw,
            true);
        // ...and one dated in the future is accepted with a warning.
        const std::string future = bad("future.json", "{\"start\":\"2099-01-01T09:00:00Z\","
                                                      "\"fields\":[{\"id\":\"text\",\"text\":" +
                                                          n + "}]}");
        paths.Warns({"session", "add", copy.string(), kCode, "--json", future, "--password-stdin"},
                    pw, true);
    }

    SECTION("bad GEDCOM that carries client names is reported by line, never by name") {
        const fs::path ged = tmp.path / "broken.ged";
        WriteFile(ged, "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n"
                       "0 @I1@ INDI\n1 NAME " +
                           given + " /" + surname + "/\n1 SEX " + given +
                           "\n"
                           "1 BIRT\n2 DATE " +
                           reason +
                           "\n"
                           "1 FAMC @" +
                           surname +
                           "@\n"
                           "1 _CUSTOM " +
                           note +
                           "\n"
                           "x " +
                           given +
                           " broken line\n"
                           "3 NOTE " +
                           surname +
                           " skipped a level\n"
                           "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @" +
                           given + "@\n1 CHIL @I9@\n1 MARR\n2 DATE " + note +
                           "\n"
                           "0 TRLR\n");
        const fs::path notGed = tmp.path / "not.ged";
        WriteFile(notGed, reason + "\n" + note + "\n" + given + " " + surname + "\n");
        const fs::path binary = tmp.path / "binary.ged";
        WriteFile(binary,
                  std::string("\0\x01\x02", 3) + given + std::string("\xff\xfe", 2) + reason);
        const std::string out = (tmp.path / "ged.svg").string();
        const fs::path copy = CopyVault(demo, tmp.path / "ged-copy");
        // The broken file imports with warnings (exit 0) or not at all; either way
        // what is printed names lines and xrefs only.
        for (const fs::path& file : {ged, notGed, binary}) {
            const CliResult r = CliRun(
                {"genogram", "render", "--gedcom", file.string(), "--index", "@I1@", "--out", out},
                "");
            INFO("genogram render --gedcom " << file.filename().string());
            CHECK(LeakIn(r, texts, false) == "");
            const CliResult imported = CliRun({"genogram", "import-gedcom", copy.string(), kCode,
                                               file.string(), "--password-stdin"},
                                              pw);
            INFO("genogram import-gedcom " << file.filename().string());
            CHECK(LeakIn(imported, texts, true) == "");
            paths.ran += 2;
        }
        CHECK(CliRun({"genogram", "render", "--gedcom", notGed.string(), "--out", out}, "").code !=
              0);
    }

    SECTION("damaged, swapped, rolled back and missing files") {
        auto fresh = [&](const std::string& name) { return CopyVault(demo, tmp.path / name); };
        auto everyRead = [&](const fs::path& v, int expectedShow) {
            const std::string d = v.string();
            paths.Fails({"case", "show", d, kCode, "--json", "--password-stdin"}, pw, true,
                        expectedShow);
            paths.Fails({"vault", "verify", d, "--password-stdin"}, pw, false, 1);
            paths.Fails({"search", d, "xyz", "--password-stdin"}, pw, false);
            paths.Fails({"report", d, kCode, "--kind", "record", "--out",
                         (tmp.path / "r.pdf").string(), "--password-stdin"},
                        pw, true);
            paths.Fails({"genogram", "render", d, kCode, "--out", (tmp.path / "m.svg").string(),
                         "--password-stdin"},
                        pw, true);
            paths.Fails(
                {"session", "sign", d, kCode, signedSession, "--user", kUser, "--password-stdin"},
                pw, true);
        };

        const fs::path flipped = fresh("flipped");
        const auto size = fs::file_size(CaseFile(flipped, caseId));
        FlipByte(CaseFile(flipped, caseId), size / 2);
        everyRead(flipped, 1);

        const fs::path cut = fresh("cut");
        Truncate(CaseFile(cut, caseId), size / 2);
        everyRead(cut, 1);

        const fs::path headerCut = fresh("header-cut");
        Truncate(CaseFile(headerCut, caseId), 40);
        everyRead(headerCut, 1);

        const fs::path swapped = fresh("swapped");
        fs::copy_file(CaseFile(swapped, otherIds.front()), CaseFile(swapped, caseId),
                      fs::copy_options::overwrite_existing);
        everyRead(swapped, 1);

        const fs::path missing = fresh("missing");
        fs::remove(CaseFile(missing, caseId));
        everyRead(missing, -1);

        const fs::path bak = fs::path(CaseFile(demo, caseId) + ".bak");
        if (fs::exists(bak)) {
            const fs::path rolledBack = fresh("rolled-back");
            fs::copy_file(CaseFile(rolledBack, caseId) + ".bak", CaseFile(rolledBack, caseId),
                          fs::copy_options::overwrite_existing);
            everyRead(rolledBack, 1);
        }

        const fs::path index = fresh("index");
        FlipByte(index / "index.kbx", fs::file_size(index / "index.kbx") - 5);
        paths.Fails({"case", "list", index.string(), "--password-stdin"}, pw, false, 1);
        everyRead(index, 1);

        const fs::path key = fresh("key");
        Truncate(key / "vault.key", 100);
        paths.Fails({"case", "list", key.string(), "--password-stdin"}, pw, false, 1);
        paths.Fails({"vault", "verify", key.string(), "--password-stdin"}, pw, false, 1);

        const fs::path audit = fresh("audit");
        FlipByte(audit / "audit.kbl", fs::file_size(audit / "audit.kbl") / 2);
        paths.Fails({"vault", "verify", audit.string(), "--password-stdin"}, pw, false, 1);

        // A stranger's file in the folder, holding client text in the clear (say
        // a note pasted into the wrong place): never quoted back.
        const fs::path planted = fresh("planted");
        const fs::path strange = planted / "0badc0de-0000-4000-8000-000000000000.kbc";
        WriteFile(strange, "KBCASE" + reason + note);
        paths.Says({"vault", "verify", planted.string(), "--password-stdin"}, pw, false);
        paths.Says({"search", planted.string(), "xyz", "--password-stdin"}, pw, false);
        fs::remove(strange); // it is the only file allowed to hold client text
    }

    // Every path above ran, and printed nothing about the client.
    CHECK(paths.ran > 0);

    // No file of any vault (every copy, .bak, .lock, index, audit, key) holds
    // client text or the client code in the clear.
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

    // The audit log is encrypted; what it says must not name the client either.
    kartbok::vault::Vault v = kartbok::vault::Vault::Open(demo, kPw);
    for (const auto& entry : v.ReadAudit())
        for (const auto& w : texts.words) {
            CHECK_FALSE(ContainsWord(entry.detail, w));
            CHECK_FALSE(ContainsWord(entry.user, w));
        }
}
