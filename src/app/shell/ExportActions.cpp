#include "shell/ExportActions.h"

#include "common/Labels.h"
#include "common/Translations.h"
#include "common/Utf8.h"
#include "map/MapPrintout.h"

#include "kartbok/genogram/CairoWriter.h"
#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/SvgWriter.h"
#include "kartbok/vault/Vault.h"

#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/print.h>

#include <algorithm>
#include <cctype>
#include <fstream>
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

void ExportMapFile(const Family& family, bool deidentify, const std::filesystem::path& file) {
    const Scene scene = ExportScene(family, deidentify);
    const std::string ext = Extension(file);
    if (ext == ".png") {
        WritePng(scene, file.string(), kPngScale);
    } else if (ext == ".pdf") {
        WritePdf(scene, file.string());
    } else if (ext == ".svg") {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << WriteSvg(scene);
        if (!out.flush())
            throw std::runtime_error("could not write " + file.filename().string());
    } else {
        throw std::runtime_error("unsupported file type " + ext);
    }
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
        ExportMapFile(document.Family(), deidentify, file);
        // Ids and the kind of export only: the file name may carry client text.
        vault.Audit(vault::AuditAction::Export, document.Id(),
                    std::string(deidentify ? "map de-identified " : "map identified ") +
                        Extension(file));
    } catch (const std::exception& e) {
        wxMessageBox(_("The map could not be exported:") + "\n" + wxString::FromUTF8(e.what()),
                     _("Export map"), wxOK | wxICON_ERROR, parent);
    }
}

void PrintMap(wxWindow* parent, const Scene& scene) {
    wxPrinter printer;
    MapPrintout printout(scene, Name(journal::Heading::FamilyMap));
    if (!printer.Print(parent, &printout, true) && wxPrinter::GetLastError() == wxPRINTER_ERROR)
        wxMessageBox(_("The map could not be printed."), _("Print map"), wxOK | wxICON_ERROR,
                     parent);
}

} // namespace kartbok::app
