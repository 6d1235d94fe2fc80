// Help: F1 opens the user guide in the UI language; Help > Keyboard shortcuts
// lists every menu accelerator and every key of the tabs; and each map key in
// that list does what the list says.
#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "common/Translations.h"
#include "interview/InterviewPage.h"
#include "journal/JournalPage.h"
#include "map/MapCanvas.h"
#include "map/MapKeys.h"
#include "map/MapPage.h"
#include "shell/HelpFrame.h"
#include "shell/MainFrame.h"
#include "shell/ShortcutsDialog.h"

#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Scaffold.h"

#include <wx/accel.h>
#include <wx/html/htmlwin.h>
#include <wx/menu.h>

#include <algorithm>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;
using genogram::Gender;
using genogram::PersonId;

namespace {

/// Two accelerator texts name the same keys ("Ctrl+Shift+Z", however translated).
bool SameChord(const wxString& a, const wxString& b) {
    if (a.Contains(", ") || b.Contains(", ")) // "Delete, Backspace": compared as text
        return false;
    wxAcceleratorEntry ea, eb;
    return ea.FromString(a) && eb.FromString(b) && ea.GetFlags() == eb.GetFlags() &&
           ea.GetKeyCode() == eb.GetKeyCode();
}

bool Listed(const std::vector<ShortcutRow>& rows, const wxString& keys, const wxString& what) {
    return std::any_of(rows.begin(), rows.end(), [&](const ShortcutRow& r) {
        return (r.keys == keys || SameChord(r.keys, keys)) && (what.empty() || r.what == what);
    });
}

/// Every "\t<accelerator>" written in the menu labels, found by reading the
/// labels' text (not by the accelerator API the dialog uses).
std::vector<wxString> AcceleratorsInLabels(const wxMenu& menu) {
    std::vector<wxString> out;
    for (const wxMenuItem* item : menu.GetMenuItems()) {
        if (item->IsSubMenu()) {
            for (const auto& a : AcceleratorsInLabels(*item->GetSubMenu()))
                out.push_back(a);
            continue;
        }
        const wxString label = item->GetItemLabel();
        if (label.Contains("\t"))
            out.push_back(label.AfterFirst('\t'));
    }
    return out;
}

void SetLanguage(MainFrame* frame, const std::string& language) {
    Preferences prefs = frame->Prefs();
    prefs.language = language;
    frame->ApplyPreferences(prefs);
    Pump(10);
}

/// What a growth key must have made, judged from the family, not from the key.
void CheckGrown(const genogram::Family& family, PersonId from, PersonId made, Growth growth) {
    INFO("growth " << static_cast<int>(growth));
    REQUIRE(made != genogram::kNoId);
    REQUIRE(made != from);
    const Gender fromGender = family.FindPerson(from)->gender;
    const Gender gender = family.FindPerson(made)->gender;
    auto has = [](const std::vector<PersonId>& v, PersonId p) {
        return std::find(v.begin(), v.end(), p) != v.end();
    };
    switch (growth) {
    case Growth::Father:
    case Growth::Mother:
        CHECK(has(genogram::ParentsOf(family, from), made));
        CHECK(gender == (growth == Growth::Father ? Gender::Man : Gender::Woman));
        break;
    case Growth::Partner:
    case Growth::PartnerSameGender:
        CHECK(has(genogram::PartnersOf(family, from), made));
        CHECK((gender == fromGender) == (growth == Growth::PartnerSameGender));
        break;
    case Growth::Son:
    case Growth::Daughter:
        CHECK(has(genogram::ChildrenOfPerson(family, from), made));
        CHECK(gender == (growth == Growth::Son ? Gender::Man : Gender::Woman));
        break;
    case Growth::Brother:
    case Growth::Sister:
        CHECK(has(genogram::SiblingsOf(family, from), made));
        CHECK(gender == (growth == Growth::Brother ? Gender::Man : Gender::Woman));
        break;
    case Growth::Pregnancy:
        CHECK(has(genogram::ChildrenOfPerson(family, from), made));
        CHECK(family.FindPerson(made)->kind == genogram::PersonKind::Pregnancy);
        break;
    case Growth::TwinFraternal:
    case Growth::TwinIdentical: {
        CHECK(has(genogram::SiblingsOf(family, from), made));
        const genogram::ChildLink* link = family.ChildLinkOf(made);
        REQUIRE(link);
        CHECK(link->twinGroup != genogram::kNoId);
        CHECK(link->twinGroup == family.ChildLinkOf(from)->twinGroup);
        CHECK(link->twinKind == (growth == Growth::TwinIdentical ? genogram::TwinKind::Identical
                                                                 : genogram::TwinKind::Fraternal));
        break;
    }
    }
}

void FocusOn(MapCanvas& canvas, PersonId person) {
    canvas.SelectPerson(person);
    canvas.SetFocus();
    Pump();
}

/// Presses one key of the map's table with Eva selected and checks that it did
/// what Help says. True when it grew someone (undone again at once).
bool PressMapKey(MapCanvas& canvas, CaseDocument& doc, const MapKey& key, PersonId client,
                 PersonId eva) {
    FocusOn(canvas, eva);
    const std::size_t people = doc.Family().people.size();
    const double zoom = canvas.Zoom();
    switch (key.action) {
    case MapKeyAction::Twin: // one person selected: a twin is added (she needs parents)
        FocusOn(canvas, client);
        Key(key.chord.code, key.chord.modifiers);
        CheckGrown(doc.Family(), client, canvas.SelectedPerson(), key.growth);
        Key('Z', wxMOD_CONTROL);
        CHECK(doc.Family().people.size() == people);
        return true;
    case MapKeyAction::Grow:
        Key(key.chord.code, key.chord.modifiers);
        CHECK(doc.Family().people.size() > people); // a sibling may bring parents along
        CheckGrown(doc.Family(), eva, canvas.SelectedPerson(), key.growth);
        Key('Z', wxMOD_CONTROL);
        CHECK(doc.Family().people.size() == people);
        return true;
    case MapKeyAction::ZoomIn:
        Key(key.chord.code, key.chord.modifiers);
        CHECK(canvas.Zoom() > zoom);
        return false;
    case MapKeyAction::ZoomOut:
        Key(key.chord.code, key.chord.modifiers);
        CHECK(canvas.Zoom() < zoom);
        return false;
    case MapKeyAction::Fit:
        Key('+');
        Key('+');
        Key(key.chord.code, key.chord.modifiers);
        CHECK(canvas.Zoom() < zoom * 1.2 * 1.2);
        return false;
    case MapKeyAction::Delete: {
        Key('C'); // a son to delete; the key under test removes him
        const PersonId son = canvas.SelectedPerson();
        FocusOn(canvas, son);
        Key(key.chord.code, key.chord.modifiers);
        CHECK(doc.Family().FindPerson(son) == nullptr);
        CHECK(doc.Family().people.size() == people);
        return false;
    }
    case MapKeyAction::Cancel:
        Key(key.chord.code, key.chord.modifiers);
        CHECK(canvas.SelectedPeople().empty());
        return false;
    case MapKeyAction::NextCouple:
        Key(key.chord.code, key.chord.modifiers);
        CHECK(canvas.SelectedLine().owner == genogram::SceneItem::Owner::Union);
        return false;
    case MapKeyAction::CoupleEvent:
        Key(key.chord.code, key.chord.modifiers);
        CHECK(canvas.SelectedLine().owner == genogram::SceneItem::Owner::Union);
        return false;
    }
    return false;
}

} // namespace

