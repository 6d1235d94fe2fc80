#pragma once
// Shared plumbing of kartbok-cli sub-commands: streams, password input and the
// error types that decide the exit code.

#include "kartbok/journal/CaseCommand.h"
#include "kartbok/vault/Vault.h"

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kartbok::cli {

/// A usage error: exit code 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Option values of one run (a fresh set per Run call, so in-process runs
/// from tests never see each other's options).
struct Args {
    std::string dir, user, code, file, out, source, json, gedcom, index, sessionId, text, reason,
        field, kind, year, expect;
    // Clinical commands (case new --relative-of, stats --from/--to, follow-ups, episodes).
    std::string relativeOf, from, to, outcome, date, plan, referral, followUpId;
    std::vector<std::string> reasons;
    long person = 0;
    bool buyersOnly = false;
    std::string lang; ///< --lang sv|en; empty = the app's preference, then the locale
    bool asJson = false;
    bool previous = false;
    bool deidentify = false;
    bool noRelations = false; ///< genogram render: the family alone, no emotional relations
    bool quick = false;
};

struct Context {
    Context(std::istream& i, std::ostream& o, std::ostream& e) : in(i), out(o), err(e) {}
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool passwordStdin = false;
    bool takeOver = false;        ///< --take-over: another computer's stale case lock
    std::string kdf = "moderate"; ///< moderate | interactive | minimum (tests)
    std::function<int()> action;  ///< set by the chosen sub-command
    Args args;

    /// One secret line: from standard input with --password-stdin, else a no-echo prompt.
    std::string ReadSecret(const std::string& prompt);
    /// --kdf minimum only with KARTBOK_TEST_KDF=1 in the environment (tests).
    vault::KdfLimits Limits() const;
    /// Unlocks the vault at dir with a password read as above (the named
    /// user's slot only, when user is given).
    vault::Vault OpenVault(const std::filesystem::path& dir, const std::string& user = {});

    /// Every write of the vaults opened here and of every export; nullptr =
    /// POSIX. Tests install a FaultInjectingFileSystem (Run's last parameter).
    std::shared_ptr<vault::FileSystem> fileSystem;
    /// Writes client data from `v` to `out` through vault::Export: audited
    /// first, refused when the audit record cannot be written.
    void Export(vault::Vault& v, const std::string& out, std::span<const unsigned char> bytes,
                const std::string& caseId, const std::string& detail);
    /// Writes a file that comes from no vault (a GEDCOM or JSON render).
    void WriteOut(const std::string& out, std::span<const unsigned char> bytes);
    /// "sv" or "en" for reports and maps: --lang, else the app's preference,
    /// else the locale, else English (Language.h).
    std::string Language() const;
};

/// What a change to a case made: the audit action and its detail (ids only).
struct CaseChange {
    vault::AuditAction action = vault::AuditAction::Save;
    std::string detail;
};

/// Changes one case the way every writing command does: takes the case's lock
/// (refused, naming the holder, while Kartbok has it open elsewhere; another
/// computer's stale lock only with --take-over), loads, applies `edit`, saves
/// as one audit record. An append (retry) reloads and applies again when
/// another writer saved in between; anything else gives the Conflict (exit 1).
void ChangeCase(Context& ctx, vault::Vault& v, const std::string& caseId,
                const std::function<CaseChange(journal::Case&)>& edit, bool retry);

/// The bytes of a text, for Export and WriteOut.
std::span<const unsigned char> TextBytes(const std::string& text);

/// Refuses (exit 2) an output whose folder is missing or that is not a regular
/// file, before a password is asked or anything computed.
void CheckOut(const std::string& out);

/// --lang on a sub-command that writes words (report, genogram render).
void AddLanguageOption(CLI::App* command, Args& args);

/// Reads a whole file (for JSON, GEDCOM); throws UsageError when it cannot.
std::string ReadFileBytes(const std::filesystem::path& path);

/// Applies one journal command to a case and saves it as one audit record
/// (ChangeCase): the CLI's end of the one command path. `make` builds the
/// command afresh for each attempt; retry for appends (a new session, a
/// signature, an addendum), which apply again when another writer saved in
/// between - anything else gives the Conflict.
void ApplyAndSave(Context& ctx, vault::Vault& v, const std::string& caseId,
                  const std::function<journal::CaseCommandPtr()>& make, bool retry = true);

// Each module adds its sub-commands to the app; the callbacks set ctx.action.
void AddVaultCommands(CLI::App& app, Context& ctx);
void AddCaseCommands(CLI::App& app, Context& ctx);
void AddGenogramCommands(CLI::App& app, Context& ctx);
void AddDemoCommand(CLI::App& app, Context& ctx);
void AddJournalCommands(CLI::App& app, Context& ctx);
void AddTemplateCommands(CLI::App& app, Context& ctx);
void AddReportCommands(CLI::App& app, Context& ctx);
void AddDueCommand(CLI::App* cases, Context& ctx);
void AddClinicalCaseCommands(CLI::App* cases, Context& ctx);
/// case new --relative-of: the relative's own case, linked both ways.
int NewRelativeCase(Context& ctx, vault::Vault& v);
/// case show: episode, intake, follow-ups and links (codes of linked cases,
/// which the user could list anyway; never their content).
void PrintClinical(Context& ctx, vault::Vault& v, const journal::Case& c);
void AddBenchCommand(CLI::App& app, Context& ctx);

} // namespace kartbok::cli
