// The app's wx-free half (kartbok_app_model), tested without a display: the
// command line, dates as typed, the client list, the document's command path
// (undo stops at a signature), the map presenter.
#include <catch2/catch.hpp>

#include "DocumentFixture.h"
#include "model/CaseDocument.h"
#include "model/ClientListPresenter.h"
#include "model/CommandLine.h"
#include "model/FuzzyDateText.h"
#include "model/MapPresenter.h"

#include "kartbok/genogram/Scaffold.h"
#include "kartbok/journal/CaseCommands.h"
#include "kartbok/journal/SessionCommands.h"
#include "kartbok/vault/Vault.h"

using namespace kartbok;
using namespace kartbok::app;
using genogram::FuzzyDate;

TEST_CASE("the command line never takes a password", "[app][presenter]") {
    auto cl = ParseCommandLine({"--vault", "/v", "--password-env", "PW", "--case", "KB-1", "--lang",
                                "sv", "--screenshot", "/tmp/x.png"});
    CHECK(cl.error.empty());
    CHECK(cl.vault == "/v");
    CHECK(cl.passwordEnv == "PW");
    CHECK(cl.caseCode == "KB-1");
    CHECK(cl.language == "sv");
    CHECK(cl.screenshot == "/tmp/x.png");
    CHECK_FALSE(ParseCommandLine({"--password", "secret"}).error.empty());
    CHECK_FALSE(ParseCommandLine({"--lang", "de"}).error.empty());
    CHECK_FALSE(ParseCommandLine({"--vault"}).error.empty());
    CHECK_FALSE(ParseCommandLine({"--password-env", "PW"}).error.empty());
}

TEST_CASE("dates are typed the way clinicians know them", "[app][presenter]") {
    CHECK(ParseFuzzyDate("") == FuzzyDate{});
    CHECK(ParseFuzzyDate("1950") == FuzzyDate::Year(1950));
    CHECK(ParseFuzzyDate(" ca 1950 ") == FuzzyDate::About(1950));
    CHECK(ParseFuzzyDate("~1950") == FuzzyDate::About(1950));
    CHECK(ParseFuzzyDate("omkr 1950") == FuzzyDate::About(1950));
    CHECK(ParseFuzzyDate("1950-03-14") == FuzzyDate::Full(1950, 3, 14));
    CHECK_FALSE(ParseFuzzyDate("19").has_value());
    CHECK_FALSE(ParseFuzzyDate("1950-02-30").has_value());
    CHECK_FALSE(ParseFuzzyDate("cab").has_value());
    for (auto d : {FuzzyDate{}, FuzzyDate::Year(1931), FuzzyDate::About(1890),
                   FuzzyDate::Full(2001, 12, 31)})
        CHECK(ParseFuzzyDate(FormatFuzzyDate(d)) == d);
}

TEST_CASE("the client list filters by code and status and hides archived cases",
          "[app][presenter]") {
    using journal::CaseStatus;
    std::vector<vault::CaseSummary> cases(3);
    cases[0].id = "a";
    cases[0].code = "GBG-2";
    cases[0].status = CaseStatus::Ongoing;
    cases[1].id = "b";
    cases[1].code = "GBG-1";
    cases[1].status = CaseStatus::Ended;
    cases[1].followUpDue = {2020, 1, 1};
    cases[2].id = "c";
    cases[2].code = "STH-1";
    cases[2].status = CaseStatus::Archived;
    const journal::Date today{2026, 1, 1};

    auto rows = BuildClientRows(cases, {}, today);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].code == "GBG-1"); // sorted by code
    CHECK(rows[0].followUpOverdue);
    CHECK_FALSE(rows[1].followUpOverdue);
    CHECK(BuildClientRows(cases, {"sth", std::nullopt, false}, today).empty());
    CHECK(BuildClientRows(cases, {"sth", CaseStatus::Archived, false}, today).size() == 1);
    CHECK(BuildClientRows(cases, {"", CaseStatus::Ended, false}, today).size() == 1);
}

TEST_CASE("the map presenter reruns the layout only when structure changes", "[app][presenter]") {
    auto family = genogram::Scaffold("Anna", genogram::Gender::Woman);
    MapPresenter presenter;
    presenter.Update(family);
    CHECK(presenter.LayoutRuns() == 1);
    family.people[0].note = "a note";
    family.people[0].givenNames = "Annika";
    presenter.Update(family);
    CHECK(presenter.LayoutRuns() == 1);
    family.people[0].nudgeX = 20;
    presenter.Update(family);
    CHECK(presenter.LayoutRuns() == 2);

    const auto& centres = presenter.Scene().personCentres;
    const auto client = centres.at(1);
    CHECK(presenter.HitTest(client, 2) == MapHit{genogram::SceneItem::Owner::Person, 1});
    CHECK(presenter.HitTest({client.x + 500, client.y + 500}, 2).id == genogram::kNoId);
}

TEST_CASE("a signature cannot be undone in the app, nor anything before it", "[app][presenter]") {
    test::DocumentFixture f;
    auto& doc = *f.doc;
    journal::Session s;
    s.id = "5e551000-0000-4000-8000-000000000001";
    s.start = 1760000000;
    s.templateId = "note-free";
    s.templateVersion = 1;
    s.fields = {{"note", "Samtal."}};
    doc.Execute(std::make_unique<CaseEdit>(std::make_unique<journal::AddSession>(s), "Add note"));
    CHECK(doc.CanUndo());
    doc.Execute(std::make_unique<CaseEdit>(
        std::make_unique<journal::SignSession>(s.id, "tester", s.start + 3600), "Sign note"));
    CHECK_FALSE(doc.CanUndo());
    CHECK(doc.IsDirty()); // the signature still has to reach the disk
    doc.Undo();           // no-op
    CHECK(doc.Case().FindSession(s.id)->isSigned);
    doc.Save();
    CHECK_FALSE(doc.IsDirty());
    CHECK(f.vault->LoadCase(doc.Id()).FindSession(s.id)->isSigned);
}

TEST_CASE("archiving a client is one save, audited as archive", "[app][presenter][audit]") {
    test::DocumentFixture f;
    auto& doc = *f.doc;
    const std::size_t before = f.vault->ReadAudit().size();
    auto fields = journal::FieldsOf(doc.Case());
    fields.status = journal::CaseStatus::Archived;
    doc.Execute(std::make_unique<CaseEdit>(std::make_unique<journal::SetCaseFields>(fields),
                                           "Archive client"));
    doc.Save();
    const auto log = f.vault->ReadAudit();
    REQUIRE(log.size() == before + 1);
    CHECK(log.back().action == vault::AuditAction::Archive);
    CHECK(log.back().caseId == doc.Id());
    CHECK(log.back().detail == "Archive case");
}
