// The attacks of issue 13 ("a record that cannot be corrupted, rolled back or
// rewritten unnoticed"), each as a test: rollback and deletion with the vault's
// own backups, key file edits, revocation, signed content, bypassing the audit.

#include "VaultTestSupport.h"

#include "kartbok/vault/FileSystem.h"

#include <sys/stat.h>

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

namespace {

bool Has(const std::vector<std::string>& lines, const std::string& start) {
    for (const auto& l : lines)
        if (l.rfind(start, 0) == 0)
            return true;
    return false;
}

void Copy(const fs::path& from, const fs::path& to) {
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

// vault.key version 2 (docs/vault-format.md): 32-byte header, u16 slot count,
// then key-pair slots of 235 bytes plus the user name.
constexpr std::size_t kSlotCountAt = 32;

std::size_t SlotSize(const Bytes& key, std::size_t at) {
    return 235 + (key[at + 1] | key[at + 2] << 8);
}

/// The slot bytes of `user` in a version 2 vault.key, and where they start.
std::pair<std::size_t, Bytes> FindSlot(const Bytes& key, const std::string& user) {
    std::size_t at = kSlotCountAt + 2;
    const std::size_t count = key[kSlotCountAt] | key[kSlotCountAt + 1] << 8;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t n = SlotSize(key, at);
        const std::string name(key.begin() + static_cast<long>(at + 3),
                               key.begin() + static_cast<long>(at + 3 + (n - 235)));
        if (name == user)
            return {at, Bytes(key.begin() + static_cast<long>(at),
                              key.begin() + static_cast<long>(at + n))};
        at += n;
    }
    FAIL("no slot for " << user);
    return {};
}

struct Clinic {
    TempDir tmp;
    fs::path dir = tmp / "vault";
    std::string id;
    Clinic() {
        Vault v = NewVault(tmp);
        id = v.CreateCase(kCode).id;
        v.SaveCase(RichCase(id, kCode, 2));
        v.AddSlot("bo", "bo's long password", KdfLimits::Minimum());
    }
    Vault Open() const { return Vault::Open(dir, kPassword); }
    fs::path Case() const { return dir / (id + ".kbc"); }
};

} // namespace

TEST_CASE("rolling back a case and the index with their own .bak files is reported",
          "[vault][attack]") {
    Clinic c;
    {
        Vault v = c.Open();
        journal::Case k = v.LoadCase(c.id);
        k.sessions.push_back(RichCase(c.id, kCode, 3).sessions[2]); // a new note
        v.SaveCase(k);
    }
    Copy(c.dir / (c.id + ".kbc.bak"), c.Case());
    Copy(c.dir / "index.kbx.bak", c.dir / "index.kbx");
    Vault v = c.Open();
    REQUIRE_FALSE(v.IntegrityProblems().empty());
    CHECK(v.IntegrityProblems()[0].rfind("index.kbx: rolled back", 0) == 0);
    const VerifyReport r = v.Verify();
    CHECK_FALSE(r.ok);
    CHECK(Has(r.problems, "index.kbx: rolled back"));
    ExpectVaultError(VaultError::Kind::Tampered, [&] { v.LoadCase(c.id); });
}

TEST_CASE("deleting a client with the index's .bak is reported", "[vault][attack]") {
    Clinic c;
    std::string victim;
    {
        Vault v = c.Open();
        victim = v.CreateCase("DEL-1").id; // the index before this is index.kbx.bak
    }
    fs::remove(c.dir / (victim + ".kbc"));
    Copy(c.dir / "index.kbx.bak", c.dir / "index.kbx");
    Vault v = c.Open();
    CHECK(v.ListCases().size() == 1); // the list no longer shows it...
    const VerifyReport r = v.Verify();
    CHECK_FALSE(r.ok); // ...but the audit log remembers the index that did
    CHECK(Has(r.problems, "index.kbx: rolled back"));
}

TEST_CASE("deleting a client's file is reported; so is removing it from a re-sealed index",
          "[vault][attack]") {
    Clinic c;
    fs::remove(c.Case());
    Vault v = c.Open();
    CHECK(Has(v.Verify().problems, c.id + ".kbc: missing"));
}

TEST_CASE("rolling back every file but the audit log is reported", "[vault][attack]") {
    Clinic c;
    TempDir old;
    fs::copy(c.dir, old / "copy", fs::copy_options::recursive);
    {
        Vault v = c.Open();
        journal::Case k = v.LoadCase(c.id);
        k.contact = "changed";
        v.SaveCase(k);
    }
    for (const auto& f : fs::directory_iterator(old / "copy"))
        if (f.path().filename() != "audit.kbl")
            Copy(f.path(), c.dir / f.path().filename());
    Vault v = c.Open();
    CHECK(Has(v.Verify().problems, "index.kbx: rolled back"));
}

