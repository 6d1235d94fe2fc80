// <uuid>.lock between Kartbok instances (docs/design.md, "Files and security").

#include "VaultTestSupport.h"

#include <sys/wait.h>
#include <unistd.h>

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

namespace {

std::string HostName() {
    char buf[256] = {};
    ::gethostname(buf, sizeof buf - 1);
    return buf;
}

/// /proc/<pid>/stat field 22, as docs/vault-format.md says the lock stores it.
std::string StartTime(long pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    std::istringstream rest(text.substr(text.rfind(')') + 1));
    std::string field;
    for (int i = 3; i <= 22; ++i)
        rest >> field;
    return field;
}

void WriteLock(const fs::path& p, const std::string& user, long pid, const std::string& start) {
    std::ofstream(p) << "kartbok-lock 1\nuser=" << user << "\nhost=" << HostName()
                     << "\npid=" << pid << "\nstart=" << start << "\nsince=1767225600\n";
}

} // namespace

TEST_CASE("a case lock is taken, refused to others and released", "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const std::string id = v.CreateCase(kCode).id;
    const fs::path lock = tmp / "vault" / (id + ".lock");
    REQUIRE(v.TryLockCase(id));
    CHECK(v.TryLockCase(id)); // ours already
    const Bytes bytes = ReadFile(lock);
    const std::string text(bytes.begin(), bytes.end());
    CHECK(text.find("user=anna\n") != std::string::npos);
    CHECK(text.find("pid=" + std::to_string(::getpid()) + "\n") != std::string::npos);
    CHECK(text.find(kCode) == std::string::npos);
    v.UnlockCase(id);
    CHECK_FALSE(fs::exists(lock));

    SECTION("a live holder (pid 1) is refused with its description") {
        WriteLock(lock, "bo", 1, StartTime(1));
        std::string holder;
        CHECK_FALSE(v.TryLockCase(id, &holder));
        CHECK(holder == "bo on host " + HostName() + ", pid 1, since 2026-01-01 00:00 UTC");
        v.UnlockCase(id); // not ours: left alone
        CHECK(fs::exists(lock));
    }
    SECTION("the parent process as holder is refused") {
        WriteLock(lock, "bo", static_cast<long>(::getppid()), StartTime(::getppid()));
        CHECK_FALSE(v.TryLockCase(id));
    }
    SECTION("a dead holder's lock is taken over") {
        const pid_t pid = ::fork();
        if (pid == 0)
            ::_exit(0);
        ::waitpid(pid, nullptr, 0);
        WriteLock(lock, "bo", pid, "12345");
        REQUIRE(v.TryLockCase(id));
        const Bytes bytes2 = ReadFile(lock);
        const std::string now(bytes2.begin(), bytes2.end());
        CHECK(now.find("user=anna") != std::string::npos);
        for (const auto& f : fs::directory_iterator(tmp / "vault"))
            CHECK(f.path().filename().string().find(".stale-") == std::string::npos);
    }
    SECTION("a reused pid (same pid, other start time) is stale") {
        WriteLock(lock, "bo", 1, "1" + StartTime(1) + "9");
        CHECK(v.TryLockCase(id));
    }
    SECTION("a lock from another host is never taken over") {
        std::ofstream(lock) << "kartbok-lock 1\nuser=bo\nhost=elsewhere.example\npid=1\nstart=1\n"
                               "since=1767225600\n";
        std::string holder;
        CHECK_FALSE(v.TryLockCase(id, &holder));
        CHECK(holder.find("bo on host elsewhere.example") == 0);
    }
}

