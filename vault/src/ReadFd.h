#pragma once
// A vault file opened for reading, closed when it goes out of scope: the one
// way the vault opens a file it only reads. Private to vault/src.

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

namespace kartbok::vault::detail {

/// O_NONBLOCK: a FIFO put in a file's place must not wait for a writer;
/// O_NOFOLLOW: a link in the vault could point anywhere (/dev/zero, another
/// vault). Get() is negative, errno set by open, when it could not be opened.
class ReadFd {
public:
    explicit ReadFd(const std::filesystem::path& path)
        : m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)) {}
    ~ReadFd() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    ReadFd(const ReadFd&) = delete;
    ReadFd& operator=(const ReadFd&) = delete;

    int Get() const { return m_fd; }
    bool Ok() const { return m_fd >= 0; }

private:
    int m_fd;
};

} // namespace kartbok::vault::detail
