// The numbers the issue asks for: siblings in birth order on the royal-like
// 3 000-person file (>= 98 % for every seed: three in the normal run, 16 in
// "[.slow]"), and on every GEDCOM test file (printed by the
// hidden "[.numbers]" case; test_layout_invariants.cpp requires 100 %).

#include "LayoutInvariants.h"

#include "kartbok/genogram/Gedcom.h"
#include "kartbok/genogram/Layout.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

using namespace kartbok::genogram;
using namespace kartbok::genogram::testing;

namespace {

/// Birth order on the royal-like 3 000-person file made with `seed`.
double RoyalBirthOrder(std::uint32_t seed) {
    GedcomResult imported = ImportGedcom(GenerateGedcom(3000, seed, GedcomStyle::Royal));
    auto t0 = std::chrono::steady_clock::now();
    Layout layout = ComputeLayout(imported.family);
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0);
    InvariantReport r = CheckLayout(imported.family, layout);
    WARN("seed " << seed << ": " << imported.family.people.size() << " people, layout "
                 << ms.count() << " ms\n"
                 << r.Summary());
    return r.BirthOrderPercent();
}

} // namespace

// The generated files differ per seed (who marries whom, which children are
// dated): the 98 % must hold for any of them, not one lucky file.
TEST_CASE("the royal-like 3 000-person file keeps birth order", "[layout][royal]") {
    for (std::uint32_t seed : {1u, 2u, 5u})
        CHECK(RoyalBirthOrder(seed) >= 98.0);
}

TEST_CASE("the royal-like 3 000-person file keeps birth order on 16 seeds", "[.slow][royal]") {
    for (std::uint32_t seed = 1; seed <= 16; ++seed)
        CHECK(RoyalBirthOrder(seed) >= 98.0);
}

TEST_CASE("print birth order on every GEDCOM test file", "[.numbers]") {
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(KARTBOK_TEST_DATA) + "/gedcom")) {
        if (entry.path().extension() != ".ged")
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        Family f = ImportGedcom(bytes).family;
        InvariantReport r = CheckLayout(f, ComputeLayout(f));
        WARN(entry.path().filename().string() << ": " << r.siblingPairsInOrder << "/"
                                              << r.siblingPairs << " sibling pairs in birth order");
    }
}
