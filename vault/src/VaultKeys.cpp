// Vault: key slots, password checks and vault key rotation
// (docs/vault-format.md, "vault.key" and "Rotation").

#include "VaultImpl.h"

#include "kartbok/journal/TemplateLoader.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <fstream>

namespace kartbok::vault {

using detail::SecureBuffer;

std::string PasswordProblem(const std::string& password) {
    std::size_t chars = 0;
    for (unsigned char c : password)
        if ((c & 0xC0) != 0x80)
            ++chars;
    if (chars < 10)
        return "a password needs at least 10 characters";
    const auto list = journal::ShippedTemplatesDir() / "common-passwords.txt";
    std::ifstream in(list);
    if (!in)
        return "the list of common passwords (" + list.string() +
               ") is missing, so no password can be checked; reinstall Kartbok";
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
    };
    const std::string wanted = lower(password);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (!line.empty() && line[0] != '#' && lower(line) == wanted)
            return "this password is on the list of common passwords; choose another";
    }
    return {};
}

namespace {

/// vault.key as on disk now, checked to be this vault's and unchanged outside
/// Kartbok; another instance's rotation is a Conflict (unlock again).
detail::KeyFile ReloadKeyFile(const Vault::Impl& impl) {
    const auto bytes = ReadWholeFile(impl.KeyPath(), 1u << 20);
    detail::KeyFile kf = detail::ParseKeyFile(bytes);
    if (kf.vault != impl.keyFile.vault)
        throw VaultError(VaultError::Kind::Tampered, "vault.key: belongs to another vault");
    if (kf.epoch != impl.keyFile.epoch)
        throw VaultError(VaultError::Kind::Conflict,
                         "vault.key: the vault key was changed by another Kartbok (a user was "
                         "removed) since this vault was unlocked; unlock it again");
    if (kf.version >= 2)
        detail::CheckKeyFileMac(bytes, impl.vaultKey);
    return kf;
}

void RequireGoodPassword(const std::string& password) {
    if (const std::string why = PasswordProblem(password); !why.empty())
        throw VaultError(VaultError::Kind::Usage, why + "; nothing was changed");
}

/// Re-encrypts a case file (or its backup) that is still under the previous
/// key; returns its header hash as it is now, and whether it was re-keyed.
std::pair<detail::Hash, bool> Rekey(Vault::Impl& impl, const std::string& id,
                                    const std::filesystem::path& path) {
    const auto bytes = ReadWholeFile(path);
    try {
        (void)DecryptCaseFile(impl.Key(), impl.keyFile.vault, id, bytes);
        return {detail::CaseHeaderHash(bytes), false};
    } catch (const VaultError&) {
    }
    DecryptedCase d =
        DecryptCaseFile(std::span<const unsigned char, 32>(impl.previousKey.Data(), 32),
                        impl.keyFile.vault, id, bytes, path.filename().string());
    detail::WipeOnExit wipe{d.plaintext};
    const auto fresh = EncryptCaseFile(impl.Key(), impl.keyFile.vault, id, d.header.generation,
                                       d.plaintext, d.header.chunkSize);
    AtomicWriteFile(*impl.fs, path, fresh, false);
    return {detail::CaseHeaderHash(fresh), true};
}

} // namespace

namespace detail {

/// Finishes a rotation (vault.key already names the new key and keeps the
/// previous one): re-keys every case file and backup, writes the index under
/// the new key with a KeyRotated record, then drops the previous key. Safe to
/// run again after a crash at any point. Under write.lock.
void FinishRotation(Vault::Impl& impl, const std::string& detail) {
    Index index = impl.LoadIndex();
    std::size_t rekeyed = 0;
    std::error_code ec;
    for (auto& entry : index.entries) {
        const std::string& id = entry.summary.id;
        if (std::filesystem::exists(impl.CasePath(id), ec)) {
            const auto [hh, done] = Rekey(impl, id, impl.CasePath(id));
            rekeyed += done;
            entry.hash = hh;
            entry.fullHash = false;
            if (auto k = impl.known.find(id); k != impl.known.end())
                k->second.headerHash = hh;
        }
        const auto bak = impl.dir / (id + ".kbc.bak");
        if (std::filesystem::exists(bak, ec)) {
            try {
                (void)Rekey(impl, id, bak);
            } catch (const VaultError&) {
                // A damaged backup stays as it is; Verify lists it.
            }
        }
    }
    AuditEntry e;
    e.action = AuditAction::KeyRotated;
    e.detail = detail + "; key epoch " + std::to_string(impl.keyFile.epoch) + ", " +
               std::to_string(rekeyed) + " case files re-keyed";
    impl.Commit(index, {e});
    impl.keyFile.previousKey.reset();
    impl.SaveKeyFile();
    impl.previousKey.Wipe();
}

} // namespace detail

