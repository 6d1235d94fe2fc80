// Cases in a vault folder: create, list, load, save, and every way a file on
// disk can be wrong (docs/design.md, "Files and security").

#include "VaultTestSupport.h"

#include <chrono>
#include <thread>

#include "kartbok/journal/Dates.h"
#include "kartbok/vault/CaseFile.h"

#include <sys/stat.h>

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

TEST_CASE("a rich case round-trips through the vault", "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    journal::Case c = v.CreateCase(kCode);
    CHECK(c.code == kCode);
    CHECK(c.id.size() == 36);
    CHECK(c.id[14] == '4'); // uuid v4
    CHECK(fs::exists(tmp / "vault" / (c.id + ".kbc")));
    const journal::Case rich = RichCase(c.id);
    v.SaveCase(rich);
    CHECK(v.LoadCase(c.id) == rich);
    Vault again = Vault::Open(tmp / "vault", kPassword);
    CHECK(again.LoadCase(c.id) == rich);
    CHECK(again.Verify().ok);

    const auto list = again.ListCases();
    REQUIRE(list.size() == 1);
    CHECK(list[0].id == c.id);
    CHECK(list[0].code == kCode);
    CHECK(list[0].status == journal::CaseStatus::Ongoing);
    CHECK(list[0].sessions == 3);
    CHECK(list[0].generation == 2);
    CHECK(list[0].followUpDue == journal::Date{2027, 4, 1});
    // What counts as the last entry is the journal's rule (retention hangs on it).
    CHECK(list[0].lastEntry == journal::LastEntryDate(rich));
    CHECK(list[0].lastEntry.Set());
    CHECK(again.FindCaseIdByCode(kCode) == c.id);
    const std::string msg =
        ExpectVaultError(VaultError::Kind::Usage, [&] { (void)again.FindCaseIdByCode("NOPE-1"); });
    CHECK(msg.find("NOPE") == std::string::npos);
    ExpectVaultError(VaultError::Kind::Usage, [&] { again.CreateCase(kCode); });
}

TEST_CASE("files are private and every save uses a fresh file key", "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    auto c = v.CreateCase(kCode);
    v.SaveCase(c);
    const auto path = tmp / "vault" / (c.id + ".kbc");
    const Bytes first = ReadFile(path);
    v.SaveCase(c);
    const Bytes second = ReadFile(path);
    CHECK(first.size() == second.size());
    // bytes 76..147: wrap nonce + wrapped per-file key (docs/vault-format.md)
    CHECK(!std::equal(first.begin() + 76, first.begin() + 148, second.begin() + 76));
    CHECK(ReadFile(tmp / "vault" / (c.id + ".kbc.bak")) == first); // exactly one backup
    for (const auto& f : fs::directory_iterator(tmp / "vault")) {
        struct stat st {};
        REQUIRE(::stat(f.path().c_str(), &st) == 0);
        INFO(f.path().filename().string());
        CHECK((st.st_mode & 077) == 0);
        CHECK(f.path().filename().string().find(".tmp-") == std::string::npos);
    }
}

TEST_CASE("a save notices a case file rewritten in place, same size and name", "[vault]") {
    // A save compares the clear header on disk (it holds the random wrapped file
    // key, so every written version has its own) with the one it read: any
    // other version written in place is caught, whatever its times say. (A
    // damaged body under the same header is caught when the case is read.)
    TempDir tmp;
    Vault v = NewVault(tmp);
    auto c = v.CreateCase(kCode);
    v.SaveCase(c);
    const fs::path file = tmp / "vault" / (c.id + ".kbc");
    Bytes bytes = ReadFile(file);
    bytes[100] ^= 0x01; // in the wrapped file key
    {
        std::fstream out(file, std::ios::binary | std::ios::in | std::ios::out);
        out.write(reinterpret_cast<const char*>(bytes.data()),
                  static_cast<std::streamsize>(bytes.size()));
    }
    ExpectVaultError(VaultError::Kind::Conflict, [&] { v.SaveCase(c); });
}

