#include "common/Translations.h"

#include "kartbok/journal/ShippedData.h"

#include <wx/intl.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <clocale>
#include <cstdlib>
#include <cstring>

/// glibc's counter of loaded catalogues: raising it drops gettext's cached
/// translations, so a changed LANGUAGE takes effect at once (gettext manual,
/// "Changing the language at run time").
extern "C" int _nl_msg_cat_cntr;

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

/// GTK's own words - the Yes/No/Cancel of message boxes and dialog buttons, the
/// file chooser - come from GTK's catalogue through gettext, not from wx: wx
/// gives stock buttons GTK's stock ids. gettext follows LANGUAGE unless the
/// messages locale is plain "C", so that becomes C.UTF-8 (always present in
/// glibc) and LANGUAGE names the app's language.
void SpeakToGtk(const std::string& lang) {
    const char* now = std::setlocale(LC_MESSAGES, nullptr);
    if (!now || std::strcmp(now, "C") == 0 || std::strcmp(now, "POSIX") == 0)
        std::setlocale(LC_MESSAGES, "C.UTF-8");
    ::setenv("LANGUAGE", lang.c_str(), 1);
    ++_nl_msg_cat_cntr;
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
    SpeakToGtk(g_current);
    return g_current;
}

std::string CurrentLanguage() {
    return g_current;
}

} // namespace kartbok::app
