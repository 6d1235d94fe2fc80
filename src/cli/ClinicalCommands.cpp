// kartbok-cli case new --relative-of, case split-relative, case intake, case
// follow-up, case reopen: the clinical model's commands (relatives as clients of
// their own, intake, follow-ups with outcomes, treatment episodes). Each change
// is one journal command, applied and saved like every other CLI edit; the
// split is the vault's one audited SplitCase.
#include "Context.h"

#include "kartbok/base/Uuid.h"
#include "kartbok/journal/CaseCommands.h"
#include "kartbok/journal/EpisodeCommands.h"
#include "kartbok/journal/Episodes.h"
#include "kartbok/journal/JournalError.h"
#include "kartbok/journal/RelativeSplit.h"
#include "kartbok/journal/TemplateLoader.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace kartbok::cli {

namespace {

namespace jn = kartbok::journal;

jn::Date ParseDate(const std::string& iso, const char* option) {
    try {
        jn::Date d = jn::Date::FromIso(iso);
        if (d.Set())
            return d;
    } catch (const std::invalid_argument&) {
    }
    throw UsageError(std::string(option) + ": expected a date YYYY-MM-DD, got '" + iso + "'");
}

jn::Intake IntakeFrom(const Args& a, jn::Intake intake) {
    if (!a.reasons.empty()) {
        intake.reasons.clear();
        for (const std::string& r : a.reasons) {
            jn::SeekReason reason{};
            if (!jn::FromString(r, reason))
                throw UsageError("--reason: unknown reason '" + r +
                                 "' (buying-sex, compulsive-sexual-behaviour, relative, other)");
            if (!intake.Has(reason))
                intake.reasons.push_back(reason);
        }
    }
    if (!a.referral.empty() && !jn::FromString(a.referral, intake.referral))
        throw UsageError("--referral: unknown route '" + a.referral +
                         "' (own-initiative, partner, police, social-services, health-care, "
                         "other, not-recorded)");
    return intake;
}

/// Applies one journal command inside ChangeCase, as the one audit record of the save.
CaseChange Applied(jn::CaseCommand& cmd, jn::Case& c) {
    cmd.Apply(c);
    return {vault::AuditActionFor(cmd.Kind()), cmd.Describe()};
}

std::string CodeOf(vault::Vault& v, const std::string& id) {
    for (const auto& s : v.ListCases())
        if (s.id == id)
            return s.code;
    return "(" + id + ")";
}

int Intake(Context& ctx) {
    vault::Vault v = ctx.OpenVault(ctx.args.dir);
    IntakeFrom(ctx.args, {}); // a bad option is a usage error before anything is read
    ChangeCase(
        ctx, v, v.FindCaseIdByCode(ctx.args.code),
        [&](jn::Case& c) {
            jn::CaseFields fields = jn::FieldsOf(c);
            fields.intake = IntakeFrom(ctx.args, c.intake);
            jn::SetCaseFields cmd(fields);
            return Applied(cmd, c);
        },
        false);
    ctx.out << "intake recorded for " << ctx.args.code << "\n";
    return 0;
}

int FollowUp(Context& ctx) {
    const Args& a = ctx.args;
    if (a.plan.empty() == a.outcome.empty())
        throw UsageError("give exactly one of --plan DATE or --outcome OUTCOME --date DATE");
    if (!a.plan.empty()) {
        const jn::Date due = ParseDate(a.plan, "--plan");
        vault::Vault v = ctx.OpenVault(a.dir);
        std::string id;
        ChangeCase(
            ctx, v, v.FindCaseIdByCode(a.code),
            [&](jn::Case& c) {
                jn::PlanFollowUp cmd(due);
                CaseChange change = Applied(cmd, c);
                id = cmd.FollowUpId();
                return change;
            },
            false);
        ctx.out << id << "\t" << a.plan << "\tplanned\n";
        return 0;
    }
    jn::FollowUpOutcome outcome{};
    if (!jn::FromString(a.outcome, outcome))
        throw UsageError("--outcome: expected held, declined, not-reached or planned, got '" +
                         a.outcome + "'");
    jn::Date date =
        outcome == jn::FollowUpOutcome::Planned ? jn::Date{} : ParseDate(a.date, "--date");
    vault::Vault v = ctx.OpenVault(a.dir);
    std::string id;
    ChangeCase(
        ctx, v, v.FindCaseIdByCode(a.code),
        [&](jn::Case& c) {
            id = a.followUpId;
            if (id.empty()) {
                const jn::FollowUp* next = jn::NextPlanned(c.followUps);
                if (!next)
                    throw UsageError(c.code + " has no planned follow-up; name one with --id");
                id = next->id;
            }
            jn::RecordFollowUpOutcome cmd(id, outcome, date, a.sessionId);
            return Applied(cmd, c);
        },
        false);
    ctx.out << id << "\t" << jn::ToString(outcome) << "\t" << date.Iso() << "\n";
    return 0;
}

int Reopen(Context& ctx) {
    const Args& a = ctx.args;
    const jn::Date firstContact = ParseDate(a.date, "--first-contact");
    const jn::Intake intake = IntakeFrom(a, {});
    vault::Vault v = ctx.OpenVault(a.dir);
    int episode = 0;
    ChangeCase(
        ctx, v, v.FindCaseIdByCode(a.code),
        [&](jn::Case& c) {
            jn::ReopenCase cmd(firstContact, intake);
            CaseChange change = Applied(cmd, c);
            episode = c.CurrentEpisode();
            return change;
        },
        false);
    ctx.out << a.code << "\tepisode " << episode << "\n";
    return 0;
}

/// Moves a relative's alone-sessions, and the relatives' checklist runs and
/// forms, out of an older index case into a new case of the relative's own.
int SplitRelativeCase(Context& ctx) {
    const Args& a = ctx.args;
    if (a.person < 0)
        throw UsageError("--person: expected a person's id in the family map");
    const jn::TemplateSet templates = jn::LoadTemplates(jn::ShippedTemplatesDir());
    vault::Vault v = ctx.OpenVault(a.dir);
    const jn::Case source = v.LoadCase(v.FindCaseIdByCode(a.relativeOf));
    jn::RelativeSplitRequest request;
    request.newCaseId = base::NewUuid();
    request.newCode = a.code;
    request.relativePerson = static_cast<genogram::PersonId>(a.person);
    request.relativeTemplateIds = jn::RelativeTemplateIds(templates);
    jn::RelativeSplit split;
    try {
        split = jn::SplitRelative(source, request);
    } catch (const jn::JournalError& e) {
        throw UsageError(a.relativeOf + ": " + e.what()); // nothing to move, already a relative
    }
    v.SplitCase(split.source, split.relative); // refuses a code in use; audited as one split
    ctx.out << split.relative.id << "\t" << split.relative.code << "\n"
            << "moved\t" << split.movedSessionIds.size() << " sessions\t"
            << split.movedChecklists.size() << " checklists\t" << split.movedFormIds.size()
            << " forms\n"
            << "joint\t" << split.jointSessionIds.size() << " sessions\n";
    for (const std::string& id : split.leftSessionIds)
        ctx.out << "left\t" << id << "\n";
    return 0;
}

} // namespace

