// The app's exports go through vault::Export: the audit record first (none, no
// file), 0600; the folders are remembered so a temporary file left by a crash
// is removed at the next start; the print dialog offers no "Print to File".
#include <catch2/catch.hpp>

#include "GuiDriver.h"
#include "ProcessFixtures.h"

#include "dialogs/StatsDialog.h"
#include "shell/ExportActions.h"
#include "shell/ExportFolders.h"
#include "shell/MainFrame.h"

#include "kartbok/vault/Export.h"
#include "kartbok/vault/FileSystem.h"

#include <wx/datetime.h>

#ifdef KARTBOK_HAVE_GTK3
#include <gtk/gtk.h>
#include <gtk/gtkunixprint.h>
#endif

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;
namespace fs = std::filesystem;

namespace {

int Exports(vault::Vault& v) {
    int n = 0;
    for (const auto& e : v.ReadAudit())
        n += e.action == vault::AuditAction::Export;
    return n;
}

bool Only0600(const fs::path& p) {
    return (fs::status(p).permissions() & fs::perms::all) ==
           (fs::perms::owner_read | fs::perms::owner_write);
}

std::shared_ptr<vault::FileSystem> AuditRefused() {
    return std::make_shared<vault::FaultInjectingFileSystem>(
        vault::FaultInjectingFileSystem::Fault{vault::FsCall::Open, 1, EACCES, "audit.kbl", true});
}

#ifdef KARTBOK_HAVE_GTK3
gboolean AddPrinter(GtkPrinter* printer, gpointer data) {
    static_cast<std::vector<std::string>*>(data)->push_back(
        std::string(gtk_printer_get_name(printer)) +
        (gtk_printer_is_virtual(printer) ? " (virtual)" : ""));
    return FALSE;
}

/// The printers GTK's print dialog would list now.
std::vector<std::string> Printers() {
    std::vector<std::string> names;
    gtk_enumerate_printers(AddPrinter, &names, nullptr, TRUE);
    return names;
}
#endif

} // namespace

TEST_CASE("map and statistics exports are audited first, 0600, and refused without a record",
          "[gui][export]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(PumpUntil([&] { return !frame->IsLocked(); }));
    REQUIRE(frame->OpenCase(v.richId));
    Pump();
    vault::Vault& vault = *frame->Vault();
    const fs::path out = v.dir / "exports";
    fs::create_directory(out);

    const int before = Exports(vault);
    ExportMapFile(vault, *frame->Document(), true, out / "karta.pdf");
    CHECK(Only0600(out / "karta.pdf"));
    {
        StatsDialog stats(frame, vault); // a child of the frame: gone before the frame closes
        REQUIRE(stats.Compute(wxDateTime::Today().GetYear()));
        stats.ExportCounts(out / "statistik.csv");
        stats.ExportAnswers(out / "svar.csv");
        CHECK(Only0600(out / "statistik.csv"));
        CHECK(Only0600(out / "svar.csv"));
        CHECK(Exports(vault) == before + 3);
        const auto audit = vault.ReadAudit();
        CHECK(audit.back().detail.rfind("stats ", 0) == 0);
        CHECK(audit.back().detail.find("answers") != std::string::npos);

        // The audit log refuses: nothing is written, and the dialog's caller hears why.
        vault.SetFileSystem(AuditRefused());
        CHECK_THROWS_AS(ExportMapFile(vault, *frame->Document(), false, out / "namn.svg"),
                        vault::VaultError);
        CHECK_THROWS_AS(stats.ExportCounts(out / "inte.csv"), vault::VaultError);
        vault.SetFileSystem(nullptr);
        CHECK_FALSE(fs::exists(out / "namn.svg"));
        CHECK_FALSE(fs::exists(out / "inte.csv"));
        CHECK(Exports(vault) == before + 3);
    }
    frame->Close(true);
    Pump();
}

TEST_CASE("the app remembers its export folders and removes stale temporaries there at start",
          "[gui][export]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(PumpUntil([&] { return !frame->IsLocked(); }));
    REQUIRE(frame->OpenCase(v.firstId));
    Pump();
    const fs::path a = v.dir / "a", b = v.dir / "b";
    fs::create_directories(a);
    fs::create_directories(b);
    ExportMapFile(*frame->Vault(), *frame->Document(), true, a / "karta.png");
    ExportMapFile(*frame->Vault(), *frame->Document(), true, b / "karta.svg");
    const auto folders = RecentExportFolders();
    REQUIRE(folders.size() >= 2);
    CHECK(folders[0] == b.string()); // most recent first
    CHECK(folders[1] == a.string());
    for (std::size_t i = 0; i < kRememberedExportFolders + 2; ++i)
        RememberExportFolder(v.dir / ("f" + std::to_string(i)) / "x.pdf");
    CHECK(RecentExportFolders().size() == kRememberedExportFolders);
    ExportMapFile(*frame->Vault(), *frame->Document(), true, a / "karta.png");

    // A crash mid-export in `a`: the temporary file of a process that is gone.
    const long pid = DeadPid();
    std::string name = vault::NewExportTempName(); // this host, this process...
    const auto pidAt = name.find("_" + std::to_string(::getpid()) + "_");
    REQUIRE(pidAt != std::string::npos);
    name.replace(pidAt, std::to_string(::getpid()).size() + 2, "_" + std::to_string(pid) + "_");
    { std::ofstream(a / name) << "plaintext of a client"; }
    const std::string live = vault::NewExportTempName(); // an export of ours, still running
    { std::ofstream(a / live) << "still being written"; }
    CHECK(CleanRecentExportFolders() == 1);
    CHECK_FALSE(fs::exists(a / name));
    CHECK(fs::exists(a / live));
    CHECK(fs::exists(a / "karta.png"));
    frame->Close(true);
    Pump();
}

TEST_CASE("the print dialog offers no Print to File", "[gui][export]") {
    CHECK(WithoutFilePrinter("file,cups") == "cups");
    CHECK(WithoutFilePrinter("cups, file ,lpr") == "cups,lpr");
    CHECK(WithoutFilePrinter("file") == "cups");
    CHECK(WithoutFilePrinter("") == "cups");
#ifdef KARTBOK_HAVE_GTK3
    GtkSettings* settings = gtk_settings_get_default();
    REQUIRE(settings);
    g_object_set(settings, "gtk-print-backends", "file,cups", nullptr); // GTK's own default
    const auto withFile = Printers();
    CHECK(std::find(withFile.begin(), withFile.end(), "Print to File (virtual)") != withFile.end());
    KeepPrintsOffDisk();
    for (const auto& printer : Printers())
        CHECK(printer.find("(virtual)") == std::string::npos);
#endif
}
