#pragma once
// A clinic of 30 cases built in code so that tables 1 and 2 of the KAST
// evaluation (FoU i Väst 2021) come out exactly: 22 buyers with a start form,
// 9 with an end form, 4 of them with both. Every count the statistics tests
// assert is counted by hand in the comments below.
//
//  group  cases  who                                    forms (2024: start, 2025: end/follow-up)
//  A      0-17   buyers, ongoing                        start
//  B      18-20  buyers, ended 2025                     start, end
//  C      21     buyer, ended 2025, follow-up held      start, end, follow-up
//  D      22-26  buyers, ended 2025, came before forms  end, follow-up (22-24 held, 25
//                                                       declined, 26 not reached: no form)
//  E      27     buyer, ended 2024                      follow-up (held 2025)
//  F      28     compulsive behaviour, never bought     start, end
//  G      29     the partner of case 21, a relative's   none; two alone-sessions in 2025
//                own case, joint session in case 21
//
// Start forms, in the order j = 0..21 (A 0-17, B 18-20, C 21), answer yes
// except where listed (table 1 of the evaluation in brackets):
//  bought-sex-ever           all yes                              22 (22)
//  bought-sex-last-year      no for j 0-5                         16 (16)
//  has-partner               no for j 6,7,8                       19 (19)
//  has-children              no for j 0,9,10                      19 (19)
//  behaviour-destructive-self  3 ("partly") for j 11, else 4/5    21 (21)
//  thoughts-destructive-self   1,2,3,3,2,1 for j 0-5, else 4/5    16 (16)
//  behaviour-destructive-relations  2 for j 12-15, else 5         18 (18)
// End forms, in the order k = 0..8 (B 0-2, C 3, D 4-8), answer yes (4 or 5)
// except where listed (table 2 in brackets):
//  bought-sex-last-year      yes for k 0,1,2 only                  3 (3)
//  could-come-often-enough   no for k 7,8                          7 (7)
//  could-come-long-enough    no for k 8                            8 (8)
//  respectful-treatment      no for k 3                            8 (8)
//  non-judgmental-treatment  no for k 3,4                          7 (7)
//  dignified-treatment       no for k 5,6                          7 (7)
//  could-talk-difficult-sexual-matters  no for k 0,8               7 (7)
//  got-help-expected         no for k 1,2                          7 (7)
//  treatment-helped-stop-impulses  no for k 2,5,6 (3 = partly)     6 (6)
//  behaviour-destructive-self  k0: 2, k1: 4, k2: 1, k3: 2, D: 2
// Case 28 (not a buyer) answers start: bought ever no, last year no, partner
// yes, children no, destructive self 5, thoughts 2, relations 4; end: last
// year no, every treatment item 5.
#include "reports/ReportFixtures.h"

#include "kartbok/journal/Episodes.h"

#include <set>
#include <vector>

