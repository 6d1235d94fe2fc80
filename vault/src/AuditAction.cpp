#include "kartbok/vault/Vault.h"

#include <array>

namespace kartbok::vault {

const char* ToString(AuditAction a) {
    static constexpr std::array kNames{
        "unlock",           "unlock-failed", "open",     "create",     "save",
        "export",           "sign",          "addendum", "slot-added", "slot-removed",
        "password-changed", "archive",       "search",   "restore",    "repair",
        "key-rotated"};
    static_assert(kNames.size() == static_cast<std::size_t>(kLastAuditAction) + 1);
    return kNames.at(static_cast<std::size_t>(a));
}

} // namespace kartbok::vault
