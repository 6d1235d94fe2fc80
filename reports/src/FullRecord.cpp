// The whole record for a client's access request (GDPR art. 15): everything
// Kartbok keeps about the client, readable, with corrections shown the way the
// record rules require - the old text struck through but still there.
#include "ReportCommon.h"

#include "kartbok/base/Uuid.h"
#include "kartbok/genogram/DateText.h"
#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Episodes.h"
#include "kartbok/journal/Lifecycle.h"

#include <algorithm>
#include <map>
#include <set>

namespace kartbok::reports {

namespace jn = kartbok::journal;
namespace g = kartbok::genogram;
using namespace detail;

namespace {

/// The log's event in the report's language; an action this list does not
/// know is printed as the vault names it.
std::string ActionText(const std::string& action, const ReportOptions& o) {
    static const std::map<std::string, std::pair<const char*, const char*>> kWords = {
        {"open", {"läst", "read"}},
        {"create", {"skapat", "created"}},
        {"save", {"sparat", "saved"}},
        {"export", {"exporterat", "exported"}},
        {"sign", {"signerat", "signed"}},
        {"addendum", {"tillägg", "addendum"}},
        {"archive", {"arkiverat", "archived"}},
        {"restore", {"återställt", "restored"}},
        {"repair", {"reparerat", "repaired"}},
    };
    const auto it = kWords.find(action);
    return it == kWords.end() ? action : L(o, it->second.first, it->second.second);
}

/// A log detail with the id of any other case replaced: a link to a relative's
/// case, or a split, must not tell the client that someone else is in
/// treatment (third-party confidentiality).
std::string WithoutOtherCases(std::string detail, const std::string& ownId,
                              const ReportOptions& o) {
    constexpr std::size_t kUuid = 36;
    const std::string other = L(o, "(ett annat ärende)", "(another case)");
    for (std::size_t i = 0; i + kUuid <= detail.size(); ++i) {
        const std::string id = detail.substr(i, kUuid);
        if (id != ownId && base::IsUuid(id)) {
            detail.replace(i, kUuid, other);
            i += other.size() - 1;
        }
    }
    return detail;
}

std::string Years(const g::Person& p, const ReportOptions& o) {
    const std::string lang = o.language == "en" ? "en" : "sv";
    auto year = [&](const g::FuzzyDate& d) {
        if (d.precision == g::DatePrecision::Full)
            return jn::Date{d.year, d.month, d.day}.Iso();
        return g::YearText(d, lang); // "ca 1950", "före 1970": never a plain year
    };
    std::string b = year(p.birth), d = year(p.death);
    std::string out;
    if (b.empty() && d.empty())
        out = p.deceased ? "†" : "";
    else
        out = b + (p.deceased || !d.empty() ? " – " + (d.empty() ? std::string("†") : d) : "");
    if (!p.causeOfDeath.empty())
        out += (out.empty() ? "" : ", ") + L(o, "dödsorsak: ", "cause of death: ") + p.causeOfDeath;
    return out;
}

std::string WaitingText(const jn::Case& c, const jn::EpisodeView& e, const ReportOptions& o) {
    auto days = jn::WaitingDays(c, e);
    return days ? std::to_string(*days) + L(o, " dagar", " days") : "–";
}

void ClientBlock(PdfWriter& w, const jn::Case& c, const ReportOptions& o) {
    w.Heading(L(o, "Uppgifter om klienten", "About the client"));
    const jn::EpisodeView e = jn::CurrentEpisodeView(c);
    w.KeyValues(
        {{L(o, "Klientkod", "Client code"), c.code},
         {L(o, "Namn", "Name"), c.name.empty() ? "–" : c.name},
         {L(o, "Kontaktuppgifter", "Contact details"), c.contact.empty() ? "–" : c.contact},
         {L(o, "Status", "Status"), StatusText(c.status, o)},
         {L(o, "Behandlingsperiod", "Treatment episode"),
          std::to_string(e.number) +
              (e.number > 1 ? L(o, " (återkommande)", " (returning)") : std::string())},
         {L(o, "Sökorsak", "Reason for seeking help"), ReasonsText(c.intake, o)},
         {L(o, "Hänvisning", "Referral"), ReferralText(c.intake.referral, o)},
         {HeadingText(journal::Heading::FirstContact, o), DateText(c.firstContact)},
         {L(o, "Väntetid till första besöket", "Wait for the first visit"), WaitingText(c, e, o)},
         {HeadingText(journal::Heading::TreatmentStart, o), DateText(c.start)},
         {L(o, "Avslut", "End"), DateText(c.end)},
         {L(o, "Gallringsprövning tidigast", "Retention review from"),
          DateText(jn::RetentionReviewDate(c))}});
    w.Subheading(L(o, "Uppföljningar", "Follow-ups"));
    auto lines = FollowUpLines(c.followUps, o);
    if (lines.empty())
        w.Paragraph(L(o, "Ingen uppföljning planerad.", "No follow-up planned."), TextStyle::Muted);
    else
        w.Bullets(lines);
    w.Subheading(HeadingText(journal::Heading::ReasonForContact, o));
    w.Paragraph(c.reasonForContact.empty() ? "–" : c.reasonForContact);
}

/// Earlier treatment episodes of a returning client, oldest first.
void EpisodesBlock(PdfWriter& w, const jn::Case& c, const ReportOptions& o) {
    if (c.pastEpisodes.empty())
        return;
    w.Heading(L(o, "Tidigare behandlingsperioder", "Earlier treatment episodes"));
    for (const jn::EpisodeView& e : jn::Episodes(c)) {
        if (e.current)
            continue;
        w.Subheading(L(o, "Period ", "Episode ") + std::to_string(e.number) + " · " +
                     DateText(e.start) + " – " + DateText(e.end));
        w.KeyValues({{L(o, "Sökorsak", "Reason for seeking help"), ReasonsText(e.intake, o)},
                     {L(o, "Hänvisning", "Referral"), ReferralText(e.intake.referral, o)},
                     {L(o, "Första kontakt", "First contact"), DateText(e.firstContact)},
                     {L(o, "Väntetid till första besöket", "Wait for the first visit"),
                      WaitingText(c, e, o)}});
        auto lines = FollowUpLines(e.followUps, o);
        if (!lines.empty())
            w.Bullets(lines);
    }
}

void JointBlock(PdfWriter& w, const ReportOptions& o) {
    if (o.jointSessions.empty())
        return;
    w.Subheading(L(o, "Gemensamma samtal", "Joint sessions"));
    std::vector<std::string> lines;
    for (const jn::JointSession& j : o.jointSessions)
        lines.push_back(TimeText(j.start) + " · " + std::to_string(j.minutes) + " min · " +
                        L(o, "gemensamt samtal, antecknat i en annan persons journal",
                          "joint session, written in another person's record"));
    w.Bullets(lines);
}

void FamilyBlock(PdfWriter& w, const jn::Case& c, const ReportOptions& o) {
    w.Heading(L(o, "Familjekarta", "Family map"));
    MapBlock(w, c, false, o, 330);
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : c.family.people) {
        if (p.placeholder)
            continue;
        std::string name =
            p.DisplayName().empty() ? L(o, "(utan namn)", "(no name)") : p.DisplayName();
        if (p.isIndex)
            name += L(o, " (klienten)", " (the client)");
        std::string about = p.occupation;
        if (!p.place.empty())
            about += (about.empty() ? "" : ", ") + p.place;
        rows.push_back({name, Years(p, o), about, p.note});
    }
    if (!rows.empty())
        w.Table({{L(o, "Person", "Person"), 3},
                 {L(o, "Född – död", "Born – died"), 2.2},
                 {L(o, "Yrke, ort", "Occupation, place"), 2.6},
                 {L(o, "Anteckning", "Note"), 3.2}},
                rows);
}

std::vector<std::string> FieldIds(const jn::Session& s, const jn::TemplateSet& t) {
    std::vector<std::string> ids;
    auto add = [&](const std::string& id) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(id);
    };
    if (const jn::Template* tpl = t.Find(s.templateId))
        for (const jn::TemplateItem* item : tpl->Items())
            add(item->id);
    for (const auto& f : s.fields)
        add(f.id);
    for (const auto& a : s.addenda)
        if (!a.correctsField.empty())
            add(a.correctsField);
    add("next-steps");
    return ids;
}

