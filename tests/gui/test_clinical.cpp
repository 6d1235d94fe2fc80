// The clinical model through the real window: a relative's own case made from
// the index client's (joint sessions shown as joint, without their text), the
// intake in the case header, treatment closed, follow-up outcomes and a further
// follow-up, reopening as a new episode, the forms tab never "missing" before
// due and showing where each question comes from, a multiple-choice question
// in client mode, and the statistics laid out like tables 1-2.
#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "common/Labels.h"
#include "common/Translations.h"
#include "dialogs/StatsDialog.h"
#include "dialogs/TreatmentDialog.h"
#include "forms/ClientModeFrame.h"
#include "forms/FormsPage.h"
#include "journal/JournalPage.h"
#include "model/JournalPresenter.h"
#include "shell/CaseHeader.h"
#include "shell/MainFrame.h"
#include "shell/MainFrameIds.h"

#include "kartbok/genogram/Queries.h"
#include "kartbok/journal/Dates.h"
#include "kartbok/journal/SessionCommands.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/stattext.h>

#include <algorithm>
#include <cstdlib>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;

namespace {

MainFrame* Open(const TempVault& v, const std::string& language = "en") {
    return OpenUnlockedFrame(v, language);
}

std::vector<wxString> ListColumn(wxListCtrl* list, int column) {
    std::vector<wxString> out;
    for (long i = 0; i < list->GetItemCount(); ++i) {
        wxListItem item;
        item.SetId(i);
        item.SetColumn(column);
        item.SetMask(wxLIST_MASK_TEXT);
        list->GetItem(item);
        out.push_back(item.GetText());
    }
    return out;
}

bool Contains(const std::vector<wxString>& cells, const wxString& text) {
    for (const auto& c : cells)
        if (c.Contains(text))
            return true;
    return false;
}

} // namespace

TEST_CASE("a relative's own case made from the index client's shows the joint session as joint",
          "[gui][clinical]") {
    TempVault v;
    MainFrame* frame = Open(v);
    REQUIRE(frame->OpenCase(v.richId));
    CaseDocument& index = *frame->Document();
    const auto client = index.Family().IndexPerson();
    REQUIRE(client);
    const auto partner = genogram::PartnersOf(index.Family(), *client).back();
    // A joint session in the index client's case, with words only he should read.
    journal::Session joint;
    joint.id = "joint-1";
    joint.start = journal::StartOf({2026, 3, 4}) + 9 * 3600;
    joint.type = journal::SessionType::Couple;
    joint.participants = {partner};
    joint.templateId = "note-free";
    joint.templateVersion = 1;
    joint.fields = {{"note", "Han berättade om sina köp; hon var tyst."}};
    index.Execute(std::make_unique<CaseEdit>(std::make_unique<journal::AddSession>(joint), "add"));
    REQUIRE(frame->SaveNow());

    REQUIRE(frame->CreateRelativeCase("KB-REL", partner));
    Pump(6);
    CaseDocument& relative = *frame->Document();
    CHECK(relative.Case().code == "KB-REL");
    CHECK(relative.Case().relativeOf == v.richId);
    CHECK(relative.Case().relativePerson == partner);
    CHECK(frame->Header().ClinicalText().Contains(
        "Relative in parallel treatment; linked to KB-002"));
    CHECK(frame->Header().ClinicalText().Contains("Reason: Relative or partner"));
    // Her map starts with her, named as his map names her.
    const auto her = relative.Family().IndexPerson();
    REQUIRE(her);
    CHECK(relative.Family().FindPerson(*her)->givenNames ==
          frame->Vault()->LoadCase(v.richId).family.FindPerson(partner)->givenNames);

    // Her journal: the joint session by date, never its text; no "joint" type to write.
    frame->Tabs().SetSelection(kTabJournal);
    auto* page = Find<JournalPage>("journal_page", frame);
    REQUIRE(page);
    page->Sync();
    Pump(4);
    auto* sessions = Find<wxListCtrl>("session_list", frame);
    REQUIRE(sessions);
    // The list as columns, then as a timeline (one column: date, then "Joint session").
    page->SetTimeline(false);
    Pump(2);
    if (!page->TimelineShown()) { // a narrow window shows the timeline whatever is chosen
        REQUIRE(sessions->GetColumnCount() == 4);
        CHECK(Contains(ListColumn(sessions, 1), "Joint session"));
        CHECK(Contains(ListColumn(sessions, 2), "in KB-002"));
    }
    page->SetTimeline(true);
    Pump(2);
    REQUIRE(sessions->GetColumnCount() == 1);
    CHECK(Contains(ListColumn(sessions, 0), "Joint session"));
    REQUIRE(page->NewNote("note-free", false));
    Pump(4);
    auto* type = Find<wxChoice>("session_type", frame);
    REQUIRE(type);
    CHECK(type->FindString(Name(journal::SessionType::Couple)) == wxNOT_FOUND);
    CHECK(type->FindString(Name(journal::SessionType::Relative)) == wxNOT_FOUND);
    CHECK(type->FindString(Name(journal::SessionType::Individual)) != wxNOT_FOUND);
    Screenshot(*frame, "relative-case-journal.png");

    // Back to the index client: the link, by code.
    REQUIRE(frame->OpenLinkedCase());
    Pump(4);
    CHECK(frame->Document()->Id() == v.richId);
    CHECK(frame->Header().ClinicalText().Contains("Relatives' own cases: KB-REL"));
    // New notes in the index case are never a relative's alone-session either.
    const auto offered =
        SessionTypesFor(frame->Document()->Case(), journal::SessionType::Individual);
    CHECK(std::find(offered.begin(), offered.end(), journal::SessionType::Relative) ==
          offered.end());
    CHECK(std::find(offered.begin(), offered.end(), journal::SessionType::Couple) != offered.end());
    frame->Close(true);
    Pump();
}

