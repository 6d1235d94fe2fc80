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
constexpr std::uint16_t kVersion = 2;
/// A clinic has a handful of therapists and a recovery key.
constexpr std::size_t kMaxSlots = 16;
constexpr std::size_t kMaxUser = 256;
constexpr std::size_t kMaxRing = 1024;
/// Sensitive is 4 ops / 1 GiB; we write Moderate (3 / 256 MiB). Anything
/// beyond Sensitive is not ours and could stall unlock for minutes per slot.
constexpr std::uint64_t kMaxOps = 8;
constexpr std::uint64_t kMaxMem = 1ull << 30;
/// All slots together may cost at most 16 Moderate slots (ops x bytes): unlock
/// without a user name tries each, so this bounds what junk slots can cost.
constexpr double kMaxTotalCost = 16.0 * 3 * (256.0 * 1024 * 1024);
const std::string kLabel = "vault.key";

static_assert(crypto_pwhash_SALTBYTES == kSaltBytes);
static_assert(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES == kNonceBytes);
static_assert(crypto_box_SEALBYTES + kKeyBytes == kSealedKeyBytes);

/// Associated data of a slot: binds the wrapped key to its vault, user, salt,
/// limits (and public key), so no field of a slot can be swapped or edited.
Bytes SlotAd(const VaultIdentity& vault, const KeySlot& s) {
    ByteWriter w;
    w.Raw(std::string(s.kind == SlotKind::Legacy ? "kartbok slot v1" : "kartbok slot v2"));
    w.Raw(std::span(vault.id));
    w.Str(s.user);
    w.Raw(std::span(s.salt));
    w.U64(s.opsLimit);
    w.U64(s.memLimit);
    if (s.kind == SlotKind::KeyPair)
        w.Raw(std::span(s.publicKey));
    return std::move(w.Out());
}

Bytes RingAd(const VaultIdentity& vault, std::uint32_t epoch,
             const std::array<unsigned char, 32>& pk) {
    ByteWriter w;
    w.Raw(std::string("kartbok audit keys v2"));
    w.Raw(std::span(vault.id));
    w.U32(epoch);
    w.Raw(std::span(pk));
    return std::move(w.Out());
}

Bytes PreviousAd(const VaultIdentity& vault, std::uint32_t epoch) {
    ByteWriter w;
    w.Raw(std::string("kartbok previous key"));
    w.Raw(std::span(vault.id));
    w.U32(epoch);
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

SecureBuffer KeyFileMacKey(const SecureBuffer& vaultKey) {
    SecureBuffer key(crypto_generichash_KEYBYTES);
    crypto_kdf_derive_from_key(key.Data(), key.Size(), 2, "kbkeyfil", vaultKey.Data());
    return key;
}

void WriteSlotBody(ByteWriter& w, const KeySlot& s) {
    w.U8(static_cast<std::uint8_t>(s.kind));
    w.U16(static_cast<std::uint16_t>(s.user.size()));
    w.Raw(s.user);
    w.Raw(std::span(s.salt));
    w.U64(s.opsLimit);
    w.U64(s.memLimit);
    if (s.kind == SlotKind::KeyPair)
        w.Raw(std::span(s.publicKey));
    w.Raw(std::span(s.nonce));
    w.Raw(std::span(s.wrapped));
    if (s.kind == SlotKind::KeyPair)
        w.Raw(std::span(s.sealedVaultKey));
}

std::array<unsigned char, kSlotCheckBytes> SlotCheck(std::span<const unsigned char> body) {
    std::array<unsigned char, kSlotCheckBytes> c{};
    crypto_generichash(c.data(), c.size(), body.data(), body.size(), nullptr, 0);
    return c;
}

KeySlot ReadSlot(ByteReader& r, std::uint16_t version) {
    const std::size_t begin = r.Pos();
    KeySlot s;
    if (version == 1) {
        s.kind = SlotKind::Legacy;
    } else {
        const std::uint8_t kind = r.U8();
        if (kind != 1 && kind != 2)
            r.Fail("a key slot of unknown kind");
        s.kind = static_cast<SlotKind>(kind);
    }
    const std::uint16_t len = r.U16();
    if (len == 0 || len > kMaxUser)
        r.Fail("a user name is out of range");
    auto name = r.Raw(len);
    s.user.assign(name.begin(), name.end());
    r.Raw(s.salt.data(), s.salt.size());
    s.opsLimit = r.U64();
    s.memLimit = r.U64();
    CheckKdfLimits(s.opsLimit, s.memLimit);
    if (s.kind == SlotKind::KeyPair)
        r.Raw(s.publicKey.data(), s.publicKey.size());
    r.Raw(s.nonce.data(), s.nonce.size());
    r.Raw(s.wrapped.data(), s.wrapped.size());
    if (s.kind == SlotKind::KeyPair)
        r.Raw(s.sealedVaultKey.data(), s.sealedVaultKey.size());
    if (version >= 2) {
        const std::size_t end = r.Pos();
        std::array<unsigned char, kSlotCheckBytes> check{};
        r.Raw(check.data(), check.size());
        (void)end;
        s.checkOk =
            check == SlotCheck(std::span<const unsigned char>(r.Data() + begin, end - begin));
    }
    return s;
}

} // namespace

