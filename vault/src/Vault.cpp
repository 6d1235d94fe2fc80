// Vault: create, unlock, lock, key slots, audit (DESIGN.md §5). Cases, index and
// Verify are in VaultCases.cpp.

#include "VaultImpl.h"

#include "Lock.h"

#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kartbok::vault {

using detail::SecureBuffer;

FolderLock::FolderLock(const std::filesystem::path& dir) {
    m_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_fd >= 0)
        while (::flock(m_fd, LOCK_EX) != 0 && errno == EINTR) {
        }
}

FolderLock::~FolderLock() {
    if (m_fd >= 0)
        ::close(m_fd);
}

void Vault::Impl::RequireUnlocked() const {
    if (locked || vaultKey.Empty())
        throw VaultError(VaultError::Kind::Usage,
                         "the vault " + dir.string() + " is locked; unlock it again");
}

void Vault::Impl::RequireCaseId(const std::string& id) {
    if (!detail::IsUuid(id))
        throw VaultError(VaultError::Kind::Usage, "not a case id (a case id is a lower-case uuid)");
}

void Vault::Impl::AppendAudit(AuditAction action, const std::string& caseId,
                              const std::string& detail) {
    detail::AuditWriter w{AuditPath(), keyFile.vault, keyFile.auditPublic,
                          auditMacKey.Empty() ? nullptr : &auditMacKey, &auditTail,
                          // Opens are frequent (every click on a client); their records
                          // reach the disk with the next fsync, not each on its own.
                          action != AuditAction::Open};
    AuditEntry e;
    e.user = user;
    e.action = action;
    e.caseId = caseId;
    e.detail = detail;
    detail::AppendAudit(*fs, w, std::move(e));
}

void Vault::Impl::SaveKeyFile() {
    // No .bak for vault.key: a backup would keep a removed slot or an old
    // password able to unlock the vault.
    AtomicWriteFile(*fs, KeyPath(), detail::WriteKeyFile(keyFile), false);
    std::error_code ec;
    std::filesystem::remove(dir / "vault.key.bak", ec);
}

void Vault::Impl::WipeKeys() {
    vaultKey.Wipe();
    auditSecret.Wipe();
    auditMacKey.Wipe();
}

