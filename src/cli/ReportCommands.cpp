// kartbok-cli report and stats (issue: forms, reports, statistics).
#include "Context.h"

#include <CLI/CLI.hpp>

namespace kartbok::cli {

void AddReportCommands(CLI::App&, Context&) {}

} // namespace kartbok::cli
