// kartbok-cli templates check [FOLDER] | list
#include "Cli.h"
#include "Context.h"

#include "kartbok/journal/TemplateLoader.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace kartbok::cli {

namespace {

/// Every problem of every file in the folder, one line each as file:line:col:
/// message, so a clinic coordinator can fix them all in one go. Exit 1 on any.
int Check(Context& ctx) {
    namespace fs = std::filesystem;
    fs::path folder =
        ctx.args.dir.empty() ? journal::ShippedTemplatesDir() : fs::path(ctx.args.dir);
    if (!fs::is_directory(folder))
        throw UsageError(folder.string() + ": not a folder");
    int files = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        auto ext = entry.path().extension();
        files += entry.is_regular_file() && (ext == ".yaml" || ext == ".yml");
    }
    // Loaded as a set, so problems between files (one id and version twice)
    // are found too; each unavailable file lists every problem it has.
    journal::TemplateSet set = journal::LoadTemplates(folder);
    int problems = 0;
    for (const auto& u : set.unavailable)
        for (const auto& problem : u.problems) {
            ctx.err << problem.ToString() << "\n";
            ++problems;
        }
    if (files == 0)
        throw UsageError(folder.string() + ": no .yaml templates in this folder");
    if (problems > 0)
        return kBadData;
    ctx.out << files << " templates ok in " << folder.string() << "\n";
    return kOk;
}

std::string SourceText(const journal::Provenance& p) {
    if (p.clinicDefined)
        return p.context.empty() ? "clinic-defined" : "clinic-defined: " + p.context;
    return p.publication.empty() ? "-" : p.publication;
}

/// id, version, kind, number of items, origin, Swedish title (tab-separated);
/// then, for forms and checklists, one line per item starting with a tab:
/// item id, answer type, where the item comes from.
int List(Context& ctx) {
    std::optional<std::filesystem::path> clinic;
    if (!ctx.args.dir.empty())
        clinic = ctx.args.dir;
    journal::TemplateSet set = journal::LoadTemplates(journal::ShippedTemplatesDir(), clinic);
    for (std::size_t i = 0; i < set.templates.size(); ++i) {
        const auto& t = set.templates[i];
        ctx.out << t.id << '\t' << t.version << '\t' << journal::ToString(t.kind) << '\t'
                << t.Items().size() << '\t'
                << (set.origins[i] == journal::TemplateOrigin::Clinic ? "clinic" : "shipped")
                << '\t' << t.title.sv << '\n';
        if (t.kind == journal::TemplateKind::Note)
            continue;
        for (const journal::TemplateItem* item : t.Items())
            ctx.out << '\t' << item->id << '\t' << journal::ToString(item->type) << '\t'
                    << SourceText(item->source) << '\n';
    }
    for (const auto& u : set.unavailable)
        ctx.err << "kartbok-cli: unavailable: " << u.file << " ("
                << (u.problems.empty() ? std::string("unknown problem")
                                       : u.problems.front().ToString())
                << ")\n";
    return set.unavailable.empty() ? kOk : kBadData;
}

} // namespace

void AddTemplateCommands(CLI::App& app, Context& ctx) {
    auto* templates =
        app.add_subcommand("templates", "check and list note templates, checklists and forms");
    templates->require_subcommand(1);
    auto* check = templates->add_subcommand(
        "check", "validate every template in a folder (default: shipped)");
    check->add_option("FOLDER", ctx.args.dir, "template folder");
    check->callback([&ctx] { ctx.action = [&ctx] { return Check(ctx); }; });
    auto* list =
        templates->add_subcommand("list", "the templates the app offers (shipped + clinic folder)");
    list->add_option("CLINIC_FOLDER", ctx.args.dir, "a clinic's own template folder");
    list->callback([&ctx] { ctx.action = [&ctx] { return List(ctx); }; });
}

} // namespace kartbok::cli
