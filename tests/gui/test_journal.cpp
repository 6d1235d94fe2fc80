// The journal as a therapist uses it right after a session: write a note from a
// template, save, sign with Ctrl+Enter, add an addendum and correct a field (the
// old text stays, struck through), carry a note over; then the overview, the
// audit log and due dates in the client list. Presenters are checked without windows.
#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "common/CheckRows.h"
#include "common/NativeLayout.h"
#include "common/Translations.h"
#include "dialogs/AuditDialog.h"
#include "interview/InterviewPage.h"
#include "journal/ChecklistSidePanel.h"
#include "journal/JournalPage.h"
#include "journal/NoteEditor.h"
#include "journal/SignedNoteView.h"
#include "model/JournalPresenter.h"
#include "overview/OverviewPage.h"
#include "shell/ClientListPanel.h"
#include "shell/MainFrame.h"

#include "kartbok/base/Uuid.h"
#include "kartbok/journal/CaseCommands.h"
#include "kartbok/journal/ChecklistCommands.h"
#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Lifecycle.h"
#include "kartbok/journal/SessionCommands.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;

namespace {

constexpr int kJournalTab = 1;
constexpr int kOverviewTab = 4;

journal::Session Draft(const std::string& id, journal::Timestamp start,
                       journal::SessionType type = journal::SessionType::Individual) {
    journal::Session s;
    s.id = id;
    s.start = start;
    s.type = type;
    s.templateId = "note-soap";
    s.templateVersion = 1;
    s.fields = {{"subjective", "Slept badly."}, {"plan", "Continue."}};
    s.author = "tester";
    return s;
}

JournalPage* ShowJournal(MainFrame* frame) {
    frame->Tabs().SetSelection(kJournalTab);
    auto* page = Find<JournalPage>("journal_page", frame);
    REQUIRE(page != nullptr);
    page->Sync();
    Pump();
    return page;
}

} // namespace

TEST_CASE("the session list is in time order and a new note starts from the right template",
          "[gui][journal][presenter]") {
    const auto templates = journal::LoadTemplates(journal::ShippedTemplatesDir());
    journal::Case c;
    CHECK(DefaultNoteTemplate(c, templates) == "first-visit");
    c.sessions = {Draft("b", 2000), Draft("a", 1000, journal::SessionType::Couple)};
    CHECK(DefaultNoteTemplate(c, templates) == "note-soap");
    const auto rows = BuildSessionRows(c);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].id == "a");
    CHECK(rows[0].type == journal::SessionType::Couple);

    // Start from last note: the fields as they stand, on the same template.
    const auto* soap = templates.Find("note-soap");
    REQUIRE(soap != nullptr);
    const auto next = NewDraft(c, soap, base::NewUuid(), "tester", 3000, true);
    CHECK(next.Field("subjective")->text == "Slept badly.");
    CHECK(next.Field("objective")->text.empty());
    CHECK(next.start <= 3000);
    CHECK(base::NewUuid().size() == 36);
    CHECK(base::NewUuid() != base::NewUuid());

    // A note whose template is gone still shows every stored field, by id.
    journal::Session orphan = Draft("x", 1);
    orphan.templateId = "clinic-retired";
    const auto fields = NoteFields(orphan, nullptr, "en");
    REQUIRE(fields.size() == 2);
    CHECK(fields[0].title == "subjective");
    CHECK(SplitThemes(" shame, work ;shame,, ") == std::vector<std::string>{"shame", "work"});
}

TEST_CASE("the overview counts open deep-interview topics and lays out the course",
          "[gui][journal][presenter]") {
    const auto templates = journal::LoadTemplates(journal::ShippedTemplatesDir());
    const auto* deep = templates.Find("deep-interview");
    REQUIRE(deep != nullptr);
    journal::Case c;
    c.firstContact = {2026, 1, 10};
    c.sessions = {Draft("a", journal::StartOf({2026, 2, 1}))};
    c.sessions[0].nextSteps = "Bring the family photos.";
    c.checklists.push_back({deep->id,
                            deep->version,
                            {{deep->Items()[0]->id, journal::TopicState::Covered, {}, {}, {}}}});
    const auto p = ChecklistProgress(c, *deep, "en");
    CHECK(p.covered == 1);
    CHECK(p.total == static_cast<int>(deep->Items().size()));
    CHECK(p.open.size() == deep->Items().size() - 1);
    CHECK(LatestAgreedSteps(c).text == "Bring the family photos.");
    const auto t = BuildTimeline(c, {2026, 3, 1});
    CHECK(t.from == journal::Date{2026, 1, 10});
    CHECK(t.to == journal::Date{2026, 3, 1});
    REQUIRE(t.marks.size() == 2);
    CHECK(t.marks[1].kind == MarkKind::Session);
}