TEST_CASE("rolling back the whole vault is only seen against a noted fingerprint",
          "[vault][attack]") {
    Clinic c;
    TempDir old;
    fs::copy(c.dir, old / "copy", fs::copy_options::recursive);
    std::string fingerprint;
    {
        Vault v = c.Open();
        journal::Case k = v.LoadCase(c.id);
        k.contact = "changed";
        v.SaveCase(k);
        fingerprint = v.Fingerprint();
        CHECK(v.Verify(fingerprint).ok);
    }
    fs::remove_all(c.dir);
    fs::copy(old / "copy", c.dir, fs::copy_options::recursive);
    Vault v = c.Open();
    CHECK(v.Verify().ok); // the documented limit: every file consistent, only older
    const VerifyReport r = v.Verify(fingerprint);
    CHECK_FALSE(r.ok);
    CHECK(Has(r.problems, "index.kbx: generation"));
    CHECK(ExpectVaultError(VaultError::Kind::Tampered,
                           [] { throw VaultError(VaultError::Kind::Tampered, "x"); }) == "x");
    CHECK_FALSE(v.Verify("not-a-fingerprint").ok);
}

TEST_CASE("cutting the last audit records is reported (the index knows the head)",
          "[vault][attack]") {
    Clinic c;
    {
        Vault v = c.Open();
        journal::Case k = v.LoadCase(c.id);
        k.contact = "changed";
        v.SaveCase(k);
    }
    Bytes log = ReadFile(c.dir / "audit.kbl");
    // Cut the last three records (unlock, open, save...): more than the index can put back.
    std::vector<std::size_t> starts;
    for (std::size_t i = 36; i + 12 <= log.size();) {
        starts.push_back(i);
        i += log[i + 4] | log[i + 5] << 8 | log[i + 6] << 16;
    }
    REQUIRE(starts.size() > 4);
    log.resize(starts[starts.size() - 3]);
    WriteFile(c.dir / "audit.kbl", log);
    Vault v = c.Open();
    REQUIRE_FALSE(v.IntegrityProblems().empty());
    CHECK(v.IntegrityProblems()[0].rfind("audit.kbl: ", 0) == 0);
}

TEST_CASE("removing a user changes the vault key: an old vault.key and the old password read "
          "nothing saved afterwards",
          "[vault][attack]") {
    Clinic c;
    const Bytes oldKey = ReadFile(c.dir / "vault.key");
    const Bytes oldIndex = ReadFile(c.dir / "index.kbx");
    {
        Vault v = c.Open();
        v.RemoveSlot("bo");
        journal::Case k = v.LoadCase(c.id);
        k.contact = "after bo left";
        v.SaveCase(k);
        CHECK(v.Verify().ok);
    }
    // Bo keeps his copy of vault.key and his password; he takes today's files.
    TempDir bo;
    fs::copy(c.dir, bo / "v", fs::copy_options::recursive);
    WriteFile(bo / "v" / "vault.key", oldKey);
    CHECK(ExpectVaultError(VaultError::Kind::Tampered, [&] {
              Vault::Open(bo / "v", "bo's long password").ListCases();
          }).rfind("vault.key: older than index.kbx", 0) == 0);
    // With the old index too (consistent with his key), the new case file does not open.
    WriteFile(bo / "v" / "index.kbx", oldIndex);
    Vault old = Vault::Open(bo / "v", "bo's long password");
    // The case file saved after the removal: its file key is wrapped under the new vault key.
    ExpectVaultError(VaultError::Kind::Damaged,
                     [&] { (void)old.OpenUnsaved(ReadFile(bo / "v" / (c.id + ".kbc"))); });
    // And the audit records after the change are under keys he never had.
    CHECK(ExpectVaultError(VaultError::Kind::Tampered, [&] {
              old.ReadAudit();
          }).find("key epoch 2") != std::string::npos);
    // Bo's password does not open today's vault.key at all.
    ExpectVaultError(VaultError::Kind::WrongPassword,
                     [&] { Vault::Open(c.dir, "bo's long password"); });
}