int NewRelativeCase(Context& ctx, vault::Vault& v) {
    const Args& a = ctx.args;
    const std::string indexId = v.FindCaseIdByCode(a.relativeOf);
    const jn::Case index = v.LoadCase(indexId);
    if (!index.relativeOf.empty())
        throw UsageError(a.relativeOf + " is itself a relative's case; link the new case to the "
                                        "index client's case");
    const auto person = static_cast<genogram::PersonId>(a.person);
    if (a.person < 0 || (person != 0 && !index.family.FindPerson(person)))
        throw UsageError("--person: there is no person " + std::to_string(a.person) + " in " +
                         a.relativeOf + "'s family map");
    const std::string id = v.CreateCase(a.code).id; // refuses a code already in use (exit 2)
    ChangeCase(
        ctx, v, id,
        [&](jn::Case& c) {
            jn::CaseFields fields = jn::FieldsOf(c);
            fields.intake.reasons = {jn::SeekReason::Relative};
            std::vector<jn::CaseCommandPtr> parts;
            parts.push_back(std::make_unique<jn::SetRelativeLink>(indexId, person));
            parts.push_back(std::make_unique<jn::SetCaseFields>(fields));
            jn::CompositeCaseCommand link("Relative's own case", std::move(parts));
            return Applied(link, c);
        },
        false);
    ApplyAndSave(
        ctx, v, indexId, [&] { return std::make_unique<jn::AddRelativeCase>(id); }, true);
    ctx.out << id << "\n";
    return 0;
}

