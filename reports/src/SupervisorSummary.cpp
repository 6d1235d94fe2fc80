// The supervisor summary: the structure of a case for supervision (handledning).
// De-identified, it carries no name, contact, date or free text: roles on the
// map, months since start instead of dates, counts instead of notes.
#include "ReportCommon.h"

#include "kartbok/journal/Dates.h"

#include <algorithm>
#include <map>

namespace kartbok::reports {

namespace jn = kartbok::journal;
using namespace detail;

namespace {

/// A dated thing in the case's current treatment episode (a returning
/// client's summary is about this episode; undated things count here).
bool InCurrentEpisode(const jn::Case& c, jn::Timestamp t) {
    return !t || jn::EpisodeAt(c, jn::DateOf(t)) == c.CurrentEpisode();
}

/// The current episode's sessions, with a returning client's earlier ones and
/// a relative's joint ones (written in another record) counted apart; `cell`:
/// short, for the pack cover's column.
std::string SessionCount(const jn::Case& c, const ReportOptions& o, bool cell) {
    const auto earlier = static_cast<std::size_t>(
        std::count_if(c.sessions.begin(), c.sessions.end(),
                      [&](const jn::Session& s) { return !InCurrentEpisode(c, s.start); }));
    const std::size_t joint = o.jointSessions.size();
    std::string text = std::to_string(c.sessions.size() - earlier);
    if (cell) {
        if (earlier > 0)
            text += " + " + std::to_string(earlier) + L(o, " tidigare", " earlier");
        if (joint > 0)
            text += " + " + std::to_string(joint) + L(o, " gem.", " joint");
        return text;
    }
    if (earlier > 0)
        text += L(o, " (och ", " (and ") + std::to_string(earlier) +
                L(o, " i tidigare behandlingsperioder)", " in earlier episodes)");
    if (joint > 0)
        text +=
            L(o, " (och ", " (and ") + std::to_string(joint) +
            L(o, joint == 1 ? " gemensamt i en annan journal)" : " gemensamma i en annan journal)",
              " joint, in another record)");
    return text;
}

constexpr jn::SessionType kTypes[] = {jn::SessionType::Individual, jn::SessionType::Couple,
                                      jn::SessionType::Relative,   jn::SessionType::Group,
                                      jn::SessionType::Remote,     jn::SessionType::Closing,
                                      jn::SessionType::FollowUp};

const char* kMonthsSv[] = {"jan", "feb", "mar", "apr", "maj", "jun",
                           "jul", "aug", "sep", "okt", "nov", "dec"};
const char* kMonthsEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct Anchor {
    jn::Date date; ///< the date months are counted from: start, else first contact
    bool Set() const { return date.Set(); }
};

Anchor AnchorOf(const jn::Case& c) {
    if (c.start.Set())
        return {c.start};
    if (c.firstContact.Set())
        return {c.firstContact};
    jn::Date first;
    for (const auto& s : c.sessions)
        if (s.start && (!first.Set() || jn::DateOf(s.start) < first))
            first = jn::DateOf(s.start);
    return {first};
}

/// "2025-06-03", or "månad 4" when de-identified.
std::string When(jn::Date d, const Anchor& a, bool deid, const ReportOptions& o) {
    if (!d.Set())
        return "–";
    if (!deid)
        return d.Iso();
    if (!a.Set())
        return L(o, "okänt", "unknown");
    return L(o, "månad ", "month ") + std::to_string(MonthsBetween(a.date, d) + 1);
}

void CaseBlock(PdfWriter& w, const jn::Case& c, const Anchor& a, bool deid, bool freeText,
               const ReportOptions& o) {
    std::vector<std::pair<std::string, std::string>> kv;
    kv.push_back({L(o, "Status", "Status"), StatusText(c.status, o)});
    if (deid) {
        if (a.Set()) {
            jn::Date last = c.end.Set() ? c.end : Today(o);
            kv.push_back(
                {c.end.Set() ? L(o, "Behandlingstid", "Length of treatment")
                             : L(o, "Tid sedan start", "Time since start"),
                 std::to_string(MonthsBetween(a.date, last)) + L(o, " månader", " months")});
        }
        if (c.firstContact.Set() && c.start.Set())
            kv.push_back({L(o, "Från första kontakt till start", "First contact to start"),
                          std::to_string(std::max(0, jn::DaysBetween(c.firstContact, c.start))) +
                              L(o, " dagar", " days")});
        if (c.followUpDue.Set())
            kv.push_back(
                {HeadingText(journal::Heading::FollowUpDue, o), When(c.followUpDue, a, true, o)});
    } else {
        if (!c.name.empty())
            kv.push_back({L(o, "Namn", "Name"), c.name});
        kv.push_back({HeadingText(journal::Heading::FirstContact, o), DateText(c.firstContact)});
        kv.push_back({L(o, "Start", "Start"), DateText(c.start)});
        kv.push_back({L(o, "Avslut", "End"), DateText(c.end)});
        kv.push_back({HeadingText(journal::Heading::FollowUpDue, o), DateText(c.followUpDue)});
    }
    kv.push_back({L(o, "Sökorsak", "Reason for seeking help"), ReasonsText(c.intake, o)});
    kv.push_back({L(o, "Hänvisning", "Referral"), ReferralText(c.intake.referral, o)});
    if (!c.pastEpisodes.empty())
        kv.push_back({L(o, "Behandlingsperiod", "Treatment episode"),
                      std::to_string(c.CurrentEpisode()) +
                          L(o, " (återkommande klient)", " (returning client)")});
    for (const jn::FollowUp& f : c.followUps)
        kv.push_back({L(o, "Uppföljning", "Follow-up"),
                      When(f.due, a, deid, o) + " · " + OutcomeText(f.outcome, o) +
                          (f.outcomeDate.Set() ? " " + When(f.outcomeDate, a, deid, o) : "")});
    kv.push_back({L(o, "Antal samtal", "Sessions"), SessionCount(c, o, false)});
    int people =
        static_cast<int>(std::count_if(c.family.people.begin(), c.family.people.end(),
                                       [](const genogram::Person& p) { return !p.placeholder; }));
    kv.push_back(
        {L(o, "Personer i familjekartan", "People in the family map"), std::to_string(people)});
    w.KeyValues(kv);
    if (freeText && !c.reasonForContact.empty()) {
        w.Subheading(HeadingText(journal::Heading::ReasonForContact, o));
        w.Paragraph(c.reasonForContact);
    }
}

/// Sessions per month (per quarter in long cases) and type, as a strip.
void SessionTimeline(PdfWriter& w, const std::vector<const jn::Session*>& dated, const Anchor& a,
                     bool deid, const ReportOptions& o) {
    jn::Date first = jn::DateOf(dated.front()->start), last = jn::DateOf(dated.back()->start);
    int months = (last.year - first.year) * 12 + (last.month - first.month) + 1;
    // Long cases: one column per quarter keeps the strip readable.
    int bucket = months > 36 ? 3 : 1;
    int columns = (months + bucket - 1) / bucket;
    std::vector<std::string> rowLabels, monthLabels;
    std::vector<std::vector<int>> counts;
    std::map<jn::SessionType, int> rowOf;
    for (jn::SessionType t : kTypes)
        for (auto* s : dated)
            if (s->type == t && !rowOf.count(t)) {
                rowOf[t] = static_cast<int>(rowLabels.size());
                rowLabels.push_back(SessionTypeText(t, o));
                counts.emplace_back(columns, 0);
            }
    for (auto* s : dated) {
        jn::Date d = jn::DateOf(s->start);
        int m = ((d.year - first.year) * 12 + (d.month - first.month)) / bucket;
        ++counts[rowOf[s->type]][m];
    }
    for (int col = 0; col < columns; ++col) {
        int m0 = first.month - 1 + col * bucket;
        int year = first.year + m0 / 12, month = m0 % 12;
        if (deid && a.Set()) {
            jn::Date d{year, month + 1, 28};
            monthLabels.push_back(
                std::to_string(MonthsBetween(jn::Date{a.date.year, a.date.month, 1}, d) + 1));
        } else {
            std::string label = o.language == "en" ? kMonthsEn[month] : kMonthsSv[month];
            if (col == 0 || month < bucket)
                label += "\n" + std::to_string(year);
            monthLabels.push_back(label);
        }
    }
    w.Timeline(rowLabels, monthLabels, counts);
    if (deid)
        w.Paragraph(L(o, "Kolumner: månad sedan behandlingsstart.",
                      "Columns: month since start of treatment."),
                    TextStyle::Muted);
    else if (bucket > 1)
        w.Paragraph(L(o, "En kolumn per kvartal.", "One column per quarter."), TextStyle::Muted);
}

/// Per session type: how many, the first and the latest.
void SessionTypeTable(PdfWriter& w, const std::vector<const jn::Session*>& dated, const Anchor& a,
                      bool deid, const ReportOptions& o) {
    std::vector<std::vector<std::string>> rows;
    for (jn::SessionType t : kTypes) {
        std::vector<const jn::Session*> of;
        for (auto* s : dated)
            if (s->type == t)
                of.push_back(s);
        if (of.empty())
            continue;
        rows.push_back({SessionTypeText(t, o), std::to_string(of.size()),
                        When(jn::DateOf(of.front()->start), a, deid, o),
                        When(jn::DateOf(of.back()->start), a, deid, o)});
    }
    w.Table({{L(o, "Samtalstyp", "Type"), 3},
             {L(o, "Antal", "Count"), 1.2},
             {L(o, "Första", "First"), 2},
             {L(o, "Senaste", "Latest"), 2}},
            rows);
}

void SessionsBlock(PdfWriter& w, const jn::Case& c, const Anchor& a, bool deid,
                   const ReportOptions& o) {
    w.Heading(L(o, "Samtal över tid", "Sessions over time"));
    // A relative's joint sessions are written in the index client's case:
    // here they count by date and length only, as joint sessions.
    std::vector<jn::Session> joint;
    for (const jn::JointSession& j : o.jointSessions) {
        jn::Session s;
        s.id = j.indexSessionId;
        s.start = j.start;
        s.minutes = j.minutes;
        s.type = jn::SessionType::Couple;
        joint.push_back(s);
    }
    std::vector<const jn::Session*> dated;
    for (const auto& s : c.sessions)
        if (s.start && InCurrentEpisode(c, s.start))
            dated.push_back(&s);
    for (const auto& s : joint)
        if (s.start && InCurrentEpisode(c, s.start))
            dated.push_back(&s);
    if (dated.empty()) {
        w.Paragraph(L(o, "Inga samtal registrerade.", "No sessions recorded."), TextStyle::Muted);
        return;
    }
    std::sort(dated.begin(), dated.end(), [](auto* x, auto* y) { return x->start < y->start; });
    SessionTimeline(w, dated, a, deid, o);
    SessionTypeTable(w, dated, a, deid, o);
}

void CoverageBlock(PdfWriter& w, const jn::Case& c, const jn::TemplateSet& templates,
                   const ReportOptions& o) {
    w.Heading(L(o, "Djupintervju", "Deep interview"));
    const jn::Template* tpl = templates.Find("deep-interview");
    if (!tpl) {
        w.Paragraph(
            L(o, "Mallen för djupintervju saknas.", "The deep-interview template is missing."),
            TextStyle::Muted);
        return;
    }
    std::vector<OpenTopic> open = OpenTopics(c, templates, o);
    std::vector<std::vector<std::string>> rows;
    int total = 0, covered = 0, partly = 0;
    for (const auto& section : tpl->sections) {
        int n = static_cast<int>(section.items.size()), p = 0, nyet = 0;
        for (const auto& t : open)
            if (t.section == section.title.In(o.language))
                (t.state == jn::TopicState::Partly ? p : nyet)++;
        total += n;
        covered += n - p - nyet;
        partly += p;
        rows.push_back({section.title.In(o.language), std::to_string(n - p - nyet),
                        std::to_string(p), std::to_string(nyet)});
    }
    w.Paragraph(std::to_string(covered) + L(o, " av ", " of ") + std::to_string(total) +
                    L(o, " ämnen avklarade, ", " topics covered, ") + std::to_string(partly) +
                    L(o, " delvis.", " partly."),
                TextStyle::Bold);
    w.Table({{L(o, "Avsnitt", "Section"), 4},
             {TopicStateText(jn::TopicState::Covered, o), 1.3},
             {TopicStateText(jn::TopicState::Partly, o), 1.3},
             {TopicStateText(jn::TopicState::NotYet, o), 1.3}},
            rows);
}

void FormsBlock(PdfWriter& w, const jn::Case& c, const jn::TemplateSet& templates, const Anchor& a,
                bool deid, bool freeText, const ReportOptions& o) {
    w.Heading(L(o, "Självskattningar", "Self-rating forms"));
    FormsOverTime forms = CollectForms(c, templates, o.language, Today(o));
    std::vector<std::vector<std::string>> status;
    for (const auto& p : forms.phases) {
        std::string state;
        if (p.present)
            state = When(p.date, a, deid, o);
        else if (p.expected)
            state = L(o, "saknas", "missing");
        else if (p.followUpOutcome == jn::FollowUpOutcome::Declined ||
                 p.followUpOutcome == jn::FollowUpOutcome::NotReached)
            state = L(o, "ingen – uppföljningen ", "none – the follow-up was ") +
                    OutcomeText(*p.followUpOutcome, o);
        else if (p.dueFrom.Set())
            state = L(o, "inte aktuellt förrän ", "not due until ") + When(p.dueFrom, a, deid, o);
        else
            state = L(o, "inte aktuellt än", "not due yet");
        status.push_back({PhaseText(p.phase, o), state});
    }
    w.Table({{L(o, "Formulär", "Form"), 2}, {L(o, "Ifyllt", "Filled in"), 3}}, status);
    if (forms.PresentCount() == 0)
        return;
    auto rows = FormRows(forms, o, {0, 1, 2}, !freeText);
    if (!rows.empty()) {
        w.Table({{L(o, "Fråga", "Question"), 5},
                 {PhaseText(jn::FormPhase::Start, o), 1.7},
                 {PhaseText(jn::FormPhase::End, o), 1.7},
                 {PhaseText(jn::FormPhase::FollowUp, o), 1.7}},
                rows);
    }
    auto charts = ChartSeriesOf(forms, o);
    if (!charts.empty()) {
        w.Subheading(L(o, "Förändring över tid", "Change over time"));
        w.Charts(charts, PhaseShortLabels(o));
    }
}

void ThemesBlock(PdfWriter& w, const jn::Case& c, const ReportOptions& o) {
    std::map<std::string, int> count;
    for (const auto& s : c.sessions)
        for (const auto& t : s.themes)
            ++count[t];
    if (count.empty())
        return;
    std::vector<std::pair<std::string, int>> sorted(count.begin(), count.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](auto& x, auto& y) { return x.second > y.second; });
    std::string list;
    for (const auto& [t, n] : sorted)
        list += (list.empty() ? "" : ", ") + t + (n > 1 ? " (" + std::to_string(n) + ")" : "");
    w.Heading(L(o, "Teman i samtalen", "Themes in the sessions"));
    w.Paragraph(list);
}

void Body(PdfWriter& w, const jn::Case& whole, const jn::TemplateSet& templates,
          const ReportOptions& o) {
    const ReportableCase own = OwnContent(whole, templates);
    const jn::Case& c = own.c;
    bool deid = o.deidentify;
    bool freeText = !deid || o.includeFreeText;
    Anchor a = AnchorOf(c);
    std::string subtitle =
        L(o, "Klientkod ", "Client code ") + c.code + " · " +
        (deid ? L(o, "Avidentifierad: roller i stället för namn, månader i stället för datum",
                  "De-identified: roles instead of names, months instead of dates")
              : L(o, "Med personuppgifter", "Identified"));
    w.Title(L(o, "Sammanfattning för handledning", "Case summary for supervision"), subtitle);
    LeftOutBlock(w, own, o);
    CaseBlock(w, c, a, deid, freeText, o);
    w.Heading(L(o, "Familjekarta", "Family map"));
    MapBlock(w, c, deid, o, 290);
    SessionsBlock(w, c, a, deid, o);
    if (freeText)
        ThemesBlock(w, c, o);
    CoverageBlock(w, c, templates, o);
    FormsBlock(w, c, templates, a, deid, freeText, o);
}

/// One line of the pack's cover: what a supervisor scans before the pages.
std::vector<std::string> CoverRow(const jn::Case& c, const jn::TemplateSet& templates,
                                  const ReportOptions& o) {
    const Anchor a = AnchorOf(c);
    std::string months = "–";
    if (a.Set())
        months = std::to_string(MonthsBetween(a.date, c.end.Set() ? c.end : Today(o)));
    std::string coverage = "–";
    if (const jn::Template* tpl = templates.Find("deep-interview")) {
        const auto open = OpenTopics(c, templates, o);
        const std::size_t total = tpl->Items().size();
        std::size_t notCovered = 0;
        for (const auto& t : open)
            notCovered += t.section.empty() ? 0 : 1; // topics of the template, not retired ones
        coverage =
            std::to_string(total - std::min(total, notCovered)) + "/" + std::to_string(total);
    }
    std::string forms;
    for (const auto& p : CollectForms(c, templates, o.language).phases)
        if (p.present)
            forms += (forms.empty() ? "" : ", ") + PhaseText(p.phase, o);
    const std::string sessions = SessionCount(c, o, true);
    return {c.code,   StatusText(c.status, o),    months, sessions,
            coverage, forms.empty() ? "–" : forms};
}

/// The pack's options for one of its cases: that case's joint sessions.
ReportOptions ForCase(const ReportOptions& o, const jn::Case& c, const JointSessionsByCase& joint) {
    ReportOptions one = o;
    const auto it = joint.find(c.id);
    one.jointSessions = it == joint.end() ? std::vector<jn::JointSession>{} : it->second;
    return one;
}

void PackCover(PdfWriter& w, const std::vector<const jn::Case*>& cases,
               const jn::TemplateSet& templates, const ReportOptions& o,
               const JointSessionsByCase& joint) {
    w.Title(L(o, "Handledningsunderlag – ärendegenomgång", "Supervision pack – caseload review"),
            std::to_string(cases.size()) + L(o, " klienter · ", " clients · ") +
                L(o,
                  "Avidentifierad: roller i stället för namn, månader i stället för datum, "
                  "ingen fritext",
                  "De-identified: roles instead of names, months instead of dates, no free "
                  "text"));
    w.Paragraph(L(o,
                  "Klienterna anges med sina pseudonyma koder, samma som står i sidhuvudet på "
                  "varje sida. Varje klients sammanfattning börjar på en ny sida.",
                  "Clients are named by their pseudonymous codes, the same as in the header of "
                  "every page. Each client's summary starts on a new page."),
                TextStyle::Muted);
    std::vector<std::vector<std::string>> rows;
    for (const jn::Case* c : cases)
        rows.push_back(CoverRow(*c, templates, ForCase(o, *c, joint)));
    w.Table({{L(o, "Klientkod", "Client code"), 2.2},
             {L(o, "Status", "Status"), 2},
             {L(o, "Månader", "Months"), 1.2},
             {HeadingText(journal::Heading::Sessions, o), 1.2},
             {HeadingText(journal::Heading::DeepInterview, o), 1.6},
             {L(o, "Formulär ifyllda", "Forms filled in"), 2.4}},
            rows);
}

} // namespace