TEST_CASE(
    "a key slot dropped, grafted back or edited outside Kartbok is refused, blaming vault.key",
    "[vault][attack]") {
    Clinic c;
    const Bytes withBo = ReadFile(c.dir / "vault.key");
    const auto [boAt, boSlot] = FindSlot(withBo, "bo");
    SECTION("dropped") {
        Bytes key = withBo;
        key.erase(key.begin() + static_cast<long>(boAt),
                  key.begin() + static_cast<long>(boAt + boSlot.size()));
        key[kSlotCountAt] -= 1;
        WriteFile(c.dir / "vault.key", key);
        CHECK(ExpectVaultError(VaultError::Kind::Tampered, [&] {
                  c.Open();
              }).rfind("vault.key: changed outside Kartbok", 0) == 0);
    }
    SECTION("grafted back after a removal") {
        {
            Vault v = c.Open();
            v.RemoveSlot("bo");
        }
        Bytes key = ReadFile(c.dir / "vault.key");
        key.insert(key.begin() + kSlotCountAt + 2, boSlot.begin(), boSlot.end());
        key[kSlotCountAt] += 1;
        WriteFile(c.dir / "vault.key", key);
        CHECK(ExpectVaultError(VaultError::Kind::Tampered, [&] {
                  c.Open();
              }).rfind("vault.key: changed outside Kartbok", 0) == 0);
        // Bo's grafted slot opens only the old vault key, which fits nothing here.
        const std::string msg = ExpectVaultError(VaultError::Kind::Tampered,
                                                 [&] { Vault::Open(c.dir, "bo's long password"); });
        CHECK(msg.rfind("vault.key: ", 0) == 0);
    }
    SECTION("junk slots are refused before any password is tried") {
        Bytes key = withBo;
        // Fill up to 16 slots, each at the most expensive accepted cost.
        Bytes junk = boSlot;
        const std::size_t limits = 3 + 2 + 16; // kind, length, "bo", salt
        for (int i = 0; i < 8; ++i)
            junk[limits + static_cast<std::size_t>(i)] = i == 0 ? 4 : 0; // ops 4
        for (int i = 0; i < 8; ++i)
            junk[limits + 8 + static_cast<std::size_t>(i)] = i == 3 ? 0x40 : 0; // 1 GiB
        for (int k = 0; k < 14; ++k)
            key.insert(key.begin() + kSlotCountAt + 2, junk.begin(), junk.end());
        key[kSlotCountAt] += 14;
        WriteFile(c.dir / "vault.key", key);
        CHECK(ExpectVaultError(VaultError::Kind::Damaged, [&] { c.Open(); }) ==
              "vault.key: the key slots together would take too long to try (more or costlier "
              "slots than Kartbok writes)");
    }
}

TEST_CASE("a foreign vault.key is blamed, not the index", "[vault][attack]") {
    Clinic c;
    TempDir other;
    { Vault::Create(other / "v", "anna", kPassword, KdfLimits::Minimum()); }
    Copy(other / "v" / "vault.key", c.dir / "vault.key");
    const std::string msg = ExpectVaultError(VaultError::Kind::Tampered, [&] { c.Open(); });
    CHECK(msg.rfind("vault.key: belongs to another vault", 0) == 0);
}

TEST_CASE("changing another user's password needs that user's password", "[vault][attack]") {
    Clinic c;
    Vault v = c.Open(); // anna
    ExpectVaultError(VaultError::Kind::WrongPassword, [&] {
        v.ChangePassword("bo", "a guess at bo's", "anna sets this one", KdfLimits::Minimum());
    });
    CHECK(Vault::Open(c.dir, "bo's long password").User() == "bo");
    CHECK(v.CheckPassword("bo", "bo's long password"));
    CHECK_FALSE(v.CheckPassword("bo", "anna sets this one"));
    // A password change gives a new key pair: the old password opens nothing.
    v.ChangePassword("anna", kPassword, "anna's new password", KdfLimits::Minimum());
    ExpectVaultError(VaultError::Kind::WrongPassword, [&] { c.Open(); });
    CHECK(Vault::Open(c.dir, "anna's new password").User() == "anna");
}

