#pragma once
// Shared by the fuzz targets and make_fuzz_seeds: the fixed vault key and vault
// id the seed files are encrypted under, and one way to report a broken
// contract. Fuzz inputs are random bytes, never client data, so printing what
// went wrong is safe here (it never is in the libraries).

#include "kartbok/vault/CaseFile.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kartbok::fuzz {

/// The vault key of every fuzz seed: fixed, so a seed made by make_fuzz_seeds
/// authenticates in the target and mutations start from valid structure.
inline constexpr std::array<unsigned char, 32> kVaultKey = {
    0x4b, 0x61, 0x72, 0x74, 0x62, 0x6f, 0x6b, 0x20, 0x66, 0x75, 0x7a, 0x7a, 0x20, 0x6b, 0x65, 0x79,
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f};

inline vault::VaultIdentity FuzzVault() {
    vault::VaultIdentity v;
    for (std::size_t i = 0; i < v.id.size(); ++i)
        v.id[i] = static_cast<unsigned char>(0xa0 + i);
    return v;
}

inline std::span<const unsigned char, 32> KeySpan() { return std::span<const unsigned char, 32>(kVaultKey); }

/// A broken contract: say which, then crash so libFuzzer keeps the input.
[[noreturn]] inline void Finding(const char* what) {
    std::fprintf(stderr, "\nFUZZ FINDING: %s\n", what);
    std::fflush(stderr);
    std::abort();
}

inline void Expect(bool ok, const char* what) {
    if (!ok)
        Finding(what);
}

/// Adds -dict=<tests/fuzz/dicts/TARGET.dict> to libFuzzer's flags unless the
/// command line names a dictionary already, so `./kartbok.sh fuzz` uses the
/// format's tokens without knowing about them. Call from LLVMFuzzerInitialize
/// (libFuzzer parses its flags after that call).
inline void UseDefaultDictionary(int* argc, char*** argv, const char* dictFile) {
    for (int i = 1; i < *argc; ++i)
        if (std::string_view((*argv)[i]).starts_with("-dict="))
            return;
    static std::string flag;
    static std::vector<char*> args;
    flag = std::string("-dict=") + dictFile;
    args.assign(*argv, *argv + *argc);
    args.push_back(flag.data());
    args.push_back(nullptr);
    *argc += 1;
    *argv = args.data();
}

} // namespace kartbok::fuzz
