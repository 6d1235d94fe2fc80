// The one command path over a case: validation, undo, and the lifecycle rule
// that nothing signed ever changes.

#include "CaseFixtures.h"

#include "kartbok/journal/CaseCommands.h"
#include "kartbok/journal/ChecklistCommands.h"
#include "kartbok/journal/FormCommands.h"
#include "kartbok/journal/Lifecycle.h"
#include "kartbok/journal/SessionCommands.h"

#include <catch2/catch.hpp>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

using namespace kartbok::journal;
using namespace kartbok::test;

namespace {

/// Client words that must never appear in an error message.
const std::vector<std::string> kClientWords{"Mormor", "jobbet",   "Skammen",
                                            "skam",   "partnern", "Ångest"};

/// Applies a command that must be refused: JournalError, a message mentioning
/// `expected`, no client text in it, and the case untouched.
void RequireRefused(Case& c, CaseCommand& cmd, const std::string& expected) {
    const Case before = c;
    try {
        cmd.Apply(c);
        FAIL("expected refusal: " << cmd.Describe());
    } catch (const JournalError& e) {
        const std::string message = e.what();
        INFO(message);
        CHECK_THAT(message, Catch::Matchers::Contains(expected, Catch::CaseSensitive::No));
        for (const auto& word : kClientWords)
            CHECK_THAT(message, !Catch::Matchers::Contains(word));
    }
    CHECK(c == before);
}

Addendum PlainAddendum(Timestamp t) {
    return {"terapeut.anna", t, "Klienten ringde och bekräftade nästa tid.", "", ""};
}

Session Modified(Session s, const std::function<void(Session&)>& change) {
    change(s);
    return s;
}

FormResponse RevertTestForm() {
    return {"f1", "form-start", 1, FormPhase::Start, {2026, 1, 20}, {{"has-partner", "yes"}}};
}

/// The case each command of the revert test starts from: notes s1 (signed)
/// and s2 (draft), start form f1, a deep-interview run with one entry.
Case RevertTestCase() {
    Case c = CaseWithNotes();
    AddFormResponse(RevertTestForm()).Apply(c);
    SetTopic("deep-interview", 1, TopicEntry{"childhood", TopicState::Partly, "", {"s2"}, {}})
        .Apply(c);
    return c;
}

using Factories = std::vector<std::pair<const char*, std::function<CaseCommandPtr()>>>;

/// The case's own facts and its family map, and a closing as one composite.
Factories CaseCommandFactories() {
    CaseFields fields = FieldsOf(RevertTestCase());
    fields.code = "GBG-2026-015";
    fields.end = {2026, 12, 1};
    fields.followUpDue = {2027, 6, 1};
    return {
        {"set fields", [=] { return std::make_unique<SetCaseFields>(fields); }},
        {"close",
         [] {
             return std::make_unique<CloseCase>(Date{2026, 11, 30}, 5);
         }},
        {"family add",
         [] { return std::make_unique<FamilyEdit>(std::make_unique<AddPersonForTest>()); }},
        {"family remove",
         [] { return std::make_unique<FamilyEdit>(std::make_unique<RemovePersonForTest>(2)); }},
        {"composite",
         [] {
             auto comp = std::make_unique<CompositeCaseCommand>("Closing session");
             Session closing = DraftSession("close", At(2026, 11, 30));
             closing.type = SessionType::Closing;
             comp->Add(std::make_unique<AddSession>(closing));
             comp->Add(
                 std::make_unique<SignSession>("close", "terapeut.anna", At(2026, 11, 30, 15)));
             comp->Add(std::make_unique<CloseCase>());
             return comp;
         }},
    };
}

/// Drafts, signatures, addenda and corrections.
Factories SessionCommandFactories() {
    Session edited = DraftSession("s2", At(2026, 2, 3));
    edited.fields[1].text = "Ny bedömning.";
    edited.participants = {2};
    return {
        {"add session",
         [] { return std::make_unique<AddSession>(DraftSession("n1", At(2026, 3, 1))); }},
        {"edit draft", [=] { return std::make_unique<EditDraft>(edited); }},
        {"delete draft", [] { return std::make_unique<DeleteDraft>("s2"); }},
        {"sign",
         [] { return std::make_unique<SignSession>("s2", "terapeut.anna", At(2026, 2, 3, 16)); }},
        {"addendum",
         [] { return std::make_unique<AddAddendum>("s1", PlainAddendum(At(2026, 1, 21))); }},
        {"correction",
         [] {
             return MakeCorrection("s1", "plan", "Ny", "Fel", "terapeut.anna", At(2026, 1, 21));
         }},
    };
}

/// Checklist entries and runs, and form responses.
Factories ChecklistAndFormCommandFactories() {
    FormResponse changed = RevertTestForm();
    changed.answers[0].value = "no";
    ChecklistRun upgraded{
        "deep-interview", 2, {{"childhood-new", TopicState::Covered, "", {}, {}}}};
    return {
        {"topic new run",
         [] {
             return std::make_unique<SetTopic>("relatives-support", 1, Topic("loss-of-control"));
         }},
        {"topic new entry",
         [] {
             return std::make_unique<SetTopic>("deep-interview", 1,
                                               Topic("puberty", TopicState::Covered));
         }},
        {"topic change",
         [] {
             return std::make_unique<SetTopic>(
                 "deep-interview", 1,
                 TopicEntry{"childhood", TopicState::Covered, "Anteckning", {"s1"}, {1}});
         }},
        {"upgrade checklist", [=] { return std::make_unique<UpgradeChecklist>(upgraded); }},
        {"add form",
         [] {
             return std::make_unique<AddFormResponse>(
                 FormResponse{"f2", "form-end", 1, FormPhase::End, {2026, 12, 1}, {}});
         }},
        {"set form", [=] { return std::make_unique<SetFormResponse>(changed); }},
        {"delete form", [] { return std::make_unique<DeleteFormResponse>("f1"); }},
    };
}

} // namespace

