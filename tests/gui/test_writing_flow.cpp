// Writing a note the way a therapist does right after a session: the topics
// ticked beside the note linked to the people they concern without leaving
// the journal, only living relatives offered as taking part, the start form
// due at the first visit, the wheel at its normal speed, the signature with
// the password, and a layout that stays as the therapist folded it.
#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "common/CheckRows.h"
#include "common/Preferences.h"
#include "forms/FormsPage.h"
#include "journal/ChecklistSidePanel.h"
#include "journal/JournalPage.h"
#include "journal/NoteEditor.h"
#include "journal/SignDialog.h"
#include "journal/SignedNoteView.h"
#include "shell/MainFrame.h"

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Scaffold.h"
#include "kartbok/journal/CaseCommands.h"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/notebook.h>
#include <wx/splitter.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;

namespace {

constexpr int kJournalTab = 1;
constexpr int kFormsTab = 3;

JournalPage* NewDraft(MainFrame* frame, const std::string& templateId = "note-soap") {
    frame->Tabs().SetSelection(kJournalTab);
    auto* page = &frame->Journal();
    page->Sync();
    Pump();
    REQUIRE(page->NewNote(templateId, false));
    Pump(6);
    return page;
}

/// Runs `act` on the window called `name` as soon as it is shown (a modal dialog).
void WhenShown(const char* name, std::function<void(wxWindow*)> act) {
    auto* timer = new wxTimer;
    timer->Bind(wxEVT_TIMER, [timer, name, act](wxTimerEvent&) {
        if (wxWindow* w = wxWindow::FindWindowByName(name); w && w->IsShown()) {
            timer->Stop();
            act(w);
            wxTheApp->CallAfter([timer] { delete timer; });
        }
    });
    timer->Start(50);
}

/// A turn of the mouse wheel by `notches` (negative: towards the user, scrolling down).
void Wheel(wxWindow* over, int notches) {
    wxMouseEvent e(wxEVT_MOUSEWHEEL);
    e.SetEventObject(over);
    e.m_wheelRotation = notches * 120;
    e.m_wheelDelta = 120;
    e.m_linesPerAction = 3;
    e.m_wheelAxis = wxMOUSE_WHEEL_VERTICAL;
    over->GetEventHandler()->ProcessEvent(e);
    Pump(2);
}

} // namespace

TEST_CASE("a topic ticked beside the note is linked to people from the journal itself",
          "[gui][writing]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.firstId));
    JournalPage* page = NewDraft(frame);
    ChecklistSidePanel* side = page->Checklist();
    REQUIRE(side != nullptr);
    auto* people = Find<wxButton>("topic_people_childhood-school", side);
    REQUIRE(people != nullptr);
    CHECK_FALSE(people->IsShown()); // only a topic of this session says whom it concerns

    Click(Find<wxCheckBox>("topic_childhood-school", side));
    CHECK(side->IsTicked("childhood-school"));
    CHECK(people->IsShown());
    const genogram::ScaffoldIds ids;
    side->SetPerson("childhood-school", ids.father, true);
    Pump();
    CHECK(side->DetailText("childhood-school").Contains("Lars (father)"));
    Screenshot(*frame, "journal-topic-people.png");

    const auto& runs = frame->Document()->Case().checklists;
    REQUIRE(runs.size() == 1);
    const auto entry = std::find_if(runs[0].entries.begin(), runs[0].entries.end(),
                                    [](const auto& e) { return e.itemId == "childhood-school"; });
    REQUIRE(entry != runs[0].entries.end());
    CHECK(entry->people == std::vector<genogram::PersonId>{ids.father});
    CHECK(entry->sessionIds == std::vector<std::string>{page->CurrentSessionId()});
    side->SetPerson("childhood-school", ids.father, false);
    CHECK(std::find_if(runs[0].entries.begin(), runs[0].entries.end(), [](const auto& e) {
              return e.itemId == "childhood-school";
          })->people.empty());
    frame->Close(true);
    Pump();
}

TEST_CASE("'also taking part' offers the living; a deceased person a note names stays",
          "[gui][writing]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.firstId));
    auto& doc = *frame->Document();
    const genogram::ScaffoldIds ids;
    JournalPage* page = NewDraft(frame);
    const std::string firstNote = page->CurrentSessionId();
    auto* list = Find<CheckRows>("participants", page);
    REQUIRE(list != nullptr);
    REQUIRE(list->GetCount() == 2);                  // Lars and Karin
    Click(Find<wxCheckBox>("participants_0", list)); // Lars (father) took part
    page->SaveDraft();

    // Lars dies; a new note no longer offers him, the first note keeps him.
    genogram::Person lars = *doc.Family().FindPerson(ids.father);
    lars.deceased = true;
    lars.death = genogram::FuzzyDate::Year(2026);
    doc.Execute(
        std::make_unique<CaseEdit>(std::make_unique<journal::FamilyEdit>(
                                       std::make_unique<genogram::SetPerson>(ids.father, lars)),
                                   "died"));
    NewDraft(frame);
    list = Find<CheckRows>("participants", page);
    REQUIRE(list->GetCount() == 1);
    CHECK(list->GetString(0) == "Karin (mother)");
    page->SelectSession(firstNote);
    Pump(6);
    list = Find<CheckRows>("participants", page);
    REQUIRE(list->GetCount() == 2);
    CHECK(list->GetString(0) == "Lars (father)");
    CHECK(list->IsChecked(0));
    frame->Close(true);
    Pump();
}

