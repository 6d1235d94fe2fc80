// The clinic's template folder (issue 7): set in Preferences, it overrides or
// adds to the shipped templates in every tab; a broken clinic template is
// listed with file:line and never stops the app. Answers stored under an older
// version of a checklist are shown under the newer version's topics, nothing
// dropped, and one undoable Update moves them to it.
#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "common/TemplateCatalog.h"
#include "common/Translations.h"
#include "dialogs/PreferencesDialog.h"
#include "interview/InterviewPage.h"
#include "journal/JournalPage.h"
#include "model/InterviewPresenter.h"
#include "shell/MainFrame.h"

#include "kartbok/genogram/Scaffold.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;
using journal::TopicEntry;
using journal::TopicState;
namespace fs = std::filesystem;

namespace {

/// A fresh folder, removed with everything in it at the end of the test.
struct TempFolder {
    TempFolder() {
        std::random_device rd;
        path = fs::temp_directory_path() /
               ("kartbok-templates-" + std::to_string(rd()) + "-" + std::to_string(::getpid()));
        fs::create_directories(path);
    }
    ~TempFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    void Write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
    }
    fs::path path;
};

const char* kClinicNote = R"(id: clinic-note
version: 1
kind: note
title: {sv: Mottagningens anteckning, en: Clinic note}
sections:
  - id: main
    title: {sv: Samtalet, en: The session}
    items:
      - id: summary
        title: {sv: Sammanfattning, en: Summary}
)";

/// Line 10: an answer type Kartbok does not know.
const char* kBrokenNote = R"(id: evening-note
version: 1
kind: note
title: {sv: Kvällsanteckning, en: Evening note}
sections:
  - id: main
    title: {sv: Kväll, en: Evening}
    items:
      - id: mood
        type: slider
        title: {sv: Mående, en: Mood}
)";

/// The deep interview as a clinic raised it to its own version 3 (above the shipped 2):
/// two childhood topics merged, the first purchase renamed, puberty and the
/// rest retired.
const char* kDeepInterviewV2 = R"(id: deep-interview
version: 3
kind: checklist
title: {sv: Djupintervju, en: Deep interview}
sections:
  - id: family-map
    title: {sv: Familjekarta, en: Family map}
    items:
      - id: family-map-three-generations
        title: {sv: Familjekarta i tre generationer, en: Family map over three generations}
  - id: childhood
    title: {sv: Barndom, en: Childhood}
    items:
      - id: childhood-interests-and-friends
        title: {sv: Intressen och vänner, en: Interests and friends}
      - id: childhood-school
        title: {sv: Skolan, en: School}
  - id: the-behaviour
    title: {sv: Beteendet, en: The behaviour}
    items:
      - id: behaviour-onset
        title: {sv: Första köpet eller starten, en: First purchase or onset}
replaces:
  1:
    childhood-interests: childhood-interests-and-friends
    childhood-friends: childhood-interests-and-friends
    first-purchase-or-onset: behaviour-onset
)";

journal::Template Parse(const char* yaml) {
    auto r = journal::ParseTemplate(yaml, "test.yaml");
    INFO((r.problems.empty() ? std::string() : r.problems.front().ToString()));
    REQUIRE(r.value);
    return *r.value;
}

TopicEntry Topic(const std::string& id, TopicState state, const std::string& note = {}) {
    TopicEntry e;
    e.itemId = id;
    e.state = state;
    e.note = note;
    return e;
}

/// A deep-interview run as version 1 stored it.
journal::ChecklistRun RunV1() {
    return {"deep-interview",
            1,
            {Topic("childhood-interests", TopicState::Covered, "Football"),
             Topic("childhood-friends", TopicState::Covered, "Few friends"),
             Topic("first-purchase-or-onset", TopicState::Partly),
             Topic("puberty", TopicState::Covered, "Early")}};
}

const journal::ChecklistRun* DeepRun(const journal::Case& c) {
    return FindRun(c, "deep-interview");
}