TEST_CASE("F1 opens the user guide in the language of the window", "[gui][help]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.firstId));
    Pump(6);
    Key(WXK_F1);
    HelpFrame* guide = nullptr;
    REQUIRE(PumpUntil([&] {
        guide = dynamic_cast<HelpFrame*>(wxWindow::FindWindowByName("user_guide"));
        return guide && guide->IsShown();
    }));
    CHECK(guide->HasGuide());
    CHECK(guide->Html().ToText().Contains("Draw the family with the keyboard"));
    Pump(6);
    Screenshot(*guide, "guide-en.png");
    // At a section: its screenshot shows when the guide test has made it.
    CHECK(ShowUserGuide(frame, "map") == guide);
    Pump(6);
    Screenshot(*guide, "guide-en-map.png");

    // A language switch in the preferences takes the open guide along.
    SetLanguage(frame, "sv");
    CHECK(guide->Html().ToText().Contains(
        wxString::FromUTF8("Rita familjekartan med tangentbordet")));
    CHECK(guide->GetTitle().Contains(wxString::FromUTF8("användarhandbok")));
    guide->Raise();
    Pump(6);
    Screenshot(*guide, "guide-sv.png");

    guide->Close(true);
    SetLanguage(frame, "en");
    frame->Close(true);
    Pump();
}

