// vault.key parsing (the first thing Vault::Open reads, before any password is
// tried) on arbitrary bytes: a key file whose every field is in range, or
// VaultError::Damaged, never a crash, a hang, another exception or a leak.
// What it accepts must write back to the same bytes (nothing dropped, nothing
// invented), and its audit key and any cheap slot must fail cleanly under a
// wrong key. Seeds: tests/data/vault/v1/vault.key and make_fuzz_seeds.
//
// The parser is private to vault/ (vault/src/KeyFile.h: ParseKeyFile); the
// fuzz CMakeLists adds vault/src to the include path for it. Should it move or
// be renamed, this target refuses to run rather than fuzz nothing.
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

constexpr std::size_t kReservedAt = 10; // docs/vault-format.md: u16 reserved after the version

/// Argon2id at the smallest limits takes well under a millisecond; anything
/// bigger would make the fuzzer measure Argon2, not the parser.
bool Cheap(const detail::KeySlot& s) {
    return s.opsLimit <= 2 && s.memLimit <= 64 * 1024;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const unsigned char> bytes(data, size);
    const auto parsed =
        ExpectOnlyVaultErrors([&] { return detail::ParseKeyFile(bytes); }, "ParseKeyFile");
    if (!parsed)
        return 0;
    const detail::KeyFile& kf = *parsed;
    Expect(!kf.slots.empty() && kf.slots.size() <= 64,
           "ParseKeyFile accepted a slot count out of range");
    for (const auto& s : kf.slots) {
        Expect(!s.user.empty() && s.user.size() <= 256,
               "ParseKeyFile accepted a user name out of range");
        ExpectSuccess([&] { detail::CheckKdfLimits(s.opsLimit, s.memLimit); },
                      "ParseKeyFile accepted KDF limits that CheckKdfLimits refuses");
    }

    // Round trip: every byte but the (unused) reserved field is a field.
    detail::Bytes expected(bytes.begin(), bytes.end());
    expected[kReservedAt] = expected[kReservedAt + 1] = 0;
    Expect(detail::WriteKeyFile(kf) == expected, "WriteKeyFile(ParseKeyFile(x)) differs from x");

    // The fuzz key is not this file's vault key: the audit key must not open.
    const detail::SecureBuffer wrongKey(kartbok::fuzz::kVaultKey.data(),
                                        kartbok::fuzz::kVaultKey.size());
    // Opens only for a file made under the fuzz key (make_fuzz_seeds' own).
    (void)ExpectOnlyVaultErrors([&] { return detail::UnwrapAuditSecret(kf, wrongKey); },
                                "UnwrapAuditSecret", kartbok::fuzz::kDamagedOrTampered);
    for (const auto& s : kf.slots) {
        if (!Cheap(s))
            continue;
        detail::SecureBuffer key;
        // Io only: out of memory for Argon2.
        (void)ExpectOnlyVaultErrors(
            [&] { return detail::OpenSlot(kf, s, "not the password", key); }, "OpenSlot",
            kartbok::fuzz::kIo);
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