TEST_CASE("a save refuses to overwrite a file another instance changed", "[vault]") {
    TempDir tmp;
    Vault a = NewVault(tmp);
    auto c = a.CreateCase(kCode);
    Vault b = Vault::Open(tmp / "vault", kPassword);
    auto cb = b.LoadCase(c.id);
    cb.reasonForContact = "changed by b";
    b.SaveCase(cb);
    c.reasonForContact = "changed by a";
    const std::string msg = ExpectVaultError(VaultError::Kind::Conflict, [&] { a.SaveCase(c); });
    CHECK(msg == c.id + ".kbc: was saved elsewhere since it was opened (generation 2, opened 1); "
                        "reopen it; nothing was saved");
    CHECK(a.LoadCase(c.id).reasonForContact == "changed by b");
    a.SaveCase(c); // after reopening it saves
    CHECK(b.LoadCase(c.id).reasonForContact == "changed by a");
    journal::Case never;
    never.id = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    ExpectVaultError(VaultError::Kind::Usage, [&] { a.SaveCase(never); });
    never.id = "../../etc/passwd";
    ExpectVaultError(VaultError::Kind::Usage, [&] { a.SaveCase(never); });
    ExpectVaultError(VaultError::Kind::Usage, [&] { a.LoadCase("../vault.key"); });
}

namespace {

/// Two cases in a vault, each saved twice (generation 3).
struct TwoCases {
    TempDir tmp;
    fs::path dir = tmp / "vault";
    std::string a, b;
    TwoCases() {
        Vault v = NewVault(tmp);
        a = v.CreateCase("A-1").id;
        b = v.CreateCase("B-2").id;
        for (int i = 0; i < 2; ++i) {
            v.SaveCase(RichCase(a, "A-1", 1 + i));
            v.SaveCase(RichCase(b, "B-2", 2 + i));
        }
    }
    fs::path File(const std::string& id) const { return dir / (id + ".kbc"); }
    Vault Open() const { return Vault::Open(dir, kPassword); }
};

void ExpectOneProblem(Vault& v, const std::string& start) {
    const VerifyReport r = v.Verify();
    CHECK_FALSE(r.ok);
    bool found = false;
    for (const auto& p : r.problems) {
        INFO(p);
        CheckCleanMessage(p);
        found = found || p.rfind(start, 0) == 0;
    }
    CHECK(found);
}

} // namespace

TEST_CASE("a case file copied over another case is refused", "[vault]") {
    TwoCases t;
    fs::copy_file(t.File(t.a), t.File(t.b), fs::copy_options::overwrite_existing);
    Vault v = t.Open();
    const std::string msg = ExpectVaultError(VaultError::Kind::Tampered, [&] { v.LoadCase(t.b); });
    CHECK(msg == t.b + ".kbc: holds case " + t.a + " (another case's file was copied over it)");
    CHECK(v.LoadCase(t.a) == RichCase(t.a, "A-1", 2)); // the other case is unharmed
    ExpectOneProblem(v, t.b + ".kbc: holds case");
}

TEST_CASE("an older generation restored from backup is refused as rolled back", "[vault]") {
    TwoCases t;
    fs::copy_file(t.dir / (t.a + ".kbc.bak"), t.File(t.a), fs::copy_options::overwrite_existing);
    Vault v = t.Open();
    const std::string msg = ExpectVaultError(VaultError::Kind::Tampered, [&] { v.LoadCase(t.a); });
    CHECK(msg == t.a + ".kbc: rolled back: generation 2 but the index expects 3 (an older copy "
                       "was put back?)");
    ExpectOneProblem(v, t.a + ".kbc: rolled back");
}

TEST_CASE("a same-generation copy with other content is refused", "[vault]") {
    TwoCases t;
    // Re-encrypt the case with the same generation: authentic, but not what the index recorded.
    Vault v = t.Open();
    const Bytes before = ReadFile(t.File(t.a));
    v.LoadCase(t.a);
    v.SaveCase(RichCase(t.a, "A-1", 5)); // generation 4
    const Bytes g4 = ReadFile(t.File(t.a));
    v.SaveCase(RichCase(t.a, "A-1", 6)); // generation 5
    // Put generation 4 back and bump the index? No: the index expects 5; restore g4 -> rolled back.
    WriteFile(t.File(t.a), g4);
    ExpectVaultError(VaultError::Kind::Tampered, [&] { v.LoadCase(t.a); });
    CHECK(before != g4);
}

