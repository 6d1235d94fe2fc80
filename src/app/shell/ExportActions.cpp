#include "shell/ExportActions.h"

#include "common/Labels.h"
#include "common/Translations.h"
#include "common/Utf8.h"
#include "map/MapPrintout.h"
#include "shell/ExportFolders.h"

#include "kartbok/genogram/CairoWriter.h"
#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/SvgWriter.h"
#include "kartbok/vault/Export.h"
#include "kartbok/vault/Vault.h"

#ifdef KARTBOK_HAVE_GTK3
#include <gtk/gtk.h>
#endif

#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/print.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>

namespace kartbok::app {

using namespace kartbok::genogram;

namespace {
std::string Extension(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}
constexpr double kPngScale = 2.0; ///< pixels per point: sharp on a projector or in a document
} // namespace

Scene ExportScene(const Family& family, bool deidentify) {
    SceneOptions options;
    options.deidentify = deidentify;
    options.language = CurrentLanguage();
    options.legend = true;
    return BuildScene(family, ComputeLayout(family), options);
}

std::vector<unsigned char> MapFileBytes(const Family& family, bool deidentify,
                                        const std::filesystem::path& file) {
    const std::string ext = Extension(file);
    if (ext != ".png" && ext != ".pdf" && ext != ".svg")
        throw std::runtime_error("unsupported file type " + ext);
    const Scene scene = ExportScene(family, deidentify);
    if (ext == ".png")
        return RenderPng(scene, kPngScale);
    if (ext == ".pdf")
        return RenderPdf(scene);
    const std::string svg = WriteSvg(scene);
    return {svg.begin(), svg.end()};
}

void ExportMapFile(vault::Vault& vault, const CaseDocument& document, bool deidentify,
                   const std::filesystem::path& file) {
    const std::vector<unsigned char> bytes = MapFileBytes(document.Family(), deidentify, file);
    RememberExportFolder(file); // before writing: a crash mid-write is cleaned at the next start
    // Ids and the kind of export only: the file name may carry client text.
    vault::Export(vault, file, bytes, document.Id(),
                  std::string(deidentify ? "map de-identified " : "map identified ") +
                      Extension(file));
}

void ExportMapInteractive(wxWindow* parent, const CaseDocument& document, vault::Vault& vault,
                          bool deidentify) {
    if (!deidentify &&
        wxMessageBox(_("The exported file is not encrypted and shows names and dates. Export "
                       "anyway? (Export de-identified shows roles and ages instead.)"),
                     _("Export map"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, parent) != wxYES)
        return;
    wxFileDialog dialog(
        parent, deidentify ? _("Export map de-identified") : _("Export map"), wxString(),
        deidentify ? "family-map-deidentified" : "family-map",
        _("PNG image (*.png)|*.png|SVG drawing (*.svg)|*.svg|PDF document (*.pdf)|*.pdf"),
        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK)
        return;
    std::filesystem::path file(Utf8(dialog.GetPath()));
    if (file.extension().empty()) {
        static const char* const kExt[] = {".png", ".svg", ".pdf"};
        file += kExt[std::clamp(dialog.GetFilterIndex(), 0, 2)];
    }
    try {
        ExportMapFile(vault, document, deidentify, file);
    } catch (const std::exception& e) {
        wxMessageBox(_("The map could not be exported:") + "\n" + wxString::FromUTF8(e.what()),
                     _("Export map"), wxOK | wxICON_ERROR, parent);
    }
}

void PrintMap(wxWindow* parent, const Scene& scene, vault::Vault& vault,
              const std::string& caseId) {
    // Paper leaves the vault too: the record comes first, or there is no print.
    try {
        vault.Audit(vault::AuditAction::Export, caseId, "map print");
    } catch (const vault::VaultError& e) {
        wxMessageBox(_("The map was not printed: the print could not be recorded in the audit "
                       "log.") +
                         "\n" + wxString::FromUTF8(e.what()),
                     _("Print map"), wxOK | wxICON_ERROR, parent);
        return;
    }
    wxPrinter printer;
    MapPrintout printout(scene, Name(journal::Heading::FamilyMap));
    if (printer.Print(parent, &printout, true))
        return;
    const bool failed = wxPrinter::GetLastError() == wxPRINTER_ERROR;
    try {
        vault.Audit(vault::AuditAction::Export, caseId,
                    failed ? "map print; failed" : "map print; cancelled");
    } catch (const vault::VaultError&) {
        // The first record stands; nothing was printed.
    }
    if (failed)
        wxMessageBox(_("The map could not be printed."), _("Print map"), wxOK | wxICON_ERROR,
                     parent);
}

std::string WithoutFilePrinter(const std::string& backends) {
    std::istringstream in(backends);
    std::string kept;
    for (std::string name; std::getline(in, name, ',');) {
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        if (name.empty() || name == "file")
            continue;
        kept += (kept.empty() ? "" : ",") + name;
    }
    return kept.empty() ? "cups" : kept;
}

void KeepPrintsOffDisk() {
#ifdef KARTBOK_HAVE_GTK3
    // GTK reads the list of print backends from this setting each time it
    // lists printers (built-in default "file,cups"; a user's settings.ini may
    // change it); there is no environment variable for it in GTK 3.
    GtkSettings* settings = gtk_settings_get_default();
    if (!settings)
        return;
    gchar* current = nullptr;
    g_object_get(settings, "gtk-print-backends", &current, nullptr);
    const std::string kept = WithoutFilePrinter(current ? current : "");
    g_free(current);
    g_object_set(settings, "gtk-print-backends", kept.c_str(), nullptr);
#endif
}

} // namespace kartbok::app
