// Clinic statistics over 30 cases built in code: exact counts, small numbers
// suppressed, no codes or text, and research rows that cannot be re-linked.
#include "reports/ReportFixtures.h"

#include "kartbok/reports/Statistics.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace kartbok;
using namespace kartbok::reports;
using namespace kartbok::reports::test;
using jn::SessionType;

namespace {

jn::Session Held(int n, jn::Date d, SessionType type) {
    jn::Session s;
    s.id = "s" + std::to_string(n);
    s.start = At(d);
    s.type = type;
    s.templateId = "note-free";
    s.fields = {{"note", "Hemlig anteckning om klienten."}};
    return s;
}

jn::FormResponse Form(const char* templateId, jn::FormPhase phase, jn::Date d,
                      std::vector<jn::FormAnswer> answers) {
    return {std::string("f-") + templateId + d.Iso(), templateId, 1, phase, d, std::move(answers)};
}

/// 30 cases:
///  0-19  new in 2026 (first contact and start in 2026), two individual sessions each;
///        0-2 also a couple session; 0-11 a start form (0-9 "yes" to bought-sex-ever, 10-11 "no").
/// 20-24  began 2025, closing session and end form 2026-01-15, follow-up due 2026-07-15;
///        start forms in 2025; 20-22 follow-up session and follow-up form 2026-08-01,
///        23 a follow-up form only in 2027.
/// 25-29  first contact 2025-11, start 2026-01: not new in 2026; no sessions in 2026.
std::vector<jn::Case> ThirtyCases() {
    std::vector<jn::Case> cases;
    int n = 0;
    for (int i = 0; i < 30; ++i) {
        jn::Case c;
        c.id = "case-" + std::to_string(i);
        c.code = "T-" + std::to_string(1000 + i);
        c.reasonForContact = "Skäl nummer " + std::to_string(i);
        if (i < 20) {
            c.firstContact = {2026, 1 + i % 12, 2};
            c.start = {2026, 1 + i % 12, 10};
            c.status = jn::CaseStatus::Ongoing;
            c.sessions.push_back(Held(++n, c.start, SessionType::Individual));
            c.sessions.push_back(Held(++n, {2026, 12, 1}, SessionType::Individual));
            if (i < 3)
                c.sessions.push_back(Held(++n, {2026, 12, 2}, SessionType::Couple));
            if (i < 12)
                c.forms.push_back(Form("form-start", jn::FormPhase::Start, c.start,
                                       {{"bought-sex-ever", i < 10 ? "yes" : "no"},
                                        {"problem-behaviour-frequency", "weekly"},
                                        {"reason-for-contact", "Min fru hittade meddelandena."},
                                        {"no-such-item", "x"}}));
        } else if (i < 25) {
            c.firstContact = {2025, 3, 1};
            c.start = {2025, 4, 1};
            c.end = {2026, 1, 15};
            c.followUpDue = {2026, 7, 15};
            c.status = jn::CaseStatus::Ended;
            c.sessions.push_back(Held(++n, {2025, 4, 1}, SessionType::Individual));
            c.sessions.push_back(Held(++n, c.end, SessionType::Closing));
            c.forms.push_back(Form("form-start", jn::FormPhase::Start, c.start,
                                   {{"problem-behaviour-frequency", "daily"}}));
            c.forms.push_back(Form("form-end", jn::FormPhase::End, c.end,
                                   {{"problem-behaviour-frequency", "never"}}));
            if (i < 23) {
                c.sessions.push_back(Held(++n, {2026, 8, 1}, SessionType::FollowUp));
                c.forms.push_back(Form("form-followup", jn::FormPhase::FollowUp, {2026, 8, 1},
                                       {{"problem-behaviour-frequency", "never"}}));
            } else if (i == 23) {
                c.forms.push_back(Form("form-followup", jn::FormPhase::FollowUp, {2027, 2, 1},
                                       {{"problem-behaviour-frequency", "monthly"}}));
            }
        } else {
            c.firstContact = {2025, 11, 3};
            c.start = {2026, 1, 12};
            c.status = jn::CaseStatus::Ongoing;
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

int CountOf(const YearStatistics& st, const std::string& item, jn::FormPhase phase,
            const std::string& value) {
    for (const auto& a : st.answers)
        if (a.itemId == item && a.phase == phase && a.value == value)
            return a.count;
    return -1;
}

} // namespace

TEST_CASE("yearly statistics count new cases, sessions, forms and follow-ups exactly",
          "[reports]") {
    YearStatistics st = ComputeStatistics(ThirtyCases(), Shipped(), 2026);
    CHECK(st.year == 2026);
    CHECK(st.newCases == 20);
    CHECK(st.sessionsByType.at(SessionType::Individual) == 40);
    CHECK(st.sessionsByType.at(SessionType::Couple) == 3);
    CHECK(st.sessionsByType.at(SessionType::Closing) == 5);
    CHECK(st.sessionsByType.at(SessionType::FollowUp) == 3);
    CHECK(st.sessionsByType.at(SessionType::Group) == 0);
    CHECK(st.withStartForm == 12);
    CHECK(st.withEndForm == 5);
    CHECK(st.withFollowUpForm == 3);
    CHECK(st.withAllThree == 3);
    CHECK(st.followUpsHeld == 3);
    CHECK(st.followUpsDue == 5);

    CHECK(CountOf(st, "bought-sex-ever", jn::FormPhase::Start, "yes") == 10);
    CHECK(CountOf(st, "bought-sex-ever", jn::FormPhase::Start, "no") == 2);
    CHECK(CountOf(st, "problem-behaviour-frequency", jn::FormPhase::Start, "weekly") == 12);
    CHECK(CountOf(st, "problem-behaviour-frequency", jn::FormPhase::End, "never") == 5);
    CHECK(CountOf(st, "problem-behaviour-frequency", jn::FormPhase::FollowUp, "never") == 3);
    CHECK(CountOf(st, "problem-behaviour-frequency", jn::FormPhase::Start, "daily") == -1); // 2025
    CHECK(CountOf(st, "reason-for-contact", jn::FormPhase::Start,
                  "Min fru hittade meddelandena.") == -1);
    CHECK(CountOf(st, "no-such-item", jn::FormPhase::Start, "x") == -1);

    YearStatistics earlier = ComputeStatistics(ThirtyCases(), Shipped(), 2025);
    CHECK(earlier.newCases == 10);
    CHECK(earlier.withStartForm == 5);
    CHECK(earlier.withAllThree == 0);
    YearStatistics later = ComputeStatistics(ThirtyCases(), Shipped(), 2027);
    CHECK(later.withAllThree == 1); // case 23 completes its set in 2027
}

TEST_CASE("counts from 1 to 4 are printed as <5, zero stays zero", "[reports]") {
    CHECK(Suppressed(0) == "0");
    CHECK(Suppressed(1) == "<5");
    CHECK(Suppressed(4) == "<5");
    CHECK(Suppressed(5) == "5");
    CHECK(Suppressed(40) == "40");

    std::string csv = StatisticsCsv(ComputeStatistics(ThirtyCases(), Shipped(), 2026));
    CHECK(csv.rfind("year,measure,item,phase,value,count\n", 0) == 0);
    CHECK(csv.find("2026,new-cases,,,,20\n") != std::string::npos);
    CHECK(csv.find("2026,sessions,individual,,,40\n") != std::string::npos);
    CHECK(csv.find("2026,sessions,couple,,,<5\n") != std::string::npos);
    CHECK(csv.find("2026,sessions,group,,,0\n") != std::string::npos);
    CHECK(csv.find("2026,clients-with-form,,start,,12\n") != std::string::npos);
    CHECK(csv.find("2026,clients-with-all-three-forms,,,,<5\n") != std::string::npos);
    CHECK(csv.find("2026,follow-ups-held,,,,<5\n") != std::string::npos);
    CHECK(csv.find("2026,follow-ups-due,,,,5\n") != std::string::npos);
    CHECK(csv.find("2026,answers,bought-sex-ever,start,yes,10\n") != std::string::npos);
    CHECK(csv.find("2026,answers,bought-sex-ever,start,no,<5\n") != std::string::npos);
    // Nothing that points at a client: no codes, ids or text.
    CHECK(csv.find("T-10") == std::string::npos);
    CHECK(csv.find("case-") == std::string::npos);
    CHECK(csv.find("fru") == std::string::npos);
    CHECK(csv.find("Skäl") == std::string::npos);
    for (char ch : {'1', '2', '3', '4'})
        CHECK(csv.find(std::string(",") + ch + "\n") == std::string::npos);
}

TEST_CASE("anonymised answers carry item, phase, months and value, in an order unrelated to cases",
          "[reports]") {
    auto cases = ThirtyCases();
    auto rows = AnonymousAnswers(cases, Shipped(), 2026);
    REQUIRE(rows.size() == 12 * 2 + 5 + 3);
    auto fu = std::count_if(rows.begin(), rows.end(), [](const AnonymousAnswer& a) {
        return a.phase == jn::FormPhase::FollowUp && a.monthsSinceStart == 16 && a.value == "never";
    });
    CHECK(fu == 3);

    std::string csv = AnonymousAnswersCsv(rows);
    CHECK(csv.rfind("item,phase,months_since_start,value\n", 0) == 0);
    CHECK(csv.find("T-10") == std::string::npos);
    CHECK(csv.find("case-") == std::string::npos);
    CHECK(csv.find("fru") == std::string::npos);
    CHECK(csv.find("no-such-item") == std::string::npos);

    // Same input, same order; reversed input, same order: position says nothing about the case.
    std::reverse(cases.begin(), cases.end());
    CHECK(AnonymousAnswersCsv(AnonymousAnswers(cases, Shipped(), 2026)) == csv);
}
