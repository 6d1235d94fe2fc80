#pragma once
// The user's settings, kept in wxConfig. Never client data: no codes, no
// names, no case ids - only how the app looks and where the vault and the
// clinic's templates are.

#include <string>

namespace kartbok::app {

struct Preferences {
    std::string language;     ///< "sv", "en", or "" for the system's
    int idleLockMinutes = 10; ///< auto-lock after this many idle minutes; 0 = never
    std::string lastVault;    ///< folder of the last unlocked vault
    /// The clinic's own template folder ("" = none): its templates override or
    /// add to the shipped ones (templates/README.md).
    std::string clinicTemplates;

    static Preferences Load();
    void Save() const;
};

} // namespace kartbok::app