namespace kartbok::reports::test {

/// An unsigned visit at nine on `d` with a free note.
inline jn::Session Visit(const std::string& id, jn::Date d, jn::SessionType type,
                         const std::string& author) {
    return kartbok::test::NoteSession(id, At(d, 9), type, "note-free",
                                      {{"note", "Hemlig anteckning " + id}}, author);
}

inline std::string YesIf(bool yes) {
    return yes ? "yes" : "no";
}

inline jn::FormResponse StartForm(int j, jn::Date d) {
    auto in = [&](std::initializer_list<int> set) { return std::set<int>(set).count(j) > 0; };
    const char* thoughts[] = {"1", "2", "3", "3", "2", "1"};
    jn::FormResponse f{
        "start-" + std::to_string(j), "form-start", 2, jn::FormPhase::Start, d, {}, 1};
    f.answers = {
        {"bought-sex-ever", "yes"},
        {"bought-sex-last-year", YesIf(!in({0, 1, 2, 3, 4, 5}))},
        {"has-partner", YesIf(!in({6, 7, 8}))},
        {"has-children", YesIf(!in({0, 9, 10}))},
        {"behaviour-destructive-self", j == 11 ? "3" : (j % 2 ? "4" : "5")},
        {"thoughts-destructive-self", j <= 5 ? thoughts[j] : "4"},
        {"behaviour-destructive-relations", in({12, 13, 14, 15}) ? "2" : "5"},
        {"problem-behaviours", j % 3 ? "buying-sex" : "buying-sex,internet-pornography"},
        {"reason-for-contact", "Frun hittade kvittot " + std::to_string(j)},
    };
    return f;
}

inline jn::FormResponse EndForm(int k, jn::Date d) {
    auto no = [&](std::initializer_list<int> set) { return std::set<int>(set).count(k) > 0; };
    auto agree = [&](bool isNo) { return isNo ? (k % 2 ? "3" : "2") : (k % 2 ? "4" : "5"); };
    const char* destructive[] = {"2", "4", "1", "2"};
    jn::FormResponse f{"end-" + std::to_string(k), "form-end", 2, jn::FormPhase::End, d, {}, 1};
    f.answers = {
        {"bought-sex-ever", "yes"},
        {"bought-sex-last-year", YesIf(no({0, 1, 2}))},
        {"could-come-often-enough", agree(no({7, 8}))},
        {"could-come-long-enough", agree(no({8}))},
        {"respectful-treatment", agree(no({3}))},
        {"non-judgmental-treatment", agree(no({3, 4}))},
        {"dignified-treatment", agree(no({5, 6}))},
        {"could-talk-difficult-sexual-matters", agree(no({0, 8}))},
        {"got-help-expected", agree(no({1, 2}))},
        {"treatment-helped-stop-impulses", no({2, 5, 6}) ? "3" : "4"},
        {"behaviour-destructive-self", k <= 3 ? destructive[k] : "2"},
    };
    return f;
}

inline jn::FormResponse FollowUpForm(int n, jn::Date d) {
    return {"followup-" + std::to_string(n),
            "form-followup",
            2,
            jn::FormPhase::FollowUp,
            d,
            {{"bought-sex-since-end", "no"}, {"problem-behaviour-frequency", "never"}},
            1};
}

/// Every case as it starts: a buyer who came on his own initiative (0-9),
/// through his partner (10-19) or the police (20-29); first contact
/// 2024-03-(1 + i % 28), first visit the same day in April (waiting: 31 days,
/// March has 31; the relative's case G gets its own dates); ongoing.
inline jn::Case OngoingCase(int i) {
    jn::Case c;
    c.id = "case-" + std::to_string(i);
    c.code = "T-" + std::to_string(1000 + i);
    c.reasonForContact = "Skäl nummer " + std::to_string(i);
    const std::string therapist = i % 2 ? "bo" : "anna";
    c.firstContact = {2024, 3, 1 + i % 28};
    jn::Date visit = c.firstContact;
    visit.month = 4;
    c.start = visit;
    c.intake.reasons = {jn::SeekReason::BuyingSex};
    c.intake.referral = i < 10   ? jn::ReferralRoute::OwnInitiative
                        : i < 20 ? jn::ReferralRoute::Partner
                                 : jn::ReferralRoute::PoliceAfterDiscovery;
    c.sessions.push_back(
        Visit("v" + std::to_string(i), visit, jn::SessionType::Individual, therapist));
    c.status = jn::CaseStatus::Ongoing;
    return c;
}

/// B and C (18-21): start form 2024, end form 2025-06-(10+k), treatment from
/// April 2024 to June 2025; C's follow-up held 2025-12-12 with its form.
inline void EndedWithForms(std::vector<jn::Case>& cases) {
    for (int i = 18; i <= 21; ++i) {
        jn::Case& c = cases[static_cast<std::size_t>(i)];
        c.forms.push_back(StartForm(i, {2024, 4, 20}));
        c.forms.push_back(EndForm(i - 18, {2025, 6, 10 + (i - 18)}));
        c.end = {2025, 6, 10 + (i - 18)};
        c.status = jn::CaseStatus::Ended;
        c.followUps = {{"fu-1", c.end.AddMonths(6), jn::FollowUpOutcome::Planned, {}, {}}};
    }
    cases[21].followUps[0] = {
        "fu-1", {2025, 12, 11}, jn::FollowUpOutcome::Held, {2025, 12, 12}, {}};
    cases[21].status = jn::CaseStatus::FollowUpDone;
    cases[21].forms.push_back(FollowUpForm(21, {2025, 12, 12}));
    cases[21].family = genogram::RichSampleFamily();
}

/// D (22-26): came before the forms; end 2025-01-(10+k) with an end form,
/// follow-ups in August 2025: three held (with a form), one declined, one
/// not reached.
inline void EndedBeforeForms(std::vector<jn::Case>& cases) {
    const jn::FollowUpOutcome outcomes[] = {
        jn::FollowUpOutcome::Held, jn::FollowUpOutcome::Held, jn::FollowUpOutcome::Held,
        jn::FollowUpOutcome::Declined, jn::FollowUpOutcome::NotReached};
    for (int i = 22; i <= 26; ++i) {
        jn::Case& c = cases[static_cast<std::size_t>(i)];
        const int k = i - 18;
        c.end = {2025, 1, 10 + k};
        c.forms.push_back(EndForm(k, c.end));
        const jn::FollowUpOutcome o = outcomes[i - 22];
        c.followUps = {{"fu-1", {2025, 7, 10}, o, {2025, 8, 1}, {}}};
        c.status =
            o == jn::FollowUpOutcome::Held ? jn::CaseStatus::FollowUpDone : jn::CaseStatus::Ended;
        if (o == jn::FollowUpOutcome::Held)
            c.forms.push_back(FollowUpForm(i, {2025, 8, 1}));
    }
}

/// E (27): ended 2024-10-01, follow-up held 2025-04-02; a long-term one
/// planned for 2026.
inline void EndedIn2024(jn::Case& c) {
    c.end = {2024, 10, 1};
    c.status = jn::CaseStatus::FollowUpDone;
    c.followUps = {{"fu-1", {2025, 4, 1}, jn::FollowUpOutcome::Held, {2025, 4, 2}, {}},
                   {"fu-2", {2026, 10, 1}, jn::FollowUpOutcome::Planned, {}, {}}};
    c.forms.push_back(FollowUpForm(27, {2025, 4, 2}));
}

/// F (28): compulsive behaviour, never bought sex; ended 2025-03-01.
inline void NeverBoughtSex(jn::Case& f) {
    f.intake.reasons = {jn::SeekReason::CompulsiveSexualBehaviour};
    f.end = {2025, 3, 1};
    f.status = jn::CaseStatus::Ended;
    f.followUps = {{"fu-1", {2025, 9, 1}, jn::FollowUpOutcome::Planned, {}, {}}};
    jn::FormResponse fs{"start-f", "form-start", 2, jn::FormPhase::Start, {2024, 4, 5}, {}, 1};
    fs.answers = {{"bought-sex-ever", "no"},
                  {"bought-sex-last-year", "no"},
                  {"has-partner", "yes"},
                  {"has-children", "no"},
                  {"behaviour-destructive-self", "5"},
                  {"thoughts-destructive-self", "2"},
                  {"behaviour-destructive-relations", "4"}};
    jn::FormResponse fe{"end-f", "form-end", 2, jn::FormPhase::End, f.end, {}, 1};
    fe.answers = {{"bought-sex-ever", "no"}, {"bought-sex-last-year", "no"}};
    for (const char* id :
         {"could-come-often-enough", "could-come-long-enough", "respectful-treatment",
          "non-judgmental-treatment", "dignified-treatment", "could-talk-difficult-sexual-matters",
          "got-help-expected", "treatment-helped-stop-impulses"})
        fe.answers.push_back({id, "5"});
    f.forms = {fs, fe};
}

/// G (29): the partner of case 21 (C) in parallel treatment: her own case,
/// two alone-sessions in 2025 (first contact 2025-02-01, first visit
/// 2025-02-11), one joint session (written in case 21) in 2025.
inline void PartnerInParallel(jn::Case& g, jn::Case& index) {
    g.intake.reasons = {jn::SeekReason::Relative};
    g.intake.referral = jn::ReferralRoute::Partner;
    g.relativeOf = index.id;
    g.firstContact = {2025, 2, 1};
    g.start = {2025, 2, 11};
    g.sessions = {Visit("g1", {2025, 2, 11}, jn::SessionType::Individual, "anna"),
                  Visit("g2", {2025, 3, 11}, jn::SessionType::Individual, "anna")};
    index.relativeCaseIds = {g.id};
    index.sessions.push_back(Visit("joint", {2025, 3, 4}, jn::SessionType::Couple, "bo"));
}

/// A returning client: case 0 had an earlier episode in 2022; its start form
/// belongs to the episode going on.
inline void ReturningClient(jn::Case& c) {
    jn::Episode earlier;
    earlier.firstContact = {2022, 1, 10};
    earlier.start = {2022, 2, 1};
    earlier.end = {2022, 11, 1};
    earlier.intake.reasons = {jn::SeekReason::CompulsiveSexualBehaviour};
    earlier.followUps = {{"fu-1", {2023, 5, 1}, jn::FollowUpOutcome::Held, {2023, 5, 3}, {}}};
    c.pastEpisodes = {earlier};
    c.forms[0].episode = 2;
    c.sessions.push_back(Visit("old0", {2022, 2, 1}, jn::SessionType::Individual, "anna"));
}

/// The 30 cases, in case-number order (the tests shuffle them).
inline std::vector<jn::Case> ThirtyCases() {
    std::vector<jn::Case> cases;
    for (int i = 0; i < 30; ++i)
        cases.push_back(OngoingCase(i));
    for (int j = 0; j <= 17; ++j) // A: start forms in 2024
        cases[static_cast<std::size_t>(j)].forms.push_back(StartForm(j, {2024, 4, 1 + j}));
    EndedWithForms(cases);
    EndedBeforeForms(cases);
    EndedIn2024(cases[27]);
    NeverBoughtSex(cases[28]);
    PartnerInParallel(cases[29], cases[21]);
    ReturningClient(cases[0]);
    for (jn::Case& c : cases)
        jn::SyncFollowUpDue(c);
    return cases;
}

} // namespace kartbok::reports::test