const KeySlot* KeyFile::Find(const std::string& user) const {
    for (const auto& s : slots)
        if (s.user == user)
            return &s;
    return nullptr;
}

KeySlot* KeyFile::Find(const std::string& user) {
    return const_cast<KeySlot*>(static_cast<const KeyFile*>(this)->Find(user));
}

void CheckKdfLimits(std::uint64_t opsLimit, std::uint64_t memLimit) {
    if (opsLimit < crypto_pwhash_OPSLIMIT_MIN || opsLimit > kMaxOps ||
        memLimit < crypto_pwhash_MEMLIMIT_MIN || memLimit > kMaxMem)
        throw VaultError(VaultError::Kind::Damaged,
                         "vault.key: key derivation parameters out of range");
}

void CheckTotalKdfCost(const std::vector<KeySlot>& slots) {
    double total = 0;
    for (const auto& s : slots)
        total += static_cast<double>(s.opsLimit) * static_cast<double>(s.memLimit);
    if (total > kMaxTotalCost)
        throw VaultError(VaultError::Kind::Damaged,
                         "vault.key: the key slots together would take too long to try "
                         "(more or costlier slots than Kartbok writes)");
}

Bytes WriteKeyFile(const KeyFile& kf, const SecureBuffer& vaultKey) {
    ByteWriter w;
    w.Raw(std::span(kMagic));
    w.U16(kVersion);
    w.U16(0);
    w.Raw(std::span(kf.vault.id));
    w.U32(kf.epoch);
    w.U16(static_cast<std::uint16_t>(kf.slots.size()));
    for (const auto& s : kf.slots) {
        ByteWriter body;
        WriteSlotBody(body, s);
        w.Raw(std::span(body.Out()));
        const auto check = SlotCheck(body.Out());
        w.Raw(std::span(check));
    }
    w.U16(static_cast<std::uint16_t>(kf.ring.size()));
    for (const auto& e : kf.ring) {
        w.U32(e.epoch);
        w.Raw(std::span(e.publicKey));
        w.Raw(std::span(e.nonce));
        w.Raw(std::span(e.wrapped));
    }
    w.U8(kf.previousKey ? 1 : 0);
    if (kf.previousKey)
        w.Raw(std::span(*kf.previousKey));
    const SecureBuffer macKey = KeyFileMacKey(vaultKey);
    Hash mac{};
    crypto_generichash(mac.data(), mac.size(), w.Out().data(), w.Size(), macKey.Data(),
                       macKey.Size());
    w.Raw(std::span(mac));
    return std::move(w.Out());
}

