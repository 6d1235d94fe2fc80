#include "Audit.h"

#include "Bytes.h"

#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kartbok::vault::detail {
namespace {

constexpr unsigned char kMagic[8] = {'K', 'B', 'A', 'U', 'D', 'I', 'T', 0};
constexpr std::uint16_t kVersion = 1;
constexpr std::size_t kHeaderBytes = 8 + 2 + 2 + 16;
constexpr std::size_t kMaxRecord = 64 * 1024;
const std::string kLabel = "audit.kbl";

Bytes Header(const VaultIdentity& vault) {
    ByteWriter w;
    w.Raw(std::span(kMagic));
    w.U16(kVersion);
    w.U16(0);
    w.Raw(std::span(vault.id));
    return std::move(w.Out());
}

/// Fields covered by the MAC: everything in the record but the MAC itself.
Bytes RecordBody(const AuditEntry& e, const Hash& prev) {
    ByteWriter w;
    w.U64(e.seq);
    w.Raw(std::span(prev));
    w.I64(e.time);
    w.Str(e.user);
    w.U8(static_cast<std::uint8_t>(e.action));
    w.Str(e.caseId);
    w.Str(e.detail);
    return std::move(w.Out());
}

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

void WriteAll(FileSystem& fs, int fd, const Bytes& data) {
    std::size_t done = 0;
    while (done < data.size()) {
        const long n = fs.Write(fd, data.data() + done, data.size() - done);
        if (n <= 0)
            throw VaultError(VaultError::Kind::Io,
                             kLabel + ": could not append: " + std::strerror(n < 0 ? errno : EIO));
        done += static_cast<std::size_t>(n);
    }
}

} // namespace

void CreateAuditFile(FileSystem& fs, const std::filesystem::path& file,
                     const VaultIdentity& vault) {
    AtomicWriteFile(fs, file, Header(vault), false);
}

SecureBuffer DeriveAuditMacKey(const SecureBuffer& vaultKey) {
    SecureBuffer key(crypto_generichash_KEYBYTES);
    crypto_kdf_derive_from_key(key.Data(), key.Size(), 1, "kbaudit_", vaultKey.Data());
    return key;
}

void AppendAudit(FileSystem& fs, const AuditWriter& writer, AuditEntry entry) {
    const int fd = fs.Open(writer.file, O_RDWR | O_CREAT, 0600);
    if (fd < 0)
        throw VaultError(VaultError::Kind::Io,
                         kLabel + ": could not append: " + std::strerror(errno));
    struct Closer {
        FileSystem& fs;
        int fd;
        ~Closer() { fs.Close(fd); } // releases the flock too
    } closer{fs, fd};
    auto osError = [](const char* what) {
        return VaultError(VaultError::Kind::Io,
                          kLabel + ": could not " + what + ": " + std::strerror(errno));
    };
    // Serialises appenders (two instances on one vault): the chain needs the
    // previous record, so read-hash-append must not interleave.
    while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        throw osError("append");
    const auto fileSize = static_cast<std::uint64_t>(st.st_size);

    AuditTail t;
    Bytes prefix; // bytes to write before the record (a header for a new log)
    AuditTail* cache = writer.tail;
    const bool cached = cache != nullptr && cache->valid &&
                        cache->device == static_cast<std::uint64_t>(st.st_dev) &&
                        cache->inode == static_cast<std::uint64_t>(st.st_ino) &&
                        fileSize >= cache->size;
    if (cached) {
        t = *cache;
    } else {
        Bytes head(std::min<std::uint64_t>(fileSize, kHeaderBytes));
        if (!head.empty() &&
            ::pread(fd, head.data(), head.size(), 0) != static_cast<ssize_t>(head.size()))
            throw osError("read the log");
        if (fileSize == 0) {
            prefix = Header(writer.vault);
            t.last = HashBytes(prefix);
            t.size = 0;
            entry.detail = entry.detail.empty()
                               ? std::string(kAuditRestarted)
                               : std::string(kAuditRestarted) + "; " + entry.detail;
        } else if (head.size() < kHeaderBytes ||
                   std::memcmp(head.data(), kMagic, sizeof kMagic) != 0) {
            throw VaultError(VaultError::Kind::Damaged,
                             kLabel + ": damaged (not an audit log); nothing was appended");
        } else {
            t.last = HashBytes(head);
            t.size = kHeaderBytes;
        }
    }
    // Walk the records others appended since t.size (all of them when not cached).
    std::uint64_t pos = t.size == 0 ? fileSize : t.size;
    while (pos < fileSize) {
        unsigned char lenBytes[4];
        if (fileSize - pos < 4 || ::pread(fd, lenBytes, 4, static_cast<off_t>(pos)) != 4)
            break;
        const std::uint32_t len = static_cast<std::uint32_t>(lenBytes[0]) |
                                  static_cast<std::uint32_t>(lenBytes[1]) << 8 |
                                  static_cast<std::uint32_t>(lenBytes[2]) << 16 |
                                  static_cast<std::uint32_t>(lenBytes[3]) << 24;
        if (len > kMaxRecord || len > fileSize - pos - 4)
            break;
        Bytes rec(4 + len);
        if (::pread(fd, rec.data(), rec.size(), static_cast<off_t>(pos)) !=
            static_cast<ssize_t>(rec.size()))
            throw osError("read the log");
        t.last = HashBytes(rec);
        ++t.count;
        pos += rec.size();
    }
    if (t.size != 0 && pos != fileSize) {
        // A crash cut the last append short. Cut the fragment off so the chain
        // can continue, and say so in the new record.
        if (::ftruncate(fd, static_cast<off_t>(pos)) != 0)
            throw osError("append");
        entry.detail += (entry.detail.empty() ? "" : "; ") +
                        std::string("an incomplete last record of ") +
                        std::to_string(fileSize - pos) + " bytes was removed";
    }
    t.size = t.size == 0 ? 0 : pos;

    entry.seq = t.count;
    entry.time = static_cast<std::int64_t>(std::time(nullptr));
    const Bytes body = RecordBody(entry, t.last);
    ByteWriter plain;
    plain.Raw(std::span(body));
    if (writer.macKey != nullptr) {
        const Hash mac = Mac(*writer.macKey, body);
        plain.U8(1);
        plain.Raw(std::span(mac));
    } else {
        const Hash none{};
        plain.U8(0);
        plain.Raw(std::span(none));
    }
    Bytes sealed(plain.Size() + crypto_box_SEALBYTES);
    crypto_box_seal(sealed.data(), plain.Out().data(), plain.Size(), writer.publicKey.data());
    ByteWriter rec;
    rec.U32(static_cast<std::uint32_t>(sealed.size()));
    rec.Raw(std::span(sealed));
    Bytes out = std::move(prefix);
    out.insert(out.end(), rec.Out().begin(), rec.Out().end());
    if (::lseek(fd, 0, SEEK_END) < 0)
        throw osError("append");
    if (cache != nullptr)
        cache->valid = false; // until the append is known to be complete
    WriteAll(fs, fd, out);
    if (writer.sync && fs.Fsync(fd) != 0)
        throw osError("flush the log to disk");
    if (cache != nullptr) {
        *cache = t;
        cache->valid = true;
        cache->device = static_cast<std::uint64_t>(st.st_dev);
        cache->inode = static_cast<std::uint64_t>(st.st_ino);
        cache->size = (t.size == 0 ? 0 : t.size) + out.size();
        cache->count = t.count + 1;
        cache->last = HashBytes(rec.Out());
    }
}

