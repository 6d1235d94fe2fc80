// The demo vault's main client, GBG-2025-017 (kartbok-cli demo): a year of
// signed session notes from the first visit to the closing session, a full
// family map, a partly covered deep interview, and start and end forms.
// Everything is invented.
#include "DemoCases.h"

#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Sample.h"
#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Episodes.h"

#include <vector>

namespace kartbok::cli::demo {

namespace {

namespace g = kartbok::genogram;
namespace jn = kartbok::journal;

std::string SessionId(int n) {
    return Id(kMainSession, n);
}

struct NoteSpec {
    jn::Date date;
    jn::SessionType type;
    const char* templateId;
    std::vector<jn::NoteField> fields;
    std::vector<std::string> themes;
    std::vector<std::string> methods;
    const char* nextSteps;
};

using T = jn::SessionType;

/// June-August 2025: the first visit and the deep interview - the family map,
/// childhood, puberty and the first purchase. Field ids follow the shipped
/// note templates.
std::vector<NoteSpec> AssessmentNotes() {
    return {
        {{2025, 6, 3},
         T::Individual,
         "first-visit",
         {{"why-now", "Söker själv efter att partnern hittat meddelanden i telefonen. Har köpt sex "
                      "i omkring tolv år, "
                      "oftast på tjänsteresor. Vill sluta och förstå varför."},
          {"function-of-behaviour", "Beskriver köpen som ett sätt att bli av med oro och tomhet "
                                    "efter konflikter. Skam efteråt."},
          {"wish-to-change",
           "Klienten vill ha hjälp att förstå mönstret och vill kunna berätta för partnern själv."},
          {"plan", "Vi gör en djupintervju de kommande veckorna och börjar med familjekartan."}},
         {"skam", "motivation"},
         {"psychoeducation"},
         "Boka djupintervju. Klienten för dagbok över impulser."},
        {{2025, 6, 10},
         T::Individual,
         "note-dap",
         {{"data", "Familjekartan påbörjad i tre generationer. Fadern lämnade familjen när "
                   "klienten var sju år."},
          {"assessment", "Tydligt mönster av att dra sig undan vid närhet. Sorg kring fadern som "
                         "inte bearbetats."},
          {"plan", "Fortsätta kartan med moderns sida. Känslspråksalfabetet introduceras."}},
         {"familj", "förlust"},
         {"family-map"},
         "Ta med foton från barndomen om det känns rätt."},
        {{2025, 6, 17},
         T::Individual,
         "note-dap",
         {{"data", "Moderns sida av kartan. Morfadern drack; mormodern höll ihop familjen."},
          {"assessment", "Klienten ser likheter mellan mormoderns roll och sin egen partners."},
          {"plan", "Barndom och skolgång nästa gång."}},
         {"familj", "alkohol"},
         {"family-map"},
         "Fortsatt dagbok."},
        {{2025, 6, 24},
         T::Individual,
         "note-dap",
         {{"data", "Barndom, skola och vänner. Ensam på rasterna under mellanstadiet."},
          {"assessment",
           "Tidig erfarenhet av att inte bli sedd; söker bekräftelse utanför relationen."},
          {"plan", "Pubertet och sexuell debut efter sommaruppehållet."}},
         {"barndom", "ensamhet"},
         {"emotion-vocabulary"},
         "Sommaruppehåll; kontakt vid behov."},
        {{2025, 8, 19},
         T::Individual,
         "note-dap",
         {{"data", "Pubertet och sexuell debut. Tidig kontakt med pornografi via en äldre kusin."},
          {"assessment", "Sexualiteten kopplades tidigt ihop med att hantera oro."},
          {"plan", "Första köpet och vad som hände före."}},
         {"sexualitet", "skam"},
         {},
         "Dagbok: situationer före impulser."},
        {{2025, 8, 26},
         T::Individual,
         "note-dap",
         {{"data", "Första köpet skedde under en tjänsteresa efter ett gräl med dåvarande sambo."},
          {"assessment", "Köpet som flykt från en smärtsam känsla, återupprepat under många år."},
          {"plan", "Börja arbeta med här och nu: varningssignaler och alternativ."}},
         {"första köpet", "impulser"},
         {"externalising"},
         "Skriva ner tre varningssignaler."},
    };
}

/// September 2025-January 2026: the partner joins, the work with impulses,
/// and the grief for the father.
std::vector<NoteSpec> ChangeNotes() {
    return {
        {{2025, 9, 9},
         T::Couple,
         "note-soap",
         {{"subjective",
           "Partnern deltar. Hon beskriver förlorad tillit och att hon tar på sig skuld."},
          {"objective",
           "Båda berörda; klienten tar ansvar för sitt beteende utan att försvara sig."},
          {"assessment", "Partnern behöver eget stöd; anhörigsamtal erbjuds."},
          {"plan", "Partnern erbjuds två egna samtal."}},
         {"relation", "tillit"},
         {"psychoeducation"},
         "Anhörigsamtal bokas för partnern."},
        {{2025, 10, 7},
         T::Individual,
         "note-soap",
         {{"subjective", "Två veckor utan köp. Stark impuls efter konflikt på jobbet."},
          {"objective", "Använde sin lista med alternativ: ringde en vän, gick en promenad."},
          {"assessment", "Ny förmåga att stanna i känslan."},
          {"plan", "Fortsätta med känslspråksalfabetet."}},
         {"impulser", "känslor"},
         {"emotion-vocabulary", "cbt-homework"},
         "Hemuppgift: känsla före impuls."},
        {{2025, 10, 28},
         T::Individual,
         "note-soap",
         {{"subjective", "Berättar om fadern och om att aldrig ha fått ett avslut."},
          {"objective", "Gråter för första gången i samtalen."},
          {"assessment",
           "Sorgen efter fadern är central; brytningen kan ha bidragit till mönstret."},
          {"plan", "Upplevelsebaserad övning: brev till fadern."}},
         {"förlust", "pappa"},
         {"experiential-exercise"},
         "Skriva ett brev som inte ska skickas."},
        {{2025, 11, 18},
         T::Individual,
         "note-soap",
         {{"subjective", "Har skrivit brevet. Läser delar av det."},
          {"objective", "Lugnare, mer närvarande."},
          {"assessment", "Bearbetning pågår."},
          {"plan", "Tala om relationen till partnern."}},
         {"pappa"},
         {"experiential-exercise"},
         "Fortsatt dagbok."},
        {{2025, 12, 9},
         T::Couple,
         "note-soap",
         {{"subjective", "Paret berättar om försiktigt återuppbyggt förtroende."},
          {"objective", "Mer öppen kommunikation i rummet."},
          {"assessment", "Relationen bär, men partnern behöver tid."},
          {"plan", "Individuella samtal fortsätter efter jul."}},
         {"relation", "tillit"},
         {},
         "Uppehåll över jul; krisnummer lämnat."},
        {{2026, 1, 13},
         T::Individual,
         "note-soap",
         {{"subjective", "Julen gick bra. En återfallstanke på nyår men inget köp."},
          {"objective", "Reflekterande, använder känsloord spontant."},
          {"assessment", "Stabilare."},
          {"plan", "Fokus på närhet och sexualitet i relationen."}},
         {"impulser"},
         {"emotion-vocabulary"},
         "Samtal varannan vecka."},
    };
}

/// February-June 2026: parenthood, openness, the relapse plan and the
/// closing session.
std::vector<NoteSpec> EndingNotes() {
    return {
        {{2026, 2, 3},
         T::Remote,
         "note-free",
         {{"note", "Videosamtal på grund av sjukdom. Kort avstämning; mår bra, inga köp."}},
         {},
         {},
         "Nästa samtal på mottagningen."},
        {{2026, 2, 24},
         T::Individual,
         "note-soap",
         {{"subjective", "Pratar om sin son och om vad han vill föra vidare."},
          {"objective", "Engagerad."},
          {"assessment", "Föräldraskapet en stark motivation."},
          {"plan", "Börja planera avslut under våren."}},
         {"föräldraskap"},
         {},
         "Samtal om tre veckor."},
        {{2026, 3, 17},
         T::Individual,
         "note-soap",
         {{"subjective", "Har berättat för sin syster om behandlingen."},
          {"objective", "Lättad."},
          {"assessment", "Mindre skam, större öppenhet."},
          {"plan", "Återfallsprevention."}},
         {"skam", "öppenhet"},
         {"cbt-homework"},
         "Skriva en egen återfallsplan."},
        {{2026, 4, 14},
         T::Individual,
         "note-soap",
         {{"subjective", "Går igenom återfallsplanen."},
          {"objective", "Planen är konkret och realistisk."},
          {"assessment", "Redo för avslut i juni."},
          {"plan", "Avslutande samtal i juni; uppföljning i december."}},
         {"återfall"},
         {"cbt-homework"},
         "Avslut bokat."},
        {{2026, 5, 12},
         T::Couple,
         "note-soap",
         {{"subjective", "Paret ser framåt. Partnern har fått stöd på annat håll."},
          {"objective", "Varmare ton mellan dem."},
          {"assessment", "Relationen stabil."},
          {"plan", "Avslut."}},
         {"relation"},
         {},
         "Avslutande samtal."},
        {{2026, 6, 9},
         T::Closing,
         "note-closing",
         {{"course", "Tolv månader av samtal: djupintervju, familjekarta, arbete med impulser och "
                     "sorgen efter fadern."},
          {"changes", "Inga köp sedan augusti 2025. Kan sätta ord på känslor före impulser."},
          {"tools", "Klienten upplever att han förstår sitt mönster och har verktyg."},
          {"agreements", "Uppföljning om sex månader. Fråga om återfallsplanen och relationen."}},
         {"avslut", "återfall"},
         {},
         "Uppföljning i december 2026."},
    };
}

/// The year of notes, in order.
std::vector<NoteSpec> Notes() {
    std::vector<NoteSpec> notes = AssessmentNotes();
    for (auto part : {ChangeNotes(), EndingNotes()})
        notes.insert(notes.end(), part.begin(), part.end());
    return notes;
}

void AddDeepInterview(jn::Case& c, const g::Family& f, g::PersonId client) {
    g::PersonId father = g::FatherOf(f, client);
    g::PersonId mother = g::MotherOf(f, client);
    auto partners = g::PartnersOf(f, client);
    g::PersonId partner = partners.empty() ? g::kNoId : partners.back();
    auto people = [](std::initializer_list<g::PersonId> ids) {
        std::vector<g::PersonId> out;
        for (auto id : ids)
            if (id != g::kNoId)
                out.push_back(id);
        return out;
    };
    jn::ChecklistRun run;
    run.templateId = "deep-interview";
    run.templateVersion = 2;
    using S = jn::TopicState;
    run.entries = {
        {"family-map-three-generations",
         S::Covered,
         "Tre generationer; faderns sida glesare.",
         {SessionId(1), SessionId(2)},
         people({client, father, mother})},
        {"childhood-interests",
         S::Covered,
         "Fotboll och modellbyggen.",
         {SessionId(3)},
         people({client})},
        {"childhood-school",
         S::Covered,
         "Ensam på rasterna i mellanstadiet.",
         {SessionId(3)},
         people({client})},
        {"childhood-friends", S::Partly, "", {SessionId(3)}, {}},
        {"upbringing-patterns",
         S::Partly,
         "Mormoderns roll; konflikter tystades.",
         {SessionId(2)},
         people({mother})},
        {"vulnerability",
         S::Partly,
         "Faderns uppbrott när klienten var fem.",
         {SessionId(9)},
         people({father})},
        {"puberty", S::Covered, "", {SessionId(4)}, {}},
        {"sexual-debut", S::Covered, "", {SessionId(4)}, {}},
        {"first-purchase-or-onset",
         S::Covered,
         "Tjänsteresa efter gräl med dåvarande sambo.",
         {SessionId(5)},
         people({partners.empty() ? g::kNoId : partners.front()})},
        {"relationships", S::Partly, "", {SessionId(6)}, people({partner})},
        {"sexual-fantasies", S::Partly, "Svårt att tala om; återkommer.", {SessionId(5)}, {}},
    };
    c.checklists.push_back(std::move(run));
}

void AddForms(jn::Case& c) {
    jn::FormResponse start{"f0a11000-0000-4000-8000-000000000001",
                           "form-start",
                           2,
                           jn::FormPhase::Start,
                           {2025, 6, 3},
                           {},
                           1};
    start.answers = {{"bought-sex-ever", "yes"},
                     {"reason-for-seeking", "buying-sex"},
                     {"problem-behaviours", "buying-sex,internet-pornography"},
                     {"inadequacy", "4"},
                     {"self-image", "5"},
                     {"bought-sex-last-year", "yes"},
                     {"has-partner", "yes"},
                     {"has-children", "yes"},
                     {"problem-behaviour-frequency", "weekly"},
                     {"behaviour-destructive-self", "4"},
                     {"thoughts-destructive-self", "4"},
                     {"behaviour-destructive-relations", "5"},
                     {"guilt-and-shame", "5"},
                     {"can-stop-impulses", "2"},
                     {"wellbeing", "2"},
                     {"can-name-feelings", "2"},
                     {"relations-quality", "2"},
                     {"alcohol-frequency", "several-monthly"}};
    jn::FormResponse end{"f0a11000-0000-4000-8000-000000000002",
                         "form-end",
                         2,
                         jn::FormPhase::End,
                         {2026, 6, 9},
                         {},
                         1};
    end.answers = {{"bought-sex-ever", "yes"},
                   {"bought-sex-last-year", "yes"},
                   {"problem-behaviours", "none"},
                   {"inadequacy", "2"},
                   {"self-image", "2"},
                   {"has-partner", "yes"},
                   {"has-children", "yes"},
                   {"problem-behaviour-frequency", "never"},
                   {"behaviour-destructive-self", "2"},
                   {"thoughts-destructive-self", "2"},
                   {"behaviour-destructive-relations", "1"},
                   {"guilt-and-shame", "3"},
                   {"can-stop-impulses", "4"},
                   {"wellbeing", "4"},
                   {"can-name-feelings", "4"},
                   {"relations-quality", "4"},
                   {"alcohol-frequency", "monthly"},
                   {"could-come-often-enough", "5"},
                   {"could-come-long-enough", "5"},
                   {"respectful-treatment", "5"},
                   {"non-judgmental-treatment", "5"},
                   {"dignified-treatment", "5"},
                   {"could-talk-difficult-sexual-matters", "4"},
                   {"got-help-expected", "4"},
                   {"treatment-helped-stop-impulses", "4"}};
    c.forms = {start, end};
}

} // namespace

jn::Case MainCase(const std::string& id) {
    jn::Case c;
    c.id = id;
    c.code = "GBG-2025-017";
    c.reasonForContact = "Har köpt sex i tolv år och vill sluta. Partnern har fått veta.";
    c.intake = {{jn::SeekReason::BuyingSex}, jn::ReferralRoute::Partner};
    c.status = jn::CaseStatus::Ended;
    c.firstContact = {2025, 5, 20};
    c.start = {2025, 6, 3};
    c.end = {2026, 6, 9};
    c.followUpMonths = 6;
    FirstFollowUp(c, jn::FollowUpOutcome::Planned);
    c.family = g::RichSampleFamily();
    g::PersonId client = c.family.IndexPerson().value_or(g::kNoId);
    auto partners = g::PartnersOf(c.family, client);
    g::PersonId partner = partners.empty() ? g::kNoId : partners.back();

    int n = 0;
    for (const auto& spec : Notes()) {
        jn::Session s =
            Signed(SessionId(++n), spec.date, spec.type, spec.templateId, spec.fields, spec.themes);
        s.start = At(spec.date, 9); // his sessions are at nine
        s.minutes = spec.type == jn::SessionType::Remote ? 30 : 60;
        if (spec.type == jn::SessionType::Couple && partner)
            s.participants = {partner};
        s.methods = spec.methods;
        s.nextSteps = spec.nextSteps;
        c.sessions.push_back(std::move(s));
    }
    // An addendum and a correction, as the record rules allow after signing.
    c.sessions[6].addenda.push_back(
        {kTherapist, At({2025, 9, 10}, 8),
         "Partnern ringde dagen efter och bekräftade att hon vill ha egna samtal.",
         "Uppgift som kom in efter samtalet", ""});
    c.sessions[1].addenda.push_back({kTherapist, At({2025, 10, 29}, 8),
                                     "Familjekartan påbörjad i tre generationer. Fadern lämnade "
                                     "familjen när klienten var fem år.",
                                     "Fel ålder: klienten rättade uppgiften i samtalet 28 oktober",
                                     "data"});
    AddDeepInterview(c, c.family, client);
    AddForms(c);
    return c;
}

} // namespace kartbok::cli::demo