TEST_CASE("a note goes from draft to signed to addenda", "[journal]") {
    Case c = SampleCase();
    AddSession add(DraftSession("n1", At(2026, 2, 10)));
    add.Apply(c);
    REQUIRE(c.FindSession("n1"));
    CHECK_FALSE(IsLocked(*c.FindSession("n1")));

    // While a draft, the note can be rewritten freely.
    Session edited = *c.FindSession("n1");
    edited.fields[0].text = "Omskriven text.";
    edited.themes.push_back("sorg");
    EditDraft edit(edited);
    edit.Apply(c);
    CHECK(c.FindSession("n1")->fields[0].text == "Omskriven text.");

    SignSession sign("n1", "terapeut.anna", At(2026, 2, 10, 14));
    sign.Apply(c);
    const Session& s = *c.FindSession("n1");
    CHECK(IsLocked(s));
    CHECK(s.signedBy == "terapeut.anna");
    CHECK(sign.Kind() == CommandKind::Sign);

    AddAddendum addendum("n1", PlainAddendum(At(2026, 2, 11)));
    addendum.Apply(c);
    CHECK(addendum.Kind() == CommandKind::Addendum);
    auto correction = MakeCorrection("n1", "plan", "Fortsätta med djupintervjun.",
                                     "Fel ämne angivet", "terapeut.anna", At(2026, 2, 12));
    correction->Apply(c);
    CHECK(correction->Kind() == CommandKind::Correction);
    CHECK(correction->SessionId() == "n1");

    const Session& after = *c.FindSession("n1");
    REQUIRE(after.addenda.size() == 2);
    CHECK(after.Field("plan")->text == "Fortsätta med familjekartan."); // the original stays
    CHECK(CurrentText(after, "plan") == "Fortsätta med djupintervjun.");
    CHECK(PlainAddenda(after).size() == 1);
}

