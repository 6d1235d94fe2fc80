#pragma once
// The seam under every write the vault makes. Saves go through a FileSystem so
// tests can make the Nth write, fsync, rename... fail with ENOSPC or EROFS and
// check that nothing is lost; the real one is plain POSIX.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace kartbok::vault {

/// Largest file the vault reads (a case of thousands of sessions is ~10 MiB).
constexpr std::size_t kMaxVaultFileBytes = std::size_t{1} << 30;

enum class FsCall : std::uint8_t {
    Open,
    Write,
    Fsync,
    Close,
    Rename,
    Link,
    Unlink,
    FsyncDir,
    Truncate
};
const char* ToString(FsCall call);

/// POSIX-shaped: each call returns -1 and sets errno on failure, like the
/// system call it stands for, so the POSIX default is a one-line forwarder.
class FileSystem {
public:
    virtual ~FileSystem() = default;
    virtual int Open(const std::filesystem::path& path, int flags, unsigned mode) = 0;
    virtual long Write(int fd, const void* data, std::size_t size) = 0;
    virtual int Fsync(int fd) = 0;
    virtual int Close(int fd) = 0;
    virtual int Rename(const std::filesystem::path& from, const std::filesystem::path& to) = 0;
    virtual int Link(const std::filesystem::path& from, const std::filesystem::path& to) = 0;
    virtual int Unlink(const std::filesystem::path& path) = 0;
    /// Opens the folder and fsyncs it, so a rename inside it is durable.
    virtual int FsyncDir(const std::filesystem::path& dir) = 0;
    /// ftruncate: only ever used to drop a recognised torn audit record.
    virtual int Truncate(int fd, std::uint64_t size) = 0;
};

/// The real file system (shared, stateless).
std::shared_ptr<FileSystem> PosixFileSystem();

/// Fails the Nth call of one kind (counting only calls whose path contains
/// `pathContains`, when set) with the given errno; every other call goes to the
/// inner file system. Write/Fsync/Close are matched by the path their fd was
/// opened with.
class FaultInjectingFileSystem final : public FileSystem {
public:
    struct Fault {
        FsCall call = FsCall::Write;
        int nth = 1; ///< 1 = the first matching call
        int error = 0;
        std::string pathContains;
        bool sticky = false; ///< keep failing every later matching call (a full disk stays full)
    };
    explicit FaultInjectingFileSystem(Fault fault,
                                      std::shared_ptr<FileSystem> inner = PosixFileSystem());

    int Open(const std::filesystem::path& path, int flags, unsigned mode) override;
    long Write(int fd, const void* data, std::size_t size) override;
    int Fsync(int fd) override;
    int Close(int fd) override;
    int Rename(const std::filesystem::path& from, const std::filesystem::path& to) override;
    int Link(const std::filesystem::path& from, const std::filesystem::path& to) override;
    int Unlink(const std::filesystem::path& path) override;
    int FsyncDir(const std::filesystem::path& dir) override;
    int Truncate(int fd, std::uint64_t size) override;

    bool Fired() const { return m_fired; }
    /// Matching calls of a kind seen so far (to learn how many steps a save has).
    int Count(FsCall call) const;

private:
    bool Hit(FsCall call, const std::string& path);
    Fault m_fault;
    std::shared_ptr<FileSystem> m_inner;
    std::map<int, std::string> m_fdPaths;
    std::map<FsCall, int> m_counts;
    bool m_fired = false;
};

/// Power loss, simulated: every write, truncate and directory change (create,
/// rename, link, unlink) that was not made durable by fsync (data) or FsyncDir
/// (the names in a folder) is lost at Crash(). Optionally the process "dies"
/// at the Nth changing call: that call and every later one fails with EIO, as
/// if nothing after it ran. Crash() then puts the folder back into the state
/// the disk would hold after a reboot. One folder (the vault) is modelled;
/// calls outside it go straight through.
class CrashSimulatingFileSystem final : public FileSystem {
public:
    /// dir: the vault folder, whose current content counts as durable.
    explicit CrashSimulatingFileSystem(std::filesystem::path dir, int dieAtCall = 0);
    ~CrashSimulatingFileSystem() override;

    int Open(const std::filesystem::path& path, int flags, unsigned mode) override;
    long Write(int fd, const void* data, std::size_t size) override;
    int Fsync(int fd) override;
    int Close(int fd) override;
    int Rename(const std::filesystem::path& from, const std::filesystem::path& to) override;
    int Link(const std::filesystem::path& from, const std::filesystem::path& to) override;
    int Unlink(const std::filesystem::path& path) override;
    int FsyncDir(const std::filesystem::path& dir) override;
    int Truncate(int fd, std::uint64_t size) override;

    /// Changing calls seen so far (open with O_CREAT, write, fsync, rename,
    /// link, unlink, fsync-dir, truncate): run once without dying to learn
    /// how many steps an operation has.
    int Calls() const;
    bool Died() const;
    /// Rewrites the folder to what survives a power loss now.
    void Crash();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

/// Replaces `target` with `bytes` so that a crash at any moment leaves either
/// the old or the new content: temp file (O_CREAT|O_EXCL, 0600) in the same
/// folder, write, fsync, close; the old file is hard-linked to `<target>.bak`
/// (the one backup kept); rename over the target; fsync the folder.
/// Throws VaultError::Io naming the file and the OS error, and saying whether
/// the previous version is intact.
void AtomicWriteFile(FileSystem& fs, const std::filesystem::path& target,
                     std::span<const unsigned char> bytes, bool keepBackup = true);

/// Reads a whole regular file of at most maxBytes. A FIFO, device, folder or
/// symbolic link in its place is refused by type before anything is read (no
/// hang on a FIFO: opened non-blocking), and a bigger file is refused without
/// reading it: VaultError::Damaged naming the file. Other failures are
/// VaultError::Io naming the file (ENOENT included; callers that expect
/// absence check first).
std::vector<unsigned char> ReadWholeFile(const std::filesystem::path& path,
                                         std::size_t maxBytes = kMaxVaultFileBytes);
/// The same into `out`, whose memory is reused: opening case after case then
/// touches no fresh pages (out holds only what the file holds).
void ReadWholeFile(const std::filesystem::path& path, std::vector<unsigned char>& out,
                   std::size_t maxBytes = kMaxVaultFileBytes);

} // namespace kartbok::vault