std::vector<unsigned char> RenderSupervisionPack(const std::vector<jn::Case>& cases,
                                                 const jn::TemplateSet& templates,
                                                 const ReportOptions& options,
                                                 const JointSessionsByCase& joint) {
    ReportOptions o = options;
    o.deidentify = true; // a pack leaves the therapist's hands: never names, dates or text
    o.includeFreeText = false;
    std::vector<const jn::Case*> sorted;
    for (const auto& c : cases)
        sorted.push_back(&c);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const jn::Case* a, const jn::Case* b) { return a->code < b->code; });
    PageFrame frame;
    jn::Case cover;
    cover.code = L(o, "Ärendegenomgång", "Caseload review");
    frame = Frame(L(o, "Handledningsunderlag", "Supervision pack"), cover, o);
    return RenderPdf(frame, [&](PdfWriter& w) {
        PackCover(w, sorted, templates, o, joint);
        for (const jn::Case* c : sorted) {
            w.NewCase(c->code);
            Body(w, *c, templates, ForCase(o, *c, joint));
        }
    });
}

std::vector<unsigned char> RenderSupervisorSummary(const jn::Case& c,
                                                   const jn::TemplateSet& templates,
                                                   const ReportOptions& options) {
    return RenderPdf(
        Frame(L(options, "Sammanfattning för handledning", "Supervisor summary"), c, options),
        [&](PdfWriter& w) { Body(w, c, templates, options); });
}

} // namespace kartbok::reports