TEST_CASE("a signed note refuses every change except addenda", "[journal]") {
    Case c = CaseWithNotes();
    const Session signedNote = *c.FindSession("s1");

    SECTION("editing any part of it") {
        const std::vector<std::function<void(Session&)>> changes{
            [](Session& s) { s.fields[0].text = "Ny text"; },
            [](Session& s) {
                s.fields.push_back({"extra", "x"});
            },
            [](Session& s) { s.start += 86400; },
            [](Session& s) { s.minutes = 90; },
            [](Session& s) { s.type = SessionType::Couple; },
            [](Session& s) { s.participants = {2}; },
            [](Session& s) { s.themes = {"annat"}; },
            [](Session& s) { s.methods = {"cbt-homework"}; },
            [](Session& s) { s.nextSteps = "Något annat"; },
            [](Session& s) { s.isSigned = false; },
            [](Session& s) { s.addenda.clear(); },
        };
        for (const auto& change : changes) {
            // Whether the replacement is still "signed" or pretends to be a draft,
            // the stored note is signed, so the edit is refused.
            EditDraft edit(Modified(signedNote, change));
            RequireRefused(c, edit, "signed");
        }
    }
    SECTION("deleting it") {
        DeleteDraft del("s1");
        RequireRefused(c, del, "signed");
    }
    SECTION("signing it again") {
        SignSession sign("s1", "annan.terapeut", At(2026, 3, 1));
        RequireRefused(c, sign, "already signed");
    }
    SECTION("adding another session with its id") {
        AddSession add(DraftSession("s1", At(2026, 3, 1)));
        RequireRefused(c, add, "already");
    }
    SECTION("removing a participant from the family map") {
        FamilyEdit remove(std::make_unique<RemovePersonForTest>(3));
        RequireRefused(c, remove, "signed session s1");
        // A person who took part in no signed session can go.
        FamilyEdit removeMother(std::make_unique<RemovePersonForTest>(2));
        removeMother.Apply(c);
        CHECK(c.family.FindPerson(2) == nullptr);
    }
    SECTION("as part of a composite: all or nothing") {
        Session draft = *c.FindSession("s2");
        draft.nextSteps = "Ändrat";
        CompositeCaseCommand composite("Edit both");
        composite.Add(std::make_unique<EditDraft>(draft));
        composite.Add(std::make_unique<SetTopic>("deep-interview", 1, Topic("childhood")));
        composite.Add(std::make_unique<EditDraft>(
            Modified(signedNote, [](Session& s) { s.fields[0].text = "x"; })));
        RequireRefused(c, composite, "signed");
    }
    SECTION("an addendum only appends") {
        AddAddendum add("s1", PlainAddendum(At(2026, 1, 21)));
        add.Apply(c);
        Session expected = signedNote;
        expected.addenda.push_back(PlainAddendum(At(2026, 1, 21)));
        CHECK(*c.FindSession("s1") == expected);
    }
    CHECK(c.FindSession("s1")->fields == signedNote.fields);
}

TEST_CASE("drafts, signatures and addenda are validated", "[journal]") {
    Case c = CaseWithNotes();
    SECTION("addenda belong to signed notes") {
        AddAddendum add("s2", PlainAddendum(At(2026, 2, 4)));
        RequireRefused(c, add, "draft");
    }
    SECTION("an addendum needs author, text, and a time after signing") {
        Addendum a = PlainAddendum(At(2026, 1, 21));
        a.author = " ";
        AddAddendum noAuthor("s1", a);
        RequireRefused(c, noAuthor, "author");
        AddAddendum noText("s1", {"terapeut.anna", At(2026, 1, 21), "", "", ""});
        RequireRefused(c, noText, "text");
        AddAddendum early("s1", PlainAddendum(At(2026, 1, 19)));
        RequireRefused(c, early, "before the note was signed");
    }
    SECTION("a correction needs a reason and an existing field") {
        auto noReason =
            MakeCorrection("s1", "plan", "Ny plan", "", "terapeut.anna", At(2026, 1, 22));
        RequireRefused(c, *noReason, "reason");
        auto noField =
            MakeCorrection("s1", "nonexistent", "x", "fel", "terapeut.anna", At(2026, 1, 22));
        RequireRefused(c, *noField, "no field nonexistent");
    }
    SECTION("a note cannot be signed before the session") {
        SignSession early("s2", "terapeut.anna", At(2026, 2, 2));
        RequireRefused(c, early, "not taken place");
        SignSession nobody("s2", "", At(2026, 2, 4));
        RequireRefused(c, nobody, "name");
    }
    SECTION("new sessions arrive as drafts with known participants") {
        Session s = DraftSession("n1", At(2026, 3, 1));
        s.isSigned = true;
        AddSession signedOnArrival(s);
        RequireRefused(c, signedOnArrival, "draft");
        s = DraftSession("n1", At(2026, 3, 1));
        s.participants = {42};
        AddSession stranger(s);
        RequireRefused(c, stranger, "not in the family map");
        s = DraftSession("n1", At(2026, 3, 1));
        s.fields.push_back(s.fields.front());
        AddSession twice(s);
        RequireRefused(c, twice, "same id");
        AddSession noId(DraftSession("", At(2026, 3, 1)));
        RequireRefused(c, noId, "id");
    }
    SECTION("unknown sessions") {
        EditDraft edit(DraftSession("missing", 0));
        RequireRefused(c, edit, "no session missing");
        DeleteDraft del("missing");
        RequireRefused(c, del, "no session missing");
    }
    SECTION("deleting a draft unlinks it from checklist entries") {
        SetTopic topic("deep-interview", 1,
                       TopicEntry{"childhood", TopicState::Partly, "", {"s1", "s2"}, {}});
        topic.Apply(c);
        const Case before = c;
        DeleteDraft del("s2");
        del.Apply(c);
        CHECK(c.checklists[0].entries[0].sessionIds == std::vector<std::string>{"s1"});
        del.Revert(c);
        CHECK(c == before);
    }
}

