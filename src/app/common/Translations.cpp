#include "common/Translations.h"

#include "kartbok/journal/ShippedData.h"

#include <wx/intl.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

namespace kartbok::app {

namespace {
std::string g_current = "en";

/// share/locale beside the executable (build or install tree), then the system's.
void AddLookupPaths() {
    static bool added = false;
    if (added)
        return;
    added = true;
    const auto dir = journal::ShippedDataDir(journal::ShippedData::Locale);
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(dir.string()));
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
