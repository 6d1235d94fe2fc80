// The one write path of a vault (docs/vault-format.md, "Writing"): write.lock,
// the anchored commit (index first, then its audit records), appends, and the
// cross-check of index and audit log with recovery of an interrupted change.

#include "ReadFd.h"
#include "VaultImpl.h"

#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kartbok::vault {

using detail::AuditPosition;
using detail::Bytes;
using detail::Hash;
using detail::ReadFd;

WriteLock::WriteLock(Vault::Impl& impl) : m_impl(impl) {
    if (m_impl.writeLockDepth == 0)
        detail::AcquireWriteLock(*m_impl.fs, m_impl.WriteLockPath(), m_impl.me, m_impl.writePolicy);
    ++m_impl.writeLockDepth;
}

WriteLock::~WriteLock() {
    if (--m_impl.writeLockDepth == 0) {
        try {
            detail::ReleaseLock(*m_impl.fs, m_impl.WriteLockPath(), m_impl.me);
        } catch (...) {
            // A lock that cannot be removed is taken over as stale later.
        }
    }
}

namespace detail {

WipeOnExit::~WipeOnExit() {
    if (!s.empty())
        sodium_memzero(s.data(), s.size());
}

Hash CaseHeaderHash(std::span<const unsigned char> bytes) {
    return HashBytes(bytes.subspan(0, std::min<std::size_t>(bytes.size(), kCaseHeaderBytes)));
}

std::optional<Hash> CaseHeaderHashOnDisk(const std::filesystem::path& path) {
    const ReadFd file(path);
    if (!file.Ok())
        return std::nullopt;
    unsigned char buf[kCaseHeaderBytes];
    struct stat st {};
    ssize_t n = -1;
    if (::fstat(file.Get(), &st) == 0 && S_ISREG(st.st_mode))
        n = ::pread(file.Get(), buf, sizeof buf, 0);
    if (n != static_cast<ssize_t>(sizeof buf))
        return std::nullopt;
    return HashBytes(std::span<const unsigned char>(buf, sizeof buf));
}

IndexEntry EntryFor(const journal::Case& c, std::uint64_t generation, const Hash& headerHash) {
    IndexEntry e;
    e.summary = Summarise(c);
    e.summary.generation = generation;
    e.hash = headerHash;
    return e;
}

std::string FreshCaseId(const Vault::Impl& impl, const Index& index) {
    std::error_code ec;
    std::string id;
    do
        id = NewUuid();
    while (index.Find(id) != nullptr || std::filesystem::exists(impl.CasePath(id), ec));
    return id;
}

} // namespace detail

namespace {

constexpr std::size_t kMaxIndexBytes = 256u << 20;
const std::string kAudit = "audit.kbl";

VaultError AuditIo(const std::string& what) {
    return VaultError(VaultError::Kind::Io, kAudit + ": could not " + what + ": " +
                                                std::strerror(errno) +
                                                "; nothing was read or changed");
}

/// Reads bytes [from, end of file) of an open file.
Bytes ReadFrom(int fd, std::uint64_t from, std::uint64_t size) {
    Bytes out(static_cast<std::size_t>(size - from));
    std::size_t have = 0;
    while (have < out.size()) {
        const ssize_t n =
            ::pread(fd, out.data() + have, out.size() - have, static_cast<off_t>(from + have));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw AuditIo("read the log");
        have += static_cast<std::size_t>(n);
    }
    return out;
}

/// The audit log opened for an append, and where the next record goes.
struct PendingAppend {
    int fd = -1;
    FileSystem* fs = nullptr;
    std::uint64_t size = 0;
    std::uint64_t writeAt = 0; ///< a torn tail from here on is replaced
    AuditPosition at;          ///< seq and chain of the next record (offset = writeAt)
    std::string note;          ///< what the first record must say about the tail
    ~PendingAppend() {
        if (fd >= 0)
            fs->Close(fd);
    }
};

std::uint64_t U64At(std::span<const unsigned char> b, std::size_t at) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = v << 8 | b[at + static_cast<std::size_t>(i)];
    return v;
}

