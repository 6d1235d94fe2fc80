// vault.key: slots, passwords, KDF limits (docs/design.md, "Files and security").

#include "VaultTestSupport.h"

#include <sodium.h>

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

namespace {

// docs/vault-format.md: vault.key (version 2) is 32 bytes of header, a u16 slot
// count, then per slot u8 kind, u16 name length, name, 16-byte salt, u64
// opslimit, u64 memlimit...
constexpr std::size_t kSlotsAt = 32;

std::uint64_t ReadU64(const Bytes& b, std::size_t at) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = v << 8 | b.at(at + static_cast<std::size_t>(i));
    return v;
}

void WriteU64(Bytes& b, std::size_t at, std::uint64_t v) {
    for (int i = 0; i < 8; ++i)
        b.at(at + static_cast<std::size_t>(i)) = static_cast<unsigned char>(v >> (8 * i));
}

std::size_t FirstSlotLimitsAt(const Bytes& key) {
    const std::size_t nameLen = key.at(kSlotsAt + 3) | key.at(kSlotsAt + 4) << 8;
    return kSlotsAt + 2 + 1 + 2 + nameLen + 16;
}

} // namespace

TEST_CASE("key slots: add, change password, remove; every slot opens the same cases", "[vault]") {
    TempDir tmp;
    const auto dir = tmp / "vault";
    std::string id;
    {
        Vault v = NewVault(tmp);
        CHECK(v.User() == "anna");
        auto c = v.CreateCase(kCode);
        id = c.id;
        c = RichCase(id);
        v.SaveCase(c);
        v.AddSlot("bo", "bo's long password", KdfLimits::Minimum());
        v.AddSlot("recovery", "R3C0VERY-KEY-2026", KdfLimits::Minimum());
        CHECK(v.Users() == std::vector<std::string>{"anna", "bo", "recovery"});
        ExpectVaultError(VaultError::Kind::Usage,
                         [&] { v.AddSlot("bo", "again and again", KdfLimits::Minimum()); });
    }
    const Bytes caseBefore = ReadFile(dir / (id + ".kbc"));

    for (const auto& [user, password] :
         std::vector<std::pair<std::string, std::string>>{{"anna", kPassword},
                                                          {"bo", "bo's long password"},
                                                          {"recovery", "R3C0VERY-KEY-2026"}}) {
        Vault v = Vault::Open(dir, password);
        CHECK(v.User() == user);
        CHECK(v.LoadCase(id) == RichCase(id));
    }
    {
        Vault v = Vault::Open(dir, "bo's long password");
        // A password change needs the current one.
        ExpectVaultError(VaultError::Kind::WrongPassword, [&] {
            v.ChangePassword("bo", "not bo's password", "new bo password", KdfLimits::Minimum());
        });
        v.ChangePassword("bo", "bo's long password", "new bo password", KdfLimits::Minimum());
        // A password change rewrites vault.key only.
        CHECK(ReadFile(dir / (id + ".kbc")) == caseBefore);
        v.RemoveSlot("recovery");
        ExpectVaultError(VaultError::Kind::Usage, [&] { v.RemoveSlot("nobody"); });
    }
    ExpectVaultError(VaultError::Kind::WrongPassword,
                     [&] { Vault::Open(dir, "bo's long password"); });
    ExpectVaultError(VaultError::Kind::WrongPassword,
                     [&] { Vault::Open(dir, "R3C0VERY-KEY-2026"); });
    CHECK(Vault::Open(dir, "new bo password").LoadCase(id) == RichCase(id));
    // Removing a user re-keys the case files; no backup keeps an old password alive.
    CHECK(ReadFile(dir / (id + ".kbc")) != caseBefore);
    CHECK_FALSE(fs::exists(dir / "vault.key.bak"));
    {
        Vault v = Vault::Open(dir, kPassword);
        v.RemoveSlot("bo");
        const std::string msg =
            ExpectVaultError(VaultError::Kind::Usage, [&] { v.RemoveSlot("anna"); });
        CHECK(msg.find("last key slot") != std::string::npos);
        CHECK(v.Users() == std::vector<std::string>{"anna"});
    }
    CHECK(Vault::Open(dir, kPassword).User() == "anna");
}

