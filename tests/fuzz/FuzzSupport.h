#pragma once
// Shared by the fuzz targets and make_fuzz_seeds: the fixed keys and vault id
// the seed files are made under, one way to report a broken contract, and the
// exception contract every target checks (ExpectOnly...). Fuzz inputs are
// random bytes, never client data, so printing what went wrong is safe here
// (it never is in the libraries).

#include "kartbok/vault/CaseFile.h"
#include "kartbok/vault/Vault.h"

#include <sodium.h>

// The vault's private audit reader (vault/src on the include path).
#if __has_include("Audit.h")
#include "Audit.h"
#define KARTBOK_FUZZ_HAS_AUDIT 1
#else
#define KARTBOK_FUZZ_HAS_AUDIT 0
#endif

#include <array>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
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

inline std::span<const unsigned char, 32> KeySpan() {
    return std::span<const unsigned char, 32>(kVaultKey);
}

/// The audit key pair of every fuzz seed (vault.key holds the public half; the
/// secret half is wrapped under the vault key): fixed, so fuzz_audit can open
/// the records of the audit logs make_fuzz_seeds writes.
struct AuditKeys {
    std::array<unsigned char, crypto_box_PUBLICKEYBYTES> publicKey{};
    std::array<unsigned char, crypto_box_SECRETKEYBYTES> secretKey{};
};

inline AuditKeys FuzzAuditKeys() {
    static_assert(crypto_box_SEEDBYTES == 32);
    std::array<unsigned char, crypto_box_SEEDBYTES> seed = kVaultKey;
    seed[0] ^= 0xa5; // not the vault key itself
    AuditKeys k;
    crypto_box_seed_keypair(k.publicKey.data(), k.secretKey.data(), seed.data());
    return k;
}

/// The audit MAC key of key epoch 1 in every fuzz seed (vault.key version 2
/// keeps it wrapped under the vault key): fixed for the same reason.
inline std::array<unsigned char, 32> FuzzMacKey() {
    static const std::string kWhat = "kartbok fuzz audit mac";
    std::array<unsigned char, 32> mac{};
    crypto_generichash(mac.data(), mac.size(), reinterpret_cast<const unsigned char*>(kWhat.data()),
                       kWhat.size(), kVaultKey.data(), kVaultKey.size());
    return mac;
}

#if KARTBOK_FUZZ_HAS_AUDIT
/// The fuzz audit keys of key epoch 1 (FuzzAuditKeys, FuzzMacKey) as the
/// vault's private audit reader and writer take them (vault/src/Audit.h):
/// fuzz_audit reads with them what make_fuzz_seeds wrote with them.
inline vault::detail::AuditKeys FuzzVaultAuditKeys() {
    const auto pair = FuzzAuditKeys();
    const auto mac = FuzzMacKey();
    vault::detail::AuditKeys k;
    k.epoch = 1;
    k.publicKey = pair.publicKey;
    k.secret = vault::detail::SecureBuffer(pair.secretKey.data(), pair.secretKey.size());
    k.mac = vault::detail::SecureBuffer(mac.data(), mac.size());
    return k;
}
#endif

/// A broken contract: say which, then crash so libFuzzer keeps the input.
[[noreturn]] inline void Finding(const char* what) {
    std::fprintf(stderr, "\nFUZZ FINDING: %s\n", what);
    std::fflush(stderr);
    std::abort();
}

[[noreturn]] inline void Finding(const std::string& what) {
    Finding(what.c_str());
}

inline void Expect(bool ok, const char* what) {
    if (!ok)
        Finding(what);
}

// --- the exception contract ---------------------------------------------------
// Every entry point documents which exception it throws for bad input. A call
// wrapped in ExpectOnly<Error> returns what the function returned, or nullopt
// when it threw that Error; an Error it should not throw (ExpectOnlyVaultErrors:
// a kind it does not document) or any other exception is a finding, with the
// message saying which.

/// What an ExpectOnly call returns for a function returning void.
struct Done {};

template <class Fn>
using ResultOf =
    std::conditional_t<std::is_void_v<std::invoke_result_t<Fn&>>, Done, std::invoke_result_t<Fn&>>;