TEST_CASE("treatment and follow-up: intake, closing, outcomes, a further follow-up, a new episode",
          "[gui][clinical]") {
    TempVault v;
    MainFrame* frame = Open(v);
    REQUIRE(frame->OpenCase(v.firstId));
    CaseDocument& doc = *frame->Document();
    auto* dialog = new TreatmentDialog(frame, doc);
    std::vector<wxString> warnings;
    dialog->warn = [&](const wxString& w) { warnings.push_back(w); };
    dialog->Show();
    Pump(4);

    REQUIRE(
        dialog->SaveIntake({{journal::SeekReason::BuyingSex}, journal::ReferralRoute::Partner}));
    Pump(2);
    CHECK(frame->Header().ClinicalText().Contains("Reason: Buying sexual services"));
    CHECK(frame->Header().ClinicalText().Contains("Referred by: The partner"));
    CHECK(Find<wxCheckBox>("intake_reason_buying-sex", dialog)->GetValue());

    REQUIRE(dialog->CloseTreatment({2026, 6, 9}, 6));
    CHECK(doc.Case().status == journal::CaseStatus::Ended);
    REQUIRE(dialog->FollowUpRows() == 1);
    CHECK(dialog->FollowUpCell(0, 0) == "2026-12-09");
    CHECK(dialog->FollowUpCell(0, 1) == "planned");

    CHECK_FALSE(dialog->RecordOutcome(0, journal::FollowUpOutcome::Declined, {2026, 1, 1}));
    CHECK(warnings.size() == 1); // before the end: refused, said why
    REQUIRE(dialog->RecordOutcome(0, journal::FollowUpOutcome::Declined, {2026, 12, 1}));
    CHECK(dialog->FollowUpCell(0, 1) == "declined");
    CHECK(dialog->FollowUpCell(0, 2) == "2026-12-01");
    CHECK_FALSE(doc.Case().followUpDue.Set()); // nothing due any more
    CHECK(frame->Header().ClinicalText().Contains("Follow-up declined 2026-12-01"));

    REQUIRE(dialog->PlanFurther({2028, 6, 9}));
    CHECK(dialog->FollowUpRows() == 2);
    CHECK(doc.Case().followUpDue == journal::Date{2028, 6, 9});
    Screenshot(*dialog, "treatment-dialog.png");

    REQUIRE(dialog->Reopen({2029, 1, 10}));
    CHECK(doc.Case().CurrentEpisode() == 2);
    CHECK(dialog->EpisodeText().Contains("Episode 2"));
    CHECK(dialog->EpisodeText().Contains("Episode 1"));
    CHECK(dialog->FollowUpRows() == 0);
    CHECK(frame->Header().ClinicalText().Contains("Treatment episode 2"));
    dialog->Destroy();
    Pump(2);

    // Each step is one undo step of the main window.
    frame->Undo();
    Pump(2);
    CHECK(doc.Case().CurrentEpisode() == 1);
    CHECK(doc.Case().followUps.size() == 2);
    REQUIRE(frame->SaveNow());
    CHECK(frame->Vault()->LoadCase(v.firstId).followUps.size() == 2);
    frame->Close(true);
    Pump();
}