/// Opens the preferences, types the clinic folder into its field, and returns
/// the dialog shown (non-modal, so the test can look at it).
PreferencesDialog* OpenPreferences(MainFrame* frame, const fs::path& folder) {
    auto* dialog = new PreferencesDialog(frame, frame->Prefs(), frame->Catalog().ShippedDir());
    dialog->Show();
    Pump();
    auto* picker = Find<wxDirPickerCtrl>("clinic_templates", dialog);
    REQUIRE(picker);
    REQUIRE(picker->GetTextCtrl());
    picker->GetTextCtrl()->SetValue(wxString::FromUTF8(folder.string())); // as if typed
    Pump(4);
    return dialog;
}

void ForgetClinicFolder() {
    // The tests' config file outlives the test: leave no folder behind in it.
    Preferences saved = Preferences::Load();
    saved.clinicTemplates.clear();
    saved.Save();
}

} // namespace

TEST_CASE("the catalogue reloads the clinic folder and says when its templates changed",
          "[gui][presenter][templates]") {
    TempFolder clinic;
    TemplateCatalog catalog;
    CHECK(catalog.Load(""));
    const auto shipped = catalog.Templates().templates.size();
    CHECK(catalog.Templates().Ok());
    CHECK(catalog.ClinicCount() == 0);
    const auto generation = catalog.Generation();

    clinic.Write("clinic-note.yaml", kClinicNote);
    clinic.Write("broken-note.yaml", kBrokenNote);
    clinic.Write("deep-interview.yaml", kDeepInterviewV2);
    CHECK(catalog.Load(clinic.path.string()));
    CHECK(catalog.Generation() == generation + 1);
    CHECK(catalog.ClinicDir() == clinic.path.string());
    CHECK(catalog.Templates().templates.size() == shipped + 1); // deep interview replaced
    CHECK(catalog.ClinicCount() == 2);
    REQUIRE(catalog.Templates().Find("deep-interview"));
    CHECK(catalog.Templates().Find("deep-interview")->version == 3);
    CHECK(catalog.Templates().Find("evening-note") == nullptr);
    REQUIRE(catalog.Templates().unavailable.size() == 1);
    CHECK(catalog.Templates().unavailable[0].problems.at(0).line == 10);

    // Read again unchanged: nothing for the windows to rebuild.
    CHECK_FALSE(catalog.Load(clinic.path.string()));
    CHECK(catalog.Generation() == generation + 1);
    // The clinic fixes its template: reread, changed.
    std::string fixed = kBrokenNote;
    fixed.replace(fixed.find("slider"), 6, "free-text");
    clinic.Write("broken-note.yaml", fixed);
    CHECK(catalog.Load(clinic.path.string()));
    CHECK(catalog.Templates().Ok());
    CHECK(catalog.Templates().Find("evening-note"));
    // Back to none.
    CHECK(catalog.Load(""));
    CHECK(catalog.Templates().templates.size() == shipped);
}