namespace internal {

template <class Fn> ResultOf<Fn> Call(Fn& fn) {
    if constexpr (std::is_void_v<std::invoke_result_t<Fn&>>) {
        fn();
        return Done{};
    } else {
        return fn();
    }
}

[[noreturn]] inline void Unexpected(const char* what, const char* thrown, const char* message) {
    Finding(std::string(what) + " threw " + thrown + ": " + message);
}

[[noreturn]] inline void Threw(const char* what, const char* message) {
    Finding(std::string(what) + " (it threw: " + message + ")");
}

} // namespace internal

/// Runs fn; nullopt when it threw an Error for which allowed(e) holds.
template <class Error, class Fn, class Allowed>
std::optional<ResultOf<Fn>> ExpectOnly(Fn&& fn, const char* what, Allowed&& allowed) {
    try {
        return internal::Call(fn);
    } catch (const Error& e) {
        if (!std::invoke(allowed, e))
            internal::Unexpected(what, "an error of a kind it does not document", e.what());
        return std::nullopt;
    } catch (const std::exception& e) {
        internal::Unexpected(what, "another exception than it documents", e.what());
    } catch (...) {
        internal::Unexpected(what, "something that is not a std::exception", "?");
    }
}

/// Runs fn; nullopt when it threw any Error.
template <class Error, class Fn> std::optional<ResultOf<Fn>> ExpectOnly(Fn&& fn, const char* what) {
    return ExpectOnly<Error>(std::forward<Fn>(fn), what, [](const Error&) { return true; });
}

using ErrorKind = vault::VaultError::Kind;
inline constexpr std::array<ErrorKind, 1> kDamaged = {ErrorKind::Damaged};
inline constexpr std::array<ErrorKind, 2> kDamagedOrTampered = {ErrorKind::Damaged,
                                                                ErrorKind::Tampered};
inline constexpr std::array<ErrorKind, 1> kTampered = {ErrorKind::Tampered};
inline constexpr std::array<ErrorKind, 1> kIo = {ErrorKind::Io};
inline constexpr std::array<ErrorKind, 2> kDamagedOrIo = {ErrorKind::Damaged, ErrorKind::Io};

/// Runs fn; nullopt when it threw a VaultError of one of `kinds` (Damaged unless
/// said otherwise: what every parser of the vault documents).
template <class Fn>
std::optional<ResultOf<Fn>> ExpectOnlyVaultErrors(Fn&& fn, const char* what,
                                                  std::span<const ErrorKind> kinds = kDamaged) {
    return ExpectOnly<vault::VaultError>(std::forward<Fn>(fn), what,
                                         [kinds](const vault::VaultError& e) {
                                             for (const auto kind : kinds)
                                                 if (e.GetKind() == kind)
                                                     return true;
                                             return false;
                                         });
}

/// Runs fn, which must not throw at all here (a round trip, a file just
/// written, a function documented never to throw): any exception is the
/// finding `what`.
template <class Fn> ResultOf<Fn> ExpectSuccess(Fn&& fn, const char* what) {
    try {
        return internal::Call(fn);
    } catch (const std::exception& e) {
        internal::Threw(what, e.what());
    } catch (...) {
        internal::Threw(what, "something that is not a std::exception");
    }
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

/// Uses the target's dicts/<target>.dict, when CMakeLists.txt found one (it
/// defines KARTBOK_FUZZ_DICT for that target alone: every target is its own
/// program, so this differs between targets on purpose).
inline void UseTargetDictionary(int* argc, char*** argv) {
#ifdef KARTBOK_FUZZ_DICT
    UseDefaultDictionary(argc, argv, KARTBOK_FUZZ_DICT);
#else
    (void)argc;
    (void)argv;
#endif
}

/// The start-up of every target (its LLVMFuzzerInitialize): libsodium ready
/// (the vault's crypto needs it; harmless where unused) and the target's
/// dictionary in use. Returns 0, as LLVMFuzzerInitialize must.
inline int InitializeTarget(int* argc, char*** argv) {
    if (sodium_init() < 0)
        std::abort();
    UseTargetDictionary(argc, argv);
    return 0;
}

} // namespace kartbok::fuzz
