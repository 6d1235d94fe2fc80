#include "LayoutTour.h"

#include "GuiDriver.h"

#include "common/Translations.h"
#include "dialogs/AuditDialog.h"
#include "dialogs/CreateVaultDialog.h"
#include "dialogs/ExportReportDialog.h"
#include "dialogs/NewCaseDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "dialogs/SearchDialog.h"
#include "dialogs/StatsDialog.h"
#include "dialogs/UnlockDialog.h"
#include "forms/ClientModeFrame.h"
#include "forms/FormsPage.h"
#include "interview/InterviewPage.h"
#include "journal/AddendumDialog.h"
#include "journal/JournalPage.h"
#include "map/MapCanvas.h"
#include "map/MapPage.h"
#include "shell/MainFrame.h"

#include "kartbok/genogram/Queries.h"

#include <wx/notebook.h>
#include <wx/textctrl.h>

#include <cstdio>
#include <random>
#include <stdexcept>

namespace kartbok::test {

namespace {

constexpr const char* kDemoCase = "GBG-2025-017";
enum Tab { kMap, kJournal, kInterview, kForms, kOverview };

class Visit {
public:
    Visit(const TourOptions& options, const TourCheck& check)
        : m_options(options), m_check(check) {}

    void At(wxWindow& shown, const std::string& state) {
        shown.Update();
        Pump(4);
        Screenshot(shown, m_options.screenshotPrefix + state + ".png");
        m_check(shown, state);
    }

