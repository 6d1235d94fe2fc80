#include "Cli.h"

#include "CaseJson.h"
#include "Context.h"
#include "Language.h"

#include "kartbok/vault/Export.h"
#include "kartbok/vault/FileSystem.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <sstream>
#include <termios.h>
#include <unistd.h>

namespace kartbok::cli {

namespace {

/// Reads one line from the terminal with echo off. No terminal: usage error,
/// so scripts learn to use --password-stdin instead of hanging.
std::string PromptNoEcho(const std::string& prompt) {
    int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        throw UsageError("no terminal to ask for a password on; use --password-stdin");
    termios old{};
    bool haveTermios = ::tcgetattr(fd, &old) == 0;
    if (haveTermios) {
        termios quiet = old;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    (void)!::write(fd, prompt.data(), prompt.size());
    std::string line;
    char ch = 0;
    while (::read(fd, &ch, 1) == 1 && ch != '\n')
        line.push_back(ch);
    if (haveTermios)
        ::tcsetattr(fd, TCSAFLUSH, &old);
    (void)!::write(fd, "\n", 1);
    ::close(fd);
    return line;
}

} // namespace

std::string Context::ReadSecret(const std::string& prompt) {
    if (!passwordStdin)
        return PromptNoEcho(prompt);
    std::string line;
    if (!std::getline(in, line))
        throw UsageError("expected a password line on standard input (--password-stdin)");
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

vault::KdfLimits Context::Limits() const {
    if (kdf == "interactive")
        return vault::KdfLimits::Interactive();
    if (kdf == "minimum") {
        const char* test = std::getenv("KARTBOK_TEST_KDF");
        if (test == nullptr || std::string(test) != "1")
            throw UsageError("--kdf minimum makes a password trivial to guess; it is for tests "
                             "only (KARTBOK_TEST_KDF=1)");
        return vault::KdfLimits::Minimum();
    }
    return vault::KdfLimits::Moderate();
}

vault::Vault Context::OpenVault(const std::filesystem::path& dir, const std::string& user) {
    if (!std::filesystem::exists(dir / "vault.key"))
        throw UsageError(dir.string() + ": not a Kartbok vault (no vault.key)");
    const std::string prompt =
        user.empty() ? "Password for " + dir.string() + ": " : "Password of " + user + ": ";
    vault::Vault v = vault::Vault::Open(dir, ReadSecret(prompt), user);
    if (fileSystem)
        v.SetFileSystem(fileSystem);
    return v;
}

void ChangeCase(Context& ctx, vault::Vault& v, const std::string& caseId,
                const std::function<CaseChange(journal::Case&)>& edit, bool retry) {
    std::string holder;
    const auto takeOver =
        ctx.takeOver ? vault::TakeOver::StaleAfterTimeout : vault::TakeOver::Never;
    // The app holds a case while a person edits it: refused at once. Another
    // command holds it for a moment: waited for (up to 30 s).
    bool locked = false, app = false;
    for (int attempt = 0; attempt < 3000 && !locked && !app; ++attempt) {
        locked = v.TryLockCase(caseId, &holder, takeOver, &app);
        if (!locked && !app)
            ::usleep(2000 + 100 * static_cast<unsigned>(std::min(attempt, 100)));
    }
    if (!locked)
        throw vault::VaultError(vault::VaultError::Kind::Locked,
                                caseId + ".lock: the case is open for editing by " + holder +
                                    "; close it there first (or, for a computer that is gone, "
                                    "--take-over)");
    struct Unlock {
        vault::Vault& v;
        const std::string& id;
        ~Unlock() {
            try {
                v.UnlockCase(id);
            } catch (...) {
            }
        }
    } unlock{v, caseId};
    for (int attempt = 0;; ++attempt) {
        journal::Case c = v.LoadCase(caseId);
        const CaseChange change = edit(c);
        try {
            v.SaveCase(c, change.action, change.detail);
            return;
        } catch (const vault::VaultError& e) {
            if (!retry || e.GetKind() != vault::VaultError::Kind::Conflict || attempt >= 20)
                throw;
        }
    }
}

void Context::Export(vault::Vault& v, const std::string& out, std::span<const unsigned char> bytes,
                     const std::string& caseId, const std::string& detail) {
    vault::Export(v, out, bytes, caseId, detail, fileSystem);
}

void Context::WriteOut(const std::string& out, std::span<const unsigned char> bytes) {
    vault::WriteExportFile(fileSystem ? *fileSystem : *vault::PosixFileSystem(), out, bytes);
}

std::string Context::Language() const {
    return ResolveLanguage(args.lang);
}

std::span<const unsigned char> TextBytes(const std::string& text) {
    return {reinterpret_cast<const unsigned char*>(text.data()), text.size()};
}

void CheckOut(const std::string& out) {
    vault::CheckExportTarget(out); // VaultError::Usage: exit 2
}

void AddLanguageOption(CLI::App* command, Args& args) {
    command
        ->add_option("--lang", args.lang,
                     "sv | en (default: the app's language setting, then LC_ALL / LC_MESSAGES / "
                     "LANG, then en)")
        ->check(CLI::IsMember({"sv", "en"}));
}

std::string ReadFileBytes(const std::filesystem::path& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f)
        throw UsageError(path.string() + ": cannot read the file");
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

int Run(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err) {
    return Run(argc, argv, in, out, err, nullptr);
}

int Run(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err,
        std::shared_ptr<vault::FileSystem> fs) {
    Context ctx{in, out, err};
    ctx.fileSystem = std::move(fs);
    CLI::App app{"kartbok-cli: scripted access to Kartbok vaults", "kartbok-cli"};
    app.require_subcommand(1);
    app.add_flag("--password-stdin", ctx.passwordStdin,
                 "read passwords from standard input, one per line (never from the command line)");
    app.add_option("--kdf", ctx.kdf, "Argon2id cost for new key slots (minimum: tests only)")
        ->check(CLI::IsMember({"moderate", "interactive", "minimum"}));
    app.add_flag("--take-over", ctx.takeOver,
                 "take over another computer's lock on a case whose holder showed no sign of "
                 "life for 10 minutes");
    app.set_version_flag("--version", std::string("kartbok-cli ") + KARTBOK_VERSION,
                         "print the version and exit");
    app.fallthrough();
    AddVaultCommands(app, ctx);
    AddCaseCommands(app, ctx);
    AddGenogramCommands(app, ctx);
    AddJournalCommands(app, ctx);
    AddTemplateCommands(app, ctx);
    AddReportCommands(app, ctx);
    AddDemoCommand(app, ctx);
    AddBenchCommand(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return kOk;
    } catch (const CLI::CallForAllHelp&) {
        out << app.help("", CLI::AppFormatMode::All);
        return kOk;
    } catch (const CLI::CallForVersion& e) {
        out << e.what() << "\n";
        return kOk;
    } catch (const CLI::ParseError& e) {
        err << "kartbok-cli: " << e.what() << "\n";
        return kUsage;
    }
    if (!ctx.action) {
        err << "kartbok-cli: no command given; see --help\n";
        return kUsage;
    }
    try {
        return ctx.action();
    } catch (const UsageError& e) {
        err << "kartbok-cli: " << e.what() << "\n";
        return kUsage;
    } catch (const vault::VaultError& e) {
        err << "kartbok-cli: " << e.what() << "\n";
        return e.GetKind() == vault::VaultError::Kind::Usage ? kUsage : kBadData;
    } catch (const std::exception& e) {
        // Library errors (JSON, GEDCOM, layout) carry file/line information
        // and never client text.
        err << "kartbok-cli: " << e.what() << "\n";
        return kBadData;
    }
}

} // namespace kartbok::cli
