// audit.kbl reading (Vault::ReadAudit, Verify) on arbitrary bytes. The reader
// never throws for damage: it returns the records it could open and one
// problem line per fault ("audit.kbl: record 3 ..."), naming records by number
// and never their content, so the problems stay printable ASCII and bounded
// (at most 4 per record plus 2 for the file), and with no problem at all every
// record was read in order (seq i at place i). An exception, a crash, a hang
// or a leak is a finding.
//
// Records are sealed (crypto_box_seal), so mutated records almost never open.
// Each input is therefore read twice: as a whole audit.kbl, and as an
// *unsealed* log (header, then u32 length + record plaintext) that this target
// seals under FuzzSupport.h's audit key after filling in each record's
// previous-record hash and, when it says "authenticated", its MAC, exactly as
// docs/vault-format.md lays them out. Read that way no record may fail to
// decrypt, break the chain or have a bad MAC. Seeds: a log of a few records
// made by AppendAudit, and its unsealed twin (make_fuzz_seeds).
//
// ReadAuditBytes is private to vault/ (vault/src/Audit.h); the fuzz CMakeLists
// adds vault/src to the include path for it. Should it move or be renamed, this
// target refuses to run rather than fuzz nothing.
#include "FuzzSupport.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#if __has_include("Audit.h") && __has_include("Bytes.h")
#include "Audit.h"
#include "Bytes.h"

#include <sodium.h>

using kartbok::fuzz::Expect;
using kartbok::fuzz::ExpectSuccess;
namespace detail = kartbok::vault::detail;
namespace vault = kartbok::vault;

