// Clinic statistics over the 30 hand-built cases of ThirtyCases.h: tables 1
// and 2 of the KAST evaluation come out exactly (buyers only), the paired
// start -> end change, reasons, referrals, sessions per therapist, medians,
// follow-up outcomes, any range of years; small numbers suppressed; research
// rows linked by a fresh study id and nothing else.
#include "reports/ThirtyCases.h"

#include "kartbok/journal/EpisodeCommands.h"
#include "kartbok/reports/Statistics.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace kartbok;
using namespace kartbok::reports;
using namespace kartbok::reports::test;

namespace {

StatisticsOptions Range(int from, int to, bool buyers = false) {
    StatisticsOptions o;
    o.fromYear = from;
    o.toYear = to;
    o.buyersOnly = buyers;
    return o;
}

const TableRowCount& Row(const PhaseTable& t, const std::string& item,
                         const std::string& option = {}) {
    for (const auto& r : t.rows)
        if (r.itemId == item && r.option == option)
            return r;
    FAIL("no row " << item << " " << option);
    throw 0;
}

const PairedRow& Pair(const PairedTable& t, const std::string& item) {
    for (const auto& r : t.rows)
        if (r.itemId == item && r.option.empty())
            return r;
    FAIL("no paired row " << item);
    throw 0;
}

/// Shuffles the cases with a fixed seed: nothing may depend on the order.
std::vector<jn::Case> Shuffled(unsigned seed) {
    auto cases = ThirtyCases();
    std::mt19937 random(seed);
    std::shuffle(cases.begin(), cases.end(), random);
    return cases;
}

} // namespace

TEST_CASE("buyers-only tables rebuild tables 1 and 2 of the evaluation, in any case order",
          "[reports][statistics]") {
    const auto templates = ShippedTemplates();
    for (unsigned seed : {1u, 7u, 42u, 1997u}) {
        INFO("seed " << seed);
        const ClinicStatistics st =
            ComputeStatistics(Shuffled(seed), templates, Range(2024, 2025, true));
        const PhaseTable& t1 = st.tables[0];
        CHECK(t1.forms == 22); // "Fyllt i självskattningsformulär vid behandlingsstart 22"
        CHECK(Row(t1, "bought-sex-ever").yes == 22);
        CHECK(Row(t1, "bought-sex-last-year").yes == 16);
        CHECK(Row(t1, "bought-sex-last-year").no == 6);
        CHECK(Row(t1, "has-partner").yes == 19);
        CHECK(Row(t1, "has-children").yes == 19);
        CHECK(Row(t1, "behaviour-destructive-self").yes == 21); // "3 = partly" folds to no
        CHECK(Row(t1, "behaviour-destructive-self").no == 1);
        CHECK(Row(t1, "thoughts-destructive-self").yes == 16);
        CHECK(Row(t1, "behaviour-destructive-relations").yes == 18);
        CHECK(Row(t1, "has-partner").tableNumber == 1);
        CHECK(Row(t1, "has-partner").label == "Har partner");
        // A multiple-choice item: a row per option.
        CHECK(Row(t1, "problem-behaviours", "buying-sex").yes == 22);
        CHECK(Row(t1, "problem-behaviours", "internet-pornography").yes == 8); // j 0,3,..,21
        CHECK(Row(t1, "problem-behaviours", "internet-pornography").no == 14);
        // Clinic-defined items are never folded into a table row.
        for (const auto& r : t1.rows)
            CHECK_FALSE((r.clinicDefined && r.tableNumber != 0));

        const PhaseTable& t2 = st.tables[1];
        CHECK(t2.forms == 9); // "Fyllt i självskattningsformulär vid behandlingsslut 9"
        CHECK(Row(t2, "bought-sex-last-year").yes == 3);
        CHECK(Row(t2, "could-come-often-enough").yes == 7);
        CHECK(Row(t2, "could-come-long-enough").yes == 8);
        CHECK(Row(t2, "respectful-treatment").yes == 8);
        CHECK(Row(t2, "non-judgmental-treatment").yes == 7);
        CHECK(Row(t2, "dignified-treatment").yes == 7);
        CHECK(Row(t2, "could-talk-difficult-sexual-matters").yes == 7);
        CHECK(Row(t2, "got-help-expected").yes == 7);
        CHECK(Row(t2, "treatment-helped-stop-impulses").yes == 6);
        CHECK(Row(t2, "treatment-helped-stop-impulses").no == 3);
        CHECK(Row(t2, "has-partner").unanswered == 9); // the 2025 forms left it out
        CHECK(Row(t2, "respectful-treatment").label ==
              "Upplever att personalen på KAST har ett respektfullt bemötande");

        // Both forms on the same client: B (3) and C (1).
        CHECK(st.startToEnd.clients == 4);
        const PairedRow& lastYear = Pair(st.startToEnd, "bought-sex-last-year");
        CHECK(lastYear.pairs == 4);
        CHECK(lastYear.yesYes == 3);
        CHECK(lastYear.yesNo == 1);
        CHECK(lastYear.noYes + lastYear.noNo == 0);
        const PairedRow& destructive = Pair(st.startToEnd, "behaviour-destructive-self");
        CHECK(destructive.yesNo == 3);
        CHECK(destructive.yesYes == 1);
        CHECK(st.startToFollowUp.clients == 1); // C
    }
}

