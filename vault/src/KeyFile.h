#pragma once
// vault.key: the vault id, the key slots (one per user), the audit key ring and
// a MAC over all of it under the vault key. Private to vault/src; the byte
// layout is in docs/vault-format.md.
//
// Version 2 slots hold a key pair per user: the secret key wrapped by the
// user's password (Argon2id), the vault key sealed to the public key. So the
// vault key can be replaced (rotated) for every remaining user without their
// passwords, and a removed user's old copy of vault.key opens nothing written
// afterwards. Version 1 slots (password wraps the vault key directly) are
// still read, and upgraded when their user next unlocks and changes anything.

#include "kartbok/vault/CaseFile.h"
#include "kartbok/vault/Vault.h"

#include "Bytes.h"
#include "Sodium.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace kartbok::vault::detail {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kNonceBytes = 24;
constexpr std::size_t kWrappedKeyBytes = kKeyBytes + 16;
constexpr std::size_t kSealedKeyBytes = kKeyBytes + 48; ///< crypto_box_seal of 32 bytes
constexpr std::size_t kSlotCheckBytes = 16;

enum class SlotKind : std::uint8_t {
    Legacy = 1,  ///< version 1: the password wraps the vault key itself
    KeyPair = 2, ///< the password wraps a secret key; the vault key is sealed to its public key
};

/// One user's way to the vault key.
struct KeySlot {
    SlotKind kind = SlotKind::KeyPair;
    std::string user;
    std::array<unsigned char, kSaltBytes> salt{};
    std::uint64_t opsLimit = 0;
    std::uint64_t memLimit = 0;
    std::array<unsigned char, 32> publicKey{}; ///< KeyPair only
    std::array<unsigned char, kNonceBytes> nonce{};
    /// KeyPair: the secret key under Argon2id(password); Legacy: the vault key.
    std::array<unsigned char, kWrappedKeyBytes> wrapped{};
    std::array<unsigned char, kSealedKeyBytes> sealedVaultKey{}; ///< KeyPair only
    /// Version 2: BLAKE2b-128 of the slot's bytes, so a damaged slot is told
    /// apart from a wrong password before any key is known.
    bool checkOk = true;
};

/// The audit keys of one key epoch: records of that epoch are sealed to
/// publicKey and MACed with the MAC key. Secrets wrapped under the current vault key.
struct AuditRingEntry {
    std::uint32_t epoch = 0;
    std::array<unsigned char, 32> publicKey{};
    std::array<unsigned char, kNonceBytes> nonce{};
    std::array<unsigned char, 64 + 16> wrapped{}; ///< secret key ‖ MAC key, AEAD
};

struct KeyFile {
    std::uint16_t version = 2; ///< as read; always written as 2
    VaultIdentity vault;
    std::uint32_t epoch = 1; ///< +1 per vault key rotation
    std::vector<KeySlot> slots;
    std::vector<AuditRingEntry> ring; ///< one per epoch, oldest first; last = current
    /// During a rotation: the previous vault key, wrapped under the current one,
    /// so files not yet re-encrypted stay readable. Absent otherwise.
    std::optional<std::array<unsigned char, kNonceBytes + kWrappedKeyBytes>> previousKey;
    /// Version 1 only: its single audit key pair (becomes epoch 1 of the ring).
    std::array<unsigned char, kNonceBytes + kWrappedKeyBytes> legacyAuditSecret{};

    const KeySlot* Find(const std::string& user) const;
    KeySlot* Find(const std::string& user);
};

/// Unwrapped keys of one epoch.
struct AuditKeys {
    std::uint32_t epoch = 0;
    std::array<unsigned char, 32> publicKey{};
    SecureBuffer secret;
    SecureBuffer mac;
};

/// Always version 2, MACed under vaultKey.
Bytes WriteKeyFile(const KeyFile& kf, const SecureBuffer& vaultKey);
/// Parses and bounds-checks every field before anything uses it: slot count,
/// each slot's KDF limits and their sum (a hostile vault.key could otherwise
/// make unlock eat all memory or spin for minutes). Version 1 and 2.
KeyFile ParseKeyFile(std::span<const unsigned char> bytes);
void CheckKdfLimits(std::uint64_t opsLimit, std::uint64_t memLimit);
/// Refuses a set of slots whose Argon2 costs together exceed what unlock may spend.
void CheckTotalKdfCost(const std::vector<KeySlot>& slots);
/// Checks the MAC of a version 2 file (the bytes it was parsed from) under
/// vaultKey. Throws Tampered blaming vault.key when it does not match.
void CheckKeyFileMac(std::span<const unsigned char> bytes, const SecureBuffer& vaultKey);

/// A key-pair slot for a password (fresh salt, key pair and nonce).
KeySlot MakeSlot(const KeyFile& kf, const std::string& user, const std::string& password,
                 KdfLimits limits, const SecureBuffer& vaultKey);
/// A key-pair slot whose secret key is wrapped by an already derived key
/// (upgrading a version 1 slot with the Argon2 output of its unlock).
KeySlot MakeSlotFromKey(const KeyFile& kf, const std::string& user,
                        const std::array<unsigned char, kSaltBytes>& salt, KdfLimits limits,
                        const SecureBuffer& wrapKey, const SecureBuffer& vaultKey);
/// Seals vaultKey to a key-pair slot's public key (rotation: no password needed).
void SealVaultKey(KeySlot& slot, const SecureBuffer& vaultKey);
/// Tries a password on one slot; on success returns the vault key (and, for a
/// version 1 slot, the Argon2 output in *derived). Throws Damaged naming the
/// slot when its check sum fails or its sealed key does not open.
std::optional<SecureBuffer> OpenSlot(const KeyFile& kf, const KeySlot& slot,
                                     const std::string& password, SecureBuffer* derived = nullptr);

/// A new epoch's audit keys (fresh key pair and MAC key), appended to the ring.
void AddRingEntry(KeyFile& kf, const AuditKeys& keys, const SecureBuffer& vaultKey);
AuditKeys NewAuditKeys(std::uint32_t epoch);
/// Every epoch's audit keys; throws Damaged/Tampered blaming vault.key.
std::vector<AuditKeys> UnwrapRing(const KeyFile& kf, const SecureBuffer& vaultKey);
/// Re-wraps every ring entry from one vault key to another (rotation).
void RewrapRing(KeyFile& kf, const SecureBuffer& from, const SecureBuffer& to);
void SetPreviousKey(KeyFile& kf, const SecureBuffer& previous, const SecureBuffer& current);
std::optional<SecureBuffer> PreviousKey(const KeyFile& kf, const SecureBuffer& current);

/// 16 bytes that commit to a vault key (keyed BLAKE2b of a constant): the index
/// carries it, so a foreign vault.key is blamed, not the index.
std::array<unsigned char, 16> KeyCommit(const SecureBuffer& vaultKey);

} // namespace kartbok::vault::detail
