// Forms over time: phases present and missing, answers side by side, and old
// template versions mapped so the same question stays on the same row.
#include "reports/ReportFixtures.h"

#include "kartbok/reports/Forms.h"

#include <catch2/catch.hpp>

using namespace kartbok;
using namespace kartbok::reports;
using namespace kartbok::reports::test;

namespace {

/// The one section of both test forms: the two items under their new ids.
const std::string kBehaviourSection = R"(sections:
  - id: behaviour
    title: {sv: Beteendet}
    items:
      - id: acting-out-frequency
        type: frequency
        source: clinic-defined
        title: {sv: "Hur ofta har du agerat ut de senaste tre månaderna?"}
        options:
          - {value: never, sv: Aldrig}
          - {value: monthly, sv: Varje månad}
          - {value: weekly, sv: Varje vecka}
          - {value: daily, sv: Dagligen}
      - id: mood-now
        type: scale
        source: clinic-defined
        title: {sv: "Hur mår du nu?"}
        labels:
          - {value: 1, sv: Mycket dåligt}
          - {value: 2, sv: Dåligt}
          - {value: 3, sv: Varken eller}
          - {value: 4, sv: Bra}
          - {value: 5, sv: Mycket bra}
)";

/// Version 2 of the start form: two items renamed, one retired.
const std::string kStartV2 = R"(id: form-start
version: 2
kind: form
phase: start
title: {sv: "Självskattning vid start", en: "Self-rating at start"}
)" + kBehaviourSection + R"(replaces:
  1:
    problem-behaviour-frequency: acting-out-frequency
    wellbeing: mood-now
)";

/// An end form written after the rename: it already uses the v2 ids.
const std::string kEndV1 = R"(id: form-end
version: 1
kind: form
phase: end
title: {sv: "Självskattning vid avslut"}
)" + kBehaviourSection;

journal::Template Parse(const std::string& yaml, const std::string& name) {
    auto r = journal::ParseTemplate(yaml, name);
    INFO((r.problems.empty() ? std::string() : r.problems.front().ToString()));
    REQUIRE(r.value);
    return *r.value;
}

journal::TemplateSet VersionedSet() {
    journal::TemplateSet set;
    set.templates = {Parse(kEndV1, "form-end.yaml"), Parse(kStartV2, "form-start.yaml")};
    set.origins = {journal::TemplateOrigin::Clinic, journal::TemplateOrigin::Clinic};
    return set;
}

} // namespace

TEST_CASE("answers stored under v1 of a form sit next to v2 answers under the v2 ids",
          "[reports]") {
    journal::Case c;
    c.code = "GBG-2024-001";
    c.start = {2024, 2, 1};
    c.end = {2025, 2, 1};
    c.status = journal::CaseStatus::Ended;
    journal::FormResponse start{"a", "form-start", 1, journal::FormPhase::Start, {2024, 2, 1}, {}};
    start.answers = {
        {"problem-behaviour-frequency", "weekly"}, {"wellbeing", "2"}, {"has-children", "yes"}};
    journal::FormResponse end{"b", "form-end", 1, journal::FormPhase::End, {2025, 2, 1}, {}};
    end.answers = {{"acting-out-frequency", "never"}, {"mood-now", "4"}};
    c.forms = {start, end};

    FormsOverTime forms = CollectForms(c, VersionedSet());

    const ItemRow* freq = forms.Find("acting-out-frequency");
    REQUIRE(freq);
    CHECK(freq->values[0] == "weekly");
    CHECK(freq->values[1] == "never");
    CHECK(freq->display[0] == "Varje vecka");
    CHECK(freq->ordinal[0] == 2.0); // frequency options count by position: never = 0
    CHECK(freq->ordinal[1] == 0.0);
    CHECK(freq->low == 0.0);
    CHECK(freq->high == 3.0);
    CHECK_FALSE(freq->values[2]);

    const ItemRow* mood = forms.Find("mood-now");
    REQUIRE(mood);
    CHECK(mood->ordinal[0] == 2.0);
    CHECK(mood->ordinal[1] == 4.0);
    CHECK(mood->low == 1.0);
    CHECK(mood->high == 5.0);
    CHECK_FALSE(forms.Find("problem-behaviour-frequency"));
    CHECK_FALSE(forms.Find("wellbeing"));

    // has-children was retired in version 2: kept aside, never lost.
    CHECK_FALSE(forms.Find("has-children"));
    REQUIRE(forms.retired.size() == 1);
    CHECK(forms.retired[0].itemId == "has-children");
    CHECK(forms.retired[0].value == "yes");
    CHECK(forms.retired[0].phase == journal::FormPhase::Start);

    auto charts = ChartableRows(forms);
    REQUIRE(charts.size() == 2);
    CHECK(charts[0]->itemId == "acting-out-frequency");
}