TEST_CASE("at the first visit the start form is due, not 'not yet due'", "[gui][writing]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.firstId));
    NewDraft(frame, "first-visit");
    frame->Tabs().SetSelection(kFormsTab);
    Pump(6);
    CHECK(frame->Forms().PhaseText(0) == "Start: to fill in now");
    CHECK(frame->Forms().PhaseText(1) == "End: not yet due");
    CHECK(frame->Forms().PhaseText(2) == "Follow-up: not yet due");
    frame->Close(true);
    Pump();
}

TEST_CASE("the wheel moves the note three lines a notch, also over a field", "[gui][writing]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.firstId));
    JournalPage* page = NewDraft(frame, "first-visit"); // a long note: it scrolls
    NoteEditor& editor = page->Editor();
    int x = 0, top = 0, after = 0;
    editor.GetViewStart(&x, &top);
    Wheel(&editor, -1);
    editor.GetViewStart(&x, &after);
    int ppuX = 0, ppuY = 0;
    editor.GetScrollPixelsPerUnit(&ppuX, &ppuY);
    CHECK(ppuY == editor.GetCharHeight());
    CHECK((after - top) * ppuY == 3 * editor.GetCharHeight());
    // Over an empty note field the note scrolls at the same speed.
    auto* field = Find<wxTextCtrl>("field_why-now", &editor);
    REQUIRE(field != nullptr);
    Wheel(field, -1);
    int further = 0;
    editor.GetViewStart(&x, &further);
    CHECK(further - after == 3);
    Wheel(&editor, 2);
    editor.GetViewStart(&x, &further);
    CHECK(further == 0);
    frame->Close(true);
    Pump();
}

TEST_CASE("signing asks the signing user's password and the note says who signed and when",
          "[gui][writing][sign]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.firstId));
    JournalPage* page = NewDraft(frame);
    const std::string id = page->CurrentSessionId();
    Click(Find<wxCheckBox>("topic_childhood-school", page->Checklist()));

    wxString problem;
    WhenShown("sign_dialog", [&](wxWindow* w) {
        auto* dialog = dynamic_cast<SignDialog*>(w);
        Find<wxTextCtrl>("sign_password", dialog)->SetValue("not my password");
        CHECK_FALSE(dialog->TrySign());
        problem = dialog->Problem();
        Screenshot(*dialog, "sign-password-wrong.png");
        Find<wxTextCtrl>("sign_password", dialog)->SetValue(v.password);
        CHECK(dialog->TrySign());
    });
    CHECK(page->Sign());
    CHECK(problem.Contains("not your password"));
    const journal::Session* s = frame->Document()->Case().FindSession(id);
    REQUIRE(s->isSigned);
    CHECK(s->signedBy == "tester");
    Pump(6);
    const wxString signature = page->SignedView().SignatureText();
    CHECK(signature.Contains("Signed by tester"));
    CHECK(signature.Contains(wxDateTime::Today().FormatISODate()));
    bool topicShown = false;
    for (const auto& run : page->SignedView().Runs())
        topicShown = topicShown || run.text.find("School") != std::string::npos;
    CHECK(topicShown);
    Screenshot(*frame, "journal-signed-topics.png");

    // Cancelling the password leaves the note a draft.
    NewDraft(frame);
    const std::string second = page->CurrentSessionId();
    WhenShown("sign_dialog",
              [](wxWindow* w) { dynamic_cast<wxDialog*>(w)->EndModal(wxID_CANCEL); });
    CHECK_FALSE(page->Sign());
    CHECK_FALSE(frame->Document()->Case().FindSession(second)->isSigned);
    frame->Close(true);
    Pump();
}

TEST_CASE("the client list and the topics fold away and stay folded", "[gui][writing][layout]") {
    TempVault v;
    {
        MainFrame* frame = OpenUnlockedFrame(v);
        REQUIRE(frame->OpenCase(v.firstId));
        CHECK(frame->ClientListShown());
        Key(WXK_F9);
        CHECK_FALSE(frame->ClientListShown());
        JournalPage* page = NewDraft(frame);
        Click(Find<wxButton>("hide_topics", page));
        CHECK_FALSE(page->TopicsShown());
        CHECK_FALSE(page->Checklist()->IsShown());
        CHECK(Find<wxButton>("show_topics", page)->IsShown());
        page->SetTimeline(true);
        frame->Close(true);
        Pump();
    }
    // A new window (the next working day) keeps it so.
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.firstId));
    Pump();
    CHECK_FALSE(frame->ClientListShown());
    CHECK(frame->Journal().TimelineShown());
    JournalPage* page = NewDraft(frame);
    CHECK_FALSE(page->Checklist()->IsShown());
    Click(Find<wxButton>("show_topics", page));
    CHECK(page->Checklist()->IsShown());
    // Without a client open the list comes back: it is how one is opened.
    frame->ShowClientList(false);
    frame->Close(true);
    Pump();
    frame = OpenUnlockedFrame(v);
    Pump();
    CHECK(frame->ClientListShown());
    frame->ShowClientList(true);
    frame->Journal().SetTimeline(false);
    frame->Close(true);
    Pump();
}
