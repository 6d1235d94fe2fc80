#pragma once
// What the audit viewer lists, without wx: the vault's audit entries, newest
// first, filtered by action, user and case. Entries hold ids and counts only.

#include "kartbok/vault/Vault.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kartbok::app {

struct AuditFilter {
    std::optional<vault::AuditAction> action;
    std::string user;   ///< "" = every user
    std::string caseId; ///< "" = every case and vault-level events
};

struct AuditRow {
    std::int64_t time = 0;
    std::string user;
    vault::AuditAction action = vault::AuditAction::Open;
    std::string caseCode; ///< pseudonymous code from the index; "" for vault events
    std::string detail;
};

/// codes: case id -> pseudonymous code (from ListCases); a case not in the index
/// shows its id, so nothing disappears from the trail.
std::vector<AuditRow> BuildAuditRows(const std::vector<vault::AuditEntry>& entries,
                                     const std::map<std::string, std::string>& codes,
                                     const AuditFilter& filter);

/// The users that occur, sorted, for the user filter.
std::vector<std::string> AuditUsers(const std::vector<vault::AuditEntry>& entries);

} // namespace kartbok::app