void SessionBlock(PdfWriter& w, const jn::Case& c, const jn::Session& s, const jn::TemplateSet& t,
                  const ReportOptions& o) {
    w.Subheading(TimeText(s.start) + " · " + SessionTypeText(s.type, o) + " · " +
                 std::to_string(s.minutes) + " min");
    std::string meta = L(o, "Mall: ", "Template: ") + TemplateTitle(t, s.templateId, o) +
                       L(o, " · Skriven av ", " · Written by ") +
                       (s.author.empty() ? "–" : s.author);
    // A session moved here from the index client's case names people of that
    // case's map; they are not this case's, so they are not named.
    const bool moved = s.type == jn::SessionType::Relative && !c.relativeOf.empty();
    if (!s.participants.empty() && !moved) {
        std::string who;
        for (g::PersonId id : s.participants) {
            const g::Person* p = c.family.FindPerson(id);
            who += (who.empty() ? "" : ", ") +
                   (p && !p->DisplayName().empty() ? p->DisplayName() : L(o, "okänd", "unknown"));
        }
        meta += " · " + HeadingText(journal::Heading::AlsoTakingPart, o) + ": " + who;
    }
    meta += s.isSigned ? " · " + HeadingText(journal::Heading::SignedBy, o) + " " + s.signedBy +
                             " " + TimeText(s.signedAt)
                       : L(o, " · Utkast, inte signerad", " · Draft, not signed");
    w.Paragraph(meta, TextStyle::Muted);
    for (const auto& id : FieldIds(s, t)) {
        jn::RenderedField f = jn::RenderField(s, id);
        bool any = std::any_of(f.segments.begin(), f.segments.end(),
                               [](auto& seg) { return !seg.text.empty(); });
        if (!any)
            continue;
        std::vector<Span> spans{{ItemTitle(t, s.templateId, id, o) + ": ", false, true}};
        for (std::size_t i = 0; i < f.segments.size(); ++i) {
            const auto& seg = f.segments[i];
            if (seg.text.empty() && !seg.isCorrection)
                continue; // a correction of a field that was empty
            if (spans.size() > 1)
                spans.push_back({"  "});
            spans.push_back({seg.text, seg.struck, false, false, seg.struck});
            if (seg.isCorrection) {
                std::string note =
                    " [" + L(o, "rättelse ", "correction ") + TimeText(seg.time) + " " + seg.author;
                if (!seg.reason.empty())
                    note += ": " + seg.reason;
                spans.push_back({note + "]", false, false, true, true, true});
            }
        }
        w.Rich(spans, 8);
    }
    if (!s.themes.empty()) {
        std::string themes;
        for (const auto& th : s.themes)
            themes += (themes.empty() ? "" : ", ") + th;
        w.Rich({{HeadingText(journal::Heading::Themes, o) + ": ", false, true}, {themes}}, 8);
    }
    if (!s.methods.empty()) {
        const jn::Template* tpl = t.Find(s.templateId);
        std::string methods;
        for (const auto& m : s.methods) {
            std::string title = m;
            if (tpl)
                for (const auto& tm : tpl->methods)
                    if (tm.id == m)
                        title = tm.title.In(o.language);
            methods += (methods.empty() ? "" : ", ") + title;
        }
        w.Rich({{HeadingText(journal::Heading::Methods, o) + ": ", false, true}, {methods}}, 8);
    }
    for (const jn::Addendum* a : jn::PlainAddenda(s)) {
        std::string head = L(o, "Tillägg ", "Addendum ") + TimeText(a->time) + " " + a->author;
        if (!a->reason.empty())
            head += " (" + a->reason + ")";
        w.Rich({{head + ": ", false, true}, {a->text}}, 8);
    }
    w.Space(4);
}

