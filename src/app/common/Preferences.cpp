#include "common/Preferences.h"

#include "common/Utf8.h"

#include <wx/config.h>

#include <algorithm>

namespace kartbok::app {

Preferences Preferences::Load() {
    Preferences p;
    wxConfigBase* config = wxConfigBase::Get();
    if (!config)
        return p;
    wxString language, vault, clinic;
    if (config->Read("/Preferences/Language", &language))
        p.language = Utf8(language);
    if (p.language != "sv" && p.language != "en")
        p.language.clear();
    long minutes = p.idleLockMinutes;
    config->Read("/Preferences/IdleLockMinutes", &minutes);
    p.idleLockMinutes = static_cast<int>(std::clamp(minutes, 0L, 240L));
    if (config->Read("/Preferences/LastVault", &vault))
        p.lastVault = Utf8(vault);
    if (config->Read("/Preferences/ClinicTemplates", &clinic))
        p.clinicTemplates = Utf8(clinic);
    return p;
}

void Preferences::Save() const {
    wxConfigBase* config = wxConfigBase::Get();
    if (!config)
        return;
    config->Write("/Preferences/Language", wxString::FromUTF8(language));
    config->Write("/Preferences/IdleLockMinutes", static_cast<long>(idleLockMinutes));
    config->Write("/Preferences/LastVault", wxString::FromUTF8(lastVault));
    config->Write("/Preferences/ClinicTemplates", wxString::FromUTF8(clinicTemplates));
    config->Flush();
}

} // namespace kartbok::app