TEST_CASE("a form is missing only once it is due; a declined follow-up has none to miss",
          "[reports]") {
    journal::TemplateSet shipped = ShippedTemplates();
    journal::Case c;
    c.status = journal::CaseStatus::Enquiry;
    FormsOverTime none = CollectForms(c, shipped, "sv", {2026, 1, 1});
    for (const auto& p : none.phases) {
        CHECK_FALSE(p.expected);
        CHECK_FALSE(p.Missing());
    }

    c.status = journal::CaseStatus::Ongoing;
    c.start = {2026, 1, 10};
    FormsOverTime ongoing = CollectForms(c, shipped, "sv", {2026, 2, 1});
    CHECK(ongoing.phases[0].Missing());
    CHECK_FALSE(ongoing.phases[1].expected);
    CHECK_FALSE(ongoing.phases[2].expected);

    // Ended 2026-06-09, follow-up due 2026-12-09.
    jn::Case ended = FinishedCase();
    FormsOverTime closingDay = CollectForms(ended, shipped, "sv", {2026, 6, 9});
    CHECK(closingDay.phases[0].present);
    CHECK(closingDay.phases[0].date == jn::Date{2025, 6, 3});
    CHECK(closingDay.phases[1].present);
    CHECK_FALSE(closingDay.phases[2].Missing()); // the day the case closes: not due
    CHECK(closingDay.phases[2].dueFrom == jn::Date{2026, 12, 9});
    CHECK(closingDay.PresentCount() == 2);
    CHECK_FALSE(
        CollectForms(ended, shipped, "sv", {2026, 12, 5}).phases[2].Missing()); // 4 days before
    CHECK(
        CollectForms(ended, shipped, "sv", {2026, 12, 9}).phases[2].Missing()); // due from its date

    ended.followUps[0].outcome = jn::FollowUpOutcome::Declined;
    ended.followUps[0].outcomeDate = {2026, 12, 1};
    FormsOverTime declined = CollectForms(ended, shipped, "sv", {2027, 1, 1});
    CHECK_FALSE(declined.phases[2].Missing());
    CHECK(declined.phases[2].followUpOutcome == jn::FollowUpOutcome::Declined);

    ended.followUps[0].outcome = jn::FollowUpOutcome::Held;
    ended.followUps[0].outcomeDate = {2026, 11, 30}; // held early: the form goes with it
    CHECK(CollectForms(ended, shipped, "sv", {2026, 11, 30}).phases[2].Missing());

    // An end date not yet reached (closed ahead of time) is not due either.
    jn::Case ahead = FinishedCase();
    CHECK_FALSE(CollectForms(ahead, shipped, "sv", {2026, 6, 1}).phases[1].expected);
}

TEST_CASE("forms are collected per treatment episode", "[reports]") {
    jn::Case c = FinishedCase();
    c.pastEpisodes.push_back(
        {jn::CaseStatus::FollowUpDone,
         {2020, 1, 1},
         {2020, 2, 1},
         {2020, 12, 1},
         6,
         {},
         {{"fu-1", {2021, 6, 1}, jn::FollowUpOutcome::Held, {2021, 6, 2}, {}}}});
    for (auto& f : c.forms)
        f.episode = 2;
    c.forms.push_back(
        {"old", "form-start", 1, jn::FormPhase::Start, {2020, 2, 1}, {{"wellbeing", "1"}}, 1});
    FormsOverTime now = CollectForms(c, ShippedTemplates(), "sv", {2026, 6, 10});
    CHECK(now.episode == 2);
    CHECK(now.phases[0].date == jn::Date{2025, 6, 3});
    FormsOverTime before = CollectForms(c, ShippedTemplates(), "sv", {2026, 6, 10}, 1);
    CHECK(before.episode == 1);
    CHECK(before.phases[0].present);
    CHECK(before.phases[0].date == jn::Date{2020, 2, 1});
    CHECK(before.phases[1].Missing()); // that episode ended without an end form
    CHECK(before.phases[2].Missing()); // and its follow-up was held without one
}

TEST_CASE("items are lined up by id across the start and end forms", "[reports]") {
    FormsOverTime f = CollectForms(FinishedCase(), ShippedTemplates());
    const ItemRow* self = f.Find("behaviour-destructive-self");
    REQUIRE(self);
    CHECK(self->display[0] == "Stämmer helt");
    CHECK(self->display[1] == "Stämmer ganska dåligt");
    CHECK_FALSE(ChangedLittle(*self)); // 5 -> 2

    const ItemRow* rel = f.Find("relations-quality");
    REQUIRE(rel);
    CHECK(rel->source.clinicDefined);
    CHECK_FALSE(ChangedLittle(*rel)); // 3 -> 3, but clinic-defined: it never steers the brief
    const ItemRow* stop = f.Find("can-stop-impulses");
    REQUIRE(stop);
    CHECK(ChangedLittle(*stop)); // 3 -> 3, from the evaluation's description of the form
    CHECK(stop->source.publication.find("FoU i Väst") != std::string::npos);

    const ItemRow* treated = f.Find("respectful-treatment");
    REQUIRE(treated); // only in the end form: added after the start form's items
    CHECK_FALSE(treated->values[0]);
    CHECK(treated->values[1] == "5");
    CHECK(treated->display[1] == "Stämmer helt");

    // Start-form rows come first, in the form's order.
    CHECK(f.items.front().itemId == "bought-sex-ever");
}

TEST_CASE("an answer is read with its own phase's form: an option only the end form has",
          "[reports][forms]") {
    jn::Case c = FinishedCase();
    c.forms[0].answers.push_back({"problem-behaviours", "buying-sex,internet-pornography"});
    c.forms[1].answers.push_back({"problem-behaviours", "none"}); // only in the end form
    const FormsOverTime forms = CollectForms(c, ShippedTemplates(), "sv", {2026, 7, 1});
    const ItemRow* row = forms.Find("problem-behaviours");
    REQUIRE(row);
    CHECK(row->display[0] == "Köp av sexuella tjänster, Pornografi på internet");
    CHECK(row->display[1] == "Inget av detta längre");
    const FormsOverTime en = CollectForms(c, ShippedTemplates(), "en", {2026, 7, 1});
    CHECK(en.Find("problem-behaviours")->display[1] == "None of these any more");
}