    /// Shows a dialog without its modal loop, checks it, closes it.
    template <class Dialog> void Dialogue(Dialog* dialog, const std::string& state) {
        dialog->Show();
        Pump(8);
        At(*dialog, state);
        dialog->Destroy();
        Pump(2);
    }

private:
    const TourOptions& m_options;
    const TourCheck& m_check;
};

void Unlock(app::MainFrame* frame, const std::string& password) {
    auto* dialog = frame->Unlock();
    if (!dialog)
        throw std::runtime_error("no unlock dialog");
    Find<wxTextCtrl>("password", dialog)->ChangeValue(wxString::FromUTF8(password));
    dialog->TryUnlock();
    if (!PumpUntil([&] { return !frame->IsLocked() && frame->Unlock() == nullptr; }))
        throw std::runtime_error("the demo vault did not unlock");
}

void TourMap(app::MainFrame* frame, Visit& visit) {
    frame->Tabs().SetSelection(kMap);
    Pump(8);
    visit.At(*frame, "map");
    auto& canvas = frame->Map().Canvas();
    const auto& family = frame->Document()->Family();
    const auto client = family.IndexPerson().value_or(genogram::kNoId);
    canvas.SelectPerson(client);
    Pump(6);
    visit.At(*frame, "map-person");
    const auto partners = genogram::PartnersOf(family, client);
    if (!partners.empty()) {
        canvas.SelectLine({genogram::SceneItem::Owner::Union,
                           genogram::UnionBetween(family, client, partners[0])});
        Pump(6);
        visit.At(*frame, "map-couple");
    }
    if (!family.relations.empty()) {
        canvas.SelectLine({genogram::SceneItem::Owner::Relation, family.relations.front().id});
        Pump(6);
        visit.At(*frame, "map-relation");
    }
    canvas.ClearSelection();
}

void TourJournal(app::MainFrame* frame, Visit& visit) {
    frame->Tabs().SetSelection(kJournal);
    auto* page = Find<app::JournalPage>("journal_page", frame);
    page->Sync();
    Pump(8);
    visit.At(*frame, "journal-signed");
    // Drafts are made and taken back with undo, so the vault stays as the demo made it.
    if (page->NewNote("", false)) {
        Pump(8);
        visit.At(*frame, "journal-draft");
        frame->Undo();
    }
    if (page->NewNote("first-visit", false)) {
        Pump(8);
        visit.At(*frame, "journal-first-visit");
        frame->Undo();
    }
    Pump(4);
    frame->SaveNow();
}

void TourTabs(app::MainFrame* frame, Visit& visit) {
    TourMap(frame, visit);
    TourJournal(frame, visit);
    frame->Tabs().SetSelection(kInterview);
    Pump(8);
    frame->Interview().SelectTopic("first-purchase-or-onset");
    Pump(6);
    visit.At(*frame, "interview");
    frame->Tabs().SetSelection(kForms);
    Pump(8);
    visit.At(*frame, "forms");
    if (auto* client = frame->Forms().FillInForm(journal::FormPhase::FollowUp)) {
        client->SetSize(frame->GetSize());
        Pump(8);
        visit.At(*client, "client-mode");
        client->AskForPassword();
        Pump(6);
        visit.At(*client, "client-mode-password");
        client->Destroy();
        Pump(4);
    }
    frame->Tabs().SetSelection(kOverview);
    Pump(8);
    visit.At(*frame, "overview");
}

void TourDialogs(app::MainFrame* frame, Visit& visit) {
    visit.Dialogue(new app::PreferencesDialog(frame, frame->Prefs()), "preferences");
    visit.Dialogue(new app::NewCaseDialog(frame), "new-client");
    auto* stats = new app::StatsDialog(frame, *frame->Vault());
    stats->Compute(2026);
    visit.Dialogue(stats, "statistics");
    visit.Dialogue(new app::AuditDialog(frame, *frame->Vault(), frame->Document()->Id()), "audit");
    app::SearchDialog::Callbacks search;
    search.search = [frame](const std::string& q, bool all) { return frame->RunSearch(q, all); };
    search.open = [](const vault::VaultSearchHit&) {};
    auto* find = new app::SearchDialog(frame, true, true, search);
    find->Search(wxString::FromUTF8("familjekartan"));
    visit.Dialogue(find, "search");
    visit.Dialogue(new app::AddendumDialog(frame, {}), "addendum");
    std::vector<app::AddendumDialog::Field> fields{
        {"plan", _("Agreed for next time"), wxString::FromUTF8("Boka djupintervju.")}};
    visit.Dialogue(new app::AddendumDialog(frame, fields), "correction");
    if (auto* report = frame->ShowExportReport(false, false))
        visit.Dialogue(report, "export-report");
    if (auto* pack = frame->ShowExportReport(true, false))
        visit.Dialogue(pack, "export-report-pack");
    visit.Dialogue(new app::CreateVaultDialog(frame, wxString::FromUTF8("/tmp/new-vault"),
                                              [](const wxString&, const wxString&,
                                                 const wxString&) { return wxString(); }),
                   "create-vault");
}

} // namespace

DemoVault::DemoVault() {
    std::random_device rd;
    dir = std::filesystem::temp_directory_path() /
          ("kartbok-demo-" + std::to_string(rd()) + "-" + std::to_string(::getpid()));
    const std::string command = "KARTBOK_TEST_KDF=1 '" + std::string(KARTBOK_BIN_DIR) +
                                "/kartbok-cli' --kdf minimum --password-stdin demo '" +
                                dir.string() + "' > /dev/null";
    FILE* cli = ::popen(command.c_str(), "w");
    if (!cli)
        throw std::runtime_error("cannot run kartbok-cli demo");
    std::fprintf(cli, "%s\n", password.c_str());
    if (::pclose(cli) != 0)
        throw std::runtime_error("kartbok-cli demo failed");
}

DemoVault::~DemoVault() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

void Tour(const DemoVault& vault, const TourOptions& options, const TourCheck& check) {
    const std::string first = options.switchFrom.empty() ? options.language : options.switchFrom;
    app::ApplyLanguage(first);
    app::CommandLine command;
    command.vault = vault.dir.string();
    app::Preferences prefs;
    prefs.idleLockMinutes = 0;
    prefs.language = first;
    auto* frame = new app::MainFrame(command, prefs);
    frame->SetSize(20, 20, options.size.x, options.size.y);
    frame->Show();
    Pump(4);
    Visit visit(options, check);

    frame->BeginUnlock();
    Pump(8);
    if (auto* dialog = frame->Unlock())
        visit.At(*dialog, "unlock");
    Unlock(frame, vault.password);
    Pump(8);
    visit.At(*frame, "clients");

    const std::string caseId = frame->Vault()->FindCaseIdByCode(kDemoCase);
    if (!frame->OpenCase(caseId))
        throw std::runtime_error("the demo case did not open");
    Pump(10);
    if (!options.switchFrom.empty()) {
        // Every panel has been shown once in the first language before the switch.
        for (int tab : {kJournal, kInterview, kForms, kOverview, kMap}) {
            frame->Tabs().SetSelection(tab);
            Pump(6);
        }
        app::Preferences now = frame->Prefs();
        now.language = options.language;
        frame->ApplyPreferences(now);
        Pump(10);
    }
    TourTabs(frame, visit);
    TourDialogs(frame, visit);

    frame->Close(true);
    Pump(6);
    app::ApplyLanguage("en");
}

} // namespace kartbok::test
