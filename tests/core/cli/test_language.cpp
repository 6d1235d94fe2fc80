// kartbok-cli speaks the user's language: --lang, else the language chosen in
// the app (its wxFileConfig file, read without wx), else the locale
// (LC_ALL, LC_MESSAGES, LANG), else English. Each step of the fallback, and
// the words that reach a report and a map.
#include "CliHarness.h"
#include "Language.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

using kartbok::test::CliRun;
using kartbok::test::ReadAll;
using kartbok::test::ScratchDir;
using namespace kartbok::cli;
namespace fs = std::filesystem;

namespace {

/// Sets (or, with nullopt, removes) environment variables for one test and
/// puts back what was there.
class EnvGuard {
public:
    void Set(const std::string& name, std::optional<std::string> value) {
        if (!m_saved.count(name)) {
            const char* old = std::getenv(name.c_str());
            m_saved[name] = old ? std::optional<std::string>(old) : std::nullopt;
        }
        if (value)
            ::setenv(name.c_str(), value->c_str(), 1);
        else
            ::unsetenv(name.c_str());
    }
    /// No locale variable at all, HOME at `home`.
    void Clean(const fs::path& home) {
        for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
            Set(name, std::nullopt);
        Set("HOME", home.string());
    }
    ~EnvGuard() {
        for (const auto& [name, value] : m_saved)
            if (value)
                ::setenv(name.c_str(), value->c_str(), 1);
            else
                ::unsetenv(name.c_str());
    }

private:
    std::map<std::string, std::optional<std::string>> m_saved;
};

void Write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

/// The file the app writes (wxFileConfig), with the language it chose.
std::string AppConfig(const std::string& language) {
    return "[Preferences]\nLanguage=" + language +
           "\nIdleLockMinutes=10\nLastVault=/home/anna/vault\nClinicTemplates=\n"
           "[Persistent_Options]\n[Persistent_Options/Window]\n"
           "[Persistent_Options/Window/main]\nx=0\ny=0\nw=1400\nh=900\n";
}

const std::string kPw = "language-test-password";

} // namespace

TEST_CASE("the app's language preference is read from its wxFileConfig file", "[cli][language]") {
    CHECK(LanguageFromAppConfig(AppConfig("sv")) == "sv");
    CHECK(LanguageFromAppConfig(AppConfig("en")) == "en");
    CHECK(LanguageFromAppConfig(AppConfig("")) == "");   // "follow the system"
    CHECK(LanguageFromAppConfig(AppConfig("de")) == ""); // the app ignores it too
    CHECK_FALSE(LanguageFromAppConfig("").has_value());
    CHECK_FALSE(LanguageFromAppConfig("[Persistent_Options]\nLanguage=sv\n").has_value());
    CHECK_FALSE(LanguageFromAppConfig("Language=sv\n").has_value()); // no group: the root
    CHECK_FALSE(LanguageFromAppConfig("[Preferences/Sub]\nLanguage=sv\n").has_value());
    CHECK(LanguageFromAppConfig("; comment\n# other\n[Preferences]\r\n  Language = en\r\n") ==
          "en");
    CHECK(LanguageFromAppConfig("[Preferences]\nLanguage=\"sv\"\n") == "sv");
    CHECK(LanguageFromAppConfig("[Preferences]\nLanguageX=en\nLanguage=sv\n") == "sv");
    CHECK(LanguageFromAppConfig("[Preferences]\nLanguage=en\n[Other]\nLanguage=sv\n") == "en");
    CHECK(LanguageFromAppConfig("[Preferences]\nLanguage=en\nLanguage=sv\n") == "sv"); // last wins
}

TEST_CASE("the locale decides as the app's 'system language' does", "[cli][language]") {
    ScratchDir tmp;
    EnvGuard env;
    env.Clean(tmp.path);
    CHECK(LanguageFromEnvironment().empty());
    env.Set("LANG", "sv_SE.UTF-8");
    CHECK(LanguageFromEnvironment() == "sv");
    env.Set("LC_MESSAGES", "en_GB.UTF-8"); // more specific than LANG
    CHECK(LanguageFromEnvironment() == "en");
    env.Set("LC_ALL", "sv_FI.UTF-8"); // overrides both
    CHECK(LanguageFromEnvironment() == "sv");
    env.Set("LC_ALL", ""); // empty counts as unset
    CHECK(LanguageFromEnvironment() == "en");
    env.Set("LC_MESSAGES", "C");
    CHECK(LanguageFromEnvironment() == "en");
    env.Set("LC_MESSAGES", "de_DE.UTF-8"); // neither: English
    CHECK(LanguageFromEnvironment() == "en");
}

