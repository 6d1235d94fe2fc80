#pragma once
// Export and print of the family map. Files are written by the genogram
// library's writers from the same scene the canvas paints (DESIGN.md §2), so
// the screen and every export match; the app only asks where and how.

#include "model/CaseDocument.h"

#include "kartbok/genogram/Scene.h"

#include <filesystem>

class wxWindow;

namespace kartbok::vault {
class Vault;
}

namespace kartbok::app {

/// The scene an export draws: identified or de-identified (roles instead of
/// names, ages instead of dates), legend on, in the UI's language.
genogram::Scene ExportScene(const genogram::Family& family, bool deidentify);

/// Writes SVG, PDF or PNG, chosen by the extension. Throws std::runtime_error.
void ExportMapFile(const genogram::Family& family, bool deidentify,
                   const std::filesystem::path& file);

/// Asks for a file and writes it; audits the export (ids only). Messages on failure.
void ExportMapInteractive(wxWindow* parent, const CaseDocument& document, vault::Vault& vault,
                          bool deidentify);

/// Prints the scene on one page through the system's print dialog.
void PrintMap(wxWindow* parent, const genogram::Scene& scene);

} // namespace kartbok::app
