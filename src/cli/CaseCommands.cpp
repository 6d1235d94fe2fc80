// kartbok-cli case new|list|show|import
#include "CaseJson.h"
#include "Context.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace kartbok::cli {

namespace {

int CaseNew(Context& ctx) {
    const Args& a = ctx.args;
    if (a.person != 0 && a.relativeOf.empty())
        throw UsageError("--person names the relative in the index client's map; give "
                         "--relative-of INDEX_CODE too");
    vault::Vault v = ctx.OpenVault(a.dir);
    if (a.relativeOf.empty()) {
        journal::Case c = v.CreateCase(a.code); // refuses a code already in use (exit 2)
        ctx.out << c.id << "\n";
        return 0;
    }
    return NewRelativeCase(ctx, v);
}

int CaseList(Context& ctx) {
    vault::Vault v = ctx.OpenVault(ctx.args.dir);
    for (const auto& s : v.ListCases())
        ctx.out << s.code << '\t' << journal::ToString(s.status) << '\t' << s.sessions << '\t'
                << s.followUpDue.Iso() << '\n';
    return 0;
}

int CaseShow(Context& ctx) {
    vault::Vault v = ctx.OpenVault(ctx.args.dir);
    journal::Case c = v.LoadCase(v.FindCaseIdByCode(ctx.args.code));
    if (ctx.args.asJson) {
        v.Audit(vault::AuditAction::Export, c.id, "case show --json");
        ctx.out << CaseToJson(c).dump(2) << "\n";
        return 0;
    }
    ctx.out << "code\t" << c.code << "\nstatus\t" << journal::ToString(c.status)
            << "\nfirst contact\t" << c.firstContact.Iso() << "\nstart\t" << c.start.Iso()
            << "\nend\t" << c.end.Iso() << "\nfollow-up due\t" << c.followUpDue.Iso()
            << "\npeople\t" << c.family.people.size() << "\nsessions\t" << c.sessions.size()
            << "\n";
    PrintClinical(ctx, v, c);
    return 0;
}

int CaseImport(Context& ctx) {
    journal::Case imported = CaseFromJson(ParseJson(ReadFileBytes(ctx.args.file), ctx.args.file));
    vault::Vault v = ctx.OpenVault(ctx.args.dir);
    // New cases only: an id the vault has is refused (exit 1), so an import can
    // never replace a record or its signed notes. The file's id is kept, so
    // show --json round-trips into another vault.
    v.AddCase(imported);
    ctx.out << imported.id << "\n";
    return 0;
}

} // namespace

void AddCaseCommands(CLI::App& app, Context& ctx) {
    auto* cases = app.add_subcommand("case", "create, list, show and import cases");
    cases->require_subcommand(1);
    Args& a = ctx.args;

    auto* add = cases->add_subcommand("new", "create a case; prints its id");
    add->add_option("DIR", a.dir, "vault folder")->required();
    add->add_option("--code", a.code, "pseudonymous client code")->required();
    add->add_option("--relative-of", a.relativeOf,
                    "a relative's or partner's own case, linked to this index client's case");
    add->add_option("--person", a.person,
                    "with --relative-of: who the relative is in the index client's map (id)");
    add->callback([&ctx] { ctx.action = [&ctx] { return CaseNew(ctx); }; });

    auto* list =
        cases->add_subcommand("list", "code, status, sessions, follow-up due (tab-separated)");
    list->add_option("DIR", a.dir, "vault folder")->required();
    list->callback([&ctx] { ctx.action = [&ctx] { return CaseList(ctx); }; });

    auto* show = cases->add_subcommand("show", "show a case; --json prints all of it (plaintext!)");
    show->add_option("DIR", a.dir, "vault folder")->required();
    show->add_option("CODE", a.code, "client code")->required();
    show->add_flag("--json", a.asJson, "the whole case as JSON (docs/case-json.md)");
    show->callback([&ctx] { ctx.action = [&ctx] { return CaseShow(ctx); }; });

    auto* importCase =
        cases->add_subcommand("import", "import a new case from JSON (the schema of show --json); "
                                        "an id already in the vault is refused (exit 1)");
    importCase->add_option("DIR", a.dir, "vault folder")->required();
    importCase->add_option("FILE", a.file, "case JSON file")->required();
    importCase->callback([&ctx] { ctx.action = [&ctx] { return CaseImport(ctx); }; });

    AddDueCommand(cases, ctx);
    AddClinicalCaseCommands(cases, ctx);
}

} // namespace kartbok::cli
