#pragma once
// Runs kartbok-cli command lines in-process and keeps what they printed.

#include "Cli.h"

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <stdlib.h>

namespace kartbok::test {

struct CliResult {
    int code = -1;
    std::string out;
    std::string err;
    /// The contract: a failure prints exactly one line on stderr.
    bool OneLineError() const {
        return !err.empty() && err.back() == '\n' && err.find('\n') == err.size() - 1;
    }
};

/// With every file write going through `fs` (nullptr: POSIX), to fail steps.
inline CliResult CliRunWith(std::shared_ptr<kartbok::vault::FileSystem> fs,
                            const std::vector<std::string>& args, const std::string& stdinText) {
    std::vector<std::string> storage{"kartbok-cli"};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<const char*> argv;
    for (const auto& a : storage)
        argv.push_back(a.c_str());
    std::istringstream in(stdinText);
    std::ostringstream out, err;
    CliResult r;
    r.code =
        kartbok::cli::Run(static_cast<int>(argv.size()), argv.data(), in, out, err, std::move(fs));
    r.out = out.str();
    r.err = err.str();
    return r;
}

inline CliResult CliRunWith(std::shared_ptr<kartbok::vault::FileSystem> fs,
                            std::initializer_list<std::string> args, const std::string& stdinText) {
    return CliRunWith(std::move(fs), std::vector<std::string>(args), stdinText);
}

inline CliResult CliRun(const std::vector<std::string>& args, const std::string& stdinText) {
    return CliRunWith(nullptr, args, stdinText);
}

inline CliResult CliRun(std::initializer_list<std::string> args, const std::string& stdinText) {
    return CliRunWith(nullptr, std::vector<std::string>(args), stdinText);
}

/// A temporary folder, removed with everything in it.
struct ScratchDir {
    std::filesystem::path path;
    ScratchDir() {
        std::string templ =
            (std::filesystem::temp_directory_path() / "kartbok-test-XXXXXX").string();
        if (!::mkdtemp(templ.data()))
            throw std::runtime_error("cannot create a temporary folder");
        path = templ;
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
};

inline std::string ReadAll(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

} // namespace kartbok::test
