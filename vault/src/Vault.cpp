// Vault: create, unlock, lock, fingerprint, the audit API and case locks
// (docs/vault-format.md). Cases: VaultCases.cpp; slots and rotation:
// VaultKeys.cpp; the write path: VaultWrite.cpp; verify and repair: VaultVerify.cpp.

#include "VaultImpl.h"

#include <sodium.h>

#include <ctime>
#include <sys/stat.h>

namespace kartbok::vault {

using detail::SecureBuffer;

namespace {

constexpr std::size_t kMaxKeyFileBytes = 1u << 20;
/// Files a crashed Create may have left before vault.key (which it writes last).
bool OnlyCreationDebris(const std::filesystem::path& dir) {
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(dir, ec)) {
        const std::string n = f.path().filename().string();
        if (n != "audit.kbl" && n != "index.kbx" && n != "write.lock" &&
            n.find(".tmp-") == std::string::npos)
            return false;
    }
    return true;
}

std::string RandomToken() {
    unsigned char b[8];
    detail::RandomBytes(b, sizeof b);
    return detail::ToHex(b);
}

/// Finds the vault key: the named user's slot, or each slot in turn. A
/// failure is recorded (without a key) and thrown naming the right cause: a
/// damaged slot, an unknown user, or a wrong password.
void UnlockSlot(Vault::Impl& impl, const std::string& password, const std::string& user) {
    const detail::KeyFile& kf = impl.keyFile;
    std::vector<const detail::KeySlot*> order;
    for (const auto& slot : kf.slots)
        if (user.empty() || slot.user == user)
            order.push_back(&slot);
    std::optional<VaultError> damaged;
    for (const detail::KeySlot* slot : order) {
        try {
            if (auto key = detail::OpenSlot(kf, *slot, password, &impl.legacyWrapKey)) {
                impl.vaultKey = std::move(*key);
                impl.user = slot->user;
                return;
            }
        } catch (const VaultError& e) {
            if (e.GetKind() != VaultError::Kind::Damaged)
                throw;
            damaged = e; // another user's slot may still open
        }
    }
    try {
        AuditEntry e;
        e.action = AuditAction::UnlockFailed;
        e.detail = "wrong password";
        impl.Append(e, true);
    } catch (const VaultError&) {
        // A read-only vault still reports the wrong password, not the log.
    }
    if (damaged && (order.size() == 1 || !user.empty()))
        throw *damaged;
    if (!user.empty() && order.empty())
        throw VaultError(VaultError::Kind::Usage,
                         "no user " + user + " in vault " + impl.dir.string());
    throw VaultError(VaultError::Kind::WrongPassword,
                     "wrong password for vault " + impl.dir.string());
}

} // namespace

AuditAction AuditActionFor(journal::CommandKind kind) {
    switch (kind) {
    case journal::CommandKind::Sign:
        return AuditAction::Sign;
    case journal::CommandKind::Addendum:
    case journal::CommandKind::Correction:
        return AuditAction::Addendum;
    case journal::CommandKind::Archive:
        return AuditAction::Archive;
    default:
        return AuditAction::Save;
    }
}

void Vault::Impl::RequireUnlocked() const {
    if (locked || vaultKey.Empty())
        throw VaultError(VaultError::Kind::Usage,
                         "the vault " + dir.string() + " is locked; unlock it again");
}

void Vault::Impl::RequireIntact() const {
    if (!integrityProblems.empty())
        throw VaultError(VaultError::Kind::Tampered, integrityProblems.front() +
                                                         "; nothing is read or changed until the "
                                                         "files are put right (see vault verify)");
}

void Vault::Impl::RequireCaseAccess(const std::string& id) const {
    RequireUnlocked();
    RequireCaseId(id);
    RequireIntact();
}

void Vault::Impl::RequireCaseId(const std::string& id) {
    if (!detail::IsUuid(id))
        throw VaultError(VaultError::Kind::Usage, "not a case id (a case id is a lower-case uuid)");
}

