#include "ReportCommon.h"

#include "kartbok/genogram/CairoWriter.h"
#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/Scene.h"
#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Episodes.h"
#include "kartbok/journal/JournalError.h"
#include "kartbok/journal/Labels.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>

namespace kartbok::reports {

namespace jn = kartbok::journal;

namespace detail {

jn::Date Today(const ReportOptions& o) {
    if (o.today.Set())
        return o.today;
    return jn::Today();
}

std::string CsvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char ch : s)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

std::string DateText(jn::Date d) {
    return d.Set() ? d.Iso() : "–";
}

std::string TimeText(jn::Timestamp t) {
    if (t == 0)
        return "–";
    return jn::LocalTimeText(t);
}

int MonthsBetween(jn::Date a, jn::Date b) {
    int months = (b.year - a.year) * 12 + (b.month - a.month);
    if (months > 0 && b.day < a.day)
        --months;
    else if (months < 0 && b.day > a.day)
        ++months;
    return months;
}

// Names of types, phases, states and statuses come from the tables the app
// reads too (kartbok/journal/Labels.h), so a report and the screen agree.
std::string SessionTypeText(jn::SessionType t, const ReportOptions& o) {
    return std::string(LabelOf(t, o.language));
}

std::string ReasonText(jn::SeekReason r, const ReportOptions& o) {
    return std::string(LabelOf(r, o.language));
}

std::string ReferralText(jn::ReferralRoute r, const ReportOptions& o) {
    return std::string(LabelOf(r, o.language));
}

std::string OutcomeText(jn::FollowUpOutcome f, const ReportOptions& o) {
    return std::string(LabelOf(f, o.language));
}

std::string ReasonsText(const jn::Intake& in, const ReportOptions& o) {
    std::string out;
    for (jn::SeekReason r : in.reasons)
        out += (out.empty() ? "" : ", ") + ReasonText(r, o);
    return out.empty() ? L(o, "Inte angivet", "Not recorded") : out;
}

std::vector<std::string> FollowUpLines(const std::vector<jn::FollowUp>& followUps,
                                       const ReportOptions& o) {
    std::vector<jn::FollowUp> sorted = followUps;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const jn::FollowUp& a, const jn::FollowUp& b) { return a.due < b.due; });
    std::vector<std::string> lines;
    for (const jn::FollowUp& f : sorted) {
        std::string line =
            L(o, "Planerad till ", "Due ") + DateText(f.due) + " · " + OutcomeText(f.outcome, o);
        if (f.outcome != jn::FollowUpOutcome::Planned && f.outcomeDate.Set())
            line += " " + DateText(f.outcomeDate);
        lines.push_back(line);
    }
    return lines;
}

ReportableCase OwnContent(const jn::Case& c, const jn::TemplateSet& t) {
    ReportableCase r{c, false};
    auto forRelatives = [&](const std::string& templateId) {
        const jn::Template* tpl = t.Find(templateId);
        return tpl && tpl->forRelatives;
    };
    if (c.relativeOf.empty()) {
        const auto before = c.sessions.size() + c.checklists.size() + c.forms.size();
        std::erase_if(r.c.sessions,
                      [&](const jn::Session& s) { return jn::IsRelativeAloneInIndexCase(c, s); });
        std::erase_if(r.c.checklists,
                      [&](const jn::ChecklistRun& x) { return forRelatives(x.templateId); });
        std::erase_if(r.c.forms,
                      [&](const jn::FormResponse& x) { return forRelatives(x.templateId); });
        r.thirdPartyLeftOut =
            r.c.sessions.size() + r.c.checklists.size() + r.c.forms.size() != before;
        // Links from a deep-interview topic to a session left out would print its date.
        for (jn::ChecklistRun& run : r.c.checklists)
            for (jn::TopicEntry& e : run.entries)
                std::erase_if(e.sessionIds,
                              [&](const std::string& id) { return !r.c.FindSession(id); });
    }
    // The links to other people's cases (relativeOf, relativeCaseIds) stay in
    // the copy for the rules above, and no report prints them: that someone
    // else is in treatment is theirs to know, not this client's.
    return r;
}

