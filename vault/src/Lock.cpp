#include "Lock.h"

#include "kartbok/vault/Vault.h"

#include "ReadFd.h"
#include "Sodium.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <limits>
#include <sstream>
#include <string_view>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace kartbok::vault::detail {
namespace {

constexpr const char* kFirstLine = "kartbok-lock 1";

/// Longest user or host a lock holds (ParseKeyFile allows user names of 256
/// bytes; host names are at most 255).
constexpr std::size_t kMaxField = 256;

/// A user or host as a lock holds it, and as it may appear in a message: one
/// line, no control characters (C0, DEL, or C1 as UTF-8: a terminal would act
/// on them), at most kMaxField bytes cut at a UTF-8 boundary. Idempotent, so
/// what FormatLock writes ParseLock reads back unchanged.
std::string Clean(std::string_view in) {
    std::string s;
    s.reserve(std::min(in.size(), kMaxField));
    for (std::size_t i = 0; i < in.size() && s.size() <= kMaxField; ++i) {
        const auto c = static_cast<unsigned char>(in[i]);
        if (c < 0x20 || c == 0x7f) {
            s += ' ';
        } else if (c == 0xc2 && i + 1 < in.size() &&
                   static_cast<unsigned char>(in[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(in[i + 1]) <= 0x9f) {
            s += ' ';
            ++i;
        } else {
            s += static_cast<char>(c);
        }
    }
    if (s.size() > kMaxField) {
        // Back to the start of a character cut in two (at most 3 bytes back,
        // so bytes that are not UTF-8 at all still keep kMaxField - 3).
        std::size_t cut = kMaxField;
        while (cut > kMaxField - 3 && (static_cast<unsigned char>(s[cut]) & 0xc0) == 0x80)
            --cut;
        s.resize(cut);
    }
    return s;
}

/// The whole of `text` as a decimal number in T's range: digits, and a leading
/// '-' for signed T only; no '+', space or anything after (std::stol took
/// "12abc" as 12, std::stoull took "-1" as 2^64 - 1).
template <class T> std::optional<T> Number(std::string_view text) {
    T value{};
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

/// The most of a lock (or /proc file) read; a longer lock is garbage, judged by its age.
constexpr std::uint64_t kMaxLockText = 4096;

/// A small file's text, size and age, all of the one file opened (a second
/// stat by name could see the next file under that name).
struct SmallFile {
    std::string text;
    std::int64_t mtime = 0;
    std::uint64_t size = 0; ///< as fstat gave it (0 for /proc files, whatever they hold)

    /// The text read is all the file held. On an sshfs share a read right after
    /// the name was reused can come back short or empty while fstat already
    /// sees the new file: such a read says nothing about the lock.
    bool Whole() const { return text.size() == std::min<std::uint64_t>(size, kMaxLockText); }
};

std::optional<SmallFile> ReadSmallFileAt(const std::filesystem::path& p) {
    // Non-blocking and no links: a FIFO in place of a lock must not hang us.
    const ReadFd file(p);
    const int fd = file.Get();
    if (fd < 0)
        return std::nullopt;
    // A file whose kind, age or bytes cannot be read is not an empty file: on a
    // network share fstat fails (ENOENT) when the name was released meanwhile.
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return std::nullopt;
    SmallFile f;
    f.mtime = static_cast<std::int64_t>(st.st_mtime);
    if (!S_ISREG(st.st_mode))
        return f; // a FIFO or device: no text, judged by its age
    f.size = static_cast<std::uint64_t>(st.st_size);
    f.text.resize(kMaxLockText);
    ssize_t n;
    do
        n = ::read(fd, f.text.data(), f.text.size());
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return std::nullopt;
    f.text.resize(static_cast<std::size_t>(n));
    return f;
}

std::optional<std::string> ReadSmallFile(const std::filesystem::path& p) {
    auto f = ReadSmallFileAt(p);
    return f ? std::optional<std::string>(std::move(f->text)) : std::nullopt;
}

/// Creates p with text, O_EXCL; false (errno EEXIST) when it exists.
bool WriteNewFile(FileSystem& fs, const std::filesystem::path& p, const std::string& text) {
    const int fd = fs.Open(p, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return false;
    const bool ok = fs.Write(fd, text.data(), text.size()) == static_cast<long>(text.size());
    const int err = errno;
    fs.Close(fd);
    if (!ok) {
        fs.Unlink(p);
        throw VaultError(VaultError::Kind::Io, p.filename().string() +
                                                   ": could not write the lock: " +
                                                   std::strerror(err) + "; nothing was changed");
    }
    return true;
}

bool IsOurs(const LockInfo& l, const LockInfo& me) {
    return l.host == me.host && l.pid == me.pid && l.start == me.start && l.token == me.token;
}

bool IsStale(const LockInfo& l, const LockInfo& me, const LockPolicy& policy) {
    if (l.host != me.host) {
        // Processes on another machine cannot be seen from here: only a lock
        // that showed no sign of life for long, and only when the caller says so.
        if (!policy.takeOverRemote)
            return false;
        const std::int64_t last = std::max(l.since, l.refreshed);
        return std::time(nullptr) - last > policy.remoteStaleAfter.count();
    }
    if (l.pid <= 0 || l.pid > std::numeric_limits<pid_t>::max())
        return true; // no process here has it (and kill() must not see 0 or -1)
    if (::kill(static_cast<pid_t>(l.pid), 0) != 0 && errno == ESRCH)
        return true;
    const std::uint64_t start = ProcessStartTime(l.pid);
    if (start != 0 && start != l.start)
        return true; // the pid now belongs to another process
    // The same live process, another handle (write.lock tokens): not stale.
    return false;
}

/// Seconds since `f` was last written.
std::int64_t AgeOf(const SmallFile& f) {
    return static_cast<std::int64_t>(std::time(nullptr)) - f.mtime;
}

/// Whether a lock we could not create is stale, judged from the one file read.
/// Text that does not parse is a lock whose text is still on its way (create
/// and write are two steps, each a round trip on a network share) unless that
/// file is older than the grace period. Its age is taken from the file whose
/// text was read: a stat by name afterwards may find the file gone (it was
/// written, used and released meanwhile), or find the next writer's lock.
bool Stale(const SmallFile& read, const std::optional<LockInfo>& info, const LockInfo& me,
           const LockPolicy& policy) {
    if (info)
        return IsStale(*info, me, policy);
    return AgeOf(read) >= policy.unreadableGrace.count();
}

/// A breaker (below) that held its file this long died while breaking.
constexpr std::int64_t kBreakerStaleSeconds = 30;

/// Removes a lock judged stale, unless it is no longer the lock judged.
/// Removing by name is safe only while nobody else can remove it: between our
/// read and our unlink the holder may have released it (and exited, which is
/// why it looked dead) and the next writer made a fresh lock under the name; a
/// second taker who judged the same stale lock would remove that fresh one.
/// So takers first create `<lock>.stale-break` (O_EXCL; verify lists it as a
/// leftover, repair removes it) and, holding it, read the lock again and
/// remove it only if it is the same text, read whole (and, for unreadable
/// text, still older than the grace). A lock once judged stale is not
/// released by anyone but a taker, and no new lock can appear while it
/// exists, so the check and the unlink cannot be split by another writer.
/// A breaker that died leaves its file; after kBreakerStaleSeconds it is
/// removed (docs/vault-format.md, "Writing").
void RemoveIfStillSame(FileSystem& fs, const std::filesystem::path& lockFile,
                       const SmallFile& judged, bool judgedParsed, const LockInfo& me,
                       const LockPolicy& policy) {
    const std::filesystem::path breaker = lockFile.string() + ".stale-break";
    if (!WriteNewFile(fs, breaker, FormatLock(me))) {
        const auto other = ReadSmallFileAt(breaker);
        if (other && AgeOf(*other) >= kBreakerStaleSeconds)
            fs.Unlink(breaker);
        return; // another taker is at it: try the create again
    }
    const auto now = ReadSmallFileAt(lockFile);
    if (now && now->Whole() && now->text == judged.text &&
        (judgedParsed || AgeOf(*now) >= policy.unreadableGrace.count()))
        fs.Unlink(lockFile);
    fs.Unlink(breaker);
}

} // namespace

std::uint64_t ProcessStartTime(long pid) {
    auto text = ReadSmallFile("/proc/" + std::to_string(pid) + "/stat");
    if (!text)
        return 0;
    // The command name (field 2) may contain spaces and ')': fields after the
    // last ')' are plain. starttime is field 22, i.e. the 20th after it.
    const auto close = text->rfind(')');
    if (close == std::string::npos)
        return 0;
    std::istringstream in(text->substr(close + 1));
    std::string field;
    for (int i = 3; i <= 22; ++i)
        if (!(in >> field))
            return 0;
    try {
        return std::stoull(field);
    } catch (const std::exception&) {
        return 0;
    }
}

std::string HostName() {
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0)
        return "unknown-host";
    return buf;
}

LockInfo OwnLockInfo(const std::string& user, const std::string& token) {
    LockInfo l;
    l.token = token;
    l.program = Clean(program_invocation_short_name);
    l.user = Clean(user);
    l.host = Clean(HostName());
    l.pid = static_cast<long>(::getpid());
    l.start = ProcessStartTime(l.pid);
    l.since = static_cast<std::int64_t>(std::time(nullptr));
    return l;
}

std::string FormatLock(const LockInfo& l) {
    std::ostringstream out;
    out << kFirstLine << "\nuser=" << Clean(l.user) << "\nhost=" << Clean(l.host)
        << "\npid=" << l.pid << "\nstart=" << l.start;
    if (l.refreshed != 0)
        out << "\nrefreshed=" << l.refreshed;
    if (!l.token.empty())
        out << "\ntoken=" << l.token;
    if (!l.program.empty())
        out << "\nprogram=" << Clean(l.program);
    out << "\nsince=" << l.since << "\n";
    return out.str();
}

std::optional<LockInfo> ParseLock(const std::string& text) {
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line) || line != kFirstLine)
        return std::nullopt;
    LockInfo l;
    bool havePid = false, haveHost = false, end = false;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            return std::nullopt;
        const std::string_view key = std::string_view(line).substr(0, eq);
        const std::string_view value = std::string_view(line).substr(eq + 1);
        if (key == "user") {
            l.user = Clean(value);
        } else if (key == "host") {
            l.host = Clean(value);
            haveHost = true;
        } else if (key == "pid") {
            const auto pid = Number<long>(value);
            if (!pid)
                return std::nullopt;
            l.pid = *pid;
            havePid = true;
        } else if (key == "start") {
            const auto start = Number<std::uint64_t>(value);
            if (!start)
                return std::nullopt;
            l.start = *start;
        } else if (key == "refreshed") {
            const auto refreshed = Number<std::int64_t>(value);
            if (!refreshed)
                return std::nullopt;
            l.refreshed = *refreshed;
        } else if (key == "program") {
            l.program = Clean(value);
        } else if (key == "token") {
            if (value.size() > 64 || value.find_first_not_of("0123456789abcdef") != value.npos)
                return std::nullopt;
            l.token = std::string(value);
        } else if (key == "since") {
            const auto since = Number<std::int64_t>(value);
            if (!since)
                return std::nullopt;
            l.since = *since;
            end = true;
        }
    }
    if (!havePid || !haveHost || !end)
        return std::nullopt;
    return l;
}

