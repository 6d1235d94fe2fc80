// The clinic's statistics over a range of years (docs/reports.md).
#include "kartbok/reports/Statistics.h"

#include "FormCatalogue.h"

#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Episodes.h"
#include "kartbok/reports/Forms.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <tuple>

namespace kartbok::reports {

namespace jn = kartbok::journal;
using detail::FormCatalogue;

namespace {

constexpr jn::SessionType kTypes[] = {jn::SessionType::Individual, jn::SessionType::Couple,
                                      jn::SessionType::Relative,   jn::SessionType::Group,
                                      jn::SessionType::Remote,     jn::SessionType::Closing,
                                      jn::SessionType::FollowUp};

std::optional<double> Median(std::vector<double> v) {
    if (v.empty())
        return std::nullopt;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

bool ForRelatives(const jn::TemplateSet& t, const std::string& templateId) {
    const jn::Template* tpl = t.Find(templateId);
    return tpl && tpl->forRelatives;
}

using Answers = std::map<std::string, std::string>; ///< item id -> value, today's ids

Answers AnswersOf(const jn::FormResponse& r, const jn::TemplateSet& t) {
    Answers out;
    for (const auto& a : MappedAnswers(r, t))
        out.emplace(a.itemId, a.value);
    return out;
}

/// The yes/no of one row for one form: nullopt when left out or not foldable.
std::optional<bool> RowAnswer(const jn::TemplateItem& item, const std::string& option,
                              const Answers& answers) {
    auto it = answers.find(item.id);
    if (it == answers.end() || it->second.empty())
        return std::nullopt;
    if (item.type == jn::AnswerType::MultipleChoice) {
        auto chosen = jn::SplitChoices(it->second);
        return std::find(chosen.begin(), chosen.end(), option) != chosen.end();
    }
    return jn::FoldedYes(item, it->second);
}

/// The rows of a phase's template: every foldable item, and every option of
/// every multiple-choice item, in the form's order.
template <class Row>
std::vector<Row> RowsOf(const jn::Template* tpl, const FormCatalogue& cat,
                        const std::string& lang) {
    std::vector<Row> rows;
    if (!tpl)
        return rows;
    for (const jn::TemplateItem* item : tpl->Items()) {
        Row base;
        base.itemId = item->id;
        base.clinicDefined = item->source.clinicDefined;
        base.tableNumber = item->table ? item->table->number : 0;
        if (item->type == jn::AnswerType::MultipleChoice) {
            for (const jn::Choice& ch : item->choices) {
                Row r = base;
                r.option = ch.value;
                r.group = item->title.In(lang);
                r.label = ch.label.In(lang);
                rows.push_back(r);
            }
        } else if (jn::Foldable(*item)) {
            base.label = cat.Label(item->id, lang);
            rows.push_back(base);
        }
    }
    return rows;
}

const jn::TemplateItem* ItemOf(const jn::Template* tpl, const std::string& id) {
    return tpl ? tpl->FindItem(id) : nullptr;
}

/// Everything counted per client, kept together so each step stays short.
class Counter {
public:
    Counter(const std::vector<jn::Case>& cases, const jn::TemplateSet& t,
            const StatisticsOptions& o)
        : m_cases(cases), m_t(t), m_cat(t) {
        m_st.options = o;
        for (jn::SessionType type : kTypes)
            m_st.sessionsByType[type] = 0;
        for (auto outcome : {jn::FollowUpOutcome::Planned, jn::FollowUpOutcome::Held,
                             jn::FollowUpOutcome::Declined, jn::FollowUpOutcome::NotReached})
            m_st.followUps[outcome] = 0;
        for (std::size_t p = 0; p < kPhaseCount; ++p) {
            m_phaseTemplate[p] = m_cat.ForPhase(kPhases[p]);
            m_st.tables[p].phase = kPhases[p];
            m_st.tables[p].rows = RowsOf<TableRowCount>(m_phaseTemplate[p], m_cat, o.language);
        }
        m_st.startToEnd = {jn::FormPhase::Start, jn::FormPhase::End, 0,
                           PairedRows(m_phaseTemplate[0], m_phaseTemplate[1])};
        m_st.startToFollowUp = {jn::FormPhase::Start, jn::FormPhase::FollowUp, 0,
                                PairedRows(m_phaseTemplate[0], m_phaseTemplate[2])};
    }

    ClinicStatistics Run() {
        std::vector<double> waiting, months;
        for (const jn::Case& c : m_cases) {
            if (m_st.options.buyersOnly && !IsBuyer(c, m_t))
                continue;
            Seen(c);
            Sessions(c);
            for (const jn::EpisodeView& e : jn::Episodes(c)) {
                Episode(c, e, waiting, months);
                Forms(c, e);
            }
        }
        m_st.medianWaitingDays = Median(waiting);
        m_st.waitingCount = static_cast<int>(waiting.size());
        m_st.medianTreatmentMonths = Median(months);
        m_st.treatmentCount = static_cast<int>(months.size());
        for (const auto& [key, n] : m_answers)
            m_st.answers.push_back(
                {std::get<3>(key), kPhases[std::get<0>(key)], std::get<4>(key), n});
        return m_st;
    }

private:
    const std::vector<jn::Case>& m_cases;
    const jn::TemplateSet& m_t;
    FormCatalogue m_cat;
    ClinicStatistics m_st;
    std::array<const jn::Template*, kPhaseCount> m_phaseTemplate{};
    /// phase, item order, value order, item, value
    std::map<std::tuple<std::size_t, int, int, std::string, std::string>, int> m_answers;

    bool InRange(jn::Date d) const {
        return d.Set() && d.year >= m_st.options.fromYear && d.year <= m_st.options.toYear;
    }

    std::vector<PairedRow> PairedRows(const jn::Template* from, const jn::Template* to) const {
        std::vector<PairedRow> rows;
        for (const PairedRow& r : RowsOf<PairedRow>(from, m_cat, m_st.options.language))
            if (ItemOf(to, r.itemId))
                rows.push_back(r);
        return rows;
    }

    const jn::Case* IndexOf(const jn::Case& relative) const {
        for (const jn::Case& c : m_cases)
            if (c.id == relative.relativeOf)
                return &c;
        return nullptr;
    }

    /// Seen in the range: an own session, or a joint one in the index case.
    void Seen(const jn::Case& c) {
        std::set<int> episodes;
        for (const jn::Session& s : c.sessions)
            if (InRange(jn::DateOf(s.start)))
                episodes.insert(jn::EpisodeOf(c, s));
        if (const jn::Case* index = c.relativeOf.empty() ? nullptr : IndexOf(c))
            for (const jn::JointSession& j : jn::JointSessions(*index, c))
                if (InRange(jn::DateOf(j.start)))
                    episodes.insert(jn::EpisodeAt(c, jn::DateOf(j.start)));
        if (episodes.empty())
            return;
        ++m_st.clientsSeen;
        const auto all = jn::Episodes(c);
        std::set<jn::SeekReason> reasons;
        for (int e : episodes)
            for (jn::SeekReason r : all[static_cast<std::size_t>(e - 1)].intake.reasons)
                reasons.insert(r);
        const bool relative = !c.relativeOf.empty() || reasons.count(jn::SeekReason::Relative);
        m_st.relativesSeen += relative;
        for (jn::SeekReason r : reasons)
            ++m_st.byReason[r];
        m_st.reasonNotRecorded += reasons.empty();
        ++m_st.byReferral[all[static_cast<std::size_t>(*episodes.rbegin() - 1)].intake.referral];
    }

    void Sessions(const jn::Case& c) {
        for (const jn::Session& s : c.sessions) {
            if (!InRange(jn::DateOf(s.start)))
                continue;
            ++m_st.sessionsByType[s.type];
            ++m_st.sessionsByTherapist[s.author.empty() ? "-" : s.author];
        }
    }

    void Episode(const jn::Case& c, const jn::EpisodeView& e, std::vector<double>& waiting,
                 std::vector<double>& months) {
        if (InRange(e.Opening())) {
            ++m_st.newEpisodes;
            m_st.returningEpisodes += e.number > 1;
        }
        if (InRange(jn::FirstVisit(c, e)))
            if (auto days = jn::WaitingDays(c, e))
                waiting.push_back(*days);
        if (InRange(e.end))
            if (auto days = jn::TreatmentDays(e))
                months.push_back(*days / 30.4375);
        for (const jn::FollowUp& f : e.followUps) {
            const bool planned = f.outcome == jn::FollowUpOutcome::Planned;
            // A follow-up still planned when the client came back (ReopenCase)
            // is moot: nothing is due for it, so it is counted nowhere.
            if (planned && !e.current)
                continue;
            if (InRange(planned ? f.due : f.outcomeDate))
                ++m_st.followUps[f.outcome];
        }
    }

    /// The latest form of a phase in the episode (dated in the range when
    /// inRange); a relatives' form in an index client's case is not theirs.
    const jn::FormResponse* Latest(const jn::Case& c, int episode, std::size_t phase,
                                   bool inRange) const {
        const jn::FormResponse* best = nullptr;
        for (const jn::FormResponse& r : c.forms) {
            if (r.phase != kPhases[phase] || jn::EpisodeOf(r) != episode || !r.date.Set())
                continue;
            if ((inRange && !InRange(r.date)) ||
                (c.relativeOf.empty() && ForRelatives(m_t, r.templateId)))
                continue;
            if (!best || !(r.date < best->date))
                best = &r;
        }
        return best;
    }

    void Forms(const jn::Case& c, const jn::EpisodeView& e) {
        std::array<const jn::FormResponse*, kPhaseCount> counted{};
        std::array<jn::Date, kPhaseCount> firstOf{};
        for (std::size_t p = 0; p < kPhaseCount; ++p) {
            counted[p] = Latest(c, e.number, p, true);
            for (const jn::FormResponse& r : c.forms)
                if (r.phase == kPhases[p] && jn::EpisodeOf(r) == e.number && r.date.Set() &&
                    (!firstOf[p].Set() || r.date < firstOf[p]))
                    firstOf[p] = r.date;
        }
        if (firstOf[0].Set() && firstOf[1].Set() && firstOf[2].Set() &&
            InRange(std::max({firstOf[0], firstOf[1], firstOf[2]})))
            ++m_st.withAllThree;
        for (std::size_t p = 0; p < kPhaseCount; ++p) {
            if (!counted[p])
                continue;
            ++m_st.withForm[p];
            const Answers answers = AnswersOf(*counted[p], m_t);
            Table(p, answers);
            Raw(p, *counted[p], answers);
        }
        const jn::FormResponse* start = Latest(c, e.number, 0, false);
        if (start && counted[1])
            Pair(m_st.startToEnd, AnswersOf(*start, m_t), AnswersOf(*counted[1], m_t));
        if (start && counted[2])
            Pair(m_st.startToFollowUp, AnswersOf(*start, m_t), AnswersOf(*counted[2], m_t));
    }

    void Table(std::size_t p, const Answers& answers) {
        PhaseTable& table = m_st.tables[p];
        ++table.forms;
        for (TableRowCount& row : table.rows) {
            auto yes = RowAnswer(*ItemOf(m_phaseTemplate[p], row.itemId), row.option, answers);
            (yes ? (*yes ? row.yes : row.no) : row.unanswered)++;
        }
    }

    void Pair(PairedTable& table, const Answers& from, const Answers& to) {
        ++table.clients;
        const std::size_t toPhase = table.to == jn::FormPhase::End ? 1 : 2;
        for (PairedRow& row : table.rows) {
            auto a = RowAnswer(*ItemOf(m_phaseTemplate[0], row.itemId), row.option, from);
            auto b = RowAnswer(*ItemOf(m_phaseTemplate[toPhase], row.itemId), row.option, to);
            if (!a || !b)
                continue;
            ++row.pairs;
            (*a ? (*b ? row.yesYes : row.yesNo) : (*b ? row.noYes : row.noNo))++;
        }
    }

    void Raw(std::size_t p, const jn::FormResponse& r, const Answers& answers) {
        for (const auto& [id, value] : answers) {
            const jn::TemplateItem* item = m_cat.Find(r.templateId, id);
            if (!item || !detail::Countable(item->type))
                continue;
            std::vector<std::string> values{value};
            if (item->type == jn::AnswerType::MultipleChoice)
                values = jn::SplitChoices(value);
            for (const std::string& v : values) {
                int order = 0;
                for (std::size_t i = 0; i < item->choices.size(); ++i)
                    if (item->choices[i].value == v)
                        order = static_cast<int>(i);
                if (item->type == jn::AnswerType::YesNo)
                    order = v == "yes" ? 0 : 1;
                ++m_answers[{p, m_cat.Order(id), order, id, v}];
            }
        }
    }
};

} // namespace

bool IsBuyer(const jn::Case& c, const jn::TemplateSet& templates) {
    for (const jn::EpisodeView& e : jn::Episodes(c))
        if (e.intake.Has(jn::SeekReason::BuyingSex))
            return true;
    FormCatalogue cat(templates);
    for (const jn::FormResponse& r : c.forms)
        for (const auto& a : MappedAnswers(r, templates))
            if (const jn::TemplateItem* item = cat.Find(r.templateId, a.itemId))
                if (item->buyer && jn::FoldedYes(*item, a.value).value_or(false))
                    return true;
    return false;
}

ClinicStatistics ComputeStatistics(const std::vector<jn::Case>& cases,
                                   const jn::TemplateSet& templates,
                                   const StatisticsOptions& options) {
    if (options.fromYear > options.toYear)
        throw std::invalid_argument("the range of years is empty (from " +
                                    std::to_string(options.fromYear) + " to " +
                                    std::to_string(options.toYear) + ")");
    return Counter(cases, templates, options).Run();
}

} // namespace kartbok::reports