TEST_CASE("audit rows are newest first and filter by action, user and case",
          "[gui][journal][presenter]") {
    std::vector<vault::AuditEntry> log = {
        {1, 100, "anna", vault::AuditAction::Unlock, "", ""},
        {2, 200, "anna", vault::AuditAction::Sign, "c1", "session=s"},
        {3, 300, "bo", vault::AuditAction::Open, "c2", ""}};
    const std::map<std::string, std::string> codes{{"c1", "KB-001"}};
    auto rows = BuildAuditRows(log, codes, {});
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].user == "bo");
    CHECK(rows[0].caseCode == "c2"); // not in the index: the id, never dropped
    CHECK(rows[1].caseCode == "KB-001");
    CHECK(BuildAuditRows(log, codes, {vault::AuditAction::Sign, "", ""}).size() == 1);
    CHECK(BuildAuditRows(log, codes, {std::nullopt, "anna", ""}).size() == 2);
    CHECK(BuildAuditRows(log, codes, {std::nullopt, "", "c2"}).size() == 1);
    CHECK(AuditUsers(log) == std::vector<std::string>{"anna", "bo"});
}

TEST_CASE("the client list marks follow-ups and reviews that are due",
          "[gui][journal][presenter]") {
    std::vector<vault::CaseSummary> cases(3);
    cases[0] = {"1", "A", journal::CaseStatus::Ended, {2026, 3, 20}, {2025, 9, 1}, 5, 1};
    cases[1] = {"2", "B", journal::CaseStatus::Ended, {2026, 9, 1}, {2026, 3, 1}, 5, 1};
    cases[2] = {"3", "C", journal::CaseStatus::FollowUpDone, {}, {2020, 1, 1}, 5, 1};
    ClientFilter filter;
    auto rows = BuildClientRows(cases, filter, {2026, 3, 1});
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].due == journal::DueKind::FollowUpSoon);
    CHECK_FALSE(rows[1].due.has_value());
    CHECK(rows[2].due == journal::DueKind::RetentionReview);
    filter.dueOnly = true;
    CHECK(BuildClientRows(cases, filter, {2026, 3, 1}).size() == 2);
}