void PrintClinical(Context& ctx, vault::Vault& v, const jn::Case& c) {
    std::ostream& out = ctx.out;
    out << "episode\t" << c.CurrentEpisode() << "\nreasons\t";
    for (std::size_t i = 0; i < c.intake.reasons.size(); ++i)
        out << (i ? "," : "") << jn::ToString(c.intake.reasons[i]);
    out << "\nreferral\t" << jn::ToString(c.intake.referral) << "\n";
    for (const jn::FollowUp& f : c.followUps)
        out << "follow-up\t" << f.id << "\t" << f.due.Iso() << "\t" << jn::ToString(f.outcome)
            << "\t" << f.outcomeDate.Iso() << "\n";
    int n = 0;
    for (const jn::Episode& e : c.pastEpisodes)
        out << "past episode\t" << ++n << "\t" << e.start.Iso() << "\t" << e.end.Iso() << "\n";
    if (!c.relativeOf.empty())
        out << "relative of\t" << CodeOf(v, c.relativeOf) << "\n";
    for (const std::string& id : c.relativeCaseIds)
        out << "relative's case\t" << CodeOf(v, id) << "\n";
}

void AddClinicalCaseCommands(CLI::App* cases, Context& ctx) {
    Args& a = ctx.args;
    auto* intake = cases->add_subcommand(
        "intake", "record the reasons for seeking help and the referral route");
    intake->add_option("DIR", a.dir, "vault folder")->required();
    intake->add_option("CODE", a.code, "client code")->required();
    intake->add_option("--reason", a.reasons,
                       "buying-sex | compulsive-sexual-behaviour | relative | other (repeat)");
    intake->add_option("--referral", a.referral,
                       "own-initiative | partner | police | social-services | health-care | "
                       "other | not-recorded");
    intake->callback([&ctx] { ctx.action = [&ctx] { return Intake(ctx); }; });

    auto* followUp = cases->add_subcommand(
        "follow-up", "plan a further follow-up, or record a follow-up's outcome");
    followUp->add_option("DIR", a.dir, "vault folder")->required();
    followUp->add_option("CODE", a.code, "client code")->required();
    followUp->add_option("--plan", a.plan, "plan a follow-up on this date (YYYY-MM-DD)");
    followUp->add_option("--outcome", a.outcome, "held | declined | not-reached | planned");
    followUp->add_option("--date", a.date, "when it was held, declined or given up");
    followUp->add_option("--id", a.followUpId, "which follow-up (default: the next planned)");
    followUp->add_option("--session", a.sessionId, "the follow-up session, when held");
    followUp->callback([&ctx] { ctx.action = [&ctx] { return FollowUp(ctx); }; });

    auto* split = cases->add_subcommand(
        "split-relative", "move a relative's alone-sessions, checklist runs and forms out of the "
                          "index client's case into a new case of their own (docs/case-json.md)");
    split->add_option("DIR", a.dir, "vault folder")->required();
    split->add_option("INDEX_CODE", a.relativeOf, "the index client's code")->required();
    split->add_option("--code", a.code, "the relative's new code")->required();
    split->add_option("--person", a.person,
                      "the relative in the index client's map: move only sessions naming them");
    split->callback([&ctx] { ctx.action = [&ctx] { return SplitRelativeCase(ctx); }; });

    auto* reopen =
        cases->add_subcommand("reopen", "start a new treatment episode for a returning client");
    reopen->add_option("DIR", a.dir, "vault folder")->required();
    reopen->add_option("CODE", a.code, "client code")->required();
    reopen->add_option("--first-contact", a.date, "when the client got in touch again")->required();
    reopen->add_option("--reason", a.reasons, "reason for seeking help this time (repeat)");
    reopen->add_option("--referral", a.referral, "how the client came this time");
    reopen->callback([&ctx] { ctx.action = [&ctx] { return Reopen(ctx); }; });
}

} // namespace kartbok::cli