void ChecklistBlock(PdfWriter& w, const jn::Case& c, const jn::TemplateSet& t,
                    const ReportOptions& o) {
    for (const auto& run : c.checklists) {
        w.Subheading(TemplateTitle(t, run.templateId, o) + L(o, " (version ", " (version ") +
                     std::to_string(run.templateVersion) + ")");
        std::vector<std::vector<std::string>> rows;
        for (const auto& e : run.entries) {
            std::string when;
            for (const auto& sid : e.sessionIds)
                if (const jn::Session* s = c.FindSession(sid))
                    when += (when.empty() ? "" : ", ") + DateText(jn::DateOf(s->start));
            rows.push_back({ItemTitle(t, run.templateId, e.itemId, o), TopicStateText(e.state, o),
                            e.note, when});
        }
        if (rows.empty())
            w.Paragraph(L(o, "Inga ämnen markerade.", "No topics marked."), TextStyle::Muted);
        else
            w.Table({{HeadingText(journal::Heading::Topic, o), 3},
                     {HeadingText(journal::Heading::TopicState, o), 1.3},
                     {HeadingText(journal::Heading::Note, o), 4},
                     {HeadingText(journal::Heading::CameUpIn, o), 2}},
                    rows);
    }
}

void FormsBlock(PdfWriter& w, const jn::Case& c, const jn::TemplateSet& t, const ReportOptions& o) {
    std::vector<const jn::FormResponse*> sorted;
    for (const auto& r : c.forms)
        sorted.push_back(&r);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](auto* a, auto* b) { return a->date < b->date; });
    for (const jn::FormResponse* r : sorted) {
        std::string episode = c.pastEpisodes.empty() ? std::string()
                                                     : L(o, " · period ", " · episode ") +
                                                           std::to_string(jn::EpisodeOf(*r));
        w.Subheading(PhaseText(r->phase, o) + " · " + TemplateTitle(t, r->templateId, o) +
                     " (version " + std::to_string(r->templateVersion) + ") · " +
                     DateText(r->date) + episode);
        const jn::Template* tpl = t.Find(r->templateId);
        std::vector<std::vector<std::string>> rows;
        for (const auto& a : r->answers) {
            const jn::TemplateItem* item = nullptr;
            if (tpl) {
                auto mapped = tpl->version >= r->templateVersion
                                  ? jn::MapItemId(*tpl, r->templateVersion, a.itemId)
                                  : std::optional<std::string>(a.itemId);
                item = tpl->FindItem(mapped.value_or(a.itemId));
            }
            std::string value = AnswerText(item, a.value, o.language);
            if (item && item->type == jn::AnswerType::Scale && value != a.value)
                value = a.value + " " + value;
            rows.push_back({item ? item->title.In(o.language) : a.itemId, value});
        }
        w.Table({{L(o, "Fråga", "Question"), 6}, {L(o, "Svar", "Answer"), 3}}, rows);
    }
}

