#pragma once
// audit.kbl: append-only, hash-chained records, each sealed (crypto_box_seal)
// to the audit public key in vault.key. Sealing needs only the public key, so
// even a failed unlock, which has no vault key, can append. Private to vault/src.

#include "kartbok/vault/CaseFile.h"
#include "kartbok/vault/FileSystem.h"
#include "kartbok/vault/Vault.h"

#include "Sodium.h"

#include <array>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace kartbok::vault::detail {

/// Where the log ended after this instance's last append, so the next append
/// reads only what others appended since instead of the whole log.
struct AuditTail {
    bool valid = false;
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::uint64_t size = 0;  ///< offset just after the last whole record
    std::uint64_t count = 0; ///< records before that offset
    Hash last{};             ///< hash of the last record (or of the header)
};

/// What an append needs. macKey is null for a failed unlock: such records are
/// marked unauthenticated, and only UnlockFailed may be unauthenticated.
struct AuditWriter {
    std::filesystem::path file;
    VaultIdentity vault;
    std::array<unsigned char, 32> publicKey{};
    const SecureBuffer* macKey = nullptr;
    AuditTail* tail = nullptr; ///< optional cache, updated by AppendAudit
    bool sync = true;          ///< fsync after the append (reads skip it: see docs)
};

/// Creates audit.kbl with just its header (new vault).
void CreateAuditFile(FileSystem& fs, const std::filesystem::path& file, const VaultIdentity& vault);

/// Appends one record under an exclusive flock, fsynced. Fills seq and time.
/// A missing or empty log is restarted with a record saying so (Verify reports
/// it); a torn last record (crash mid-append) is cut off and noted.
void AppendAudit(FileSystem& fs, const AuditWriter& writer, AuditEntry entry);

struct AuditReadResult {
    std::vector<AuditEntry> entries;
    std::vector<std::string> problems; ///< one line each, "audit.kbl: ..."
};

/// Opens every record of the bytes of an audit.kbl and checks the header, the
/// chain, the sequence numbers and each record's MAC. Pure (no file access).
/// Never throws for damage; reports it, one line per problem naming records by
/// number, never their content. Entries are the records that decrypt and parse,
/// in file order (also those with a problem).
AuditReadResult ReadAuditBytes(std::span<const unsigned char> bytes, const VaultIdentity& vault,
                               const std::array<unsigned char, 32>& publicKey,
                               const SecureBuffer& secretKey, const SecureBuffer& macKey);

/// ReadAuditBytes of the file; a missing or unreadable file is a problem too.
AuditReadResult ReadAuditFile(const std::filesystem::path& file, const VaultIdentity& vault,
                              const std::array<unsigned char, 32>& publicKey,
                              const SecureBuffer& secretKey, const SecureBuffer& macKey);

/// The MAC key for audit records, derived from the vault key.
SecureBuffer DeriveAuditMacKey(const SecureBuffer& vaultKey);

/// Detail text of the record that restarts a missing/emptied log.
inline constexpr const char* kAuditRestarted = "audit log was missing or empty; restarted";

} // namespace kartbok::vault::detail