TEST_CASE("answers stored under an older checklist version show under the new topics",
          "[gui][presenter][templates]") {
    const journal::Template v2 = Parse(kDeepInterviewV2);
    journal::Case c;
    c.checklists.push_back(RunV1());
    const journal::Case original = c;

    const ChecklistView view(c, v2);
    CHECK(view.Age() == RunAge::Older);
    CHECK(view.StoredVersion() == 1);
    CHECK(view.Editable());
    // Two merged topics that agreed: covered, both notes kept.
    const TopicEntry merged = view.Entry("childhood-interests-and-friends");
    CHECK(merged.state == TopicState::Covered);
    CHECK(merged.note == "Football\n\nFew friends");
    CHECK(view.Entry("behaviour-onset").state == TopicState::Partly);
    CHECK(view.CoveredCount() == 1);
    CHECK(view.PartlyCount() == 1);
    CHECK(view.TopicCount() == 4);
    // Puberty has no topic in version 3: kept apart, not dropped.
    REQUIRE(view.Kept().size() == 1);
    CHECK(view.Kept()[0].itemId == "puberty");
    CHECK(view.Kept()[0].note == "Early");

    // Update: version 3 ids, the kept answer still there; undo gives version 1 back.
    auto upgrade = view.MakeUpgrade();
    REQUIRE(upgrade);
    upgrade->Apply(c);
    REQUIRE(DeepRun(c));
    CHECK(DeepRun(c)->templateVersion == 3);
    CHECK(DeepRun(c)->entries.size() == 3);
    const ChecklistView after(c, v2);
    CHECK(after.Age() == RunAge::Same);
    CHECK_FALSE(after.MakeUpgrade());
    CHECK(after.Entry("childhood-interests-and-friends").note == "Football\n\nFew friends");
    REQUIRE(after.Kept().size() == 1);
    CHECK(after.Kept()[0].itemId == "puberty");
    upgrade->Revert(c);
    CHECK(c == original);

    // Ticking a topic of an older run updates it in the same undo step.
    auto set = ChecklistView(c, v2).MakeSet(Topic("childhood-school", TopicState::Partly));
    set->Apply(c);
    CHECK(DeepRun(c)->templateVersion == 3);
    CHECK(ChecklistView(c, v2).Entry("childhood-school").state == TopicState::Partly);
    CHECK(ChecklistView(c, v2).Kept().size() == 1);
    set->Revert(c);
    CHECK(c == original);

    // The person's topic list titles an old answer by the topic it maps to.
    c.checklists[0].entries[0].people = {genogram::ScaffoldIds{}.father};
    journal::TemplateSet set2;
    set2.templates = {v2};
    const auto topics = TopicsForPerson(c, set2, genogram::ScaffoldIds{}.father, "en");
    REQUIRE(topics.size() == 1);
    CHECK(topics[0].title == "Interests and friends");
}

TEST_CASE("answers newer than the loaded template, or with no template, are only shown",
          "[gui][presenter][templates]") {
    journal::TemplateSet shipped = journal::LoadTemplates(journal::ShippedTemplatesDir());
    const journal::Template* v1 = shipped.Find("deep-interview");
    REQUIRE(v1);
    REQUIRE(v1->version == 2);
    journal::Case c;
    c.checklists.push_back({"deep-interview",
                            3,
                            {Topic("childhood", TopicState::Covered),
                             Topic("childhood-interests-and-friends", TopicState::Partly)}});
    const ChecklistView view(c, *v1);
    CHECK(view.Age() == RunAge::Newer);
    CHECK_FALSE(view.Editable());
    CHECK(view.Entry("childhood").state == TopicState::Covered);
    REQUIRE(view.Kept().size() == 1);
    CHECK(view.Kept()[0].itemId == "childhood-interests-and-friends");
    CHECK_THROWS_AS(view.MakeSet(Topic("childhood", TopicState::NotYet)), journal::JournalError);
    CHECK_FALSE(view.MakeUpgrade());

    // A checklist whose template is gone is still offered, after the loaded ones.
    c.checklists.push_back({"clinic-retired", 1, {Topic("a", TopicState::Covered)}});
    const auto offered = OfferedChecklists(&c, shipped);
    REQUIRE(offered.size() >= 2);
    CHECK(offered[0] == kDeepInterviewId);
    // An index client's case: the relatives' checklist belongs in the relative's own case.
    CHECK(std::find(offered.begin(), offered.end(), kRelativesSupportId) == offered.end());
    CHECK(offered.back() == "clinic-retired");
    CHECK(OfferedChecklists(nullptr, shipped)[1] == kRelativesSupportId);
    journal::Case relative = c;
    relative.relativeOf = "the-index-case";
    CHECK(OfferedChecklists(&relative, shipped)[0] == kRelativesSupportId);
    c.checklists.push_back({kRelativesSupportId, 1, {}}); // an older case that holds one
    const auto older = OfferedChecklists(&c, shipped);
    CHECK(std::find(older.begin(), older.end(), kRelativesSupportId) != older.end());
}

