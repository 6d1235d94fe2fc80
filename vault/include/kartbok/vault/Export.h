#pragma once
// Every file Kartbok writes outside the vault - reports, statistics, maps,
// layouts, screenshots - is plaintext the user asked for. This is the one
// writer for all of them, so each is created 0600, never half-written under
// its own name, flushed to disk, and leaves no readable debris after a crash
// that the next export into the same folder does not remove
// (docs/vault-format.md, "Files outside the vault").

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace kartbok::vault {

class FileSystem; // kartbok/vault/FileSystem.h
class Vault;      // kartbok/vault/Vault.h

/// Checks that `target` can be an export before anything is computed or
/// audited: its folder exists, and it is absent or a regular file (never a
/// folder, FIFO, device, socket or symbolic link, which an export would block
/// on or replace). Throws VaultError::Usage naming the path.
void CheckExportTarget(const std::filesystem::path& target);

/// Writes `bytes` to `target`: CheckExportTarget, removal of stale temporary
/// files in the folder (RemoveStaleExportTemps), then a new temporary file
/// created O_CREAT|O_EXCL with mode 0600 (whatever the umask) in the target's
/// folder, written, fsynced, renamed over the target, and the folder fsynced.
/// Every step but the mode fix (fstat/fchmod on the open file) goes through
/// `fs`, so tests can fail each one. On failure the
/// temporary file is removed and VaultError::Io says which step failed and
/// whether the temporary file is gone; it names the file, never the content.
void WriteExportFile(FileSystem& fs, const std::filesystem::path& target,
                     std::span<const unsigned char> bytes);
void WriteExportFile(const std::filesystem::path& target, std::span<const unsigned char> bytes);
void WriteExportFile(const std::filesystem::path& target, std::string_view text);

/// Exports client data from a vault: checks the target, writes the `export`
/// audit record (caseId may be empty for vault-wide exports such as
/// statistics; detail says what, never client text or the file name), and
/// only then writes the file with WriteExportFile. When the record cannot be
/// written nothing is written and VaultError::Io says so. When the file cannot
/// be written, a second record notes that, as far as the log accepts it.
/// `fs` (nullptr = POSIX) is for the file; the record goes through the vault's own.
void Export(Vault& vault, const std::filesystem::path& target, std::span<const unsigned char> bytes,
            const std::string& caseId, const std::string& detail,
            std::shared_ptr<FileSystem> fs = nullptr);
void Export(Vault& vault, const std::filesystem::path& target, std::string_view text,
            const std::string& caseId, const std::string& detail,
            std::shared_ptr<FileSystem> fs = nullptr);

/// The temporary name of an export in progress by this process:
/// `kartbok-export_<host>_<pid>_<start>_<random>.tmp`, where host is this
/// computer's name with anything but letters, digits and '-' turned into '-',
/// pid the writer's process id, start its start time (clock ticks after boot,
/// /proc/<pid>/stat), random 12 hex digits.
std::string NewExportTempName();

/// True for a name NewExportTempName could have made (on any host).
bool IsExportTempName(std::string_view fileName);

/// Removes the export temporaries in `folder` whose writer is gone: made on
/// this host by a process that no longer runs (or whose pid now belongs to a
/// process started later), or made on another host and untouched for more than
/// kForeignExportTempHours. Best effort: errors are skipped. Returns how many
/// were removed. Never touches any other file.
std::size_t RemoveStaleExportTemps(FileSystem& fs, const std::filesystem::path& folder);
std::size_t RemoveStaleExportTemps(const std::filesystem::path& folder);

/// A temporary from another computer (a shared network folder) cannot be
/// checked for a live writer; after this long no export is still being written.
constexpr int kForeignExportTempHours = 24;

} // namespace kartbok::vault
