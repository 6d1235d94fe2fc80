// vault.key parsing (the first thing Vault::Open reads, before any password is
// tried) on arbitrary bytes, version 1 and 2: a key file whose every field is in
// range (slot count, each slot's KDF limits and their total), or
// VaultError::Damaged, never a crash, a hang, another exception or a leak.
// What it accepts writes back under the fuzz key to a file that parses to the
// same slots and ring and whose MAC checks; its own MAC checks only when it was
// made under the fuzz key (make_fuzz_seeds), else Tampered; a cheap slot fails
// cleanly under a wrong password. Seeds: golden vault.key files and make_fuzz_seeds.
//
// The parser is private to vault/ (vault/src/KeyFile.h); the fuzz CMakeLists
// adds vault/src to the include path for it. Should it move or be renamed, this
// target refuses to run rather than fuzz nothing.
#include "FuzzSupport.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>

#if __has_include("KeyFile.h")
#include "KeyFile.h"

using kartbok::fuzz::Expect;
using kartbok::fuzz::ExpectOnlyVaultErrors;
using kartbok::fuzz::ExpectSuccess;
namespace detail = kartbok::vault::detail;

namespace {

/// Argon2id at the smallest limits takes well under a millisecond; anything
/// bigger would make the fuzzer measure Argon2, not the parser.
bool Cheap(const detail::KeySlot& s) {
    return s.opsLimit <= 2 && s.memLimit <= 64 * 1024;
}

bool SameSlot(const detail::KeySlot& a, const detail::KeySlot& b) {
    return a.kind == b.kind && a.user == b.user && a.salt == b.salt && a.opsLimit == b.opsLimit &&
           a.memLimit == b.memLimit && a.publicKey == b.publicKey && a.nonce == b.nonce &&
           a.wrapped == b.wrapped && a.sealedVaultKey == b.sealedVaultKey;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    return kartbok::fuzz::InitializeTarget(argc, argv);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const unsigned char> bytes(data, size);
    const auto parsed =
        ExpectOnlyVaultErrors([&] { return detail::ParseKeyFile(bytes); }, "ParseKeyFile");
    if (!parsed)
        return 0;
    const detail::KeyFile& kf = *parsed;
    Expect(!kf.slots.empty() && kf.slots.size() <= 16,
           "ParseKeyFile accepted a slot count out of range");
    for (const auto& s : kf.slots) {
        Expect(!s.user.empty() && s.user.size() <= 256,
               "ParseKeyFile accepted a user name out of range");
        ExpectSuccess([&] { detail::CheckKdfLimits(s.opsLimit, s.memLimit); },
                      "ParseKeyFile accepted KDF limits that CheckKdfLimits refuses");
    }
    ExpectSuccess([&] { detail::CheckTotalKdfCost(kf.slots); },
                  "ParseKeyFile accepted slots whose total cost CheckTotalKdfCost refuses");
    Expect(kf.ring.size() == (kf.version == 1 ? 1u : kf.epoch),
           "ParseKeyFile accepted an audit key ring that does not match the epoch");

    const detail::SecureBuffer key(kartbok::fuzz::kVaultKey.data(),
                                   kartbok::fuzz::kVaultKey.size());
    // Its own MAC: fine (made under the fuzz key) or Tampered/Damaged, nothing else.
    if (kf.version >= 2)
        (void)ExpectOnlyVaultErrors(
            [&] {
                detail::CheckKeyFileMac(bytes, key);
                return true;
            },
            "CheckKeyFileMac", kartbok::fuzz::kDamagedOrTampered);
    (void)ExpectOnlyVaultErrors([&] { return detail::UnwrapRing(kf, key).size(); }, "UnwrapRing",
                                kartbok::fuzz::kDamagedOrTampered);

    // Written back under the fuzz key: the same slots and ring, and a MAC that checks.
    if (kf.version >= 2) {
        const detail::Bytes again = detail::WriteKeyFile(kf, key);
        const detail::KeyFile reread =
            ExpectSuccess([&] { return detail::ParseKeyFile(again); },
                          "ParseKeyFile refused what WriteKeyFile wrote");
        Expect(reread.slots.size() == kf.slots.size() && reread.epoch == kf.epoch &&
                   reread.ring.size() == kf.ring.size() &&
                   reread.previousKey.has_value() == kf.previousKey.has_value(),
               "a key file changed between write and read");
        for (std::size_t i = 0; i < kf.slots.size(); ++i)
            Expect(SameSlot(kf.slots[i], reread.slots[i]),
                   "a key slot changed between write and read");
        ExpectSuccess([&] { detail::CheckKeyFileMac(again, key); },
                      "the MAC WriteKeyFile wrote does not check");
    }
    for (const auto& s : kf.slots) {
        if (!Cheap(s))
            continue;
        // Io: out of memory for Argon2; Damaged: the slot's check sum or sealed key.
        const auto opened = ExpectOnlyVaultErrors(
            [&] { return detail::OpenSlot(kf, s, "not the password").has_value(); }, "OpenSlot",
            kartbok::fuzz::kDamagedOrIo);
        Expect(!opened || !*opened, "a slot opened with the wrong password");
    }
    return 0;
}

#else

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::fprintf(stderr,
                 "fuzz_vault_key: vault/src/KeyFile.h (ParseKeyFile) is gone; nothing to fuzz. "
                 "See tests/fuzz/README.md.\n");
    std::exit(1);
}
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) {
    return 0;
}

#endif
