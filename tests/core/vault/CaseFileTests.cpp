// The case file on its own (no folder, no Argon2): every kind of damage is
// refused with one line naming the file, and nothing is parsed before the
// whole stream authenticates.

#include "VaultTestSupport.h"

#include "kartbok/vault/CaseFile.h"

#include <sodium.h>

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

namespace {

const std::string kId = "6f1d3c2b-8a7e-4d5c-b3a2-1f0e9d8c7b6a";
const std::string kOtherId = "11111111-2222-4333-8444-555555555555";
constexpr std::size_t kHeader = 172; // docs/vault-format.md: clear header of a case file
constexpr std::size_t kTag = 17;     // secretstream ABYTES

struct Keys {
    std::array<unsigned char, 32> key{};
    VaultIdentity vault;
    Keys() {
        randombytes_buf(key.data(), key.size());
        randombytes_buf(vault.id.data(), vault.id.size());
    }
    std::span<const unsigned char, 32> Key() const { return key; }
};

std::string DamagedMessage(const Keys& k, const Bytes& bytes, const std::string& id = kId) {
    return ExpectVaultError(VaultError::Kind::Damaged,
                            [&] { DecryptCaseFile(k.Key(), k.vault, id, bytes); });
}

} // namespace

TEST_CASE("a case file round-trips through encrypt and decrypt", "[vault]") {
    REQUIRE(sodium_init() >= 0);
    Keys k;
    const journal::Case c = RichCase(kId);
    const std::string plain = SerializeCase(c);
    const Bytes file = EncryptCaseFile(k.Key(), k.vault, kId, 7, plain);
    const CaseFileHeader h = ReadCaseFileHeader(file, "x.kbc");
    CHECK(h.version == kCaseFormatVersion);
    CHECK(h.caseId == kId);
    CHECK(h.generation == 7);
    CHECK(h.vault == k.vault);
    CHECK(h.chunkSize == kCaseChunkSize);
    const DecryptedCase d = DecryptCaseFile(k.Key(), k.vault, kId, file);
    CHECK(d.plaintext == plain);
    CHECK(DeserializeCase(d.plaintext) == c);

    // A fresh per-file key and nonce every time: the same case never encrypts the same.
    const Bytes again = EncryptCaseFile(k.Key(), k.vault, kId, 7, plain);
    CHECK(again.size() == file.size());
    CHECK(again != file);
    CHECK(!std::equal(file.begin() + 76, file.begin() + 148, again.begin() + 76));
}

TEST_CASE("empty plaintext and exact multiples of the chunk size round-trip", "[vault]") {
    Keys k;
    for (std::size_t n :
         {std::size_t{0}, std::size_t{1}, std::size_t{64}, std::size_t{128}, std::size_t{129}}) {
        const std::string plain(n, 'x');
        const Bytes file = EncryptCaseFile(k.Key(), k.vault, kId, 1, plain, 64);
        CHECK(file.size() == kHeader + n + std::max<std::size_t>(1, (n + 63) / 64) * kTag);
        CHECK(DecryptCaseFile(k.Key(), k.vault, kId, file).plaintext == plain);
    }
}

TEST_CASE("a truncated case file is damaged wherever it is cut", "[vault]") {
    Keys k;
    // Many chunks at the real chunk size: a case of about 300 KiB.
    const std::string plain = SerializeCase(RichCase(kId, kCode, 60, 5000));
    REQUIRE(plain.size() > 4 * kCaseChunkSize);
    const Bytes file = EncryptCaseFile(k.Key(), k.vault, kId, 1, plain);
    const std::size_t chunk = kCaseChunkSize + kTag;

    SECTION("empty") {
        CHECK(DamagedMessage(k, {}) == kId + ".kbc: damaged (the file is empty)");
    }
    SECTION("inside the header") {
        for (std::size_t n : {1, 7, 8, 20, 50, 100, 171})
            CHECK(DamagedMessage(k, Bytes(file.begin(), file.begin() + static_cast<long>(n)))
                      .rfind(kId + ".kbc: damaged", 0) == 0);
    }
    SECTION("right after the header") {
        CheckCleanMessage(DamagedMessage(k, Bytes(file.begin(), file.begin() + kHeader)));
    }
    SECTION("mid-chunk") {
        const Bytes cut(file.begin(), file.begin() + static_cast<long>(kHeader + chunk + 1000));
        const std::string msg = DamagedMessage(k, cut);
        CHECK(msg == kId + ".kbc: damaged (authentication failed at chunk 2)");
    }
    SECTION("exactly at a chunk boundary") {
        const Bytes cut(file.begin(), file.begin() + static_cast<long>(kHeader + 3 * chunk));
        const std::string msg = DamagedMessage(k, cut);
        CHECK(msg == kId + ".kbc: damaged (truncated: the end marker is missing after chunk 3)");
    }
    SECTION("one byte short") {
        const Bytes cut(file.begin(), file.end() - 1);
        CHECK(DamagedMessage(k, cut).find("authentication failed at chunk") != std::string::npos);
    }
}