namespace {

/// The note the journal story writes, and the fields it types into.
struct WrittenNote {
    std::string id;
    std::string firstField;
    std::string secondField;
    wxTextCtrl* first = nullptr; ///< the first field's box, where typing began
};

/// Some facts, so the overview and the supervisor view have something to hide.
void GiveCaseFacts(CaseDocument& doc, journal::Date today) {
    auto fields = journal::FieldsOf(doc.Case());
    fields.name = "Johan Berg";
    fields.reasonForContact = "Came after a police contact.";
    fields.firstContact = today.AddMonths(-2);
    fields.start = today.AddMonths(-1);
    fields.status = journal::CaseStatus::Ongoing;
    doc.Execute(
        std::make_unique<CaseEdit>(std::make_unique<journal::SetCaseFields>(fields), "Edit case"));
}

/// The first note of a case starts from the first-visit guide; typed as a person
/// would, dated two weeks back (written up late), saved.
WrittenNote WriteFirstNote(MainFrame* frame, JournalPage* page, CaseDocument& doc,
                           journal::Date today) {
    auto* choice = Find<wxChoice>("note_template", page);
    REQUIRE(choice != nullptr);
    CHECK(choice->GetStringSelection() == "First visit (KAST)");
    Click(Find<wxButton>("new_note", page));
    Pump();
    REQUIRE(doc.Case().sessions.size() == 1);
    const journal::Session* s = &doc.Case().sessions[0];
    CHECK(s->templateId == "first-visit");
    CHECK_FALSE(s->isSigned);
    CHECK(s->author == "tester");
    const std::string id = s->id;
    REQUIRE(!s->fields.empty());
    const std::string firstField = s->fields[0].id;
    const std::string secondField = s->fields[1].id;

    // Typed as a person would, into the first field (it has the focus).
    auto* first = Find<wxTextCtrl>(("field_" + firstField).c_str(), page);
    REQUIRE(first != nullptr);
    first->SetFocus();
    Pump();
    TypeText("Says he wants to understand why.");
    Find<wxTextCtrl>(("field_" + secondField).c_str(), page)
        ->SetValue("Partner does not know yet.");
    Find<wxTextCtrl>("themes", page)->SetValue("shame, secrecy");
    Find<wxTextCtrl>("next_steps", page)->SetValue("Draw the family map together.");
    auto* people = Find<CheckRows>("participants", page);
    REQUIRE(people != nullptr);
    REQUIRE(people->GetCount() >= 1);
    Click(Find<wxCheckBox>("participants_0", people));
    // Dated two weeks back, as when a note is written up late.
    wxDateTime when = wxDateTime::Now() - wxDateSpan::Weeks(2);
    Find<wxTextCtrl>("date_text", Find("session_date", page))->SetValue(when.FormatISODate());
    Click(Find<wxButton>("save_draft", page));
    Pump();
    s = doc.Case().FindSession(id);
    CHECK(s->Field(firstField)->text == "Says he wants to understand why.");
    CHECK(s->Field(secondField)->text == "Partner does not know yet.");
    CHECK(s->themes == std::vector<std::string>{"shame", "secrecy"});
    CHECK(s->nextSteps == "Draw the family map together.");
    CHECK(s->participants.size() == 1);
    CHECK(journal::DateOf(s->start) < today);
    CHECK(doc.CanUndo());
    Screenshot(*frame, "journal.png");
    return {id, firstField, secondField, first};
}

/// Ctrl+Enter signs after a confirmation (answered here); with the password
/// preference off (test_writing_flow.cpp signs with the password).
void SignWithCtrlEnter(JournalPage* page, CaseDocument& doc, const WrittenNote& note) {
    page->SetSignWithPassword(false);
    wxString asked;
    page->confirm = [&](const wxString& q) {
        asked = q;
        return true;
    };
    note.first->SetFocus();
    Pump();
    Key(WXK_RETURN, wxMOD_CONTROL);
    REQUIRE(PumpUntil([&] { return doc.Case().FindSession(note.id)->isSigned; }));
    CHECK(asked.Contains("locked"));
    const journal::Session* s = doc.Case().FindSession(note.id);
    CHECK(s->signedBy == "tester");
    CHECK(Find<wxButton>("add_addendum", page)->IsShownOnScreen());
}

/// A signed note refuses edits on the command path; an addendum and a corrected
/// field are added, and on screen the old text is still there, struck through.
void AddAndCorrect(MainFrame* frame, JournalPage* page, CaseDocument& doc,
                   const WrittenNote& note) {
    const journal::Session* s = doc.Case().FindSession(note.id);
    journal::Session changed = *s;
    changed.fields[0].text = "rewritten";
    CHECK_THROWS_AS(doc.Execute(std::make_unique<CaseEdit>(
                        std::make_unique<journal::EditDraft>(changed), "edit")),
                    journal::JournalError);

    REQUIRE(page->AddAddendum("Called on Friday: he will bring his partner.", ""));
    REQUIRE(page->CorrectField(note.secondField, "Partner knows, since last week.", "Misheard"));
    Pump();
    s = doc.Case().FindSession(note.id);
    CHECK(s->addenda.size() == 2);
    CHECK(journal::CurrentText(*s, note.secondField) == "Partner knows, since last week.");
    const auto rendered = journal::RenderField(*s, note.secondField);
    REQUIRE(rendered.segments.size() == 2);
    CHECK(rendered.segments[0].struck);

    // On screen the old text is still there, struck through.
    const auto& runs = page->SignedView().Runs();
    const auto struck = std::find_if(runs.begin(), runs.end(), [](const auto& r) {
        return r.struck && r.text.find("Partner does not know yet.") != std::string::npos;
    });
    CHECK(struck != runs.end());
    CHECK(std::any_of(runs.begin(), runs.end(), [](const auto& r) {
        return !r.struck && r.text.find("Partner knows, since last week.") != std::string::npos;
    }));
    Screenshot(*frame, "journal-signed.png");
}

/// Start from last note: a second draft with the fields carried over.
void StartFromLastNote(JournalPage* page, CaseDocument& doc, const WrittenNote& note) {
    REQUIRE(page->NewNote({}, true));
    Pump();
    REQUIRE(doc.Case().sessions.size() == 2);
    const auto& second = doc.Case().sessions[1];
    CHECK_FALSE(second.isSigned);
    CHECK(second.Field(note.secondField)->text == "Partner knows, since last week.");
    CHECK(second.themes == std::vector<std::string>{"shame", "secrecy"});
}

/// Overview: the timeline holds both sessions; supervisor view hides the name.
void OverviewHidesNameForSupervisor(MainFrame* frame) {
    frame->Tabs().SetSelection(kOverviewTab);
    auto* overview = Find<OverviewPage>("overview_page", frame);
    REQUIRE(overview != nullptr);
    overview->Sync();
    Pump();
    const auto& marks = overview->TimelineView().Data().marks;
    CHECK(std::count_if(marks.begin(), marks.end(),
                        [](const TimelineMark& m) { return m.kind == MarkKind::Session; }) == 2);
    CHECK(overview->IdentityText().Contains("Johan Berg"));
    CHECK(overview->AgreedText().Contains("Draw the family map together."));
    CHECK(overview->ProgressText().Contains("0 of"));
    overview->SetSupervisorView(true);
    CHECK_FALSE(overview->IdentityText().Contains("Johan Berg"));
    CHECK_FALSE(overview->IdentityText().Contains("police"));
    Pump();
    Screenshot(*frame, "overview.png");
    overview->SetSupervisorView(false);
}

/// The audit log records the signature and the addenda, and filters to this client.
void AuditShowsSignatureAndAddenda(MainFrame* frame, CaseDocument& doc) {
    frame->SaveNow();
    {
        AuditDialog audit(frame, *frame->Vault(), doc.Id());
        audit.SetThisCaseOnly(true);
        audit.Show();
        Pump();
        const auto& rows = audit.Rows();
        CHECK(std::any_of(rows.begin(), rows.end(),
                          [](const AuditRow& r) { return r.action == vault::AuditAction::Sign; }));
        CHECK(std::all_of(rows.begin(), rows.end(),
                          [](const AuditRow& r) { return r.caseCode == "KB-001"; }));
        audit.SetActionFilter(vault::AuditAction::Addendum);
        CHECK(audit.Rows().size() == 2);
        audit.SetActionFilter(std::nullopt);
        Pump();
        Screenshot(audit, "audit.png");
    }
}

/// The same in Swedish: the signed note, the draft and the overview, then back.
void JournalInSwedish(MainFrame* frame, CaseDocument& doc, const std::string& id) {
    Preferences prefs = frame->Prefs();
    prefs.language = "sv";
    frame->ApplyPreferences(prefs);
    Pump();
    JournalPage* page = ShowJournal(frame);
    page->SelectSession(id);
    Pump();
    {
        // GTK once left the note pane unallocated (blank) after the rebuild.
        auto* view = Find<wxTextCtrl>("signed_note", frame);
        REQUIRE(view != nullptr);
        CHECK(view->IsShownOnScreen());
        CHECK(AllocatedSize(*view) == view->GetSize());
        CHECK(view->GetSize().x > 200);
    }
    Screenshot(*frame, "journal-signed-sv.png");
    page->SelectSession(doc.Case().sessions[1].id);
    Pump();
    Screenshot(*frame, "journal-sv.png");
    frame->Tabs().SetSelection(kOverviewTab);
    Find<OverviewPage>("overview_page", frame)->Sync();
    Pump();
    Screenshot(*frame, "overview-sv.png");
    prefs.language = "en";
    frame->ApplyPreferences(prefs);
    Pump();
}

} // namespace

