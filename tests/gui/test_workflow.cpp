// The therapist's path through the real window, as a person would take it:
// unlock (wrong password first), open a client, grow the map by keys, undo and
// redo, draw a relation, nudge, export, lock and unlock, switch language.
#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "common/Labels.h"
#include "common/Translations.h"
#include "dialogs/UnlockDialog.h"
#include "map/InspectorPanel.h"
#include "map/MapCanvas.h"
#include "map/MapPage.h"
#include "map/PersonInspector.h"
#include "shell/CaseHeader.h"
#include "shell/ClientListPanel.h"
#include "shell/ExportActions.h"
#include "shell/MainFrame.h"

#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Scaffold.h"

#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <fstream>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;
using genogram::PersonId;

namespace {

/// A frame as `kartbok --vault DIR` opens it, with auto-lock off.
MainFrame* OpenFrame(const TempVault& v) {
    CommandLine options;
    options.vault = v.dir.string();
    Preferences prefs;
    prefs.idleLockMinutes = 0;
    prefs.language = "en";
    auto* frame = new MainFrame(options, prefs);
    frame->SetSize(60, 40, 1400, 900);
    frame->Show();
    Pump();
    frame->BeginUnlock();
    Pump();
    return frame;
}

void UnlockWith(MainFrame* frame, const std::string& password) {
    auto* dialog = frame->Unlock();
    REQUIRE(dialog != nullptr);
    auto* field = Find<wxTextCtrl>("password", dialog);
    REQUIRE(field != nullptr);
    field->SetFocus();
    Pump();
    TypeText(password.c_str());
    Key(WXK_RETURN);
}

void ClickClientRow(MainFrame* frame, int row) {
    auto* list = Find<wxListCtrl>("client_list", frame);
    REQUIRE(list != nullptr);
    wxRect rect;
    REQUIRE(list->GetItemRect(row, rect));
    ClickAt(list, rect.GetPosition() + wxPoint(20, rect.height / 2));
}

void ClickPerson(MainFrame* frame, PersonId id, int modifiers = 0) {
    auto& canvas = frame->Map().Canvas();
    const wxPoint at = canvas.PersonOnScreen(id);
    REQUIRE(at.x >= 0);
    if (modifiers) {
        wxUIActionSimulator sim;
        sim.KeyDown(WXK_CONTROL);
        ClickAt(&canvas, at);
        sim.KeyUp(WXK_CONTROL);
        Pump();
    } else {
        ClickAt(&canvas, at);
    }
}

/// The middle of a couple's partner line (the horizontal part under the symbols).
wxPoint PartnerLineOnScreen(MapCanvas& canvas, genogram::UnionId u) {
    for (const auto& item : canvas.Presenter().Scene().items)
        if (item.owner == genogram::SceneItem::Owner::Union && item.id == u)
            if (const auto* path = std::get_if<genogram::PathShape>(&item.shape);
                path && path->points.size() == 4)
                return canvas.SceneToClient(
                    {(path->points[1].x + path->points[2].x) / 2, path->points[1].y});
    FAIL("no partner line drawn");
    return {};
}

/// A wrong password says so and keeps the folder; the right one unlocks, and
/// nothing opens unasked: the screen may be shared with the next client.
void UnlockAfterAWrongPassword(MainFrame* frame, const TempVault& v) {
    Screenshot(*frame->Unlock(), "unlock.png");

    UnlockWith(frame, "not the password");
    REQUIRE(frame->IsLocked());
    REQUIRE(frame->Unlock() != nullptr);
    CHECK(
        Find<wxStaticText>("unlock_error", frame->Unlock())->GetLabel().Contains("Wrong password"));
    CHECK(Find<wxDirPickerCtrl>("vault_folder", frame->Unlock())->GetPath() == v.dir.string());
    Screenshot(*frame->Unlock(), "unlock-wrong.png");

    UnlockWith(frame, v.password);
    REQUIRE(PumpUntil([&] { return !frame->IsLocked(); }));
    REQUIRE(PumpUntil([&] { return frame->Unlock() == nullptr; }));
    CHECK(frame->Document() == nullptr);
    REQUIRE(frame->ClientList().Rows().size() == 2);
    Screenshot(*frame, "clients.png");
}

/// S adds a partner with the caret in her name, so the therapist just types;
/// C adds a child of the couple. Returns the partner (Eva).
PersonId AddPartnerAndChildByKeys(MainFrame* frame) {
    const genogram::ScaffoldIds ids;
    auto& doc = *frame->Document();
    ClickPerson(frame, ids.client);
    CHECK(frame->Map().Canvas().SelectedPerson() == ids.client);

    Key('S');
    const auto partners = genogram::PartnersOf(doc.Family(), ids.client);
    REQUIRE(partners.size() == 1);
    const PersonId eva = partners[0];
    CHECK(frame->Map().Canvas().SelectedPerson() == eva);
    CHECK(wxWindow::FindFocus() == Find<wxTextCtrl>("given_names", frame));
    TypeText("Eva");
    CHECK(doc.Family().FindPerson(eva)->givenNames == "Eva");
    Key(WXK_RETURN); // back to the map for the next key
    CHECK(wxWindow::FindFocus() == &frame->Map().Canvas());
    Screenshot(*frame, "inspector.png");

    // C adds a child of Eva and Johan's union.
    REQUIRE(wxWindow::FindFocus() == &frame->Map().Canvas());
    Key('C');
    auto children = genogram::ChildrenOfPerson(doc.Family(), ids.client);
    REQUIRE(children.size() == 1);
    CHECK(genogram::ParentsOf(doc.Family(), children[0]).size() == 2);
    CHECK(frame->GetMenuBar()->FindItem(wxID_UNDO)->GetItemLabelText() == "Undo Add son to Eva");
    Key(WXK_RETURN);
    return eva;
}

/// Undo twice (the child, then the typed name as one step), redo once.
void UndoTwiceRedoOnce(MainFrame* frame, PersonId eva) {
    const genogram::ScaffoldIds ids;
    auto& doc = *frame->Document();
    Key('Z', wxMOD_CONTROL);
    Key('Z', wxMOD_CONTROL);
    CHECK(genogram::ChildrenOfPerson(doc.Family(), ids.client).empty());
    CHECK(doc.Family().FindPerson(eva)->givenNames.empty());
    Key('Z', wxMOD_CONTROL | wxMOD_SHIFT);
    CHECK(doc.Family().FindPerson(eva)->givenNames == "Eva");
    CHECK(genogram::ChildrenOfPerson(doc.Family(), ids.client).empty());
    CHECK(frame->GetTitle().EndsWith("*"));
}

/// A pregnancy hangs from the couple; Del removes it (no relations: no question asked).
void AddAndDeletePregnancy(MainFrame* frame) {
    const genogram::ScaffoldIds ids;
    auto& doc = *frame->Document();
    ClickPerson(frame, ids.client);
    frame->Map().Grow(Growth::Pregnancy);
    const PersonId pregnancy = frame->Map().Canvas().SelectedPerson();
    REQUIRE(doc.Family().FindPerson(pregnancy) != nullptr);
    CHECK(doc.Family().FindPerson(pregnancy)->kind == genogram::PersonKind::Pregnancy);
    Key(WXK_RETURN);
    Key(WXK_DELETE);
    CHECK(doc.Family().FindPerson(pregnancy) == nullptr);
    Key('Z', wxMOD_CONTROL);
    CHECK(doc.Family().FindPerson(pregnancy) != nullptr);
    Key('Z', wxMOD_CONTROL);
    CHECK(doc.Family().FindPerson(pregnancy) == nullptr);
}

/// An emotional relation (pick the kind, click two people), then the couple's
/// partner line clicked and "separated 2012" added in the union inspector.
void DrawRelationAndSeparation(MainFrame* frame, PersonId eva) {
    const genogram::ScaffoldIds ids;
    auto& doc = *frame->Document();
    frame->Map().BeginRelation(genogram::RelationKind::Conflict);
    Pump();
    ClickPerson(frame, ids.client);
    ClickPerson(frame, ids.father);
    REQUIRE(doc.Family().relations.size() == 1);
    CHECK(doc.Family().relations[0].kind == genogram::RelationKind::Conflict);

    // Click the partner line: the inspector shows the union; add "separated 2012".
    auto& canvas = frame->Map().Canvas();
    const auto couple = genogram::UnionBetween(doc.Family(), ids.client, eva);
    ClickAt(&canvas, PartnerLineOnScreen(canvas, couple));
    REQUIRE(canvas.SelectedLine().id == couple);
    Find<wxChoice>("event_kind", frame)
        ->SetSelection(IndexOf(kUnionEvents, genogram::UnionEventKind::Separated));
    Find<wxTextCtrl>("event_year", frame)->SetFocus();
    Pump();
    TypeText("2012");
    Key(WXK_RETURN);
    REQUIRE(doc.Family().FindUnion(couple)->events.size() == 1);
    CHECK(doc.Family().FindUnion(couple)->events[0] ==
          genogram::UnionEvent{genogram::UnionEventKind::Separated, 2012});
    CHECK(doc.Family().FindUnion(couple)->Separated());
    Screenshot(*frame, "union.png");
}

/// Drag the client sideways (a nudge stored in the model); Ctrl+click two people
/// and mark them as one household.
void NudgeAndMarkHousehold(MainFrame* frame, PersonId eva) {
    const genogram::ScaffoldIds ids;
    auto& doc = *frame->Document();
    auto& canvas = frame->Map().Canvas();
    const wxPoint at = canvas.PersonOnScreen(ids.client);
    Drag(&canvas, at, at + wxPoint(70, 0));
    CHECK(doc.Family().FindPerson(ids.client)->nudgeX > 20);
    Screenshot(*frame, "relation-nudge.png");

    // Ctrl+click two people and mark them as one household.
    ClickPerson(frame, ids.client);
    ClickPerson(frame, eva, wxMOD_CONTROL);
    CHECK(canvas.SelectedPeople().size() == 2);
    Click(Find<wxWindow>("mark_household", frame));
    CHECK(doc.Family().households.size() == 1);
}

/// Export: identified and de-identified, every format; each audited first, written 0600.
void ExportMapsAudited(MainFrame* frame, const TempVault& v) {
    auto& doc = *frame->Document();
    auto mapExports = [&] {
        int n = 0;
        for (const auto& e : frame->Vault()->ReadAudit())
            if (e.action == vault::AuditAction::Export && e.caseId == doc.Id() &&
                e.detail.rfind("map ", 0) == 0)
                ++n;
        return n;
    };
    const int exportsBefore = mapExports();
    for (bool deidentify : {false, true})
        for (const char* ext : {".png", ".svg", ".pdf"}) {
            const auto file = v.dir / ((deidentify ? "map-deid" : "map") + std::string(ext));
            ExportMapFile(*frame->Vault(), doc, deidentify, file);
            CHECK(std::filesystem::file_size(file) > 500);
            CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::all) ==
                  (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
        }
    CHECK(mapExports() == exportsBefore + 6);
    auto slurp = [](const std::filesystem::path& p) {
        std::ifstream in(p, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    CHECK(slurp(v.dir / "map.svg").find("Johan") != std::string::npos);
    const std::string deid = slurp(v.dir / "map-deid.svg");
    CHECK(deid.find("Johan") == std::string::npos); // names become roles
    CHECK(deid.find("Eva") == std::string::npos);
    std::filesystem::copy_file(v.dir / "map.png",
                               std::string(KARTBOK_SCREENSHOT_DIR) + "/export.png",
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::copy_file(v.dir / "map-deid.png",
                               std::string(KARTBOK_SCREENSHOT_DIR) + "/export-deidentified.png",
                               std::filesystem::copy_options::overwrite_existing);
}

/// Ctrl+L locks: keys wiped, case hidden; unlocking resumes at the same person.
void LockAndResume(MainFrame* frame, const TempVault& v, PersonId eva) {
    ClickPerson(frame, eva);
    Key('L', wxMOD_CONTROL);
    REQUIRE(frame->IsLocked());
    CHECK(frame->Document() == nullptr);
    CHECK(frame->ClientList().Rows().empty());
    Screenshot(*frame, "locked.png");
    UnlockWith(frame, v.password);
    REQUIRE(PumpUntil([&] { return frame->Document() != nullptr; }));
    CHECK(frame->Document()->Id() == v.firstId);
    CHECK(frame->Map().Canvas().SelectedPerson() == eva);
    CHECK(frame->Document()->Family().FindPerson(eva)->givenNames == "Eva");
}

} // namespace

TEST_CASE("a therapist unlocks, draws the family with the client, and locks", "[gui]") {
    TempVault v;
    MainFrame* frame = OpenFrame(v);
    UnlockAfterAWrongPassword(frame, v);

    ClickClientRow(frame, 0); // KB-001
    REQUIRE(frame->Document() != nullptr);
    CHECK(frame->Document()->Id() == v.firstId);
    CHECK(frame->Header().BannerText().empty());
    Pump(10);
    Screenshot(*frame, "map.png");

    const PersonId eva = AddPartnerAndChildByKeys(frame);
    UndoTwiceRedoOnce(frame, eva);
    AddAndDeletePregnancy(frame);
    DrawRelationAndSeparation(frame, eva);
    NudgeAndMarkHousehold(frame, eva);

    // Autosave after a quiet second; the title loses its dirty marker.
    REQUIRE(PumpUntil([&] { return !frame->Document()->IsDirty(); }, 4000));
    CHECK_FALSE(frame->GetTitle().EndsWith("*"));

    ExportMapsAudited(frame, v);
    LockAndResume(frame, v, eva);
    frame->Close(true);
    Pump();
}

TEST_CASE("the window speaks Swedish and English", "[gui]") {
    TempVault v;
    MainFrame* frame = OpenFrame(v);
    UnlockWith(frame, v.password);
    REQUIRE(PumpUntil([&] { return !frame->IsLocked(); }));
    REQUIRE(frame->OpenCase(v.richId));
    Pump(10);
    frame->Map().Canvas().SelectPerson(*frame->Document()->Family().IndexPerson());
    Pump();
    Screenshot(*frame, "en.png");
    CHECK(frame->Tabs().GetPageText(0) == "Family map");

    Preferences prefs = frame->Prefs();
    prefs.language = "sv";
    frame->ApplyPreferences(prefs);
    Pump(10);
    CHECK(frame->Tabs().GetPageText(0) == wxString::FromUTF8("Familjekarta"));
    CHECK(frame->GetMenuBar()->GetMenuLabelText(0) == "Arkiv");
    CHECK(frame->Document()->Id() == v.richId); // the open case survives the switch
    Screenshot(*frame, "sv.png");

    prefs.language = "en";
    frame->ApplyPreferences(prefs);
    Pump();
    CHECK(frame->Tabs().GetPageText(0) == "Family map");

    // F11: full screen, large type, no inspector or client list; F11 again returns.
    Key(WXK_F11);
    Pump(10);
    CHECK(frame->Map().PresentMode());
    CHECK_FALSE(frame->Map().Inspector().IsShown());
    Screenshot(*frame, "present.png");
    Key(WXK_F11);
    Pump(10);
    CHECK_FALSE(frame->Map().PresentMode());
    CHECK(frame->Map().Inspector().IsShown());
    frame->Close(true);
    Pump();
    ApplyLanguage("en");
}
