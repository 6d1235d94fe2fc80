#pragma once
// Options of the kartbok executable. A password is never taken from argv (it
// would show in `ps`): --password-env names an environment variable instead.

#include <string>
#include <vector>

namespace kartbok::app {

struct CommandLine {
    std::string vault;       ///< --vault DIR: prefills the unlock dialog
    std::string passwordEnv; ///< --password-env VAR: unlock without asking
    std::string
        screenshot; ///< --screenshot FILE.png: save the window after the first map paint, exit
    std::string caseCode; ///< --case CODE: open this case after unlocking
    std::string language; ///< --lang sv|en
    bool help = false;
    std::string error; ///< non-empty when the arguments make no sense
};

/// args excludes the program name.
CommandLine ParseCommandLine(const std::vector<std::string>& args);

/// Usage text (English: it is for scripts and admins, printed to stdout).
const char* CommandLineUsage();

} // namespace kartbok::app
