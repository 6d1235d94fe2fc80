// The save protocol (docs/design.md, "Files and security") and its fault-injection seam.

#include "kartbok/vault/FileSystem.h"
#include "kartbok/vault/Vault.h"

#include "ReadFd.h"
#include "Sodium.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kartbok::vault {

const char* ToString(FsCall call) {
    switch (call) {
    case FsCall::Open:
        return "open";
    case FsCall::Write:
        return "write";
    case FsCall::Fsync:
        return "fsync";
    case FsCall::Close:
        return "close";
    case FsCall::Rename:
        return "rename";
    case FsCall::Link:
        return "link";
    case FsCall::Unlink:
        return "unlink";
    case FsCall::FsyncDir:
        return "fsync-dir";
    case FsCall::Truncate:
        return "truncate";
    }
    return "?";
}

namespace {

class PosixFs final : public FileSystem {
public:
    int Open(const std::filesystem::path& path, int flags, unsigned mode) override {
        int fd;
        do
            fd = ::open(path.c_str(), flags | O_CLOEXEC, static_cast<mode_t>(mode));
        while (fd < 0 && errno == EINTR);
        return fd;
    }
    long Write(int fd, const void* data, std::size_t size) override {
        ssize_t n;
        do
            n = ::write(fd, data, size);
        while (n < 0 && errno == EINTR);
        return static_cast<long>(n);
    }
    int Fsync(int fd) override { return ::fsync(fd); }
    int Close(int fd) override { return ::close(fd); }
    int Rename(const std::filesystem::path& from, const std::filesystem::path& to) override {
        return ::rename(from.c_str(), to.c_str());
    }
    int Link(const std::filesystem::path& from, const std::filesystem::path& to) override {
        return ::link(from.c_str(), to.c_str());
    }
    int Unlink(const std::filesystem::path& path) override { return ::unlink(path.c_str()); }
    int FsyncDir(const std::filesystem::path& dir) override {
        const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            return -1;
        const int rc = ::fsync(fd);
        const int saved = errno;
        ::close(fd);
        errno = saved;
        return rc;
    }
    int Truncate(int fd, std::uint64_t size) override {
        return ::ftruncate(fd, static_cast<off_t>(size));
    }
};

std::string OsError(int err) {
    return std::strerror(err);
}

} // namespace

std::shared_ptr<FileSystem> PosixFileSystem() {
    static const auto fs = std::make_shared<PosixFs>();
    return fs;
}

// --- fault injection ------------------------------------------------------

FaultInjectingFileSystem::FaultInjectingFileSystem(Fault fault, std::shared_ptr<FileSystem> inner)
    : m_fault(std::move(fault)), m_inner(std::move(inner)) {}

bool FaultInjectingFileSystem::Hit(FsCall call, const std::string& path) {
    if (!m_fault.pathContains.empty() && path.find(m_fault.pathContains) == std::string::npos)
        return false;
    const int n = ++m_counts[call];
    if (call != m_fault.call)
        return false;
    if (n == m_fault.nth || (m_fault.sticky && n > m_fault.nth)) {
        m_fired = true;
        errno = m_fault.error;
        return true;
    }
    return false;
}

int FaultInjectingFileSystem::Count(FsCall call) const {
    auto it = m_counts.find(call);
    return it == m_counts.end() ? 0 : it->second;
}

int FaultInjectingFileSystem::Open(const std::filesystem::path& path, int flags, unsigned mode) {
    if (Hit(FsCall::Open, path.string()))
        return -1;
    const int fd = m_inner->Open(path, flags, mode);
    if (fd >= 0)
        m_fdPaths[fd] = path.string();
    return fd;
}

long FaultInjectingFileSystem::Write(int fd, const void* data, std::size_t size) {
    if (Hit(FsCall::Write, m_fdPaths[fd]))
        return -1;
    return m_inner->Write(fd, data, size);
}

int FaultInjectingFileSystem::Fsync(int fd) {
    if (Hit(FsCall::Fsync, m_fdPaths[fd]))
        return -1;
    return m_inner->Fsync(fd);
}

int FaultInjectingFileSystem::Close(int fd) {
    const std::string path = m_fdPaths[fd];
    m_fdPaths.erase(fd);
    const int rc =
        m_inner->Close(fd); // like Linux: the fd is gone even when close reports an error
    if (Hit(FsCall::Close, path))
        return -1;
    return rc;
}

int FaultInjectingFileSystem::Rename(const std::filesystem::path& from,
                                     const std::filesystem::path& to) {
    if (Hit(FsCall::Rename, to.string()))
        return -1;
    return m_inner->Rename(from, to);
}

int FaultInjectingFileSystem::Link(const std::filesystem::path& from,
                                   const std::filesystem::path& to) {
    if (Hit(FsCall::Link, from.string()))
        return -1;
    return m_inner->Link(from, to);
}

int FaultInjectingFileSystem::Unlink(const std::filesystem::path& path) {
    if (Hit(FsCall::Unlink, path.string()))
        return -1;
    return m_inner->Unlink(path);
}

