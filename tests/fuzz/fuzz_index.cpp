// index.kbx parsing after decryption (ListCases, FindCaseIdByCode, LoadCase
// read it on every call). The body is only reachable through a valid AEAD tag,
// so this target seals each input as an index body under the fuzz vault key,
// exactly as docs/vault-format.md lays index.kbx out, once as version 2 (with
// checklist progress) and once as version 1, and hands each file to
// ParseIndex: it must give an index that writes back to an equal one, or
// VaultError::Damaged, never a crash, a hang, another exception or a leak.
// The raw input is also parsed as a whole index.kbx. Seeds: index bodies of
// the demo cases (make_fuzz_seeds).
//
// ParseIndex is private to vault/ (vault/src/Index.h); the fuzz CMakeLists
// adds vault/src to the include path for it. Should it move or be renamed,
// this target refuses to run rather than fuzz nothing.
#include "FuzzSupport.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>

#if __has_include("Index.h") && __has_include(<sodium.h>)
#include "Index.h"

#include <sodium.h>

using kartbok::fuzz::Expect;
using kartbok::fuzz::ExpectOnlyVaultErrors;
using kartbok::fuzz::ExpectSuccess;
namespace detail = kartbok::vault::detail;

namespace {

/// An index.kbx holding `body` under the fuzz key: magic, version, reserved,
/// vault id, write counter, nonce, AEAD(body) with bytes 0-35 as associated data.
detail::Bytes Seal(std::span<const unsigned char> body, std::uint64_t counter,
                   std::uint16_t version) {
    detail::ByteWriter w;
    static constexpr unsigned char kMagic[8] = {'K', 'B', 'I', 'N', 'D', 'E', 'X', 0};
    w.Raw(std::span(kMagic));
    w.U16(version);
    w.U16(0);
    const auto vault = kartbok::fuzz::FuzzVault();
    w.Raw(std::span(vault.id));
    w.U64(counter);
    if (version >= 3) {
        w.U32(1);                    // key epoch
        w.Raw(detail::Bytes(16, 0)); // key commitment (not checked by ParseIndex)
        w.U64(0);                    // audit head: count, hash, end, no pending records
        w.Raw(detail::Bytes(32, 0));
        w.U64(0);
        w.U32(0);
    }
    const std::size_t adLen = w.Size();
    unsigned char nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES] = {};
    nonce[0] = static_cast<unsigned char>(counter);
    w.Raw(std::span(nonce));
    detail::Bytes& out = w.Out();
    const std::size_t pos = out.size();
    out.resize(pos + body.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + pos, &clen, body.data(), body.size(),
                                               out.data(), adLen, nullptr, nonce,
                                               kartbok::fuzz::kVaultKey.data());
    out.resize(pos + static_cast<std::size_t>(clen));
    return std::move(out);
}

bool SameEntry(const detail::IndexEntry& a, const detail::IndexEntry& b) {
    const auto& x = a.summary;
    const auto& y = b.summary;
    return x.id == y.id && x.code == y.code && x.status == y.status &&
           x.followUpDue == y.followUpDue && x.lastEntry == y.lastEntry &&
           x.sessions == y.sessions && x.generation == y.generation &&
           x.checklists == y.checklists && a.hash == b.hash;
}

using KindSpan = std::span<const kartbok::fuzz::ErrorKind>;

void Parse(std::span<const unsigned char> file, const detail::SecureBuffer& key, bool sealedHere) {
    // A body sealed here authenticates, so only Damaged; raw bytes may be Tampered.
    const auto parsed = ExpectOnlyVaultErrors(
        [&] { return detail::ParseIndex(file, kartbok::fuzz::FuzzVault(), key); },
        sealedHere ? "ParseIndex (a body sealed under the right key)" : "ParseIndex",
        sealedHere ? KindSpan(kartbok::fuzz::kDamaged)
                   : KindSpan(kartbok::fuzz::kDamagedOrTampered));
    if (!parsed)
        return;
    const detail::Index& index = *parsed;
    for (const auto& e : index.entries) {
        Expect(detail::IsUuid(e.summary.id), "ParseIndex accepted an entry whose id is not a uuid");
        Expect(e.summary.status <= kartbok::journal::CaseStatus::Archived,
               "ParseIndex accepted a bad status");
    }
    const detail::Bytes again = detail::WriteIndex(index, kartbok::fuzz::FuzzVault(), key);
    const detail::Index reread =
        ExpectSuccess([&] { return detail::ParseIndex(again, kartbok::fuzz::FuzzVault(), key); },
                      "an index ParseIndex accepted does not read again after WriteIndex");
    Expect(reread.generation == index.generation && reread.entries.size() == index.entries.size() &&
               reread.head == index.head,
           "an index changed between write and read");
    for (std::size_t i = 0; i < index.entries.size(); ++i)
        Expect(SameEntry(index.entries[i], reread.entries[i]),
               "an index entry changed between write and read");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    return kartbok::fuzz::InitializeTarget(argc, argv);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const unsigned char> bytes(data, size);
    const detail::SecureBuffer key(kartbok::fuzz::kVaultKey.data(),
                                   kartbok::fuzz::kVaultKey.size());
    for (const std::uint16_t version : {3, 2, 1})
        Parse(Seal(bytes, size, version), key, true);
    Parse(bytes, key, false);
    return 0;
}

#else

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::fprintf(stderr, "fuzz_index: vault/src/Index.h (ParseIndex) is gone; nothing to fuzz. "
                         "See tests/fuzz/README.md.\n");
    std::exit(1);
}
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) {
    return 0;
}

#endif
