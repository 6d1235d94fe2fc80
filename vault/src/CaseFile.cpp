// <uuid>.kbc: clear header, per-file key wrapped by the vault key, then the
// serialised case in crypto_secretstream_xchacha20poly1305 chunks
// (docs/vault-format.md, "Case file").

#include "kartbok/vault/CaseFile.h"
#include "kartbok/vault/Vault.h"

#include "Bytes.h"
#include "Sodium.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace kartbok::vault {
namespace {

using detail::ByteReader;
using detail::Bytes;
using detail::ByteWriter;

constexpr unsigned char kMagic[8] = {'K', 'B', 'C', 'A', 'S', 'E', 0, 1};
constexpr std::size_t kWrapNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kWrapped = detail::kKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kStreamHeader = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kChunkOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
/// Chunk sizes a reader accepts: small ones only come from tests, big ones
/// would let a hostile header ask for a huge buffer per chunk.
constexpr std::uint32_t kMinChunk = 64;
constexpr std::uint32_t kMaxChunk = 16u << 20;

static_assert(crypto_secretstream_xchacha20poly1305_KEYBYTES == detail::kKeyBytes);
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == detail::kKeyBytes);

std::string Label(const std::string& label, const std::string& caseId) {
    if (!label.empty())
        return label;
    return (caseId.empty() ? std::string("case") : caseId) + ".kbc";
}

/// Writes the part of the header that the wrapped key authenticates.
void WritePrefix(ByteWriter& w, const VaultIdentity& vault, const std::string& caseId,
                 std::uint64_t generation, std::uint32_t chunkSize) {
    w.Raw(std::span(kMagic));
    w.U16(kCaseFormatVersion);
    w.U16(0); // reserved flags, authenticated
    w.Raw(std::span(vault.id));
    w.Raw(caseId);
    w.U64(generation);
    w.U32(chunkSize);
}

constexpr std::size_t kPrefixBytes = 8 + 2 + 2 + 16 + 36 + 8 + 4;
constexpr std::size_t kHeaderBytes = kPrefixBytes + kWrapNonce + kWrapped + kStreamHeader;

} // namespace

