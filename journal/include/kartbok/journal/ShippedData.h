#pragma once
// Where the data that ships with Kartbok lives: found relative to the running
// executable, never through a path compiled in, so an installed package works
// wherever it is unpacked and a build tree works the same way.

#include <filesystem>

namespace kartbok::journal {

/// The kinds of data installed beside the executables. The layout is the same
/// in a build tree (build/bin, build/share, filled at build time) and in an
/// installed one (<prefix>/bin, <prefix>/share).
enum class ShippedData {
    Templates, ///< share/kartbok/templates: note templates, checklists, forms, data lists
    Guide,     ///< share/kartbok/guide: the user guide (HTML; screenshots in img/)
    Icons,     ///< share/icons/hicolor/scalable/apps: the application icon
    Locale,    ///< share/locale: the gettext catalogues (<lang>/LC_MESSAGES/kartbok.mo)
};

/// The one function that decides where shipped data is: <dir of the running
/// executable>/../share/..., symlinks to the executable resolved first.
/// $KARTBOK_TEMPLATES, when set and not empty, replaces the templates folder
/// (tests point it at a folder of their own). The folder may be missing: the
/// caller reports that, naming the path.
std::filesystem::path ShippedDataDir(ShippedData what);

/// The folder of the running executable (symlinks resolved); empty when the
/// system cannot say (no /proc and no AT_EXECFN).
std::filesystem::path ExecutableDir();

} // namespace kartbok::journal