TEST_CASE("all clients: the non-buyer and the relative count too", "[reports][statistics]") {
    const ClinicStatistics st =
        ComputeStatistics(Shuffled(3), ShippedTemplates(), Range(2024, 2025));
    CHECK(st.tables[0].forms == 23);
    CHECK(Row(st.tables[0], "bought-sex-ever").yes == 22);
    CHECK(Row(st.tables[0], "bought-sex-ever").no == 1);
    CHECK(Row(st.tables[0], "has-partner").yes == 20);
    CHECK(Row(st.tables[0], "has-children").no == 4);
    CHECK(Row(st.tables[0], "behaviour-destructive-relations").yes == 19);
    CHECK(st.tables[1].forms == 10);
    CHECK(Row(st.tables[1], "could-come-long-enough").yes == 9);
    CHECK(Row(st.tables[1], "treatment-helped-stop-impulses").yes == 7);
    CHECK(st.startToEnd.clients == 5);
    CHECK(Pair(st.startToEnd, "bought-sex-last-year").noNo == 1);
    CHECK(Pair(st.startToEnd, "behaviour-destructive-self").pairs == 4); // F left it out at end

    // Clients seen: a session (or the relative's own) in 2024-2025 for all 30.
    CHECK(st.clientsSeen == 30);
    CHECK(st.relativesSeen == 1);
    CHECK(st.byReason.at(jn::SeekReason::BuyingSex) == 28);
    CHECK(st.byReason.at(jn::SeekReason::CompulsiveSexualBehaviour) == 1);
    CHECK(st.byReason.at(jn::SeekReason::Relative) == 1);
    CHECK(st.reasonNotRecorded == 0);
    CHECK(st.byReferral.at(jn::ReferralRoute::OwnInitiative) == 10);
    CHECK(st.byReferral.at(jn::ReferralRoute::Partner) == 11);
    CHECK(st.byReferral.at(jn::ReferralRoute::PoliceAfterDiscovery) == 9);
    CHECK(st.newEpisodes == 30);
    CHECK(st.returningEpisodes == 1); // case 0, back after 2022
    // 29 first visits in April 2024 and two alone-sessions of the relative; the
    // joint session is written in case 21; case 0's 2022 session is outside.
    CHECK(st.sessionsByType.at(jn::SessionType::Individual) == 31);
    CHECK(st.sessionsByType.at(jn::SessionType::Couple) == 1);
    CHECK(st.sessionsByType.at(jn::SessionType::Group) == 0);
    CHECK(st.sessionsByTherapist.at("anna") == 17); // even cases 0-28 (15) + the relative's two
    CHECK(st.sessionsByTherapist.at("bo") == 15);   // odd cases 1-27 (14) + the joint session
    // Waiting: 29 episodes waited 31 days (March to April), the relative 10.
    REQUIRE(st.medianWaitingDays);
    CHECK(*st.medianWaitingDays == 31);
    CHECK(st.waitingCount == 30);
    // Treatment: 11 episodes ended in the range; lengths 156, 266 x5, 334, 417 x4 days.
    CHECK(st.treatmentCount == 11);
    REQUIRE(st.medianTreatmentMonths);
    CHECK(*st.medianTreatmentMonths == Approx(266 / 30.4375));
    // Outcomes dated in the range: C, D 22-24, E held; D 25 declined; D 26 not reached;
    // planned and due in 2025: B 18-20 (end + 6 months) and F.
    CHECK(st.followUps.at(jn::FollowUpOutcome::Held) == 5);
    CHECK(st.followUps.at(jn::FollowUpOutcome::Declined) == 1);
    CHECK(st.followUps.at(jn::FollowUpOutcome::NotReached) == 1);
    CHECK(st.followUps.at(jn::FollowUpOutcome::Planned) == 4);
    CHECK(st.withForm == std::array<int, 3>{23, 10, 5});
    CHECK(st.withAllThree == 1);
}

