// Files written outside the vault (kartbok/vault/Export.h): 0600 whatever the
// umask, no temporary file left by a failure at any step, a kill -9 mid-write
// leaves only a recognisable temporary file that the next export into the
// folder removes, special files refused without hanging, and an export of
// client data audited first or not written at all.

#include "VaultTestSupport.h"

#include "FileSystemFixtures.h"
#include "ProcessFixtures.h"

#include "kartbok/vault/Export.h"
#include "kartbok/vault/FileSystem.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <future>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;
using kartbok::test::DeadPid;
using kartbok::test::ForwardingFileSystem;

namespace {

const std::string kSecret = "Klienten berattade om pappans drickande (export)";

Bytes Content(std::size_t size = 4096) {
    Bytes b(size);
    for (std::size_t i = 0; i < size; ++i)
        b[i] = static_cast<unsigned char>(kSecret[i % kSecret.size()]);
    return b;
}

unsigned ModeOf(const fs::path& p) {
    struct stat st {};
    REQUIRE(::lstat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

std::vector<std::string> Temps(const fs::path& folder) {
    std::vector<std::string> temps;
    for (const auto& e : fs::directory_iterator(folder))
        if (IsExportTempName(e.path().filename().string()))
            temps.push_back(e.path().filename().string());
    return temps;
}

std::size_t Entries(const fs::path& folder) {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

/// Restores the process umask when the test ends, whatever happens.
struct UmaskGuard {
    explicit UmaskGuard(mode_t mask) : old(::umask(mask)) {}
    ~UmaskGuard() { ::umask(old); }
    mode_t old;
};

/// Calls `onOpen` before each open (to look at the audit log at the moment
/// the export file is created).
class ObservingFileSystem final : public ForwardingFileSystem {
public:
    std::function<void(const fs::path&)> onOpen;
    int Open(const fs::path& p, int flags, unsigned mode) override {
        if (onOpen)
            onOpen(p);
        return ForwardingFileSystem::Open(p, flags, mode);
    }
};

/// Writes in small pieces and, after the first, tells the parent and stops
/// for good: the moment a kill -9 hits a large export half-way.
class StallingFileSystem final : public ForwardingFileSystem {
public:
    explicit StallingFileSystem(int readyFd) : m_ready(readyFd) {}
    long Write(int fd, const void* d, std::size_t n) override {
        const long written = m_posix->Write(fd, d, std::min<std::size_t>(n, 64 * 1024));
        const char go = 'g';
        if (::write(m_ready, &go, 1) != 1)
            ::_exit(5);
        for (;;)
            ::pause();
        return written;
    }

private:
    int m_ready;
};

std::string HostField() {
    // The host field of a name this process makes, however the host is spelt.
    const std::string name = NewExportTempName();
    const auto first = name.find('_');
    return name.substr(first + 1, name.find('_', first + 1) - first - 1);
}

std::string StartOf(long pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    std::istringstream fields(text.substr(text.rfind(')') + 1));
    std::string field;
    for (int i = 3; i <= 22; ++i)
        fields >> field;
    return field;
}

int CountExports(const Vault& v, const std::string& caseId) {
    int n = 0;
    for (const auto& e : v.ReadAudit())
        n += e.action == AuditAction::Export && e.caseId == caseId;
    return n;
}

} // namespace

TEST_CASE("an export is created 0600 whatever the umask, also over a 0644 file",
          "[vault][export]") {
    TempDir tmp;
    const Bytes bytes = Content();
    for (const mode_t mask : {022, 000, 077, 0277}) {
        INFO("umask " << std::oct << mask);
        const fs::path fresh = tmp / ("fresh-" + std::to_string(mask) + ".pdf");
        const fs::path old = tmp / ("old-" + std::to_string(mask) + ".pdf");
        WriteFile(old, Bytes{'o', 'l', 'd'});
        ::chmod(old.c_str(), 0644);
        {
            UmaskGuard guard(mask);
            WriteExportFile(fresh, bytes);
            WriteExportFile(old, bytes);
        }
        CHECK(ModeOf(fresh) == 0600);
        CHECK(ModeOf(old) == 0600);
        CHECK(ReadFile(fresh) == bytes);
        CHECK(ReadFile(old) == bytes);
    }
    CHECK(Temps(tmp.Path()).empty());
}

TEST_CASE("an export failing at any step leaves no temporary file and names the file",
          "[vault][export]") {
    TempDir tmp;
    const Bytes bytes = Content(300000);
    const Bytes old{'o', 'l', 'd'};
    const FsCall steps[] = {FsCall::Open,  FsCall::Write,  FsCall::Fsync,
                            FsCall::Close, FsCall::Rename, FsCall::FsyncDir};
    for (const bool existed : {false, true})
        for (const FsCall call : steps)
            for (const int err : {ENOSPC, EROFS, EIO}) {
                INFO(ToString(call) << " fails with " << std::strerror(err)
                                    << (existed ? ", over an old file" : ""));
                const fs::path target = tmp / "rapport.pdf";
                fs::remove(target);
                if (existed)
                    WriteFile(target, old);
                FaultInjectingFileSystem fault({call, 1, err, ""});
                const std::string msg = ExpectVaultError(
                    VaultError::Kind::Io, [&] { WriteExportFile(fault, target, bytes); });
                CHECK(fault.Fired());
                CheckCleanMessage(msg);
                CHECK(msg.find(kSecret.substr(0, 20)) == std::string::npos);
                CHECK(msg.rfind(target.string() + ": ", 0) == 0);
                CHECK(msg.find(std::strerror(err)) != std::string::npos);
                CHECK(Temps(tmp.Path()).empty());
                if (call == FsCall::FsyncDir) {
                    // Already renamed: the new file is there, maybe not durable.
                    CHECK(msg.find("may not survive a power loss") != std::string::npos);
                    CHECK(ReadFile(target) == bytes);
                    CHECK(ModeOf(target) == 0600);
                } else {
                    if (call != FsCall::Open)
                        CHECK(msg.find("the partial file was removed") != std::string::npos);
                    if (existed)
                        CHECK(ReadFile(target) == old);
                    else
                        CHECK_FALSE(fs::exists(target));
                }
                CHECK(Entries(tmp.Path()) == (existed || call == FsCall::FsyncDir ? 1u : 0u));
            }
}

TEST_CASE("a temporary file that cannot be removed after a failure is named in the message",
          "[vault][export]") {
    TempDir tmp;
    auto unlinkFails = std::make_shared<FaultInjectingFileSystem>(
        FaultInjectingFileSystem::Fault{FsCall::Unlink, 1, EACCES, ""});
    FaultInjectingFileSystem writeFails({FsCall::Write, 1, ENOSPC, ""}, unlinkFails);
    const std::string msg = ExpectVaultError(
        VaultError::Kind::Io, [&] { WriteExportFile(writeFails, tmp / "karta.png", Content()); });
    const auto temps = Temps(tmp.Path());
    REQUIRE(temps.size() == 1);
    CHECK(msg.find(temps[0]) != std::string::npos);
    CHECK(msg.find("could not be removed") != std::string::npos);
    CHECK(ModeOf(tmp / temps[0]) == 0600);
    // The next export into the folder leaves a live writer's temp alone.
    WriteExportFile(tmp / "karta.png", Content());
    CHECK(Temps(tmp.Path()).size() == 1);
}

TEST_CASE("a target that is not a regular file is refused without hanging", "[vault][export]") {
    TempDir tmp;
    REQUIRE(::mkfifo((tmp / "pipe.pdf").c_str(), 0600) == 0);
    fs::create_directory(tmp / "folder.pdf");
    WriteFile(tmp / "real.pdf", Bytes{'r'});
    fs::create_symlink(tmp / "real.pdf", tmp / "link.pdf");
    fs::create_symlink(tmp / "nowhere.pdf", tmp / "dangling.pdf");
    const std::size_t before = Entries(tmp.Path());
    for (const fs::path& target :
         {tmp / "pipe.pdf", fs::path("/dev/null"), tmp / "folder.pdf", tmp / "link.pdf",
          tmp / "dangling.pdf", tmp / "no" / "x.pdf", tmp.Path() / ""}) {
        INFO(target);
        // Run on a thread, so a writer that opened the FIFO would fail the test, not hang it.
        auto done = std::make_shared<std::promise<std::string>>();
        auto result = done->get_future();
        std::thread([done, target] {
            try {
                WriteExportFile(target, Content());
                done->set_value("written");
            } catch (const VaultError& e) {
                done->set_value(
                    std::string(e.GetKind() == VaultError::Kind::Usage ? "usage: " : "other: ") +
                    e.what());
            }
        }).detach();
        REQUIRE(result.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
        const std::string outcome = result.get();
        CHECK(outcome.rfind("usage: " + target.string(), 0) == 0);
    }
    CHECK(Entries(tmp.Path()) == before);
    CHECK(ReadFile(tmp / "real.pdf") == Bytes{'r'});
    struct stat st {};
    REQUIRE(::lstat((tmp / "pipe.pdf").c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
}

TEST_CASE("kill -9 mid-export leaves only a temporary file the next export removes",
          "[vault][export]") {
    TempDir tmp;
    const fs::path target = tmp / "journalutdrag.pdf";
    const Bytes large = Content(16 * 1024 * 1024);
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(ready[0]);
        try {
            StallingFileSystem stalling(ready[1]);
            WriteExportFile(stalling, target, large);
        } catch (...) {
        }
        ::_exit(3); // never reached: the write stalls until the kill
    }
    ::close(ready[1]);
    char go = 0;
    REQUIRE(::read(ready[0], &go, 1) == 1);
    ::close(ready[0]);
    REQUIRE(::kill(pid, SIGKILL) == 0);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFSIGNALED(status));

    // Exactly one file: the temporary, named by the documented pattern with the
    // writer's pid, 0600, holding part of the plaintext; no target.
    REQUIRE(Entries(tmp.Path()) == 1);
    const auto temps = Temps(tmp.Path());
    REQUIRE(temps.size() == 1);
    CHECK(temps[0].rfind("kartbok-export_" + HostField() + "_" + std::to_string(pid) + "_", 0) ==
          0);
    CHECK(temps[0].size() > 4);
    CHECK(temps[0].substr(temps[0].size() - 4) == ".tmp");
    CHECK(ModeOf(tmp / temps[0]) == 0600);
    const auto partial = fs::file_size(tmp / temps[0]);
    CHECK(partial > 0);
    CHECK(partial < large.size());
    CHECK_FALSE(fs::exists(target));

    // The next export into the folder removes it.
    WriteExportFile(tmp / "annat.csv", std::string_view("year,count\n"));
    CHECK(Temps(tmp.Path()).empty());
    CHECK(Entries(tmp.Path()) == 1);
    CHECK(fs::exists(tmp / "annat.csv"));
}

TEST_CASE("only temporaries of a writer that is gone are stale", "[vault][export]") {
    TempDir tmp;
    const std::string host = HostField();
    const long self = static_cast<long>(::getpid());
    const std::string selfStart = StartOf(self);
    const std::string hex = "0123456789ab";
    auto temp = [&](const std::string& h, long pid, const std::string& start) {
        return "kartbok-export_" + h + "_" + std::to_string(pid) + "_" + start + "_" + hex + ".tmp";
    };
    const std::string live = temp(host, self, selfStart);
    const std::string reused = temp(host, self, selfStart + "1"); // our pid, another process
    const std::string dead = temp(host, DeadPid(), "12345");
    const std::string otherFresh = temp("another-host", 4242, "99");
    const std::string otherOld = temp("another-host", 4243, "99");
    const std::vector<std::string> strangers = {
        "kartbok-export_" + host + "_1_2_zzzzzzzzzzzz.tmp", // not hex
        "kartbok-export_" + host + "_1_2_0123456789ab.tmp.pdf",
        "kartbok-export_" + host + "_x_2_0123456789ab.tmp",
        "kartbok-export_a_b_" + host + "_1_2_0123456789ab.tmp",
        "notes.tmp",
        "rapport.pdf.tmp"};
    std::vector<std::string> all = {live, reused, dead, otherFresh, otherOld};
    all.insert(all.end(), strangers.begin(), strangers.end());
    std::shuffle(all.begin(), all.end(), std::mt19937{std::random_device{}()});
    for (const auto& name : all)
        WriteFile(tmp / name, Bytes{'x'});
    fs::create_directory(tmp / temp(host, DeadPid(), "7")); // a folder by that name stays
    const auto dayAndMore =
        fs::file_time_type::clock::now() - std::chrono::hours(kForeignExportTempHours + 1);
    fs::last_write_time(tmp / otherOld, dayAndMore);

    for (const auto& name : {live, reused, dead, otherFresh, otherOld})
        CHECK(IsExportTempName(name));
    for (const auto& name : strangers)
        CHECK_FALSE(IsExportTempName(name));

    CHECK(RemoveStaleExportTemps(tmp.Path()) == 3);
    CHECK(fs::exists(tmp / live));
    CHECK_FALSE(fs::exists(tmp / reused));
    CHECK_FALSE(fs::exists(tmp / dead));
    CHECK(fs::exists(tmp / otherFresh));
    CHECK_FALSE(fs::exists(tmp / otherOld));
    for (const auto& name : strangers)
        CHECK(fs::exists(tmp / name));
    CHECK(RemoveStaleExportTemps(tmp.Path()) == 0);
    CHECK(RemoveStaleExportTemps(tmp / "missing") == 0);
}

TEST_CASE("an export of client data is audited before the file exists", "[vault][export]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const std::string id = v.CreateCase(kCode).id;
    const fs::path target = tmp / "karta.svg";
    auto observer = std::make_shared<ObservingFileSystem>();
    int recordsAtOpen = -1;
    observer->onOpen = [&](const fs::path&) { recordsAtOpen = CountExports(v, id); };
    Export(v, target, Content(), id, "map identified .svg", observer);
    CHECK(recordsAtOpen == 1);
    CHECK(ReadFile(target) == Content());
    CHECK(ModeOf(target) == 0600);
    const auto audit = v.ReadAudit();
    REQUIRE_FALSE(audit.empty());
    CHECK(audit.back().action == AuditAction::Export);
    CHECK(audit.back().caseId == id);
    CHECK(audit.back().detail == "map identified .svg");
    CHECK(audit.back().detail.find("karta") == std::string::npos);

    // A file that cannot be written gets a second record saying so.
    FaultInjectingFileSystem::Fault full{FsCall::Write, 1, ENOSPC, ""};
    ExpectVaultError(VaultError::Kind::Io, [&] {
        Export(v, tmp / "b.pdf", Content(), id, "report record",
               std::make_shared<FaultInjectingFileSystem>(full));
    });
    CHECK(v.ReadAudit().back().detail == "report record; failed");
    CHECK_FALSE(fs::exists(tmp / "b.pdf"));

    // A special file is refused before anything is recorded.
    const int before = CountExports(v, id);
    ExpectVaultError(VaultError::Kind::Usage, [&] { Export(v, "/dev/null", Content(), id, "x"); });
    CHECK(CountExports(v, id) == before);
}

TEST_CASE("an export whose audit record cannot be written writes nothing", "[vault][export]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const std::string id = v.CreateCase(kCode).id;
    const int before = CountExports(v, id);
    for (const FsCall call : {FsCall::Open, FsCall::Write, FsCall::Fsync}) {
        INFO(ToString(call) << " of audit.kbl fails");
        v.SetFileSystem(std::make_shared<FaultInjectingFileSystem>(
            FaultInjectingFileSystem::Fault{call, 1, EACCES, "audit.kbl", true}));
        const fs::path target = tmp / "rapport.pdf";
        const std::string msg = ExpectVaultError(
            VaultError::Kind::Io, [&] { Export(v, target, Content(), id, "report followup"); });
        v.SetFileSystem(nullptr);
        CheckCleanMessage(msg);
        CHECK(msg.rfind(target.string() + ": not exported", 0) == 0);
        CHECK(msg.find("audit") != std::string::npos);
        CHECK_FALSE(fs::exists(target));
        CHECK(Entries(tmp.Path()) == 1); // the vault folder only
    }
    const int after = CountExports(v, id);
    // An fsync that fails may leave the record written but not flushed; never a file.
    CHECK(after - before <= 1);
}
