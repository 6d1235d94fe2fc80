#pragma once
// What stat() says about a file, to notice cheaply that it is unchanged: same
// device and inode (not replaced by a rename), size, modification and change
// time (ctime cannot be set by programs). File times tick coarsely (a few ms):
// a same-size rewrite in place within the tick of our own write goes unseen;
// other Kartbok instances always replace files by rename (a new inode).
// Private to vault/src.

#include <sys/stat.h>

#include <filesystem>
#include <optional>

namespace kartbok::vault::detail {

struct FileStamp {
    dev_t device = 0;
    ino_t inode = 0;
    off_t size = 0;
    timespec modified{};
    timespec changed{};

    bool operator==(const FileStamp& o) const {
        auto same = [](const timespec& a, const timespec& b) {
            return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
        };
        return device == o.device && inode == o.inode && size == o.size &&
               same(modified, o.modified) && same(changed, o.changed);
    }
};

/// nullopt when the file cannot be stat'ed.
inline std::optional<FileStamp> StampOf(const std::filesystem::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0)
        return std::nullopt;
    return FileStamp{st.st_dev, st.st_ino, st.st_size, st.st_mtim, st.st_ctim};
}

} // namespace kartbok::vault::detail