TEST_CASE("bytes after the final chunk are refused", "[vault]") {
    Keys k;
    Bytes file = EncryptCaseFile(k.Key(), k.vault, kId, 1, SerializeCase(RichCase(kId)));
    file.push_back(0);
    // The stray byte joins the last (short) chunk, which then fails.
    CHECK(DamagedMessage(k, file).rfind(kId + ".kbc: damaged (authentication failed at chunk", 0) ==
          0);
    // After a full final chunk, a whole copied chunk is reported as trailing data.
    Bytes more = EncryptCaseFile(k.Key(), k.vault, kId, 1, std::string(256, 'a'), 64);
    const Bytes last(more.end() - 81, more.end());
    more.insert(more.end(), last.begin(), last.end());
    CHECK(DamagedMessage(k, more) ==
          kId + ".kbc: damaged (data after the end of the case, after chunk 4)");
}

TEST_CASE("flipping any single bit of a case file is detected", "[vault]") {
    Keys k;
    journal::Case small;
    small.id = kId;
    small.code = kCode;
    small.family.people.push_back({});
    const std::string plain = SerializeCase(small);
    const Bytes file = EncryptCaseFile(k.Key(), k.vault, kId, 3, plain, 64);
    REQUIRE(file.size() > kHeader + 2 * (64 + kTag)); // several chunks
    std::size_t flips = 0;
    for (std::size_t i = 0; i < file.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            Bytes bad = file;
            bad[i] ^= static_cast<unsigned char>(1u << bit);
            try {
                (void)DecryptCaseFile(k.Key(), k.vault, kId, bad);
                FAIL("bit " << bit << " of byte " << i << " flipped unnoticed");
            } catch (const VaultError& e) {
                const std::string msg = e.what();
                // Damaged, or (flip in the vault id) "belongs to another vault".
                REQUIRE((e.GetKind() == VaultError::Kind::Damaged ||
                         (e.GetKind() == VaultError::Kind::Tampered && i >= 12 && i < 28)));
                REQUIRE(msg.rfind(kId + ".kbc: ", 0) == 0);
                REQUIRE(msg.find('\n') == std::string::npos);
            }
            ++flips;
        }
    }
    CHECK(flips == file.size() * 8);
}

TEST_CASE("reordered chunks fail authentication", "[vault]") {
    Keys k;
    const std::string plain(64 * 5, 'q');
    Bytes file = EncryptCaseFile(k.Key(), k.vault, kId, 1, plain, 64);
    const std::size_t chunk = 64 + kTag;
    std::swap_ranges(file.begin() + static_cast<long>(kHeader + chunk),
                     file.begin() + static_cast<long>(kHeader + 2 * chunk),
                     file.begin() + static_cast<long>(kHeader + 2 * chunk));
    CHECK(DamagedMessage(k, file) == kId + ".kbc: damaged (authentication failed at chunk 2)");
}

TEST_CASE("a header from one file with the body of another is refused", "[vault]") {
    Keys k;
    const Bytes a = EncryptCaseFile(k.Key(), k.vault, kId, 2, SerializeCase(RichCase(kId)));
    const Bytes b =
        EncryptCaseFile(k.Key(), k.vault, kId, 2, SerializeCase(RichCase(kId, "OTHER")));
    REQUIRE(a.size() > kHeader);
    Bytes spliced = b;                                // body of b ...
    std::copy_n(a.begin(), kHeader, spliced.begin()); // ... under the header of a
    CHECK(DamagedMessage(k, spliced) == kId + ".kbc: damaged (authentication failed at chunk 1)");
}

TEST_CASE("a case file names its vault and its case", "[vault]") {
    Keys k, other;
    const Bytes file = EncryptCaseFile(k.Key(), k.vault, kOtherId, 1, "x");
    const std::string msg = ExpectVaultError(VaultError::Kind::Tampered,
                                             [&] { DecryptCaseFile(k.Key(), k.vault, kId, file); });
    CHECK(msg ==
          kId + ".kbc: holds case " + kOtherId + " (another case's file was copied over it)");
    const std::string foreign = ExpectVaultError(VaultError::Kind::Tampered, [&] {
        DecryptCaseFile(other.Key(), other.vault, kOtherId, file);
    });
    CHECK(foreign.find("belongs to another vault") != std::string::npos);
    // The right vault id but the wrong key (vault id forged into a header): damaged.
    CHECK(ExpectVaultError(VaultError::Kind::Damaged, [&] {
              DecryptCaseFile(other.Key(), k.vault, kOtherId, file);
          }).find("does not authenticate") != std::string::npos);
}