// ParseLock read numbers with std::stol/stoull ("12abc" was pid 12, "-1" a start
// of 2^64 - 1) and put user and host into the holder message as they were.
TEST_CASE("a lock whose numbers are not plain decimal is not read as a holder", "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const std::string id = v.CreateCase(kCode).id;
    const fs::path lock = tmp / "vault" / (id + ".lock");
    for (const std::string bad : {"pid=12abc\nstart=1", "pid= 12\nstart=1", "pid=+12\nstart=1",
                                  "pid=12\nstart=-1", "pid=99999999999999999999\nstart=1"}) {
        INFO(bad);
        std::ofstream(lock) << "kartbok-lock 1\nuser=bo\nhost=elsewhere.example\n"
                            << bad << "\nsince=1767225600\n";
        std::string holder;
        CHECK_FALSE(v.TryLockCase(id, &holder)); // unreadable and fresh: being written
        CHECK(holder == "another Kartbok instance (the lock is being written)");
    }
}

TEST_CASE("a lock holder is described without control characters, cut to a sane length",
          "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const std::string id = v.CreateCase(kCode).id;
    const fs::path lock = tmp / "vault" / (id + ".lock");
    std::string holder;

    std::ofstream(lock) << "kartbok-lock 1\nuser=bo\x1b[2J\xc2\x9b"
                           "1m\r\nhost=else\twhere.example\x07\npid=1\n"
                           "start=1\nsince=1767225600\n";
    CHECK_FALSE(v.TryLockCase(id, &holder));
    CHECK(holder == "bo [2J 1m  on host else where.example , pid 1, since 2026-01-01 00:00 UTC");

    std::ofstream(lock) << "kartbok-lock 1\nuser=" << std::string(1000, 'x')
                        << "\nhost=elsewhere.example\npid=1\nstart=1\nsince=1767225600\n";
    CHECK_FALSE(v.TryLockCase(id, &holder));
    CHECK(holder.rfind(std::string(256, 'x') + " on host elsewhere.example, pid 1", 0) == 0);
}

TEST_CASE("a lock from a time struct tm cannot hold leaves the date out", "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const std::string id = v.CreateCase(kCode).id;
    const fs::path lock = tmp / "vault" / (id + ".lock");
    std::ofstream(lock) << "kartbok-lock 1\nuser=bo\nhost=elsewhere.example\npid=1\nstart=1\n"
                           "since=9223372036854775807\n";
    std::string holder;
    CHECK_FALSE(v.TryLockCase(id, &holder));
    CHECK(holder == "bo on host elsewhere.example, pid 1"); // was "since 1900-01-00 00:00 UTC"
}

TEST_CASE("a lock on this host with a pid no process can have is stale", "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const std::string id = v.CreateCase(kCode).id;
    const fs::path lock = tmp / "vault" / (id + ".lock");
    // 2^32 + 1 became pid 1 (alive) when cast to pid_t for kill().
    WriteLock(lock, "bo", 4294967297L, StartTime(1));
    CHECK(v.TryLockCase(id));
}

TEST_CASE("a stale write.lock is removed only under its breaker file, and a dead breaker's "
          "file does not block writers for ever",
          "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const fs::path dir = tmp / "vault";
    Vault quick = Vault::Open(dir, kPassword);
    quick.SetWriteLockTimeouts({std::chrono::milliseconds(300), std::chrono::seconds(120)});
    // A writer that died holding write.lock (pid 1 with another start time).
    WriteLock(dir / "write.lock", "bo", 1, "1" + StartTime(1) + "9");
    // A taker that died while breaking it: its breaker file is fresh, so the
    // stale lock stays until the breaker counts as dead.
    WriteLock(dir / "write.lock.stale-break", "bo", 1, "1" + StartTime(1) + "9");
    CHECK_THROWS_AS(quick.CreateCase("K-2"), VaultError);
    CHECK(fs::exists(dir / "write.lock"));
    // An hour old: that taker is gone; the next writer clears both and saves.
    const auto old = fs::file_time_type::clock::now() - std::chrono::hours(1);
    fs::last_write_time(dir / "write.lock.stale-break", old);
    CHECK_NOTHROW(v.CreateCase("K-3"));
    CHECK_FALSE(fs::exists(dir / "write.lock"));
    CHECK_FALSE(fs::exists(dir / "write.lock.stale-break"));
}
