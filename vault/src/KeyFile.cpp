#include "KeyFile.h"

#include <sodium.h>

#include <cstring>

namespace kartbok::vault {

KdfLimits KdfLimits::Moderate() {
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}
KdfLimits KdfLimits::Interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}
KdfLimits KdfLimits::Minimum() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

namespace detail {
namespace {

constexpr unsigned char kMagic[8] = {'K', 'B', 'V', 'A', 'U', 'L', 'T', 0};
constexpr std::uint16_t kVersion = 1;
/// A clinic has a handful of therapists and a recovery key; unlock tries every
/// slot, so the bound also bounds how long a tampered file can make unlock take.
constexpr std::size_t kMaxSlots = 16;
constexpr std::size_t kMaxUser = 256;
/// Sensitive is 4 ops / 1 GiB; we write Moderate (3 / 256 MiB). Anything
/// beyond Sensitive is not ours and could stall unlock for minutes per slot.
constexpr std::uint64_t kMaxOps = 8;
constexpr std::uint64_t kMaxMem = 1ull << 30;
const std::string kLabel = "vault.key";

static_assert(crypto_pwhash_SALTBYTES == kSaltBytes);
static_assert(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES == kNonceBytes);

/// Associated data of a slot: binds the wrapped key to its vault, user, salt
/// and limits, so no field of a slot can be swapped or edited unnoticed.
Bytes SlotAd(const KeyFile& kf, const KeySlot& s) {
    ByteWriter w;
    w.Raw(std::string("kartbok slot v1"));
    w.Raw(std::span(kf.vault.id));
    w.Str(s.user);
    w.Raw(std::span(s.salt));
    w.U64(s.opsLimit);
    w.U64(s.memLimit);
    return std::move(w.Out());
}

Bytes AuditAd(const KeyFile& kf) {
    ByteWriter w;
    w.Raw(std::string("kartbok audit key v1"));
    w.Raw(std::span(kf.vault.id));
    w.Raw(std::span(kf.auditPublic));
    return std::move(w.Out());
}

SecureBuffer Derive(const KeySlot& s, const std::string& password) {
    CheckKdfLimits(s.opsLimit, s.memLimit);
    SecureBuffer key(kKeyBytes);
    if (crypto_pwhash(key.Data(), key.Size(), password.data(), password.size(), s.salt.data(),
                      s.opsLimit, static_cast<std::size_t>(s.memLimit),
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw VaultError(VaultError::Kind::Io,
                         "vault.key: not enough memory to derive the key from the password");
    return key;
}

} // namespace

const KeySlot* KeyFile::Find(const std::string& user) const {
    for (const auto& s : slots)
        if (s.user == user)
            return &s;
    return nullptr;
}

void CheckKdfLimits(std::uint64_t opsLimit, std::uint64_t memLimit) {
    if (opsLimit < crypto_pwhash_OPSLIMIT_MIN || opsLimit > kMaxOps ||
        memLimit < crypto_pwhash_MEMLIMIT_MIN || memLimit > kMaxMem)
        throw VaultError(VaultError::Kind::Damaged,
                         "vault.key: key derivation parameters out of range");
}

Bytes WriteKeyFile(const KeyFile& kf) {
    ByteWriter w;
    w.Raw(std::span(kMagic));
    w.U16(kVersion);
    w.U16(0);
    w.Raw(std::span(kf.vault.id));
    w.Raw(std::span(kf.auditPublic));
    w.Raw(std::span(kf.auditNonce));
    w.Raw(std::span(kf.auditWrapped));
    w.U16(static_cast<std::uint16_t>(kf.slots.size()));
    for (const auto& s : kf.slots) {
        w.U16(static_cast<std::uint16_t>(s.user.size()));
        w.Raw(s.user);
        w.Raw(std::span(s.salt));
        w.U64(s.opsLimit);
        w.U64(s.memLimit);
        w.Raw(std::span(s.nonce));
        w.Raw(std::span(s.wrapped));
    }
    return std::move(w.Out());
}

KeyFile ParseKeyFile(std::span<const unsigned char> bytes) {
    ByteReader r(bytes, kLabel);
    if (bytes.empty())
        r.Fail("the file is empty");
    auto magic = r.Raw(std::min(bytes.size(), sizeof kMagic));
    if (magic.size() != sizeof kMagic || std::memcmp(magic.data(), kMagic, sizeof kMagic) != 0)
        r.Fail("not a Kartbok key file");
    const std::uint16_t version = r.U16();
    if (version != kVersion)
        r.Fail("key file version " + std::to_string(version) + " is not supported");
    if (r.U16() != 0) // reserved: not covered by any authentication, so it must be exactly 0
        r.Fail("reserved header field is not zero");
    KeyFile kf;
    r.Raw(kf.vault.id.data(), kf.vault.id.size());
    r.Raw(kf.auditPublic.data(), kf.auditPublic.size());
    r.Raw(kf.auditNonce.data(), kf.auditNonce.size());
    r.Raw(kf.auditWrapped.data(), kf.auditWrapped.size());
    const std::uint16_t count = r.U16();
    if (count == 0 || count > kMaxSlots)
        r.Fail("no usable key slots");
    for (std::uint16_t i = 0; i < count; ++i) {
        KeySlot s;
        const std::uint16_t len = r.U16();
        if (len == 0 || len > kMaxUser)
            r.Fail("a user name is out of range");
        auto name = r.Raw(len);
        s.user.assign(name.begin(), name.end());
        r.Raw(s.salt.data(), s.salt.size());
        s.opsLimit = r.U64();
        s.memLimit = r.U64();
        CheckKdfLimits(s.opsLimit, s.memLimit);
        r.Raw(s.nonce.data(), s.nonce.size());
        r.Raw(s.wrapped.data(), s.wrapped.size());
        kf.slots.push_back(std::move(s));
    }
    r.ExpectEnd();
    return kf;
}

KeySlot MakeSlot(const KeyFile& kf, const std::string& user, const std::string& password,
                 KdfLimits limits, const SecureBuffer& vaultKey) {
    if (user.empty() || user.size() > kMaxUser)
        throw VaultError(VaultError::Kind::Usage, "a user name must have 1 to 256 bytes");
    KeySlot s;
    s.user = user;
    s.opsLimit = limits.opsLimit;
    s.memLimit = limits.memLimit;
    try {
        CheckKdfLimits(s.opsLimit, s.memLimit);
    } catch (const VaultError&) {
        throw VaultError(VaultError::Kind::Usage, "key derivation limits out of range");
    }
    RandomBytes(s.salt.data(), s.salt.size());
    RandomBytes(s.nonce.data(), s.nonce.size());
    SecureBuffer wrapKey = Derive(s, password);
    const Bytes ad = SlotAd(kf, s);
    unsigned long long len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(s.wrapped.data(), &len, vaultKey.Data(),
                                               vaultKey.Size(), ad.data(), ad.size(), nullptr,
                                               s.nonce.data(), wrapKey.Data());
    return s;
}

bool OpenSlot(const KeyFile& kf, const KeySlot& slot, const std::string& password,
              SecureBuffer& vaultKey) {
    SecureBuffer wrapKey = Derive(slot, password);
    const Bytes ad = SlotAd(kf, slot);
    SecureBuffer key(kKeyBytes);
    unsigned long long len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(key.Data(), &len, nullptr, slot.wrapped.data(),
                                                   slot.wrapped.size(), ad.data(), ad.size(),
                                                   slot.nonce.data(), wrapKey.Data()) != 0 ||
        len != kKeyBytes)
        return false;
    vaultKey = std::move(key);
    return true;
}

void WrapAuditSecret(KeyFile& kf, const SecureBuffer& auditSecret, const SecureBuffer& vaultKey) {
    RandomBytes(kf.auditNonce.data(), kf.auditNonce.size());
    const Bytes ad = AuditAd(kf);
    unsigned long long len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(kf.auditWrapped.data(), &len, auditSecret.Data(),
                                               auditSecret.Size(), ad.data(), ad.size(), nullptr,
                                               kf.auditNonce.data(), vaultKey.Data());
}

SecureBuffer UnwrapAuditSecret(const KeyFile& kf, const SecureBuffer& vaultKey) {
    const Bytes ad = AuditAd(kf);
    SecureBuffer secret(crypto_box_SECRETKEYBYTES);
    unsigned long long len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            secret.Data(), &len, nullptr, kf.auditWrapped.data(), kf.auditWrapped.size(), ad.data(),
            ad.size(), kf.auditNonce.data(), vaultKey.Data()) != 0)
        throw VaultError(VaultError::Kind::Damaged,
                         "vault.key: damaged (the audit key does not authenticate)");
    unsigned char pk[crypto_box_PUBLICKEYBYTES];
    crypto_scalarmult_base(pk, secret.Data());
    if (sodium_memcmp(pk, kf.auditPublic.data(), sizeof pk) != 0)
        throw VaultError(VaultError::Kind::Tampered,
                         "vault.key: the audit public key does not match its secret key");
    return secret;
}

} // namespace detail
} // namespace kartbok::vault