TEST_CASE("a therapist writes a note, signs it with Ctrl+Enter, adds and corrects",
          "[gui][journal]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.firstId));
    auto* doc = frame->Document();
    const journal::Date today = Today();
    GiveCaseFacts(*doc, today);
    JournalPage* page = ShowJournal(frame);
    const WrittenNote note = WriteFirstNote(frame, page, *doc, today);
    SignWithCtrlEnter(page, *doc, note);
    AddAndCorrect(frame, page, *doc, note);
    StartFromLastNote(page, *doc, note);
    OverviewHidesNameForSupervisor(frame);
    AuditShowsSignatureAndAddenda(frame, *doc);
    JournalInSwedish(frame, *doc, note.id);
    frame->Close(true);
    Pump();
}

TEST_CASE("a topic ticked beside the note is linked to that session and counted in the interview",
          "[gui][journal][interview]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.firstId));
    JournalPage* page = ShowJournal(frame);
    REQUIRE(page->NewNote("note-soap", false));
    Pump();
    ChecklistSidePanel* side = page->Checklist();
    REQUIRE(side != nullptr);
    CHECK(side->IsShownOnScreen());
    const std::string sessionId = frame->Document()->Case().sessions.back().id;
    side->Tick("childhood-school", true);
    Pump();

    const journal::TopicEntry* entry = nullptr;
    for (const auto& run : frame->Document()->Case().checklists)
        if (run.templateId == "deep-interview")
            for (const auto& e : run.entries)
                if (e.itemId == "childhood-school")
                    entry = &e;
    REQUIRE(entry != nullptr);
    CHECK(entry->state == journal::TopicState::Covered);
    CHECK(entry->sessionIds == std::vector<std::string>{sessionId});
    Screenshot(*frame, "journal-checklist.png");

    // The Deep-interview tab counts it at once.
    frame->Tabs().SetSelection(frame->Tabs().FindPage(&frame->Interview()));
    Pump(4);
    CHECK(frame->Interview().ProgressText().Contains("1 of"));
    frame->Close(true);
    Pump();
}
