// <uuid>.lock parsing (TryLockCase reads the lock of whoever holds a case,
// ReleaseLock its own) on arbitrary text: a LockInfo or nothing, never a crash
// or an exception. What ParseLock accepts, FormatLock writes back to a lock
// that parses to the same fields; its user and host are one line without
// control characters and at most 256 bytes, so DescribeHolder, whose text ends
// up in a message, never carries a terminal escape. The input is also used as
// the fields of a lock: whatever user and host FormatLock is given, it writes
// one line per field, which ParseLock reads back. Seeds: lock files as FormatLock writes
// them (make_fuzz_seeds).
//
// The parser is private to vault/ (vault/src/Lock.h); the fuzz CMakeLists adds
// vault/src to the include path for it. Should it move or be renamed, this
// target refuses to run rather than fuzz nothing.
#include "FuzzSupport.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#if __has_include("Lock.h")
#include "Lock.h"

using kartbok::fuzz::Expect;
using kartbok::fuzz::ExpectSuccess;
namespace detail = kartbok::vault::detail;

namespace {

constexpr std::size_t kMaxField = 256; // user and host, as Lock.cpp keeps them

/// No C0 control, DEL or UTF-8 encoded C1 control: nothing a terminal acts on.
bool NoControls(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f)
            return false;
        if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 1]) <= 0x9f)
            return false;
    }
    return true;
}

bool Same(const detail::LockInfo& a, const detail::LockInfo& b) {
    return a.user == b.user && a.host == b.host && a.pid == b.pid && a.start == b.start &&
           a.since == b.since && a.refreshed == b.refreshed && a.token == b.token &&
           a.program == b.program;
}

std::optional<detail::LockInfo> Parse(const std::string& text) {
    return ExpectSuccess([&] { return detail::ParseLock(text); },
                         "ParseLock threw (an unreadable lock must give nothing)");
}

void CheckDescription(const detail::LockInfo& l) {
    const std::string d =
        ExpectSuccess([&] { return detail::DescribeHolder(l); }, "DescribeHolder threw");
    Expect(NoControls(d), "DescribeHolder put a control character into the message");
    Expect(d.size() <= 2 * kMaxField + 128,
           "DescribeHolder made a message longer than its fields allow");
}

/// Writes `l` and reads it back: the numbers as they were, user and host as
/// they were when clean (cleaned otherwise), and writing again changes nothing.
void RoundTrip(const detail::LockInfo& l) {
    const std::string text = detail::FormatLock(l);
    // Six lines, and one more for each optional field that is set.
    const long lines = 6 + (l.refreshed != 0) + !l.token.empty() + !l.program.empty();
    Expect(std::count(text.begin(), text.end(), '\n') == lines,
           "FormatLock wrote other than one line per field");
    const auto again = Parse(text);
    Expect(again.has_value(), "a lock FormatLock wrote does not parse");
    Expect(again->pid == l.pid && again->start == l.start && again->since == l.since,
           "a number changed between FormatLock and ParseLock");
    Expect(again->user.size() <= kMaxField && again->host.size() <= kMaxField &&
               NoControls(again->user) && NoControls(again->host),
           "ParseLock kept a user or host that is too long or holds a control character");
    if (l.user.size() <= kMaxField && NoControls(l.user))
        Expect(again->user == l.user, "a clean user name changed between FormatLock and ParseLock");
    if (l.host.size() <= kMaxField && NoControls(l.host))
        Expect(again->host == l.host, "a clean host name changed between FormatLock and ParseLock");
    const auto third = Parse(detail::FormatLock(*again));
    Expect(third.has_value() && Same(*again, *third),
           "a lock changed between FormatLock and ParseLock");
}

template <class T> T Take(std::string_view& in) {
    T v{};
    const std::size_t n = std::min(sizeof v, in.size());
    std::memcpy(&v, in.data(), n);
    in.remove_prefix(n);
    return v;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    return kartbok::fuzz::InitializeTarget(argc, argv);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (const auto parsed = Parse(text)) {
        Expect(parsed->user.size() <= kMaxField && parsed->host.size() <= kMaxField &&
                   NoControls(parsed->user) && NoControls(parsed->host),
               "ParseLock accepted a user or host that is too long or holds a control character");
        RoundTrip(*parsed);
        CheckDescription(*parsed);
    }

    // The same bytes as the fields of a lock: numbers first, then user and host.
    std::string_view in(text);
    detail::LockInfo made;
    made.pid = Take<long>(in);
    made.start = Take<std::uint64_t>(in);
    made.since = Take<std::int64_t>(in);
    const std::size_t cut = in.find('\0');
    made.user = std::string(in.substr(0, cut));
    made.host = cut == std::string_view::npos ? std::string() : std::string(in.substr(cut + 1));
    RoundTrip(made);
    CheckDescription(made);
    return 0;
}

#else

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::fprintf(stderr, "fuzz_lock: vault/src/Lock.h (ParseLock) is gone; nothing to fuzz. "
                         "See tests/fuzz/README.md.\n");
    std::exit(1);
}
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) {
    return 0;
}

#endif
