#include "common/TemplateCatalog.h"

#include "common/Preferences.h"

#include <wx/window.h>

#include <optional>

namespace kartbok::app {

namespace {

std::optional<std::filesystem::path> FolderOrNone(const std::string& dir) {
    if (dir.empty())
        return std::nullopt;
    return std::filesystem::path(dir);
}

} // namespace

TemplateCatalog::TemplateCatalog(std::filesystem::path shippedDir)
    : m_shippedDir(std::move(shippedDir)) {}

bool TemplateCatalog::Load(const std::string& clinicDir) {
    journal::TemplateSet set = journal::LoadTemplates(m_shippedDir, FolderOrNone(clinicDir));
    const bool changed =
        m_generation == 0 || set.templates != m_set.templates || set.origins != m_set.origins;
    m_clinicDir = clinicDir;
    m_set = std::move(set);
    if (changed)
        ++m_generation;
    return changed;
}

int TemplateCatalog::ClinicCount() const {
    int n = 0;
    for (auto origin : m_set.origins)
        n += origin == journal::TemplateOrigin::Clinic ? 1 : 0;
    return n;
}

journal::TemplateSet AppTemplates(const wxWindow* window) {
    for (const wxWindow* w = window; w; w = w->GetParent())
        if (const auto* owner = dynamic_cast<const TemplateCatalogOwner*>(w))
            return owner->Catalog().Templates();
    return journal::LoadTemplates(journal::ShippedTemplatesDir(),
                                  FolderOrNone(Preferences::Load().clinicTemplates));
}

} // namespace kartbok::app