/// True when the log (whose last good record ends at goodEnd) stops inside
/// the records of the index's last write, exactly where a crash after the
/// index write would leave it: the rest of them belong after goodEnd.
bool PendingFits(std::span<const unsigned char> log, const AuditPosition& goodEnd,
                 const detail::AuditHead& head) {
    const Bytes& p = head.pending;
    if (p.size() < 64 || head.end < p.size())
        return false;
    const std::uint64_t start = head.end - p.size();
    const std::uint64_t g = goodEnd.offset;
    if (g < start || g >= head.end || g > log.size())
        return false;
    if (!std::equal(log.begin() + static_cast<long>(start), log.begin() + static_cast<long>(g),
                    p.begin()))
        return false;
    return g > start || (goodEnd.count == U64At(p, 12) &&
                         std::equal(goodEnd.last.begin(), goodEnd.last.end(), p.begin() + 32));
}

/// The clear header of index.kbx (no key needed), when there is a readable one.
std::optional<detail::Index> IndexHeaderIfAny(const Vault::Impl& impl) {
    try {
        return detail::ParseIndexHeader(ReadWholeFile(impl.IndexPath(), kMaxIndexBytes));
    } catch (const VaultError&) {
        return std::nullopt;
    }
}

/// A version 1 log becomes the kept part of a version 2 one (first append).
void UpgradeLegacyLog(Vault::Impl& impl) {
    std::error_code ec;
    if (!std::filesystem::exists(impl.AuditPath(), ec))
        return;
    Bytes head(10);
    bool v1 = false;
    {
        const ReadFd file(impl.AuditPath());
        v1 = file.Ok() && ::pread(file.Get(), head.data(), head.size(), 0) == 10 && head[8] == 1 &&
             head[9] == 0;
    }
    if (!v1)
        return;
    const Bytes old = ReadWholeFile(impl.AuditPath());
    AtomicWriteFile(*impl.fs, impl.AuditPath(), detail::NewAuditLog(impl.keyFile.vault, old),
                    false);
    impl.auditTail.reset();
}

void WritePendingFirst(Vault::Impl& impl, PendingAppend& a, detail::AuditWalk& walk);

/// Opens audit.kbl for appending under write.lock: starts a missing or empty
/// log (saying so), upgrades a version 1 log (kept whole), and walks from the
/// last known position to the end to find where the next record goes.
void PrepareAppend(Vault::Impl& impl, PendingAppend& a) {
    FileSystem& fs = *impl.fs;
    a.fs = &fs;
    UpgradeLegacyLog(impl);
    a.fd = fs.Open(impl.AuditPath(), O_RDWR | O_CREAT, 0600);
    if (a.fd < 0)
        throw AuditIo("append");
    struct stat st {};
    if (::fstat(a.fd, &st) != 0)
        throw AuditIo("append");
    if (!S_ISREG(st.st_mode))
        throw VaultError(VaultError::Kind::Damaged, kAudit + ": is not a regular file; refused");
    a.size = static_cast<std::uint64_t>(st.st_size);
    if (a.size == 0) {
        const Bytes header = detail::NewAuditLog(impl.keyFile.vault);
        detail::WriteAuditRecords(fs, a.fd, 0, 0, header, false);
        a.size = header.size();
        a.note = detail::kAuditRestarted;
        impl.auditTail.reset();
    }
    AuditPosition from;
    if (impl.auditTail && impl.auditTail->offset <= a.size) {
        from = *impl.auditTail;
    } else {
        // The header names how long the kept version 1 part is; read it all.
        const detail::AuditHeader h = detail::ReadAuditHeader(ReadFrom(a.fd, 0, a.size));
        if (h.vault != impl.keyFile.vault)
            throw VaultError(VaultError::Kind::Tampered,
                             kAudit + ": belongs to another vault; nothing was appended");
        from = h.start;
    }
    const Bytes rest = ReadFrom(a.fd, from.offset, a.size);
    detail::AuditWalk walk = detail::WalkAudit(rest, {0, from.count, from.last});
    a.at = walk.end;
    a.at.offset += from.offset;
    WritePendingFirst(impl, a, walk);
    if (walk.tornBytes > 0) {
        a.writeAt = a.at.offset;
        a.note = "replaces an incomplete last record of " + std::to_string(walk.tornBytes) +
                 " bytes (a write was interrupted)";
    } else {
        a.writeAt = a.size;
        if (a.writeAt != a.at.offset)
            a.note = std::to_string(a.size - a.at.offset) +
                     " bytes of unreadable data come before this record";
    }
    a.at.offset = a.writeAt;
}

} // namespace

