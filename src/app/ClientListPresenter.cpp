#include "ClientListPresenter.h"

#include "kartbok/journal/Dates.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>

namespace kartbok::app {

namespace {
std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}
} // namespace

std::vector<ClientRow> BuildClientRows(const std::vector<vault::CaseSummary>& cases,
                                       const ClientFilter& filter, const journal::Date& today) {
    const std::string needle = Lower(filter.text);
    std::map<std::string, journal::DueItem> due; // the earliest item per case
    for (const auto& item : journal::DueWithin(cases, today))
        due.emplace(item.caseId, item);
    std::vector<ClientRow> rows;
    for (const auto& c : cases) {
        if (filter.status) {
            if (c.status != *filter.status)
                continue;
        } else if (!filter.showArchived && c.status == journal::CaseStatus::Archived) {
            continue;
        }
        if (!needle.empty() && Lower(c.code).find(needle) == std::string::npos)
            continue;
        const auto dueItem = due.find(c.id);
        if (filter.dueOnly && dueItem == due.end())
            continue;
        ClientRow row;
        row.id = c.id;
        row.code = c.code;
        row.status = c.status;
        row.followUpDue = c.followUpDue.Iso();
        row.followUpOverdue =
            c.followUpDue.Set() && c.followUpDue < today && c.status == journal::CaseStatus::Ended;
        if (dueItem != due.end()) {
            row.due = dueItem->second.kind;
            row.dueDate = dueItem->second.date.Iso();
        }
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(),
              [](const ClientRow& a, const ClientRow& b) { return a.code < b.code; });
    return rows;
}

journal::Date Today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

} // namespace kartbok::app