TEST_CASE("a header from one case file with the body of another is refused", "[vault]") {
    TwoCases t;
    const Bytes a = ReadFile(t.File(t.a));
    Bytes mixed = ReadFile(t.dir / (t.a + ".kbc.bak"));
    std::copy_n(a.begin(), 172, mixed.begin()); // current header, older body
    WriteFile(t.File(t.a), mixed);
    Vault v = t.Open();
    const std::string msg = ExpectVaultError(VaultError::Kind::Damaged, [&] { v.LoadCase(t.a); });
    CHECK(msg == t.a + ".kbc: damaged (authentication failed at chunk 1)");
    CHECK(v.LoadCase(t.b) == RichCase(t.b, "B-2", 3));
}

TEST_CASE("missing files and files unknown to the index are reported", "[vault]") {
    TwoCases t;
    fs::rename(t.File(t.a), t.tmp / "elsewhere.kbc");
    Vault v = t.Open();
    CHECK(ExpectVaultError(VaultError::Kind::Tampered, [&] { v.LoadCase(t.a); }) ==
          t.a + ".kbc: missing (the index lists it; it was deleted or moved)");
    ExpectOneProblem(v, t.a + ".kbc: missing");
    const std::string stranger = "99999999-8888-4777-8666-555555555555";
    fs::copy_file(t.File(t.b), t.File(stranger));
    CHECK(ExpectVaultError(VaultError::Kind::Tampered, [&] { v.LoadCase(stranger); }) ==
          stranger + ".kbc: not in the index (added from elsewhere, or its creation was "
                     "interrupted: vault repair)");
    // A copy of another case under a new name: an orphan the audit log never
    // heard of (listed, and vault repair quarantines it: its id is not its name).
    const VerifyReport r = v.Verify();
    bool listed = false;
    for (const auto& n : r.notes)
        listed = listed || n.rfind(stranger + ".kbc: an orphan", 0) == 0;
    CHECK(listed);
}

TEST_CASE("empty and zero-length vault files give clear messages and lose nothing", "[vault]") {
    TwoCases t;
    auto emptyOut = [&](const std::string& name) {
        const Bytes keep = ReadFile(t.dir / name);
        WriteFile(t.dir / name, {});
        return keep;
    };
    SECTION("vault.key") {
        const Bytes keep = emptyOut("vault.key");
        CHECK(ExpectVaultError(VaultError::Kind::Damaged, [&] { t.Open(); }) ==
              "vault.key: damaged (the file is empty)");
        WriteFile(t.dir / "vault.key", keep);
        CHECK(t.Open().LoadCase(t.a) == RichCase(t.a, "A-1", 2));
    }
    SECTION("index.kbx") {
        const Bytes keep = emptyOut("index.kbx");
        Vault v = t.Open();
        CHECK(ExpectVaultError(VaultError::Kind::Damaged, [&] { v.ListCases(); }) ==
              "index.kbx: damaged (the file is empty)");
        ExpectVaultError(VaultError::Kind::Damaged, [&] { v.LoadCase(t.a); });
        ExpectOneProblem(v, "index.kbx: damaged (the file is empty)");
        WriteFile(t.dir / "index.kbx", keep);
        CHECK(v.LoadCase(t.a) == RichCase(t.a, "A-1", 2));
    }
    SECTION("a case file") {
        const Bytes keep = emptyOut(t.a + ".kbc");
        Vault v = t.Open();
        CHECK(ExpectVaultError(VaultError::Kind::Damaged, [&] { v.LoadCase(t.a); }) ==
              t.a + ".kbc: damaged (the file is empty)");
        CHECK(v.LoadCase(t.b) == RichCase(t.b, "B-2", 3));
        ExpectOneProblem(v, t.a + ".kbc: damaged (the file is empty)");
        WriteFile(t.File(t.a), keep);
        CHECK(v.LoadCase(t.a) == RichCase(t.a, "A-1", 2));
    }
    SECTION("audit.kbl") {
        const Bytes keep = emptyOut("audit.kbl");
        // The index is anchored to the log's last records: an emptied log is
        // records cut, never quietly restarted. Unlock works; reading refuses.
        Vault v = t.Open();
        REQUIRE_FALSE(v.IntegrityProblems().empty());
        CHECK(v.IntegrityProblems()[0].rfind("audit.kbl: ", 0) == 0);
        ExpectVaultError(VaultError::Kind::Tampered, [&] { v.LoadCase(t.a); });
        ExpectOneProblem(v, "audit.kbl: ");
        WriteFile(t.dir / "audit.kbl", keep);
        CHECK(t.Open().LoadCase(t.a) == RichCase(t.a, "A-1", 2));
    }
    SECTION("index missing") {
        fs::remove(t.dir / "index.kbx");
        Vault v = t.Open();
        CHECK(ExpectVaultError(VaultError::Kind::Tampered, [&] {
                  v.ListCases();
              }).rfind("index.kbx: missing", 0) == 0);
    }
}