TEST_CASE("a clinic template folder set in Preferences adds its templates and lists broken ones",
          "[gui][templates]") {
    TempFolder clinic;
    clinic.Write("clinic-note.yaml", kClinicNote);
    clinic.Write("broken-note.yaml", kBrokenNote);
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE_FALSE(frame->IsLocked());
    REQUIRE(frame->OpenCase(v.firstId));
    Pump();

    PreferencesDialog* dialog = OpenPreferences(frame, clinic.path);
    CHECK(dialog->TemplateStatus().Contains("(1 from the clinic folder)"));
    CHECK(dialog->TemplateProblems().Contains("broken-note.yaml:10:"));
    CHECK(dialog->TemplateProblems().Contains("slider"));
    CHECK_FALSE(dialog->TemplateProblems().Contains("clinic-note"));
    Screenshot(*dialog, "preferences-templates.png");
    // Another folder in the field: checked again at once.
    Find<wxDirPickerCtrl>("clinic_templates", dialog)
        ->GetTextCtrl()
        ->SetValue(wxString::FromUTF8((clinic.path / "nowhere").string()));
    Pump(2);
    CHECK(dialog->TemplateStatus().Contains("does not exist"));
    CHECK(dialog->TemplateProblems() == "None.");
    Find<wxDirPickerCtrl>("clinic_templates", dialog)
        ->GetTextCtrl()
        ->SetValue(wxString::FromUTF8(clinic.path.string()));
    Pump(2);
    const Preferences chosen = dialog->Result();
    CHECK(chosen.clinicTemplates == clinic.path.string());
    dialog->Destroy();
    Pump();

    // OK: the catalogue is reloaded, the windows rebuilt with it.
    frame->ApplyPreferences(chosen);
    Pump(6);
    CHECK(frame->Catalog().ClinicDir() == clinic.path.string());
    CHECK(Preferences::Load().clinicTemplates == clinic.path.string());
    frame->Tabs().SetSelection(1);
    auto* journal = Find<JournalPage>("journal_page", frame);
    REQUIRE(journal);
    journal->Sync();
    Pump();
    auto* choice = Find<wxChoice>("note_template", frame);
    REQUIRE(choice);
    CHECK(choice->FindString("Clinic note") != wxNOT_FOUND);
    CHECK(choice->FindString("Evening note") == wxNOT_FOUND);

    // In Swedish.
    ApplyLanguage("sv");
    dialog = new PreferencesDialog(frame, frame->Prefs(), frame->Catalog().ShippedDir());
    dialog->Show();
    Pump(4);
    CHECK(dialog->TemplateStatus().Contains("mottagningens mallmapp"));
    CHECK(dialog->TemplateProblems().Contains("broken-note.yaml:10:"));
    Screenshot(*dialog, "preferences-templates-sv.png");
    dialog->Destroy();
    ApplyLanguage("en");
    Pump();

    // Without the folder: back to the shipped templates only.
    Preferences none = frame->Prefs();
    none.clinicTemplates.clear();
    frame->ApplyPreferences(none);
    Pump(6);
    CHECK(frame->Catalog().ClinicCount() == 0);
    frame->Tabs().SetSelection(1);
    Find<JournalPage>("journal_page", frame)->Sync();
    Pump();
    CHECK(Find<wxChoice>("note_template", frame)->FindString("Clinic note") == wxNOT_FOUND);
    frame->Close(true);
    Pump();
    ForgetClinicFolder();
}