namespace {

/// Records of an index write that a crash kept out of the log go in first
/// (the index holds them; even a failed unlock, without a key, sees them).
void WritePendingFirst(Vault::Impl& impl, PendingAppend& a, detail::AuditWalk& walk) {
    const auto index = IndexHeaderIfAny(impl);
    if (!index || index->version < 3 || !walk.garbage.empty() || a.at.offset >= index->head.end)
        return;
    const Bytes all = ReadFrom(a.fd, 0, a.size);
    if (!PendingFits(all, a.at, index->head))
        return;
    const std::uint64_t start = index->head.end - index->head.pending.size();
    detail::WriteAuditRecords(*impl.fs, a.fd, a.at.offset, a.size,
                              std::span(index->head.pending).subspan(a.at.offset - start), true);
    a.size = index->head.end;
    a.at = {index->head.end, index->head.count, index->head.last};
    walk.tornBytes = 0;
    a.note = "follows the record of an interrupted change, written again from index.kbx";
    impl.notes.push_back("audit.kbl: the record of an interrupted change (index generation " +
                         std::to_string(index->generation) + ") was written again from index.kbx");
}

} // namespace

void Vault::Impl::Append(AuditEntry entry, bool sync) {
    WriteLock lock(*this);
    PendingAppend a;
    PrepareAppend(*this, a);
    entry.user = user; // empty on a failed unlock: nobody is known
    entry.time = static_cast<std::int64_t>(std::time(nullptr));
    if (!a.note.empty())
        entry.detail = entry.detail.empty() ? a.note : entry.detail + "; " + a.note;
    const bool keyed = !auditKeys.empty();
    const auto& ring = keyFile.ring.back();
    const Bytes rec =
        detail::SealAuditRecord(entry, a.at, 0, keyed ? CurrentAuditKeys().epoch : ring.epoch,
                                keyed ? CurrentAuditKeys().publicKey : ring.publicKey,
                                keyed ? &CurrentAuditKeys().mac : nullptr);
    detail::WriteAuditRecords(*fs, a.fd, a.writeAt, a.size, rec, sync);
    auditTail = AuditPosition{a.writeAt + rec.size(), a.at.count + 1, detail::HashBytes(rec)};
}

void Vault::Impl::Commit(detail::Index& index, std::vector<AuditEntry> records) {
    PendingAppend a;
    PrepareAppend(*this, a);
    index.version = 3;
    index.generation += 1;
    index.epoch = keyFile.epoch;
    index.commit = detail::KeyCommit(vaultKey);
    Bytes pending;
    AuditPosition pos = a.at;
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    for (std::size_t i = 0; i < records.size(); ++i) {
        AuditEntry& r = records[i];
        r.user = user;
        r.time = now;
        if (i == 0 && !a.note.empty())
            r.detail = r.detail.empty() ? a.note : r.detail + "; " + a.note;
        const Bytes rec =
            detail::SealAuditRecord(r, pos, index.generation, CurrentAuditKeys().epoch,
                                    CurrentAuditKeys().publicKey, &CurrentAuditKeys().mac);
        pending.insert(pending.end(), rec.begin(), rec.end());
        pos = {pos.offset + rec.size(), pos.count + 1, detail::HashBytes(rec)};
    }
    index.head = {pos.count, pos.last, pos.offset, pending};
    // What the records chain to must be on disk before the index names it:
    // opens are appended without a flush of their own.
    if (fs->Fsync(a.fd) != 0)
        throw AuditIo("flush the log to disk");
    // The index first: it holds the records, so a crash before they reach the
    // log is finished at the next unlock, and a record in the log always has
    // its index on disk before it (a later index in the log = a rollback).
    AtomicWriteFile(*fs, IndexPath(), detail::WriteIndex(index, keyFile.vault, vaultKey), true);
    auditTail.reset();
    try {
        // Not flushed on their own: index.kbx holds them durably already, and
        // the next change flushes the log before it names them.
        detail::WriteAuditRecords(*fs, a.fd, a.writeAt, a.size, pending, false);
    } catch (const VaultError& e) {
        throw VaultError(e.GetKind(), std::string(e.what()) +
                                          "; the change itself is saved (index.kbx keeps its "
                                          "audit record, written at the next unlock)");
    }
    auditTail = pos;
}

