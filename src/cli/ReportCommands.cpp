// kartbok-cli report and stats (issue: forms, reports, statistics).
// Client text only ever goes into the file the user named, through
// vault::Export (audit record first, 0600, atomic); stdout gets the path and
// counts, stderr one line without client text.
#include "Context.h"

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
    options.language = ctx.Language();
    std::vector<unsigned char> pdf;
    if (a.kind == "followup") {
        pdf = reports::RenderFollowUpBrief(c, templates, options);
    } else if (a.kind == "supervision") {
        pdf = reports::RenderSupervisorSummary(c, templates, options);
    } else {
        std::vector<reports::AuditLine> audit = AuditOf(v, id); // read before this export is logged
        pdf = reports::RenderFullRecord(c, templates, audit, options);
    }
    ctx.Export(v, a.out, pdf, id, "report " + a.kind + (a.deidentify ? " deidentified" : ""));
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
    std::vector<journal::Case> cases;
    for (const auto& s : v.ListCases())
        cases.push_back(v.LoadCase(s.id)); // decrypted in memory only
    reports::YearStatistics stats = reports::ComputeStatistics(cases, templates, year);
    const std::string over = " over " + std::to_string(cases.size()) + " cases";
    ctx.Export(v, a.out, TextBytes(reports::StatisticsCsv(stats)), {}, "stats " + a.year + over);
    if (!a.file.empty()) {
        auto answers = reports::AnonymousAnswers(cases, templates, year);
        ctx.Export(v, a.file, TextBytes(reports::AnonymousAnswersCsv(answers)), {},
                   "stats " + a.year + " answers" + over);
        ctx.out << a.file << "\t" << answers.size() << " answers\n";
    }
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
