#pragma once
// The app's one template catalogue: the shipped templates plus the clinic's
// own folder (set in Preferences), loaded once and reloaded when the folder
// changes, so every tab, dialog and list offers the same templates. A broken
// clinic template is listed as unavailable with its problems, never fatal.
// The catalogue itself is wx-free; windows find their frame's catalogue with
// AppTemplates().

#include "kartbok/journal/TemplateLoader.h"

#include <cstdint>
#include <filesystem>
#include <string>

class wxWindow;

namespace kartbok::app {

class TemplateCatalog {
public:
    explicit TemplateCatalog(std::filesystem::path shippedDir = journal::ShippedTemplatesDir());

    /// Loads the shipped folder and clinicDir ("" = none). Always reads the
    /// folders again (a template may have been edited since); returns true when
    /// the usable templates differ from before, i.e. the windows must be rebuilt.
    bool Load(const std::string& clinicDir);

    const journal::TemplateSet& Templates() const { return m_set; }
    const std::string& ClinicDir() const { return m_clinicDir; }
    const std::filesystem::path& ShippedDir() const { return m_shippedDir; }
    /// Usable templates that come from the clinic folder.
    int ClinicCount() const;
    /// Raised by every Load that changed the usable templates.
    std::uint64_t Generation() const { return m_generation; }

private:
    std::filesystem::path m_shippedDir;
    std::string m_clinicDir;
    journal::TemplateSet m_set;
    std::uint64_t m_generation = 0;
};

/// Implemented by the window that owns the catalogue (the main frame), so
/// panels and dialogs anywhere below it reach it through their parents
/// instead of each loading template folders of their own.
class TemplateCatalogOwner {
public:
    virtual const TemplateCatalog& Catalog() const = 0;

protected:
    ~TemplateCatalogOwner() = default;
};

/// The templates of the catalogue that owns `window` (the nearest parent that
/// is a TemplateCatalogOwner). A window with no such parent (a test's bare
/// frame) gets the shipped templates plus the clinic folder of the saved
/// preferences, loaded on the spot.
journal::TemplateSet AppTemplates(const wxWindow* window);

} // namespace kartbok::app
