#pragma once
// audit.kbl: append-only, hash-chained records, each sealed (crypto_box_seal)
// to the audit public key of its key epoch and MACed with that epoch's MAC
// key. Sealing needs only the public key, so even a failed unlock, which has no
// vault key, can append. Private to vault/src; layout in docs/vault-format.md.
//
// Version 2 frames every record with a marker and its length twice, so one
// damaged record is reported and the reader finds the next one; a log of
// version 1 is kept whole at the start of a version 2 log (the legacy part)
// when a vault is upgraded.

#include "kartbok/vault/CaseFile.h"
#include "kartbok/vault/FileSystem.h"
#include "kartbok/vault/Vault.h"

#include "KeyFile.h"
#include "Sodium.h"

#include <array>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace kartbok::vault::detail {

constexpr std::size_t kAuditHeaderBytes = 36;

/// The end of the last whole record of a log: where the next one goes.
struct AuditPosition {
    std::uint64_t offset = 0; ///< bytes; just after the last good record
    std::uint64_t count = 0;  ///< records before offset (legacy ones included)
    Hash last{};              ///< hash of the record before offset (or of header + legacy part)
};

/// One whole record as framed on disk (not yet opened).
struct AuditFrame {
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::uint64_t seq = 0;
    std::uint64_t indexGeneration = 0; ///< 0: a record of no index write
    std::uint32_t epoch = 0;
    Hash prev{};
    Hash self{};                ///< hash of the record's bytes
    bool authenticated = false; ///< carries a MAC (all but unlock-failed)
};

/// What a walk over the records found.
struct AuditWalk {
    std::vector<AuditFrame> frames;
    AuditPosition end; ///< after the last good record
    /// A record cut short at the very end (a crash mid-append): recognised,
    /// and the next append may replace it (and says so).
    std::uint64_t tornBytes = 0;
    /// Bytes that are no record at all (skipped to the next record marker, or
    /// at the end): damage, never cut off.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> garbage; ///< offset, length
};

/// Walks the records of bytes (a whole log, or its part from a known position).
AuditWalk WalkAudit(std::span<const unsigned char> bytes, const AuditPosition& from);

/// The header of a log: checks magic, version and vault; returns where the
/// records start (after any legacy part) and how many legacy records precede.
struct AuditHeader {
    std::uint16_t version = 0;
    VaultIdentity vault;
    std::uint64_t legacyBytes = 0;
    AuditPosition start;
};
/// Throws Damaged naming audit.kbl for anything that is not a log header.
AuditHeader ReadAuditHeader(std::span<const unsigned char> bytes);

/// Builds one sealed record (not written). keys: the current epoch's; null mac
/// for a failed unlock (marked unauthenticated; only UnlockFailed may be).
Bytes SealAuditRecord(const AuditEntry& entry, const AuditPosition& at,
                      std::uint64_t indexGeneration, std::uint32_t epoch,
                      const std::array<unsigned char, 32>& publicKey, const SecureBuffer* mac);

/// A new, empty version 2 log (new vault), or one that keeps a version 1 log
/// whole as its legacy part (upgrade).
Bytes NewAuditLog(const VaultIdentity& vault, std::span<const unsigned char> legacy = {});

/// The log's records, opened with the key ring, every check applied: frame,
/// sequence, chain, MAC, seal; a damaged record is reported by number and the
/// records after it are still read. Problems are one line each, "audit.kbl: ...".
struct AuditReadResult {
    std::vector<AuditEntry> entries;
    std::vector<std::string> problems;
    std::vector<AuditFrame> frames; ///< of version 2 records, in order
    AuditPosition end;
    std::uint64_t tornBytes = 0;
};
AuditReadResult ReadAuditBytes(std::span<const unsigned char> bytes, const VaultIdentity& vault,
                               const std::vector<AuditKeys>& keys);

/// Version 1 records (the legacy part): u32 length, then the sealed record.
AuditReadResult ReadLegacyAudit(std::span<const unsigned char> bytes, const VaultIdentity& vault,
                                const AuditKeys& keys);
/// Counts the whole version 1 records and hashes the last (for the chain start).
AuditPosition ScanLegacyAudit(std::span<const unsigned char> bytes);

/// Checks the MAC of a framed record under its epoch's key (no decryption).
bool AuditFrameMacOk(std::span<const unsigned char> record, const SecureBuffer& mac);

/// Writes records at `at` (after the last good record) of an open log: a torn
/// tail beyond it is cut first (only then), anything else is appended after.
/// fsynced when sync. Throws Io naming audit.kbl.
void WriteAuditRecords(FileSystem& fs, int fd, std::uint64_t at, std::uint64_t fileSize,
                       std::span<const unsigned char> records, bool sync);

/// Detail text of the record that restarts a missing/emptied log.
inline constexpr const char* kAuditRestarted = "audit log was missing or empty; restarted";

} // namespace kartbok::vault::detail
