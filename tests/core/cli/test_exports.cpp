// Every file kartbok-cli writes outside the vault: 0600, audited first for
// client data, and nothing at all when the audit log refuses the record -
// whether audit.kbl is read-only (chmod 0400, run as a user it binds) or its
// appends fail through the FileSystem seam.
#include "CliHarness.h"

#include "kartbok/vault/Export.h"
#include "kartbok/vault/FileSystem.h"
#include "kartbok/vault/Vault.h"

#include <catch2/catch.hpp>

#include <cerrno>
#include <filesystem>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using kartbok::test::CliResult;
using kartbok::test::CliRun;
using kartbok::test::CliRunWith;
using kartbok::test::ScratchDir;
namespace fs = std::filesystem;
namespace vault = kartbok::vault;

namespace {

const std::string kPw = "export-test-password";
const std::string kCode = "GBG-2025-017"; // the demo client
constexpr uid_t kNobody = 65534;

std::string Demo(const ScratchDir& tmp) {
    const std::string dir = (tmp.path / "demo").string();
    REQUIRE(CliRun({"--kdf", "minimum", "demo", dir, "--password-stdin"}, kPw + "\n").code == 0);
    return dir;
}

/// The command lines that export client data, each writing into `out`.
std::vector<std::vector<std::string>> ExportCommands(const std::string& dir, const fs::path& out) {
    auto o = [&](const char* name) { return (out / name).string(); };
    return {
        {"report", dir, kCode, "--kind", "followup", "--out", o("brief.pdf")},
        {"report", dir, kCode, "--kind", "supervision", "--deidentify", "--out", o("sup.pdf")},
        {"report", dir, kCode, "--kind", "record", "--out", o("record.pdf")},
        {"stats", dir, "--year", "2026", "--out", o("stats.csv"), "--answers", o("answers.csv")},
        {"genogram", "render", dir, kCode, "--out", o("map.svg")},
        {"genogram", "render", dir, kCode, "--out", o("map.pdf")},
        {"genogram", "render", dir, kCode, "--deidentify", "--out", o("map.png")},
        {"genogram", "layout", dir, kCode, "--out", o("layout.json")},
    };
}

/// Runs a command line with the vault's password on standard input.
CliResult RunArgs(const std::vector<std::string>& args,
                  std::shared_ptr<vault::FileSystem> fs = nullptr) {
    std::vector<std::string> withPassword{"--password-stdin"};
    withPassword.insert(withPassword.end(), args.begin(), args.end());
    return kartbok::test::CliRunWith(std::move(fs), withPassword, kPw + "\n");
}

std::string Joined(const std::vector<std::string>& args) {
    std::string s;
    for (const auto& a : args)
        s += a + " ";
    return s;
}

int Exports(const std::string& dir) {
    auto v = vault::Vault::Open(dir, kPw);
    int n = 0;
    for (const auto& e : v.ReadAudit())
        n += e.action == vault::AuditAction::Export;
    return n;
}

/// Runs a command line in a child process as a user that file permissions bind
/// (root is not bound by chmod 0400: as root, the scratch tree is handed to
/// nobody first). Returns exit code and standard error.
CliResult RunBound(const std::vector<std::string>& args, const fs::path& tree) {
    const bool root = ::geteuid() == 0;
    if (root)
        for (const auto& e : fs::recursive_directory_iterator(tree))
            REQUIRE(::lchown(e.path().c_str(), kNobody, kNobody) == 0);
    if (root)
        REQUIRE(::chown(tree.c_str(), kNobody, kNobody) == 0);
    int pipeFd[2];
    REQUIRE(::pipe(pipeFd) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(pipeFd[0]);
        if (root &&
            (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0))
            ::_exit(99);
        const CliResult r = RunArgs(args);
        (void)!::write(pipeFd[1], r.err.data(), r.err.size());
        ::_exit(r.code);
    }
    ::close(pipeFd[1]);
    CliResult r;
    char buf[4096];
    for (ssize_t n; (n = ::read(pipeFd[0], buf, sizeof buf)) > 0;)
        r.err.append(buf, static_cast<std::size_t>(n));
    ::close(pipeFd[0]);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    r.code = WEXITSTATUS(status);
    REQUIRE(r.code != 99);
    return r;
}

bool Empty(const fs::path& folder) {
    return fs::directory_iterator(folder) == fs::directory_iterator();
}

} // namespace

