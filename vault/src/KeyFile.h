#pragma once
// vault.key: the vault id, the audit log's public key (and its secret key
// wrapped by the vault key), and one key slot per password. Private to vault/src.

#include "kartbok/vault/CaseFile.h"
#include "kartbok/vault/Vault.h"

#include "Bytes.h"
#include "Sodium.h"

#include <array>
#include <string>
#include <vector>

namespace kartbok::vault::detail {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kNonceBytes = 24;
constexpr std::size_t kWrappedKeyBytes = kKeyBytes + 16;

/// One password's way to the vault key.
struct KeySlot {
    std::string user;
    std::array<unsigned char, kSaltBytes> salt{};
    std::uint64_t opsLimit = 0;
    std::uint64_t memLimit = 0;
    std::array<unsigned char, kNonceBytes> nonce{};
    std::array<unsigned char, kWrappedKeyBytes> wrapped{};
};

struct KeyFile {
    VaultIdentity vault;
    std::array<unsigned char, 32> auditPublic{};
    std::array<unsigned char, kNonceBytes> auditNonce{};
    std::array<unsigned char, kWrappedKeyBytes> auditWrapped{};
    std::vector<KeySlot> slots;

    const KeySlot* Find(const std::string& user) const;
};

Bytes WriteKeyFile(const KeyFile& kf);
/// Parses and bounds-checks every field before anything uses it; KDF limits
/// outside what any Kartbok writes are refused (a hostile vault.key could
/// otherwise make unlock eat all memory or spin for hours).
KeyFile ParseKeyFile(std::span<const unsigned char> bytes);
void CheckKdfLimits(std::uint64_t opsLimit, std::uint64_t memLimit);

/// Wraps the vault key for a password (fresh salt and nonce).
KeySlot MakeSlot(const KeyFile& kf, const std::string& user, const std::string& password,
                 KdfLimits limits, const SecureBuffer& vaultKey);
/// Tries a password on one slot; on success fills vaultKey.
bool OpenSlot(const KeyFile& kf, const KeySlot& slot, const std::string& password,
              SecureBuffer& vaultKey);

void WrapAuditSecret(KeyFile& kf, const SecureBuffer& auditSecret, const SecureBuffer& vaultKey);
/// Throws VaultError::Damaged when the wrapped secret does not open or does not
/// match the public key (someone swapped the audit key).
SecureBuffer UnwrapAuditSecret(const KeyFile& kf, const SecureBuffer& vaultKey);

} // namespace kartbok::vault::detail
