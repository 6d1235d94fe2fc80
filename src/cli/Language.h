#pragma once
// Which language kartbok-cli writes reports and maps in: --lang, else the
// language the user chose in the app, else the locale, else English. The app
// keeps its choice in a wxFileConfig file; this reads it without wx.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kartbok::cli {

/// The app's language preference in the text of a wxFileConfig file: the
/// entry Language of group [Preferences]. "sv" or "en"; "" when the entry says
/// "follow the system" (empty, or anything the app itself would not accept);
/// nullopt when the file has no such entry.
std::optional<std::string> LanguageFromAppConfig(std::string_view configText);

/// The files the app's wxConfig reads, most specific first: the user's own
/// ($HOME/.kartbok, HOME from the environment, else the password database)
/// and the computer's (/etc/kartbok.conf), whose entries the user's override.
struct AppConfigFiles {
    std::filesystem::path user;
    std::filesystem::path system = "/etc/kartbok.conf";
    static AppConfigFiles Default();
};

/// "sv" or "en" from the locale, as the app's "system language" reads it: the
/// first of LC_ALL, LC_MESSAGES, LANG that is set and not empty; a value
/// starting with "sv" is Swedish, any other English. "" when none is set.
std::string LanguageFromEnvironment();

/// The language to use: `requested` (--lang) when given, else the app's
/// preference from `files`, else LanguageFromEnvironment(), else "en".
std::string ResolveLanguage(const std::string& requested,
                            const AppConfigFiles& files = AppConfigFiles::Default());

} // namespace kartbok::cli
