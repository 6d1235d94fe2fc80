#pragma once
// <uuid>.lock: which Kartbok instance holds a case (DESIGN.md §5). Holds the
// therapist's user name, host, pid and the process start time; no client data.
// Private to vault/src; the protocol is in docs/vault-format.md.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kartbok::vault::detail {

struct LockInfo {
    std::string user;
    std::string host;
    long pid = 0;
    std::uint64_t start = 0; ///< /proc/<pid>/stat field 22: clock ticks after boot
    std::int64_t since = 0;  ///< when the lock was taken (seconds since epoch)
};

/// Start time of a process, 0 when it does not exist (or /proc is unavailable).
std::uint64_t ProcessStartTime(long pid);
std::string HostName();
LockInfo OwnLockInfo(const std::string& user);
std::string FormatLock(const LockInfo& info);
std::optional<LockInfo> ParseLock(const std::string& text);
/// "anna on host x, pid 123, since 2026-03-14 10:02 UTC"
std::string DescribeHolder(const LockInfo& info);

/// Takes the lock file; true when it is ours now (or already was). A lock held
/// by a process that no longer runs on this host (dead pid, or pid reused by a
/// process that started later) is stale and taken over. Fills holder otherwise.
bool TakeLock(const std::filesystem::path& lockFile, const std::string& user, std::string* holder);
/// Removes the lock file only when this process holds it.
void ReleaseLock(const std::filesystem::path& lockFile);

} // namespace kartbok::vault::detail
