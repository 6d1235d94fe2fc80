#pragma once
// The state behind kartbok::vault::Vault, shared by Vault.cpp (unlock, lock,
// audit API), VaultWrite.cpp (write.lock, the anchored write, recovery),
// VaultCases.cpp (cases), VaultKeys.cpp (slots, rotation) and VaultVerify.cpp
// (verify, repair). Private to vault/src.

#include "kartbok/vault/CaseFile.h"
#include "kartbok/vault/FileSystem.h"
#include "kartbok/vault/Vault.h"

#include "Audit.h"
#include "Index.h"
#include "KeyFile.h"
#include "Lock.h"
#include "SignedContent.h"
#include "Sodium.h"

#include <map>
#include <optional>
#include <set>

namespace kartbok::vault {

struct Vault::Impl {
    std::filesystem::path dir;
    std::string user;
    detail::SecureBuffer vaultKey;            ///< current key epoch
    detail::SecureBuffer previousKey;         ///< only while a key rotation is unfinished
    std::vector<detail::AuditKeys> auditKeys; ///< every epoch; back() is current
    detail::KeyFile keyFile;
    /// A version 1 slot's Argon2 output, kept until the slot is upgraded to a
    /// key pair at the next change (no second Argon2 run).
    detail::SecureBuffer legacyWrapKey;
    std::shared_ptr<FileSystem> fs = PosixFileSystem();
    detail::WriteLockPolicy writePolicy;
    detail::LockInfo me;    ///< who this handle is in lock files (token: write.lock)
    int writeLockDepth = 0; ///< write.lock is held while > 0

    /// What this handle last read or wrote of each case: SaveCase refuses to
    /// overwrite anything else, and keeps its signed sessions.
    struct Known {
        std::uint64_t generation = 0;
        detail::Hash headerHash{};
        detail::Baseline baseline;
    };
    std::map<std::string, Known> known;
    std::set<std::string> heldLocks;
    std::optional<detail::AuditPosition> auditTail; ///< after our last append, if still valid
    std::vector<std::string> integrityProblems;
    std::vector<std::string> notes;
    bool locked = false;

    std::filesystem::path KeyPath() const { return dir / "vault.key"; }
    std::filesystem::path IndexPath() const { return dir / "index.kbx"; }
    std::filesystem::path AuditPath() const { return dir / "audit.kbl"; }
    std::filesystem::path WriteLockPath() const { return dir / "write.lock"; }
    std::filesystem::path CasePath(const std::string& id) const { return dir / (id + ".kbc"); }
    std::filesystem::path LockPath(const std::string& id) const { return dir / (id + ".lock"); }

    std::span<const unsigned char, 32> Key() const {
        return std::span<const unsigned char, 32>(vaultKey.Data(), 32);
    }
    void RequireUnlocked() const;
    void RequireIntact() const; ///< throws Tampered while IntegrityProblems() is not empty
    static void RequireCaseId(const std::string& id);
    /// Before reading or changing one case: unlocked, `id` a case id, the vault intact.
    void RequireCaseAccess(const std::string& id) const;
    const detail::AuditKeys& CurrentAuditKeys() const { return auditKeys.back(); }

    // --- write path (VaultWrite.cpp) -----------------------------------------
    detail::Index LoadIndex() const;
    /// Appends one record that anchors nothing (open, unlock, search, export).
    void Append(AuditEntry entry, bool sync);
    /// Writes the index (generation + 1, anchored to `records`), then appends
    /// the records: the one way a change is committed. Caller holds write.lock.
    void Commit(detail::Index& index, std::vector<AuditEntry> records);
    /// Compares index and audit log; puts back records a crash lost after the
    /// index write; fills integrityProblems with anything else. Under write.lock.
    void CheckAnchors(const detail::Index& index, bool repair);
    /// Upgrades the files of an older format at the first change (key file
    /// to version 2, this user's slot to a key pair); under write.lock.
    void MigrateKeyFile();
    void SaveKeyFile();
    /// Reads and decrypts one case file with the current (or, during a
    /// rotation, the previous) vault key.
    DecryptedCase Decrypt(const std::string& caseId, std::span<const unsigned char> bytes,
                          const std::string& label = {}, std::string buffer = {}) const;
    /// Memory LoadCase reuses from case to case (not thread-safe, as the
    /// whole handle): the file's bytes, and the plaintext's, which is wiped
    /// before it is put back here.
    mutable std::vector<unsigned char> readBuffer;
    mutable std::string plainBuffer;
    void WipeKeys();
};

/// Holds write.lock for a scope (nested scopes of one handle share it).
class WriteLock {
public:
    explicit WriteLock(Vault::Impl& impl);
    ~WriteLock();
    WriteLock(const WriteLock&) = delete;
    WriteLock& operator=(const WriteLock&) = delete;

private:
    Vault::Impl& m_impl;
};

namespace detail {

/// The plaintext of a case never outlives its parse.
struct WipeOnExit {
    std::string& s;
    ~WipeOnExit();
};

/// BLAKE2b of a case file's clear header: names one written version.
Hash CaseHeaderHash(std::span<const unsigned char> bytes);
/// The clear header of the case file on disk, hashed; nullopt when absent or short.
std::optional<Hash> CaseHeaderHashOnDisk(const std::filesystem::path& path);

/// The index entry of a case as saved now.
IndexEntry EntryFor(const journal::Case& c, std::uint64_t generation, const Hash& headerHash);

/// A new, fresh uuid not used in the index or the folder.
std::string FreshCaseId(const Vault::Impl& impl, const Index& index);

} // namespace detail
} // namespace kartbok::vault
