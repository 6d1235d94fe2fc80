// Case file decryption (Vault::LoadCase, vault verify) on arbitrary bytes: the
// result is the plaintext of an authentic file, or VaultError Damaged/Tampered
// (CaseFile.h), never a crash, a hang, another exception or a leak. The input
// is also used as a plaintext: encrypting it and decrypting the file must give
// it back exactly, and any cut or flipped bit of that file must be refused.
// Seeds (seeds/fuzz_case_decrypt) are real case files made by make_fuzz_seeds
// under FuzzSupport.h's fixed key, so mutations start from valid structure.
#include "FuzzSupport.h"

#include "kartbok/vault/CaseFile.h"
#include "kartbok/vault/Vault.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

using kartbok::fuzz::Expect;
using kartbok::fuzz::ExpectOnlyVaultErrors;
using kartbok::fuzz::ExpectSuccess;
using kartbok::fuzz::Finding;
using kartbok::fuzz::FuzzVault;
using kartbok::fuzz::kDamagedOrTampered;
using kartbok::fuzz::KeySpan;
namespace vault = kartbok::vault;

namespace {

constexpr const char* kCaseId = "00000000-0000-4000-8000-00000000f022";
constexpr const char* kOtherId = "00000000-0000-4000-8000-0000000000aa";

/// Decrypts bytes that must be refused (Damaged or Tampered).
void ExpectRefused(std::span<const unsigned char> bytes, const char* what) {
    if (ExpectOnlyVaultErrors(
            [&] {
                return vault::DecryptCaseFile(KeySpan(), FuzzVault(), kCaseId, bytes, "fuzz.kbc");
            },
            "DecryptCaseFile (a changed case file)", kDamagedOrTampered))
        Finding(what);
}

void AsCaseFile(std::span<const unsigned char> bytes) {
    (void)ExpectOnlyVaultErrors([&] { return vault::ReadCaseFileHeader(bytes, "fuzz.kbc"); },
                                "ReadCaseFileHeader");
    const auto d = ExpectOnlyVaultErrors(
        [&] { return vault::DecryptCaseFile(KeySpan(), FuzzVault(), {}, bytes, "fuzz.kbc"); },
        "DecryptCaseFile", kDamagedOrTampered);
    if (!d)
        return;
    // Only seeds (or a forgery, which would be a finding of its own) get here.
    Expect(d->plaintext.size() <= bytes.size(), "the plaintext is longer than the file");
    (void)ExpectSuccess(
        [&] {
            return vault::DecryptCaseFile(KeySpan(), FuzzVault(), d->header.caseId, bytes,
                                          "fuzz.kbc");
        },
        "an authentic file is refused when asked for the case id it holds");
    if (d->header.caseId != kOtherId &&
        ExpectOnlyVaultErrors(
            [&] {
                return vault::DecryptCaseFile(KeySpan(), FuzzVault(), kOtherId, bytes, "fuzz.kbc");
            },
            "DecryptCaseFile (another case's file; only Tampered)", kartbok::fuzz::kTampered))
        Finding("a file holding another case was accepted");
    (void)ExpectOnlyVaultErrors([&] { return vault::DeserializeCase(d->plaintext, "fuzz.kbc"); },
                                "DeserializeCase");
}

void AsPlaintext(std::span<const unsigned char> bytes) {
    const std::string plain(bytes.begin(), bytes.end());
    // Small chunks, so a few hundred bytes of input already make many chunks
    // and every boundary case (empty last chunk, exact multiples) comes up.
    const std::size_t chunk = 64 + (bytes.empty() ? 0 : bytes[0]) * 4u;
    const std::uint64_t generation = bytes.size() + 1;
    std::vector<unsigned char> file =
        vault::EncryptCaseFile(KeySpan(), FuzzVault(), kCaseId, generation, plain, chunk);

    const vault::DecryptedCase d = ExpectSuccess(
        [&] { return vault::DecryptCaseFile(KeySpan(), FuzzVault(), kCaseId, file, "fuzz.kbc"); },
        "a file EncryptCaseFile just wrote does not decrypt");
    Expect(d.plaintext == plain, "decrypting gave other bytes than were encrypted");
    Expect(d.header.caseId == kCaseId && d.header.generation == generation &&
               d.header.chunkSize == chunk && d.header.vault == FuzzVault() &&
               d.header.version == vault::kCaseFormatVersion,
           "the decrypted header differs from what was written");

    // A cut anywhere (header, mid-chunk, exactly at a chunk boundary) is refused.
    const std::size_t salt = bytes.size() > 2 ? bytes[1] * 256u + bytes[2] : bytes.size();
    const std::size_t cut = salt % file.size();
    ExpectRefused(std::span<const unsigned char>(file.data(), cut), "a cut case file was accepted");
    const std::size_t fullChunk = chunk + 17;
    if (file.size() > 172 + fullChunk)
        ExpectRefused(std::span<const unsigned char>(file.data(), 172 + fullChunk),
                      "a case file cut at a chunk boundary was accepted");

    // One flipped bit anywhere is refused.
    std::vector<unsigned char> flipped = file;
    flipped[(salt * 7 + 3) % flipped.size()] ^= static_cast<unsigned char>(1u << (salt % 8));
    ExpectRefused(flipped, "a case file with a flipped bit was accepted");

    // Anything appended after the end marker is refused.
    std::vector<unsigned char> longer = file;
    longer.push_back(bytes.empty() ? 0 : bytes.back());
    ExpectRefused(longer, "a case file with bytes after its end was accepted");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    return kartbok::fuzz::InitializeTarget(argc, argv);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const unsigned char> bytes(data, size);
    AsCaseFile(bytes);
    AsPlaintext(bytes);
    return 0;
}
