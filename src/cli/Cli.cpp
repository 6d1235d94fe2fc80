#include "Cli.h"

#include <ostream>

namespace kartbok::cli {

int Run(int, const char* const*, std::istream&, std::ostream&, std::ostream& err) {
    err << "kartbok-cli: not yet\n";
    return kUsage;
}

} // namespace kartbok::cli
