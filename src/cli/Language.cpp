#include "Language.h"

#include <cstdlib>
#include <fstream>
#include <pwd.h>
#include <sstream>
#include <unistd.h>

namespace kartbok::cli {

namespace {

constexpr std::size_t kMaxConfigBytes = 1 << 20; ///< a preferences file is a few hundred bytes

struct Entry {
    std::string value;
    bool immutable =
        false; ///< "!Key=..." in wxFileConfig: a system file's entry users cannot override
};

bool Space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/// A value as wxFileConfig writes it: quoted when it has leading or trailing
/// blanks, with \n \r \t \\ \" escapes.
std::string Unescape(std::string_view raw) {
    const bool quoted = !raw.empty() && raw.front() == '"';
    std::string out;
    for (std::size_t i = quoted ? 1 : 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '\\' && i + 1 < raw.size()) {
            c = raw[++i];
            out += c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
        } else if (c != '"' || !quoted) {
            out += c;
        }
    }
    return out;
}

/// The Language entry of [Preferences], the last one when repeated (as wx reads it).
std::optional<Entry> FindLanguage(std::string_view text) {
    std::optional<Entry> found;
    bool inPreferences = false;
    std::istringstream lines{std::string(text)};
    for (std::string line; std::getline(lines, line);) {
        std::size_t at = 0;
        while (at < line.size() && Space(line[at]))
            ++at;
        while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
            line.pop_back();
        if (at >= line.size() || line[at] == ';' || line[at] == '#')
            continue;
        if (line[at] == '[') {
            const std::size_t close = line.find(']', at);
            std::string group =
                Unescape(line.substr(at + 1, close == std::string::npos ? close : close - at - 1));
            if (!group.empty() && group.front() == '/')
                group.erase(0, 1);
            inPreferences = group == "Preferences";
            continue;
        }
        if (!inPreferences)
            continue;
        Entry e;
        if (line[at] == '!') {
            e.immutable = true;
            ++at;
        }
        std::string key;
        for (; at < line.size() && line[at] != '=' && !Space(line[at]); ++at) {
            if (line[at] == '\\' && at + 1 < line.size())
                ++at;
            key += line[at];
        }
        while (at < line.size() && Space(line[at]))
            ++at;
        if (key != "Language" || at >= line.size() || line[at] != '=')
            continue;
        ++at;
        while (at < line.size() && Space(line[at]))
            ++at;
        e.value = Unescape(std::string_view(line).substr(at));
        found = e;
    }
    return found;
}

std::optional<Entry> LanguageIn(const std::filesystem::path& file) {
    std::error_code ec;
    if (file.empty() || !std::filesystem::is_regular_file(file, ec) ||
        std::filesystem::file_size(file, ec) > kMaxConfigBytes)
        return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return FindLanguage(text.str());
}

/// As the app's Preferences::Load: only "sv" and "en" are choices; anything
/// else means "follow the system".
std::string Accepted(const std::string& value) {
    return value == "sv" || value == "en" ? value : std::string();
}

} // namespace

std::optional<std::string> LanguageFromAppConfig(std::string_view configText) {
    auto e = FindLanguage(configText);
    if (!e)
        return std::nullopt;
    return Accepted(e->value);
}

AppConfigFiles AppConfigFiles::Default() {
    AppConfigFiles files;
    // wxFileConfig finds the home folder the same way (wxGetHomeDir).
    const char* home = std::getenv("HOME");
    std::string dir = home && *home ? home : "";
    if (dir.empty())
        if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir)
            dir = pw->pw_dir;
    if (!dir.empty())
        files.user = std::filesystem::path(dir) / ".kartbok";
    return files;
}

std::string LanguageFromEnvironment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value && *value)
            return std::string_view(value).starts_with("sv") ? "sv" : "en";
    }
    return {};
}

std::string ResolveLanguage(const std::string& requested, const AppConfigFiles& files) {
    if (!requested.empty())
        return requested;
    const std::optional<Entry> system = LanguageIn(files.system);
    std::optional<Entry> chosen = LanguageIn(files.user);
    if (!chosen || (system && system->immutable))
        chosen = system;
    if (chosen && !Accepted(chosen->value).empty())
        return chosen->value;
    const std::string fromLocale = LanguageFromEnvironment();
    return fromLocale.empty() ? "en" : fromLocale;
}

} // namespace kartbok::cli
