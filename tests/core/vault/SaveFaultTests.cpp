// The save protocol under failure: every step of a save failing with a full
// disk or a read-only file system (through the FileSystem seam), a real small
// tmpfs, and kill -9 in the middle of saves. The previous case must always
// stay intact and readable.

#include "VaultTestSupport.h"

#include "kartbok/vault/FileSystem.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

namespace {

const FsCall kAllCalls[] = {FsCall::Open,   FsCall::Write, FsCall::Fsync,  FsCall::Close,
                            FsCall::Unlink, FsCall::Link,  FsCall::Rename, FsCall::FsyncDir};

} // namespace

TEST_CASE("a save failing at any step of the case file keeps the previous case", "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const std::string id = v.CreateCase(kCode).id;
    const journal::Case oldCase = RichCase(id, kCode, 2);
    v.SaveCase(oldCase);
    journal::Case current = oldCase;
    int failures = 0;

    for (const FsCall call : kAllCalls) {
        for (const int err : {ENOSPC, EROFS}) {
            for (int nth = 1;; ++nth) {
                INFO(ToString(call) << " #" << nth << " fails with " << std::strerror(err));
                // The folder fsync has no file name: it is the first one of the save.
                if (call == FsCall::FsyncDir && nth > 1)
                    break;
                auto fault =
                    std::make_shared<FaultInjectingFileSystem>(FaultInjectingFileSystem::Fault{
                        call, nth, err, call == FsCall::FsyncDir ? "" : id + ".kbc"});
                v.SetFileSystem(fault);
                // Sessions only ever added: a signed one may never go.
                journal::Case next = RichCase(id, kCode, 3 + failures);
                next.contact = "attempt " + std::to_string(failures);
                std::string msg;
                try {
                    v.SaveCase(next);
                } catch (const VaultError& e) {
                    msg = e.what();
                    CHECK(e.GetKind() == VaultError::Kind::Io);
                }
                v.SetFileSystem(nullptr);
                if (!fault->Fired()) {
                    CHECK(msg.empty());
                    current = next; // the save went through; this kind has no more calls
                    break;
                }
                ++failures;
                REQUIRE_FALSE(msg.empty());
                CheckCleanMessage(msg);
                CHECK(msg.rfind(id + ".kbc: ", 0) == 0);
                CHECK(msg.find(std::strerror(err)) != std::string::npos);
                const journal::Case loaded = v.LoadCase(id);
                if (call == FsCall::FsyncDir) {
                    // Renamed already: the new version is in place, maybe not durable.
                    CHECK(msg.find("the new version may not survive a power loss") !=
                          std::string::npos);
                    CHECK(loaded == next);
                    current = next;
                } else {
                    CHECK(msg.find("; the previous version is intact") != std::string::npos);
                    CHECK(loaded == current);
                }
                for (const auto& f : fs::directory_iterator(tmp / "vault"))
                    CHECK(f.path().filename().string().find(".tmp-") == std::string::npos);
            }
        }
    }
    CHECK(failures >= 14);
    CHECK(v.Verify().ok);
    // Nothing sticks: a plain save works afterwards.
    journal::Case last = v.LoadCase(id);
    last.contact = "after the faults";
    v.SaveCase(last);
    CHECK(Vault::Open(tmp / "vault", kPassword).LoadCase(id) == last);
}

TEST_CASE("a save whose index update fails keeps the saved case and repairs the index", "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const std::string id = v.CreateCase(kCode).id;
    for (const FsCall call : {FsCall::Write, FsCall::Fsync, FsCall::Rename}) {
        auto fault = std::make_shared<FaultInjectingFileSystem>(
            FaultInjectingFileSystem::Fault{call, 1, ENOSPC, "index.kbx", true});
        v.SetFileSystem(fault);
        const journal::Case next = RichCase(id, kCode, 1 + static_cast<int>(call));
        const std::string msg = ExpectVaultError(VaultError::Kind::Io, [&] { v.SaveCase(next); });
        v.SetFileSystem(nullptr);
        CHECK(msg.rfind("index.kbx: could not save", 0) == 0);
        CHECK(msg.find(id + ".kbc itself was saved") != std::string::npos);
        CHECK(v.LoadCase(id) == next);
    }
    CHECK(v.Verify().ok);
}

