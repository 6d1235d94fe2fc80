#include "kartbok/reports/Forms.h"

#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Episodes.h"
#include "kartbok/journal/JournalError.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace kartbok::reports {

namespace jn = kartbok::journal;

namespace {

std::optional<double> ParseNumber(const std::string& s) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size())
        return std::nullopt;
    return static_cast<double>(v);
}

/// Scale steps count by their stored value when every value is a number
/// (1..5), else by position; frequency options always by position (never = 0).
bool ChoicesAreNumbers(const jn::TemplateItem& item) {
    if (item.type != jn::AnswerType::Scale || item.choices.empty())
        return false;
    return std::all_of(item.choices.begin(), item.choices.end(),
                       [](const jn::Choice& c) { return ParseNumber(c.value).has_value(); });
}

const jn::Template* TemplateFor(const jn::TemplateSet& set, const std::string& id) {
    const jn::Template* t = set.Find(id);
    return t && t->kind == jn::TemplateKind::Form ? t : nullptr;
}

bool ForRelatives(const jn::TemplateSet& set, const std::string& templateId) {
    const jn::Template* t = set.Find(templateId);
    return t && t->forRelatives;
}

/// The response a phase shows: the latest dated one of the episode (ties: the
/// later stored). A relatives' form in an index client's case is not this
/// client's and is never shown.
const jn::FormResponse* LatestOf(const jn::Case& c, const jn::TemplateSet& set, jn::FormPhase phase,
                                 int episode) {
    const jn::FormResponse* best = nullptr;
    for (const auto& r : c.forms) {
        if (r.phase != phase || jn::EpisodeOf(r) != episode)
            continue;
        if (c.relativeOf.empty() && ForRelatives(set, r.templateId))
            continue;
        if (!best || !(r.date < best->date))
            best = &r;
    }
    return best;
}

bool OnOrBefore(jn::Date d, jn::Date today) {
    return d.Set() && !(today < d);
}

/// A session of this type in the episode, held by `today`.
bool HeldIn(const jn::Case& c, const jn::EpisodeView& e, jn::SessionType type, jn::Date today) {
    return std::any_of(c.sessions.begin(), c.sessions.end(), [&](const jn::Session& s) {
        return s.type == type && s.start != 0 && OnOrBefore(jn::DateOf(s.start), today) &&
               jn::EpisodeOf(c, s) == e.number;
    });
}

/// Whether each phase's form is due on `today`, and whether its moment has
/// passed (see PhaseStatus).
void SetExpected(std::array<PhaseStatus, kPhaseCount>& phases, const jn::Case& c,
                 const jn::EpisodeView& e, jn::Date today) {
    using S = jn::CaseStatus;
    const bool closed = e.status == S::Ended || e.status == S::FollowUpDone || !e.current;
    const bool over = e.status == S::FollowUpDone || !e.current;
    PhaseStatus& start = phases[0];
    PhaseStatus& end = phases[1];
    PhaseStatus& fu = phases[2];
    start.expected = OnOrBefore(jn::FirstVisit(c, e), today) || e.status == S::Ongoing || closed;
    start.dueFrom = start.expected ? jn::Date{} : e.start;
    end.expected = (e.end.Set() ? OnOrBefore(e.end, today) : closed) ||
                   HeldIn(c, e, jn::SessionType::Closing, today);
    end.dueFrom = end.expected ? jn::Date{} : e.end;

    const jn::FollowUp* firstPlanned = nullptr;
    const jn::FollowUp* firstOutcome = nullptr;
    bool held = HeldIn(c, e, jn::SessionType::FollowUp, today);
    for (const jn::FollowUp& f : e.followUps) { // sorted by due date
        held = held || f.outcome == jn::FollowUpOutcome::Held;
        if (f.outcome == jn::FollowUpOutcome::Planned && !firstPlanned)
            firstPlanned = &f;
        if (f.outcome != jn::FollowUpOutcome::Planned && !firstOutcome)
            firstOutcome = &f;
    }
    if (held) {
        fu.expected = true;
        fu.followUpOutcome = jn::FollowUpOutcome::Held;
    } else if (firstPlanned && OnOrBefore(firstPlanned->due, today)) {
        fu.expected = true; // due, not yet recorded: the form goes with it
        fu.followUpOutcome = jn::FollowUpOutcome::Planned;
    } else if (firstOutcome) {
        fu.followUpOutcome = firstOutcome->outcome; // declined or not reached: nothing to miss
        if (firstPlanned)
            fu.dueFrom = firstPlanned->due;
    } else if (firstPlanned) {
        fu.followUpOutcome = jn::FollowUpOutcome::Planned;
        fu.dueFrom = firstPlanned->due;
    }
    start.overdue = start.expected && end.expected;
    end.overdue = end.expected && (held || over);
    fu.overdue = fu.expected && over;
}

} // namespace