Vault::Vault(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Vault::Vault(Vault&&) noexcept = default;
Vault& Vault::operator=(Vault&& other) noexcept {
    if (this != &other) {
        if (m_impl)
            Lock();
        m_impl = std::move(other.m_impl);
    }
    return *this;
}

Vault::~Vault() {
    if (m_impl)
        Lock();
}

Vault Vault::Create(const std::filesystem::path& dir, const std::string& user,
                    const std::string& password, KdfLimits limits) {
    detail::EnsureSodium();
    std::error_code ec;
    if (std::filesystem::exists(dir, ec) && !std::filesystem::is_empty(dir, ec))
        throw VaultError(VaultError::Kind::Usage,
                         dir.string() + ": not empty; a new vault needs an empty or new folder");
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw VaultError(VaultError::Kind::Io,
                         dir.string() + ": could not create the folder: " + ec.message());
    ::chmod(dir.c_str(), 0700);

    auto impl = std::make_unique<Impl>();
    impl->dir = dir;
    impl->user = user;
    impl->vaultKey = SecureBuffer(detail::kKeyBytes);
    crypto_secretstream_xchacha20poly1305_keygen(impl->vaultKey.Data());
    detail::KeyFile& kf = impl->keyFile;
    detail::RandomBytes(kf.vault.id.data(), kf.vault.id.size());
    impl->auditSecret = SecureBuffer(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(kf.auditPublic.data(), impl->auditSecret.Data());
    detail::WrapAuditSecret(kf, impl->auditSecret, impl->vaultKey);
    kf.slots.push_back(detail::MakeSlot(kf, user, password, limits, impl->vaultKey));
    impl->auditMacKey = detail::DeriveAuditMacKey(impl->vaultKey);

    detail::CreateAuditFile(*impl->fs, impl->AuditPath(), kf.vault);
    detail::Index index;
    impl->SaveIndex(index);
    impl->SaveKeyFile(); // last: a folder without vault.key is not a vault yet
    impl->AppendAudit(AuditAction::SlotAdded, {}, "vault created; slot for " + user);
    return Vault(std::move(impl));
}

Vault Vault::Open(const std::filesystem::path& dir, const std::string& password) {
    detail::EnsureSodium();
    auto impl = std::make_unique<Impl>();
    impl->dir = dir;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw VaultError(VaultError::Kind::Io, dir.string() + ": no such folder");
    if (!std::filesystem::exists(impl->KeyPath(), ec))
        throw VaultError(VaultError::Kind::Io,
                         "vault.key: not found in " + dir.string() + " (not a Kartbok vault?)");
    impl->keyFile = detail::ParseKeyFile(ReadWholeFile(impl->KeyPath()));

    for (const auto& slot : impl->keyFile.slots) {
        if (detail::OpenSlot(impl->keyFile, slot, password, impl->vaultKey)) {
            impl->user = slot.user;
            break;
        }
    }
    if (impl->vaultKey.Empty()) {
        try {
            impl->AppendAudit(AuditAction::UnlockFailed, {}, "wrong password");
        } catch (const VaultError&) {
            // A read-only vault still reports the wrong password, not the log.
        }
        throw VaultError(VaultError::Kind::WrongPassword,
                         "wrong password for vault " + dir.string());
    }
    impl->auditSecret = detail::UnwrapAuditSecret(impl->keyFile, impl->vaultKey);
    impl->auditMacKey = detail::DeriveAuditMacKey(impl->vaultKey);
    try {
        impl->AppendAudit(AuditAction::Unlock, {}, {});
    } catch (const VaultError&) {
        // A read-only medium (a backup disk) must still open; Verify reports gaps.
    }
    return Vault(std::move(impl));
}

const std::filesystem::path& Vault::Dir() const {
    return m_impl->dir;
}
const std::string& Vault::User() const {
    return m_impl->user;
}
bool Vault::IsLocked() const {
    return !m_impl || m_impl->locked;
}

void Vault::Lock() {
    if (!m_impl)
        return;
    for (const auto& id : m_impl->heldLocks)
        detail::ReleaseLock(m_impl->LockPath(id));
    m_impl->heldLocks.clear();
    m_impl->WipeKeys();
    m_impl->known.clear();
    m_impl->locked = true;
}

void Vault::SetFileSystem(std::shared_ptr<FileSystem> fs) {
    m_impl->fs = fs ? std::move(fs) : PosixFileSystem();
}

// --- key slots --------------------------------------------------------------

namespace {

/// Re-reads vault.key so a slot change by another instance is not undone, and
/// makes sure it is still this vault's file.
detail::KeyFile ReloadKeyFile(const std::filesystem::path& keyPath, const VaultIdentity& vault) {
    detail::KeyFile kf = detail::ParseKeyFile(ReadWholeFile(keyPath));
    if (kf.vault != vault)
        throw VaultError(VaultError::Kind::Tampered, "vault.key: belongs to another vault");
    return kf;
}

} // namespace

std::vector<std::string> Vault::Users() const {
    m_impl->RequireUnlocked();
    std::vector<std::string> users;
    for (const auto& s : ReloadKeyFile(m_impl->KeyPath(), m_impl->keyFile.vault).slots)
        users.push_back(s.user);
    return users;
}

void Vault::AddSlot(const std::string& user, const std::string& password, KdfLimits limits) {
    m_impl->RequireUnlocked();
    FolderLock folder(m_impl->dir);
    detail::KeyFile kf = ReloadKeyFile(m_impl->KeyPath(), m_impl->keyFile.vault);
    if (kf.Find(user) != nullptr)
        throw VaultError(VaultError::Kind::Usage, "user " + user + " already has a key slot");
    kf.slots.push_back(detail::MakeSlot(kf, user, password, limits, m_impl->vaultKey));
    m_impl->keyFile = std::move(kf);
    m_impl->SaveKeyFile();
    m_impl->AppendAudit(AuditAction::SlotAdded, {}, "slot for " + user);
}

void Vault::RemoveSlot(const std::string& user) {
    m_impl->RequireUnlocked();
    FolderLock folder(m_impl->dir);
    detail::KeyFile kf = ReloadKeyFile(m_impl->KeyPath(), m_impl->keyFile.vault);
    if (kf.Find(user) == nullptr)
        throw VaultError(VaultError::Kind::Usage, "no key slot for user " + user);
    if (kf.slots.size() == 1)
        throw VaultError(VaultError::Kind::Usage,
                         "cannot remove the last key slot: the vault could never be opened again");
    std::erase_if(kf.slots, [&](const detail::KeySlot& s) { return s.user == user; });
    m_impl->keyFile = std::move(kf);
    m_impl->SaveKeyFile();
    m_impl->AppendAudit(AuditAction::SlotRemoved, {}, "slot for " + user);
}

void Vault::ChangePassword(const std::string& user, const std::string& newPassword,
                           KdfLimits limits) {
    m_impl->RequireUnlocked();
    FolderLock folder(m_impl->dir);
    detail::KeyFile kf = ReloadKeyFile(m_impl->KeyPath(), m_impl->keyFile.vault);
    bool found = false;
    for (auto& s : kf.slots) {
        if (s.user == user) {
            s = detail::MakeSlot(kf, user, newPassword, limits, m_impl->vaultKey);
            found = true;
        }
    }
    if (!found)
        throw VaultError(VaultError::Kind::Usage, "no key slot for user " + user);
    m_impl->keyFile = std::move(kf);
    m_impl->SaveKeyFile();
    m_impl->AppendAudit(AuditAction::PasswordChanged, {}, "slot for " + user);
}

// --- audit ----------------------------------------------------------------------

void Vault::Audit(AuditAction action, const std::string& caseId, const std::string& detail) {
    m_impl->RequireUnlocked();
    if (!caseId.empty())
        Impl::RequireCaseId(caseId);
    m_impl->AppendAudit(action, caseId, detail);
}

std::vector<AuditEntry> Vault::ReadAudit() const {
    m_impl->RequireUnlocked();
    auto res = detail::ReadAuditFile(m_impl->AuditPath(), m_impl->keyFile.vault,
                                     m_impl->keyFile.auditPublic, m_impl->auditSecret,
                                     m_impl->auditMacKey);
    if (!res.problems.empty()) {
        std::string msg = res.problems.front();
        if (res.problems.size() > 1)
            msg += " (and " + std::to_string(res.problems.size() - 1) + " more problems)";
        throw VaultError(VaultError::Kind::Tampered, msg);
    }
    return std::move(res.entries);
}

// --- locks between instances ---------------------------------------------------

bool Vault::TryLockCase(const std::string& caseId, std::string* holder) {
    m_impl->RequireUnlocked();
    Impl::RequireCaseId(caseId);
    if (!detail::TakeLock(m_impl->LockPath(caseId), m_impl->user, holder))
        return false;
    m_impl->heldLocks.insert(caseId);
    return true;
}

void Vault::UnlockCase(const std::string& caseId) {
    Impl::RequireCaseId(caseId);
    detail::ReleaseLock(m_impl->LockPath(caseId));
    m_impl->heldLocks.erase(caseId);
}

} // namespace kartbok::vault
