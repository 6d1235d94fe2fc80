#include "DemoCases.h"

#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Scaffold.h"
#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Episodes.h"

#include <cstdio>

namespace kartbok::cli::demo {

namespace g = kartbok::genogram;
namespace jn = kartbok::journal;

// The ids of the cases' sessions and forms (Id): fixed, so every demo vault
// is the same.
constexpr const char* kPartnerSession = "5e55a001-de00-0000-4000-8000-";
constexpr const char* kReturningSession = "5e55b002-de00-0000-4000-8000-";
constexpr const char* kReturningForm = "f0a1b002-0000-0000-4000-8000-";
constexpr const char* kDeclinedSession = "5e55c003-de00-0000-4000-8000-";
constexpr const char* kDeclinedForm = "f0a1c003-0000-0000-4000-8000-";

jn::Timestamp At(jn::Date d, int hour) {
    return jn::StartOf(d) + hour * 3600;
}

std::string Id(const char* prefix, int n) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s%012d", prefix, n);
    return buf;
}

jn::Session Signed(const std::string& id, jn::Date d, jn::SessionType type,
                   const std::string& templateId, std::vector<jn::NoteField> fields,
                   std::vector<std::string> themes) {
    jn::Session s;
    s.id = id;
    s.start = At(d, 10);
    s.type = type;
    s.templateId = templateId;
    s.templateVersion = 1;
    s.fields = std::move(fields);
    s.themes = std::move(themes);
    s.author = kTherapist;
    s.created = At(d, 11);
    s.isSigned = true;
    s.signedBy = kTherapist;
    s.signedAt = At(d, 12);
    return s;
}

void FirstFollowUp(jn::Case& c, jn::FollowUpOutcome outcome, jn::Date outcomeDate) {
    const jn::Date due = jn::FollowUpDue(c.end, c.followUpMonths);
    if (outcome != jn::FollowUpOutcome::Planned && !outcomeDate.Set())
        outcomeDate = due;
    c.followUps = {{"fu-1", due, outcome, outcomeDate, {}}};
    jn::SyncFollowUpDue(c);
}

jn::Case PartnerCase(const std::string& id, const jn::Case& index) {
    jn::Case c;
    c.id = id;
    c.code = "GBG-2025-024";
    const g::PersonId client = index.family.IndexPerson().value_or(g::kNoId);
    const auto partners = g::PartnersOf(index.family, client);
    c.relativeOf = index.id;
    c.relativePerson = partners.empty() ? 0 : partners.back();
    c.reasonForContact = "Partner till en klient här; vill ha eget stöd efter upptäckten.";
    c.intake = {{jn::SeekReason::Relative}, jn::ReferralRoute::Partner};
    c.status = jn::CaseStatus::Ongoing;
    c.firstContact = {2025, 9, 10};
    c.start = {2025, 9, 23};
    c.family = g::Scaffold("Sofia", g::Gender::Woman);
    for (g::Person& p : c.family.people)
        if (p.isIndex) {
            p.surname = "Lindqvist";
            p.birth = g::FuzzyDate::Year(1985);
        }
    using T = jn::SessionType;
    c.sessions = {
        Signed(Id(kPartnerSession, 1), {2025, 9, 23}, T::Individual, "note-soap",
               {{"subjective", "Kontrollförlust sedan upptäckten; skäms över att inte ha märkt "
                               "något."},
                {"objective", "Ledsen men samlad. Har stöd av en väninna."},
                {"assessment", "Vanliga anhörigreaktioner: tar på sig skuld och skam."},
                {"plan", "Ett samtal till; tips om stödgrupp."}},
               {"anhörig", "skuld"}),
        Signed(Id(kPartnerSession, 2), {2025, 10, 14}, T::Individual, "note-soap",
               {{"subjective", "Sover bättre. Oroar sig för hur sonen har det."},
                {"assessment", "Skulden börjar släppa; barnperspektivet behöver ta plats."},
                {"plan", "Prata om föräldraskapet nästa gång."}},
               {"barnen"}),
        Signed(Id(kPartnerSession, 3), {2026, 1, 20}, T::Individual, "note-free",
               {{"note", "Vill fortsätta arbeta med relationen; tilliten växer långsamt."}},
               {"tillit"}),
    };
    jn::ChecklistRun run;
    run.templateId = "relatives-support";
    run.templateVersion = 2;
    using S = jn::TopicState;
    const std::string first = c.sessions[0].id, second = c.sessions[1].id;
    run.entries = {
        {"loss-of-control", S::Covered, "", {first}, {}},
        {"taking-on-guilt", S::Covered, "Trodde att hon borde ha märkt något.", {first}, {}},
        {"taking-on-shame", S::Partly, "", {first}, {}},
        {"own-support", S::Covered, "Väninna och syster.", {first}, {}},
        {"children-support", S::Partly, "Sonen vet att föräldrarna går i samtal.", {second}, {}},
        {"parenting", S::NotYet, "", {}, {}},
    };
    c.checklists = {run};
    return c;
}