TEST_CASE("kartbok-cli writes every export 0600 and audits each", "[cli][export]") {
    ScratchDir tmp;
    const std::string dir = Demo(tmp);
    const fs::path out = tmp.path / "out";
    fs::create_directory(out);
    const mode_t oldMask = ::umask(022);
    int expected = Exports(dir);
    for (const auto& args : ExportCommands(dir, out)) {
        INFO(Joined(args));
        const CliResult r = RunArgs(args);
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        expected += args[0] == "stats" ? 2 : 1; // stats wrote two files
        CHECK(Exports(dir) == expected);
    }
    // A render from a GEDCOM file (no vault) goes through the same writer.
    REQUIRE(CliRun({"genogram", "render", "--gedcom",
                    std::string(KARTBOK_TEST_DATA) + "/gedcom/family_lf.ged", "--out",
                    (out / "ged.svg").string()},
                   "")
                .code == 0);
    ::umask(oldMask);
    int files = 0;
    for (const auto& e : fs::directory_iterator(out)) {
        INFO(e.path());
        ++files;
        CHECK((fs::status(e.path()).permissions() & fs::perms::all) ==
              (fs::perms::owner_read | fs::perms::owner_write));
        CHECK_FALSE(vault::IsExportTempName(e.path().filename().string()));
    }
    CHECK(files == 10);
}

TEST_CASE("kartbok-cli writes nothing when the audit log refuses the export record",
          "[cli][export]") {
    ScratchDir tmp;
    const std::string dir = Demo(tmp);
    const fs::path out = tmp.path / "out";
    fs::create_directory(out);
    const int before = Exports(dir);

    SECTION("audit appends fail through the FileSystem seam") {
        for (const vault::FsCall call : {vault::FsCall::Open, vault::FsCall::Write})
            for (const auto& args : ExportCommands(dir, out)) {
                INFO(vault::ToString(call) << ": " << Joined(args));
                auto fault = std::make_shared<vault::FaultInjectingFileSystem>(
                    vault::FaultInjectingFileSystem::Fault{call, 1, ENOSPC, "audit.kbl", true});
                const CliResult r = RunArgs(args, fault);
                CHECK(r.code == 1);
                CHECK(r.OneLineError());
                CHECK(r.err.find("audit") != std::string::npos);
                CHECK(r.out.empty());
                CHECK(Empty(out));
            }
    }
    SECTION("audit.kbl is read-only (chmod 0400)") {
        REQUIRE(::chmod((fs::path(dir) / "audit.kbl").c_str(), 0400) == 0);
        for (const auto& args : ExportCommands(dir, out)) {
            INFO(Joined(args));
            const CliResult r = RunBound(args, tmp.path);
            CHECK(r.code == 1);
            CHECK(r.OneLineError());
            CHECK(r.err.find("audit") != std::string::npos);
            CHECK(Empty(out));
        }
        REQUIRE(::chmod((fs::path(dir) / "audit.kbl").c_str(), 0600) == 0);
        if (::geteuid() == 0)
            REQUIRE(::chown((fs::path(dir) / "audit.kbl").c_str(), 0, 0) == 0);
    }
    CHECK(Exports(dir) == before);
}

TEST_CASE("kartbok-cli refuses an output that is a pipe, a device or a link, before asking",
          "[cli][export]") {
    ScratchDir tmp;
    const fs::path fifo = tmp.path / "map.svg";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    fs::create_symlink(tmp.path / "elsewhere.pdf", tmp.path / "link.pdf");
    // No vault and no password on stdin: the output is checked before either is needed.
    const CliResult pipe =
        CliRun({"genogram", "render", "nowhere", kCode, "--out", fifo.string()}, "");
    CHECK(pipe.code == 2);
    CHECK(pipe.OneLineError());
    CHECK(pipe.err.find("named pipe") != std::string::npos);
    const CliResult device =
        CliRun({"report", "nowhere", kCode, "--kind", "record", "--out", "/dev/null"}, "");
    CHECK(device.code == 2);
    CHECK(device.err.find("device") != std::string::npos);
    const CliResult link = CliRun(
        {"stats", "nowhere", "--year", "2026", "--out", (tmp.path / "link.pdf").string()}, "");
    CHECK(link.code == 2);
    CHECK(link.err.find("symbolic link") != std::string::npos);
}