TEST_CASE("corrections render the old text struck through and readable", "[journal]") {
    Case c = CaseWithNotes();
    MakeCorrection("s1", "plan", "Fortsätta med djupintervjun.", "Fel ämne", "terapeut.anna",
                   At(2026, 1, 22))
        ->Apply(c);
    AddAddendum("s1", PlainAddendum(At(2026, 1, 23))).Apply(c);
    MakeCorrection("s1", "plan", "Djupintervju och familjekarta.", "Komplettering", "handledare.bo",
                   At(2026, 1, 24))
        ->Apply(c);
    const Session& s = *c.FindSession("s1");

    const RenderedField plan = RenderField(s, "plan");
    REQUIRE(plan.segments.size() == 3);
    CHECK(plan.Corrected());
    CHECK(plan.segments[0].text == "Fortsätta med familjekartan.");
    CHECK(plan.segments[0].struck);
    CHECK_FALSE(plan.segments[0].isCorrection);
    CHECK(plan.segments[0].author == "terapeut.anna");
    CHECK(plan.segments[0].time == s.signedAt);
    CHECK(plan.segments[1].text == "Fortsätta med djupintervjun.");
    CHECK(plan.segments[1].struck);
    CHECK(plan.segments[1].reason == "Fel ämne");
    CHECK(plan.segments[2].text == "Djupintervju och familjekarta.");
    CHECK_FALSE(plan.segments[2].struck);
    CHECK(plan.segments[2].author == "handledare.bo");
    CHECK(plan.segments[2].time == At(2026, 1, 24));
    CHECK(plan.CurrentText() == "Djupintervju och familjekarta.");

    const RenderedField untouched = RenderField(s, "subjective");
    REQUIRE(untouched.segments.size() == 1);
    CHECK_FALSE(untouched.segments[0].struck);
    CHECK_FALSE(untouched.Corrected());

    auto next = MakeCorrection("s1", kNextStepsField, "Ta med ett foto.", "Fel person",
                               "terapeut.anna", At(2026, 1, 25));
    next->Apply(c);
    const RenderedField steps = RenderField(*c.FindSession("s1"), kNextStepsField);
    REQUIRE(steps.segments.size() == 2);
    CHECK(steps.segments[0].text == "Ta med ett foto av Mormor.");
    CHECK(steps.segments[0].struck);
    CHECK(steps.CurrentText() == "Ta med ett foto.");
}

