#include "shared/ReportJob.h"

#include "kartbok/journal/Episodes.h"
#include "kartbok/reports/Report.h"
#include "kartbok/reports/Statistics.h"
#include "kartbok/vault/Export.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kartbok::reporting {

namespace {

constexpr std::array<std::pair<ReportKind, std::string_view>, 6> kKinds{{
    {ReportKind::FollowUp, "followup"},
    {ReportKind::Supervision, "supervision"},
    {ReportKind::Record, "record"},
    {ReportKind::SupervisionPack, "supervision-pack"},
    {ReportKind::Statistics, "stats"},
    {ReportKind::ResearchAnswers, "answers"},
}};

bool OverYears(ReportKind kind) {
    return kind == ReportKind::Statistics || kind == ReportKind::ResearchAnswers;
}

void Check(const ReportRequest& r) {
    const bool single = r.kind == ReportKind::FollowUp || r.kind == ReportKind::Supervision ||
                        r.kind == ReportKind::Record;
    if (single && r.caseIds.size() != 1)
        throw RequestError("a " + std::string(KindName(r.kind)) + " report is about one client");
    if (r.kind == ReportKind::SupervisionPack && r.caseIds.empty())
        throw RequestError("a supervision pack needs at least one client");
    if (r.deidentify && r.kind != ReportKind::Supervision && r.kind != ReportKind::SupervisionPack)
        throw RequestError("--deidentify only applies to --kind supervision");
    if (OverYears(r.kind) && (r.fromYear < 1900 || r.toYear > 2999))
        throw RequestError("statistics need years such as 2026");
    if (OverYears(r.kind) && r.fromYear > r.toYear)
        throw RequestError("the first year " + std::to_string(r.fromYear) + " is after the last " +
                           std::to_string(r.toYear));
    if (r.buyersOnly && r.kind != ReportKind::ResearchAnswers)
        throw RequestError("buyers only applies to the research answers");
    if (r.language != "sv" && r.language != "en")
        throw RequestError("the language must be sv or en, not '" + r.language + "'");
}

std::vector<reports::AuditLine> AuditOf(const vault::Vault& v, const std::string& caseId) {
    std::vector<reports::AuditLine> lines;
    for (const auto& e : v.ReadAudit())
        if (e.caseId == caseId)
            lines.push_back({e.time, e.user, vault::ToString(e.action), e.detail});
    return lines;
}

/// A relative's joint sessions, read from the index client's case (dates and
/// lengths only); none when the case is no relative's or the index is gone.
std::vector<journal::JointSession> JointSessionsOf(vault::Vault& v, const journal::Case& c) {
    if (c.relativeOf.empty())
        return {};
    for (const auto& s : v.ListCases())
        if (s.id == c.relativeOf)
            return journal::JointSessions(v.LoadCase(s.id), c);
    return {};
}

std::vector<unsigned char> Bytes(const std::string& text) {
    return {text.begin(), text.end()};
}

std::vector<unsigned char> Render(const std::vector<journal::Case>& cases,
                                  const journal::TemplateSet& templates, const ReportRequest& r,
                                  vault::Vault& v) {
    reports::ReportOptions options;
    options.language = r.language;
    options.deidentify = r.deidentify;
    options.printedBy = v.User();
    if (r.caseIds.size() == 1 && r.kind != ReportKind::SupervisionPack)
        options.jointSessions = JointSessionsOf(v, cases.front());
    reports::StatisticsOptions range;
    range.fromYear = r.fromYear;
    range.toYear = r.toYear;
    range.language = r.language;
    switch (r.kind) {
    case ReportKind::FollowUp:
        return reports::RenderFollowUpBrief(cases.front(), templates, options);
    case ReportKind::Supervision:
        return reports::RenderSupervisorSummary(cases.front(), templates, options);
    case ReportKind::Record:
        // The record lists the reads and changes of the case before this export.
        return reports::RenderFullRecord(cases.front(), templates, AuditOf(v, cases.front().id),
                                         options);
    case ReportKind::SupervisionPack: {
        reports::JointSessionsByCase joint;
        for (const auto& c : cases)
            if (auto j = JointSessionsOf(v, c); !j.empty())
                joint[c.id] = std::move(j);
        return reports::RenderSupervisionPack(cases, templates, options, joint);
    }
    case ReportKind::Statistics: {
        reports::StatisticsOptions buyers = range;
        buyers.buyersOnly = true;
        return Bytes(reports::StatisticsCsv(reports::ComputeStatistics(cases, templates, range),
                                            reports::ComputeStatistics(cases, templates, buyers)));
    }
    case ReportKind::ResearchAnswers:
        range.buyersOnly = r.buyersOnly;
        return Bytes(
            reports::ResearchAnswersCsv(reports::ResearchAnswers(cases, templates, range)));
    }
    return {};
}

} // namespace

std::string_view KindName(ReportKind kind) {
    for (const auto& [k, name] : kKinds)
        if (k == kind)
            return name;
    return "report";
}

std::optional<ReportKind> KindFromName(std::string_view name) {
    for (const auto& [k, n] : kKinds)
        if (n == name)
            return k;
    return std::nullopt;
}

std::string AuditDetail(const ReportRequest& r, std::size_t cases) {
    if (OverYears(r.kind)) {
        std::string detail = "stats " + std::to_string(r.fromYear);
        if (r.toYear != r.fromYear)
            detail += "-" + std::to_string(r.toYear);
        if (r.kind == ReportKind::ResearchAnswers)
            detail += r.buyersOnly ? " answers (buyers only)" : " answers";
        return detail + " over " + std::to_string(cases) + " cases";
    }
    std::string detail = "report " + std::string(KindName(r.kind));
    if (r.deidentify || r.kind == ReportKind::SupervisionPack)
        detail += " deidentified";
    if (r.kind == ReportKind::SupervisionPack)
        detail += " " + std::to_string(cases) + " cases";
    return detail;
}

bool MakeReport(vault::Vault& v, const journal::TemplateSet& templates,
                const ReportRequest& request, const Progress& progress,
                std::shared_ptr<vault::FileSystem> fileSystem, std::size_t* csvRows) {
    Check(request);
    vault::CheckExportTarget(request.out);
    std::vector<std::string> ids = request.caseIds;
    if (OverYears(request.kind))
        for (const auto& s : v.ListCases())
            ids.push_back(s.id);
    const int total = static_cast<int>(ids.size()) + 2;
    int done = 0;
    auto step = [&] { return !progress || progress(++done, total); };
    std::vector<journal::Case> cases;
    for (const auto& id : ids) {
        cases.push_back(v.LoadCase(id)); // decrypted in memory only
        if (!step())
            return false;
    }
    const std::vector<unsigned char> bytes = Render(cases, templates, request, v);
    if (!step())
        return false;
    const std::string detail = AuditDetail(request, cases.size());
    if (request.kind == ReportKind::SupervisionPack) {
        // Each client's log says the summary left in a pack; then the pack's own record.
        for (const auto& c : cases)
            v.Audit(vault::AuditAction::Export, c.id, detail);
        vault::Export(v, request.out, bytes, {}, detail, fileSystem);
    } else {
        const std::string caseId = OverYears(request.kind) ? std::string() : cases.front().id;
        vault::Export(v, request.out, bytes, caseId, detail, fileSystem);
    }
    if (csvRows && OverYears(request.kind)) {
        const auto lines = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
        *csvRows = lines > 0 ? lines - 1 : 0; // the header is no row
    }
    step();
    return true;
}

} // namespace kartbok::reporting