void Vault::Impl::WipeKeys() {
    vaultKey.Wipe();
    previousKey.Wipe();
    legacyWrapKey.Wipe();
    auditKeys.clear();
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
    if (const std::string why = PasswordProblem(password); !why.empty())
        throw VaultError(VaultError::Kind::Usage, why + "; no vault was created");
    std::error_code ec;
    if (std::filesystem::exists(dir, ec) && !std::filesystem::is_empty(dir, ec)) {
        if (std::filesystem::exists(dir / "vault.key", ec) || !OnlyCreationDebris(dir))
            throw VaultError(VaultError::Kind::Usage,
                             dir.string() +
                                 ": not empty; a new vault needs an empty or new folder");
        // An earlier Create was interrupted before vault.key: start over.
        for (const auto& f : std::filesystem::directory_iterator(dir, ec))
            std::filesystem::remove(f.path(), ec);
    }
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw VaultError(VaultError::Kind::Io,
                         dir.string() + ": could not create the folder: " + ec.message());
    ::chmod(dir.c_str(), 0700);

    auto impl = std::make_unique<Impl>();
    impl->dir = dir;
    impl->user = user;
    impl->me = detail::OwnLockInfo(user, RandomToken());
    impl->vaultKey = SecureBuffer(detail::kKeyBytes);
    crypto_secretstream_xchacha20poly1305_keygen(impl->vaultKey.Data());
    detail::KeyFile& kf = impl->keyFile;
    kf.version = 2;
    kf.epoch = 1;
    detail::RandomBytes(kf.vault.id.data(), kf.vault.id.size());
    impl->auditKeys.push_back(detail::NewAuditKeys(1));
    detail::AddRingEntry(kf, impl->auditKeys.back(), impl->vaultKey);
    kf.slots.push_back(detail::MakeSlot(kf, user, password, limits, impl->vaultKey));

    AtomicWriteFile(*impl->fs, impl->AuditPath(), detail::NewAuditLog(kf.vault), false);
    {
        WriteLock lock(*impl);
        detail::Index index;
        AuditEntry e;
        e.action = AuditAction::SlotAdded;
        e.detail = "vault created; slot for " + user;
        impl->Commit(index, {e});
    }
    impl->SaveKeyFile(); // last: a folder without vault.key is not a vault yet
    return Vault(std::move(impl));
}

