// audit.kbl version 2: framing, sealing, walking and reading records
// (docs/vault-format.md, "audit.kbl"). Version 1 records: AuditV1.cpp.

#include "Audit.h"

#include "Bytes.h"

#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <unistd.h>

namespace kartbok::vault::detail {
namespace {

constexpr unsigned char kMagic[8] = {'K', 'B', 'A', 'U', 'D', 'I', 'T', 0};
constexpr std::uint16_t kVersion = 2;
constexpr unsigned char kMarker[4] = {0xA5, 'K', 'B', 'R'};
constexpr std::size_t kFrameHead = 64; ///< marker, length twice, seq, index gen, epoch, prev
constexpr std::size_t kMacBytes = 32;
constexpr std::size_t kMinRecord = kFrameHead + crypto_box_SEALBYTES + 8 + kMacBytes;
constexpr std::size_t kMaxRecord = 64 * 1024 + 512;
constexpr std::uint64_t kMaxLegacyBytes = std::uint64_t{1} << 32;
const std::string kLabel = "audit.kbl";

std::uint32_t U32At(std::span<const unsigned char> b, std::size_t at) {
    return static_cast<std::uint32_t>(b[at]) | static_cast<std::uint32_t>(b[at + 1]) << 8 |
           static_cast<std::uint32_t>(b[at + 2]) << 16 |
           static_cast<std::uint32_t>(b[at + 3]) << 24;
}

std::uint64_t U64At(std::span<const unsigned char> b, std::size_t at) {
    return static_cast<std::uint64_t>(U32At(b, at)) | static_cast<std::uint64_t>(U32At(b, at + 4))
                                                          << 32;
}

/// The length a frame starting at `at` claims, or 0 when no frame starts there.
std::uint64_t FrameLength(std::span<const unsigned char> b, std::size_t at) {
    if (b.size() - at < 12 || std::memcmp(b.data() + at, kMarker, sizeof kMarker) != 0)
        return 0;
    const std::uint32_t n = U32At(b, at + 4);
    if (n != static_cast<std::uint32_t>(~U32At(b, at + 8)) || n < kMinRecord || n > kMaxRecord)
        return 0;
    return n;
}

/// True when the bytes from `at` to the end are the start of a frame cut short.
bool IsTornStart(std::span<const unsigned char> b, std::size_t at) {
    const std::size_t rest = b.size() - at;
    if (rest >= 12)
        return FrameLength(b, at) > rest;
    return std::memcmp(b.data() + at, kMarker, std::min(rest, sizeof kMarker)) == 0;
}

Hash Mac(const SecureBuffer& key, std::span<const unsigned char> bytes) {
    Hash h{};
    crypto_generichash(h.data(), h.size(), bytes.data(), bytes.size(), key.Data(), key.Size());
    return h;
}

const AuditKeys* KeysOf(const std::vector<AuditKeys>& keys, std::uint32_t epoch) {
    for (const auto& k : keys)
        if (k.epoch == epoch)
            return &k;
    return nullptr;
}

} // namespace

AuditHeader ReadAuditHeader(std::span<const unsigned char> bytes) {
    ByteReader r(bytes, kLabel);
    if (bytes.empty())
        r.Fail("empty (the audit log was truncated)");
    auto magic = r.Raw(std::min(bytes.size(), sizeof kMagic));
    if (magic.size() != sizeof kMagic || std::memcmp(magic.data(), kMagic, sizeof kMagic) != 0)
        r.Fail("not an audit log");
    AuditHeader h;
    h.version = r.U16();
    r.U16();
    r.Raw(h.vault.id.data(), h.vault.id.size());
    if (h.version == 1) {
        h.start = ScanLegacyAudit(bytes);
        return h;
    }
    if (h.version != kVersion)
        throw VaultError(VaultError::Kind::Damaged,
                         kLabel + ": format version " + std::to_string(h.version) +
                             " is not supported (written by a newer Kartbok?)");
    h.legacyBytes = r.U64();
    if (h.legacyBytes > kMaxLegacyBytes || h.legacyBytes > r.Remaining())
        r.Fail("the kept version 1 log is out of range");
    const auto legacy = bytes.subspan(kAuditHeaderBytes, h.legacyBytes);
    const std::size_t prefix = kAuditHeaderBytes + static_cast<std::size_t>(h.legacyBytes);
    h.start.offset = prefix;
    h.start.count = legacy.empty() ? 0 : ScanLegacyAudit(legacy).count;
    h.start.last = HashBytes(bytes.subspan(0, prefix));
    return h;
}

Bytes NewAuditLog(const VaultIdentity& vault, std::span<const unsigned char> legacy) {
    ByteWriter w;
    w.Raw(std::span(kMagic));
    w.U16(kVersion);
    w.U16(0);
    w.Raw(std::span(vault.id));
    w.U64(legacy.size());
    w.Raw(legacy);
    return std::move(w.Out());
}

Bytes SealAuditRecord(const AuditEntry& e, const AuditPosition& at, std::uint64_t indexGeneration,
                      std::uint32_t epoch, const std::array<unsigned char, 32>& publicKey,
                      const SecureBuffer* mac) {
    ByteWriter plain;
    plain.I64(e.time);
    plain.Str(e.user);
    plain.U8(static_cast<std::uint8_t>(e.action));
    plain.Str(e.caseId);
    plain.U64(e.caseGeneration);
    plain.Str(e.detail.size() > 60000 ? e.detail.substr(0, 60000) : e.detail);
    plain.U8(mac != nullptr ? 1 : 0);
    const std::size_t n = kFrameHead + plain.Size() + crypto_box_SEALBYTES + kMacBytes;
    ByteWriter w;
    w.Raw(std::span(kMarker));
    w.U32(static_cast<std::uint32_t>(n));
    w.U32(~static_cast<std::uint32_t>(n));
    w.U64(at.count);
    w.U64(indexGeneration);
    w.U32(epoch);
    w.Raw(std::span(at.last));
    Bytes& out = w.Out();
    const std::size_t sealedAt = out.size();
    out.resize(sealedAt + plain.Size() + crypto_box_SEALBYTES);
    crypto_box_seal(out.data() + sealedAt, plain.Out().data(), plain.Size(), publicKey.data());
    sodium_memzero(plain.Out().data(), plain.Size());
    const Hash m = mac != nullptr ? Mac(*mac, out) : Hash{};
    out.insert(out.end(), m.begin(), m.end());
    return std::move(out);
}

bool AuditFrameMacOk(std::span<const unsigned char> record, const SecureBuffer& mac) {
    if (record.size() < kMinRecord)
        return false;
    const Hash m = Mac(mac, record.subspan(0, record.size() - kMacBytes));
    return sodium_memcmp(m.data(), record.data() + record.size() - kMacBytes, kMacBytes) == 0;
}

AuditWalk WalkAudit(std::span<const unsigned char> bytes, const AuditPosition& from) {
    AuditWalk walk;
    walk.end = from;
    std::size_t pos = static_cast<std::size_t>(from.offset);
    while (pos < bytes.size()) {
        const std::uint64_t n = FrameLength(bytes, pos);
        if (n != 0 && pos + n <= bytes.size()) {
            AuditFrame f;
            f.offset = pos;
            f.length = n;
            f.seq = U64At(bytes, pos + 12);
            f.indexGeneration = U64At(bytes, pos + 20);
            f.epoch = U32At(bytes, pos + 28);
            std::memcpy(f.prev.data(), bytes.data() + pos + 32, f.prev.size());
            const auto rec = bytes.subspan(pos, static_cast<std::size_t>(n));
            f.self = HashBytes(rec);
            f.authenticated = !std::all_of(rec.end() - kMacBytes, rec.end(),
                                           [](unsigned char c) { return c == 0; });
            walk.frames.push_back(f);
            pos += static_cast<std::size_t>(n);
            walk.end = {pos, f.seq + 1, f.self};
            continue;
        }
        if (IsTornStart(bytes, pos)) {
            walk.tornBytes = bytes.size() - pos;
            break;
        }
        // Not a record: find the next place one starts (or a torn one at the end).
        std::size_t next = pos + 1;
        while (next < bytes.size()) {
            if (FrameLength(bytes, next) != 0)
                break; // a record, or one cut short at the end
            ++next;
        }
        walk.garbage.emplace_back(pos, next - pos);
        pos = next;
    }
    return walk;
}

namespace {

/// Opens one framed record and checks it against what precedes it.
void ReadFrame(std::span<const unsigned char> rec, const AuditFrame& f, const AuditKeys* k,
               bool chainKnown, const Hash& prev, std::uint64_t position, AuditReadResult& res) {
    // Records are named by their place in the file (1-based), as a person counts them.
    auto problem = [&](const std::string& p) {
        res.problems.push_back(kLabel + ": record " + std::to_string(position + 1) + " " + p);
    };
    if (f.seq != position)
        problem("has sequence number " + std::to_string(f.seq + 1) +
                " (records were deleted or reordered)");
    if (chainKnown && sodium_memcmp(f.prev.data(), prev.data(), prev.size()) != 0)
        problem("does not follow the record before it (the chain is broken)");
    if (k == nullptr) {
        problem("names key epoch " + std::to_string(f.epoch) + ", which vault.key does not know");
        return;
    }
    if (f.authenticated && !AuditFrameMacOk(rec, k->mac)) {
        problem("was not written by a holder of the vault key (its MAC fails)");
        return;
    }
    const auto sealed = rec.subspan(kFrameHead, rec.size() - kFrameHead - kMacBytes);
    SecureBuffer plain(sealed.size() - crypto_box_SEALBYTES + 1);
    if (crypto_box_seal_open(plain.Data(), sealed.data(), sealed.size(), k->publicKey.data(),
                             k->secret.Data()) != 0) {
        problem("does not decrypt (edited or damaged)");
        return;
    }
    try {
        ByteReader r(
            std::span<const unsigned char>(plain.Data(), sealed.size() - crypto_box_SEALBYTES),
            kLabel);
        AuditEntry e;
        e.seq = f.seq;
        e.indexGeneration = f.indexGeneration;
        e.time = r.I64();
        e.user = r.Str(4096);
        const std::uint8_t action = r.U8();
        e.caseId = r.Str(4096);
        e.caseGeneration = r.U64();
        e.detail = r.Str(kMaxRecord);
        const std::uint8_t authenticated = r.U8();
        r.ExpectEnd();
        if (action > static_cast<std::uint8_t>(kLastAuditAction) || authenticated > 1 ||
            (authenticated == 1) != f.authenticated)
            r.Fail("malformed");
        e.action = static_cast<AuditAction>(action);
        if (!f.authenticated && (e.action != AuditAction::UnlockFailed || f.indexGeneration != 0))
            problem("is unauthenticated but claims more than a failed unlock");
        if (e.detail.rfind(kAuditRestarted, 0) == 0)
            problem(std::string(": ") + kAuditRestarted);
        res.entries.push_back(std::move(e));
    } catch (const VaultError&) {
        problem("is damaged (malformed)");
    }
}

} // namespace

AuditReadResult ReadAuditBytes(std::span<const unsigned char> bytes, const VaultIdentity& vault,
                               const std::vector<AuditKeys>& keys) {
    AuditReadResult res;
    AuditHeader h;
    try {
        h = ReadAuditHeader(bytes);
    } catch (const VaultError& e) {
        res.problems.push_back(e.what());
        return res;
    }
    if (h.vault != vault)
        res.problems.push_back(kLabel + ": belongs to another vault");
    if (h.version == 1)
        return ReadLegacyAudit(bytes, vault, keys.at(0));
    if (h.legacyBytes > 0) {
        res = ReadLegacyAudit(bytes.subspan(kAuditHeaderBytes, h.legacyBytes), vault, keys.at(0));
        for (auto& p : res.problems)
            p += " (in the kept version 1 log)";
    }
    const AuditWalk walk = WalkAudit(bytes, h.start);
    Hash prev = h.start.last;
    std::uint64_t position = h.start.count;
    bool chainKnown = true;
    std::size_t g = 0;
    for (const auto& f : walk.frames) {
        // Damaged bytes before this record: reported once, and the record is
        // read on its own (its predecessor cannot be known).
        while (g < walk.garbage.size() && walk.garbage[g].first < f.offset) {
            res.problems.push_back(
                kLabel + ": damaged bytes at offset " + std::to_string(walk.garbage[g].first) +
                " (" + std::to_string(walk.garbage[g].second) + " bytes, after record " +
                std::to_string(position) + "); the records after them were read");
            chainKnown = false;
            position = f.seq; // numbering goes on from the record found
            ++g;
        }
        ReadFrame(bytes.subspan(f.offset, f.length), f, KeysOf(keys, f.epoch), chainKnown, prev,
                  position, res);
        prev = f.self;
        ++position;
        chainKnown = true;
    }
    for (; g < walk.garbage.size(); ++g)
        res.problems.push_back(
            kLabel + ": damaged bytes at offset " + std::to_string(walk.garbage[g].first) + " (" +
            std::to_string(walk.garbage[g].second) + " bytes after record " +
            std::to_string(position) + ", at the end; not a record cut short by a crash)");
    if (walk.tornBytes > 0)
        res.problems.push_back(kLabel + ": the last record is incomplete (" +
                               std::to_string(walk.tornBytes) +
                               " bytes; a write was interrupted; the next change replaces it)");
    res.frames = walk.frames;
    res.end = walk.end;
    res.tornBytes = walk.tornBytes;
    return res;
}

void WriteAuditRecords(FileSystem& fs, int fd, std::uint64_t at, std::uint64_t fileSize,
                       std::span<const unsigned char> records, bool sync) {
    auto fail = [](const char* what) {
        throw VaultError(VaultError::Kind::Io,
                         kLabel + ": could not " + what + ": " + std::strerror(errno));
    };
    if (at < fileSize && fs.Truncate(fd, at) != 0)
        fail("replace a torn last record");
    if (::lseek(fd, static_cast<off_t>(at), SEEK_SET) < 0)
        fail("append");
    std::size_t done = 0;
    while (done < records.size()) {
        const long n = fs.Write(fd, records.data() + done, records.size() - done);
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            fail("append");
        }
        done += static_cast<std::size_t>(n);
    }
    if (sync && fs.Fsync(fd) != 0)
        fail("flush the log to disk");
}

} // namespace kartbok::vault::detail