TEST_CASE("the forms tab is never missing before due, shows sources, and a multiple choice "
          "is ticked in client mode",
          "[gui][clinical]") {
    TempVault v;
    MainFrame* frame = Open(v);
    REQUIRE(frame->OpenCase(v.firstId));
    CaseDocument& doc = *frame->Document();
    // Ended a month ago: the end form is to fill in now, the follow-up form not before its date.
    const journal::Date ended = journal::Today().AddMonths(-1);
    auto* close = new TreatmentDialog(frame, doc);
    REQUIRE(close->CloseTreatment(ended, 6));
    close->Destroy();
    auto& forms = frame->Forms();
    frame->Tabs().SetSelection(kTabForms);
    Pump(4);
    CHECK(forms.PhaseText(1) == "End: to fill in now");
    CHECK(forms.PhaseText(2) ==
          "Follow-up: due from " + wxString::FromUTF8(ended.AddMonths(6).Iso()));

    ClientModeFrame* client = forms.FillInForm(journal::FormPhase::Start);
    REQUIRE(client);
    Pump(6);
    auto* buying = Find<wxCheckBox>("answer_problem-behaviours_buying-sex", client);
    auto* porn = Find<wxCheckBox>("answer_problem-behaviours_internet-pornography", client);
    REQUIRE((buying && porn));
    buying->SetValue(true);
    porn->SetValue(true);
    client->SetAnswer("has-partner", "yes");
    CHECK(Find<wxStaticText>("source_relations-quality", client)
              ->GetLabel()
              .Contains("Clinic-defined"));
    CHECK(Find<wxStaticText>("source_has-partner", client)->GetLabel().Contains("Tabell 1"));
    Pump(4);
    Screenshot(*client, "client-mode-multiple-choice.png");
    REQUIRE(client->TryLeave(v.password));
    Pump(4);
    REQUIRE(doc.Case().forms.size() == 1);
    bool found = false;
    for (const auto& a : doc.Case().forms[0].answers)
        if (a.itemId == "problem-behaviours") {
            found = true;
            CHECK(a.value == "buying-sex,internet-pornography");
        }
    CHECK(found);
    bool shown = false;
    for (long r = 0; r < forms.AnswerRows(); ++r)
        if (forms.AnswerCell(r, 0).Contains("Which behaviours")) {
            shown = true;
            CHECK(forms.AnswerCell(r, 1) == "Buying sexual services, Pornography on the internet");
            CHECK(forms.AnswerCell(r, 4).Contains("FoU i Väst 2021"));
        }
    CHECK(shown);
    Screenshot(*frame, "forms-provenance.png");

    // A declined follow-up has no form to miss.
    auto* declined = new TreatmentDialog(frame, doc);
    REQUIRE(declined->RecordOutcome(0, journal::FollowUpOutcome::Declined, journal::Today()));
    declined->Destroy();
    Pump(2);
    CHECK(forms.PhaseText(2) == "Follow-up: none (follow-up declined)");
    frame->Close(true);
    Pump();
}

