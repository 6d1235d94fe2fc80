// The deep interview, the forms and client mode through the real window: tick a
// topic and link it to a person and a session, follow it to the map and back,
// tick from the note editor's checklist panel, let the client fill in a start
// form in client mode (a wrong password keeps client mode on), see the answers
// on the Forms tab, and count the year's statistics.
#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "common/CheckRows.h"

#include "common/Translations.h"
#include "dialogs/StatsDialog.h"
#include "forms/ClientModeFrame.h"
#include "forms/FormsPage.h"
#include "interview/InterviewPage.h"
#include "journal/ChecklistSidePanel.h"
#include "map/MapCanvas.h"
#include "map/MapPage.h"
#include "shell/MainFrame.h"

#include "kartbok/genogram/Scaffold.h"
#include "kartbok/journal/FormCommands.h"
#include "kartbok/journal/SessionCommands.h"

#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/datetime.h>
#include <wx/notebook.h>
#include <wx/radiobox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;

namespace {

MainFrame* OpenUnlocked(const TempVault& v, const std::string& language) {
    MainFrame* frame = OpenUnlockedFrame(v, language);
    REQUIRE(frame->OpenCase(v.firstId));
    Pump();
    return frame;
}

/// A first session, so a topic has somewhere to have come up.
std::string AddFirstSession(CaseDocument& doc) {
    journal::Session s;
    s.id = "5e55a0aa-0000-4000-8000-000000000001";
    s.start = wxDateTime(14, wxDateTime::Mar, 2026, 10, 0).GetTicks();
    s.type = journal::SessionType::Individual;
    doc.Execute(std::make_unique<CaseEdit>(std::make_unique<journal::AddSession>(s), "session"));
    return s.id;
}

/// Ticks a tick box as a click would, event included.
void Toggle(wxCheckBox* box) {
    REQUIRE(box != nullptr);
    box->SetValue(!box->GetValue());
    wxCommandEvent e(wxEVT_CHECKBOX, box->GetId());
    e.SetInt(box->GetValue());
    e.SetEventObject(box);
    box->GetEventHandler()->ProcessEvent(e);
    Pump(2);
}

/// Ticks the row with these words in a list of tick boxes.
void CheckRow(CheckRows* list, const wxString& label) {
    REQUIRE(list != nullptr);
    for (unsigned i = 0; i < list->GetCount(); ++i)
        if (list->GetString(i) == label) {
            Toggle(Find<wxCheckBox>(wxString::Format("%s_%u", list->GetName(), i).c_str(), list));
            return;
        }
    FAIL("no row " << label);
}

void SelectTab(MainFrame* frame, wxWindow* page) {
    frame->Tabs().SetSelection(frame->Tabs().FindPage(page));
    Pump(4);
}

const journal::TopicEntry* EntryOf(const journal::Case& c, const std::string& item) {
    for (const auto& run : c.checklists)
        if (run.templateId == "deep-interview")
            for (const auto& e : run.entries)
                if (e.itemId == item)
                    return &e;
    return nullptr;
}

} // namespace

namespace {

/// One click on the topic's icon (not yet -> partly); then covered, with a note, the
/// session and the father; and one more topic partly, for the progress line.
void TickChildhoodTopic(MainFrame* frame, const std::string& session) {
    auto& doc = *frame->Document();
    const genogram::ScaffoldIds ids;
    auto& page = frame->Interview();
    page.SelectTopic("childhood");
    auto* tree = Find<wxTreeCtrl>("topic_tree", frame);
    REQUIRE(tree);
    wxRect text;
    REQUIRE(tree->GetBoundingRect(tree->GetSelection(), text, true));
    ClickAt(tree, wxPoint(text.x - tree->FromDIP(10), text.y + text.height / 2));
    Pump(4);
    REQUIRE(EntryOf(doc.Case(), "childhood"));
    CHECK(EntryOf(doc.Case(), "childhood")->state == journal::TopicState::Partly);

    // Covered, with a note, the session and the father.
    auto* state = Find<wxRadioBox>("topic_state", frame);
    state->SetSelection(2);
    wxCommandEvent picked(wxEVT_RADIOBOX, state->GetId());
    picked.SetInt(2);
    picked.SetEventObject(state);
    state->GetEventHandler()->ProcessEvent(picked);
    CheckRow(Find<CheckRows>("topic_sessions", frame),
             wxString::FromUTF8("2026-03-14 · Individual"));
    CheckRow(Find<CheckRows>("topic_people", frame), "Lars (father)");
    Find<wxTextCtrl>("topic_note", frame)->SetFocus();
    Pump();
    TypeText("Moved twice before school");
    Pump(4);

    const auto* entry = EntryOf(doc.Case(), "childhood");
    REQUIRE(entry);
    CHECK(entry->state == journal::TopicState::Covered);
    CHECK(entry->note == "Moved twice before school");
    CHECK(entry->sessionIds == std::vector<std::string>{session});
    CHECK(entry->people == std::vector<genogram::PersonId>{ids.father});
    CHECK(page.ProgressText().StartsWith("1 of "));
    // One more topic, partly, for the progress line and the picture.
    page.CycleState("childhood-school");
    CHECK(page.ProgressText().Contains("1 partly"));
    page.SelectTopic("childhood");
}

/// From the topic to the map the father is selected; from the map back, the
/// father's topics are listed on the interview tab.
void TopicAndMapLeadToEachOther(MainFrame* frame) {
    const genogram::ScaffoldIds ids;
    auto& page = frame->Interview();
    page.ShowOnMap();
    Pump(4);
    CHECK(frame->Tabs().GetCurrentPage() == &frame->Map());
    CHECK(frame->Map().Canvas().SelectedPeople() == std::set<genogram::PersonId>{ids.father});

    // From the map back: the father's topics are listed on the interview tab.
    frame->Map().Canvas().SelectPerson(ids.father);
    SelectTab(frame, &page);
    REQUIRE(page.PersonTopicRows().size() == 1);
    CHECK(page.PersonTopicRows()[0] == "Childhood | Covered");
    Screenshot(*frame, "interview.png");
    frame->Map().Canvas().SelectPerson(ids.mother);
    SelectTab(frame, &frame->Map());
    SelectTab(frame, &page);
    CHECK(page.PersonTopicRows().empty());
}

} // namespace