TEST_CASE("a range of years counts what is dated in it; --year is a range of one",
          "[reports][statistics]") {
    const auto templates = ShippedTemplates();
    const auto cases = ThirtyCases();
    const ClinicStatistics y2024 = ComputeStatistics(cases, templates, Range(2024, 2024, true));
    CHECK(y2024.tables[0].forms == 22);
    CHECK(y2024.tables[1].forms == 0);
    CHECK(y2024.startToEnd.clients == 0);
    CHECK(y2024.treatmentCount == 1); // E ended in October 2024
    const ClinicStatistics y2025 = ComputeStatistics(cases, templates, Range(2025, 2025, true));
    CHECK(y2025.tables[0].forms == 0);
    CHECK(y2025.tables[1].forms == 9);
    CHECK(y2025.startToEnd.clients == 4); // the end form decides the year; the start may be older
    CHECK(y2025.clientsSeen == 1);        // only case 21 had a session (the joint one) in 2025
    CHECK(ComputeStatistics(cases, templates, Range(2022, 2022)).returningEpisodes == 0);
    CHECK(ComputeStatistics(cases, templates, Range(2022, 2022)).newEpisodes == 1);
    CHECK_THROWS_AS(ComputeStatistics(cases, templates, Range(2026, 2025)), std::invalid_argument);
}

TEST_CASE("counts from 1 to 4 are suppressed everywhere, and so is a cell that would give "
          "one away",
          "[reports][statistics]") {
    CHECK(Suppressed(0) == "0");
    CHECK(Suppressed(1) == "<5");
    CHECK(Suppressed(4) == "<5");
    CHECK(Suppressed(5) == "5");
    CHECK(SuppressedRow({12, 2, 0}) == std::vector<std::string>{"x", "<5", "0"});
    CHECK(SuppressedRow({7, 2, 9}) == std::vector<std::string>{"x", "<5", "9"});
    CHECK(SuppressedRow({3, 2, 9}) == std::vector<std::string>{"<5", "<5", "9"});
    CHECK(SuppressedRow({12, 0, 0}) == std::vector<std::string>{"12", "0", "0"});
    CHECK(SuppressedRow({1, 0}) == std::vector<std::string>{"<5", "0"}); // nothing else to hide

    const auto cases = ThirtyCases();
    const std::string csv =
        StatisticsCsv(ComputeStatistics(cases, ShippedTemplates(), Range(2024, 2025)),
                      ComputeStatistics(cases, ShippedTemplates(), Range(2024, 2025, true)));
    CHECK(csv.rfind("from,to,view,measure,item,phase,value,count\n", 0) == 0);
    CHECK(csv.find("2024,2025,buyers,table-forms,,start,,22\n") != std::string::npos);
    CHECK(csv.find("2024,2025,buyers,table,bought-sex-last-year,start,yes,16\n") !=
          std::string::npos);
    CHECK(csv.find("2024,2025,buyers,table,bought-sex-last-year,end,yes,<5\n") !=
          std::string::npos);
    // 3 yes, 6 no, 0 unanswered of 9: the 6 is hidden too, or the 3 could be worked out.
    CHECK(csv.find("2024,2025,buyers,table,bought-sex-last-year,end,no,x\n") != std::string::npos);
    // 22 yes, 0 no, 0 unanswered: nothing small to protect.
    CHECK(csv.find("2024,2025,buyers,table,bought-sex-ever,start,yes,22\n") != std::string::npos);
    // all: 22 yes, 1 no -> the 22 is hidden too, or the 1 could be worked out from 23.
    CHECK(csv.find("2024,2025,all,table,bought-sex-ever,start,yes,x\n") != std::string::npos);
    CHECK(csv.find("2024,2025,all,table,bought-sex-ever,start,no,<5\n") != std::string::npos);
    CHECK(csv.find("2024,2025,all,relatives-seen,,,,<5\n") != std::string::npos);
    CHECK(csv.find("2024,2025,all,median-waiting-days,,,31.0,30\n") != std::string::npos);
    CHECK(csv.find("2024,2025,all,median-treatment-months,,,8.7,11\n") != std::string::npos);
    CHECK(csv.find("2024,2025,all,follow-ups,declined,,,<5\n") != std::string::npos);
    CHECK(csv.find("2024,2025,all,sessions-by-therapist,anna,,,17\n") != std::string::npos);
    CHECK(csv.find("2024,2025,buyers,paired-start-end-clients,,,,<5\n") != std::string::npos);
    // The final row of table 2 (6 yes, 3 no) is suppressed like every other row.
    CHECK(csv.find("2024,2025,buyers,table,treatment-helped-stop-impulses,end,yes,x\n") !=
          std::string::npos);
    CHECK(csv.find("2024,2025,buyers,table,treatment-helped-stop-impulses,end,no,<5\n") !=
          std::string::npos);
    CHECK(csv.find("expectations-met,end,yes") == std::string::npos); // clinic-defined: no fold
    for (char ch : {'1', '2', '3', '4'})
        CHECK(csv.find(std::string(",") + ch + "\n") == std::string::npos);
    // Nothing that points at a client: no codes, ids or text.
    for (const char* secret : {"T-10", "case-", "Frun", "Skäl", "Hemlig"})
        CHECK(csv.find(secret) == std::string::npos);
}

