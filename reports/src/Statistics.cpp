#include "kartbok/reports/Statistics.h"

#include "ReportCommon.h"

#include "kartbok/journal/Dates.h"
#include "kartbok/reports/Forms.h"
#include "kartbok/reports/Report.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <tuple>

namespace kartbok::reports {

namespace jn = kartbok::journal;

namespace {

constexpr jn::SessionType kTypes[] = {jn::SessionType::Individual, jn::SessionType::Couple,
                                      jn::SessionType::Relative,   jn::SessionType::Group,
                                      jn::SessionType::Remote,     jn::SessionType::Closing,
                                      jn::SessionType::FollowUp};

bool Countable(jn::AnswerType t) {
    return t == jn::AnswerType::YesNo || t == jn::AnswerType::Scale ||
           t == jn::AnswerType::Number || t == jn::AnswerType::Frequency;
}

/// Item order and value order for sorting: the form templates' order, start first.
struct FormCatalogue {
    std::map<std::string, std::pair<int, const jn::TemplateItem*>> items;

    explicit FormCatalogue(const jn::TemplateSet& t) {
        std::vector<const jn::Template*> forms = t.OfKind(jn::TemplateKind::Form);
        std::stable_sort(forms.begin(), forms.end(), [](auto* a, auto* b) {
            auto rank = [](const jn::Template* x) {
                return x->phase ? static_cast<int>(*x->phase) : 9;
            };
            return rank(a) < rank(b);
        });
        for (const jn::Template* f : forms)
            for (const jn::TemplateItem* item : f->Items())
                if (!items.count(item->id))
                    items[item->id] = {static_cast<int>(items.size()), item};
    }
    /// The item as the response's own template knows it, else any form's.
    const jn::TemplateItem* Find(const jn::TemplateSet& t, const std::string& templateId,
                                 const std::string& itemId) const {
        if (const jn::Template* tpl = t.Find(templateId))
            if (const jn::TemplateItem* item = tpl->FindItem(itemId))
                return item;
        auto it = items.find(itemId);
        return it == items.end() ? nullptr : it->second.second;
    }
    int Order(const std::string& itemId) const {
        auto it = items.find(itemId);
        return it == items.end() ? 1 << 20 : it->second.first;
    }
};

int ValueOrder(const jn::TemplateItem* item, const std::string& value) {
    if (!item)
        return 0;
    if (item->type == jn::AnswerType::YesNo)
        return value == "yes" ? 0 : value == "no" ? 1 : 2;
    for (std::size_t i = 0; i < item->choices.size(); ++i)
        if (item->choices[i].value == value)
            return static_cast<int>(i);
    return 1 << 20;
}

/// The latest response of a phase dated in the year (a client is counted once).
const jn::FormResponse* LatestIn(const jn::Case& c, jn::FormPhase phase, int year) {
    const jn::FormResponse* best = nullptr;
    for (const auto& r : c.forms)
        if (r.phase == phase && r.date.year == year && (!best || !(r.date < best->date)))
            best = &r;
    return best;
}

jn::Date FirstDate(const jn::Case& c) {
    if (c.firstContact.Set() && (!c.start.Set() || c.firstContact < c.start))
        return c.firstContact;
    return c.start;
}

std::string CsvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char ch : s)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

std::uint64_t Fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char ch : s) {
        h ^= ch;
        h *= 1099511628211ull;
    }
    return h;
}

} // namespace

std::string Suppressed(int count) {
    if (count >= 1 && count <= 4)
        return "<5";
    return std::to_string(count);
}

