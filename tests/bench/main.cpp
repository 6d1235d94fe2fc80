// bench: the speed table of docs/design.md, "Speed" (see src/cli/Bench.cpp).
#include "Bench.h"

#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
    kartbok::cli::BenchOptions options;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0)
            options.quick = true;
        else if (std::strcmp(argv[i], "--no-gui") == 0)
            options.gui = false;
        else {
            std::cerr << "usage: bench [--quick] [--no-gui]\n";
            return 2;
        }
    }
    options.binDir = std::filesystem::canonical("/proc/self/exe").parent_path();
    try {
        return kartbok::cli::RunBench(std::cout, options);
    } catch (const std::exception& e) {
        std::cerr << "bench: " << e.what() << "\n";
        return 1;
    }
}
