// audit.kbl version 1 records, kept whole as the legacy part of an upgraded
// log: each a u32 length and a sealed record with its MAC inside.
#include "Audit.h"

#include "Bytes.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace kartbok::vault::detail {
namespace {

constexpr unsigned char kMagic[8] = {'K', 'B', 'A', 'U', 'D', 'I', 'T', 0};
constexpr std::uint16_t kVersion = 1;
constexpr std::size_t kHeaderBytes = 8 + 2 + 2 + 16;
constexpr std::size_t kMaxRecord = 64 * 1024;
const std::string kLabel = "audit.kbl";

Hash Mac(const SecureBuffer& key, const Bytes& body) {
    Hash h{};
    crypto_generichash(h.data(), h.size(), body.data(), body.size(), key.Data(), key.Size());
    return h;
}

/// Where the records are: offsets of whole records, plus any torn tail.
struct Layout {
    bool headerOk = false;
    std::vector<std::pair<std::size_t, std::size_t>> records; ///< offset, length incl. prefix
    std::size_t goodEnd = 0;
};

Layout Scan(std::span<const unsigned char> bytes) {
    Layout l;
    if (bytes.size() < kHeaderBytes || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return l;
    l.headerOk = true;
    std::size_t pos = kHeaderBytes;
    while (bytes.size() - pos >= 4) {
        ByteReader r(bytes.subspan(pos, 4), kLabel);
        const std::uint32_t len = r.U32();
        if (len > kMaxRecord || len > bytes.size() - pos - 4)
            break;
        l.records.emplace_back(pos, 4 + len);
        pos += 4 + len;
    }
    l.goodEnd = pos;
    return l;
}

Hash HashOf(std::span<const unsigned char> bytes, std::size_t off, std::size_t len) {
    return HashBytes(bytes.subspan(off, len));
}

/// The format version in a header Scan accepted.
std::uint16_t VersionOf(std::span<const unsigned char> bytes) {
    return static_cast<std::uint16_t>(bytes[8] | bytes[9] << 8);
}

} // namespace

AuditPosition ScanLegacyAudit(std::span<const unsigned char> bytes) {
    const Layout l = Scan(bytes);
    AuditPosition p;
    p.offset = l.goodEnd;
    p.count = l.records.size();
    p.last = l.records.empty() ? HashOf(bytes, 0, std::min(bytes.size(), kHeaderBytes))
                               : HashOf(bytes, l.records.back().first, l.records.back().second);
    return p;
}

namespace {

void Problem(AuditReadResult& res, const std::string& p) {
    res.problems.push_back(kLabel + ": " + p);
}

/// Whether the records after the header can be read at all; says why not, and
/// notes a header of another vault (its records are still read).
bool HeaderReadable(std::span<const unsigned char> bytes, const Layout& l,
                    const VaultIdentity& vault, AuditReadResult& res) {
    if (bytes.empty()) {
        Problem(res, "empty (the audit log was truncated)");
        return false;
    }
    if (!l.headerOk) {
        Problem(res, "damaged (not an audit log)");
        return false;
    }
    if (VersionOf(bytes) != kVersion) {
        // Records of another format version would all look tampered with.
        Problem(res, "format version " + std::to_string(VersionOf(bytes)) +
                         " is not supported (written by a newer Kartbok?)");
        return false;
    }
    if (!std::equal(vault.id.begin(), vault.id.end(), bytes.begin() + 12))
        Problem(res, "belongs to another vault");
    return true;
}

/// Record `index` (0-based), opened: its fields, checked against its place in
/// the chain (`prev`: the hash of the record before it) and, when it claims
/// to be written with the vault key, against the MAC. Throws VaultError when
/// a field is malformed.
AuditEntry ParseRecord(std::span<const unsigned char> plain, std::size_t index, const Hash& prev,
                       const SecureBuffer& macKey, AuditReadResult& res) {
    const std::string where = "record " + std::to_string(index + 1);
    ByteReader r(plain, kLabel);
    AuditEntry e;
    e.seq = r.U64();
    e.caseGeneration = 0;
    Hash recPrev{};
    r.Raw(recPrev.data(), recPrev.size());
    e.time = r.I64();
    e.user = r.Str(4096);
    const std::uint8_t action = r.U8();
    e.caseId = r.Str(4096);
    e.detail = r.Str(kMaxRecord);
    const std::size_t bodyLen = r.Pos();
    const std::uint8_t authenticated = r.U8();
    Hash mac{};
    r.Raw(mac.data(), mac.size());
    r.ExpectEnd();
    if (action > static_cast<std::uint8_t>(kLastAuditAction))
        r.Fail(where + " has an unknown action");
    if (authenticated > 1)
        r.Fail(where + " has an unknown authentication mark");
    e.action = static_cast<AuditAction>(action);
    if (e.seq != index)
        Problem(res, where + " has sequence number " + std::to_string(e.seq + 1) +
                         " (records were deleted or reordered)");
    if (sodium_memcmp(recPrev.data(), prev.data(), prev.size()) != 0)
        Problem(res, where + " does not follow the record before it (the chain is broken)");
    const Bytes body(plain.data(), plain.data() + bodyLen);
    if (authenticated == 1) {
        const Hash expect = Mac(macKey, body);
        if (sodium_memcmp(expect.data(), mac.data(), mac.size()) != 0)
            Problem(res, where + " was not written by a holder of the vault key");
    } else if (e.action != AuditAction::UnlockFailed) {
        Problem(res, where + " is unauthenticated but claims more than a failed unlock");
    }
    if (e.detail.rfind(kAuditRestarted, 0) == 0)
        Problem(res, where + ": " + kAuditRestarted);
    return e;
}

} // namespace

AuditReadResult ReadLegacyAudit(std::span<const unsigned char> bytes, const VaultIdentity& vault,
                                const AuditKeys& keys) {
    AuditReadResult res;
    const Layout l = Scan(bytes);
    if (!HeaderReadable(bytes, l, vault, res))
        return res;
    Hash prev = HashOf(bytes, 0, kHeaderBytes);
    for (std::size_t i = 0; i < l.records.size(); ++i) {
        const auto [off, len] = l.records[i];
        const std::string where = "record " + std::to_string(i + 1);
        const Hash self = HashOf(bytes, off, len);
        const std::size_t sealedLen = len - 4;
        if (sealedLen < crypto_box_SEALBYTES) {
            Problem(res, where + " is damaged (too short)");
            prev = self;
            continue;
        }
        SecureBuffer plain(sealedLen - crypto_box_SEALBYTES + 1);
        if (crypto_box_seal_open(plain.Data(), bytes.data() + off + 4, sealedLen,
                                 keys.publicKey.data(), keys.secret.Data()) != 0) {
            Problem(res, where + " does not decrypt (edited or damaged)");
            prev = self;
            continue;
        }
        try {
            res.entries.push_back(ParseRecord(
                std::span<const unsigned char>(plain.Data(), sealedLen - crypto_box_SEALBYTES), i,
                prev, keys.mac, res));
        } catch (const VaultError&) {
            Problem(res, where + " is damaged (malformed)");
        }
        prev = self;
    }
    res.end = {l.goodEnd, l.records.size(), prev};
    if (l.goodEnd != bytes.size())
        Problem(res, "the last record is incomplete (" + std::to_string(bytes.size() - l.goodEnd) +
                         " bytes; a save was interrupted)");
    return res;
}

} // namespace kartbok::vault::detail
