// The follow-up brief: what a therapist reads before meeting a client again
// 4-8 months after the end (docs/design.md, "Who it is for"), on one or two pages.
#include "ReportCommon.h"

#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Episodes.h"
#include "kartbok/journal/Lifecycle.h"

#include <algorithm>

namespace kartbok::reports {

namespace jn = kartbok::journal;
using namespace detail;

namespace {

/// Note fields where the closing session records what was agreed for the
/// follow-up: the shipped template's "agreements", and "follow-up-plan" used
/// by older clinic templates and the demo.
constexpr const char* kPlanFields[] = {"follow-up-plan", "agreements"};

std::string Quote(const std::string& text, std::size_t max = 220) {
    std::string t = text;
    if (t.size() > max) {
        std::size_t cut = t.rfind(' ', max);
        t = t.substr(0, cut == std::string::npos ? max : cut) + " …";
    }
    return "”" + t + "”";
}

std::vector<std::string> SuggestedQuestions(const jn::Case& c, const jn::Session* closing,
                                            const FormsOverTime& forms,
                                            const std::vector<OpenTopic>& open,
                                            const ReportOptions& o) {
    std::vector<std::string> q;
    if (closing) {
        for (const char* id : kPlanFields) {
            std::string plan = jn::CurrentText(*closing, id);
            if (!plan.empty())
                q.push_back(L(o, "Följ upp det ni kom överens om vid avslutet: ",
                              "Follow up what you agreed at the end: ") +
                            Quote(plan));
        }
        std::string next = jn::CurrentText(*closing, "next-steps");
        if (!next.empty())
            q.push_back(L(o, "Till nästa gång stod det: ", "Next steps said: ") + Quote(next));
    }
    int changed = 0;
    for (const auto& row : forms.items)
        if (ChangedLittle(row) && changed < 4) {
            ++changed;
            q.push_back(L(o, "Lite förändring mellan start och avslut (",
                          "Little change between start and end (") +
                        row.display[0] + " → " + row.display[1] + "): ”" + row.title + "” " +
                        L(o, "Hur är det i dag?", "How is it today?"));
        }
    // Partly covered topics first: something was started there.
    std::vector<OpenTopic> ordered = open;
    std::stable_partition(ordered.begin(), ordered.end(),
                          [](const OpenTopic& t) { return t.state == jn::TopicState::Partly; });
    int topics = 0;
    for (const auto& t : ordered)
        if (topics < 4) {
            ++topics;
            q.push_back(L(o, "Ämne som inte blev helt genomgånget: ", "Topic not fully covered: ") +
                        t.title + " (" + TopicStateText(t.state, o) +
                        L(o, "). Vill klienten ta upp det nu?",
                          "). Does the client want to take it up now?"));
        }
    const auto outcome = forms.phases[2].followUpOutcome;
    const bool noForm =
        outcome == jn::FollowUpOutcome::Declined || outcome == jn::FollowUpOutcome::NotReached;
    if (!forms.phases[2].present && !noForm)
        q.push_back(
            L(o,
              "Be klienten fylla i självskattningen för uppföljning, så att start, avslut och "
              "uppföljning kan jämföras.",
              "Ask the client to fill in the follow-up self-rating so start, end and follow-up can "
              "be "
              "compared."));
    (void)c;
    return q;
}

/// Sessions of the current episode, and the joint ones of a relative's case.
std::string SessionCount(const jn::Case& c, const ReportOptions& o) {
    const int episode = c.CurrentEpisode();
    auto own = std::count_if(c.sessions.begin(), c.sessions.end(),
                             [&](const jn::Session& s) { return jn::EpisodeOf(c, s) == episode; });
    std::string text = std::to_string(own);
    if (!o.jointSessions.empty())
        text += L(o, " (och ", " (and ") + std::to_string(o.jointSessions.size()) +
                L(o, o.jointSessions.size() == 1 ? " gemensamt)" : " gemensamma)", " joint)");
    return text;
}

void KeyDates(PdfWriter& w, const jn::Case& c, const ReportOptions& o) {
    w.Heading(L(o, "Viktiga datum", "Key dates"));
    std::string due = DateText(c.followUpDue);
    jn::Date today = Today(o);
    if (c.followUpDue.Set()) {
        int days = jn::DaysBetween(today, c.followUpDue);
        due += days >= 0 ? L(o, " (om ", " (in ") + std::to_string(days) + L(o, " dagar)", " days)")
                         : L(o, " (passerat för ", " (passed ") + std::to_string(-days) +
                               L(o, " dagar sedan)", " days ago)");
    }
    std::vector<std::pair<std::string, std::string>> kv{
        {HeadingText(journal::Heading::FirstContact, o), DateText(c.firstContact)},
        {HeadingText(journal::Heading::TreatmentStart, o), DateText(c.start)},
        {L(o, "Avslut", "End"), DateText(c.end)},
        {L(o, "Nästa uppföljning", "Next follow-up"), due},
        {L(o, "Samtal", "Sessions"), SessionCount(c, o)}};
    if (!c.pastEpisodes.empty())
        kv.insert(kv.begin(), {L(o, "Behandlingsperiod", "Treatment episode"),
                               std::to_string(c.CurrentEpisode()) +
                                   L(o, " (återkommande klient)", " (returning client)")});
    w.KeyValues(kv);
    auto lines = FollowUpLines(c.followUps, o);
    if (lines.size() > 1 ||
        (lines.size() == 1 && c.followUps[0].outcome != jn::FollowUpOutcome::Planned))
        w.Bullets(lines);
}

/// What the closing session recorded: date, author, themes, every field, the
/// agreed next steps.
void ClosingBlock(PdfWriter& w, const jn::Session* closing, const jn::TemplateSet& templates,
                  const ReportOptions& o) {
    w.Heading(L(o, "Avslutande samtal", "Closing session"));
    if (!closing) {
        w.Paragraph(
            L(o, "Inget avslutande samtal är registrerat.", "No closing session is recorded."),
            TextStyle::Muted);
    } else {
        w.Paragraph(DateText(jn::DateOf(closing->start)) + " · " + closing->author,
                    TextStyle::Muted);
        if (!closing->themes.empty()) {
            std::string themes;
            for (const auto& t : closing->themes)
                themes += (themes.empty() ? "" : ", ") + t;
            w.Rich({{HeadingText(journal::Heading::Themes, o) + ": ", false, true}, {themes}});
        }
        for (const auto& f : closing->fields) {
            std::string text = jn::CurrentText(*closing, f.id);
            if (text.empty())
                continue;
            w.Rich(
                {{ItemTitle(templates, closing->templateId, f.id, o) + ": ", false, true}, {text}});
        }
        std::string next = jn::CurrentText(*closing, "next-steps");
        if (!next.empty())
            w.Rich({{L(o, "Överenskommet till nästa gång: ", "Agreed next steps: "), false, true},
                    {next}});
    }
}

/// The answers asked both at start and end, as a table and up to three charts
/// (frequencies first).
void SelfRatingBlock(PdfWriter& w, const FormsOverTime& forms, const ReportOptions& o) {
    w.Heading(L(o, "Självskattning vid start och avslut", "Self-rating at start and end"));
    // Only what was asked both times can show change; questions asked once
    // (the treatment experience at the end) are in the supervisor summary.
    auto rows = FormRows(forms, o, {0, 1}, true, true);
    if (rows.empty()) {
        w.Paragraph(
            L(o, "Inga formulärsvar vid start eller avslut.", "No form answers at start or end."),
            TextStyle::Muted);
    } else {
        w.Table({{L(o, "Fråga", "Question"), 5.2},
                 {PhaseText(jn::FormPhase::Start, o) + " " + DateText(forms.phases[0].date), 2.4},
                 {PhaseText(jn::FormPhase::End, o) + " " + DateText(forms.phases[1].date), 2.4}},
                rows);
        auto charts = ChartSeriesOf(forms, o);
        if (charts.size() > 3)
            charts.resize(3);
        if (!charts.empty())
            w.Charts(charts, PhaseShortLabels(o));
    }
}

/// The deep-interview topics not yet covered, partly covered first.
void OpenTopicsBlock(PdfWriter& w, const std::vector<OpenTopic>& open, const ReportOptions& o) {
    w.Heading(L(o, "Öppna ämnen i djupintervjun", "Open deep-interview topics"));
    if (open.empty()) {
        w.Paragraph(L(o, "Alla ämnen är genomgångna.", "Every topic is covered."),
                    TextStyle::Muted);
    } else {
        for (jn::TopicState state : {jn::TopicState::Partly, jn::TopicState::NotYet}) {
            std::string list;
            for (const auto& t : open)
                if (t.state == state)
                    list += (list.empty() ? "" : ", ") + t.title;
            if (!list.empty())
                w.Rich({{TopicStateText(state, o) + ": ", false, true}, {list}});
        }
    }
}

void Body(PdfWriter& w, const jn::Case& whole, const jn::TemplateSet& templates,
          const ReportOptions& o) {
    const ReportableCase own = OwnContent(whole, templates);
    const jn::Case& c = own.c;
    FormsOverTime forms = CollectForms(c, templates, o.language, Today(o));
    const jn::Session* closing = ClosingSession(c);
    std::vector<OpenTopic> open = OpenTopics(c, templates, o);

    std::string subtitle = L(o, "Klientkod ", "Client code ") + c.code;
    if (!c.name.empty())
        subtitle += " · " + c.name;
    w.Title(L(o, "Underlag inför uppföljningssamtal", "Brief for the follow-up session"), subtitle);
    LeftOutBlock(w, own, o);

    w.Heading(HeadingText(journal::Heading::ReasonForContact, o));
    w.KeyValues({{L(o, "Sökorsak", "Reason for seeking help"), ReasonsText(c.intake, o)},
                 {L(o, "Hänvisning", "Referral"), ReferralText(c.intake.referral, o)}});
    w.Paragraph(c.reasonForContact.empty() ? L(o, "Inte angiven.", "Not recorded.")
                                           : c.reasonForContact);

    KeyDates(w, c, o);

    w.Heading(L(o, "Familjekarta", "Family map"));
    MapBlock(w, c, false, o, 215);

    ClosingBlock(w, closing, templates, o);
    SelfRatingBlock(w, forms, o);
    OpenTopicsBlock(w, open, o);

    w.Heading(L(o, "Förslag på frågor vid uppföljningen", "Suggested questions for the follow-up"));
    w.Bullets(SuggestedQuestions(c, closing, forms, open, o));
}

} // namespace

std::vector<unsigned char> RenderFollowUpBrief(const jn::Case& c, const jn::TemplateSet& templates,
                                               const ReportOptions& options) {
    return RenderPdf(Frame(L(options, "Underlag inför uppföljning", "Follow-up brief"), c, options),
                     [&](PdfWriter& w) { Body(w, c, templates, options); });
}

} // namespace kartbok::reports
