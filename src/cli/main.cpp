#include "Cli.h"

#include <iostream>

int main(int argc, char** argv) {
    return kartbok::cli::Run(argc, argv, std::cin, std::cout, std::cerr);
}
