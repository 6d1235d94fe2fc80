// kartbok-cli session add|sign|addendum, search, case due
#include "CaseJson.h"
#include "Cli.h"
#include "Context.h"

#include "kartbok/base/Uuid.h"
#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Search.h"
#include "kartbok/journal/SessionCommands.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <ostream>

namespace kartbok::cli {

using journal::Now;

/// Applies one command to a case and saves it as one audit record saying what
/// it was: the CLI's end of the one command path. Appends (a new session, a
/// signature, an addendum) are applied again to a fresh copy when another
/// writer saved in between.
void ApplyAndSave(Context& ctx, vault::Vault& v, const std::string& caseId,
                  const std::function<journal::CaseCommandPtr()>& make, bool retry) {
    ChangeCase(
        ctx, v, caseId,
        [&](journal::Case& c) {
            journal::CaseCommandPtr cmd = make();
            cmd->Apply(c);
            return CaseChange{vault::AuditActionFor(cmd->Kind()), cmd->Describe()};
        },
        retry);
}

namespace {

/// The signing user must be the one whose password unlocked the vault:
/// a signature says who took responsibility (Förvaltningslagen 27 §).
void RequireSigner(const vault::Vault& v, const std::string& user) {
    if (user != v.User())
        throw UsageError("the vault was unlocked by " + v.User() + "; signing as " + user +
                         " needs " + user + "'s password");
}

int SessionAdd(Context& ctx) {
    const Args& a = ctx.args;
    journal::Session s = SessionFromJson(ParseJson(ReadFileBytes(a.file), a.file));
    vault::Vault v = ctx.OpenVault(a.dir);
    const std::string caseId = v.FindCaseIdByCode(a.code);
    if (s.id.empty())
        s.id = base::NewUuid();
    if (s.author.empty())
        s.author = v.User();
    if (s.created == 0)
        s.created = Now();
    std::vector<std::string> warnings;
    ChangeCase(
        ctx, v, caseId,
        [&](journal::Case& c) {
            journal::AddSession cmd(s);
            cmd.Apply(c);
            warnings.clear();
            for (const auto& w : journal::ValidateCase(c, journal::Today()))
                if (w.sessionId == s.id)
                    warnings.push_back(w.message);
            return CaseChange{vault::AuditActionFor(cmd.Kind()), cmd.Describe()};
        },
        true);
    for (const auto& w : warnings)
        ctx.err << "kartbok-cli: warning: " << w << "\n";
    ctx.out << s.id << "\n";
    return 0;
}

int SessionSign(Context& ctx) {
    const Args& a = ctx.args;
    vault::Vault v = ctx.OpenVault(a.dir, a.user); // the signer's own password
    RequireSigner(v, a.user);
    const journal::Timestamp at = Now();
    ApplyAndSave(ctx, v, v.FindCaseIdByCode(a.code),
                 [&] { return std::make_unique<journal::SignSession>(a.sessionId, a.user, at); });
    ctx.out << "signed " << a.sessionId << " as " << a.user << "\n";
    return 0;
}

int SessionAddendum(Context& ctx) {
    const Args& a = ctx.args;
    if (a.text.empty() == a.source.empty())
        throw UsageError("give the addendum's text with exactly one of --text or --text-file");
    std::string text = a.source.empty() ? a.text : ReadFileBytes(a.source);
    vault::Vault v = ctx.OpenVault(a.dir, a.user); // the author's own password
    RequireSigner(v, a.user);
    const journal::Addendum add{a.user, Now(), text, a.reason, a.field};
    ApplyAndSave(ctx, v, v.FindCaseIdByCode(a.code),
                 [&] { return std::make_unique<journal::AddAddendum>(a.sessionId, add); });
    ctx.out << (a.field.empty() ? "addendum" : "correction") << " added to " << a.sessionId << "\n";
    return 0;
}

int Search(Context& ctx) {
    vault::Vault v = ctx.OpenVault(ctx.args.dir);
    const vault::VaultSearchResult result = v.SearchCases(ctx.args.text); // in memory only
    for (const auto& h : result.hits)
        ctx.out << h.code << '\t' << h.hit.date.Iso() << '\t' << journal::ToString(h.hit.place)
                << '\t' << h.hit.snippet << '\n';
    if (!result.problems.empty()) {
        // Each problem is "<code>: <file>: <what>". stderr names files, not clients
        // (as vault verify does; the user did not name the code), so the code is left out.
        const auto cases = v.ListCases();
        for (const auto& problem : result.problems) {
            std::string line = problem;
            for (const auto& s : cases)
                if (problem.rfind(s.code + ": " + s.id + ".kbc", 0) == 0)
                    line = problem.substr(s.code.size() + 2);
            ctx.err << "kartbok-cli: " << line << "\n";
        }
    }
    // Finding nothing is an answer, not an error; a case that could not be read is.
    return result.problems.empty() ? kOk : kBadData;
}

int Due(Context& ctx) {
    vault::Vault v = ctx.OpenVault(ctx.args.dir);
    journal::Date today =
        ctx.args.year.empty() ? journal::Today() : journal::Date::FromIso(ctx.args.year);
    auto cases = v.ListCases();
    std::map<std::string, std::string> codes;
    for (const auto& s : cases)
        codes[s.id] = s.code;
    for (const auto& item : journal::DueWithin(cases, today))
        ctx.out << journal::ToString(item.kind) << '\t' << codes[item.caseId] << '\t'
                << item.date.Iso() << '\t' << item.daysLeft << '\n';
    return 0;
}

} // namespace

void AddJournalCommands(CLI::App& app, Context& ctx) {
    Args& a = ctx.args;
    auto* session = app.add_subcommand("session", "add, sign and amend session notes");
    session->require_subcommand(1);

    auto* add = session->add_subcommand(
        "add", "add a draft session from JSON (docs/case-json.md, one session)");
    add->add_option("DIR", a.dir, "vault folder")->required();
    add->add_option("CODE", a.code, "client code")->required();
    add->add_option("--json", a.file, "session JSON file")->required();
    add->callback([&ctx] { ctx.action = [&ctx] { return SessionAdd(ctx); }; });

    auto* sign = session->add_subcommand("sign", "sign a draft; it is locked from then on");
    sign->add_option("DIR", a.dir, "vault folder")->required();
    sign->add_option("CODE", a.code, "client code")->required();
    sign->add_option("SESSION_ID", a.sessionId, "session id")->required();
    sign->add_option("--user", a.user, "who signs (must be the user who unlocks)")->required();
    sign->callback([&ctx] { ctx.action = [&ctx] { return SessionSign(ctx); }; });

    auto* addendum =
        session->add_subcommand("addendum", "add an addendum or a correction to a signed note");
    addendum->add_option("DIR", a.dir, "vault folder")->required();
    addendum->add_option("CODE", a.code, "client code")->required();
    addendum->add_option("SESSION_ID", a.sessionId, "session id")->required();
    addendum->add_option("--user", a.user, "author (must be the user who unlocks)")->required();
    addendum->add_option("--text", a.text, "the addendum's text");
    addendum->add_option("--text-file", a.source, "read the addendum's text from a file");
    addendum->add_option("--reason", a.reason, "why it is added");
    addendum->add_option("--field", a.field, "correct this field (old text stays, struck through)");
    addendum->callback([&ctx] { ctx.action = [&ctx] { return SessionAddendum(ctx); }; });

    auto* search = app.add_subcommand(
        "search", "search every note of every case, archived ones too (in memory); prints "
                  "code<TAB>date<TAB>place<TAB>snippet per hit. A case file that cannot be read "
                  "is one line on stderr (naming the file) and the others are still searched; "
                  "exit 1 if there was any, else 0 (also when nothing is found)");
    search->add_option("DIR", a.dir, "vault folder")->required();
    search->add_option("TEXT", a.text, "what to find")->required();
    search->callback([&ctx] { ctx.action = [&ctx] { return Search(ctx); }; });
}

void AddDueCommand(CLI::App* cases, Context& ctx) {
    Args& a = ctx.args;
    auto* due =
        cases->add_subcommand("due", "follow-ups and retention reviews due (tab-separated)");
    due->add_option("DIR", a.dir, "vault folder")->required();
    due->add_option("--today", a.year, "count from this date (YYYY-MM-DD) instead of today");
    due->callback([&ctx] { ctx.action = [&ctx] { return Due(ctx); }; });
}

} // namespace kartbok::cli