namespace {

/// The case as an earlier Kartbok saved it, with the shipped version 1 of the deep interview.
void StoreV1Run(const TempVault& v) {
    auto vault = vault::Vault::Open(v.dir, v.password);
    journal::Case c = vault.LoadCase(v.firstId);
    c.checklists.push_back(RunV1());
    vault.SaveCase(c);
    vault.Lock();
}

/// With the clinic's version 3 loaded, the version-1 answers show under its topics, a
/// retired topic read-only, and the bar offers the update. Returns the update button.
wxButton* ShowV1UnderClinicV3(MainFrame* frame, const TempFolder& clinic) {
    Preferences prefs = frame->Prefs();
    prefs.clinicTemplates = clinic.path.string();
    frame->ApplyPreferences(prefs);
    Pump(6);
    InterviewPage& page = frame->Interview();
    frame->Tabs().SetSelection(frame->Tabs().FindPage(&page));
    Pump(4);
    page.ShowChecklist(kDeepInterviewId);
    Pump(2);
    CHECK(page.InfoText() ==
          "These answers were written with version 1 of Deep interview; shown with version 3.");
    auto* update = Find<wxButton>("checklist_upgrade", frame);
    REQUIRE(update);
    CHECK(update->IsShownOnScreen());
    CHECK(update->GetLabel() == "Update to version 3");
    CHECK(page.ProgressText() == wxString::FromUTF8("1 of 4 covered · 1 partly"));
    CHECK(page.KeptTopics() == std::vector<std::string>{"puberty"});
    page.SelectTopic("childhood-interests-and-friends");
    Pump(2);
    CHECK(Find<wxTextCtrl>("topic_note", frame)->GetValue() == "Football\n\nFew friends");
    // The retired topic is shown, read-only, with its stored id.
    page.SelectTopic("puberty");
    Pump(2);
    CHECK(page.SelectedTopic() == "puberty");
    CHECK(Find<wxTextCtrl>("topic_note", frame)->GetValue() == "Early");
    CHECK_FALSE(Find<wxTextCtrl>("topic_note", frame)->IsEnabled());
    page.SelectTopic("childhood-interests-and-friends");
    Pump(2);
    Screenshot(*frame, "interview-upgrade.png");
    return update;
}

/// A read-only copy (another Kartbok holds the case) says the same, without the button.
void ReadOnlyCopyOffersNoUpdate(MainFrame* frame, wxButton* update) {
    InterviewPage& page = frame->Interview();
    {
        CaseDocument readOnly(*frame->Vault(), frame->Document()->Case(), true, "someone");
        page.SetDocument(&readOnly);
        Pump(2);
        CHECK(page.InfoText().Contains("version 1"));
        CHECK_FALSE(update->IsShown());
        page.SetDocument(frame->Document());
        Pump(2);
    }
    CHECK(update->IsShown());
}

/// The update is one undoable step: version 3 after it, version 1 again after Undo.
void UpdateAndUndo(MainFrame* frame, wxButton* update) {
    InterviewPage& page = frame->Interview();
    Click(update);
    Pump(4);
    const auto* run = DeepRun(frame->Document()->Case());
    REQUIRE(run);
    CHECK(run->templateVersion == 3);
    CHECK(page.InfoText().empty());
    CHECK(page.KeptTopics() == std::vector<std::string>{"puberty"});
    REQUIRE(frame->Document()->NextUndo());
    CHECK(frame->Document()->NextUndo()->Label() == "Update Deep interview to version 3");

    frame->Undo();
    Pump(4);
    run = DeepRun(frame->Document()->Case());
    REQUIRE(run);
    CHECK(run->templateVersion == 1);
    CHECK(*run == RunV1());
    CHECK(page.InfoText().Contains("version 1"));
    CHECK(update->IsShown());
}

/// The bar and the button in Swedish.
void UpgradeBarInSwedish(MainFrame* frame) {
    Preferences sv = frame->Prefs();
    sv.language = "sv";
    frame->ApplyPreferences(sv);
    Pump(6);
    frame->Tabs().SetSelection(frame->Tabs().FindPage(&frame->Interview()));
    Pump(4);
    frame->Interview().SelectTopic("childhood-interests-and-friends");
    Pump(2);
    CHECK(frame->Interview().InfoText() ==
          "Svaren skrevs med version 1 av Djupintervju och visas med version 3.");
    CHECK(Find<wxButton>("checklist_upgrade", frame)->GetLabel() == "Uppdatera till version 3");
    Screenshot(*frame, "interview-upgrade-sv.png");
    sv.language = "en";
    frame->ApplyPreferences(sv);
    Pump(4);
}

/// Updated, then the clinic's version 3 removed: the answers are newer than the
/// shipped version 2, so they are shown as stored and cannot be changed.
void NewerThanShippedAreOnlyShown(MainFrame* frame) {
    frame->Interview().UpdateToCurrentVersion();
    Pump(2);
    REQUIRE(DeepRun(frame->Document()->Case())->templateVersion == 3);
    Preferences none = frame->Prefs();
    none.clinicTemplates.clear();
    frame->ApplyPreferences(none);
    Pump(6);
    CHECK(frame->Interview().InfoText().Contains("newer than version 2"));
    CHECK_FALSE(Find<wxButton>("checklist_upgrade", frame)->IsShown());
    frame->Interview().SelectTopic("family-map-three-generations");
    Pump(2);
    CHECK_FALSE(Find<wxTextCtrl>("topic_note", frame)->IsEnabled());
    CHECK(frame->Interview().KeptTopics() ==
          std::vector<std::string>{"childhood-interests-and-friends", "behaviour-onset"});
}

} // namespace