KeyFile ParseKeyFile(std::span<const unsigned char> bytes) {
    ByteReader r(bytes, kLabel);
    if (bytes.empty())
        r.Fail("the file is empty");
    auto magic = r.Raw(std::min(bytes.size(), sizeof kMagic));
    if (magic.size() != sizeof kMagic || std::memcmp(magic.data(), kMagic, sizeof kMagic) != 0)
        r.Fail("not a Kartbok key file");
    KeyFile kf;
    kf.version = r.U16();
    if (kf.version < 1 || kf.version > kVersion)
        r.Fail("key file version " + std::to_string(kf.version) + " is not supported");
    if (r.U16() != 0)
        r.Fail("reserved header field is not zero");
    r.Raw(kf.vault.id.data(), kf.vault.id.size());
    AuditRingEntry legacyRing;
    if (kf.version == 1) {
        legacyRing.epoch = 1;
        r.Raw(legacyRing.publicKey.data(), legacyRing.publicKey.size());
        r.Raw(kf.legacyAuditSecret.data(), kf.legacyAuditSecret.size());
    } else {
        kf.epoch = r.U32();
        if (kf.epoch == 0 || kf.epoch > kMaxRing)
            r.Fail("key epoch out of range");
    }
    const std::uint16_t count = r.U16();
    if (count == 0 || count > kMaxSlots)
        r.Fail("no usable key slots");
    for (std::uint16_t i = 0; i < count; ++i)
        kf.slots.push_back(ReadSlot(r, kf.version));
    CheckTotalKdfCost(kf.slots);
    if (kf.version == 1) {
        kf.ring.push_back(legacyRing);
        r.ExpectEnd();
        return kf;
    }
    const std::uint16_t ringCount = r.U16();
    if (ringCount != kf.epoch)
        r.Fail("the audit key ring does not match the key epoch");
    for (std::uint16_t i = 0; i < ringCount; ++i) {
        AuditRingEntry e;
        e.epoch = r.U32();
        if (e.epoch != i + 1u)
            r.Fail("the audit key ring is out of order");
        r.Raw(e.publicKey.data(), e.publicKey.size());
        r.Raw(e.nonce.data(), e.nonce.size());
        r.Raw(e.wrapped.data(), e.wrapped.size());
        kf.ring.push_back(e);
    }
    const std::uint8_t hasPrevious = r.U8();
    if (hasPrevious > 1)
        r.Fail("unknown previous-key mark");
    if (hasPrevious == 1) {
        if (kf.epoch < 2)
            r.Fail("a previous key without a key change");
        kf.previousKey.emplace();
        r.Raw(kf.previousKey->data(), kf.previousKey->size());
    }
    Hash mac{};
    r.Raw(mac.data(), mac.size());
    r.ExpectEnd();
    return kf;
}

void CheckKeyFileMac(std::span<const unsigned char> bytes, const SecureBuffer& vaultKey) {
    if (bytes.size() < 32)
        throw VaultError(VaultError::Kind::Damaged, "vault.key: damaged (truncated)");
    const SecureBuffer macKey = KeyFileMacKey(vaultKey);
    Hash mac{};
    crypto_generichash(mac.data(), mac.size(), bytes.data(), bytes.size() - 32, macKey.Data(),
                       macKey.Size());
    if (sodium_memcmp(mac.data(), bytes.data() + bytes.size() - 32, 32) != 0)
        throw VaultError(VaultError::Kind::Tampered,
                         "vault.key: changed outside Kartbok (a key slot was added, removed, "
                         "put back or edited by hand); refused");
}

KeySlot MakeSlot(const KeyFile& kf, const std::string& user, const std::string& password,
                 KdfLimits limits, const SecureBuffer& vaultKey) {
    if (user.empty() || user.size() > kMaxUser)
        throw VaultError(VaultError::Kind::Usage, "a user name must have 1 to 256 bytes");
    KeySlot s;
    s.kind = SlotKind::KeyPair;
    s.user = user;
    s.opsLimit = limits.opsLimit;
    s.memLimit = limits.memLimit;
    try {
        CheckKdfLimits(s.opsLimit, s.memLimit);
    } catch (const VaultError&) {
        throw VaultError(VaultError::Kind::Usage, "key derivation limits out of range");
    }
    RandomBytes(s.salt.data(), s.salt.size());
    const SecureBuffer wrapKey = Derive(s, password);
    return MakeSlotFromKey(kf, user, s.salt, {s.opsLimit, s.memLimit}, wrapKey, vaultKey);
}

