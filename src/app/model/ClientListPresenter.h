#pragma once
// The client list as the left panel shows it: which cases, in which order,
// after the text and status filters. Only index data (pseudonymous code, status,
// dates, checklist progress): the list never opens a case file. wx-free.

#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Template.h"
#include "kartbok/vault/Vault.h"

#include <optional>
#include <string>
#include <vector>

namespace kartbok::app {

struct ChecklistCount {
    int covered = 0;
    int total = 0;
    bool operator==(const ChecklistCount&) const = default;
};

struct ClientRow {
    std::string id;
    std::string code;
    journal::CaseStatus status = journal::CaseStatus::Enquiry;
    std::string followUpDue; ///< ISO date or ""
    bool followUpOverdue = false;
    /// Follow-up overdue or due within 30 days, or a retention review due (DueWithin).
    std::optional<journal::DueKind> due;
    std::string dueDate; ///< ISO date of `due`
    /// Deep-interview topics covered, of the checklist's topics (Overview's
    /// count). Unset when the case has no run of it, its index entry predates
    /// progress (index version 1, until the case is saved again), or the
    /// template is unavailable.
    std::optional<ChecklistCount> interview;
};

struct ClientFilter {
    std::string text; ///< case-insensitive substring of the code
    std::optional<journal::CaseStatus> status;
    bool showArchived = false; ///< archived cases only appear when asked for or filtered by
    bool dueOnly = false;      ///< only cases with something due (the "Due soon" filter)
};

/// Rows matching the filter, sorted by code. today decides what is overdue.
/// interview is the deep-interview checklist template (null when unavailable):
/// runs stored under an older version are counted against it, ids mapped.
std::vector<ClientRow> BuildClientRows(const std::vector<vault::CaseSummary>& cases,
                                       const ClientFilter& filter, const journal::Date& today,
                                       const journal::Template* interview = nullptr);

/// "9/14", or an en dash when there is nothing to count.
std::string ProgressText(const std::optional<ChecklistCount>& count);

/// Today's civil date in local time (journal/Dates.h).
using journal::Today;

} // namespace kartbok::app
