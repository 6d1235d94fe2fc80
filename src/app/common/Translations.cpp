#include "common/Translations.h"

#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

namespace kartbok::app {

namespace {
std::string g_current = "en";

/// bin/../share/locale next to the build or install tree, then the system's.
void AddLookupPaths() {
    static bool added = false;
    if (added)
        return;
    added = true;
    wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
    exe.SetFullName(wxString());
    exe.RemoveLastDir();
    exe.AppendDir("share");
    exe.AppendDir("locale");
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe.GetPath());
}

std::string SystemLanguage() {
    const wxString name = wxUILocale::GetLanguageCanonicalName(wxUILocale::GetSystemLanguage());
    return name.StartsWith("sv") ? "sv" : "en";
}
} // namespace

std::string ApplyLanguage(const std::string& requested) {
    AddLookupPaths();
    const std::string lang = requested.empty() ? SystemLanguage() : requested;
    auto* translations = new wxTranslations;
    translations->SetLanguage(lang == "sv" ? "sv" : "en");
    wxTranslations::Set(translations); // takes ownership, frees the previous one
    translations->AddStdCatalog();     // wx's own strings (stock buttons) in the same language
    translations->AddCatalog("kartbok", wxLANGUAGE_ENGLISH);
    g_current = lang == "sv" ? "sv" : "en";
    return g_current;
}

std::string CurrentLanguage() {
    return g_current;
}

} // namespace kartbok::app