std::string AnswerText(const jn::TemplateItem* item, const std::string& value,
                       const std::string& lang) {
    if (!item)
        return value;
    if (item->type == jn::AnswerType::YesNo) {
        if (value == "yes")
            return lang == "en" ? "Yes" : "Ja";
        if (value == "no")
            return lang == "en" ? "No" : "Nej";
        return value;
    }
    if (item->type == jn::AnswerType::MultipleChoice) {
        std::string out;
        for (const auto& v : jn::SplitChoices(value)) {
            std::string label = v;
            for (const auto& ch : item->choices)
                if (ch.value == v)
                    label = ch.label.In(lang);
            out += (out.empty() ? "" : ", ") + label;
        }
        return out;
    }
    for (const auto& ch : item->choices)
        if (ch.value == value)
            return ch.label.In(lang);
    return value;
}

std::string ProvenanceText(const jn::Provenance& p, const std::string& lang) {
    const bool en = lang == "en";
    if (p.clinicDefined)
        return std::string(en ? "Clinic-defined" : "Klinikdefinierad") +
               (p.context.empty() ? "" : " (" + p.context + ")");
    if (!p.publication.empty())
        return p.publication;
    return en ? "Source not given" : "Källa inte angiven";
}

bool ItemRow::Numeric() const {
    return known && (type == jn::AnswerType::Scale || type == jn::AnswerType::Number ||
                     type == jn::AnswerType::Frequency);
}

bool ItemRow::AnyValue() const {
    return std::any_of(values.begin(), values.end(), [](const auto& v) { return v.has_value(); });
}

int FormsOverTime::PresentCount() const {
    return static_cast<int>(std::count_if(phases.begin(), phases.end(),
                                          [](const PhaseStatus& p) { return p.present; }));
}

const ItemRow* FormsOverTime::Find(const std::string& itemId) const {
    for (const auto& r : items)
        if (r.itemId == itemId)
            return &r;
    return nullptr;
}

