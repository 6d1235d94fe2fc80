#include "model/AuditPresenter.h"

#include <algorithm>
#include <set>

namespace kartbok::app {

std::vector<AuditRow> BuildAuditRows(const std::vector<vault::AuditEntry>& entries,
                                     const std::map<std::string, std::string>& codes,
                                     const AuditFilter& filter) {
    std::vector<AuditRow> rows;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        const auto& e = *it;
        if (filter.action && e.action != *filter.action)
            continue;
        if (!filter.user.empty() && e.user != filter.user)
            continue;
        if (!filter.caseId.empty() && e.caseId != filter.caseId)
            continue;
        AuditRow row{e.time, e.user, e.action, {}, e.detail};
        if (!e.caseId.empty()) {
            const auto code = codes.find(e.caseId);
            row.caseCode = code != codes.end() ? code->second : e.caseId;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<std::string> AuditUsers(const std::vector<vault::AuditEntry>& entries) {
    std::set<std::string> users;
    for (const auto& e : entries)
        if (!e.user.empty())
            users.insert(e.user);
    return {users.begin(), users.end()};
}

} // namespace kartbok::app
