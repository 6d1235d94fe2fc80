#include "model/ClientListPresenter.h"

#include "model/OverviewPresenter.h"

#include "kartbok/journal/Dates.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace kartbok::app {

namespace {
std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// The index's view of the case's runs of `checklist`, counted the way the
/// Overview tab counts the case itself (ChecklistProgress).
std::optional<ChecklistCount> Progress(const vault::CaseSummary& c,
                                       const journal::Template& checklist) {
    std::vector<journal::ChecklistRun> runs;
    for (const auto& summary : c.checklists) {
        if (summary.templateId != checklist.id)
            continue;
        journal::ChecklistRun& run = runs.emplace_back();
        run.templateId = summary.templateId;
        run.templateVersion = summary.templateVersion;
        for (auto [ids, state] : {std::pair{&summary.coveredItemIds, journal::TopicState::Covered},
                                  std::pair{&summary.partlyItemIds, journal::TopicState::Partly},
                                  std::pair{&summary.notYetItemIds, journal::TopicState::NotYet}})
            for (const auto& id : *ids)
                run.entries.push_back({id, state, {}, {}, {}});
    }
    if (runs.empty())
        return std::nullopt;
    const TopicProgress p = ChecklistProgress(runs, checklist, {});
    return ChecklistCount{p.covered, p.total};
}
} // namespace

std::vector<ClientRow> BuildClientRows(const std::vector<vault::CaseSummary>& cases,
                                       const ClientFilter& filter, const journal::Date& today,
                                       const journal::Template* interview) {
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
        if (interview)
            row.interview = Progress(c, *interview);
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(),
              [](const ClientRow& a, const ClientRow& b) { return a.code < b.code; });
    return rows;
}

std::string ProgressText(const std::optional<ChecklistCount>& count) {
    if (!count)
        return "\u2013";
    return std::to_string(count->covered) + "/" + std::to_string(count->total);
}

} // namespace kartbok::app
