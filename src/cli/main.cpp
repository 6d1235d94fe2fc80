#include "Cli.h"

#include "kartbok/vault/Hardening.h"

#include <iostream>

int main(int argc, char** argv) {
    kartbok::vault::HardenProcess(); // decrypted cases must never land in a core file
    return kartbok::cli::Run(argc, argv, std::cin, std::cout, std::cerr);
}