std::vector<unsigned char> EncryptCaseFile(std::span<const unsigned char, 32> vaultKey,
                                           const VaultIdentity& vault, const std::string& caseId,
                                           std::uint64_t generation, const std::string& plaintext,
                                           std::size_t chunkSize) {
    detail::EnsureSodium();
    if (!detail::IsUuid(caseId))
        throw VaultError(VaultError::Kind::Usage, "not a case id: a case id is a lower-case uuid");
    if (chunkSize < kMinChunk || chunkSize > kMaxChunk)
        throw VaultError(VaultError::Kind::Usage, "case file chunk size out of range");

    ByteWriter w;
    WritePrefix(w, vault, caseId, generation, static_cast<std::uint32_t>(chunkSize));
    const std::size_t prefixLen = w.Size();

    // A fresh key for every save: a nonce can never repeat across saves, and a
    // leaked file key exposes one version of one file.
    detail::ScratchKey fileKey;
    crypto_secretstream_xchacha20poly1305_keygen(fileKey.Data());

    unsigned char nonce[kWrapNonce];
    detail::RandomBytes(nonce, sizeof nonce);
    w.Raw(std::span(nonce));
    unsigned char wrapped[kWrapped];
    unsigned long long wrappedLen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(wrapped, &wrappedLen, fileKey.Data(), fileKey.Size(),
                                               w.Out().data(), prefixLen, nullptr, nonce,
                                               vaultKey.data());
    w.Raw(std::span(wrapped));

    crypto_secretstream_xchacha20poly1305_state state;
    unsigned char streamHeader[kStreamHeader];
    crypto_secretstream_xchacha20poly1305_init_push(&state, streamHeader, fileKey.Data());
    w.Raw(std::span(streamHeader));

    Bytes& out = w.Out();
    const std::size_t headerLen = out.size();
    const std::size_t chunks =
        std::max<std::size_t>(1, (plaintext.size() + chunkSize - 1) / chunkSize);
    out.resize(headerLen + plaintext.size() + chunks * kChunkOverhead);
    // Bind the whole clear header to the stream: the first chunk's tag covers
    // it, so no header byte can change without the body failing.
    const Bytes header(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(headerLen));
    std::size_t pos = headerLen;
    const auto* m = reinterpret_cast<const unsigned char*>(plaintext.data());
    for (std::size_t i = 0; i < chunks; ++i) {
        const std::size_t off = i * chunkSize;
        const std::size_t len = std::min(chunkSize, plaintext.size() - off);
        const bool last = i + 1 == chunks;
        unsigned long long clen = 0;
        crypto_secretstream_xchacha20poly1305_push(
            &state, out.data() + pos, &clen, m + off, len, i == 0 ? header.data() : nullptr,
            i == 0 ? header.size() : 0,
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                 : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        pos += static_cast<std::size_t>(clen);
    }
    sodium_memzero(&state, sizeof state);
    out.resize(pos);
    return std::move(out);
}

namespace {

CaseFileHeader ParseHeader(ByteReader& r) {
    if (r.Remaining() == 0)
        r.Fail("the file is empty");
    auto magic = r.Raw(std::min<std::size_t>(r.Remaining(), sizeof kMagic));
    if (magic.size() < sizeof kMagic || std::memcmp(magic.data(), kMagic, sizeof kMagic) != 0)
        r.Fail("not a Kartbok case file");
    CaseFileHeader h;
    h.version = r.U16();
    if (h.version != kCaseFormatVersion)
        r.Fail("case format version " + std::to_string(h.version) + " is not supported");
    r.U16(); // reserved; authenticated with the rest
    r.Raw(h.vault.id.data(), h.vault.id.size());
    auto id = r.Raw(36);
    h.caseId.assign(id.begin(), id.end());
    h.generation = r.U64();
    h.chunkSize = r.U32();
    return h;
}

} // namespace

CaseFileHeader ReadCaseFileHeader(std::span<const unsigned char> bytes, const std::string& label) {
    ByteReader r(bytes, label);
    return ParseHeader(r);
}

namespace {

using StreamState = crypto_secretstream_xchacha20poly1305_state;

/// Decrypts the chunks after the header into `plain` (resized to the
/// plaintext). `header` is the clear header, which the first chunk's tag
/// covers. On any fault wipes `plain` and `state` and throws.
void PullChunks(ByteReader& r, StreamState& state, std::span<const unsigned char> header,
                std::uint32_t chunkSize, std::string& plain) {
    const std::size_t body = r.Remaining();
    const std::size_t fullChunk = chunkSize + kChunkOverhead;
    plain.resize(body); // upper bound; the body is at least as long as the plaintext
    std::size_t outPos = 0;
    std::size_t chunk = 0;
    bool final = false;
    auto fail = [&](const std::string& why) {
        sodium_memzero(plain.data(), plain.size());
        sodium_memzero(&state, sizeof state);
        r.Fail(why);
    };
    if (body == 0)
        fail("truncated after the header");
    while (!r.AtEnd()) {
        ++chunk;
        if (final)
            fail("data after the end of the case, after chunk " + std::to_string(chunk - 1));
        const std::size_t clen = std::min(fullChunk, r.Remaining());
        if (clen < kChunkOverhead)
            fail("truncated in chunk " + std::to_string(chunk));
        const unsigned char* c = r.Raw(clen).data();
        unsigned long long mlen = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(
                &state, reinterpret_cast<unsigned char*>(plain.data()) + outPos, &mlen, &tag, c,
                clen, chunk == 1 ? header.data() : nullptr, chunk == 1 ? header.size() : 0) != 0)
            fail("authentication failed at chunk " + std::to_string(chunk));
        outPos += static_cast<std::size_t>(mlen);
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
            final = true;
        else if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
            fail("unexpected chunk tag at chunk " + std::to_string(chunk));
        else if (clen != fullChunk)
            fail("truncated in chunk " + std::to_string(chunk));
    }
    if (!final)
        fail("truncated: the end marker is missing after chunk " + std::to_string(chunk));
    sodium_memzero(&state, sizeof state);
    plain.resize(outPos);
}

} // namespace

DecryptedCase DecryptCaseFile(std::span<const unsigned char, 32> vaultKey,
                              const VaultIdentity& vault, const std::string& expectedCaseId,
                              std::span<const unsigned char> bytes, const std::string& label,
                              std::string buffer) {
    detail::EnsureSodium();
    const std::string name = Label(label, expectedCaseId);
    ByteReader r(bytes, name);
    DecryptedCase result;
    CaseFileHeader& h = result.header;
    h = ParseHeader(r);
    if (h.vault != vault)
        throw VaultError(VaultError::Kind::Tampered,
                         name + ": belongs to another vault (it was copied in from elsewhere)");
    if (h.chunkSize < kMinChunk || h.chunkSize > kMaxChunk)
        r.Fail("chunk size out of range");
    const std::size_t prefixLen = r.Pos();
    const unsigned char* nonce = r.Raw(kWrapNonce).data();
    const unsigned char* wrapped = r.Raw(kWrapped).data();
    const unsigned char* streamHeader = r.Raw(kStreamHeader).data();
    const std::size_t headerLen = r.Pos();
    static_assert(kHeaderBytes == 172);

    detail::ScratchKey fileKey;
    unsigned long long keyLen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(fileKey.Data(), &keyLen, nullptr, wrapped,
                                                   kWrapped, bytes.data(), prefixLen, nonce,
                                                   vaultKey.data()) != 0 ||
        keyLen != detail::kKeyBytes)
        r.Fail("the header does not authenticate");
    if (!expectedCaseId.empty() && h.caseId != expectedCaseId)
        throw VaultError(VaultError::Kind::Tampered,
                         name + ": holds case " + (detail::IsUuid(h.caseId) ? h.caseId : "?") +
                             " (another case's file was copied over it)");

    StreamState state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, streamHeader, fileKey.Data()) != 0)
        r.Fail("the stream header is invalid");
    fileKey.Wipe();

    result.plaintext = std::move(buffer);
    PullChunks(r, state, bytes.first(headerLen), h.chunkSize, result.plaintext);
    return result;
}

} // namespace kartbok::vault
