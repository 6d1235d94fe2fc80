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
using kartbok::fuzz::Finding;
using kartbok::vault::VaultError;
namespace detail = kartbok::vault::detail;

namespace {

constexpr std::size_t kReservedAt = 10; // docs/vault-format.md: u16 reserved after the version

/// Argon2id at the smallest limits takes well under a millisecond; anything
/// bigger would make the fuzzer measure Argon2, not the parser.
bool Cheap(const detail::KeySlot& s) { return s.opsLimit <= 2 && s.memLimit <= 64 * 1024; }

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const unsigned char> bytes(data, size);
    detail::KeyFile kf;
    try {
        kf = detail::ParseKeyFile(bytes);
    } catch (const VaultError& e) {
        Expect(e.GetKind() == VaultError::Kind::Damaged, "ParseKeyFile threw a non-Damaged VaultError");
        return 0;
    }
    Expect(!kf.slots.empty() && kf.slots.size() <= 64, "ParseKeyFile accepted a slot count out of range");
    for (const auto& s : kf.slots) {
        Expect(!s.user.empty() && s.user.size() <= 256, "ParseKeyFile accepted a user name out of range");
        try {
            detail::CheckKdfLimits(s.opsLimit, s.memLimit);
        } catch (const VaultError&) {
            Finding("ParseKeyFile accepted KDF limits that CheckKdfLimits refuses");
        }
    }

    // Round trip: every byte but the (unused) reserved field is a field.
    detail::Bytes expected(bytes.begin(), bytes.end());
    expected[kReservedAt] = expected[kReservedAt + 1] = 0;
    Expect(detail::WriteKeyFile(kf) == expected, "WriteKeyFile(ParseKeyFile(x)) differs from x");

    // The fuzz key is not this file's vault key: the audit key must not open.
    const detail::SecureBuffer wrongKey(kartbok::fuzz::kVaultKey.data(), kartbok::fuzz::kVaultKey.size());
    try {
        (void)detail::UnwrapAuditSecret(kf, wrongKey);
        // Possible only for a file made under the fuzz key (make_fuzz_seeds' own).
    } catch (const VaultError& e) {
        Expect(e.GetKind() == VaultError::Kind::Damaged || e.GetKind() == VaultError::Kind::Tampered,
               "UnwrapAuditSecret threw a VaultError other than Damaged/Tampered");
    }
    for (const auto& s : kf.slots) {
        if (!Cheap(s))
            continue;
        detail::SecureBuffer key;
        try {
            (void)detail::OpenSlot(kf, s, "not the password", key);
        } catch (const VaultError& e) {
            Expect(e.GetKind() == VaultError::Kind::Io, "OpenSlot threw something else than Io (out of memory)");
        }
    }
    return 0;
}

#else

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::fprintf(stderr, "fuzz_vault_key: vault/src/KeyFile.h (ParseKeyFile) is gone; nothing to fuzz. "
                         "See tests/fuzz/README.md.\n");
    std::exit(1);
}
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }

#endif