TEST_CASE("signed content cannot be changed or dropped by any save", "[vault][attack]") {
    Clinic c;
    Vault v = c.Open();
    const journal::Case base = v.LoadCase(c.id);
    REQUIRE(base.sessions[0].isSigned);
    // Each edit of a signed session, tried on `from`: the case as the handle
    // last opened or saved it (it keeps the opened text, or the saved sessions).
    auto allRefused = [&](const journal::Case& from) {
        auto refused = [&](const std::function<void(journal::Case&)>& edit) {
            journal::Case k = from;
            edit(k);
            return ExpectVaultError(VaultError::Kind::Usage, [&] { v.SaveCase(k); });
        };
        CHECK(refused([](journal::Case& k) {
                  k.sessions[0].fields[0].text += "!";
              }).find("session session-0 was signed") != std::string::npos);
        refused([](journal::Case& k) { k.sessions.erase(k.sessions.begin()); });
        refused([](journal::Case& k) { k.sessions[0].isSigned = false; });
        refused([](journal::Case& k) { k.sessions[0].signedBy = "mallory"; });
        refused([](journal::Case& k) { k.sessions[0].addenda.pop_back(); });
        refused([](journal::Case& k) { k.sessions[0].addenda[0].text = "other"; });
    };
    allRefused(base);
    // Appending an addendum and editing a draft are fine.
    journal::Case k = base;
    k.sessions[0].addenda.push_back({"anna", 1767225600, "Tillägg", "", ""});
    k.sessions[1].fields[0].text += " (draft)";
    v.SaveCase(k, AuditAction::Addendum, "session session-0");
    CHECK(v.ReadAudit().back().action == AuditAction::Addendum);
    allRefused(k);
    k.sessions[1].fields[0].text += " (still a draft)";
    v.SaveCase(k);
    // Moving a signed note into a relative's own case is the one sanctioned path.
    journal::Case source = v.LoadCase(c.id);
    journal::Case relative;
    relative.code = "REL-1";
    relative.sessions.push_back(source.sessions[0]);
    source.sessions.erase(source.sessions.begin());
    journal::Case wrong = relative;
    wrong.sessions[0].fields[0].text = "edited on the way";
    journal::Case copy = wrong;
    ExpectVaultError(VaultError::Kind::Usage, [&] { v.SplitCase(source, copy); });
    v.SplitCase(source, relative);
    CHECK(v.LoadCase(relative.id).sessions[0] == k.sessions[0]);
    const auto log = v.ReadAudit();
    const AuditEntry& created = log[log.size() - 3]; // then the open of the relative's case
    const AuditEntry& saved = log[log.size() - 2];
    CHECK(created.action == AuditAction::Create);
    CHECK(created.detail == "split from " + c.id);
    CHECK(saved.action == AuditAction::Save);
    CHECK(saved.detail == "split into " + relative.id);
    CHECK(saved.indexGeneration == created.indexGeneration + 1); // two linked records, in order
    CHECK(v.Verify().ok);
}

TEST_CASE("reading refuses when its audit record cannot be written", "[vault][attack]") {
    Clinic c;
    Vault v = c.Open();
    v.SetFileSystem(std::make_shared<FaultInjectingFileSystem>(
        FaultInjectingFileSystem::Fault{FsCall::Open, 1, EACCES, "audit.kbl", true}));
    CHECK(ExpectVaultError(VaultError::Kind::Io, [&] {
              v.LoadCase(c.id);
          }).rfind("audit.kbl: could not append", 0) == 0);
    ExpectVaultError(VaultError::Kind::Io, [&] { v.SearchCases("pappans"); });
    ExpectVaultError(VaultError::Kind::Io, [&] { v.Audit(AuditAction::Export, c.id, "pdf"); });
    v.SetFileSystem(nullptr);
    // A folder in place of the log: refused by type, nothing read.
    fs::rename(c.dir / "audit.kbl", c.tmp / "log-aside");
    fs::create_directory(c.dir / "audit.kbl");
    ExpectVaultError(VaultError::Kind::Io, [&] { v.LoadCase(c.id); });
}

TEST_CASE("special files in place of vault files are refused by type, without hanging",
          "[vault][attack]") {
    Clinic c;
    SECTION("a FIFO as index.kbx") {
        fs::remove(c.dir / "index.kbx");
        REQUIRE(::mkfifo((c.dir / "index.kbx").c_str(), 0600) == 0);
        Vault v = c.Open(); // returns: the FIFO is never opened for a blocking read
        CHECK(ExpectVaultError(VaultError::Kind::Damaged, [&] { v.ListCases(); }) ==
              "index.kbx: is a named pipe, not a file Kartbok wrote; refused");
    }
    SECTION("a link to /dev/zero as a case file") {
        fs::remove(c.Case());
        fs::create_symlink("/dev/zero", c.Case());
        Vault v = c.Open();
        CHECK(ExpectVaultError(VaultError::Kind::Damaged, [&] { v.LoadCase(c.id); }) ==
              c.id + ".kbc: is a symbolic link, not a file Kartbok wrote; refused");
    }
    SECTION("a folder as vault.key") {
        fs::remove(c.dir / "vault.key");
        fs::create_directory(c.dir / "vault.key");
        CHECK(ExpectVaultError(VaultError::Kind::Damaged, [&] { c.Open(); }) ==
              "vault.key: is a folder, not a file Kartbok wrote; refused");
    }
}

