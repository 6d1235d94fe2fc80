// audit.kbl: who did what, in order; any edit of the log is reported.

#include "VaultTestSupport.h"

#include <sodium.h>

#include <array>

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

namespace {

// docs/vault-format.md: a 28-byte header, then records of u32 length + sealed box.
constexpr std::size_t kAuditHeader = 28;

std::vector<Bytes> SplitRecords(const Bytes& log) {
    std::vector<Bytes> out;
    std::size_t pos = kAuditHeader;
    while (pos + 4 <= log.size()) {
        const std::size_t len = log[pos] | log[pos + 1] << 8 | log[pos + 2] << 16 |
                                static_cast<std::size_t>(log[pos + 3]) << 24;
        out.emplace_back(log.begin() + static_cast<long>(pos),
                         log.begin() + static_cast<long>(pos + 4 + len));
        pos += 4 + len;
    }
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
        Vault v = Vault::Open(dir, kPassword);                   // 5 unlock
        v.LoadCase(id);                                          // 6 open
        v.Audit(AuditAction::Export, id, "follow-up brief pdf"); // 7 export
        v.AddSlot("bo", "pw", KdfLimits::Minimum());             // 8 slot-added
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

TEST_CASE("the audit log records every action in order, with users", "[vault]") {
    AuditedVault a;
    Vault v = Vault::Open(a.dir, "pw"); // 9 unlock as bo
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
    CHECK(log[1].caseId == a.id);
    CHECK(log[2].detail == "generation 2");
    CHECK(log[3].user.empty()); // nobody is known on a failed unlock
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
    records.erase(records.begin() + 2);
    WriteFile(a.Log(), Join(log, records));
    const auto problems = Problems(a.dir);
    CHECK(Has(problems,
              "audit.kbl: record 3 has sequence number 4 (records were deleted or reordered)"));
    CHECK(Has(problems, "audit.kbl: record 3 does not follow the record before it"));
    Vault v = Vault::Open(a.dir, kPassword);
    CHECK(ExpectVaultError(VaultError::Kind::Tampered, [&] {
              v.ReadAudit();
          }).rfind("audit.kbl: record 3", 0) == 0);
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

TEST_CASE("a flipped byte in the audit log is reported", "[vault]") {
    AuditedVault a;
    Bytes log = ReadFile(a.Log());
    const auto records = SplitRecords(log);
    const std::size_t third = kAuditHeader + records[0].size() + records[1].size();
    log[third + 40] ^= 0x01;
    WriteFile(a.Log(), log);
    const auto problems = Problems(a.dir);
    CHECK(Has(problems, "audit.kbl: record 3 does not decrypt (edited or damaged)"));
    CHECK(Has(problems, "audit.kbl: record 4 does not follow the record before it"));
}

TEST_CASE("a torn last audit record is reported, then cut off by the next append", "[vault]") {
    AuditedVault a;
    Bytes log = ReadFile(a.Log());
    REQUIRE(log.size() > 10);
    log.erase(log.end() - 10, log.end()); // (resize(size - 10) trips GCC 12's -Wstringop-overflow)
    WriteFile(a.Log(), log);
    {
        // Verify before anything appends: read the log as it is.
        Vault v = Vault::Open(a.dir, kPassword); // this append removes the torn tail
        const auto entries = v.ReadAudit();
        REQUIRE(entries.size() == 8); // records 1-7 and the new unlock
        CHECK(entries.back().detail.find("an incomplete last record of") != std::string::npos);
        CHECK(v.Verify().ok);
    }
}

TEST_CASE("an audit log of another format version is reported, not read as tampered", "[vault]") {
    AuditedVault a;
    Bytes log = ReadFile(a.Log());
    log[8] = 2; // docs/vault-format.md: u16 format version at offset 8
    WriteFile(a.Log(), log);
    const auto problems = Problems(a.dir);
    CHECK(Has(problems, "audit.kbl: format version 2 is not supported"));
    CHECK_FALSE(Has(problems, "does not decrypt"));
    Vault v = Vault::Open(a.dir, kPassword);
    CHECK(ExpectVaultError(VaultError::Kind::Tampered, [&] {
              v.ReadAudit();
          }).rfind("audit.kbl: format version 2", 0) == 0);
}

// The reader took any mark other than 1 as "unauthenticated", so a record
// marked 2 passed as a failed unlock; the format knows only 0 and 1.
TEST_CASE("an audit record with an unknown authentication mark is malformed", "[vault]") {
    AuditedVault a;
    Bytes log = ReadFile(a.Log());
    const auto records = SplitRecords(log);
    // A record anyone can append (sealing needs only the public audit key in
    // vault.key, offset 28): an unlock-failed marked 2, chained to the last.
    const Bytes key = ReadFile(a.dir / "vault.key");
    std::array<unsigned char, crypto_generichash_BYTES> prev{};
    crypto_generichash(prev.data(), prev.size(), records.back().data(), records.back().size(),
                       nullptr, 0);
    Bytes plain;
    auto le = [&](std::uint64_t v, int n) {
        for (int i = 0; i < n; ++i)
            plain.push_back(static_cast<unsigned char>(v >> (8 * i)));
    };
    le(records.size(), 8); // seq
    plain.insert(plain.end(), prev.begin(), prev.end());
    le(1767225600, 8);                // time
    le(0, 4);                         // user ""
    plain.push_back(1);               // unlock-failed
    le(0, 4);                         // case id ""
    le(0, 4);                         // detail ""
    plain.push_back(2);               // authenticated: neither 0 nor 1
    plain.insert(plain.end(), 32, 0); // MAC
    Bytes sealed(plain.size() + crypto_box_SEALBYTES);
    REQUIRE(crypto_box_seal(sealed.data(), plain.data(), plain.size(), key.data() + 28) == 0);
    for (int i = 0; i < 4; ++i)
        log.push_back(static_cast<unsigned char>(sealed.size() >> (8 * i)));
    log.insert(log.end(), sealed.begin(), sealed.end());
    WriteFile(a.Log(), log);
    const auto problems = Problems(a.dir);
    CHECK(Has(problems, "audit.kbl: record 9 is damaged (malformed)"));
}