detail::Index Vault::Impl::LoadIndex() const {
    std::error_code ec;
    if (!std::filesystem::exists(IndexPath(), ec) && !std::filesystem::is_symlink(IndexPath(), ec))
        throw VaultError(VaultError::Kind::Tampered,
                         "index.kbx: missing in " + dir.string() + " (it was deleted or moved)");
    const Bytes bytes = ReadWholeFile(IndexPath(), kMaxIndexBytes);
    const detail::Index header = detail::ParseIndexHeader(bytes);
    if (!std::equal(keyFile.vault.id.begin(), keyFile.vault.id.end(), bytes.begin() + 12)) {
        // Which one is the stranger: the log sides with the index, or not.
        bool logAgrees = false;
        try {
            const detail::AuditHeader h = detail::ReadAuditHeader(ReadWholeFile(AuditPath()));
            logAgrees = std::equal(h.vault.id.begin(), h.vault.id.end(), bytes.begin() + 12);
        } catch (const VaultError&) {
        }
        if (logAgrees)
            throw VaultError(VaultError::Kind::Tampered,
                             "vault.key: belongs to another vault (index.kbx and audit.kbl here "
                             "agree with each other)");
        throw VaultError(VaultError::Kind::Tampered, "index.kbx: belongs to another vault");
    }
    const detail::SecureBuffer* key = &vaultKey;
    if (header.version >= 3) {
        if (keyFile.version < 2)
            throw VaultError(VaultError::Kind::Tampered,
                             "vault.key: of an older format than index.kbx (an old copy of "
                             "vault.key was put back?); refused");
        if (header.commit == detail::KeyCommit(vaultKey)) {
            key = &vaultKey;
        } else if (!previousKey.Empty() && header.commit == detail::KeyCommit(previousKey)) {
            key = &previousKey;
        } else if (header.epoch > keyFile.epoch) {
            throw VaultError(VaultError::Kind::Tampered,
                             "vault.key: older than index.kbx (key epoch " +
                                 std::to_string(keyFile.epoch) + ", the index needs " +
                                 std::to_string(header.epoch) +
                                 "): an old copy of vault.key was put back?");
        } else if (header.epoch < keyFile.epoch) {
            throw VaultError(VaultError::Kind::Tampered,
                             "index.kbx: written under an older vault key (key epoch " +
                                 std::to_string(header.epoch) + ", vault.key is at " +
                                 std::to_string(keyFile.epoch) +
                                 "): an old copy of index.kbx was put back?");
        } else {
            throw VaultError(VaultError::Kind::Tampered,
                             "vault.key: does not belong to the files in " + dir.string() +
                                 " (index.kbx was written under another vault key; a vault.key "
                                 "from another copy of the vault?)");
        }
    }
    return detail::ParseIndex(bytes, keyFile.vault, *key);
}

