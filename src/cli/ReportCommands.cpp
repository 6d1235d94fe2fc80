// kartbok-cli report and stats (issue: forms, reports, statistics).
// Client text only ever goes into the file the user named, through
// vault::Export (audit record first, 0600, atomic); stdout gets the path and
// counts, stderr one line without client text.
#include "Context.h"

#include "kartbok/journal/TemplateLoader.h"
#include "kartbok/reports/Report.h"
#include "kartbok/reports/Statistics.h"
#include "shared/ReportJob.h"

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

/// A report the way the app makes it (src/shared/ReportJob): one function
/// loads, renders, audits first and writes through vault::Export.
std::size_t Make(Context& ctx, vault::Vault& v, const journal::TemplateSet& templates,
                 reporting::ReportRequest request, const std::string& out) {
    request.language = ctx.Language();
    request.out = out;
    std::size_t rows = 0;
    reporting::MakeReport(v, templates, request, {}, ctx.fileSystem, &rows);
    return rows;
}

int Report(Context& ctx) {
    const Args& a = ctx.args;
    if (a.deidentify && a.kind != "supervision")
        throw UsageError("--deidentify only applies to --kind supervision");
    CheckOut(a.out);
    const journal::TemplateSet templates = Templates(); // none: said before the vault opens
    vault::Vault v = ctx.OpenVault(a.dir);
    reporting::ReportRequest request;
    request.kind = *reporting::KindFromName(a.kind); // CLI11 checked the name
    request.caseIds = {v.FindCaseIdByCode(a.code)};
    request.deidentify = a.deidentify;
    Make(ctx, v, templates, request, a.out);
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
    reporting::ReportRequest request;
    request.kind = reporting::ReportKind::Statistics;
    request.fromYear = range.fromYear;
    request.toYear = range.toYear;
    Make(ctx, v, templates, request, a.out);
    const std::vector<vault::CaseSummary> summaries = v.ListCases();
    if (!a.file.empty()) {
        request.kind = reporting::ReportKind::ResearchAnswers;
        request.buyersOnly = a.buyersOnly;
        const std::size_t answers = Make(ctx, v, templates, request, a.file);
        ctx.out << a.file << "\t" << answers << " answers\n";
    }
    ctx.out << a.out << "\t" << summaries.size() << " cases\n";
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
    AddLanguageOption(report, a);
    report
        ->add_option("--out", a.out,
                     "the PDF to write (0600, through a temporary file beside it; README Exports)")
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
