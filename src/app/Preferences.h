#pragma once
// The user's settings, kept in wxConfig. Never client data: no codes, no
// names, no case ids - only how the app looks and where the vault is.

#include <string>

namespace kartbok::app {

struct Preferences {
    std::string language;     ///< "sv", "en", or "" for the system's
    int idleLockMinutes = 10; ///< auto-lock after this many idle minutes; 0 = never
    std::string lastVault;    ///< folder of the last unlocked vault

    static Preferences Load();
    void Save() const;
};

} // namespace kartbok::app