namespace {

// docs/vault-format.md, audit.kbl
constexpr std::size_t kHeader = 28;
constexpr std::size_t kMaxRecord = 64 * 1024;
constexpr unsigned char kMagic[8] = {'K', 'B', 'A', 'U', 'D', 'I', 'T', 0};
constexpr std::size_t kPrevAt = 8;      // u64 seq, then the previous hash
constexpr std::size_t kMacTrailer = 33; // u8 authenticated, 32-byte MAC
/// Records sealed per input: sealing is an X25519 exchange, the slow part.
constexpr std::size_t kMaxSealed = 64;

struct Keys {
    kartbok::fuzz::AuditKeys pair = kartbok::fuzz::FuzzAuditKeys();
    detail::SecureBuffer secret{pair.secretKey.data(), pair.secretKey.size()};
    detail::SecureBuffer mac = detail::DeriveAuditMacKey(
        detail::SecureBuffer(kartbok::fuzz::kVaultKey.data(), kartbok::fuzz::kVaultKey.size()));
};

const Keys& TheKeys() {
    static const Keys keys;
    return keys;
}

std::uint32_t U32At(std::span<const unsigned char> b, std::size_t pos) {
    return static_cast<std::uint32_t>(b[pos]) | static_cast<std::uint32_t>(b[pos + 1]) << 8 |
           static_cast<std::uint32_t>(b[pos + 2]) << 16 |
           static_cast<std::uint32_t>(b[pos + 3]) << 24;
}

/// Whole records as the format frames them; 0 when the header is not one.
std::size_t CountRecords(std::span<const unsigned char> log) {
    if (log.size() < kHeader || std::memcmp(log.data(), kMagic, sizeof kMagic) != 0)
        return 0;
    std::size_t pos = kHeader, n = 0;
    while (log.size() - pos >= 4) {
        const std::uint32_t len = U32At(log, pos);
        if (len > kMaxRecord || len > log.size() - pos - 4)
            break;
        pos += 4 + len;
        ++n;
    }
    return n;
}

/// The unsealed log `input` as a real one: each plaintext gets the hash of the
/// record before it and, when marked authenticated, a right MAC, and is sealed.
/// An incomplete last frame stays as it is (a torn record).
detail::Bytes SealAll(std::span<const unsigned char> input) {
    detail::Bytes out(input.begin(), input.begin() + kHeader);
    detail::Hash prev = detail::HashBytes(out);
    std::size_t pos = kHeader;
    for (std::size_t sealed = 0; input.size() - pos >= 4; ++sealed) {
        const std::uint32_t len = U32At(input, pos);
        if (len > input.size() - pos - 4)
            break;
        if (sealed == kMaxSealed)
            return out;
        detail::Bytes plain(input.begin() + static_cast<std::ptrdiff_t>(pos + 4),
                            input.begin() + static_cast<std::ptrdiff_t>(pos + 4 + len));
        pos += 4 + len;
        if (plain.size() >= kPrevAt + prev.size())
            std::memcpy(plain.data() + kPrevAt, prev.data(), prev.size());
        if (plain.size() >= kPrevAt + prev.size() + kMacTrailer &&
            plain[plain.size() - kMacTrailer] == 1) {
            const std::size_t bodyLen = plain.size() - kMacTrailer;
            crypto_generichash(plain.data() + bodyLen + 1, 32, plain.data(), bodyLen,
                               TheKeys().mac.Data(), TheKeys().mac.Size());
        }
        detail::ByteWriter rec;
        rec.U32(static_cast<std::uint32_t>(plain.size() + crypto_box_SEALBYTES));
        detail::Bytes& bytes = rec.Out();
        bytes.resize(4 + plain.size() + crypto_box_SEALBYTES);
        crypto_box_seal(bytes.data() + 4, plain.data(), plain.size(),
                        TheKeys().pair.publicKey.data());
        prev = detail::HashBytes(bytes);
        out.insert(out.end(), bytes.begin(), bytes.end());
    }
    out.insert(out.end(), input.begin() + static_cast<std::ptrdiff_t>(pos), input.end());
    return out;
}

bool PrintableAscii(std::string_view s) {
    for (const char c : s)
        if (c < 0x20 || c > 0x7e)
            return false;
    return true;
}

bool Has(const detail::AuditReadResult& r, std::string_view text) {
    for (const auto& p : r.problems)
        if (p.find(text) != std::string::npos)
            return true;
    return false;
}

detail::AuditReadResult Read(std::span<const unsigned char> log) {
    const detail::AuditReadResult r = ExpectSuccess(
        [&] {
            return detail::ReadAuditBytes(log, kartbok::fuzz::FuzzVault(), TheKeys().pair.publicKey,
                                          TheKeys().secret, TheKeys().mac);
        },
        "ReadAuditBytes threw (it reports damage as problems)");
    const std::size_t records = CountRecords(log);
    for (const auto& p : r.problems) {
        Expect(p.starts_with("audit.kbl: "), "a problem does not name audit.kbl");
        Expect(PrintableAscii(p),
               "a problem holds bytes other than printable ASCII (record content?)");
    }
    Expect(r.problems.size() <= 4 * records + 2,
           "more problems than 4 per record and 2 for the file");
    Expect(r.entries.size() <= records, "more entries than records");
    for (const auto& e : r.entries) {
        Expect(e.action <= vault::kLastAuditAction, "an entry has an action past kLastAuditAction");
        Expect(e.user.size() <= 4096 && e.caseId.size() <= 4096 && e.detail.size() <= kMaxRecord,
               "an entry has a field longer than the reader allows");
    }
    if (r.problems.empty()) {
        Expect(r.entries.size() == records, "a log without problems lost records");
        for (std::size_t i = 0; i < r.entries.size(); ++i)
            Expect(r.entries[i].seq == i, "a log without problems has an entry out of sequence");
    }
    return r;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    if (sodium_init() < 0)
        std::abort();
    (void)TheKeys();
    kartbok::fuzz::UseTargetDictionary(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const unsigned char> bytes(data, size);
    (void)Read(bytes);
    if (size < kHeader)
        return 0;
    const detail::Bytes sealed = SealAll(bytes);
    const detail::AuditReadResult r = Read(sealed);
    Expect(!Has(r, "does not decrypt"), "a record sealed under the audit key does not decrypt");
    Expect(!Has(r, "does not follow the record before it"),
           "a chain made as the format says is broken");
    Expect(!Has(r, "was not written by a holder of the vault key"),
           "a MAC made as the format says is refused");
    return 0;
}

#else

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::fprintf(stderr, "fuzz_audit: vault/src/Audit.h (ReadAuditBytes) is gone; nothing to fuzz. "
                         "See tests/fuzz/README.md.\n");
    std::exit(1);
}
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) {
    return 0;
}

#endif
