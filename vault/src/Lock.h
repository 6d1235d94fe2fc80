#pragma once
// Lock files: <uuid>.lock (which Kartbok instance has a case open for editing)
// and write.lock (the vault-wide, short-lived lock every change holds). Each
// holds the therapist's user name, host, pid and the process start time; no
// client data. Both are created with O_CREAT|O_EXCL, which holds across two
// network mounts of one folder (flock and fcntl locks do not). Private to
// vault/src; the protocol is in docs/vault-format.md.

#include "kartbok/vault/FileSystem.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kartbok::vault::detail {

struct LockInfo {
    std::string user;
    std::string host;
    long pid = 0;
    std::uint64_t start = 0;    ///< /proc/<pid>/stat field 22: clock ticks after boot
    std::int64_t since = 0;     ///< when the lock was taken (seconds since epoch)
    std::int64_t refreshed = 0; ///< last sign of life of the holder (0: never refreshed)
    std::string token;          ///< random per Vault handle (write.lock); empty for case locks
    std::string program;        ///< the holder's program name ("kartbok", "kartbok-cli")
};

/// Start time of a process, 0 when it does not exist (or /proc is unavailable).
std::uint64_t ProcessStartTime(long pid);
std::string HostName();
LockInfo OwnLockInfo(const std::string& user, const std::string& token = {});
std::string FormatLock(const LockInfo& info);
std::optional<LockInfo> ParseLock(const std::string& text);
/// The lock in a lock file, when there is a readable one.
std::optional<LockInfo> ReadLock(const std::filesystem::path& lockFile);
/// "anna on host x, pid 123, since 2026-03-14 10:02 UTC"
std::string DescribeHolder(const LockInfo& info);

/// When a lock held by someone else may be taken over.
struct LockPolicy {
    /// Another host's lock: never judged by a local pid check. Taken over only
    /// when this is set and the holder showed no sign of life (refreshed, else
    /// since) for remoteStaleAfter.
    bool takeOverRemote = false;
    std::chrono::seconds remoteStaleAfter{600};
    /// An unparsable lock younger than this is taken to be still being written.
    std::chrono::seconds unreadableGrace{30};
};

/// Takes the lock file; true when it is ours now (or already was). A lock held
/// by a process that no longer runs on this host (dead pid, or pid reused by a
/// process that started later) is stale and taken over; another host's only
/// as the policy allows. Fills holder otherwise. Every write goes through fs.
bool TakeLock(FileSystem& fs, const std::filesystem::path& lockFile, const LockInfo& me,
              const LockPolicy& policy, std::string* holder, LockInfo* holderInfo = nullptr);
/// Removes the lock file only when `me` holds it.
void ReleaseLock(FileSystem& fs, const std::filesystem::path& lockFile, const LockInfo& me);
/// Rewrites a lock we hold with refreshed = now (a sign of life for other hosts).
void RefreshLock(FileSystem& fs, const std::filesystem::path& lockFile, const LockInfo& me);

/// How long a writer waits for write.lock, and when another host's write.lock
/// counts as left behind by a crash (a change holds it for well under a second).
struct WriteLockPolicy {
    std::chrono::milliseconds wait{30000};
    std::chrono::seconds remoteStaleAfter{120};
};

/// Takes write.lock, waiting (with growing pauses) while another writer holds
/// it. Throws VaultError::Locked naming the holder when the wait runs out.
void AcquireWriteLock(FileSystem& fs, const std::filesystem::path& lockFile, const LockInfo& me,
                      const WriteLockPolicy& policy);

} // namespace kartbok::vault::detail
