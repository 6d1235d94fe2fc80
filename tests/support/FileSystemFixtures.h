#pragma once
// A base for the tests' file-system doubles: every call goes to POSIX, and a
// test overrides only the calls it watches or slows.

#include "kartbok/vault/FileSystem.h"

#include <cstdint>
#include <filesystem>
#include <memory>

namespace kartbok::test {

/// Forwards every call to POSIX; a test overrides the calls it watches.
class ForwardingFileSystem : public vault::FileSystem {
public:
    using Path = std::filesystem::path;
    int Open(const Path& p, int flags, unsigned mode) override {
        return m_posix->Open(p, flags, mode);
    }
    long Write(int fd, const void* d, std::size_t n) override { return m_posix->Write(fd, d, n); }
    int Fsync(int fd) override { return m_posix->Fsync(fd); }
    int Close(int fd) override { return m_posix->Close(fd); }
    int Rename(const Path& a, const Path& b) override { return m_posix->Rename(a, b); }
    int Link(const Path& a, const Path& b) override { return m_posix->Link(a, b); }
    int Unlink(const Path& p) override { return m_posix->Unlink(p); }
    int FsyncDir(const Path& d) override { return m_posix->FsyncDir(d); }
    int Truncate(int fd, std::uint64_t size) override { return m_posix->Truncate(fd, size); }

protected:
    std::shared_ptr<vault::FileSystem> m_posix = vault::PosixFileSystem();
};

} // namespace kartbok::test
