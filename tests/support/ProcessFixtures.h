#pragma once
// Processes for the tests: one that is gone (a crashed writer's leftovers are
// recognised by a pid that no longer runs), and several at once whose every
// reported success is counted afterwards.

#include <catch2/catch.hpp>

#include <cstdio>
#include <exception>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kartbok::test {

/// The pid of a process that has exited and been reaped (until the system
/// hands the number out again, which takes a full turn of the pid space).
inline long DeadPid() {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0)
        ::_exit(0);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    return static_cast<long>(pid);
}

/// Runs `work(k, out)` in `count` forked processes at once; each line a child
/// writes to `out` is one thing it saw succeed. A child that throws writes
/// "ERROR <what>". Returns the lines of all children (in child order, without
/// the ERROR lines); fails the test on an ERROR line or a crashed child.
inline std::vector<std::string> LinesFromChildren(int count,
                                                  const std::function<void(int, FILE*)>& work) {
    std::vector<std::pair<pid_t, int>> kids;
    for (int k = 0; k < count; ++k) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(fds[0]);
            FILE* out = ::fdopen(fds[1], "w");
            try {
                work(k, out);
            } catch (const std::exception& e) {
                std::fprintf(out, "ERROR %s\n", e.what());
            }
            std::fflush(out);
            ::_exit(0);
        }
        ::close(fds[1]);
        kids.emplace_back(pid, fds[0]);
    }
    std::vector<std::string> lines;
    for (auto [pid, fd] : kids) {
        FILE* in = ::fdopen(fd, "r");
        char buf[4096];
        while (std::fgets(buf, sizeof buf, in)) {
            std::string line(buf);
            if (!line.empty() && line.back() == '\n')
                line.pop_back();
            INFO(line);
            CHECK(line.rfind("ERROR", 0) != 0);
            if (line.rfind("ERROR", 0) != 0)
                lines.push_back(line);
        }
        std::fclose(in);
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        CHECK(WIFEXITED(status));
    }
    return lines;
}

} // namespace kartbok::test