TEST_CASE("client codes are one printable line: control characters and separators are refused",
          "[vault][attack]") {
    Clinic c;
    Vault v = c.Open();
    for (const std::string& code :
         {std::string("A\tB"), std::string("A\nB"), std::string("A\x1b[31mB"), std::string("a/b"),
          std::string(""), std::string(65, 'x'), std::string("\xc2\x9b"), std::string("\xff"),
          std::string("   ")}) {
        INFO(code);
        ExpectVaultError(VaultError::Kind::Usage, [&] { v.CreateCase(code); });
    }
    CHECK(v.CreateCase("GBG-2026-ÅÄÖ").code == "GBG-2026-ÅÄÖ");
    CHECK(v.CreateCase(std::string(64, 'x')).code.size() == 64);
}

TEST_CASE("an orphan from an interrupted creation and leftover temps: listed, then repaired",
          "[vault][attack]") {
    Clinic c;
    std::string orphan;
    {
        Vault v = c.Open();
        // Creation stops after the case file (the index write fails).
        v.SetFileSystem(std::make_shared<FaultInjectingFileSystem>(
            FaultInjectingFileSystem::Fault{FsCall::Rename, 1, EIO, "index.kbx"}));
        journal::Case k;
        k.code = "ORPHAN-1";
        ExpectVaultError(VaultError::Kind::Io, [&] { v.AddCase(k); });
        orphan = k.id;
    }
    WriteFile(c.dir / (c.id + ".kbc.tmp-999999-abcdef"), {1, 2, 3});
    Vault v = c.Open();
    VerifyReport r = v.Verify();
    CHECK(r.ok); // a list, not a failure
    CHECK(Has(r.notes, orphan + ".kbc: an orphan"));
    CHECK(Has(r.notes, c.id + ".kbc.tmp-999999-abcdef: left over"));
    CHECK(Has(r.notes, c.id + ".kbc.bak: the previous version"));
    const RepairReport done = v.Repair();
    CHECK(Has(done.steps, "adopted " + orphan + ".kbc"));
    CHECK(Has(done.steps, "removed " + c.id + ".kbc.tmp-999999-abcdef"));
    CHECK(v.LoadCase(orphan).code == "ORPHAN-1");
    r = v.Verify();
    CHECK(r.ok);
    CHECK_FALSE(Has(r.notes, orphan + ".kbc: an orphan"));
    // Each step is in the audit log.
    std::size_t repairs = 0;
    for (const auto& e : v.ReadAudit())
        repairs += e.action == AuditAction::Repair;
    CHECK(repairs == 2);
}

TEST_CASE("a foreign or damaged orphan is quarantined, not adopted", "[vault][attack]") {
    Clinic c;
    const std::string stranger = "99999999-8888-4777-8666-555555555555";
    Copy(c.Case(), c.dir / (stranger + ".kbc")); // another case's file under a new name
    Vault v = c.Open();
    const RepairReport done = v.Repair();
    CHECK(Has(done.steps, "quarantined " + stranger + ".kbc"));
    CHECK_FALSE(fs::exists(c.dir / (stranger + ".kbc")));
    CHECK(v.Verify().ok);
}

TEST_CASE("restore --previous is an audited save of the old version; a hand copy is a rollback",
          "[vault][attack]") {
    Clinic c;
    Vault v = c.Open();
    journal::Case k = v.LoadCase(c.id);
    const journal::Case before = k;
    k.contact = "a mistake";
    v.SaveCase(k);
    v.RestorePrevious(c.id);
    CHECK(v.LoadCase(c.id) == before);
    const auto log = v.ReadAudit();
    CHECK(log[log.size() - 2].action == AuditAction::Restore);
    CHECK(v.Verify().ok);
    // Restoring would undo a signature: refused.
    journal::Case s = v.LoadCase(c.id);
    s.sessions.push_back(RichCase(c.id, kCode, 3).sessions[2]); // signed
    v.SaveCase(s, AuditAction::Sign, "session session-2");
    CHECK(ExpectVaultError(VaultError::Kind::Usage, [&] {
              v.RestorePrevious(c.id);
          }).find("undo a signature") != std::string::npos);
}
