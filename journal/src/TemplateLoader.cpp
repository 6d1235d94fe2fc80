// Loading template folders: shipped first, then the clinic's own.

#include "kartbok/journal/TemplateLoader.h"
#include "kartbok/journal/ShippedData.h"

#include <algorithm>
#include <map>

namespace kartbok::journal {

namespace fs = std::filesystem;

const Template* TemplateSet::Find(const std::string& id) const {
    auto it = std::find_if(templates.begin(), templates.end(),
                           [&](const Template& t) { return t.id == id; });
    return it == templates.end() ? nullptr : &*it;
}

std::vector<const Template*> TemplateSet::OfKind(TemplateKind kind) const {
    std::vector<const Template*> out;
    for (const Template& t : templates)
        if (t.kind == kind)
            out.push_back(&t);
    return out;
}

namespace {

struct Loaded {
    Template tmpl;
    TemplateOrigin origin;
};

/// Loads one folder into `byId`, applying the one-folder rules: the higher
/// version of an id wins; the same id and version twice is a problem.
void LoadFolder(const fs::path& dir, TemplateOrigin origin, std::map<std::string, Loaded>& byId,
                TemplateSet& set) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        set.unavailable.push_back(
            {dir.string(), {{dir.string(), 0, 0, "the template folder does not exist"}}});
        return;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const auto ext = entry.path().extension();
        if (entry.is_regular_file(ec) && (ext == ".yaml" || ext == ".yml"))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());

    std::map<std::string, Loaded> here;
    for (const fs::path& file : files) {
        TemplateLoadResult r = LoadTemplateFile(file);
        if (!r.value) {
            set.unavailable.push_back({file.string(), std::move(r.problems)});
            continue;
        }
        Template& t = *r.value;
        const std::string id = t.id; // copied: t is moved below
        auto it = here.find(id);
        if (it == here.end()) {
            here.emplace(id, Loaded{std::move(t), origin});
        } else if (it->second.tmpl.version == t.version) {
            set.unavailable.push_back(
                {file.string(),
                 {{file.string(), 0, 0,
                   "same id '" + t.id + "' and version " + std::to_string(t.version) + " as " +
                       it->second.tmpl.sourceFile + "; give it a new id or a higher version"}}});
        } else {
            Loaded& kept = it->second;
            const bool newer = t.version > kept.tmpl.version;
            set.notices.push_back("template " + t.id + ": version " +
                                  std::to_string(newer ? t.version : kept.tmpl.version) + " in " +
                                  (newer ? t.sourceFile : kept.tmpl.sourceFile) +
                                  " is used, version " +
                                  std::to_string(newer ? kept.tmpl.version : t.version) + " in " +
                                  (newer ? kept.tmpl.sourceFile : t.sourceFile) + " is ignored");
            if (newer)
                kept.tmpl = std::move(t);
        }
    }

    for (auto& [id, loaded] : here) {
        auto it = byId.find(id);
        if (it == byId.end()) {
            byId.emplace(id, std::move(loaded));
        } else if (loaded.tmpl.version >= it->second.tmpl.version) {
            set.notices.push_back("template " + id + ": " + loaded.tmpl.sourceFile + " (version " +
                                  std::to_string(loaded.tmpl.version) + ") replaces " +
                                  it->second.tmpl.sourceFile + " (version " +
                                  std::to_string(it->second.tmpl.version) + ")");
            it->second = std::move(loaded);
        } else {
            set.notices.push_back("template " + id + ": " + loaded.tmpl.sourceFile + " (version " +
                                  std::to_string(loaded.tmpl.version) + ") is older than " +
                                  it->second.tmpl.sourceFile + " (version " +
                                  std::to_string(it->second.tmpl.version) + ") and is ignored");
        }
    }
}

} // namespace

TemplateSet LoadTemplates(const fs::path& shippedDir, const std::optional<fs::path>& clinicDir) {
    TemplateSet set;
    std::map<std::string, Loaded> byId; // sorted by id
    LoadFolder(shippedDir, TemplateOrigin::Shipped, byId, set);
    if (clinicDir)
        LoadFolder(*clinicDir, TemplateOrigin::Clinic, byId, set);
    for (auto& [id, loaded] : byId) {
        set.templates.push_back(std::move(loaded.tmpl));
        set.origins.push_back(loaded.origin);
    }
    return set;
}

fs::path ShippedTemplatesDir() {
    return ShippedDataDir(ShippedData::Templates);
}

} // namespace kartbok::journal