AuditReadResult ReadAuditFile(const std::filesystem::path& file, const VaultIdentity& vault,
                              const std::array<unsigned char, 32>& publicKey,
                              const SecureBuffer& secretKey, const SecureBuffer& macKey) {
    AuditReadResult res;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        res.problems.push_back(kLabel + ": missing (the audit log was deleted)");
        return res;
    }
    Bytes bytes;
    try {
        bytes = ReadWholeFile(file);
    } catch (const VaultError& e) {
        res.problems.push_back(e.what());
        return res;
    }
    return ReadAuditBytes(bytes, vault, publicKey, secretKey, macKey);
}

AuditReadResult ReadAuditBytes(std::span<const unsigned char> bytes, const VaultIdentity& vault,
                               const std::array<unsigned char, 32>& publicKey,
                               const SecureBuffer& secretKey, const SecureBuffer& macKey) {
    AuditReadResult res;
    auto problem = [&](const std::string& p) { res.problems.push_back(kLabel + ": " + p); };
    if (bytes.empty()) {
        problem("empty (the audit log was truncated)");
        return res;
    }
    const Layout l = Scan(bytes);
    if (!l.headerOk) {
        problem("damaged (not an audit log)");
        return res;
    }
    if (VersionOf(bytes) != kVersion) {
        // Records of another format version would all look tampered with.
        problem("format version " + std::to_string(VersionOf(bytes)) +
                " is not supported (written by a newer Kartbok?)");
        return res;
    }
    if (!std::equal(vault.id.begin(), vault.id.end(), bytes.begin() + 12))
        problem("belongs to another vault");
    Hash prev = HashOf(bytes, 0, kHeaderBytes);
    for (std::size_t i = 0; i < l.records.size(); ++i) {
        const auto [off, len] = l.records[i];
        const std::string where = "record " + std::to_string(i + 1);
        const Hash self = HashOf(bytes, off, len);
        const std::size_t sealedLen = len - 4;
        if (sealedLen < crypto_box_SEALBYTES) {
            problem(where + " is damaged (too short)");
            prev = self;
            continue;
        }
        SecureBuffer plain(sealedLen - crypto_box_SEALBYTES + 1);
        if (crypto_box_seal_open(plain.Data(), bytes.data() + off + 4, sealedLen, publicKey.data(),
                                 secretKey.Data()) != 0) {
            problem(where + " does not decrypt (edited or damaged)");
            prev = self;
            continue;
        }
        try {
            ByteReader r(
                std::span<const unsigned char>(plain.Data(), sealedLen - crypto_box_SEALBYTES),
                kLabel);
            AuditEntry e;
            e.seq = r.U64();
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
            if (e.seq != i)
                problem(where + " has sequence number " + std::to_string(e.seq + 1) +
                        " (records were deleted or reordered)");
            if (sodium_memcmp(recPrev.data(), prev.data(), prev.size()) != 0)
                problem(where + " does not follow the record before it (the chain is broken)");
            const Bytes body(plain.Data(), plain.Data() + bodyLen);
            if (authenticated == 1) {
                const Hash expect = Mac(macKey, body);
                if (sodium_memcmp(expect.data(), mac.data(), mac.size()) != 0)
                    problem(where + " was not written by a holder of the vault key");
            } else if (e.action != AuditAction::UnlockFailed) {
                problem(where + " is unauthenticated but claims more than a failed unlock");
            }
            if (e.detail.rfind(kAuditRestarted, 0) == 0)
                problem(where + ": " + kAuditRestarted);
            res.entries.push_back(std::move(e));
        } catch (const VaultError&) {
            problem(where + " is damaged (malformed)");
        }
        prev = self;
    }
    if (l.goodEnd != bytes.size())
        problem("the last record is incomplete (" + std::to_string(bytes.size() - l.goodEnd) +
                " bytes; a save was interrupted)");
    return res;
}

} // namespace kartbok::vault::detail