TEST_CASE("a wrong password is refused with a clear message and recorded", "[vault]") {
    TempDir tmp;
    { NewVault(tmp); }
    const auto dir = tmp / "vault";
    const std::string msg =
        ExpectVaultError(VaultError::Kind::WrongPassword, [&] { Vault::Open(dir, "nope"); });
    CHECK(msg == "wrong password for vault " + dir.string());
    ExpectVaultError(VaultError::Kind::WrongPassword, [&] { Vault::Open(dir, ""); });
    Vault v = Vault::Open(dir, kPassword);
    const auto log = v.ReadAudit();
    REQUIRE(log.size() == 4);
    CHECK(log[1].action == AuditAction::UnlockFailed);
    CHECK(log[1].detail == "wrong password");
    CHECK(log[2].action == AuditAction::UnlockFailed);
    CHECK(log[3].action == AuditAction::Unlock);
    CHECK(log[3].user == "anna");
    CHECK(v.Verify().ok);
}

TEST_CASE("absurd key derivation parameters are refused before use", "[vault]") {
    TempDir tmp;
    { NewVault(tmp); }
    const auto keyFile = tmp / "vault" / "vault.key";
    const Bytes good = ReadFile(keyFile);
    const std::size_t at = FirstSlotLimitsAt(good);
    REQUIRE(ReadU64(good, at) == crypto_pwhash_OPSLIMIT_MIN);
    REQUIRE(ReadU64(good, at + 8) == crypto_pwhash_MEMLIMIT_MIN);
    for (auto [ops, mem] : std::vector<std::pair<std::uint64_t, std::uint64_t>>{
             {1ull << 40, crypto_pwhash_MEMLIMIT_MIN},
             {crypto_pwhash_OPSLIMIT_MIN, 1ull << 45},
             {0, crypto_pwhash_MEMLIMIT_MIN},
             {crypto_pwhash_OPSLIMIT_MIN, 0}}) {
        Bytes bad = good;
        WriteU64(bad, at, ops);
        WriteU64(bad, at + 8, mem);
        WriteFile(keyFile, bad);
        const std::string msg = ExpectVaultError(VaultError::Kind::Damaged,
                                                 [&] { Vault::Open(tmp / "vault", kPassword); });
        CHECK(msg == "vault.key: key derivation parameters out of range");
    }
    // Slightly edited but in range: the slot's check sum names the slot, not
    // the password.
    Bytes edited = good;
    WriteU64(edited, at, crypto_pwhash_OPSLIMIT_MIN + 1);
    WriteFile(keyFile, edited);
    const std::string msg =
        ExpectVaultError(VaultError::Kind::Damaged, [&] { Vault::Open(tmp / "vault", kPassword); });
    CHECK(msg == "vault.key: the key slot of anna is damaged (its check sum fails)");
}

TEST_CASE("moderate KDF limits are what a vault stores by default", "[vault]") {
    TempDir tmp;
    { Vault::Create(tmp / "vault", "anna", kPassword); } // the default: Moderate
    const Bytes key = ReadFile(tmp / "vault" / "vault.key");
    const std::size_t at = FirstSlotLimitsAt(key);
    CHECK(ReadU64(key, at) == crypto_pwhash_OPSLIMIT_MODERATE);
    CHECK(ReadU64(key, at + 8) == crypto_pwhash_MEMLIMIT_MODERATE);
    CHECK(KdfLimits::Moderate().opsLimit == crypto_pwhash_OPSLIMIT_MODERATE);
    CHECK(KdfLimits::Interactive().memLimit == crypto_pwhash_MEMLIMIT_INTERACTIVE);
    CHECK(KdfLimits::Minimum().memLimit == crypto_pwhash_MEMLIMIT_MIN);
}

TEST_CASE("a locked vault wipes its keys and refuses work", "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const auto id = v.CreateCase(kCode).id;
    CHECK_FALSE(v.IsLocked());
    v.Lock();
    CHECK(v.IsLocked());
    const std::string msg = ExpectVaultError(VaultError::Kind::Usage, [&] { v.LoadCase(id); });
    CHECK(msg.find("locked") != std::string::npos);
    ExpectVaultError(VaultError::Kind::Usage, [&] { v.ListCases(); });
    Vault again = Vault::Open(v.Dir(), kPassword);
    CHECK(again.LoadCase(id).code == kCode);
    Vault moved = std::move(again);
    CHECK(moved.ListCases().size() == 1);
}

TEST_CASE("creating a vault needs an empty folder; opening needs a vault", "[vault]") {
    TempDir tmp;
    WriteFile(tmp / "something.txt", {1, 2, 3});
    ExpectVaultError(VaultError::Kind::Usage,
                     [&] { Vault::Create(tmp.Path(), "anna", kPassword, KdfLimits::Minimum()); });
    CHECK(ExpectVaultError(VaultError::Kind::Io, [&] {
              Vault::Open(tmp.Path(), kPassword);
          }).rfind("vault.key: not found", 0) == 0);
    ExpectVaultError(VaultError::Kind::Io, [&] { Vault::Open(tmp / "absent", kPassword); });
}