void Body(PdfWriter& w, const jn::Case& whole, const jn::TemplateSet& t,
          const std::vector<AuditLine>& audit, const ReportOptions& o) {
    const ReportableCase own = OwnContent(whole, t);
    const jn::Case& c = own.c;
    w.Title(
        L(o, "Journal – fullständigt utdrag", "Record – complete copy"),
        L(o,
          "Registerutdrag enligt artikel 15 i dataskyddsförordningen (GDPR). Rättelser visas med "
          "den "
          "ursprungliga texten överstruken.",
          "Copy under article 15 of the GDPR. Corrections show the original text struck through."));
    LeftOutBlock(w, own, o);
    ClientBlock(w, c, o);
    EpisodesBlock(w, c, o);
    FamilyBlock(w, c, o);

    w.Heading(L(o, "Samtal", "Sessions") + " (" + std::to_string(c.sessions.size()) + ")");
    std::vector<const jn::Session*> sessions;
    for (const auto& s : c.sessions)
        sessions.push_back(&s);
    std::stable_sort(sessions.begin(), sessions.end(),
                     [](auto* a, auto* b) { return a->start < b->start; });
    if (sessions.empty())
        w.Paragraph(L(o, "Inga samtal.", "No sessions."), TextStyle::Muted);
    for (const jn::Session* s : sessions)
        SessionBlock(w, c, *s, t, o);
    JointBlock(w, o);

    w.Heading(L(o, "Checklistor", "Checklists"));
    if (c.checklists.empty())
        w.Paragraph(L(o, "Inga checklistor.", "No checklists."), TextStyle::Muted);
    ChecklistBlock(w, c, t, o);

    w.Heading(L(o, "Självskattningsformulär", "Self-rating forms"));
    if (c.forms.empty())
        w.Paragraph(L(o, "Inga formulär.", "No forms."), TextStyle::Muted);
    FormsBlock(w, c, t, o);

    w.Heading(L(o, "Logg över läsning och ändringar", "Log of reads and changes"));
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : audit)
        rows.push_back({TimeText(a.time), a.user, ActionText(a.action, o),
                        WithoutOtherCases(a.detail, c.id, o)});
    if (rows.empty())
        w.Paragraph(L(o, "Inga loggposter.", "No log entries."), TextStyle::Muted);
    else
        w.Table({{L(o, "Tid", "Time"), 2.2},
                 {L(o, "Användare", "User"), 1.8},
                 {L(o, "Händelse", "Event"), 1.6},
                 {L(o, "Detalj", "Detail"), 4}},
                rows);
}

} // namespace

std::vector<unsigned char> RenderFullRecord(const jn::Case& c, const jn::TemplateSet& templates,
                                            const std::vector<AuditLine>& audit,
                                            const ReportOptions& options) {
    return RenderPdf(Frame(L(options, "Journalutdrag", "Record"), c, options),
                     [&](PdfWriter& w) { Body(w, c, templates, audit, options); });
}

} // namespace kartbok::reports
