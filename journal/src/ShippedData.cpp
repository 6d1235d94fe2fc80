// Shipped data relative to the executable: <exe>/../share/...

#include "kartbok/journal/ShippedData.h"

#include <cstdlib>
#include <sys/auxv.h>
#include <system_error>

namespace kartbok::journal {

namespace fs = std::filesystem;

fs::path ExecutableDir() {
    std::error_code ec;
    fs::path exe = fs::canonical("/proc/self/exe", ec);
    if (ec) {
        // No /proc (a chroot, a container without it): the name execve was given.
        const auto* name = reinterpret_cast<const char*>(::getauxval(AT_EXECFN));
        if (!name || !*name)
            return {};
        exe = fs::weakly_canonical(fs::absolute(name, ec), ec);
        if (ec)
            return {};
    }
    return exe.parent_path();
}

fs::path ShippedDataDir(ShippedData what) {
    if (what == ShippedData::Templates)
        if (const char* env = std::getenv("KARTBOK_TEMPLATES"); env && *env)
            return env;
    const fs::path share = ExecutableDir().parent_path() / "share";
    switch (what) {
    case ShippedData::Templates:
        return share / "kartbok" / "templates";
    case ShippedData::Guide:
        return share / "kartbok" / "guide";
    case ShippedData::Icons:
        return share / "icons" / "hicolor" / "scalable" / "apps";
    case ShippedData::Locale:
        return share / "locale";
    }
    return share;
}

} // namespace kartbok::journal
