#pragma once
// The benchmark table (docs/design.md, "Speed"), shared by `bench` and `kartbok-cli bench`.

#include <filesystem>
#include <iosfwd>

namespace kartbok::cli {

struct BenchOptions {
    bool quick = false;           ///< small inputs, few runs: checks the table, not the speed
    bool gui = true;              ///< also run `kartbok --bench` for the GUI measures
    std::filesystem::path binDir; ///< where kartbok lives
};

/// Prints `name<TAB>median_ms<TAB>reference_ms<TAB>ratio` lines, then
/// `MISSED name` for each target missed. Returns the exit code (0).
int RunBench(std::ostream& out, const BenchOptions& options);

} // namespace kartbok::cli