std::string DescribeHolder(const LockInfo& l) {
    const std::string user = Clean(l.user);
    std::string s = (user.empty() ? std::string("someone") : user) + " on host " + Clean(l.host) +
                    ", pid " + std::to_string(l.pid);
    if (l.since > 0) {
        // A since too far ahead for struct tm (or for the buffer) is left out.
        const std::time_t t = static_cast<std::time_t>(l.since);
        std::tm tm{};
        char buf[64];
        if (gmtime_r(&t, &tm) != nullptr &&
            std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm) > 0)
            s += std::string(", since ") + buf;
    }
    return s;
}

bool TakeLock(FileSystem& fs, const std::filesystem::path& lockFile, const LockInfo& me,
              const LockPolicy& policy, std::string* holder, LockInfo* holderInfo) {
    const std::string mine = FormatLock(me);
    const std::string name = lockFile.filename().string();
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (WriteNewFile(fs, lockFile, mine))
            return true;
        // Over SFTP (sshfs) an exclusive create of an existing file fails as
        // EPERM when the lookup before it raced: the same "it exists" answer.
        const int err = errno;
        std::error_code ec;
        const bool exists = std::filesystem::exists(std::filesystem::symlink_status(lockFile, ec));
        if (err == EPERM && !exists)
            continue; // it was removed meanwhile: try again
        if (err != EEXIST && !(err == EPERM && exists))
            throw VaultError(VaultError::Kind::Io,
                             name + ": could not create the lock: " + std::strerror(err));
        const auto read = ReadSmallFileAt(lockFile);
        if (!read || !read->Whole())
            continue; // vanished or replaced while we read it: try again
        const auto info = ParseLock(read->text);
        if (info && IsOurs(*info, me))
            return true;
        if (!Stale(*read, info, me, policy)) {
            if (holder != nullptr)
                *holder = info ? DescribeHolder(*info)
                               : "another Kartbok instance (the lock is being written)";
            if (holderInfo != nullptr && info)
                *holderInfo = *info;
            return false;
        }
        RemoveIfStillSame(fs, lockFile, *read, info.has_value(), me, policy);
    }
    if (holder != nullptr)
        *holder = "another Kartbok instance (the lock keeps changing)";
    return false;
}

