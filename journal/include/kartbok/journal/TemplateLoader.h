#pragma once
// Loading templates from YAML folders. A broken clinic template never stops
// the app: it is listed as unavailable with every problem found, file:line.

#include "kartbok/journal/Template.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kartbok::journal {

/// One problem in a template file, with its place (1-based line and column;
/// 0 when the whole file is concerned).
struct TemplateProblem {
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;
    std::string ToString() const; ///< "file:line:column: message", as compilers print it
};

struct TemplateLoadResult {
    std::optional<Template> value; ///< set only when there are no problems
    std::vector<TemplateProblem> problems;
};

/// Parses one template from YAML text; `file` is only used in messages.
/// Reports every problem found, not just the first.
TemplateLoadResult ParseTemplate(std::string_view yaml, const std::string& file);
TemplateLoadResult LoadTemplateFile(const std::filesystem::path& file);

struct UnavailableTemplate {
    std::string file;
    std::vector<TemplateProblem> problems;
};

enum class TemplateOrigin : std::uint8_t { Shipped, Clinic };

/// The templates the app offers, newest version of each id.
struct TemplateSet {
    std::vector<Template> templates;     ///< sorted by id
    std::vector<TemplateOrigin> origins; ///< parallel to templates
    std::vector<UnavailableTemplate> unavailable;
    std::vector<std::string> notices; ///< overrides and ignored older copies, for the log

    const Template* Find(const std::string& id) const;
    std::vector<const Template*> OfKind(TemplateKind kind) const;
    bool Ok() const { return unavailable.empty(); }
};

/// Loads every *.yaml / *.yml in shippedDir, then in clinicDir. A clinic
/// template with a new id is added. One with the id of a shipped template
/// replaces it when its version is equal or higher (a clinic may reword the
/// shipped version without renumbering); a lower version is ignored with a
/// notice, since cases already hold answers under the shipped one. Within one
/// folder, the higher version of an id wins and two files with the same id
/// and version make the later one (by file name) unavailable.
/// Missing folders give an unavailable entry, never an exception.
TemplateSet LoadTemplates(const std::filesystem::path& shippedDir,
                          const std::optional<std::filesystem::path>& clinicDir = {});

/// The folder of the templates shipped with Kartbok:
/// ShippedDataDir(ShippedData::Templates) (ShippedData.h), so $KARTBOK_TEMPLATES
/// when set and not empty, else share/kartbok/templates beside the executable.
std::filesystem::path ShippedTemplatesDir();

} // namespace kartbok::journal