KeySlot MakeSlotFromKey(const KeyFile& kf, const std::string& user,
                        const std::array<unsigned char, kSaltBytes>& salt, KdfLimits limits,
                        const SecureBuffer& wrapKey, const SecureBuffer& vaultKey) {
    KeySlot s;
    s.kind = SlotKind::KeyPair;
    s.user = user;
    s.salt = salt;
    s.opsLimit = limits.opsLimit;
    s.memLimit = limits.memLimit;
    RandomBytes(s.nonce.data(), s.nonce.size());
    SecureBuffer secret(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(s.publicKey.data(), secret.Data());
    const Bytes ad = SlotAd(kf.vault, s);
    unsigned long long len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(s.wrapped.data(), &len, secret.Data(), secret.Size(),
                                               ad.data(), ad.size(), nullptr, s.nonce.data(),
                                               wrapKey.Data());
    SealVaultKey(s, vaultKey);
    return s;
}

void SealVaultKey(KeySlot& slot, const SecureBuffer& vaultKey) {
    crypto_box_seal(slot.sealedVaultKey.data(), vaultKey.Data(), vaultKey.Size(),
                    slot.publicKey.data());
}

std::optional<SecureBuffer> OpenSlot(const KeyFile& kf, const KeySlot& slot,
                                     const std::string& password, SecureBuffer* derived) {
    if (!slot.checkOk)
        throw VaultError(VaultError::Kind::Damaged, "vault.key: the key slot of " + slot.user +
                                                        " is damaged (its check sum fails)");
    SecureBuffer wrapKey = Derive(slot, password);
    const Bytes ad = SlotAd(kf.vault, slot);
    SecureBuffer inner(kKeyBytes);
    unsigned long long len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(inner.Data(), &len, nullptr, slot.wrapped.data(),
                                                   slot.wrapped.size(), ad.data(), ad.size(),
                                                   slot.nonce.data(), wrapKey.Data()) != 0 ||
        len != kKeyBytes)
        return std::nullopt;
    if (slot.kind == SlotKind::Legacy) {
        if (derived != nullptr)
            *derived = std::move(wrapKey);
        return inner;
    }
    SecureBuffer vaultKey(kKeyBytes);
    if (crypto_box_seal_open(vaultKey.Data(), slot.sealedVaultKey.data(),
                             slot.sealedVaultKey.size(), slot.publicKey.data(), inner.Data()) != 0)
        throw VaultError(VaultError::Kind::Damaged,
                         "vault.key: the key slot of " + slot.user +
                             " is damaged (the password fits, its vault key does not open)");
    return vaultKey;
}

