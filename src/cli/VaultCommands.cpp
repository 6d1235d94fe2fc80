// kartbok-cli vault init|verify|add-slot|passwd|remove-slot|rotate|repair|restore
#include "Cli.h"
#include "Context.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <ostream>

namespace kartbok::cli {

namespace {

std::string DefaultUser() {
    const char* u = std::getenv("USER");
    return u && *u ? u : "therapist";
}

/// A new password: asked twice on a terminal; once on standard input. Refused
/// with the reason when too short or too common.
std::string ReadNewPassword(Context& ctx, const std::string& who) {
    std::string pw = ctx.ReadSecret("New password for " + who + ": ");
    if (!ctx.passwordStdin && ctx.ReadSecret("Repeat the password: ") != pw)
        throw UsageError("the two passwords differ; nothing was changed");
    if (const std::string why = vault::PasswordProblem(pw); !why.empty())
        throw UsageError(why + "; nothing was changed");
    return pw;
}

int Init(Context& ctx) {
    const Args& a = ctx.args;
    const std::string name = a.user.empty() ? DefaultUser() : a.user;
    const vault::KdfLimits limits = ctx.Limits();
    vault::Vault v = vault::Vault::Create(a.dir, name, ReadNewPassword(ctx, name), limits);
    ctx.out << "created vault " << a.dir << " for " << name << "\nfingerprint\t" << v.Fingerprint()
            << "\n";
    return 0;
}

int Verify(Context& ctx) {
    const Args& a = ctx.args;
    vault::Vault v = ctx.OpenVault(a.dir);
    const vault::VerifyReport report = v.Verify(a.expect);
    for (const auto& p : report.problems)
        ctx.err << "kartbok-cli: " << p << "\n";
    for (const auto& n : report.notes)
        ctx.out << "note\t" << n << "\n";
    ctx.out << "fingerprint\t" << report.fingerprint << "\n";
    if (!report.ok)
        return kBadData;
    ctx.out << "ok: " << v.ListCases().size() << " cases, " << v.Users().size()
            << " key slots, audit chain intact\n";
    return 0;
}

int Passwd(Context& ctx) {
    const Args& a = ctx.args;
    if (!std::filesystem::exists(std::filesystem::path(a.dir) / "vault.key"))
        throw UsageError(a.dir + ": not a Kartbok vault (no vault.key)");
    // That user's current password (it unlocks, so nobody changes another's), then the new one.
    const std::string current = ctx.ReadSecret(
        a.user.empty() ? "Current password: " : "Current password of " + a.user + ": ");
    vault::Vault v = vault::Vault::Open(a.dir, current, a.user);
    const std::string name = v.User();
    v.ChangePassword(name, current, ReadNewPassword(ctx, name), ctx.Limits());
    ctx.out << "changed the password of " << name << "\n";
    return 0;
}

/// vault add-slot | passwd | remove-slot
void AddUserCommands(CLI::App* vault, Context& ctx) {
    Args& a = ctx.args;
    auto* addSlot =
        vault->add_subcommand("add-slot", "let another user (or a recovery key) unlock the vault");
    addSlot->add_option("DIR", a.dir, "vault folder")->required();
    addSlot->add_option("--user", a.user, "name of the new slot")->required();
    addSlot->callback([&ctx] {
        ctx.action = [&ctx] {
            vault::Vault v = ctx.OpenVault(ctx.args.dir);
            v.AddSlot(ctx.args.user, ReadNewPassword(ctx, ctx.args.user), ctx.Limits());
            ctx.out << "added key slot for " << ctx.args.user << "\n";
            return 0;
        };
    });

    auto* passwd = vault->add_subcommand(
        "passwd", "change a user's password: that user's current password, then the new one");
    passwd->add_option("DIR", a.dir, "vault folder")->required();
    passwd->add_option("--user", a.user, "whose password (default: the one that unlocks)");
    passwd->callback([&ctx] { ctx.action = [&ctx] { return Passwd(ctx); }; });

    auto* remove = vault->add_subcommand(
        "remove-slot", "remove a user; the vault key changes, so old copies of vault.key open "
                       "nothing saved afterwards");
    remove->add_option("DIR", a.dir, "vault folder")->required();
    remove->add_option("--user", a.user, "the user to remove")->required();
    remove->callback([&ctx] {
        ctx.action = [&ctx] {
            vault::Vault v = ctx.OpenVault(ctx.args.dir);
            v.RemoveSlot(ctx.args.user);
            ctx.out << "removed " << ctx.args.user << "; new vault key\nfingerprint\t"
                    << v.Fingerprint() << "\n";
            return 0;
        };
    });
}

/// vault repair | restore
void AddRepairCommands(CLI::App* vault, Context& ctx) {
    Args& a = ctx.args;
    auto* repair = vault->add_subcommand(
        "repair", "adopt or quarantine orphan case files, remove leftover temporary files, "
                  "finish an interrupted key change; each step audited and printed");
    repair->add_option("DIR", a.dir, "vault folder")->required();
    repair->callback([&ctx] {
        ctx.action = [&ctx] {
            vault::Vault v = ctx.OpenVault(ctx.args.dir);
            for (const auto& n : v.Notes())
                ctx.out << "repaired\t" << n << "\n";
            const vault::RepairReport report = v.Repair();
            for (const auto& s : report.steps)
                ctx.out << "repaired\t" << s << "\n";
            ctx.out << "fingerprint\t" << v.Fingerprint() << "\n";
            return 0;
        };
    });

    auto* restore = vault->add_subcommand(
        "restore", "put a case's previous version back (audited); never undoes a signature");
    restore->add_option("DIR", a.dir, "vault folder")->required();
    restore->add_option("CODE", a.code, "client code")->required();
    restore->add_flag("--previous", a.previous, "the version before the last save (required)")
        ->required();
    restore->callback([&ctx] {
        ctx.action = [&ctx] {
            vault::Vault v = ctx.OpenVault(ctx.args.dir);
            const std::string id = v.FindCaseIdByCode(ctx.args.code);
            std::string holder;
            if (!v.TryLockCase(id, &holder))
                throw vault::VaultError(vault::VaultError::Kind::Locked,
                                        id + ".lock: the case is open for editing by " + holder +
                                            "; close it there first");
            v.RestorePrevious(id);
            v.UnlockCase(id);
            ctx.out << "restored the previous version of " << id << "\n";
            return 0;
        };
    });
}

} // namespace

void AddVaultCommands(CLI::App& app, Context& ctx) {
    auto* vault = app.add_subcommand("vault", "create, check, repair and manage users of a vault");
    vault->require_subcommand(1);
    Args& a = ctx.args;

    auto* init = vault->add_subcommand("init", "create a new, empty vault in DIR");
    init->add_option("DIR", a.dir, "vault folder (absent or empty)")->required();
    init->add_option("--user", a.user, "name of the first key slot (the therapist)");
    init->callback([&ctx] { ctx.action = [&ctx] { return Init(ctx); }; });

    auto* verify = vault->add_subcommand(
        "verify", "check every file of the vault; prints notes, the fingerprint, then ok");
    verify->add_option("DIR", a.dir, "vault folder")->required();
    verify->add_option("--expect", a.expect,
                       "a fingerprint noted earlier: fail if the vault went back behind it");
    verify->callback([&ctx] { ctx.action = [&ctx] { return Verify(ctx); }; });

    AddUserCommands(vault, ctx);
    AddRepairCommands(vault, ctx);
}

} // namespace kartbok::cli
