// Crash artefacts must never hold client text: no core dumps for Kartbok.
#include "kartbok/vault/Hardening.h"

#include <catch2/catch.hpp>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

TEST_CASE("HardenProcess turns core dumps off", "[vault][hardening]") {
    // In a child, so the test runner itself stays debuggable.
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        bool ok = kartbok::vault::HardenProcess();
        rlimit core{};
        ::getrlimit(RLIMIT_CORE, &core);
        bool checks =
            ok && core.rlim_cur == 0 && core.rlim_max == 0 && ::prctl(PR_GET_DUMPABLE) == 0;
        ::_exit(checks ? 0 : 1);
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}
