// kartbok-cli report and stats (issue: forms, reports, statistics).
// Client text only ever goes into the file the user named; stdout gets the
// path and counts, stderr one line without client text.
#include "Context.h"

#include "kartbok/journal/Episodes.h"
#include "kartbok/journal/TemplateLoader.h"
#include "kartbok/reports/Report.h"
#include "kartbok/reports/Statistics.h"

#include <CLI/CLI.hpp>

#include <charconv>
#include <ostream>

namespace kartbok::cli {

namespace {

journal::TemplateSet Templates() {
    journal::TemplateSet set = journal::LoadTemplates(journal::ShippedTemplatesDir());
    if (set.templates.empty())
        throw std::runtime_error("no templates found in " +
                                 journal::ShippedTemplatesDir().string());
    return set;
}

void CheckOut(const std::string& out) {
    std::filesystem::path p(out);
    std::filesystem::path dir = p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(dir))
        throw UsageError(out + ": the folder does not exist");
    if (std::filesystem::is_directory(p))
        throw UsageError(out + ": is a folder; give a file name");
}

/// A relative's joint sessions, read from the index client's case (dates and
/// lengths only). A missing index case leaves the list empty.
std::vector<journal::JointSession> JointSessionsOf(vault::Vault& v, const journal::Case& c) {
    for (const auto& s : v.ListCases())
        if (s.id == c.relativeOf)
            return journal::JointSessions(v.LoadCase(s.id), c);
    return {};
}

std::vector<reports::AuditLine> AuditOf(const vault::Vault& v, const std::string& caseId) {
    std::vector<reports::AuditLine> lines;
    for (const auto& e : v.ReadAudit())
        if (e.caseId == caseId)
            lines.push_back({e.time, e.user, vault::ToString(e.action), e.detail});
    return lines;
}

int Report(Context& ctx) {
    const Args& a = ctx.args;
    if (a.deidentify && a.kind != "supervision")
        throw UsageError("--deidentify only applies to --kind supervision");
    CheckOut(a.out);
    journal::TemplateSet templates = Templates();
    vault::Vault v = ctx.OpenVault(a.dir);
    std::string id = v.FindCaseIdByCode(a.code);
    journal::Case c = v.LoadCase(id);
    reports::ReportOptions options;
    options.deidentify = a.deidentify;
    options.printedBy = v.User();
    if (!c.relativeOf.empty())
        options.jointSessions = JointSessionsOf(v, c);
    if (a.kind == "followup") {
        reports::WriteFollowUpBrief(c, templates, options, a.out);
    } else if (a.kind == "supervision") {
        reports::WriteSupervisorSummary(c, templates, options, a.out);
    } else {
        std::vector<reports::AuditLine> audit = AuditOf(v, id); // read before this export is logged
        reports::WriteFullRecord(c, templates, audit, options, a.out);
    }
    v.Audit(vault::AuditAction::Export, id,
            "report " + a.kind + (a.deidentify ? " deidentified" : ""));
    ctx.out << a.out << "\n";
    return 0;
}

int ParseYear(const std::string& text, const char* option) {
    int year = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (ec != std::errc() || p != text.data() + text.size() || year < 1900 || year > 2999)
        throw UsageError(std::string(option) + ": expected a year such as 2026, got '" + text +
                         "'");
    return year;
}

/// --year Y, or --from Y1 --to Y2 (inclusive); --from alone runs to the same year.
reports::StatisticsOptions StatsRange(const Args& a) {
    reports::StatisticsOptions o;
    if (!a.year.empty() && (!a.from.empty() || !a.to.empty()))
        throw UsageError("give either --year or --from/--to, not both");
    if (!a.year.empty()) {
        o.fromYear = o.toYear = ParseYear(a.year, "--year");
    } else if (!a.from.empty()) {
        o.fromYear = ParseYear(a.from, "--from");
        o.toYear = a.to.empty() ? o.fromYear : ParseYear(a.to, "--to");
    } else {
        throw UsageError("give the years to count: --year YYYY, or --from YYYY --to YYYY");
    }
    if (o.fromYear > o.toYear)
        throw UsageError("--from " + a.from + " is after --to " + a.to);
    return o;
}

int Stats(Context& ctx) {
    const Args& a = ctx.args;
    reports::StatisticsOptions range = StatsRange(a);
    CheckOut(a.out);
    if (!a.file.empty())
        CheckOut(a.file);
    journal::TemplateSet templates = Templates();
    vault::Vault v = ctx.OpenVault(a.dir);
    std::vector<journal::Case> cases;
    for (const auto& s : v.ListCases())
        cases.push_back(v.LoadCase(s.id)); // decrypted in memory only
    reports::StatisticsOptions buyers = range;
    buyers.buyersOnly = true;
    const std::string csv =
        reports::StatisticsCsv(reports::ComputeStatistics(cases, templates, range),
                               reports::ComputeStatistics(cases, templates, buyers));
    reports::WriteFileAtomic(a.out, csv);
    std::string years = std::to_string(range.fromYear) +
                        (range.toYear != range.fromYear ? "-" + std::to_string(range.toYear) : "");
    std::string detail = "stats " + years;
    if (!a.file.empty()) {
        reports::StatisticsOptions research = a.buyersOnly ? buyers : range;
        auto answers = reports::ResearchAnswers(cases, templates, research);
        reports::WriteFileAtomic(a.file, reports::ResearchAnswersCsv(answers));
        detail += a.buyersOnly ? " with answers (buyers only)" : " with answers";
        ctx.out << a.file << "\t" << answers.size() << " answers\n";
    }
    v.Audit(vault::AuditAction::Export, {},
            detail + " over " + std::to_string(cases.size()) + " cases");
    ctx.out << a.out << "\t" << cases.size() << " cases\n";
    return 0;
}

} // namespace

void AddReportCommands(CLI::App& app, Context& ctx) {
    Args& a = ctx.args;
    auto* report = app.add_subcommand("report", "write a case report as PDF (docs/reports.md)");
    report->add_option("DIR", a.dir, "vault folder")->required();
    report->add_option("CODE", a.code, "client code")->required();
    report->add_option("--kind", a.kind, "followup | supervision | record")
        ->required()
        ->check(CLI::IsMember({"followup", "supervision", "record"}));
    report->add_flag("--deidentify", a.deidentify,
                     "supervision only: roles, months, no names or free text");
    report->add_option("--out", a.out, "the PDF to write (written beside as .tmp, then renamed)")
        ->required();
    report->callback([&ctx] { ctx.action = [&ctx] { return Report(ctx); }; });

    auto* stats = app.add_subcommand(
        "stats", "clinic statistics over a range of years as CSV, counts only (docs/reports.md)");
    stats->add_option("DIR", a.dir, "vault folder")->required();
    stats->add_option("--year", a.year, "one calendar year, e.g. 2026");
    stats->add_option("--from", a.from, "first year of the range");
    stats->add_option("--to", a.to, "last year of the range (inclusive)");
    stats->add_option("--out", a.out, "statistics CSV to write")->required();
    stats->add_option("--answers", a.file,
                      "also write form answers for research, linked per client by a fresh study "
                      "id (CSV)");
    stats->add_flag("--buyers-only", a.buyersOnly,
                    "with --answers: only clients who have bought sex");
    stats->callback([&ctx] { ctx.action = [&ctx] { return Stats(ctx); }; });
}

} // namespace kartbok::cli