YearStatistics ComputeStatistics(const std::vector<jn::Case>& cases,
                                 const jn::TemplateSet& templates, int year) {
    YearStatistics st;
    st.year = year;
    for (jn::SessionType t : kTypes)
        st.sessionsByType[t] = 0;
    FormCatalogue catalogue(templates);
    std::map<std::tuple<int, int, int, std::string, std::string>, int>
        answers; // phase, item order, value order

    for (const auto& c : cases) {
        if (FirstDate(c).year == year && FirstDate(c).Set())
            ++st.newCases;
        for (const auto& s : c.sessions) {
            if (!s.start || jn::DateOf(s.start).year != year)
                continue;
            ++st.sessionsByType[s.type];
            if (s.type == jn::SessionType::FollowUp)
                ++st.followUpsHeld;
        }
        if (c.followUpDue.Set() && c.followUpDue.year == year)
            ++st.followUpsDue;

        std::array<const jn::FormResponse*, kPhaseCount> inYear{};
        for (std::size_t p = 0; p < kPhaseCount; ++p)
            inYear[p] = LatestIn(c, kPhases[p], year);
        st.withStartForm += inYear[0] != nullptr;
        st.withEndForm += inYear[1] != nullptr;
        st.withFollowUpForm += inYear[2] != nullptr;

        // All three: the latest of the earliest start, end and follow-up forms falls in the year.
        std::array<jn::Date, kPhaseCount> firstOf{};
        bool all = true;
        for (std::size_t p = 0; p < kPhaseCount; ++p) {
            for (const auto& r : c.forms)
                if (r.phase == kPhases[p] && r.date.Set() &&
                    (!firstOf[p].Set() || r.date < firstOf[p]))
                    firstOf[p] = r.date;
            all = all && firstOf[p].Set();
        }
        if (all && std::max({firstOf[0], firstOf[1], firstOf[2]}).year == year)
            ++st.withAllThree;

        for (std::size_t p = 0; p < kPhaseCount; ++p) {
            const jn::FormResponse* r = inYear[p];
            if (!r)
                continue;
            std::set<std::string> seen;
            for (const auto& a : MappedAnswers(*r, templates)) {
                const jn::TemplateItem* item = catalogue.Find(templates, r->templateId, a.itemId);
                if (!item || !Countable(item->type) || !seen.insert(a.itemId).second)
                    continue;
                ++answers[{static_cast<int>(p), catalogue.Order(a.itemId),
                           ValueOrder(item, a.value), a.itemId, a.value}];
            }
        }
    }
    for (const auto& [key, n] : answers)
        st.answers.push_back({std::get<3>(key), kPhases[static_cast<std::size_t>(std::get<0>(key))],
                              std::get<4>(key), n});
    return st;
}

std::string StatisticsCsv(const YearStatistics& st) {
    std::string y = std::to_string(st.year);
    std::string out = "year,measure,item,phase,value,count\n";
    auto line = [&](const std::string& measure, const std::string& item, const std::string& phase,
                    const std::string& value, int count) {
        out += y + "," + CsvField(measure) + "," + CsvField(item) + "," + CsvField(phase) + "," +
               CsvField(value) + "," + CsvField(Suppressed(count)) + "\n";
    };
    line("new-cases", "", "", "", st.newCases);
    for (const auto& [type, n] : st.sessionsByType)
        line("sessions", jn::ToString(type), "", "", n);
    line("clients-with-form", "", "start", "", st.withStartForm);
    line("clients-with-form", "", "end", "", st.withEndForm);
    line("clients-with-form", "", "follow-up", "", st.withFollowUpForm);
    line("clients-with-all-three-forms", "", "", "", st.withAllThree);
    line("follow-ups-held", "", "", "", st.followUpsHeld);
    line("follow-ups-due", "", "", "", st.followUpsDue);
    for (const auto& a : st.answers)
        line("answers", a.itemId, jn::ToString(a.phase), a.value, a.count);
    return out;
}

std::vector<AnonymousAnswer> AnonymousAnswers(const std::vector<jn::Case>& cases,
                                              const jn::TemplateSet& templates, int year) {
    FormCatalogue catalogue(templates);
    std::vector<AnonymousAnswer> out;
    for (const auto& c : cases) {
        jn::Date anchor = c.start.Set() ? c.start : c.firstContact;
        for (const auto& r : c.forms) {
            if (year != 0 && r.date.year != year)
                continue;
            int months = anchor.Set() && r.date.Set() ? detail::MonthsBetween(anchor, r.date) : -1;
            for (const auto& a : MappedAnswers(r, templates)) {
                const jn::TemplateItem* item = catalogue.Find(templates, r.templateId, a.itemId);
                if (item && Countable(item->type))
                    out.push_back({a.itemId, r.phase, months, a.value});
            }
        }
    }
    auto key = [](const AnonymousAnswer& a) {
        return a.itemId + "|" + jn::ToString(a.phase) + "|" + std::to_string(a.monthsSinceStart) +
               "|" + a.value;
    };
    std::stable_sort(out.begin(), out.end(),
                     [&](const AnonymousAnswer& x, const AnonymousAnswer& y) {
                         std::string kx = key(x), ky = key(y);
                         std::uint64_t hx = Fnv1a(kx), hy = Fnv1a(ky);
                         return hx != hy ? hx < hy : kx < ky;
                     });
    return out;
}

std::string AnonymousAnswersCsv(const std::vector<AnonymousAnswer>& answers) {
    std::string out = "item,phase,months_since_start,value\n";
    for (const auto& a : answers)
        out += CsvField(a.itemId) + "," + jn::ToString(a.phase) + "," +
               (a.monthsSinceStart < 0 ? std::string() : std::to_string(a.monthsSinceStart)) + "," +
               CsvField(a.value) + "\n";
    return out;
}

} // namespace kartbok::reports
