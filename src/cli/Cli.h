#pragma once
// kartbok-cli as a function, so tests and bench run sub-commands in-process.

#include <iosfwd>
#include <memory>

namespace kartbok::vault {
class FileSystem;
}

namespace kartbok::cli {

/// Exit codes of the contract: 0 ok, 1 bad data (wrong password, damage,
/// verification failed), 2 usage error.
enum ExitCode { kOk = 0, kBadData = 1, kUsage = 2 };

/// Runs one kartbok-cli command line. Passwords come from `in` with
/// --password-stdin, else from a no-echo prompt on the terminal.
int Run(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err);
/// The same with every file write (vaults, audit log, exports) going through
/// `fs`, so tests can make any step fail.
int Run(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err,
        std::shared_ptr<vault::FileSystem> fs);

} // namespace kartbok::cli