TEST_CASE("each step of the language fallback", "[cli][language]") {
    ScratchDir tmp;
    EnvGuard env;
    env.Clean(tmp.path);
    AppConfigFiles files;
    files.user = tmp.path / ".kartbok";
    files.system = tmp.path / "etc-kartbok.conf";

    // Nothing anywhere: English.
    CHECK(ResolveLanguage("", files) == "en");
    // The locale.
    env.Set("LANG", "sv_SE.UTF-8");
    CHECK(ResolveLanguage("", files) == "sv");
    // The app set to follow the system: still the locale.
    Write(files.user, AppConfig(""));
    CHECK(ResolveLanguage("", files) == "sv");
    // The app's choice beats the locale.
    Write(files.user, AppConfig("en"));
    CHECK(ResolveLanguage("", files) == "en");
    // --lang beats everything.
    CHECK(ResolveLanguage("sv", files) == "sv");
    // The computer's file counts where the user's has no entry...
    Write(files.user, "[Persistent_Options]\nx=0\n");
    Write(files.system, "[Preferences]\nLanguage=en\n");
    CHECK(ResolveLanguage("", files) == "en");
    // ...the user's entry overrides it, unless it is marked immutable (!).
    Write(files.user, AppConfig("sv"));
    CHECK(ResolveLanguage("", files) == "sv");
    Write(files.system, "[Preferences]\n!Language=en\n");
    CHECK(ResolveLanguage("", files) == "en");

    // The default files: the app's own, $HOME/.kartbok.
    CHECK(AppConfigFiles::Default().user == tmp.path / ".kartbok");
    CHECK(AppConfigFiles::Default().system == "/etc/kartbok.conf");
}

TEST_CASE("report and map follow --lang, the app's choice and the locale", "[cli][language]") {
    ScratchDir tmp;
    EnvGuard env;
    env.Clean(tmp.path);
    const std::string dir = (tmp.path / "demo").string();
    REQUIRE(CliRun({"--kdf", "minimum", "demo", dir, "--password-stdin"}, kPw + "\n").code == 0);
    const std::string json = (tmp.path / "case.json").string();
    Write(json,
          CliRun({"case", "show", dir, "GBG-2025-017", "--json", "--password-stdin"}, kPw + "\n")
              .out);
    auto map = [&](std::initializer_list<std::string> lang) {
        const std::string out = (tmp.path / "map.svg").string();
        std::vector<std::string> args{"genogram",     "render", "--json", json,
                                      "--deidentify", "--out",  out};
        args.insert(args.end(), lang);
        std::vector<const char*> argv{"kartbok-cli"};
        for (const auto& a : args)
            argv.push_back(a.c_str());
        std::istringstream in;
        std::ostringstream o, e;
        REQUIRE(Run(static_cast<int>(argv.size()), argv.data(), in, o, e) == 0);
        const std::string svg = ReadAll(out);
        const bool sv = svg.find(">Klient<") != std::string::npos;
        const bool en = svg.find(">Client<") != std::string::npos;
        REQUIRE(sv != en);
        return sv ? std::string("sv") : std::string("en");
    };
    auto report = [&](std::initializer_list<std::string> lang) {
        const std::string out = (tmp.path / "brief.pdf").string();
        std::vector<std::string> args{"--password-stdin", "report",   dir,     "GBG-2025-017",
                                      "--kind",           "followup", "--out", out};
        args.insert(args.end(), lang);
        std::vector<const char*> argv{"kartbok-cli"};
        for (const auto& a : args)
            argv.push_back(a.c_str());
        std::istringstream in(kPw + "\n");
        std::ostringstream o, e;
        REQUIRE(Run(static_cast<int>(argv.size()), argv.data(), in, o, e) == 0);
        const std::string pdf = ReadAll(out);
        // The title is in the PDF's metadata and on every page.
        const std::string text = [&] {
            std::string cmd = "pdftotext -enc UTF-8 '" + out + "' - 2>/dev/null";
            std::string t;
            if (std::FILE* p = ::popen(cmd.c_str(), "r")) {
                char buf[4096];
                for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;)
                    t.append(buf, n);
                ::pclose(p);
            }
            return t;
        }();
        const bool sv = text.find("Underlag inför uppföljning") != std::string::npos;
        const bool en = text.find("Follow-up brief") != std::string::npos;
        REQUIRE(sv != en);
        return sv ? std::string("sv") : std::string("en");
    };

    // No preference, no locale: English.
    CHECK(map({}) == "en");
    CHECK(report({}) == "en");
    // The locale.
    env.Set("LANG", "sv_SE.UTF-8");
    CHECK(map({}) == "sv");
    CHECK(report({}) == "sv");
    // The app's choice beats the locale.
    Write(tmp.path / ".kartbok", AppConfig("en"));
    CHECK(map({}) == "en");
    CHECK(report({}) == "en");
    // --lang beats both.
    CHECK(map({"--lang", "sv"}) == "sv");
    CHECK(report({"--lang", "sv"}) == "sv");
    // Anything but sv or en is a usage error.
    CHECK(CliRun({"genogram", "render", "--json", json, "--out", (tmp.path / "x.svg").string(),
                  "--lang", "de"},
                 "")
              .code == 2);
}