namespace {

/// A new vault key for the slots of kf (which must all be key pairs): written
/// to vault.key with the previous key kept, then everything re-keyed.
void Rotate(Vault::Impl& impl, detail::KeyFile kf, const std::string& detail) {
    for (const auto& s : kf.slots)
        if (s.kind == detail::SlotKind::Legacy)
            throw VaultError(VaultError::Kind::Usage,
                             "the key slot of " + s.user +
                                 " is still of version 1 (its vault key cannot be replaced "
                                 "without the password); " +
                                 s.user + " unlocks and saves once first, or is removed");
    SecureBuffer next(detail::kKeyBytes);
    crypto_secretstream_xchacha20poly1305_keygen(next.Data());
    detail::RewrapRing(kf, impl.vaultKey, next);
    kf.epoch += 1;
    const detail::AuditKeys fresh = detail::NewAuditKeys(kf.epoch);
    detail::AddRingEntry(kf, fresh, next);
    for (auto& s : kf.slots)
        detail::SealVaultKey(s, next);
    detail::SetPreviousKey(kf, impl.vaultKey, next);
    AtomicWriteFile(*impl.fs, impl.KeyPath(), detail::WriteKeyFile(kf, next), false);
    impl.previousKey = std::move(impl.vaultKey);
    impl.vaultKey = std::move(next);
    impl.keyFile = std::move(kf);
    impl.auditKeys = detail::UnwrapRing(impl.keyFile, impl.vaultKey);
    detail::FinishRotation(impl, detail);
}

/// The current key file with this user's version 1 slot upgraded (when it has one).
detail::KeyFile UpgradedKeyFile(Vault::Impl& impl) {
    impl.MigrateKeyFile();
    return ReloadKeyFile(impl);
}

} // namespace

std::vector<std::string> Vault::Users() const {
    m_impl->RequireUnlocked();
    std::vector<std::string> users;
    for (const auto& s : ReloadKeyFile(*m_impl).slots)
        users.push_back(s.user);
    return users;
}

void Vault::AddSlot(const std::string& user, const std::string& password, KdfLimits limits) {
    Impl& impl = *m_impl;
    impl.RequireUnlocked();
    RequireGoodPassword(password);
    WriteLock lock(impl);
    detail::KeyFile kf = UpgradedKeyFile(impl);
    if (kf.Find(user) != nullptr)
        throw VaultError(VaultError::Kind::Usage, "user " + user + " already has a key slot");
    if (kf.slots.size() >= 16)
        throw VaultError(VaultError::Kind::Usage, "a vault has at most 16 key slots");
    kf.slots.push_back(detail::MakeSlot(kf, user, password, limits, impl.vaultKey));
    try {
        detail::CheckTotalKdfCost(kf.slots);
    } catch (const VaultError&) {
        throw VaultError(VaultError::Kind::Usage,
                         "the key slots together would make unlocking too slow; use a lower --kdf");
    }
    impl.keyFile = std::move(kf);
    impl.SaveKeyFile();
    AuditEntry e;
    e.action = AuditAction::SlotAdded;
    e.detail = "slot for " + user;
    impl.Append(e, true);
}

void Vault::RemoveSlot(const std::string& user) {
    Impl& impl = *m_impl;
    impl.RequireUnlocked();
    impl.RequireIntact();
    WriteLock lock(impl);
    detail::KeyFile kf = UpgradedKeyFile(impl);
    if (kf.Find(user) == nullptr)
        throw VaultError(VaultError::Kind::Usage, "no key slot for user " + user);
    if (kf.slots.size() == 1)
        throw VaultError(VaultError::Kind::Usage,
                         "cannot remove the last key slot: the vault could never be opened again");
    std::erase_if(kf.slots, [&](const detail::KeySlot& s) { return s.user == user; });
    AuditEntry e;
    e.action = AuditAction::SlotRemoved;
    e.detail = "slot for " + user;
    impl.Append(e, true);
    Rotate(impl, std::move(kf), "removed " + user);
}

void Vault::RotateKey() {
    Impl& impl = *m_impl;
    impl.RequireUnlocked();
    impl.RequireIntact();
    WriteLock lock(impl);
    Rotate(impl, UpgradedKeyFile(impl), "asked for");
}

void Vault::ChangePassword(const std::string& user, const std::string& currentPassword,
                           const std::string& newPassword, KdfLimits limits) {
    Impl& impl = *m_impl;
    impl.RequireUnlocked();
    RequireGoodPassword(newPassword);
    WriteLock lock(impl);
    detail::KeyFile kf = UpgradedKeyFile(impl);
    detail::KeySlot* slot = kf.Find(user);
    if (slot == nullptr)
        throw VaultError(VaultError::Kind::Usage, "no key slot for user " + user);
    const auto key = detail::OpenSlot(kf, *slot, currentPassword);
    if (!key)
        throw VaultError(VaultError::Kind::WrongPassword,
                         "wrong current password for " + user + "; nothing was changed");
    if (key->Size() != impl.vaultKey.Size() ||
        sodium_memcmp(key->Data(), impl.vaultKey.Data(), key->Size()) != 0)
        throw VaultError(VaultError::Kind::Tampered,
                         "vault.key: the slot of " + user + " opens another vault key; refused");
    *slot = detail::MakeSlot(kf, user, newPassword, limits, impl.vaultKey);
    impl.keyFile = std::move(kf);
    impl.SaveKeyFile();
    AuditEntry e;
    e.action = AuditAction::PasswordChanged;
    e.detail = "slot for " + user;
    impl.Append(e, true);
}

bool Vault::CheckPassword(const std::string& user, const std::string& password) const {
    const Impl& impl = *m_impl;
    impl.RequireUnlocked();
    const detail::KeyFile kf = ReloadKeyFile(impl);
    const detail::KeySlot* slot = kf.Find(user);
    if (slot == nullptr)
        return false;
    const auto key = detail::OpenSlot(kf, *slot, password);
    return key && key->Size() == impl.vaultKey.Size() &&
           sodium_memcmp(key->Data(), impl.vaultKey.Data(), key->Size()) == 0;
}

} // namespace kartbok::vault
