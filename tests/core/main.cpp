// Catch2 v2 main for tests_core. Tests make vaults with the cheapest key
// derivation; the CLI allows --kdf minimum only with KARTBOK_TEST_KDF=1.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
    ::setenv("KARTBOK_TEST_KDF", "1", 0);
    return Catch::Session().run(argc, argv);
}