TEST_CASE("a vault folder that vanished is an I/O problem, and saving works once it is back",
          "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const std::string id = v.CreateCase(kCode).id;
    const fs::path away = tmp / "away";
    fs::rename(tmp / "vault", away);
    const std::string msg =
        ExpectVaultError(VaultError::Kind::Io, [&] { v.SaveCase(RichCase(id)); });
    CHECK(msg.find("cannot be reached") != std::string::npos);
    CHECK(msg.find(kNoteText) == std::string::npos);
    fs::rename(away, tmp / "vault");
    v.SaveCase(RichCase(id));
    CHECK(v.LoadCase(id) == RichCase(id));
    // A case file removed while the folder is there is another program's doing.
    fs::remove(tmp / "vault" / (id + ".kbc"));
    ExpectVaultError(VaultError::Kind::Conflict, [&] { v.SaveCase(RichCase(id)); });
}

TEST_CASE("a full disk while appending to the audit log is reported, the save kept", "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const std::string id = v.CreateCase(kCode).id;
    v.SetFileSystem(std::make_shared<FaultInjectingFileSystem>(
        FaultInjectingFileSystem::Fault{FsCall::Write, 1, ENOSPC, "audit.kbl", true}));
    const std::string msg =
        ExpectVaultError(VaultError::Kind::Io, [&] { v.SaveCase(RichCase(id)); });
    v.SetFileSystem(nullptr);
    CHECK(msg.rfind("audit.kbl: could not append: No space left on device", 0) == 0);
    CHECK(msg.find("the change itself is saved") != std::string::npos);
    // The record is in index.kbx and goes into the log before the next one.
    CHECK(v.LoadCase(id) == RichCase(id));
    const auto log = v.ReadAudit();
    REQUIRE(log.size() >= 2);
    CHECK(log[log.size() - 2].action == AuditAction::Save);
    CHECK(log.back().action == AuditAction::Open);
    CHECK(v.Verify().ok);
}

