// The one writer of files outside the vault (kartbok/vault/Export.h) and the
// audit-first rule for exports of client data.

#include "kartbok/vault/Export.h"

#include "kartbok/vault/FileSystem.h"
#include "kartbok/vault/Vault.h"

#include "Lock.h"
#include "Sodium.h"

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace kartbok::vault {

namespace {

constexpr std::string_view kTempPrefix = "kartbok-export_";
constexpr std::string_view kTempSuffix = ".tmp";
constexpr std::size_t kMaxHost = 64;
constexpr std::size_t kRandomHexDigits = 12;
constexpr mode_t kExportMode = 0600;

std::string OsError(int err) {
    return std::strerror(err);
}

/// The host as a temp name carries it: letters, digits and '-' only, so '_'
/// stays the field separator and no name can climb out of the folder.
std::string SafeHost() {
    std::string host = detail::HostName();
    if (host.size() > kMaxHost)
        host.resize(kMaxHost);
    for (char& c : host) {
        const auto u = static_cast<unsigned char>(c);
        const bool keep =
            (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-';
        if (!keep)
            c = '-';
    }
    return host.empty() ? std::string("unknown-host") : host;
}

struct TempName {
    std::string host;
    long pid = 0;
    std::uint64_t start = 0;
};

template <class T> std::optional<T> Digits(std::string_view text) {
    if (text.empty() || text.size() > 20)
        return std::nullopt;
    for (char c : text)
        if (c < '0' || c > '9')
            return std::nullopt;
    T value{};
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::optional<TempName> ParseTempName(std::string_view name) {
    if (name.size() <= kTempPrefix.size() + kTempSuffix.size() || !name.starts_with(kTempPrefix) ||
        !name.ends_with(kTempSuffix))
        return std::nullopt;
    name.remove_prefix(kTempPrefix.size());
    name.remove_suffix(kTempSuffix.size());
    std::vector<std::string_view> fields;
    for (std::size_t at = 0;;) {
        const std::size_t sep = name.find('_', at);
        fields.push_back(name.substr(at, sep == std::string_view::npos ? sep : sep - at));
        if (sep == std::string_view::npos)
            break;
        at = sep + 1;
    }
    if (fields.size() != 4 || fields[0].empty() || fields[0].size() > kMaxHost ||
        fields[3].size() != kRandomHexDigits)
        return std::nullopt;
    for (char c : fields[0])
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-'))
            return std::nullopt;
    for (char c : fields[3])
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return std::nullopt;
    const auto pid = Digits<long>(fields[1]);
    const auto start = Digits<std::uint64_t>(fields[2]);
    if (!pid || *pid <= 0 || !start)
        return std::nullopt;
    return TempName{std::string(fields[0]), *pid, *start};
}

/// Whether the process that made a temp on this host is gone. With /proc, a
/// pid whose start time differs is another process (the pid was reused).
bool WriterGone(const TempName& t) {
    if (t.start != 0 && detail::ProcessStartTime(static_cast<long>(::getpid())) != 0) {
        const std::uint64_t now = detail::ProcessStartTime(t.pid);
        return now == 0 || now != t.start;
    }
    return ::kill(static_cast<pid_t>(t.pid), 0) != 0 && errno == ESRCH;
}

bool StaleTemp(const std::filesystem::path& file, const TempName& t, const std::string& host) {
    struct stat st {};
    if (::lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    if (t.host == host)
        return WriterGone(t);
    const std::time_t limit = std::time(nullptr) - std::time_t{kForeignExportTempHours} * 3600;
    return st.st_mtime < limit;
}

std::filesystem::path FolderOf(const std::filesystem::path& target) {
    return target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
}

/// File systems without Unix modes (FAT, some network shares) refuse chmod;
/// the mount decides who reads there, and refusing the export would not help.
bool NoUnixModes(int err) {
    return err == EPERM || err == ENOTSUP || err == EOPNOTSUPP || err == EROFS;
}

const char* KindOf(mode_t mode) {
    if (S_ISDIR(mode))
        return "is a folder; give a file name";
    if (S_ISLNK(mode))
        return "is a symbolic link; give the file it points to, or a new name";
    if (S_ISFIFO(mode))
        return "is a named pipe, not a file; give a file name";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "is a device, not a file; give a file name";
    if (S_ISSOCK(mode))
        return "is a socket, not a file; give a file name";
    return "is not a regular file; give a file name";
}

void WriteAll(FileSystem& fs, int fd, std::span<const unsigned char> bytes, int* err) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const long n = fs.Write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            *err = n < 0 ? errno : EIO;
            return;
        }
        done += static_cast<std::size_t>(n);
    }
}

} // namespace

std::string NewExportTempName() {
    unsigned char rnd[kRandomHexDigits / 2];
    detail::RandomBytes(rnd, sizeof rnd);
    const long pid = static_cast<long>(::getpid());
    return std::string(kTempPrefix) + SafeHost() + "_" + std::to_string(pid) + "_" +
           std::to_string(detail::ProcessStartTime(pid)) + "_" + detail::ToHex(rnd) +
           std::string(kTempSuffix);
}

bool IsExportTempName(std::string_view fileName) {
    return ParseTempName(fileName).has_value();
}

std::size_t RemoveStaleExportTemps(FileSystem& fs, const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::directory_iterator it(folder, ec);
    if (ec)
        return 0;
    const std::string host = SafeHost();
    std::size_t removed = 0;
    for (const auto end = std::filesystem::directory_iterator(); it != end; it.increment(ec)) {
        if (ec)
            break;
        const std::filesystem::path file = it->path();
        const auto parsed = ParseTempName(file.filename().string());
        if (parsed && StaleTemp(file, *parsed, host) && fs.Unlink(file) == 0)
            ++removed;
    }
    if (removed > 0)
        fs.FsyncDir(folder); // best effort: the removal is what matters
    return removed;
}

std::size_t RemoveStaleExportTemps(const std::filesystem::path& folder) {
    return RemoveStaleExportTemps(*PosixFileSystem(), folder);
}

void CheckExportTarget(const std::filesystem::path& target) {
    const std::string shown = target.string();
    if (target.empty() || !target.has_filename() || target.filename() == "." ||
        target.filename() == "..")
        throw VaultError(VaultError::Kind::Usage, shown + ": give a file name to export to");
    struct stat st {};
    const std::filesystem::path dir = FolderOf(target);
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        throw VaultError(VaultError::Kind::Usage, shown + ": the folder does not exist");
    if (::lstat(target.c_str(), &st) == 0) {
        if (!S_ISREG(st.st_mode))
            throw VaultError(VaultError::Kind::Usage, shown + ": " + KindOf(st.st_mode));
    } else if (errno != ENOENT) {
        throw VaultError(VaultError::Kind::Io, shown + ": cannot be checked: " + OsError(errno));
    }
}

void WriteExportFile(FileSystem& fs, const std::filesystem::path& target,
                     std::span<const unsigned char> bytes) {
    CheckExportTarget(target);
    const std::filesystem::path dir = FolderOf(target);
    RemoveStaleExportTemps(fs, dir);
    const std::filesystem::path temp = dir / NewExportTempName();
    const std::string shown = target.string();

    auto fail = [&](const char* step, int err, bool tempExists) {
        std::string what = shown + ": could not export (" + step + "): " + OsError(err);
        if (tempExists) {
            if (fs.Unlink(temp) == 0 || errno == ENOENT)
                what += "; the partial file was removed";
            else
                what += "; the partial file " + temp.string() + " could not be removed (" +
                        OsError(errno) + "): delete it";
        }
        throw VaultError(VaultError::Kind::Io, what);
    };

    const int fd = fs.Open(temp, O_WRONLY | O_CREAT | O_EXCL, kExportMode);
    if (fd < 0)
        fail("create a temporary file", errno, false);
    // open() applied the umask, which may have taken the owner's own bits; the
    // mode is set explicitly so it is 0600 whatever the umask.
    struct stat st {};
    if (::fstat(fd, &st) == 0 && (st.st_mode & 07777) != kExportMode &&
        ::fchmod(fd, kExportMode) != 0 && !NoUnixModes(errno)) {
        const int err = errno;
        fs.Close(fd);
        fail("set the permissions", err, true);
    }
    int err = 0;
    WriteAll(fs, fd, bytes, &err);
    if (err != 0) {
        fs.Close(fd);
        fail("write", err, true);
    }
    if (fs.Fsync(fd) != 0) {
        err = errno;
        fs.Close(fd);
        fail("flush to disk", err, true);
    }
    if (fs.Close(fd) != 0)
        fail("close", errno, true);
    if (fs.Rename(temp, target) != 0)
        fail("replace the file", errno, true);
    if (fs.FsyncDir(dir) != 0)
        throw VaultError(VaultError::Kind::Io,
                         shown + ": written, but the folder could not be flushed to disk: " +
                             OsError(errno) + "; the file may not survive a power loss");
}

void WriteExportFile(const std::filesystem::path& target, std::span<const unsigned char> bytes) {
    WriteExportFile(*PosixFileSystem(), target, bytes);
}

void WriteExportFile(const std::filesystem::path& target, std::string_view text) {
    WriteExportFile(target,
                    std::span(reinterpret_cast<const unsigned char*>(text.data()), text.size()));
}

void Export(Vault& vault, const std::filesystem::path& target, std::span<const unsigned char> bytes,
            const std::string& caseId, const std::string& detail, std::shared_ptr<FileSystem> fs) {
    CheckExportTarget(target);
    try {
        vault.Audit(AuditAction::Export, caseId, detail);
    } catch (const VaultError& e) {
        if (e.GetKind() == VaultError::Kind::Usage)
            throw; // a locked vault says so itself
        throw VaultError(VaultError::Kind::Io,
                         target.string() +
                             ": not exported, because the export could not be recorded in the "
                             "audit log (" +
                             e.what() + ")");
    }
    try {
        WriteExportFile(fs ? *fs : *PosixFileSystem(), target, bytes);
    } catch (const VaultError&) {
        try {
            vault.Audit(AuditAction::Export, caseId, detail + "; failed");
        } catch (const VaultError&) {
            // The first record stands; the error below is what the user sees.
        }
        throw;
    }
}

void Export(Vault& vault, const std::filesystem::path& target, std::string_view text,
            const std::string& caseId, const std::string& detail, std::shared_ptr<FileSystem> fs) {
    Export(vault, target,
           std::span(reinterpret_cast<const unsigned char*>(text.data()), text.size()), caseId,
           detail, std::move(fs));
}

} // namespace kartbok::vault
