// Shipped data is found beside the running executable (share/ next to bin/),
// never through a path compiled in: the build tree is laid out like an
// installed one, and a binary moved to another root finds that root's data.

#include "kartbok/journal/ShippedData.h"
#include "kartbok/journal/TemplateLoader.h"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <sys/wait.h>

using namespace kartbok::journal;
namespace fs = std::filesystem;

namespace {

std::string Slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// A fresh folder under the system's temp folder, removed at the end.
struct Scratch {
    Scratch() {
        std::random_device rd;
        dir = fs::temp_directory_path() / ("kartbok-shipped-" + std::to_string(rd()));
        fs::create_directories(dir);
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    fs::path dir;
};

/// Runs a command line, returns (exit code, standard output + error).
std::pair<int, std::string> Run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buf{};
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe))
        out.append(buf.data(), n);
    const int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

/// A minimal valid note template.
const char* kTinyTemplate = "id: moved-root-note\nversion: 1\nkind: note\n"
                            "title: {sv: Flyttad, en: Moved}\n"
                            "sections:\n  - id: s\n    title: {sv: S, en: S}\n"
                            "    items:\n      - id: a\n        title: {sv: A, en: A}\n";

} // namespace

TEST_CASE("shipped data is looked for beside the running executable", "[shipped]") {
    ::unsetenv("KARTBOK_TEMPLATES");
    const fs::path bin = fs::canonical(KARTBOK_BIN_DIR);
    CHECK(ExecutableDir() == bin); // tests_core runs from build/bin
    const fs::path share = bin.parent_path() / "share";
    CHECK(ShippedDataDir(ShippedData::Templates) == share / "kartbok" / "templates");
    CHECK(ShippedDataDir(ShippedData::Guide) == share / "kartbok" / "guide");
    CHECK(ShippedDataDir(ShippedData::Locale) == share / "locale");
    CHECK(ShippedDataDir(ShippedData::Icons) == share / "icons" / "hicolor" / "scalable" / "apps");
    CHECK(ShippedTemplatesDir() == ShippedDataDir(ShippedData::Templates));
}

TEST_CASE("the build tree holds an up-to-date copy of every shipped template", "[shipped]") {
    ::unsetenv("KARTBOK_TEMPLATES");
    const fs::path source = fs::path(KARTBOK_SOURCE_DIR) / "templates";
    const fs::path copy = ShippedTemplatesDir();
    REQUIRE(fs::is_directory(copy));
    std::set<std::string> inSource, inCopy;
    for (const auto& e : fs::directory_iterator(source))
        inSource.insert(e.path().filename().string());
    for (const auto& e : fs::directory_iterator(copy))
        inCopy.insert(e.path().filename().string());
    CHECK(inCopy == inSource); // a deleted template does not linger
    for (const auto& name : inSource)
        CHECK(Slurp(copy / name) == Slurp(source / name));
}

TEST_CASE("KARTBOK_TEMPLATES moves the templates and nothing else", "[shipped]") {
    ::setenv("KARTBOK_TEMPLATES", "/opt/kartbok/templates", 1);
    CHECK(ShippedTemplatesDir() == fs::path("/opt/kartbok/templates"));
    CHECK(ShippedDataDir(ShippedData::Guide) ==
          fs::canonical(KARTBOK_BIN_DIR).parent_path() / "share" / "kartbok" / "guide");
    ::setenv("KARTBOK_TEMPLATES", "", 1); // empty: as if unset
    CHECK(ShippedTemplatesDir() ==
          fs::canonical(KARTBOK_BIN_DIR).parent_path() / "share" / "kartbok" / "templates");
    ::unsetenv("KARTBOK_TEMPLATES");
}

TEST_CASE("a binary moved to another root reads that root's templates, through symlinks too",
          "[shipped]") {
    ::unsetenv("KARTBOK_TEMPLATES");
    Scratch root;
    fs::create_directories(root.dir / "usr" / "bin");
    fs::create_directories(root.dir / "usr" / "share" / "kartbok" / "templates");
    // A hard link is a second real place for the same binary (a copy where /tmp
    // is another file system); a symlink would lead back to build/bin.
    const fs::path built = fs::path(KARTBOK_BIN_DIR) / "kartbok-cli";
    const fs::path moved = root.dir / "usr" / "bin" / "kartbok-cli";
    std::error_code linkError;
    fs::create_hard_link(built, moved, linkError);
    if (linkError)
        fs::copy_file(built, moved);
    std::ofstream(root.dir / "usr" / "share" / "kartbok" / "templates" / "moved.yaml")
        << kTinyTemplate;

    const std::string cli = (root.dir / "usr" / "bin" / "kartbok-cli").string();
    auto [code, out] = Run("env -u KARTBOK_TEMPLATES '" + cli + "' templates list");
    CHECK(code == 0);
    CHECK(out.find("moved-root-note\t1\tnote") != std::string::npos);
    CHECK(out.find("note-soap") == std::string::npos); // nothing from the build tree

    // A symlink elsewhere (as /usr/local/bin/kartbok-cli -> /opt/...): the real place counts.
    fs::create_directories(root.dir / "elsewhere");
    fs::create_symlink(cli, root.dir / "elsewhere" / "kartbok-cli");
    std::tie(code, out) =
        Run("env -u KARTBOK_TEMPLATES '" + (root.dir / "elsewhere" / "kartbok-cli").string() +
            "' templates list");
    CHECK(code == 0);
    CHECK(out.find("moved-root-note") != std::string::npos);

    // Without its data the binary says which folder it looked in, and fails.
    fs::remove_all(root.dir / "usr" / "share");
    std::tie(code, out) = Run("env -u KARTBOK_TEMPLATES '" + cli + "' templates list");
    CHECK(code == 1);
    CHECK(out.find((root.dir / "usr" / "share" / "kartbok" / "templates").string()) !=
          std::string::npos);
}
