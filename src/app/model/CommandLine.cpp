#include "model/CommandLine.h"

namespace kartbok::app {

CommandLine ParseCommandLine(const std::vector<std::string>& args) {
    CommandLine cl;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) {
                cl.error = a + " needs a value";
                return;
            }
            out = args[++i];
        };
        if (a == "--vault")
            value(cl.vault);
        else if (a == "--password-env")
            value(cl.passwordEnv);
        else if (a == "--screenshot")
            value(cl.screenshot);
        else if (a == "--case")
            value(cl.caseCode);
        else if (a == "--lang")
            value(cl.language);
        else if (a == "--help" || a == "-h")
            cl.help = true;
        else if (a == "--password")
            cl.error = "--password is not accepted: use --password-env VAR";
        else
            cl.error = "unknown option " + a;
        if (!cl.error.empty())
            return cl;
    }
    if (!cl.language.empty() && cl.language != "sv" && cl.language != "en")
        cl.error = "--lang must be sv or en";
    else if (!cl.passwordEnv.empty() && cl.vault.empty())
        cl.error = "--password-env needs --vault";
    return cl;
}

const char* CommandLineUsage() {
    return "usage: kartbok [--vault DIR] [--password-env VAR] [--case CODE] [--lang sv|en]\n"
           "               [--screenshot FILE.png]\n"
           "  --vault DIR         vault folder to unlock (prefills the unlock dialog)\n"
           "  --password-env VAR  unlock with the password in environment variable VAR\n"
           "  --case CODE         open this client after unlocking\n"
           "  --lang sv|en        user interface language\n"
           "  --screenshot FILE   save a PNG of the window once the map is painted, then exit\n";
}

} // namespace kartbok::app
