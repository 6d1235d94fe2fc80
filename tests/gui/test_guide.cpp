// The user guide's screenshots, taken by doing each task of the guide as a
// therapist would, in Swedish and in English, on the demo vault: unlock, draw a
// family by keyboard, write and sign a note, the deep interview, client mode,
// the de-identified map for supervision, statistics. They are written into
// share/kartbok/guide/img/<lang>/ beside the guide pages (build/share/... in the build tree), where
// F1 shows them and
// `./kartbok.sh package` packs them. Every step checks that it did what the
// guide says it does, so a guide screenshot is never of something broken.
#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "common/ScreenCapture.h"
#include "common/Translations.h"
#include "dialogs/ExportReportDialog.h"
#include "dialogs/StatsDialog.h"
#include "dialogs/UnlockDialog.h"
#include "forms/ClientModeFrame.h"
#include "forms/FormsPage.h"
#include "interview/InterviewPage.h"
#include "journal/ChecklistSidePanel.h"
#include "journal/JournalPage.h"
#include "journal/SignDialog.h"
#include "map/MapCanvas.h"
#include "map/MapPage.h"
#include "shell/ClientListPanel.h"
#include "shell/ExportActions.h"
#include "shell/MainFrame.h"

#include "kartbok/genogram/CairoWriter.h"
#include "kartbok/genogram/Queries.h"
#include "kartbok/journal/ShippedData.h"
#include "kartbok/journal/TemplateLoader.h"

#include <wx/filepicker.h>
#include <wx/image.h>
#include <wx/mstream.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;
namespace fs = std::filesystem;
using genogram::PersonId;