TEST_CASE("case fields, closing and the follow-up interval are validated", "[journal]") {
    Case c = CaseWithNotes();
    SECTION("case details") {
        CaseFields f = FieldsOf(c);
        f.code = "";
        SetCaseFields noCode(f);
        RequireRefused(c, noCode, "client code");
        for (int months : {3, 9, 0}) {
            f = FieldsOf(c);
            f.followUpMonths = months;
            SetCaseFields bad(f);
            RequireRefused(c, bad, "4-8 months");
        }
        f = FieldsOf(c);
        f.end = {2026, 1, 1};
        SetCaseFields early(f);
        RequireRefused(c, early, "before the start date");
        f = FieldsOf(c);
        f.followUpMonths = 8;
        f.name = "Namn";
        SetCaseFields ok(f);
        ok.Apply(c);
        CHECK(c.followUpMonths == 8);
    }
    SECTION("closing takes the closing session's date") {
        Session closing = DraftSession("close", At(2027, 8, 31));
        closing.type = SessionType::Closing;
        AddSession(closing).Apply(c);
        CloseCase close;
        close.Apply(c);
        CHECK(c.end == Date{2027, 8, 31});
        CHECK(c.followUpDue == Date{2028, 2, 29}); // six months, clamped to a leap February
        CHECK(c.status == CaseStatus::Ended);
        CloseCase again({2027, 9, 1});
        RequireRefused(c, again, "already closed");
    }
    SECTION("closing needs a date and a valid interval") {
        CloseCase noDate;
        RequireRefused(c, noDate, "end date");
        CloseCase tooLate({2026, 6, 1}, 12);
        RequireRefused(c, tooLate, "4-8 months");
        CloseCase beforeStart({2025, 12, 1});
        RequireRefused(c, beforeStart, "before the start date");
        CloseCase four({2026, 10, 31}, 4);
        four.Apply(c);
        CHECK(c.followUpDue == Date{2027, 2, 28});
        CHECK(c.followUpMonths == 4);
    }
}

TEST_CASE("checklist entries and forms are validated", "[journal]") {
    Case c = CaseWithNotes();
    SetTopic first(
        "deep-interview", 1,
        TopicEntry{"family-map-three-generations", TopicState::Covered, "", {"s1"}, {1, 2}});
    first.Apply(c);
    REQUIRE(c.checklists.size() == 1);
    CHECK(c.checklists[0].templateVersion == 1);

    SetTopic otherVersion("deep-interview", 2, Topic("childhood"));
    RequireRefused(c, otherVersion, "version 1");
    SetTopic unknownSession("deep-interview", 1,
                            TopicEntry{"childhood", TopicState::Partly, "", {"zz"}, {}});
    RequireRefused(c, unknownSession, "not in this case");
    SetTopic unknownPerson("deep-interview", 1,
                           TopicEntry{"childhood", TopicState::Partly, "", {}, {9}});
    RequireRefused(c, unknownPerson, "not in the family map");
    SetTopic noItem("deep-interview", 1, Topic(""));
    RequireRefused(c, noItem, "item");

    FormResponse f{
        "f1", "form-start", 1, FormPhase::Start, {2026, 1, 20}, {{"has-partner", "yes"}}};
    AddFormResponse(f).Apply(c);
    AddFormResponse dup(f);
    RequireRefused(c, dup, "already");
    FormResponse twice = f;
    twice.id = "f2";
    twice.answers.push_back({"has-partner", "no"});
    AddFormResponse answeredTwice(twice);
    RequireRefused(c, answeredTwice, "twice");
    FormResponse undated = f;
    undated.id = "f3";
    undated.date = {};
    AddFormResponse noDate(undated);
    RequireRefused(c, noDate, "date");
    SetFormResponse missing(
        FormResponse{"nope", "form-start", 1, FormPhase::Start, {2026, 1, 1}, {}});
    RequireRefused(c, missing, "no form response");
}

TEST_CASE("every command reverts to an identical case, and redoes", "[journal]") {
    for (const auto& group :
         {CaseCommandFactories(), SessionCommandFactories(), ChecklistAndFormCommandFactories()})
        for (const auto& [name, make] : group) {
            INFO(name);
            Case c = RevertTestCase();
            const Case original = c;
            CaseCommandPtr cmd = make();
            CHECK_FALSE(cmd->Describe().empty());
            ApplyRevertRedo(c, *cmd);
            CHECK_FALSE(c == original);
            cmd->Revert(c);
            CHECK(c == original);
        }
}

TEST_CASE("commands are classified for the audit log", "[journal]") {
    CHECK(std::string(ToString(CommandKind::Sign)) == "sign");
    CHECK(std::string(ToString(CommandKind::Correction)) == "correction");
    CHECK(std::string(ToString(CommandKind::Composite)) == "composite");
    CHECK(SetTopic("a", 1, Topic("b")).Kind() == CommandKind::Checklist);
    CHECK(CloseCase().Kind() == CommandKind::Close);
    CHECK(FamilyEdit(std::make_unique<AddPersonForTest>()).Kind() == CommandKind::EditFamily);
    CHECK(FamilyEdit(std::make_unique<AddPersonForTest>()).Describe() == "Add person");
    CHECK(DeleteDraft("x").SessionId() == "x");
}