void Vault::Impl::CheckAnchors(const detail::Index& index, bool repair) {
    if (index.version < 3)
        return; // written before anchors existed; the first change adds them
    const Bytes& pending = index.head.pending;
    const std::uint64_t end = index.head.end;
    const std::uint64_t start = end - pending.size();
    Bytes log;
    detail::AuditHeader header;
    try {
        log = ReadWholeFile(AuditPath());
        header = detail::ReadAuditHeader(log);
    } catch (const VaultError& e) {
        integrityProblems.push_back(e.what());
        return;
    }
    const bool headInLog = log.size() >= end && start >= header.start.offset &&
                           std::equal(pending.begin(), pending.end(), log.begin() + start);
    if (!headInLog) {
        const detail::AuditWalk walk = detail::WalkAudit(log, header.start);
        if (!walk.garbage.empty() || !PendingFits(log, walk.end, index.head)) {
            integrityProblems.push_back(
                walk.end.count < index.head.count
                    ? "audit.kbl: ends at record " + std::to_string(walk.end.count) +
                          ", but index.kbx was written after record " +
                          std::to_string(index.head.count) +
                          ": records were removed from the end, or an older copy was put back"
                    : "audit.kbl: does not hold record " + std::to_string(index.head.count) +
                          " as index.kbx recorded it (one of the two was replaced by another "
                          "copy)");
            return;
        }
        if (!repair) {
            notes.push_back("audit.kbl: the record of an interrupted change is missing; it is "
                            "written again at the next unlock with write access");
            return;
        }
        // Any append first writes the missing records from the index; this
        // one says that it happened.
        AuditEntry e;
        e.action = AuditAction::Repair;
        e.detail = "finished an interrupted change (its record was written again from index.kbx)";
        Append(e, true);
        log = ReadWholeFile(AuditPath());
    }
    // Records after the head: none may name a later index (the index went back).
    const detail::AuditWalk after =
        detail::WalkAudit(log, {end, index.head.count, index.head.last});
    for (const auto& f : after.frames) {
        if (f.indexGeneration <= index.generation)
            continue;
        const detail::AuditKeys* k = nullptr;
        for (const auto& ak : auditKeys)
            if (ak.epoch == f.epoch)
                k = &ak;
        if (k == nullptr ||
            !detail::AuditFrameMacOk(std::span(log).subspan(f.offset, f.length), k->mac))
            continue; // a forged record: Verify reports it as such
        integrityProblems.push_back("index.kbx: rolled back: it is generation " +
                                    std::to_string(index.generation) + ", but audit.kbl record " +
                                    std::to_string(f.seq + 1) + " was written with generation " +
                                    std::to_string(f.indexGeneration) +
                                    " (an older copy of index.kbx was put back?)");
        break;
    }
    if (after.garbage.empty())
        auditTail = after.end;
}

void Vault::Impl::MigrateKeyFile() {
    const detail::KeySlot* own = keyFile.Find(user);
    const bool upgradeSlot =
        own != nullptr && own->kind == detail::SlotKind::Legacy && !legacyWrapKey.Empty();
    if (keyFile.version >= 2 && !upgradeSlot)
        return;
    if (keyFile.version < 2) {
        keyFile.ring.clear();
        for (const auto& k : auditKeys)
            detail::AddRingEntry(keyFile, k, vaultKey);
        keyFile.version = 2;
    }
    if (upgradeSlot) {
        detail::KeySlot& slot = *keyFile.Find(user);
        slot = detail::MakeSlotFromKey(keyFile, user, slot.salt,
                                       {slot.opsLimit, static_cast<std::size_t>(slot.memLimit)},
                                       legacyWrapKey, vaultKey);
        legacyWrapKey.Wipe();
    }
    SaveKeyFile();
}

void Vault::Impl::SaveKeyFile() {
    // No .bak for vault.key: a backup would keep a removed slot or an old
    // password able to unlock the vault.
    AtomicWriteFile(*fs, KeyPath(), detail::WriteKeyFile(keyFile, vaultKey), false);
    (void)fs->Unlink(dir / "vault.key.bak");
}

DecryptedCase Vault::Impl::Decrypt(const std::string& caseId, std::span<const unsigned char> bytes,
                                   const std::string& label, std::string buffer) const {
    try {
        return DecryptCaseFile(Key(), keyFile.vault, caseId, bytes, label, std::move(buffer));
    } catch (const VaultError& e) {
        if (previousKey.Empty() || e.GetKind() != VaultError::Kind::Damaged)
            throw;
        try {
            return DecryptCaseFile(std::span<const unsigned char, 32>(previousKey.Data(), 32),
                                   keyFile.vault, caseId, bytes, label);
        } catch (const VaultError&) {
            throw e;
        }
    }
}

} // namespace kartbok::vault
