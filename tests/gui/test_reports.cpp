// Reports from the app, as a therapist and a supervisor get them: File >
// Export report... makes the same file as `kartbok-cli report`, in the chosen
// language, audited, and opens it; several clients picked in the client list
// become one de-identified supervision pack.
#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "dialogs/ExportReportDialog.h"
#include "shell/ClientListPanel.h"
#include "shell/MainFrame.h"

#include <wx/radiobox.h>

#include <cstdio>
#include <fstream>
#include <sstream>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;

namespace {

std::string Run(const std::string& command) {
    std::string out;
    if (FILE* p = ::popen(command.c_str(), "r")) {
        char buf[4096];
        std::size_t n = 0;
        while ((n = std::fread(buf, 1, sizeof buf, p)) > 0)
            out.append(buf, n);
        ::pclose(p);
    }
    return out;
}

std::string PdfText(const std::filesystem::path& pdf) {
    return Run("pdftotext -layout '" + pdf.string() + "' - 2>/dev/null");
}

int Pages(const std::string& text) {
    int pages = 1;
    for (char ch : text)
        pages += ch == '\f';
    return text.empty() ? 0 : pages - (text.back() == '\f' ? 1 : 0);
}

/// Export records of the vault's audit log, as "caseId|detail".
std::vector<std::string> Exports(const TempVault& v) {
    auto vault = vault::Vault::Open(v.dir, v.password);
    std::vector<std::string> out;
    for (const auto& e : vault.ReadAudit())
        if (e.action == vault::AuditAction::Export)
            out.push_back(e.caseId + "|" + e.detail);
    vault.Lock();
    return out;
}

} // namespace

TEST_CASE("File > Export report writes the follow-up brief in the chosen language and opens it",
          "[gui][reports]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.richId));
    Pump();
    ExportReportDialog* dialog = frame->ShowExportReport(false, false);
    REQUIRE(dialog != nullptr);
    std::vector<std::filesystem::path> opened;
    dialog->open = [&](const std::filesystem::path& p) { opened.push_back(p); };
    wxString problem;
    dialog->complain = [&](const wxString& m) { problem = m; };
    dialog->Show();
    Pump(6);
    CHECK(dialog->Kind() == reporting::ReportKind::FollowUp);
    Screenshot(*dialog, "export-report-en.png");

    const auto out = v.dir.parent_path() / ("brief-" + v.dir.filename().string() + ".pdf");
    dialog->SetLanguage("sv");
    CHECK(dialog->SuggestedFileName().StartsWith("uppfoljning-KB-002-"));
    REQUIRE(dialog->Export(out));
    CHECK(problem.empty());
    REQUIRE(std::filesystem::exists(out));
    REQUIRE(opened == std::vector{out});
    const std::string text = PdfText(out);
    CHECK(text.find("KB-002") != std::string::npos);
    CHECK(text.find("Sida 1 av") != std::string::npos); // Swedish, as chosen

    // The same audit record as the command line writes.
    const auto records = Exports(v);
    REQUIRE_FALSE(records.empty());
    CHECK(records.back() == v.richId + "|report followup");

    // In English this time, the de-identified summary.
    dialog->SetKind(reporting::ReportKind::Supervision, true);
    dialog->SetLanguage("en");
    dialog->SetOpenWhenDone(false);
    const auto summary = v.dir.parent_path() / ("summary-" + v.dir.filename().string() + ".pdf");
    REQUIRE(dialog->Export(summary));
    CHECK(opened.size() == 1); // not opened this time
    CHECK(PdfText(summary).find("Page 1 of") != std::string::npos);
    CHECK(Exports(v).back() == v.richId + "|report supervision deidentified");
    dialog->Destroy();
    std::filesystem::remove(out);
    std::filesystem::remove(summary);
    frame->Close(true);
    Pump();
}

TEST_CASE("clients picked in the client list become one de-identified supervision pack",
          "[gui][reports][pack]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.firstId));
    Pump();
    frame->ClientList().SelectIds({v.richId, v.firstId});
    Pump();
    CHECK(frame->ClientList().SelectedIds().size() == 2);
    CHECK(frame->Document()->Id() == v.firstId); // picking several opens nothing
    ExportReportDialog* dialog = frame->ShowExportReport(true, false);
    REQUIRE(dialog != nullptr);
    dialog->open = [](const std::filesystem::path&) {};
    dialog->Show();
    Pump(6);
    CHECK(dialog->Kind() == reporting::ReportKind::SupervisionPack);
    CHECK(dialog->Deidentified());
    CHECK(dialog->PackIds().size() == 2);
    Screenshot(*dialog, "export-report-pack.png");

    const auto out = v.dir.parent_path() / ("pack-" + v.dir.filename().string() + ".pdf");
    REQUIRE(dialog->Export(out));
    const std::string text = PdfText(out);
    CHECK(Pages(text) >= 3); // a cover and each client's pages
    const auto first = text.find("KB-001"), second = text.find("KB-002");
    CHECK(first != std::string::npos);
    CHECK(second != std::string::npos);
    CHECK(text.find("Lars") == std::string::npos); // the father's name, de-identified away
    CHECK(text.find("Karin") == std::string::npos);
    // Each client's own log says so, then the pack's record.
    const auto records = Exports(v);
    REQUIRE(records.size() >= 3);
    CHECK(records[records.size() - 1] == "|report supervision-pack deidentified 2 cases");
    for (const auto& id : {v.firstId, v.richId})
        CHECK(std::count(records.begin(), records.end(),
                         id + "|report supervision-pack deidentified 2 cases") == 1);

    // The first page, to look at.
    const std::string png = std::string(KARTBOK_SCREENSHOT_DIR) + "/supervision-pack";
    Run("pdftoppm -png -r 60 -f 1 -l 1 '" + out.string() + "' '" + png + "'");
    dialog->Destroy();
    std::filesystem::remove(out);
    frame->Close(true);
    Pump();
}

TEST_CASE("the year's statistics come from the same export", "[gui][reports]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    Pump();
    ExportReportDialog* dialog = frame->ShowExportReport(false, false);
    REQUIRE(dialog != nullptr);
    // No client open: only the pack and the statistics can be made.
    CHECK(dialog->Kind() == reporting::ReportKind::SupervisionPack);
    dialog->SetKind(reporting::ReportKind::Statistics);
    dialog->SetYear(2026);
    dialog->SetOpenWhenDone(false);
    CHECK(dialog->SuggestedFileName() == "statistics-2026.csv");
    const auto out = v.dir.parent_path() / ("stats-" + v.dir.filename().string() + ".csv");
    REQUIRE(dialog->Export(out));
    std::ifstream in(out);
    std::stringstream csv;
    csv << in.rdbuf();
    CHECK(csv.str().rfind("year,measure,item,phase,value,count", 0) == 0);
    CHECK(csv.str().find("KB-00") == std::string::npos); // no code leaves in statistics
    CHECK(Exports(v).back() == "|stats 2026 over 2 cases");
    dialog->Destroy();
    std::filesystem::remove(out);
    frame->Close(true);
    Pump();
}