Vault Vault::Open(const std::filesystem::path& dir, const std::string& password,
                  const std::string& user) {
    detail::EnsureSodium();
    auto impl = std::make_unique<Impl>();
    impl->dir = dir;
    impl->me = detail::OwnLockInfo("?", RandomToken());
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw VaultError(VaultError::Kind::Io, dir.string() + ": no such folder");
    if (!std::filesystem::exists(impl->KeyPath(), ec) &&
        !std::filesystem::is_symlink(impl->KeyPath(), ec))
        throw VaultError(VaultError::Kind::Io,
                         "vault.key: not found in " + dir.string() + " (not a Kartbok vault?)");
    const auto keyBytes = ReadWholeFile(impl->KeyPath(), kMaxKeyFileBytes);
    impl->keyFile = detail::ParseKeyFile(keyBytes);
    const detail::KeyFile& kf = impl->keyFile;

    UnlockSlot(*impl, password, user);
    impl->me = detail::OwnLockInfo(impl->user, impl->me.token);
    if (kf.version >= 2)
        detail::CheckKeyFileMac(keyBytes, impl->vaultKey);
    impl->auditKeys = detail::UnwrapRing(kf, impl->vaultKey);
    if (auto previous = detail::PreviousKey(kf, impl->vaultKey))
        impl->previousKey = std::move(*previous);
    detail::Index index;
    try {
        index = impl->LoadIndex();
    } catch (const VaultError& e) {
        if (std::string(e.what()).rfind("vault.key", 0) == 0)
            throw; // the key file is the stranger: nothing here is this key's
        // A damaged or missing index: unlocking works, and every use of the
        // index says what is wrong with it.
        if (e.GetKind() == VaultError::Kind::Tampered)
            impl->integrityProblems.push_back(e.what());
        return Vault(std::move(impl));
    }
    try {
        // Index and log compared under write.lock: read together, as one state.
        WriteLock lock(*impl);
        index = impl->LoadIndex();
        impl->CheckAnchors(index, true);
        AuditEntry e;
        e.action = AuditAction::Unlock;
        impl->Append(e, true);
    } catch (const VaultError& e) {
        // Read-only media, a busy share or a damaged log: the keys are fine;
        // reading a case still needs its audit record, and refuses without it.
        impl->notes.push_back(std::string("could not write to the vault: ") + e.what());
        if (impl->integrityProblems.empty())
            impl->CheckAnchors(index, false);
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
    for (const auto& id : m_impl->heldLocks) {
        try {
            detail::ReleaseLock(*m_impl->fs, m_impl->LockPath(id),
                                detail::OwnLockInfo(m_impl->user));
        } catch (...) {
        }
    }
    m_impl->heldLocks.clear();
    m_impl->WipeKeys();
    m_impl->known.clear();
    m_impl->locked = true;
}

std::string Vault::Fingerprint() const {
    m_impl->RequireUnlocked();
    const detail::Index index = m_impl->LoadIndex();
    return std::to_string(index.generation) + "-" + std::to_string(index.head.count) + "-" +
           detail::ToHex(std::span(index.head.last).subspan(0, 8));
}

const std::vector<std::string>& Vault::IntegrityProblems() const {
    return m_impl->integrityProblems;
}

const std::vector<std::string>& Vault::Notes() const {
    return m_impl->notes;
}

void Vault::SetFileSystem(std::shared_ptr<FileSystem> fs) {
    m_impl->fs = fs ? std::move(fs) : PosixFileSystem();
}

void Vault::SetWriteLockTimeouts(WriteLockTimeouts timeouts) {
    m_impl->writePolicy.wait = timeouts.wait;
    m_impl->writePolicy.remoteStaleAfter = timeouts.remoteStaleAfter;
}

// --- audit ----------------------------------------------------------------------

void Vault::Audit(AuditAction action, const std::string& caseId, const std::string& detail) {
    m_impl->RequireUnlocked();
    if (!caseId.empty())
        Impl::RequireCaseId(caseId);
    AuditEntry e;
    e.action = action;
    e.caseId = caseId;
    e.detail = detail;
    m_impl->Append(e, action != AuditAction::Open);
}

std::vector<AuditEntry> Vault::ReadAudit() const {
    m_impl->RequireUnlocked();
    auto res = detail::ReadAuditBytes(ReadWholeFile(m_impl->AuditPath()), m_impl->keyFile.vault,
                                      m_impl->auditKeys);
    if (!res.problems.empty()) {
        std::string msg = res.problems.front();
        if (res.problems.size() > 1)
            msg += " (and " + std::to_string(res.problems.size() - 1) + " more problems)";
        throw VaultError(VaultError::Kind::Tampered, msg);
    }
    return std::move(res.entries);
}

// --- locks between instances ---------------------------------------------------

bool Vault::TryLockCase(const std::string& caseId, std::string* holder, TakeOver takeOver) {
    return TryLockCase(caseId, holder, takeOver, nullptr);
}

bool Vault::TryLockCase(const std::string& caseId, std::string* holder, TakeOver takeOver,
                        bool* heldByApp) {
    m_impl->RequireUnlocked();
    Impl::RequireCaseId(caseId);
    detail::LockPolicy policy;
    policy.takeOverRemote = takeOver == TakeOver::StaleAfterTimeout;
    detail::LockInfo info;
    if (!detail::TakeLock(*m_impl->fs, m_impl->LockPath(caseId), detail::OwnLockInfo(m_impl->user),
                          policy, holder, &info)) {
        if (heldByApp != nullptr)
            *heldByApp = info.program == "kartbok";
        return false;
    }
    m_impl->heldLocks.insert(caseId);
    return true;
}

void Vault::UnlockCase(const std::string& caseId) {
    Impl::RequireCaseId(caseId);
    detail::ReleaseLock(*m_impl->fs, m_impl->LockPath(caseId), detail::OwnLockInfo(m_impl->user));
    m_impl->heldLocks.erase(caseId);
}

CaseLockState Vault::LockStateOf(const std::string& caseId) const {
    m_impl->RequireUnlocked();
    Impl::RequireCaseId(caseId);
    CaseLockState state;
    const auto info = detail::ReadLock(m_impl->LockPath(caseId));
    const detail::LockInfo me = detail::OwnLockInfo(m_impl->user);
    if (!info || (info->host == me.host && info->pid == me.pid && info->start == me.start))
        return state;
    state.held = true;
    state.holder = detail::DescribeHolder(*info);
    state.otherComputer = info->host != me.host;
    const std::int64_t last = std::max(info->since, info->refreshed);
    state.silentPastTimeout =
        std::time(nullptr) - last > detail::LockPolicy{}.remoteStaleAfter.count();
    return state;
}

void Vault::RefreshCaseLocks() {
    for (const auto& id : m_impl->heldLocks)
        detail::RefreshLock(*m_impl->fs, m_impl->LockPath(id), detail::OwnLockInfo(m_impl->user));
}

} // namespace kartbok::vault
