// audit.kbl: who did what, in order; any damage or edit of the log is
// reported, the records after it are still read, and nothing ever cuts it.

#include "VaultTestSupport.h"

#include <sodium.h>

#include <array>

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

namespace {

// docs/vault-format.md: a 36-byte header (u64 legacy length at 28), then
// records framed as marker A5 'K' 'B' 'R', u32 length, u32 ~length, ...
constexpr std::size_t kAuditHeader = 36;

std::uint32_t U32(const Bytes& b, std::size_t at) {
    return b[at] | b[at + 1] << 8 | b[at + 2] << 16 | static_cast<std::uint32_t>(b[at + 3]) << 24;
}

std::vector<Bytes> SplitRecords(const Bytes& log) {
    std::vector<Bytes> out;
    std::size_t pos = kAuditHeader;
    while (pos + 12 <= log.size()) {
        const std::size_t len = U32(log, pos + 4);
        REQUIRE(pos + len <= log.size());
        out.emplace_back(log.begin() + static_cast<long>(pos),
                         log.begin() + static_cast<long>(pos + len));
        pos += len;
    }
    REQUIRE(pos == log.size());
    return out;
}

Bytes Join(const Bytes& log, const std::vector<Bytes>& records) {
    Bytes out(log.begin(), log.begin() + kAuditHeader);
    for (const auto& r : records)
        out.insert(out.end(), r.begin(), r.end());
    return out;
}

struct AuditedVault {
    TempDir tmp;
    fs::path dir = tmp / "vault";
    std::string id;
    AuditedVault() {
        {
            Vault v = NewVault(tmp);     // 1 slot-added (vault created)
            id = v.CreateCase(kCode).id; // 2 create
            v.SaveCase(RichCase(id));    // 3 save
        }
        try {
            Vault::Open(dir, "wrong"); // 4 unlock-failed
        } catch (const VaultError&) {
        }
        Vault v = Vault::Open(dir, kPassword);                       // 5 unlock
        v.LoadCase(id);                                              // 6 open
        v.Audit(AuditAction::Export, id, "follow-up brief pdf");     // 7 export
        v.AddSlot("bo", "bo's long password", KdfLimits::Minimum()); // 8 slot-added
    }
    fs::path Log() const { return dir / "audit.kbl"; }
};

std::vector<std::string> Problems(const fs::path& dir) {
    Vault v = Vault::Open(dir, kPassword); // appends an unlock record at the end
    return v.Verify().problems;
}

bool Has(const std::vector<std::string>& problems, const std::string& text) {
    for (const auto& p : problems)
        if (p.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("the audit log records every action in order, with users and anchors", "[vault]") {
    AuditedVault a;
    Vault v = Vault::Open(a.dir, "bo's long password"); // 9 unlock as bo
    const auto log = v.ReadAudit();
    REQUIRE(log.size() == 9);
    const std::vector<AuditAction> expected = {
        AuditAction::SlotAdded,    AuditAction::Create,    AuditAction::Save,
        AuditAction::UnlockFailed, AuditAction::Unlock,    AuditAction::Open,
        AuditAction::Export,       AuditAction::SlotAdded, AuditAction::Unlock};
    for (std::size_t i = 0; i < log.size(); ++i) {
        INFO(i);
        CHECK(log[i].seq == i);
        CHECK(log[i].action == expected[i]);
        CHECK(log[i].time > 1700000000);
        CheckCleanMessage(log[i].detail);
    }
    // Changes carry the case generation and the index generation they wrote.
    CHECK(log[1].caseId == a.id);
    CHECK(log[1].caseGeneration == 1);
    CHECK(log[1].indexGeneration == 2);
    CHECK(log[2].caseGeneration == 2);
    CHECK(log[2].indexGeneration == 3);
    CHECK(log[5].indexGeneration == 0); // an open anchors nothing
    CHECK(log[3].user.empty());         // nobody is known on a failed unlock
    CHECK(log[4].user == "anna");
    CHECK(log[6].detail == "follow-up brief pdf");
    CHECK(log[7].detail == "slot for bo");
    CHECK(log[8].user == "bo");
    CHECK(std::string(ToString(AuditAction::UnlockFailed)) == "unlock-failed");
    CHECK(v.Verify().ok);
}

TEST_CASE("a deleted audit record is reported", "[vault]") {
    AuditedVault a;
    const Bytes log = ReadFile(a.Log());
    auto records = SplitRecords(log);
    REQUIRE(records.size() == 8);
    records.erase(records.begin() + 3);
    WriteFile(a.Log(), Join(log, records));
    const auto problems = Problems(a.dir);
    CHECK(Has(problems,
              "audit.kbl: record 4 has sequence number 5 (records were deleted or reordered)"));
    CHECK(Has(problems, "audit.kbl: record 4 does not follow the record before it"));
    Vault v = Vault::Open(a.dir, kPassword);
    CHECK(ExpectVaultError(VaultError::Kind::Tampered, [&] {
              v.ReadAudit();
          }).rfind("audit.kbl: record 4", 0) == 0);
}

TEST_CASE("reordered audit records are reported", "[vault]") {
    AuditedVault a;
    const Bytes log = ReadFile(a.Log());
    auto records = SplitRecords(log);
    std::swap(records[4], records[5]);
    WriteFile(a.Log(), Join(log, records));
    const auto problems = Problems(a.dir);
    CHECK(Has(problems, "record 5 has sequence number 6"));
    CHECK(Has(problems, "record 6 has sequence number 5"));
}

TEST_CASE("a flipped bit anywhere in a record is reported, naming it", "[vault]") {
    AuditedVault a;
    const Bytes good = ReadFile(a.Log());
    const auto records = SplitRecords(good);
    const std::size_t third = kAuditHeader + records[0].size() + records[1].size();
    // Every byte of record 3: frame, sequence, anchors, chain, sealed body, MAC.
    for (std::size_t at = 0; at < records[2].size(); at += 7) {
        Bytes log = good;
        log[third + at] ^= 0x10;
        WriteFile(a.Log(), log);
        Vault v = Vault::Open(a.dir, kPassword);
        const auto report = v.Verify();
        INFO("byte " << at);
        CHECK_FALSE(report.ok);
        CHECK((Has(report.problems, "record 3") ||
               Has(report.problems, "offset " + std::to_string(third))));
        // The records after it are still read: the unlock just appended is there.
        const Bytes after = ReadFile(a.Log());
        CHECK(after.size() > log.size()); // appended to, never cut
        CHECK(std::equal(log.begin(), log.end(), after.begin()));
    }
}

TEST_CASE("a flipped length field does not cut the log: the rest is read, verify fails",
          "[vault]") {
    AuditedVault a;
    Bytes log = ReadFile(a.Log());
    const auto records = SplitRecords(log);
    const std::size_t second = kAuditHeader + records[0].size();
    log[second + 5] ^= 0x01; // its length (stored twice: they no longer agree)
    WriteFile(a.Log(), log);
    Vault v = Vault::Open(a.dir, kPassword);
    const auto report = v.Verify();
    CHECK_FALSE(report.ok);
    CHECK(Has(report.problems, "audit.kbl: damaged bytes at offset " + std::to_string(second)));
    // Records 3.. are read: no "missing" and the last ones are there.
    const Bytes after = ReadFile(a.Log());
    CHECK(after.size() > log.size());
    CHECK_FALSE(Has(report.problems, "record 4 "));
    CHECK(ExpectVaultError(VaultError::Kind::Tampered, [&] {
              v.ReadAudit();
          }).find("damaged bytes") != std::string::npos);
}

TEST_CASE("bytes appended to the log are reported, and never cut by the next append", "[vault]") {
    AuditedVault a;
    Bytes log = ReadFile(a.Log());
    for (int i = 0; i < 40; ++i)
        log.push_back(static_cast<unsigned char>(i * 37));
    WriteFile(a.Log(), log);
    {
        Vault v = Vault::Open(a.dir, kPassword); // appends after the garbage
        const Bytes after = ReadFile(a.Log());
        CHECK(std::equal(log.begin(), log.end(), after.begin()));
        const auto report = v.Verify();
        CHECK_FALSE(report.ok);
        CHECK(Has(report.problems, "audit.kbl: damaged bytes at offset"));
    }
    // And it stays reported.
    CHECK(Has(Problems(a.dir), "audit.kbl: damaged bytes at offset"));
}

TEST_CASE("a torn last audit record is reported, then replaced by the next append, which says so",
          "[vault]") {
    AuditedVault a;
    Bytes log = ReadFile(a.Log());
    REQUIRE(log.size() > 10);
    log.erase(log.end() - 10, log.end()); // (resize(size - 10) trips GCC 12's -Wstringop-overflow)
    WriteFile(a.Log(), log);
    // The anchor: record 8 (slot-added) is not anchored, so the index does not miss it.
    {
        Vault v = Vault::Open(a.dir, kPassword); // this append replaces the torn tail
        const auto entries = v.ReadAudit();
        REQUIRE(entries.size() == 8); // records 1-7 and the new unlock
        CHECK(entries.back().detail.find("replaces an incomplete last record of") !=
              std::string::npos);
        CHECK(v.Verify().ok);
    }
}

TEST_CASE("an audit log of another format version is reported, not read as tampered", "[vault]") {
    AuditedVault a;
    Bytes log = ReadFile(a.Log());
    log[8] = 3; // docs/vault-format.md: u16 format version at offset 8
    WriteFile(a.Log(), log);
    const auto problems = Problems(a.dir);
    CHECK(Has(problems, "audit.kbl: format version 3 is not supported"));
    CHECK_FALSE(Has(problems, "does not decrypt"));
}

/// The audit public key of key epoch 1, from vault.key version 2 (docs/vault-format.md).
std::array<unsigned char, 32> AuditPublicKey(const Bytes& key) {
    std::size_t pos = 32;
    const std::size_t slots = key[pos] | key[pos + 1] << 8;
    pos += 2;
    for (std::size_t i = 0; i < slots; ++i) {
        const std::size_t name = key[pos + 1] | key[pos + 2] << 8;
        pos += 1 + 2 + name + 16 + 8 + 8 + 32 + 24 + 48 + 80 + 16; // a key-pair slot
    }
    pos += 2 + 4; // ring count, epoch
    std::array<unsigned char, 32> pk{};
    std::copy(key.begin() + static_cast<long>(pos), key.begin() + static_cast<long>(pos + 32),
              pk.begin());
    return pk;
}

// Anyone can seal a record (the audit public key is in vault.key), but only a
// holder of the vault key can MAC one: an unMACed record may only be a failed unlock.
TEST_CASE("an unauthenticated audit record that claims more than a failed unlock is reported",
          "[vault]") {
    AuditedVault a;
    Bytes log = ReadFile(a.Log());
    const auto records = SplitRecords(log);
    std::array<unsigned char, crypto_generichash_BYTES> prev{};
    crypto_generichash(prev.data(), prev.size(), records.back().data(), records.back().size(),
                       nullptr, 0);
    Bytes plain;
    auto le = [](Bytes& b, std::uint64_t x, int n) {
        for (int i = 0; i < n; ++i)
            b.push_back(static_cast<unsigned char>(x >> (8 * i)));
    };
    le(plain, 1767225600, 8); // time
    le(plain, 0, 4);          // user ""
    plain.push_back(2);       // open
    le(plain, 0, 4);          // case id ""
    le(plain, 0, 8);          // case generation
    le(plain, 0, 4);          // detail ""
    plain.push_back(0);       // unauthenticated
    Bytes sealed(plain.size() + crypto_box_SEALBYTES);
    const auto pk = AuditPublicKey(ReadFile(a.dir / "vault.key"));
    REQUIRE(crypto_box_seal(sealed.data(), plain.data(), plain.size(), pk.data()) == 0);
    const std::uint32_t n = static_cast<std::uint32_t>(64 + sealed.size() + 32);
    Bytes rec = {0xA5, 'K', 'B', 'R'};
    le(rec, n, 4);
    le(rec, ~n, 4);
    le(rec, records.size(), 8); // seq
    le(rec, 0, 8);              // index generation
    le(rec, 1, 4);              // epoch
    rec.insert(rec.end(), prev.begin(), prev.end());
    rec.insert(rec.end(), sealed.begin(), sealed.end());
    rec.insert(rec.end(), 32, 0); // no MAC
    log.insert(log.end(), rec.begin(), rec.end());
    WriteFile(a.Log(), log);
    const auto problems = Problems(a.dir);
    CHECK(Has(problems,
              "audit.kbl: record 9 is unauthenticated but claims more than a failed unlock"));
}

TEST_CASE("unlock never cuts the log: its size only grows, whatever is in it", "[vault]") {
    AuditedVault a;
    const Bytes good = ReadFile(a.Log());
    std::mt19937 rng(7);
    for (int round = 0; round < 30; ++round) {
        Bytes log = good;
        const std::size_t at = kAuditHeader + rng() % (log.size() - kAuditHeader);
        switch (round % 3) {
        case 0:
            log[at] ^= static_cast<unsigned char>(1 + rng() % 255);
            break;
        case 1:
            log.erase(log.begin() + static_cast<long>(at),
                      log.begin() + static_cast<long>(std::min(log.size(), at + 1 + rng() % 50)));
            break;
        default:
            log.insert(log.begin() + static_cast<long>(at), 1 + rng() % 30, 0x5a);
            break;
        }
        WriteFile(a.Log(), log);
        INFO("round " << round);
        try {
            Vault v = Vault::Open(a.dir, kPassword);
            (void)v.Verify();
        } catch (const VaultError&) {
        }
        const Bytes after = ReadFile(a.Log());
        CHECK(after.size() >= log.size());
        if (after.size() >= log.size() && round % 3 != 1)
            CHECK(std::equal(log.begin(), log.end(), after.begin()));
    }
}
