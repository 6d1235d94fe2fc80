#pragma once
// The state behind kartbok::vault::Vault, shared by Vault.cpp (unlock, slots,
// audit) and VaultCases.cpp (cases, index, verify). Private to vault/src.

#include "kartbok/vault/CaseFile.h"
#include "kartbok/vault/FileSystem.h"
#include "kartbok/vault/Vault.h"

#include "Audit.h"
#include "FileStamp.h"
#include "Index.h"
#include "KeyFile.h"
#include "Sodium.h"

#include <map>
#include <optional>
#include <set>

namespace kartbok::vault {

struct Vault::Impl {
    std::filesystem::path dir;
    std::string user;
    detail::SecureBuffer vaultKey;
    detail::SecureBuffer auditSecret;
    detail::SecureBuffer auditMacKey;
    detail::KeyFile keyFile;
    std::shared_ptr<FileSystem> fs = PosixFileSystem();

    /// What this instance last read or wrote of each case: SaveCase refuses to
    /// overwrite anything else (DESIGN.md §5, "a save refuses...").
    struct Known {
        std::uint64_t generation = 0;
        detail::Hash hash{};
        /// The file's identity and times when its hash was taken: while they are
        /// unchanged, SaveCase need not read and hash the file again.
        std::optional<detail::FileStamp> stamp;
    };
    std::map<std::string, Known> known;
    std::set<std::string> heldLocks;
    detail::AuditTail auditTail;
    bool locked = false;

    std::filesystem::path KeyPath() const { return dir / "vault.key"; }
    std::filesystem::path IndexPath() const { return dir / "index.kbx"; }
    std::filesystem::path AuditPath() const { return dir / "audit.kbl"; }
    std::filesystem::path CasePath(const std::string& id) const { return dir / (id + ".kbc"); }
    std::filesystem::path LockPath(const std::string& id) const { return dir / (id + ".lock"); }

    std::span<const unsigned char, 32> Key() const {
        return std::span<const unsigned char, 32>(vaultKey.Data(), 32);
    }
    void RequireUnlocked() const;
    static void RequireCaseId(const std::string& id);

    void AppendAudit(AuditAction action, const std::string& caseId, const std::string& detail);
    detail::Index LoadIndex() const;
    void SaveIndex(detail::Index& index);
    void SaveKeyFile();
    void WipeKeys();
};

/// Serialises read-modify-write of index.kbx between instances: an flock on
/// the vault folder itself (the index is replaced by rename, so locking the
/// index file would lock a file that is about to be unlinked).
class FolderLock {
public:
    explicit FolderLock(const std::filesystem::path& dir);
    ~FolderLock();
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int m_fd = -1;
};

} // namespace kartbok::vault
