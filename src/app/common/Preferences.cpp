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
    config->Read("/Preferences/SignWithPassword", &p.signWithPassword);
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
    config->Write("/Preferences/SignWithPassword", signWithPassword);
    config->Flush();
}

LayoutMemory LayoutMemory::Load() {
    LayoutMemory m;
    if (wxConfigBase* config = wxConfigBase::Get()) {
        config->Read("/Layout/ClientList", &m.clientList);
        config->Read("/Layout/TopicPanel", &m.topicPanel);
        config->Read("/Layout/Timeline", &m.timeline);
    }
    return m;
}

namespace {
void Remember(const char* key, bool value) {
    if (wxConfigBase* config = wxConfigBase::Get()) {
        config->Write(key, value);
        config->Flush();
    }
}
} // namespace

void LayoutMemory::RememberClientList(bool shown) {
    Remember("/Layout/ClientList", shown);
}

void LayoutMemory::RememberTopicPanel(bool shown) {
    Remember("/Layout/TopicPanel", shown);
}

void LayoutMemory::RememberTimeline(bool timeline) {
    Remember("/Layout/Timeline", timeline);
}

} // namespace kartbok::app
