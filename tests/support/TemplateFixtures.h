#pragma once
// The shipped templates as the tests load them, and template problems as
// text for a failing check's INFO.

#include "kartbok/journal/TemplateLoader.h"

#include <filesystem>
#include <string>
#include <vector>

namespace kartbok::test {

/// The templates folder of the source tree (what the package ships).
inline const std::filesystem::path kShippedTemplates =
    std::filesystem::path(KARTBOK_SOURCE_DIR) / "templates";

inline journal::TemplateSet ShippedTemplates() {
    return journal::LoadTemplates(kShippedTemplates);
}

/// One problem a line.
inline std::string Dump(const std::vector<journal::TemplateProblem>& problems) {
    std::string out;
    for (const auto& p : problems)
        out += p.ToString() + "\n";
    return out;
}

/// The problems of every template the set could not load.
inline std::string Dump(const journal::TemplateSet& set) {
    std::string out;
    for (const auto& u : set.unavailable)
        out += Dump(u.problems);
    return out;
}

} // namespace kartbok::test
