// audit.kbl (version 2 framing, and a kept version 1 part) on arbitrary bytes,
// three ways:
//  1. as it is: ReadAuditBytes never throws, names audit.kbl in every problem
//     (printable ASCII, never record content), returns no more entries than
//     records; WalkAudit's records lie inside the file, in order, without overlap.
//  2. re-framed: the records' sequence, chain and MACs made right under the fuzz
//     keys, so the reader's checks past them are reached; then no sequence,
//     chain or MAC problem may be reported.
//  3. built: entries taken from the bytes, sealed with SealAuditRecord, read back
//     equal and without any problem.
// Private to vault/ (vault/src/Audit.h); the fuzz CMakeLists adds vault/src.
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

std::vector<detail::AuditKeys> Keys() {
    std::vector<detail::AuditKeys> out;
    out.push_back(kartbok::fuzz::FuzzVaultAuditKeys());
    return out;
}

const std::vector<detail::AuditKeys>& TheKeys() {
    static const std::vector<detail::AuditKeys> keys = Keys();
    return keys;
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
        [&] { return detail::ReadAuditBytes(log, kartbok::fuzz::FuzzVault(), TheKeys()); },
        "ReadAuditBytes threw (it reports damage as problems)");
    for (const auto& p : r.problems) {
        Expect(p.starts_with("audit.kbl: "), "a problem does not name audit.kbl");
        Expect(PrintableAscii(p), "a problem holds bytes other than printable ASCII");
    }
    std::uint64_t last = 0;
    for (const auto& f : r.frames) {
        Expect(f.offset >= last && f.offset + f.length <= log.size(),
               "WalkAudit found a record outside the file or overlapping another");
        last = f.offset + f.length;
    }
    Expect(r.end.offset <= log.size(), "the end of the log lies past the file");
    for (const auto& e : r.entries)
        Expect(e.action <= vault::kLastAuditAction, "an entry has an action past kLastAuditAction");
    return r;
}

/// The log with every version 2 record's sequence, chain and MAC made right.
detail::Bytes Reframe(std::span<const unsigned char> log) {
    detail::AuditHeader h;
    try {
        h = detail::ReadAuditHeader(log);
    } catch (const vault::VaultError&) {
        return {};
    }
    if (h.version != 2)
        return {};
    const detail::AuditWalk walk = detail::WalkAudit(log, h.start);
    if (!walk.garbage.empty())
        return {};
    detail::Bytes out(log.begin(), log.begin() + static_cast<std::ptrdiff_t>(h.start.offset));
    detail::Hash prev = h.start.last;
    std::uint64_t seq = h.start.count;
    for (const auto& f : walk.frames) {
        detail::Bytes rec(log.begin() + static_cast<std::ptrdiff_t>(f.offset),
                          log.begin() + static_cast<std::ptrdiff_t>(f.offset + f.length));
        for (int i = 0; i < 8; ++i)
            rec[12 + static_cast<std::size_t>(i)] = static_cast<unsigned char>(seq >> (8 * i));
        rec[28] = 1; // epoch 1
        rec[29] = rec[30] = rec[31] = 0;
        std::memcpy(rec.data() + 32, prev.data(), prev.size());
        if (f.authenticated)
            crypto_generichash(rec.data() + rec.size() - 32, 32, rec.data(), rec.size() - 32,
                               TheKeys()[0].mac.Data(), TheKeys()[0].mac.Size());
        prev = detail::HashBytes(rec);
        ++seq;
        out.insert(out.end(), rec.begin(), rec.end());
    }
    return out;
}

/// Entries from the bytes: an action, then user, case id and detail texts.
std::vector<vault::AuditEntry> EntriesFrom(std::span<const unsigned char> bytes) {
    std::vector<vault::AuditEntry> out;
    std::size_t pos = 0;
    auto text = [&](std::size_t max) {
        const std::size_t n = pos < bytes.size() ? std::min<std::size_t>(bytes[pos++], max) : 0;
        const std::size_t take = std::min(n, bytes.size() - pos);
        std::string s(bytes.begin() + static_cast<std::ptrdiff_t>(pos),
                      bytes.begin() + static_cast<std::ptrdiff_t>(pos + take));
        pos += take;
        return s;
    };
    while (pos < bytes.size() && out.size() < 16) {
        vault::AuditEntry e;
        e.action = static_cast<vault::AuditAction>(bytes[pos++] %
                                                   (static_cast<int>(vault::kLastAuditAction) + 1));
        e.user = text(40);
        e.caseId = text(40);
        e.detail = text(200);
        if (e.detail.rfind(detail::kAuditRestarted, 0) == 0)
            e.detail.clear(); // the reader reports that text on purpose
        e.caseGeneration = pos;
        e.time = 1767225600 + static_cast<std::int64_t>(pos);
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    kartbok::fuzz::InitializeTarget(argc, argv);
    (void)TheKeys();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const unsigned char> bytes(data, size);
    (void)Read(bytes);

    const detail::Bytes reframed = Reframe(bytes);
    if (!reframed.empty()) {
        const auto r = Read(reframed);
        Expect(!Has(r, "sequence number") && !Has(r, "chain is broken") && !Has(r, "MAC fails"),
               "a re-framed log still has sequence, chain or MAC problems");
    }

    // Built from the bytes: every entry reads back as written.
    const auto entries = EntriesFrom(bytes);
    detail::Bytes log = detail::NewAuditLog(kartbok::fuzz::FuzzVault());
    detail::AuditPosition at{log.size(), 0, detail::HashBytes(log)};
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const bool keyed = entries[i].action != vault::AuditAction::UnlockFailed || i % 2 == 0;
        const detail::Bytes rec =
            detail::SealAuditRecord(entries[i], at, keyed ? i : 0, 1, TheKeys()[0].publicKey,
                                    keyed ? &TheKeys()[0].mac : nullptr);
        log.insert(log.end(), rec.begin(), rec.end());
        at = {log.size(), at.count + 1, detail::HashBytes(rec)};
    }
    const auto r = Read(log);
    Expect(r.problems.empty(), "a log SealAuditRecord built reads with problems");
    Expect(r.entries.size() == entries.size(), "a built log lost entries");
    for (std::size_t i = 0; i < entries.size() && i < r.entries.size(); ++i)
        Expect(r.entries[i].user == entries[i].user && r.entries[i].detail == entries[i].detail &&
                   r.entries[i].action == entries[i].action &&
                   r.entries[i].caseGeneration == entries[i].caseGeneration &&
                   r.entries[i].seq == i,
               "an entry changed between seal and read");
    return 0;
}

#else

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::fprintf(stderr, "fuzz_audit: vault/src/Audit.h (ReadAuditBytes) is gone; nothing to "
                         "fuzz. See tests/fuzz/README.md.\n");
    std::exit(1);
}
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) {
    return 0;
}

#endif
