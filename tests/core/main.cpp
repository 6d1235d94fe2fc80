// Catch2 v2 main for tests_core.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