void Returning(jn::Case& c) {
    c.pastEpisodes = {
        {c.status, c.firstContact, c.start, c.end, c.followUpMonths, c.intake, c.followUps}};
    c.status = jn::CaseStatus::Ongoing;
    c.firstContact = {2026, 9, 28};
    c.start = {2026, 10, 12};
    c.end = {};
    c.followUps.clear();
    jn::SyncFollowUpDue(c);
    c.intake = {{jn::SeekReason::BuyingSex}, jn::ReferralRoute::OwnInitiative};
    c.reasonForContact = "Tillbaka efter fyra år: har börjat köpa sex på resor.";
    c.sessions.push_back(Signed(Id(kReturningSession, 1), {2026, 10, 12},
                                jn::SessionType::Individual, "first-visit",
                                {{"problem-in-own-words", "Köper sex igen, nu på tjänsteresor."},
                                 {"goal", "Att sluta innan det blir ett mönster som förra gången."},
                                 {"target-group", "Tillhör målgruppen; ny behandlingsperiod."}}));
    c.sessions.push_back(Signed(Id(kReturningSession, 2), {2026, 11, 9},
                                jn::SessionType::Individual, "note-free",
                                {{"note", "Går igenom vad som hjälpte förra gången."}}));
    jn::FormResponse start{Id(kReturningForm, 1), "form-start", 2, jn::FormPhase::Start,
                           {2026, 10, 12},        {},           2};
    start.answers = {
        {"bought-sex-ever", "yes"},           {"bought-sex-last-year", "yes"},
        {"reason-for-seeking", "buying-sex"}, {"problem-behaviour-frequency", "monthly"},
        {"can-stop-impulses", "2"},           {"wellbeing", "3"}};
    c.forms.push_back(start);
}

jn::Case DeclinedFollowUp(const std::string& id) {
    jn::Case c;
    c.id = id;
    c.code = "GBG-2024-031";
    c.reasonForContact = "Greps vid ett sexköp; polisen tipsade om mottagningen.";
    c.intake = {{jn::SeekReason::BuyingSex}, jn::ReferralRoute::PoliceAfterDiscovery};
    c.status = jn::CaseStatus::Ended;
    c.firstContact = {2024, 8, 12};
    c.start = {2024, 9, 2};
    c.end = {2025, 8, 26};
    FirstFollowUp(c, jn::FollowUpOutcome::Declined, {2026, 2, 20});
    c.family = g::Scaffold("", g::Gender::Man);
    c.sessions = {
        Signed(Id(kDeclinedSession, 1), {2024, 9, 2}, jn::SessionType::Individual, "first-visit",
               {{"why-now", "Greps vid ett sexköp i våras. Chockad och skamsen."},
                {"after-discovery", "Psykoedukation om andra i samma situation gav lättnad."}}),
        Signed(Id(kDeclinedSession, 2), {2025, 8, 26}, jn::SessionType::Closing, "note-closing",
               {{"changes", "Inga köp sedan gripandet."},
                {"agreements", "Uppföljning om sex månader; hör av sig vid behov."}}),
    };
    jn::FormResponse start{Id(kDeclinedForm, 1), "form-start", 2, jn::FormPhase::Start,
                           {2024, 9, 2},         {},           1};
    start.answers = {{"bought-sex-ever", "yes"},
                     {"bought-sex-last-year", "yes"},
                     {"has-partner", "no"},
                     {"can-stop-impulses", "2"},
                     {"wellbeing", "2"}};
    jn::FormResponse end{Id(kDeclinedForm, 2), "form-end", 2, jn::FormPhase::End,
                         {2025, 8, 26},        {},         1};
    end.answers = {{"bought-sex-ever", "yes"},
                   {"bought-sex-last-year", "yes"},
                   {"can-stop-impulses", "4"},
                   {"wellbeing", "4"},
                   {"respectful-treatment", "5"},
                   {"got-help-expected", "4"},
                   {"treatment-helped-stop-impulses", "4"}};
    c.forms = {start, end};
    return c;
}

} // namespace kartbok::cli::demo