namespace {

constexpr int kGuideWidth = 800; ///< widest picture the guide window shows unscaled

/// The demo vault of the README (kartbok-cli demo), in a fresh folder, cheap to unlock.
struct DemoVault {
    explicit DemoVault(const std::string& language) {
        std::random_device rd;
        top = fs::temp_directory_path() / ("kartbok-guide-" + std::to_string(rd()));
        dir = top / (language == "sv" ? "Kartbok-valv" : "Kartbok-vault"); // shown when unlocking
        fs::create_directories(top);
        const std::string command = "KARTBOK_TEST_KDF=1 '" + std::string(KARTBOK_BIN_DIR) +
                                    "/kartbok-cli' --kdf minimum --password-stdin demo '" +
                                    dir.string() + "' >/dev/null";
        FILE* cli = ::popen(command.c_str(), "w");
        REQUIRE(cli != nullptr);
        std::fprintf(cli, "%s\n", password.c_str());
        REQUIRE(::pclose(cli) == 0);
    }
    ~DemoVault() {
        std::error_code ec;
        fs::remove_all(top, ec);
    }
    fs::path top;
    fs::path dir;
    std::string password = "kartbok-demo";
};

fs::path GuideImage(const std::string& language, const std::string& name) {
    const fs::path folder = journal::ShippedDataDir(journal::ShippedData::Guide) / "img" / language;
    fs::create_directories(folder);
    return folder / (name + ".png");
}

/// Saves a picture as img/<lang>/<name>.png of the guide, scaled down (smoothly)
/// to the guide's width when wider.
void SaveGuideImage(wxImage image, const std::string& language, const std::string& name) {
    REQUIRE(image.IsOk());
    if (image.GetWidth() > kGuideWidth)
        image.Rescale(kGuideWidth, image.GetHeight() * kGuideWidth / image.GetWidth(),
                      wxIMAGE_QUALITY_HIGH);
    REQUIRE(
        image.SaveFile(wxString::FromUTF8(GuideImage(language, name).string()), wxBITMAP_TYPE_PNG));
}

/// Saves what the window shows on screen as a picture of the guide.
void GuideShot(wxWindow& window, const std::string& language, const std::string& name) {
    window.Update();
    Pump(4);
    const wxString path = wxString::FromUTF8(GuideImage(language, name).string());
    REQUIRE(SaveWindowPng(window, path));
    SaveGuideImage(wxImage(path, wxBITMAP_TYPE_PNG), language, name);
}

std::string IdOf(MainFrame* frame, const std::string& code) {
    for (const auto& row : frame->ClientList().Rows())
        if (row.code == code)
            return row.id;
    FAIL("no client " << code);
    return {};
}

void ShowTab(MainFrame* frame, wxWindow* page) {
    frame->Tabs().SetSelection(frame->Tabs().FindPage(page));
    Pump(6);
}

/// Selects a person on the map and gives the map the keyboard.
void Select(MainFrame* frame, PersonId person) {
    auto& canvas = frame->Map().Canvas();
    canvas.SelectPerson(person);
    canvas.SetFocus();
    Pump();
}

/// After a growth key the new person's name field has the cursor: type, Enter.
void TypeName(MainFrame* frame, const char* name, const char* birthYear) {
    REQUIRE(wxWindow::FindFocus() == Find<wxTextCtrl>("given_names", frame));
    TypeText(name);
    auto* birth = Find<wxTextCtrl>("birth", frame);
    birth->SetFocus();
    Pump();
    TypeText(birthYear);
    Key(WXK_RETURN);
    REQUIRE(wxWindow::FindFocus() == &frame->Map().Canvas());
}

void Unlock(MainFrame* frame, const DemoVault& v, const std::string& language) {
    auto* dialog = frame->Unlock();
    REQUIRE(dialog != nullptr);
    CHECK(Find<wxDirPickerCtrl>("vault_folder", dialog)->GetPath() == v.dir.string());
    auto* field = Find<wxTextCtrl>("password", dialog);
    field->SetFocus();
    Pump();
    TypeText(v.password.c_str());
    GuideShot(*dialog, language, "unlock");
    Key(WXK_RETURN);
    REQUIRE(PumpUntil([&] { return !frame->IsLocked(); }));
    REQUIRE(PumpUntil([&] { return frame->Unlock() == nullptr; }));
    CHECK(frame->Document() == nullptr); // nothing opens unasked
}

/// "Draw the family with the keyboard": a new client, parents, partner, child, brother.
void DrawFamily(MainFrame* frame, const std::string& language) {
    REQUIRE(frame->CreateCase("GBG-2026-031", genogram::Gender::Man));
    Pump(10);
    const auto& family = frame->Document()->Family();
    const PersonId client = *family.IndexPerson();

    Select(frame, client);
    Find<wxTextCtrl>("given_names", frame)->SetFocus(); // the client's name, in the panel
    Pump();
    TypeText("Johan");
    Key(WXK_RETURN);
    Select(frame, client);
    Key('P');
    TypeName(frame, "Lars", "1948");
    Select(frame, client);
    Key('P', wxMOD_SHIFT);
    TypeName(frame, "Karin", "1951");
    Select(frame, client);
    Key('S');
    TypeName(frame, "Eva", "1984");
    Key('C', wxMOD_SHIFT);
    TypeName(frame, "Sara", "2012");
    Select(frame, client);
    Key('B');
    TypeName(frame, "Anders", "1979");
    Key('F');

    CHECK(genogram::ParentsOf(family, client).size() == 2);
    const auto partners = genogram::PartnersOf(family, client);
    REQUIRE(partners.size() == 1);
    CHECK(family.FindPerson(partners[0])->givenNames == "Eva");
    const auto children = genogram::ChildrenOfPerson(family, client);
    REQUIRE(children.size() == 1);
    CHECK(family.FindPerson(children[0])->gender == genogram::Gender::Woman);
    CHECK(genogram::SiblingsOf(family, client).size() == 1);
    Select(frame, client);
    GuideShot(*frame, language, "map");
}

/// "Write and sign a note", on the demo client with a year of notes behind it.
void WriteAndSign(MainFrame* frame, const std::string& language, const std::string& password) {
    REQUIRE(frame->OpenCase(IdOf(frame, "GBG-2025-017")));
    auto* page = Find<JournalPage>("journal_page", frame);
    REQUIRE(page != nullptr);
    ShowTab(frame, page);
    const std::size_t before = frame->Document()->Case().sessions.size();
    REQUIRE(page->NewNote("note-soap", false));
    Pump();
    // Written as the therapist writes (the simulated keyboard has no å, ä, ö, so
    // the text is put in directly); leaving the note saves the draft.
    const bool sv = language == "sv";
    const std::pair<const char*, const char*> fields[] = {
        {"field_subjective",
         sv ? "Har inte köpt sex på tre veckor. Suget kom tillbaka efter ett gräl med Eva."
            : "Has not bought sex for three weeks. The urge came back after a row with Eva."},
        {"field_objective",
         sv ? "Lugnare än förra gången, god kontakt." : "Calmer than last time, good contact."},
        {"field_assessment", sv ? "Känner igen mönstret: oro och tomhet efter konflikt."
                                : "Recognises the pattern: worry and emptiness after a conflict."},
        {"field_plan", sv ? "Fortsätta med släktkartan nästa gång." : "Go on with the family map."},
    };
    for (const auto& [name, text] : fields) {
        auto* field = Find<wxTextCtrl>(name, page);
        REQUIRE(field != nullptr);
        field->SetFocus();
        field->SetValue(wxString::FromUTF8(text));
        Pump(2);
    }
    REQUIRE(page->SaveDraft());
    CHECK(frame->Document()->Case().sessions.back().Field("plan")->text.size() > 10);
    auto* first = Find<wxTextCtrl>("field_subjective", page);
    ChecklistSidePanel* topics = page->Checklist();
    REQUIRE(topics != nullptr);
    REQUIRE(topics->Items().size() > 3);
    topics->Tick(topics->Items()[2], true);
    topics->Tick(topics->Items()[3], true);
    Pump(4);
    GuideShot(*page, language, "note");

    // Ctrl+Enter asks for the signer's own password, as the guide says.
    bool asked = false;
    page->askSignaturePassword = [&](const wxString& user) {
        SignDialog dialog(page, user, page->checkPassword);
        dialog.Show();
        Pump(4);
        GuideShot(dialog, language, "sign");
        Find<wxTextCtrl>("sign_password", &dialog)->SetValue(wxString::FromUTF8(password));
        asked = dialog.TrySign();
        return asked;
    };
    first->SetFocus();
    Pump();
    Key(WXK_RETURN, wxMOD_CONTROL);
    CHECK(asked);
    const auto& sessions = frame->Document()->Case().sessions;
    REQUIRE(sessions.size() == before + 1);
    REQUIRE(PumpUntil([&] { return sessions.back().isSigned; }));
}

/// "Go through the deep interview": the demo client's checklist, one topic open.
void DeepInterview(MainFrame* frame, const std::string& language) {
    InterviewPage& page = frame->Interview();
    ShowTab(frame, &page);
    page.ShowChecklist("deep-interview");
    const auto& runs = frame->Document()->Case().checklists;
    std::string covered;
    for (const auto& run : runs)
        if (run.templateId == "deep-interview" && !run.entries.empty())
            covered = run.entries.front().itemId;
    REQUIRE_FALSE(covered.empty());
    page.SelectTopic(covered);
    Pump(4);
    CHECK(page.SelectedTopic() == covered);
    GuideShot(page, language, "interview");
}

/// "Let the client fill in a form": the new client's start form in client mode.
void ClientMode(MainFrame* frame, const DemoVault& v, const std::string& language) {
    REQUIRE(frame->OpenCase(IdOf(frame, "GBG-2026-031")));
    ShowTab(frame, &frame->Forms());
    ClientModeFrame* client = frame->Forms().FillInForm(journal::FormPhase::Start);
    REQUIRE(client != nullptr);
    Pump(6);
    // Answer the first questions the way a client would, whatever the form holds.
    const auto& templates = frame->Catalog().Templates();
    const auto forms = templates.OfKind(journal::TemplateKind::Form);
    const auto start = std::find_if(forms.begin(), forms.end(), [](const journal::Template* t) {
        return t->id == "form-start";
    });
    REQUIRE(start != forms.end());
    int answered = 0;
    for (const journal::TemplateItem* item : (*start)->Items()) {
        if (answered == 7)
            break;
        if (item->type == journal::AnswerType::YesNo)
            client->SetAnswer(item->id, "yes");
        else if (!item->choices.empty())
            client->SetAnswer(item->id, item->choices[item->choices.size() / 2].value);
        else
            continue;
        ++answered;
    }
    Pump(4);
    GuideShot(*client, language, "clientmode");
    REQUIRE(client->TryLeave(v.password));
    Pump(4);
    CHECK(frame->Document()->Case().forms.size() == 1);
}

/// "The map for supervision": the de-identified map an export writes, drawn by
/// the same code as File > Export map de-identified (the file dialog itself is
/// the system's).
void Supervision(MainFrame* frame, const std::string& language) {
    REQUIRE(frame->OpenCase(IdOf(frame, "GBG-2025-017")));
    const genogram::Scene scene = ExportScene(frame->Document()->Family(), true);
    for (const auto& item : scene.items)
        if (const auto* text = std::get_if<genogram::TextShape>(&item.shape))
            CHECK(text->text.find("Lindqvist") == std::string::npos); // roles, never names
    const std::vector<unsigned char> png = genogram::RenderPng(scene, 1.5);
    wxMemoryInputStream in(png.data(), png.size());
    wxImage image(in, wxBITMAP_TYPE_PNG);
    REQUIRE(image.IsOk());
    SaveGuideImage(image, language, "supervision");
}

/// "Reports for a follow-up or for supervision": the export dialog on the
/// demo's returning client, and the follow-up brief it writes.
void Reports(MainFrame* frame, const std::string& language) {
    REQUIRE(frame->OpenCase(IdOf(frame, "GBG-2025-017")));
    ExportReportDialog* dialog = frame->ShowExportReport(false, false);
    REQUIRE(dialog != nullptr);
    dialog->SetKind(reporting::ReportKind::FollowUp);
    dialog->SetLanguage(language);
    dialog->SetOpenWhenDone(false);
    dialog->Show();
    Pump(6);
    GuideShot(*dialog, language, "report");
    const std::filesystem::path out =
        std::filesystem::temp_directory_path() / ("kartbok-guide-brief-" + language + ".pdf");
    std::filesystem::remove(out);
    REQUIRE(dialog->Export(out));
    CHECK(std::filesystem::file_size(out) > 1000);
    std::filesystem::remove(out);
    dialog->Destroy();
    Pump();
}

/// "Statistics for the year": the demo vault's counts for this year.
void Statistics(MainFrame* frame, const std::string& language) {
    REQUIRE(frame->SaveNow());
    auto* stats = new StatsDialog(frame, *frame->Vault());
    REQUIRE(stats->Compute(wxDateTime::Today().GetYear()));
    CHECK(stats->Rows() > 5);
    stats->Show();
    Pump(8);
    GuideShot(*stats, language, "statistics");
    stats->Destroy();
    Pump();
}

} // namespace

TEST_CASE("the user guide's tasks work as written, and their screenshots are taken", "[guide]") {
    for (const std::string language : {"sv", "en"}) {
        DemoVault v(language);
        CommandLine options;
        options.vault = v.dir.string();
        Preferences prefs;
        prefs.idleLockMinutes = 0;
        prefs.language = language;
        ApplyLanguage(language);
        auto* frame = new MainFrame(options, prefs);
        frame->SetSize(40, 30, 1280, 800); // the laptop the guide is written for
        frame->Show();
        Pump();
        frame->BeginUnlock();
        Pump();

        Unlock(frame, v, language);
        DrawFamily(frame, language);
        WriteAndSign(frame, language, v.password);
        DeepInterview(frame, language);
        ClientMode(frame, v, language);
        Reports(frame, language);
        Supervision(frame, language);
        Statistics(frame, language);
        frame->Close(true);
        Pump();
    }
    ApplyLanguage("en");
}