TEST_CASE("a deep interview stored under version 1 opens with version 3 and is updated on request",
          "[gui][templates][interview]") {
    TempFolder clinic;
    clinic.Write("deep-interview.yaml", kDeepInterviewV2);
    TempVault v;
    StoreV1Run(v);
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.firstId));
    Pump();
    // The shipped version 2 only added topics: the answers open with it, and the bar says so.
    CHECK(frame->Interview().InfoText().Contains("shown with version 2"));

    wxButton* update = ShowV1UnderClinicV3(frame, clinic);
    ReadOnlyCopyOffersNoUpdate(frame, update);
    UpdateAndUndo(frame, update);
    UpgradeBarInSwedish(frame);
    NewerThanShippedAreOnlyShown(frame);
    frame->Close(true);
    Pump();
    ForgetClinicFolder();
}

TEST_CASE("answers of a checklist whose template is gone are shown as stored",
          "[gui][templates][interview]") {
    TempVault v;
    {
        auto vault = vault::Vault::Open(v.dir, v.password);
        journal::Case c = vault.LoadCase(v.firstId);
        c.checklists.push_back(
            {"clinic-retired", 3, {Topic("old-topic", TopicState::Partly, "Kept note")}});
        vault.SaveCase(c);
        vault.Lock();
    }
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.firstId));
    Pump();
    InterviewPage& page = frame->Interview();
    frame->Tabs().SetSelection(frame->Tabs().FindPage(&page));
    Pump(2);
    auto* choice = Find<wxChoice>("checklist_choice", frame);
    REQUIRE(choice);
    CHECK(choice->FindString("clinic-retired (unavailable)") != wxNOT_FOUND);
    page.ShowChecklist("clinic-retired");
    Pump(2);
    CHECK(page.InfoText().Contains("\"clinic-retired\" is not available"));
    CHECK_FALSE(Find<wxButton>("checklist_upgrade", frame)->IsShown());
    CHECK(page.KeptTopics() == std::vector<std::string>{"old-topic"});
    page.SelectTopic("old-topic");
    Pump(2);
    CHECK(Find<wxTextCtrl>("topic_note", frame)->GetValue() == "Kept note");
    CHECK_FALSE(Find<wxTextCtrl>("topic_note", frame)->IsEnabled());
    page.CycleState("old-topic"); // refused quietly: nothing to file it under
    CHECK_FALSE(frame->Document()->IsDirty());
    frame->Close(true);
    Pump();
}
