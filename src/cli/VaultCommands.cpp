// kartbok-cli vault init|verify|add-slot|passwd
#include "Context.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <ostream>

namespace kartbok::cli {

namespace {

std::string DefaultUser() {
    const char* u = std::getenv("USER");
    return u && *u ? u : "therapist";
}

/// A new password: asked twice on a terminal; once on standard input.
std::string ReadNewPassword(Context& ctx, const std::string& who) {
    std::string pw = ctx.ReadSecret("New password for " + who + ": ");
    if (!ctx.passwordStdin && ctx.ReadSecret("Repeat the password: ") != pw)
        throw UsageError("the two passwords differ; nothing was changed");
    if (pw.size() < 8)
        throw UsageError("a password needs at least 8 characters; nothing was changed");
    return pw;
}

} // namespace

void AddVaultCommands(CLI::App& app, Context& ctx) {
    auto* vault = app.add_subcommand("vault", "create, check and manage key slots of a vault");
    vault->require_subcommand(1);

    std::string& dir = ctx.args.dir;
    std::string& user = ctx.args.user;
    auto* init = vault->add_subcommand("init", "create a new, empty vault in DIR");
    init->add_option("DIR", dir, "vault folder (absent or empty)")->required();
    init->add_option("--user", user, "name of the first key slot (the therapist)");
    init->callback([&ctx, &dir, &user] {
        ctx.action = [&ctx, &dir, &user] {
            std::string name = user.empty() ? DefaultUser() : user;
            vault::Vault v =
                vault::Vault::Create(dir, name, ReadNewPassword(ctx, name), ctx.Limits());
            ctx.out << "created vault " << dir << " for " << name << "\n";
            return 0;
        };
    });

    auto* verify = vault->add_subcommand("verify", "check every file of the vault");
    verify->add_option("DIR", dir, "vault folder")->required();
    verify->callback([&ctx, &dir, &user] {
        ctx.action = [&ctx, &dir, &user] {
            vault::Vault v = ctx.OpenVault(dir);
            vault::VerifyReport report = v.Verify();
            for (const auto& p : report.problems)
                ctx.err << "kartbok-cli: " << p << "\n";
            if (!report.ok)
                return 1;
            ctx.out << "ok: " << v.ListCases().size() << " cases, " << v.Users().size()
                    << " key slots, audit chain intact\n";
            return 0;
        };
    });

    auto* addSlot =
        vault->add_subcommand("add-slot", "let another user (or a recovery key) unlock the vault");
    addSlot->add_option("DIR", dir, "vault folder")->required();
    addSlot->add_option("--user", user, "name of the new slot")->required();
    addSlot->callback([&ctx, &dir, &user] {
        ctx.action = [&ctx, &dir, &user] {
            vault::Vault v = ctx.OpenVault(dir);
            v.AddSlot(user, ReadNewPassword(ctx, user), ctx.Limits());
            ctx.out << "added key slot for " << user << "\n";
            return 0;
        };
    });

    auto* passwd = vault->add_subcommand("passwd", "change the password of one key slot");
    passwd->add_option("DIR", dir, "vault folder")->required();
    passwd->add_option("--user", user, "slot to change (default: the one that unlocks)");
    passwd->callback([&ctx, &dir, &user] {
        ctx.action = [&ctx, &dir, &user] {
            vault::Vault v = ctx.OpenVault(dir);
            std::string name = user.empty() ? v.User() : user;
            v.ChangePassword(name, ReadNewPassword(ctx, name), ctx.Limits());
            ctx.out << "changed the password of " << name << "\n";
            return 0;
        };
    });
}

} // namespace kartbok::cli
