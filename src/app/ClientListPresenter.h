#pragma once
// The client list as the left panel shows it: which cases, in which order,
// after the text and status filters. Only index data (pseudonymous code, status,
// dates): the list never opens a case file. wx-free.

#include "kartbok/journal/Dates.h"
#include "kartbok/vault/Vault.h"

#include <optional>
#include <string>
#include <vector>

namespace kartbok::app {

struct ClientRow {
    std::string id;
    std::string code;
    journal::CaseStatus status = journal::CaseStatus::Enquiry;
    std::string followUpDue; ///< ISO date or ""
    bool followUpOverdue = false;
    /// Follow-up overdue or due within 30 days, or a retention review due (DueWithin).
    std::optional<journal::DueKind> due;
    std::string dueDate; ///< ISO date of `due`
};

struct ClientFilter {
    std::string text; ///< case-insensitive substring of the code
    std::optional<journal::CaseStatus> status;
    bool showArchived = false; ///< archived cases only appear when asked for or filtered by
    bool dueOnly = false;      ///< only cases with something due (the "Due soon" filter)
};

/// Rows matching the filter, sorted by code. today decides what is overdue.
std::vector<ClientRow> BuildClientRows(const std::vector<vault::CaseSummary>& cases,
                                       const ClientFilter& filter, const journal::Date& today);

/// Today's civil date in local time.
journal::Date Today();

} // namespace kartbok::app