TEST_CASE("a topic is ticked, linked to a person and a session, and found from the map",
          "[gui][interview]") {
    TempVault v;
    MainFrame* frame = OpenUnlocked(v, "en");
    auto& doc = *frame->Document();
    const std::string session = AddFirstSession(doc);
    auto& page = frame->Interview();
    SelectTab(frame, &page);
    CHECK(page.ProgressText().StartsWith("0 of "));

    TickChildhoodTopic(frame, session);
    TopicAndMapLeadToEachOther(frame);

    // Undo takes the last change back through the one command path.
    frame->Undo();
    const auto* school = EntryOf(doc.Case(), "childhood-school");
    CHECK((school == nullptr || school->state == journal::TopicState::NotYet));
    CHECK(EntryOf(doc.Case(), "childhood")->state == journal::TopicState::Covered);

    // In Swedish too.
    Preferences sv = frame->Prefs();
    sv.language = "sv";
    frame->ApplyPreferences(sv);
    Pump(6);
    SelectTab(frame, &frame->Interview());
    frame->Interview().SelectTopic("childhood");
    CHECK(frame->Interview().ProgressText().Contains("av"));
    Screenshot(*frame, "interview-sv.png");
    frame->Close(true);
    Pump();
}

TEST_CASE("the note editor's checklist panel links a topic to the session being written",
          "[gui][interview]") {
    TempVault v;
    MainFrame* frame = OpenUnlocked(v, "en");
    auto& doc = *frame->Document();
    const std::string session = AddFirstSession(doc);

    auto* host = new wxFrame(frame, wxID_ANY, "side panel");
    auto* panel = new ChecklistSidePanel(host, doc, session);
    host->SetSize(320, 600);
    host->Show();
    Pump();
    REQUIRE(!panel->Items().empty());
    const std::string item = panel->Items()[2];
    auto* box = Find<wxCheckBox>(("topic_" + item).c_str(), host);
    REQUIRE(box);
    Click(box);
    const auto* entry = EntryOf(doc.Case(), item);
    REQUIRE(entry);
    CHECK(entry->state == journal::TopicState::Covered);
    CHECK(entry->sessionIds == std::vector<std::string>{session});
    CHECK(box->GetValue());
    CHECK(panel->IsTicked(item));
    // Unticking unlinks the session; the state stays what the therapist set.
    Click(box);
    CHECK(EntryOf(doc.Case(), item)->sessionIds.empty());
    host->Destroy();
    frame->Close(true);
    Pump();
}