int FaultInjectingFileSystem::FsyncDir(const std::filesystem::path& dir) {
    if (Hit(FsCall::FsyncDir, dir.string() + "/"))
        return -1;
    return m_inner->FsyncDir(dir);
}

int FaultInjectingFileSystem::Truncate(int fd, std::uint64_t size) {
    if (Hit(FsCall::Truncate, m_fdPaths[fd]))
        return -1;
    return m_inner->Truncate(fd, size);
}

// --- the save protocol ----------------------------------------------------

void AtomicWriteFile(FileSystem& fs, const std::filesystem::path& target,
                     std::span<const unsigned char> bytes, bool keepBackup) {
    const std::string name = target.filename().string();
    const std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
    unsigned char rnd[6];
    detail::RandomBytes(rnd, sizeof rnd);
    // The temp name starts with the target's, so a leftover after a crash is
    // recognisable; it never matches *.kbc, so nothing mistakes it for a case.
    const std::filesystem::path temp =
        dir / (name + ".tmp-" + std::to_string(::getpid()) + "-" + detail::ToHex(rnd));

    auto fail = [&](const char* step, int err, bool tempExists) {
        if (tempExists)
            fs.Unlink(temp); // best effort; a leftover temp file is harmless
        throw VaultError(VaultError::Kind::Io, name + ": could not save (" + step +
                                                   "): " + OsError(err) +
                                                   "; the previous version is intact");
    };

    const int fd = fs.Open(temp, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        fail("create a temporary file", errno, false);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const long n = fs.Write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            const int err = n < 0 ? errno : EIO;
            fs.Close(fd);
            fail("write", err, true);
        }
        done += static_cast<std::size_t>(n);
    }
    if (fs.Fsync(fd) != 0) {
        const int err = errno;
        fs.Close(fd);
        fail("flush to disk", err, true);
    }
    if (fs.Close(fd) != 0)
        fail("close", errno, true);

    if (keepBackup) {
        // Hard-link the current version to .bak: the target never disappears,
        // so a crash here leaves the old file in place (and maybe no .bak).
        const std::filesystem::path bak = dir / (name + ".bak");
        std::error_code ec;
        if (std::filesystem::exists(target, ec)) {
            if (fs.Unlink(bak) != 0 && errno != ENOENT)
                fail("remove the old backup", errno, true);
            if (fs.Link(target, bak) != 0 && errno != EPERM && errno != ENOTSUP &&
                errno != EOPNOTSUPP && errno != EMLINK)
                fail("keep a backup", errno, true);
        }
    }
    if (fs.Rename(temp, target) != 0)
        fail("replace the file", errno, true);
    if (fs.FsyncDir(dir) != 0)
        throw VaultError(VaultError::Kind::Io,
                         name + ": saved, but the folder could not be flushed to disk: " +
                             OsError(errno) + "; the new version may not survive a power loss");
}

std::vector<unsigned char> ReadWholeFile(const std::filesystem::path& path, std::size_t maxBytes) {
    std::vector<unsigned char> out;
    ReadWholeFile(path, out, maxBytes);
    return out;
}

void ReadWholeFile(const std::filesystem::path& path, std::vector<unsigned char>& out,
                   std::size_t maxBytes) {
    const std::string name = path.filename().string();
    const detail::ReadFd file(path);
    const int fd = file.Get();
    if (fd < 0) {
        if (errno == ELOOP)
            throw VaultError(VaultError::Kind::Damaged,
                             name + ": is a symbolic link, not a file Kartbok wrote; refused");
        throw VaultError(VaultError::Kind::Io, name + ": could not read: " + OsError(errno));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        throw VaultError(VaultError::Kind::Io, name + ": could not read: " + OsError(errno));
    if (!S_ISREG(st.st_mode)) {
        const char* what = S_ISDIR(st.st_mode)                          ? "a folder"
                           : S_ISFIFO(st.st_mode)                       ? "a named pipe"
                           : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                                                                        : "not a regular file";
        throw VaultError(VaultError::Kind::Damaged,
                         name + ": is " + what + ", not a file Kartbok wrote; refused");
    }
    if (static_cast<std::uint64_t>(st.st_size) > maxBytes)
        throw VaultError(VaultError::Kind::Damaged,
                         name + ": damaged (" + std::to_string(st.st_size) +
                             " bytes, more than any such file Kartbok writes)");
    // One buffer of the size stat gives, read straight into; a file that grew
    // meanwhile is read on up to the cap.
    out.resize(static_cast<std::size_t>(st.st_size) + 1);
    std::size_t have = 0;
    for (;;) {
        if (have == out.size()) {
            if (out.size() > maxBytes)
                throw VaultError(VaultError::Kind::Damaged,
                                 name + ": damaged (larger than any such file Kartbok writes)");
            out.resize(std::min(out.size() * 2, maxBytes + 1));
        }
        const ssize_t n = ::read(fd, out.data() + have, out.size() - have);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw VaultError(VaultError::Kind::Io, name + ": could not read: " + OsError(errno));
        }
        if (n == 0)
            break;
        have += static_cast<std::size_t>(n);
    }
    out.resize(have);
}

} // namespace kartbok::vault