std::string LeftOutLine(const ReportableCase& r, const ReportOptions& o) {
    if (r.thirdPartyLeftOut)
        return L(o,
                 "Uppgifter som gäller andra personer än klienten har utelämnats (sekretess "
                 "för tredje man).",
                 "Information about people other than the client has been left out "
                 "(third-party confidentiality).");
    if (!o.jointSessions.empty())
        return L(o,
                 "Gemensamma samtal visas med datum och längd; anteckningarna från dem finns i "
                 "en annan persons journal och visas inte här.",
                 "Joint sessions are shown with date and length; their notes are in another "
                 "person's record and are not shown here.");
    return {};
}

void LeftOutBlock(PdfWriter& w, const ReportableCase& r, const ReportOptions& o) {
    std::string line = LeftOutLine(r, o);
    if (!line.empty())
        w.Paragraph(line, TextStyle::Muted);
}

std::string PhaseText(jn::FormPhase p, const ReportOptions& o) {
    return std::string(LabelOf(p, o.language));
}

std::array<std::string, 3> PhaseShortLabels(const ReportOptions& o) {
    return {PhaseText(jn::FormPhase::Start, o), PhaseText(jn::FormPhase::End, o),
            L(o, "Uppf.", "Follow-up")};
}

std::string TopicStateText(jn::TopicState s, const ReportOptions& o) {
    return std::string(LabelOf(s, o.language));
}

std::string StatusText(jn::CaseStatus s, const ReportOptions& o) {
    return std::string(LabelOf(s, o.language));
}

std::string HeadingText(jn::Heading h, const ReportOptions& o) {
    return std::string(LabelOf(h, o.language));
}

PageFrame Frame(const std::string& title, const jn::Case& c, const ReportOptions& o) {
    PageFrame f;
    f.title = "Kartbok · " + title;
    f.caseCode = c.code;
    f.footerLeft = L(o, "Utskriven ", "Printed ") + DateText(Today(o));
    if (!o.printedBy.empty())
        f.footerLeft += L(o, " av ", " by ") + o.printedBy;
    f.footerLeft +=
        L(o, " · Innehåller känsliga personuppgifter – förvaras och förstörs enligt rutin",
          " · Contains sensitive personal data – keep and destroy as the clinic requires");
    f.pageWord = L(o, "Sida", "Page");
    f.ofWord = L(o, "av", "of");
    return f;
}

std::vector<unsigned char> FamilyMapPng(const jn::Case& c, bool deidentify,
                                        const ReportOptions& o) {
    bool anyone = std::any_of(c.family.people.begin(), c.family.people.end(),
                              [](const genogram::Person& p) { return !p.placeholder; });
    if (!anyone)
        return {};
    try {
        genogram::Layout layout = genogram::ComputeLayout(c.family);
        genogram::SceneOptions so;
        so.deidentify = deidentify;
        so.language = o.language == "en" ? "en" : "sv";
        so.currentYear = Today(o).year;
        genogram::Scene scene = genogram::BuildScene(c.family, layout, so);
        // About 250 dpi at the width a report gives the map (~480 pt).
        double scale = std::clamp(1700.0 / std::max(1.0, scene.size.width), 0.8, 3.0);
        return genogram::RenderPng(scene, scale);
    } catch (const std::exception&) {
        return {};
    }
}

void MapBlock(PdfWriter& w, const jn::Case& c, bool deidentify, const ReportOptions& o,
              double maxHeight) {
    std::vector<unsigned char> png = FamilyMapPng(c, deidentify, o);
    if (png.empty())
        w.Paragraph(L(o, "Ingen familjekarta att visa.", "No family map to show."),
                    TextStyle::Muted);
    else
        w.Image(png, w.ContentWidth(), maxHeight);
}

std::string TemplateTitle(const jn::TemplateSet& t, const std::string& id, const ReportOptions& o) {
    const jn::Template* tpl = t.Find(id);
    return tpl ? tpl->title.In(o.language) : id;
}

std::string ItemTitle(const jn::TemplateSet& t, const std::string& templateId,
                      const std::string& itemId, const ReportOptions& o) {
    if (itemId == "next-steps")
        return HeadingText(jn::Heading::NextSteps, o);
    const jn::Template* tpl = t.Find(templateId);
    const jn::TemplateItem* item = tpl ? tpl->FindItem(itemId) : nullptr;
    // A field the session's template does not (or no longer) have: another
    // template of the same kind may know the id ("client-view" of the first visit).
    if (!item && tpl)
        for (const jn::Template* other : t.OfKind(tpl->kind))
            if ((item = other->FindItem(itemId)))
                break;
    return item ? item->title.In(o.language) : itemId;
}

