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
void Make(Context& ctx, vault::Vault& v, const journal::TemplateSet& templates,
          reporting::ReportRequest request) {
    request.language = ctx.Language();
    request.out = ctx.args.out;
    reporting::MakeReport(v, templates, request, {}, ctx.fileSystem);
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
    Make(ctx, v, templates, request);
    ctx.out << a.out << "\n";
    return 0;
}

int Stats(Context& ctx) {
    const Args& a = ctx.args;
    int year = 0;
    auto [p, ec] = std::from_chars(a.year.data(), a.year.data() + a.year.size(), year);
    if (ec != std::errc() || p != a.year.data() + a.year.size() || year < 1900 || year > 2999)
        throw UsageError("--year: expected a year such as 2026, got '" + a.year + "'");
    CheckOut(a.out);
    if (!a.file.empty())
        CheckOut(a.file);
    journal::TemplateSet templates = Templates();
    vault::Vault v = ctx.OpenVault(a.dir);
    reporting::ReportRequest request;
    request.kind = reporting::ReportKind::Statistics;
    request.year = year;
    Make(ctx, v, templates, request);
    const std::vector<vault::CaseSummary> summaries = v.ListCases();
    if (!a.file.empty()) {
        std::vector<journal::Case> cases;
        for (const auto& s : summaries)
            cases.push_back(v.LoadCase(s.id)); // decrypted in memory only
        const std::string over = " over " + std::to_string(cases.size()) + " cases";
        auto answers = reports::AnonymousAnswers(cases, templates, year);
        ctx.Export(v, a.file, TextBytes(reports::AnonymousAnswersCsv(answers)), {},
                   "stats " + a.year + " answers" + over);
        ctx.out << a.file << "\t" << answers.size() << " answers\n";
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
        "stats", "yearly clinic statistics as CSV, counts only (docs/reports.md)");
    stats->add_option("DIR", a.dir, "vault folder")->required();
    stats->add_option("--year", a.year, "calendar year, e.g. 2026")->required();
    stats->add_option("--out", a.out, "statistics CSV to write")->required();
    stats->add_option("--answers", a.file, "also write anonymised form answers for research (CSV)");
    stats->callback([&ctx] { ctx.action = [&ctx] { return Stats(ctx); }; });
}

} // namespace kartbok::cli
