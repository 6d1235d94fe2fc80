// The anchor between index.kbx and audit.kbl on arbitrary bytes: the input is
// u32 n, n bytes of an index file, then an audit log.
//  - ParseIndexHeader (read without any key, also by a failed unlock) throws
//    only VaultError::Damaged, and what it accepts keeps the head inside bounds;
//  - an index written with a head taken from the input (count, hash, end, and
//    pending records = the log's first bytes) reads back with the same head,
//    from the clear header and through ParseIndex under the fuzz key;
//  - walking the log from the header's start keeps every record inside the
//    file, in order, and the end of the last good record where the next append goes.
// Private to vault/ (vault/src/Index.h, Audit.h); the fuzz CMakeLists adds vault/src.
#include "FuzzSupport.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>

#if __has_include("Index.h") && __has_include("Audit.h")
#include "Audit.h"
#include "Index.h"

#include <sodium.h>

using kartbok::fuzz::Expect;
using kartbok::fuzz::ExpectOnlyVaultErrors;
using kartbok::fuzz::ExpectSuccess;
namespace detail = kartbok::vault::detail;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    return kartbok::fuzz::InitializeTarget(argc, argv);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const unsigned char> input(data, size);
    if (input.size() < 4)
        return 0;
    const std::size_t n = std::min<std::size_t>(
        input.size() - 4, static_cast<std::size_t>(input[0] | input[1] << 8 | input[2] << 16));
    const auto index = input.subspan(4, n);
    const auto log = input.subspan(4 + n);

    if (const auto header = ExpectOnlyVaultErrors([&] { return detail::ParseIndexHeader(index); },
                                                  "ParseIndexHeader")) {
        Expect(header->version < 3 || header->head.end >= header->head.pending.size(),
               "ParseIndexHeader accepted an audit head ending before its own records");
    }

    // A head from the input, written and read back.
    const detail::SecureBuffer key(kartbok::fuzz::kVaultKey.data(),
                                   kartbok::fuzz::kVaultKey.size());
    detail::Index made;
    made.generation = size;
    made.epoch = 1 + static_cast<std::uint32_t>(size % 7);
    made.head.count = n;
    made.head.pending.assign(
        log.begin(),
        log.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(log.size(), 4096)));
    made.head.end = made.head.pending.size() + (size % 1000);
    for (std::size_t i = 0; i < made.head.last.size() && i < index.size(); ++i)
        made.head.last[i] = index[i];
    const detail::Bytes file = detail::WriteIndex(made, kartbok::fuzz::FuzzVault(), key);
    const detail::Index clear = ExpectSuccess([&] { return detail::ParseIndexHeader(file); },
                                              "ParseIndexHeader refused what WriteIndex wrote");
    Expect(clear.head == made.head && clear.generation == made.generation &&
               clear.epoch == made.epoch,
           "the audit head changed between write and the clear header");
    const detail::Index full =
        ExpectSuccess([&] { return detail::ParseIndex(file, kartbok::fuzz::FuzzVault(), key); },
                      "ParseIndex refused what WriteIndex wrote");
    Expect(full.head == made.head, "the audit head changed between write and read");

    // The log walked from where its header says the records start.
    detail::AuditPosition start;
    if (const auto h =
            ExpectOnlyVaultErrors([&] { return detail::ReadAuditHeader(log); }, "ReadAuditHeader"))
        start = h->start;
    if (start.offset > log.size())
        return 0;
    const detail::AuditWalk walk =
        ExpectSuccess([&] { return detail::WalkAudit(log, start); }, "WalkAudit threw");
    std::uint64_t last = start.offset;
    for (const auto& f : walk.frames) {
        Expect(f.offset >= last && f.offset + f.length <= log.size(),
               "WalkAudit found a record outside the log or overlapping another");
        last = f.offset + f.length;
    }
    Expect(walk.end.offset == last, "the end of the last good record is not where the walk ended");
    Expect(walk.end.offset + walk.tornBytes <= log.size(), "a torn tail longer than the log");
    for (const auto& [at, len] : walk.garbage)
        Expect(at + len <= log.size(), "damaged bytes reported past the end of the log");
    return 0;
}

#else

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::fprintf(stderr, "fuzz_anchor: vault/src/Index.h or Audit.h is gone; nothing to fuzz. "
                         "See tests/fuzz/README.md.\n");
    std::exit(1);
}
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) {
    return 0;
}

#endif