namespace {

/// A small real tmpfs; Mounted() is false where mounting is not permitted.
class SmallTmpfs {
public:
    explicit SmallTmpfs(const fs::path& where) : m_where(where) {
        fs::create_directories(where);
        m_mounted = ::mount("tmpfs", where.c_str(), "tmpfs", 0, "size=2m,mode=0700") == 0;
    }
    ~SmallTmpfs() {
        if (m_mounted && ::umount2(m_where.c_str(), 0) != 0)
            ::umount2(m_where.c_str(), MNT_DETACH);
    }
    bool Mounted() const { return m_mounted; }
    bool RemountReadOnly() {
        return ::mount("tmpfs", m_where.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, "size=2m") == 0;
    }

private:
    fs::path m_where;
    bool m_mounted = false;
};

/// Fills the file system until a write fails; returns the filler file.
fs::path FillDisk(const fs::path& dir) {
    const fs::path filler = dir / "filler";
    const int fd = ::open(filler.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(fd >= 0);
    std::vector<char> block(4096, 'f');
    while (::write(fd, block.data(), block.size()) > 0) {
    }
    std::vector<char> small(1, 'f');
    while (::write(fd, small.data(), 1) > 0) {
    }
    ::close(fd);
    return filler;
}

} // namespace

TEST_CASE("a real full and read-only file system keep the previous case", "[vault]") {
    TempDir tmp;
    SmallTmpfs disk(tmp / "disk");
    if (!disk.Mounted()) {
        WARN("cannot mount a tmpfs here (" << std::strerror(errno)
                                           << "); the seam tests cover this");
        return;
    }
    Vault v = Vault::Create(tmp / "disk" / "vault", "anna", kPassword, KdfLimits::Minimum());
    const std::string id = v.CreateCase(kCode).id;
    const journal::Case small = RichCase(id, kCode, 1, 4000);
    v.SaveCase(small);
    {
        const fs::path filler = FillDisk(tmp / "disk");
        const journal::Case big = RichCase(id, kCode, 20, 4000);
        const std::string msg = ExpectVaultError(VaultError::Kind::Io, [&] { v.SaveCase(big); });
        INFO(msg);
        // The first write of the change fails (write.lock, or the case file
        // when the lock still fit): either way the file is named and nothing changed.
        const bool lockFailed = msg.rfind("write.lock: could not write the lock", 0) == 0;
        CHECK((lockFailed || msg.rfind(id + ".kbc: could not save", 0) == 0));
        CHECK(msg.find(lockFailed ? "No space left on device; nothing was changed"
                                  : "No space left on device; the previous version is intact") !=
              std::string::npos);
        fs::remove(filler);
        CHECK(v.LoadCase(id) == small);
        v.SaveCase(big);
        CHECK(v.LoadCase(id) == big);
    }
    REQUIRE(disk.RemountReadOnly());
    const std::string msg =
        ExpectVaultError(VaultError::Kind::Io, [&] { v.SaveCase(RichCase(id, kCode, 20, 4000)); });
    CHECK(msg.find("Read-only file system") != std::string::npos);
    // A read-only vault (a backup disk) still unlocks and lists, but reading a
    // case needs its audit record first: refused, naming the file.
    Vault ro = Vault::Open(tmp / "disk" / "vault", kPassword);
    CHECK(ro.ListCases().size() == 1);
    CHECK(ExpectVaultError(VaultError::Kind::Io, [&] {
              ro.LoadCase(id);
          }).find("Read-only file system") != std::string::npos);
}

TEST_CASE("kill -9 during saves leaves the old or the new case, never a mix", "[vault]") {
    TempDir tmp;
    const fs::path dir = tmp / "vault";
    std::string id;
    {
        Vault v = NewVault(tmp);
        id = v.CreateCase(kCode).id;
        v.SaveCase(RichCase(id, kCode, 8, 20000));
    }
    // Both several chunks long, slower to write; they differ outside the signed notes.
    journal::Case a = RichCase(id, kCode, 8, 20000);
    journal::Case b = a;
    b.contact = "b";
    b.sessions[1].fields[0].text += " (draft, edited)";
    Vault parent = Vault::Open(dir, kPassword);
    std::mt19937 rng(std::random_device{}());
    int sawA = 0, sawB = 0;
    for (int round = 0; round < 50; ++round) {
        int ready[2];
        REQUIRE(::pipe(ready) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(ready[0]);
            try {
                Vault child = Vault::Open(dir, kPassword);
                child.LoadCase(id);
                const char go = 'g';
                if (::write(ready[1], &go, 1) != 1)
                    ::_exit(4);
                for (int k = 0;; ++k)
                    child.SaveCase(k % 2 == 0 ? b : a);
            } catch (...) {
                ::_exit(3);
            }
        }
        ::close(ready[1]);
        char go = 0;
        REQUIRE(::read(ready[0], &go, 1) == 1);
        ::close(ready[0]);
        // Every fifth kill lands before the first save can finish (the old
        // case must survive); the rest at random points of the save loop.
        if (round % 5 != 0)
            ::usleep(static_cast<useconds_t>(rng() % 40000));
        ::kill(pid, SIGKILL);
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        INFO("round " << round);
        REQUIRE(WIFSIGNALED(status)); // the child never failed on its own
        const journal::Case loaded = parent.LoadCase(id);
        const bool isA = loaded == a, isB = loaded == b;
        REQUIRE((isA || isB));
        sawA += isA;
        sawB += isB;
    }
    CHECK(sawA + sawB == 50);
    CHECK(sawA > 0); // kills landed at different points of the save loop
    CHECK(sawB > 0);
    const VerifyReport report = parent.Verify();
    for (const auto& p : report.problems)
        UNSCOPED_INFO(p);
    CHECK(report.ok);
}