const jn::Session* ClosingSession(const jn::Case& c) {
    const jn::Session* best = nullptr;
    const int episode = c.CurrentEpisode();
    for (const auto& s : c.sessions)
        if (s.type == jn::SessionType::Closing && jn::EpisodeOf(c, s) == episode &&
            (!best || s.start >= best->start))
            best = &s;
    return best;
}

std::vector<OpenTopic> OpenTopics(const jn::Case& c, const jn::TemplateSet& t,
                                  const ReportOptions& o) {
    std::vector<OpenTopic> out;
    const jn::Template* tpl = t.Find("deep-interview");
    const jn::ChecklistRun* run = nullptr;
    for (const auto& r : c.checklists)
        if (r.templateId == "deep-interview")
            run = &r;
    std::map<std::string, jn::TopicState> state;
    std::vector<jn::TopicEntry> entries;
    if (run) {
        entries = run->entries;
        if (tpl && tpl->version >= run->templateVersion) {
            try {
                entries = jn::MapAnswers(*tpl, run->templateId, run->templateVersion, run->entries)
                              .entries;
            } catch (const jn::JournalError&) {
            }
        }
    }
    for (const auto& e : entries)
        state[e.itemId] = e.state;
    std::set<std::string> seen;
    if (tpl)
        for (const auto& section : tpl->sections)
            for (const auto& item : section.items) {
                seen.insert(item.id);
                auto it = state.find(item.id);
                jn::TopicState s = it == state.end() ? jn::TopicState::NotYet : it->second;
                if (s != jn::TopicState::Covered)
                    out.push_back({item.title.In(o.language), section.title.In(o.language), s});
            }
    for (const auto& e : entries)
        if (!seen.count(e.itemId) && e.state != jn::TopicState::Covered)
            out.push_back({e.itemId, "", e.state});
    return out;
}

std::string ItemTitle(const ItemRow& row, const ReportOptions& o) {
    return row.source.clinicDefined ? row.title + L(o, " (klinikdefinierad)", " (clinic-defined)")
                                    : row.title;
}

std::vector<std::vector<std::string>> FormRows(const FormsOverTime& forms, const ReportOptions& o,
                                               const std::vector<std::size_t>& phases,
                                               bool numericOnly, bool comparableOnly) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& item : forms.items) {
        bool any = false, all = true;
        for (std::size_t p : phases) {
            any = any || item.values[p].has_value();
            all = all && item.values[p].has_value();
        }
        if (!any || (comparableOnly && !all) ||
            (numericOnly && item.type == jn::AnswerType::FreeText))
            continue;
        std::vector<std::string> row{ItemTitle(item, o)};
        for (std::size_t p : phases) {
            std::string cell = item.values[p] ? item.display[p] : "–";
            if (item.values[p] && item.type == jn::AnswerType::Scale && cell != *item.values[p])
                cell = *item.values[p] + " " + cell;
            row.push_back(cell);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<ChartSeries> ChartSeriesOf(const FormsOverTime& forms, const ReportOptions& o) {
    std::vector<const ItemRow*> rows = ChartableRows(forms);
    const auto rank = [](const ItemRow* r) {
        return (r->source.clinicDefined ? 2 : 0) + (r->type == jn::AnswerType::Frequency ? 0 : 1);
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const ItemRow* a, const ItemRow* b) { return rank(a) < rank(b); });
    std::vector<ChartSeries> out;
    for (const ItemRow* row : rows) {
        ChartSeries s;
        s.title = ItemTitle(*row, o);
        s.points = row->ordinal;
        s.low = row->low;
        s.high = row->high;
        if (row->type == jn::AnswerType::Frequency && !row->stepLabels.empty())
            s.scaleNote = "0 = " + row->stepLabels.front() + ", " +
                          std::to_string(row->stepLabels.size() - 1) + " = " +
                          row->stepLabels.back();
        else if (row->type == jn::AnswerType::Scale && !row->stepLabels.empty())
            s.scaleNote =
                std::to_string(static_cast<int>(row->low)) + " = " + row->stepLabels.front() +
                ", " + std::to_string(static_cast<int>(row->high)) + " = " + row->stepLabels.back();
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace detail

} // namespace kartbok::reports