std::optional<double> Ordinal(const jn::TemplateItem& item, const std::string& value) {
    switch (item.type) {
    case jn::AnswerType::Number:
        return ParseNumber(value);
    case jn::AnswerType::Scale:
    case jn::AnswerType::Frequency: {
        bool numbers = ChoicesAreNumbers(item);
        for (std::size_t i = 0; i < item.choices.size(); ++i)
            if (item.choices[i].value == value)
                return numbers ? ParseNumber(value) : std::optional<double>(static_cast<double>(i));
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

std::vector<jn::FormAnswer> MappedAnswers(const jn::FormResponse& response,
                                          const jn::TemplateSet& templates,
                                          std::vector<jn::FormAnswer>* retired) {
    const jn::Template* newest = TemplateFor(templates, response.templateId);
    if (!newest || newest->version < response.templateVersion)
        return response.answers; // nothing to map to: keep the stored ids
    try {
        jn::MappedAnswers mapped = jn::MapAnswers(*newest, response.templateId,
                                                  response.templateVersion, response.answers);
        if (retired)
            retired->insert(retired->end(), mapped.unmapped.begin(), mapped.unmapped.end());
        return mapped.answers;
    } catch (const jn::JournalError&) {
        return response.answers;
    }
}

namespace {

/// The response each phase shows, and the template it is read with: the
/// response's own, else the set's form for that phase. Fills the phases'
/// presence from the responses.
struct PhaseForms {
    std::array<const jn::Template*, kPhaseCount> templates{};
    std::array<const jn::FormResponse*, kPhaseCount> responses{};
};

PhaseForms FindPhaseForms(const jn::Case& c, const jn::TemplateSet& templates, int episode,
                          std::array<PhaseStatus, kPhaseCount>& phases) {
    PhaseForms out;
    for (std::size_t i = 0; i < kPhaseCount; ++i) {
        PhaseStatus& ps = phases[i];
        ps.phase = kPhases[i];
        const jn::FormResponse* r = LatestOf(c, templates, ps.phase, episode);
        out.responses[i] = r;
        if (r) {
            ps.present = true;
            ps.responseId = r->id;
            ps.date = r->date;
            ps.templateId = r->templateId;
            ps.templateVersion = r->templateVersion;
            out.templates[i] = TemplateFor(templates, r->templateId);
        }
        if (!out.templates[i])
            for (const jn::Template* t : templates.OfKind(jn::TemplateKind::Form))
                if (t->phase == ps.phase) {
                    out.templates[i] = t;
                    break;
                }
    }
    return out;
}

/// The row of an item: title, steps and axis from its template; an item no
/// template knows shows its id.
ItemRow NewRow(const std::string& id, const jn::TemplateItem* item, const std::string& section,
               const std::string& language) {
    ItemRow row;
    row.itemId = id;
    row.known = item != nullptr;
    row.title = item ? item->title.In(language) : id;
    row.sectionTitle = section;
    if (!item)
        return row;
    row.type = item->type;
    row.source = item->source;
    bool numbers = ChoicesAreNumbers(*item);
    for (std::size_t k = 0; k < item->choices.size(); ++k) {
        row.stepLabels.push_back(item->choices[k].label.In(language));
        double v = numbers ? *ParseNumber(item->choices[k].value) : static_cast<double>(k);
        row.low = k == 0 ? v : std::min(row.low, v);
        row.high = k == 0 ? v : std::max(row.high, v);
    }
    if (item->type == jn::AnswerType::Number) {
        row.low = item->min.value_or(0);
        row.high = item->max.value_or(0);
    }
    return row;
}

/// The table's rows, one per item id, in the order first met.
class RowTable {
public:
    RowTable(std::vector<ItemRow>& rows, const std::string& language)
        : m_rows(rows), m_language(language) {}

    /// The row of `id`, added (from `item`, under `section`) the first time.
    std::size_t Row(const std::string& id, const jn::TemplateItem* item,
                    const std::string& section) {
        if (auto it = m_rowOf.find(id); it != m_rowOf.end())
            return it->second;
        m_rows.push_back(NewRow(id, item, section, m_language));
        if (item)
            m_itemOf[id] = item;
        return m_rowOf[id] = m_rows.size() - 1;
    }
    bool Has(const std::string& id) const { return m_rowOf.count(id) > 0; }
    /// The template item the row of `id` was made from, or nullptr.
    const jn::TemplateItem* ItemOf(const std::string& id) const {
        auto it = m_itemOf.find(id);
        return it == m_itemOf.end() ? nullptr : it->second;
    }

private:
    std::vector<ItemRow>& m_rows;
    const std::string& m_language;
    std::map<std::string, std::size_t> m_rowOf;
    std::map<std::string, const jn::TemplateItem*> m_itemOf;
};

/// Phase `i`'s answers into their rows (an item no phase template has gets a
/// row from any form that knows it), each read with the phase's own form
/// `own` where it has the item; answers to retired items kept aside.
void AddAnswers(FormsOverTime& out, RowTable& table, std::size_t i, const jn::FormResponse& r,
                const jn::Template* own, const jn::TemplateSet& templates,
                const std::string& language) {
    std::vector<jn::FormAnswer> retired;
    for (const auto& a : MappedAnswers(r, templates, &retired)) {
        const jn::TemplateItem* item = nullptr;
        if (!table.Has(a.itemId))
            for (const jn::Template* t : templates.OfKind(jn::TemplateKind::Form))
                if ((item = t->FindItem(a.itemId)))
                    break;
        ItemRow& row = out.items[table.Row(a.itemId, item, "")];
        if (row.values[i])
            continue; // merged items: the first answer wins, as MapAnswers does
        row.values[i] = a.value;
        // Read with this phase's own form: an end form may offer an
        // option the start form's item does not have ("none any more").
        const jn::TemplateItem* known = own ? own->FindItem(a.itemId) : nullptr;
        if (!known)
            known = table.ItemOf(a.itemId);
        row.display[i] = AnswerText(known, a.value, language);
        if (known)
            row.ordinal[i] = Ordinal(*known, a.value);
    }
    for (const auto& a : retired)
        out.retired.push_back({kPhases[i], r.templateId, r.templateVersion, a.itemId, a.value});
}

/// Number items without min/max: let the data decide the axis.
void AxesFromData(std::vector<ItemRow>& rows) {
    for (auto& row : rows)
        if (row.type == jn::AnswerType::Number && row.low == row.high)
            for (const auto& v : row.ordinal)
                if (v) {
                    row.low = std::min(row.low, *v);
                    row.high = std::max(row.high, *v);
                }
}

} // namespace

FormsOverTime CollectForms(const jn::Case& c, const jn::TemplateSet& templates,
                           const std::string& language, jn::Date today, int episode) {
    FormsOverTime out;
    const std::vector<jn::EpisodeView> episodes = jn::Episodes(c);
    if (episode < 1 || episode > static_cast<int>(episodes.size()))
        episode = c.CurrentEpisode();
    out.episode = episode;
    if (!today.Set())
        today = jn::Today();
    SetExpected(out.phases, c, episodes[static_cast<std::size_t>(episode - 1)], today);
    const PhaseForms forms = FindPhaseForms(c, templates, episode, out.phases);

    // Rows: the start form's items first, then what the end and follow-up forms add.
    RowTable table(out.items, language);
    for (const jn::Template* t : forms.templates)
        if (t)
            for (const auto& section : t->sections)
                for (const auto& item : section.items)
                    table.Row(item.id, &item, section.title.In(language));
    for (std::size_t i = 0; i < kPhaseCount; ++i)
        if (const jn::FormResponse* r = forms.responses[i])
            AddAnswers(out, table, i, *r, forms.templates[i], templates, language);
    AxesFromData(out.items);
    return out;
}

bool ChangedLittle(const ItemRow& row) {
    if (!row.Numeric() || !row.ordinal[0] || !row.ordinal[1] || !row.source.Known() ||
        row.source.clinicDefined)
        return false;
    double range = row.high - row.low;
    double threshold = std::max(0.0, std::floor(range / 4.0));
    return std::fabs(*row.ordinal[1] - *row.ordinal[0]) <= threshold;
}

std::vector<const ItemRow*> ChartableRows(const FormsOverTime& forms) {
    std::vector<const ItemRow*> out;
    for (const auto& row : forms.items) {
        if (!row.Numeric() || row.high <= row.low)
            continue;
        int n = static_cast<int>(std::count_if(row.ordinal.begin(), row.ordinal.end(),
                                               [](const auto& v) { return v.has_value(); }));
        if (n >= 2)
            out.push_back(&row);
    }
    return out;
}

} // namespace kartbok::reports