AuditKeys NewAuditKeys(std::uint32_t epoch) {
    AuditKeys k;
    k.epoch = epoch;
    k.secret = SecureBuffer(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(k.publicKey.data(), k.secret.Data());
    k.mac = SecureBuffer(crypto_generichash_KEYBYTES);
    RandomBytes(k.mac.Data(), k.mac.Size());
    return k;
}

namespace {

AuditRingEntry WrapRingEntry(const VaultIdentity& vault, const AuditKeys& keys,
                             const SecureBuffer& vaultKey) {
    AuditRingEntry e;
    e.epoch = keys.epoch;
    e.publicKey = keys.publicKey;
    RandomBytes(e.nonce.data(), e.nonce.size());
    SecureBuffer plain(64);
    std::memcpy(plain.Data(), keys.secret.Data(), 32);
    std::memcpy(plain.Data() + 32, keys.mac.Data(), 32);
    const Bytes ad = RingAd(vault, e.epoch, e.publicKey);
    unsigned long long len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(e.wrapped.data(), &len, plain.Data(), 64, ad.data(),
                                               ad.size(), nullptr, e.nonce.data(), vaultKey.Data());
    return e;
}

void CheckPublic(const SecureBuffer& secret, const std::array<unsigned char, 32>& pk) {
    unsigned char derived[crypto_box_PUBLICKEYBYTES];
    crypto_scalarmult_base(derived, secret.Data());
    if (sodium_memcmp(derived, pk.data(), sizeof derived) != 0)
        throw VaultError(VaultError::Kind::Tampered,
                         "vault.key: an audit public key does not match its secret key");
}

} // namespace

void AddRingEntry(KeyFile& kf, const AuditKeys& keys, const SecureBuffer& vaultKey) {
    kf.ring.push_back(WrapRingEntry(kf.vault, keys, vaultKey));
}

std::vector<AuditKeys> UnwrapRing(const KeyFile& kf, const SecureBuffer& vaultKey) {
    std::vector<AuditKeys> out;
    if (kf.version == 1) {
        // Version 1: one audit key pair; its MAC key was derived from the vault key.
        AuditKeys k;
        k.epoch = 1;
        k.publicKey = kf.ring.at(0).publicKey;
        ByteWriter ad;
        ad.Raw(std::string("kartbok audit key v1"));
        ad.Raw(std::span(kf.vault.id));
        ad.Raw(std::span(k.publicKey));
        k.secret = SecureBuffer(crypto_box_SECRETKEYBYTES);
        unsigned long long len = 0;
        if (crypto_aead_xchacha20poly1305_ietf_decrypt(
                k.secret.Data(), &len, nullptr, kf.legacyAuditSecret.data() + kNonceBytes,
                kWrappedKeyBytes, ad.Out().data(), ad.Size(), kf.legacyAuditSecret.data(),
                vaultKey.Data()) != 0)
            throw VaultError(VaultError::Kind::Damaged,
                             "vault.key: damaged (the audit key does not authenticate)");
        CheckPublic(k.secret, k.publicKey);
        k.mac = SecureBuffer(crypto_generichash_KEYBYTES);
        crypto_kdf_derive_from_key(k.mac.Data(), k.mac.Size(), 1, "kbaudit_", vaultKey.Data());
        out.push_back(std::move(k));
        return out;
    }
    for (const auto& e : kf.ring) {
        AuditKeys k;
        k.epoch = e.epoch;
        k.publicKey = e.publicKey;
        SecureBuffer plain(64);
        const Bytes ad = RingAd(kf.vault, e.epoch, e.publicKey);
        unsigned long long len = 0;
        if (crypto_aead_xchacha20poly1305_ietf_decrypt(
                plain.Data(), &len, nullptr, e.wrapped.data(), e.wrapped.size(), ad.data(),
                ad.size(), e.nonce.data(), vaultKey.Data()) != 0)
            throw VaultError(VaultError::Kind::Damaged,
                             "vault.key: damaged (the audit keys of key epoch " +
                                 std::to_string(e.epoch) + " do not authenticate)");
        k.secret = SecureBuffer(plain.Data(), 32);
        k.mac = SecureBuffer(plain.Data() + 32, 32);
        CheckPublic(k.secret, k.publicKey);
        out.push_back(std::move(k));
    }
    return out;
}

void RewrapRing(KeyFile& kf, const SecureBuffer& from, const SecureBuffer& to) {
    std::vector<AuditKeys> keys = UnwrapRing(kf, from);
    kf.ring.clear();
    for (const auto& k : keys)
        kf.ring.push_back(WrapRingEntry(kf.vault, k, to));
}

void SetPreviousKey(KeyFile& kf, const SecureBuffer& previous, const SecureBuffer& current) {
    std::array<unsigned char, kNonceBytes + kWrappedKeyBytes> out{};
    RandomBytes(out.data(), kNonceBytes);
    const Bytes ad = PreviousAd(kf.vault, kf.epoch);
    unsigned long long len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + kNonceBytes, &len, previous.Data(),
                                               previous.Size(), ad.data(), ad.size(), nullptr,
                                               out.data(), current.Data());
    kf.previousKey = out;
}

std::optional<SecureBuffer> PreviousKey(const KeyFile& kf, const SecureBuffer& current) {
    if (!kf.previousKey)
        return std::nullopt;
    SecureBuffer key(kKeyBytes);
    const Bytes ad = PreviousAd(kf.vault, kf.epoch);
    unsigned long long len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            key.Data(), &len, nullptr, kf.previousKey->data() + kNonceBytes, kWrappedKeyBytes,
            ad.data(), ad.size(), kf.previousKey->data(), current.Data()) != 0)
        throw VaultError(VaultError::Kind::Damaged,
                         "vault.key: damaged (the previous vault key does not authenticate)");
    return key;
}

std::array<unsigned char, 16> KeyCommit(const SecureBuffer& vaultKey) {
    static const std::string kWhat = "kartbok key commitment";
    std::array<unsigned char, 16> out{};
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(kWhat.data()),
                       kWhat.size(), vaultKey.Data(), vaultKey.Size());
    return out;
}

} // namespace detail
} // namespace kartbok::vault
