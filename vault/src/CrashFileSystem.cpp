// CrashSimulatingFileSystem: what a power loss leaves of a vault folder
// (kartbok/vault/FileSystem.h). The model: a file's data is durable as of its
// last fsync; the names in the folder (which file each name is) are durable as
// of the last FsyncDir. Everything else is lost at Crash().

#include "kartbok/vault/FileSystem.h"
#include "kartbok/vault/Vault.h"

#include <cerrno>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <map>
#include <unistd.h>

namespace kartbok::vault {

namespace {

struct Node {
    std::string durable; ///< the content as of the last fsync ("" if never synced)
};
using NodePtr = std::shared_ptr<Node>;

std::string Slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

struct CrashSimulatingFileSystem::State {
    std::filesystem::path dir;
    int dieAt = 0;
    int calls = 0;
    bool died = false;
    std::map<std::string, NodePtr> live;    ///< name -> file, as the folder is now
    std::map<std::string, NodePtr> durable; ///< name -> file, as the disk holds it
    std::map<int, NodePtr> fds;
    std::shared_ptr<FileSystem> posix = PosixFileSystem();

    /// The name inside the modelled folder, or "" for a path elsewhere.
    std::string NameIn(const std::filesystem::path& p) const {
        const auto parent = p.parent_path().lexically_normal();
        if (parent != dir && parent.string() + "/" != dir.string())
            return {};
        return p.filename().string();
    }
    /// Counts a changing call; false (errno EIO) once the process has "died".
    bool Step() {
        if (died)
            return errno = EIO, false;
        ++calls;
        if (dieAt > 0 && calls >= dieAt) {
            died = true;
            errno = EIO;
            return false;
        }
        return true;
    }
    NodePtr Adopt(const std::string& name) {
        // A file made outside the seam (by a test, say) counts as durable.
        auto node = std::make_shared<Node>();
        node->durable = Slurp(dir / name);
        live[name] = node;
        durable[name] = node;
        return node;
    }
};

CrashSimulatingFileSystem::CrashSimulatingFileSystem(std::filesystem::path dir, int dieAtCall)
    : m_state(std::make_unique<State>()) {
    m_state->dir = dir.lexically_normal();
    m_state->dieAt = dieAtCall;
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(m_state->dir, ec))
        if (f.is_regular_file())
            m_state->Adopt(f.path().filename().string());
}

CrashSimulatingFileSystem::~CrashSimulatingFileSystem() {
    for (const auto& [fd, node] : m_state->fds)
        ::close(fd);
}

int CrashSimulatingFileSystem::Open(const std::filesystem::path& path, int flags, unsigned mode) {
    State& s = *m_state;
    const std::string name = s.NameIn(path);
    const bool changes = (flags & (O_CREAT | O_TRUNC)) != 0;
    if (changes && !s.Step())
        return -1;
    if (s.died)
        return errno = EIO, -1;
    std::error_code ec;
    const bool existed = std::filesystem::exists(path, ec);
    const int fd = s.posix->Open(path, flags, mode);
    if (fd < 0 || name.empty())
        return fd;
    NodePtr node;
    if (auto it = s.live.find(name); it != s.live.end() && existed)
        node = it->second;
    else if (existed)
        node = s.Adopt(name);
    else
        node = s.live[name] = std::make_shared<Node>();
    s.fds[fd] = node;
    return fd;
}

long CrashSimulatingFileSystem::Write(int fd, const void* data, std::size_t size) {
    if (!m_state->Step())
        return -1;
    return m_state->posix->Write(fd, data, size);
}

int CrashSimulatingFileSystem::Fsync(int fd) {
    State& s = *m_state;
    if (!s.Step())
        return -1;
    const int rc = s.posix->Fsync(fd);
    if (auto it = s.fds.find(fd); rc == 0 && it != s.fds.end())
        it->second->durable = Slurp("/proc/self/fd/" + std::to_string(fd));
    return rc;
}

int CrashSimulatingFileSystem::Close(int fd) {
    m_state->fds.erase(fd);
    return m_state->posix->Close(fd);
}

int CrashSimulatingFileSystem::Rename(const std::filesystem::path& from,
                                      const std::filesystem::path& to) {
    State& s = *m_state;
    if (!s.Step())
        return -1;
    const int rc = s.posix->Rename(from, to);
    const std::string a = s.NameIn(from), b = s.NameIn(to);
    if (rc == 0 && !a.empty()) {
        NodePtr node = s.live.count(a) ? s.live[a] : s.Adopt(a);
        s.live.erase(a);
        if (!b.empty())
            s.live[b] = node;
    } else if (rc == 0 && !b.empty()) {
        s.live[b] = std::make_shared<Node>(); // moved in from elsewhere: not durable here yet
    }
    return rc;
}

int CrashSimulatingFileSystem::Link(const std::filesystem::path& from,
                                    const std::filesystem::path& to) {
    State& s = *m_state;
    if (!s.Step())
        return -1;
    const int rc = s.posix->Link(from, to);
    const std::string a = s.NameIn(from), b = s.NameIn(to);
    if (rc == 0 && !a.empty() && !b.empty())
        s.live[b] = s.live.count(a) ? s.live[a] : s.Adopt(a);
    return rc;
}

int CrashSimulatingFileSystem::Unlink(const std::filesystem::path& path) {
    State& s = *m_state;
    if (!s.Step())
        return -1;
    const int rc = s.posix->Unlink(path);
    if (rc == 0)
        s.live.erase(s.NameIn(path));
    return rc;
}

int CrashSimulatingFileSystem::FsyncDir(const std::filesystem::path& dir) {
    State& s = *m_state;
    if (!s.Step())
        return -1;
    const int rc = s.posix->FsyncDir(dir);
    if (rc == 0 && dir.lexically_normal() == s.dir)
        s.durable = s.live;
    return rc;
}

int CrashSimulatingFileSystem::Truncate(int fd, std::uint64_t size) {
    if (!m_state->Step())
        return -1;
    return m_state->posix->Truncate(fd, size);
}

int CrashSimulatingFileSystem::Calls() const {
    return m_state->calls;
}

bool CrashSimulatingFileSystem::Died() const {
    return m_state->died;
}

void CrashSimulatingFileSystem::Crash() {
    State& s = *m_state;
    for (const auto& [fd, node] : s.fds)
        ::close(fd);
    s.fds.clear();
    std::error_code ec;
    std::vector<std::filesystem::path> present;
    for (const auto& f : std::filesystem::directory_iterator(s.dir, ec))
        if (f.is_regular_file() || f.is_symlink())
            present.push_back(f.path());
    for (const auto& p : present)
        std::filesystem::remove(p, ec);
    for (const auto& [name, node] : s.durable) {
        std::ofstream out(s.dir / name, std::ios::binary | std::ios::trunc);
        out.write(node->durable.data(), static_cast<std::streamsize>(node->durable.size()));
        std::filesystem::permissions(
            s.dir / name, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
            ec);
    }
    s.live = s.durable;
    s.died = true;
}

} // namespace kartbok::vault