TEST_CASE("Help > Keyboard shortcuts lists every key the app has", "[gui][help]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    for (const std::string language : {"en", "sv"}) {
        SetLanguage(frame, language);
        auto* dialog = new ShortcutsDialog(frame, frame->GetMenuBar());
        const auto& rows = dialog->Rows();
        // Every accelerator written in any menu, in whatever menu it sits.
        const wxMenuBar& bar = *frame->GetMenuBar();
        std::size_t accelerators = 0;
        for (std::size_t i = 0; i < bar.GetMenuCount(); ++i)
            for (const wxString& keys : AcceleratorsInLabels(*bar.GetMenu(i))) {
                ++accelerators;
                INFO(keys.utf8_str().data());
                CHECK(Listed(rows, keys, {}));
            }
        CHECK(accelerators >= 10);
        CHECK(Listed(rows, "F1", {}));
        // Every key of the tabs' tables, with its translated text.
        for (const auto& [keys, what] : MapKeyHelp())
            CHECK(Listed(rows, keys, what));
        for (const RoomKey& key : JournalPage::Keys())
            CHECK(Listed(rows, ChordText(key.chord), wxGetTranslation(key.what)));
        for (const RoomKey& key : InterviewPage::Keys())
            CHECK(Listed(rows, ChordText(key.chord), wxGetTranslation(key.what)));
        CHECK(Listed(rows, ChordText({WXK_DELETE}) + ", " + ChordText({WXK_BACK}), {}));
        // Undo is listed as Undo, not with the name of whatever would be undone.
        CHECK(Listed(rows, "Ctrl+Z", wxStripMenuCodes(_("&Undo"))));
        dialog->Show();
        Pump(6);
        Screenshot(*dialog, "shortcuts-" + language + ".png");
        dialog->Destroy();
        Pump();
    }
    SetLanguage(frame, "en");
    frame->Close(true);
    Pump();
}

TEST_CASE("every key of the map's table does what Help says", "[gui][help][map]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.firstId));
    Pump(6);
    auto& canvas = frame->Map().Canvas();
    auto& doc = *frame->Document();
    const PersonId client = *doc.Family().IndexPerson();
    // A partner with no relatives of her own: every growth key adds a new person.
    FocusOn(canvas, client);
    Key('S');
    const PersonId eva = canvas.SelectedPerson();
    REQUIRE(eva != client);
    REQUIRE(doc.Family().FindPerson(eva)->gender == Gender::Woman);

    int grown = 0;
    for (const MapKey& key : MapKeys()) {
        INFO("key " << key.chord.code << " modifiers " << key.chord.modifiers);
        if (PressMapKey(canvas, doc, key, client, eva))
            ++grown;
    }
    CHECK(grown == 11); // 8 people, a pregnancy, two twins
    frame->Close(true);
    Pump();
}