TEST_CASE("research answers link each client's forms by a study id made fresh per export",
          "[reports][statistics]") {
    const auto templates = ShippedTemplates();
    auto cases = ThirtyCases();
    const auto rows = ResearchAnswers(cases, templates, Range(2024, 2025));
    std::set<std::string> ids;
    for (const auto& r : rows)
        ids.insert(r.studyId);
    CHECK(ids.size() == 29); // every client with a form in the range: A-F
    // Case 21 (C) has all three forms under one study id.
    std::string c21;
    for (const auto& r : rows)
        if (r.phase == jn::FormPhase::FollowUp && r.itemId == "bought-sex-since-end" &&
            r.monthsSinceStart == 19)
            c21 = r.studyId;
    REQUIRE_FALSE(c21.empty());
    std::set<jn::FormPhase> phases;
    for (const auto& r : rows)
        if (r.studyId == c21)
            phases.insert(r.phase);
    CHECK(phases.size() == 3);
    for (const auto& r : rows)
        CHECK(r.itemId != "reason-for-contact"); // free text never leaves

    const std::string csv = ResearchAnswersCsv(rows);
    CHECK(csv.rfind("study_id,phase,months_since_start,item,value\n", 0) == 0);
    for (const char* secret : {"T-10", "case-", "Frun", "start-1", "end-"})
        CHECK(csv.find(secret) == std::string::npos);

    // A second export gives other ids: they cannot be matched across exports.
    int same = 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
        const auto again = ResearchAnswers(cases, templates, Range(2024, 2025));
        std::string id21;
        for (const auto& r : again)
            if (r.phase == jn::FormPhase::FollowUp && r.itemId == "bought-sex-since-end" &&
                r.monthsSinceStart == 19)
                id21 = r.studyId;
        same += id21 == c21;
    }
    CHECK(same < 5);
    // Buyers only leaves out F.
    std::set<std::string> buyerIds;
    for (const auto& r : ResearchAnswers(cases, templates, Range(2024, 2025, true)))
        buyerIds.insert(r.studyId);
    CHECK(buyerIds.size() == 28);
}

TEST_CASE("a follow-up still planned when the client came back counts nowhere",
          "[reports][statistics][episodes]") {
    const auto templates = ShippedTemplates();
    jn::Case c;
    c.id = "5a7e0000-0000-4000-8000-000000000001";
    c.code = "BACK-1";
    c.status = jn::CaseStatus::Ended;
    c.firstContact = {2025, 1, 10};
    c.start = {2025, 2, 1};
    c.end = {2026, 3, 1};
    c.followUps = {{"fu-1", {2026, 9, 1}, jn::FollowUpOutcome::Planned, {}, {}}};
    const auto planned = [&](const jn::Case& k) {
        const ClinicStatistics st = ComputeStatistics({k}, templates, Range(2026, 2027));
        const auto it = st.followUps.find(jn::FollowUpOutcome::Planned);
        return it == st.followUps.end() ? 0 : it->second;
    };
    CHECK(planned(c) == 1);
    // Back in August, before the follow-up: a new episode, and no follow-up is due.
    jn::ReopenCase({2026, 8, 2}, {}).Apply(c);
    CHECK(planned(c) == 0);
    c.followUps = {{"fu-1", {2027, 3, 1}, jn::FollowUpOutcome::Planned, {}, {}}};
    CHECK(planned(c) == 1); // the new episode's own planned follow-up
}
