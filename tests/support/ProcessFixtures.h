#pragma once
// Processes for the tests that need one that is gone: a crashed writer's
// leftovers are recognised by a pid that no longer runs.

#include <catch2/catch.hpp>

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

} // namespace kartbok::test
