// kartbok-cli demo DIR: the demo vault of the README. Everything in it is
// invented: a fictional client of a fictional KAST clinic, with a full family
// map, a year of signed session notes, a partly covered deep interview and
// start and end forms (DemoMainCase.cpp); his partner's own linked case, a
// returning client in his second episode and a declined follow-up
// (DemoCases.cpp); and here a handful of other cases so the client list shows
// every status and something due.
#include "Context.h"
#include "DemoCases.h"

#include "kartbok/genogram/Scaffold.h"

#include <CLI/CLI.hpp>

#include <array>
#include <ostream>

namespace kartbok::cli {

namespace {

namespace g = kartbok::genogram;
namespace jn = kartbok::journal;
using demo::kTherapist;

struct Other {
    const char* code;
    jn::CaseStatus status;
    jn::Date firstContact, start, end;
    int sessions;
};

void FillOther(jn::Case& c, const Other& o) {
    c.status = o.status;
    c.firstContact = o.firstContact;
    c.start = o.start;
    c.end = o.end;
    c.intake = {{jn::SeekReason::CompulsiveSexualBehaviour}, jn::ReferralRoute::OwnInitiative};
    if (o.end.Set())
        demo::FirstFollowUp(c, o.status == jn::CaseStatus::FollowUpDone
                                   ? jn::FollowUpOutcome::Held
                                   : jn::FollowUpOutcome::Planned);
    c.family = g::Scaffold("", g::Gender::Man);
    for (int i = 0; i < o.sessions; ++i) {
        jn::Session s = demo::Signed(demo::Id(demo::kMainSession, 1000 + i) +
                                         std::string(c.code.end() - 3, c.code.end()),
                                     o.start.AddMonths(i), jn::SessionType::Individual, "note-free",
                                     {{"note", "Samtal enligt plan."}});
        s.signedAt = s.created; // signed as soon as written
        c.sessions.push_back(std::move(s));
    }
}

int Demo(Context& ctx) {
    const std::string& dir = ctx.args.dir;
    if (std::filesystem::exists(std::filesystem::path(dir) / "vault.key"))
        throw UsageError(dir +
                         ": a vault is already there; the demo is only created in a new folder");
    std::string password = ctx.ReadSecret("Password for the demo vault: ");
    vault::Vault v = vault::Vault::Create(dir, kTherapist, password, ctx.Limits());

    jn::Case main = demo::MainCase(v.CreateCase("GBG-2025-017").id);
    // The partner in parallel treatment: a client of her own, linked by id.
    jn::Case partner = demo::PartnerCase(v.CreateCase("GBG-2025-024").id, main);
    main.relativeCaseIds = {partner.id};
    v.SaveCase(main);
    v.SaveCase(partner);

    const std::array<Other, 5> others{{
        {"GBG-2026-003", jn::CaseStatus::Enquiry, {2026, 11, 2}, {}, {}, 0},
        {"GBG-2026-009", jn::CaseStatus::Ongoing, {2026, 2, 10}, {2026, 3, 3}, {}, 8},
        {"BOR-2026-011", jn::CaseStatus::Assessment, {2026, 9, 15}, {2026, 10, 6}, {}, 2},
        {"GBG-2020-008",
         jn::CaseStatus::FollowUpDone,
         {2020, 1, 14},
         {2020, 2, 4},
         {2021, 1, 19},
         6},
        {"GBG-2021-012",
         jn::CaseStatus::FollowUpDone,
         {2021, 3, 1},
         {2021, 3, 22},
         {2022, 2, 14},
         5},
    }};
    for (const auto& o : others) {
        jn::Case c = v.CreateCase(o.code);
        FillOther(c, o);
        if (o.code == std::string("GBG-2021-012"))
            demo::Returning(c); // back in 2026: a second treatment episode
        v.SaveCase(c);
    }
    jn::Case declined = demo::DeclinedFollowUp(v.CreateCase("GBG-2024-031").id);
    v.SaveCase(declined);
    ctx.out << "demo vault created in " << dir << " (user " << kTherapist << ", "
            << 3 + others.size() << " cases)\n";
    return 0;
}

} // namespace

void AddDemoCommand(CLI::App& app, Context& ctx) {
    auto* demo =
        app.add_subcommand("demo", "create the demo vault (invented data) in a new folder");
    demo->add_option("DIR", ctx.args.dir, "folder for the demo vault")->required();
    demo->callback([&ctx] { ctx.action = [&ctx] { return Demo(ctx); }; });
}

} // namespace kartbok::cli