TEST_CASE("an interrupted save (case written, index not) is finished on open", "[vault]") {
    TwoCases t;
    Bytes oldIndex, oldLog;
    {
        Vault v = t.Open();
        v.LoadCase(t.a);
        oldIndex = ReadFile(t.dir / "index.kbx");
        oldLog = ReadFile(t.dir / "audit.kbl");
        v.SaveCase(RichCase(t.a, "A-1", 9));
    }
    // As if the save stopped after the case file: neither the index write nor
    // its record happened.
    WriteFile(t.dir / "index.kbx", oldIndex);
    WriteFile(t.dir / "audit.kbl", oldLog);
    Vault v = t.Open();
    CHECK(v.IntegrityProblems().empty());
    const VerifyReport before = v.Verify();
    CHECK(before.ok); // a recognised interrupted save is a note, not a failure
    bool noted = false;
    for (const auto& n : before.notes)
        noted = noted || n.rfind(t.a + ".kbc: newer than the index", 0) == 0;
    CHECK(noted);
    CHECK(v.LoadCase(t.a) == RichCase(t.a, "A-1", 9));
    CHECK(v.ListCases()[0].generation == 4);
    CHECK(v.Verify().ok);
    CHECK(v.ReadAudit().back().action == AuditAction::Repair);
}

TEST_CASE("an index put back from its backup is a rollback, not an interrupted save", "[vault]") {
    TwoCases t;
    {
        Vault v = t.Open();
        v.LoadCase(t.a);
        v.SaveCase(RichCase(t.a, "A-1", 9));
    }
    fs::copy_file(t.dir / "index.kbx.bak", t.dir / "index.kbx",
                  fs::copy_options::overwrite_existing);
    Vault v = t.Open();
    REQUIRE_FALSE(v.IntegrityProblems().empty());
    CHECK(v.IntegrityProblems()[0].rfind("index.kbx: rolled back", 0) == 0);
    ExpectVaultError(VaultError::Kind::Tampered, [&] { v.LoadCase(t.a); });
    ExpectOneProblem(v, "index.kbx: rolled back");
}

TEST_CASE("no file in the vault folder holds client text in the clear", "[vault]") {
    TempDir tmp;
    std::string id;
    {
        Vault v = NewVault(tmp);
        id = v.CreateCase(kCode).id;
        v.SaveCase(RichCase(id));
        v.SaveCase(RichCase(id, kCode, 4)); // leaves a .bak
        REQUIRE(v.TryLockCase(id));
        v.Audit(AuditAction::Export, id, "pdf");
        for (const auto& f : fs::directory_iterator(tmp / "vault")) {
            const Bytes bytes = ReadFile(f.path());
            const std::string text(bytes.begin(), bytes.end());
            INFO(f.path().filename().string());
            for (const std::string& needle :
                 {std::string(kNoteText), std::string(kCode), std::string(kClientName),
                  std::string("Andersson"), std::string("Johan"), std::string("Storgatan"),
                  std::string("session-0"), std::string("22 serialization")})
                CHECK(text.find(needle) == std::string::npos);
        }
        CHECK(fs::exists(tmp / "vault" / (id + ".lock")));
        CHECK(fs::exists(tmp / "vault" / (id + ".kbc.bak")));
        CHECK(fs::exists(tmp / "vault" / "index.kbx.bak"));
    }
    CHECK_FALSE(fs::exists(tmp / "vault" / (id + ".lock"))); // released with the vault
}