namespace {

/// The client answers three questions in client mode; a wrong password keeps client
/// mode on, the right one stores the answers as one start form.
void ClientFillsStartForm(MainFrame* frame, const TempVault& v) {
    auto& doc = *frame->Document();
    auto& forms = frame->Forms();
    ClientModeFrame* client = forms.FillInForm(journal::FormPhase::Start);
    REQUIRE(client);
    Pump(6);
    client->SetAnswer("bought-sex-ever", "yes");
    client->SetAnswer("problem-behaviour-frequency", "weekly");
    client->SetAnswer("behaviour-destructive-self", "4");
    Pump(4);
    Screenshot(*client, "client-mode.png");
    // Nothing of the case on the client's screen.
    CHECK(client->GetMenuBar() == nullptr);
    CHECK(!client->GetTitle().Contains(wxString::FromUTF8(doc.Case().code)));

    CHECK_FALSE(client->TryLeave("not the password"));
    CHECK(forms.ClientMode() == client);
    CHECK(!client->PasswordError().empty());
    CHECK(doc.Case().forms.empty());
    Screenshot(*client, "client-mode-password.png");

    REQUIRE(client->TryLeave(v.password));
    Pump(4);
    CHECK(forms.ClientMode() == nullptr);
    REQUIRE(doc.Case().forms.size() == 1);
    const auto& response = doc.Case().forms[0];
    CHECK(response.templateId == "form-start");
    CHECK(response.templateVersion >= 1);
    CHECK(response.phase == journal::FormPhase::Start);
    CHECK(response.answers.size() == 3);
}

/// An end form (typed in from paper) makes the change over time visible.
void EndFormShowsChange(MainFrame* frame) {
    auto& doc = *frame->Document();
    auto& forms = frame->Forms();
    const auto& response = doc.Case().forms[0];
    journal::FormResponse end;
    end.id = "f0f0f0f0-0000-4000-8000-000000000002";
    end.templateId = "form-end";
    end.templateVersion = 1;
    end.phase = journal::FormPhase::End;
    end.date = response.date; // typed in the same day, for the picture
    end.answers = {{"problem-behaviour-frequency", "less-than-monthly"},
                   {"behaviour-destructive-self", "2"}};
    doc.Execute(std::make_unique<CaseEdit>(std::make_unique<journal::AddFormResponse>(end), "end"));
    Pump(4);
    CHECK(forms.PhaseText(0).StartsWith("Start: 20"));
    CHECK(forms.PhaseText(1).StartsWith("End: 20"));
    bool found = false;
    for (long r = 0; r < forms.AnswerRows(); ++r)
        if (forms.AnswerCell(r, 0).Contains("destructive for myself")) {
            found = true;
            CHECK(forms.AnswerCell(r, 1) == "Mostly true");
            CHECK(forms.AnswerCell(r, 2) == "Mostly not true");
        }
    CHECK(found);
    Screenshot(*frame, "forms.png");
}

/// The year's counts over every case of the vault.
void YearStatisticsCountTheForm(MainFrame* frame) {
    {
        StatsDialog stats(frame, *frame->Vault());
        REQUIRE(frame->SaveNow());
        REQUIRE(stats.Compute(wxDateTime::Today().GetYear()));
        CHECK(stats.Rows() > 5);
        CHECK(stats.Statistics().withForm[0] == 1);
        CHECK(stats.Cell(0, 0) == "Table 1. Answers at the start of treatment");
        CHECK(stats.Cell(1, 1) == "<5"); // one form: suppressed
        const auto csv = std::filesystem::temp_directory_path() / "kartbok-interview-stats.csv";
        stats.ExportCounts(csv);
        std::ifstream in(csv);
        std::stringstream text;
        text << in.rdbuf();
        CHECK(text.str().find("from,to,view,measure") != std::string::npos);
        CHECK(text.str().find("KB-001") == std::string::npos);
        std::filesystem::remove(csv);
    }
}

} // namespace

TEST_CASE("the client fills in the start form in client mode; only the password leaves it",
          "[gui][interview]") {
    TempVault v;
    MainFrame* frame = OpenUnlocked(v, "en");
    auto& forms = frame->Forms();
    SelectTab(frame, &forms);

    ClientFillsStartForm(frame, v);
    EndFormShowsChange(frame);
    YearStatisticsCountTheForm(frame);

    Preferences sv = frame->Prefs();
    sv.language = "sv";
    frame->ApplyPreferences(sv);
    Pump(6);
    SelectTab(frame, &frame->Forms());
    Screenshot(*frame, "forms-sv.png");
    frame->Close(true);
    Pump();
}

TEST_CASE("an interview change undone from the map shows on the interview tab when it is shown",
          "[gui][interview]") {
    // Hidden, the interview tab waits for the next look instead of rebuilding
    // on every map edit (that made a map edit cost 3-6x its repaint budget).
    TempVault v;
    MainFrame* frame = OpenUnlocked(v, "en");
    InterviewPage* page = &frame->Interview(); // held, so nothing below refreshes it
    SelectTab(frame, page);
    page->CycleState("childhood-school");
    auto* shown = Find<wxStaticText>("checklist_progress", frame); // what the tab shows
    REQUIRE(shown);
    CHECK(shown->GetLabelText().Contains("1 partly"));
    SelectTab(frame, &frame->Map());
    frame->Undo();
    Pump(2);
    CHECK(shown->GetLabelText().Contains("1 partly")); // hidden: not rebuilt yet
    SelectTab(frame, page);
    Pump(2);
    CHECK_FALSE(shown->GetLabelText().Contains("partly"));
    frame->Close(true);
    Pump();
}
