#pragma once
// Export and print of the family map. The genogram library draws the same
// scene the canvas paints, so the screen and every export match; the file is
// written by vault::Export (audit record first, 0600, atomic), like every
// export; the app only asks where and how.

#include "model/CaseDocument.h"

#include "kartbok/genogram/Scene.h"

#include <filesystem>
#include <string>
#include <vector>

class wxWindow;

namespace kartbok::vault {
class Vault;
}

namespace kartbok::app {

/// The scene an export draws: identified or de-identified (roles instead of
/// names, ages instead of dates), legend on, in the UI's language.
genogram::Scene ExportScene(const genogram::Family& family, bool deidentify);

/// SVG, PDF or PNG bytes, chosen by the extension (".svg", ".pdf", ".png", any
/// case). Throws std::runtime_error for another extension.
std::vector<unsigned char> MapFileBytes(const genogram::Family& family, bool deidentify,
                                        const std::filesystem::path& file);

/// Audits and writes the document's map to `file` (vault::Export) and
/// remembers its folder. Throws vault::VaultError (nothing written when the
/// audit record could not be) or std::runtime_error.
void ExportMapFile(vault::Vault& vault, const CaseDocument& document, bool deidentify,
                   const std::filesystem::path& file);

/// Asks for a file and writes it; audits the export (ids only). Messages on failure.
void ExportMapInteractive(wxWindow* parent, const CaseDocument& document, vault::Vault& vault,
                          bool deidentify);

/// Prints the scene on one page through the system's print dialog, after an
/// `export` audit record ("map print"); refuses when the record cannot be written.
void PrintMap(wxWindow* parent, const genogram::Scene& scene, vault::Vault& vault,
              const std::string& caseId);

/// Takes GTK's "Print to File" printer out of the print dialog (it would write
/// a plaintext file with the umask's permissions, out of Kartbok's hands): the
/// "file" backend is removed from GTK's "gtk-print-backends" setting. Call
/// before the first print dialog. Maps go to files through Export instead.
void KeepPrintsOffDisk();
/// A comma-separated backend list without "file" ("cups" when nothing is left).
std::string WithoutFilePrinter(const std::string& backends);

} // namespace kartbok::app