TEST_CASE("the statistics dialog is laid out like tables 1-2, with a buyers-only view",
          "[gui][clinical]") {
    TempVault v;
    {
        auto vault = vault::Vault::Open(v.dir, v.password);
        const int year = journal::Today().year;
        for (int i = 0; i < 7; ++i) {
            journal::Case c = vault.CreateCase("ST-" + std::to_string(i));
            c.firstContact = {year, 1, 10 + i};
            c.start = {year, 2, 1};
            c.status = journal::CaseStatus::Ongoing;
            c.intake.reasons = {i < 6 ? journal::SeekReason::BuyingSex
                                      : journal::SeekReason::CompulsiveSexualBehaviour};
            journal::FormResponse f{"f" + std::to_string(i),
                                    "form-start",
                                    2,
                                    journal::FormPhase::Start,
                                    {year, 2, 1},
                                    {},
                                    1};
            f.answers = {{"bought-sex-ever", i < 6 ? "yes" : "no"},
                         {"has-partner", "yes"},
                         {"behaviour-destructive-self", i < 2 ? "2" : "5"}};
            c.forms = {f};
            vault.SaveCase(c);
        }
    }
    MainFrame* frame = Open(v);
    {
        StatsDialog stats(frame, *frame->Vault());
        const int year = journal::Today().year;
        REQUIRE(stats.Compute(year, year, false));
        CHECK(stats.Cell(0, 0) == "Table 1. Answers at the start of treatment");
        CHECK(stats.Cell(1, 0) == "Filled in the self-rating form at the start of treatment");
        CHECK(stats.Cell(1, 1) == "7");
        bool partner = false, destructive = false;
        for (long r = 0; r < stats.Rows(); ++r) {
            if (stats.Cell(r, 0) == "Has a partner" && !partner) { // table 1's row
                partner = true;
                CHECK(stats.Cell(r, 1) == "7");
            }
            if (stats.Cell(r, 0) ==
                    "Finds the sexual behaviour has been destructive for themselves" &&
                !destructive) {
                destructive = true;
                CHECK(stats.Cell(r, 1) == "x"); // 5 yes, hidden: the 2 no could be worked out
                CHECK(stats.Cell(r, 2) == "<5");
            }
            CHECK_FALSE(stats.Cell(r, 1) == "1"); // never a raw small count
        }
        CHECK(partner);
        CHECK(destructive);
        // Buyers only: the evaluation's view.
        REQUIRE(stats.Compute(year, year, true));
        CHECK(stats.Cell(1, 1) == "6");
        CHECK(stats.Rows(StatsDialog::kClients) > 10);
        stats.Show();
        Pump(6);
        Screenshot(stats, "stats-tables.png");
    }
    frame->Close(true);
    Pump();
}

TEST_CASE("Client > Move a relative's sessions: an older case's alone-session goes to her own "
          "case, signed and unchanged",
          "[gui][clinical]") {
    TempVault v;
    MainFrame* frame = Open(v);
    // The index case as older versions kept it: her signed alone-session inside his case.
    journal::Session alone;
    alone.id = "5e55104d-de00-4000-8000-00000000a10e";
    alone.start = journal::StartOf({2026, 2, 10}) + 9 * 3600;
    alone.type = journal::SessionType::Relative;
    alone.templateId = "note-free";
    alone.templateVersion = 1;
    alone.fields = {{"note", "Hennes egna ord, ensam."}};
    alone.author = "anna";
    alone.isSigned = true;
    alone.signedBy = "anna";
    alone.signedAt = alone.start + 7200;
    {
        journal::Case old = frame->Vault()->LoadCase(v.richId);
        old.sessions.push_back(alone);
        frame->Vault()->SaveCase(old);
    }
    REQUIRE(frame->OpenCase(v.richId));
    REQUIRE(frame->GetMenuBar()->IsEnabled(kIdSplitRelative));

    const auto split = frame->SplitRelativeCase("KB-SPLIT", 0);
    REQUIRE(split);
    CHECK(split->movedSessionIds == std::vector<std::string>{alone.id});
    // Her case is open, with the session byte for byte; his no longer holds it.
    REQUIRE(frame->Document());
    CHECK(frame->Document()->Case().code == "KB-SPLIT");
    const journal::Session* moved = frame->Document()->Case().FindSession(alone.id);
    REQUIRE(moved);
    CHECK(*moved == alone);
    CHECK(frame->Document()->Case().relativeOf == v.richId);
    const journal::Case index = frame->Vault()->LoadCase(v.richId);
    CHECK_FALSE(index.FindSession(alone.id));
    CHECK(std::find(index.relativeCaseIds.begin(), index.relativeCaseIds.end(),
                    split->relative.id) != index.relativeCaseIds.end());
    CHECK(frame->Header().ClinicalText().Contains("Relative in parallel treatment"));
    // Back in his case there is nothing left to move.
    REQUIRE(frame->OpenLinkedCase());
    Pump(2);
    CHECK(frame->Document()->Id() == v.richId);
    CHECK_FALSE(frame->GetMenuBar()->IsEnabled(kIdSplitRelative));
    frame->Close(true);
    Pump();
}