std::optional<LockInfo> ReadLock(const std::filesystem::path& lockFile) {
    const auto text = ReadSmallFile(lockFile);
    return text ? ParseLock(*text) : std::nullopt;
}

void ReleaseLock(FileSystem& fs, const std::filesystem::path& lockFile, const LockInfo& me) {
    // A short read (see SmallFile::Whole) is read again: a lock of ours left
    // behind would hold every other writer off while this process lives.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const auto read = ReadSmallFileAt(lockFile);
        if (!read)
            return;
        if (!read->Whole())
            continue;
        const auto info = ParseLock(read->text);
        if (info && IsOurs(*info, me))
            fs.Unlink(lockFile);
        return;
    }
}

void RefreshLock(FileSystem& fs, const std::filesystem::path& lockFile, const LockInfo& me) {
    const auto text = ReadSmallFile(lockFile);
    const auto info = text ? ParseLock(*text) : std::nullopt;
    if (!info || !IsOurs(*info, me))
        return;
    LockInfo fresh = *info;
    fresh.refreshed = static_cast<std::int64_t>(std::time(nullptr));
    unsigned char rnd[6];
    RandomBytes(rnd, sizeof rnd);
    const std::filesystem::path temp = lockFile.string() + ".tmp-" + ToHex(rnd);
    if (WriteNewFile(fs, temp, FormatLock(fresh)) && fs.Rename(temp, lockFile) != 0)
        fs.Unlink(temp);
}

void AcquireWriteLock(FileSystem& fs, const std::filesystem::path& lockFile, const LockInfo& me,
                      const WriteLockPolicy& policy) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + policy.wait;
    LockPolicy lp;
    lp.takeOverRemote = true; // a change holds write.lock for well under a second
    lp.remoteStaleAfter = policy.remoteStaleAfter;
    lp.unreadableGrace = std::chrono::seconds(5);
    std::string holder;
    auto pause = std::chrono::microseconds(200);
    for (;;) {
        if (TakeLock(fs, lockFile, me, lp, &holder))
            return;
        if (Clock::now() >= deadline)
            throw VaultError(VaultError::Kind::Locked,
                             lockFile.filename().string() + ": another change to the vault is " +
                                 "under way (" + holder + ") and did not finish; try again, " +
                                 "or remove the file if that program is gone");
        // Random pauses so that waiting writers do not retry in step.
        unsigned char r = 0;
        RandomBytes(&r, 1);
        std::this_thread::sleep_for(pause + pause * r / 255);
        pause = std::min<std::chrono::microseconds>(pause * 2, std::chrono::milliseconds(20));
    }
}

} // namespace kartbok::vault::detail
