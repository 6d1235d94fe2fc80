// Form answers for research, linked per client by a study id made fresh for
// each export (docs/reports.md).
#include "kartbok/reports/Statistics.h"

#include "FormCatalogue.h"
#include "ReportCommon.h"

#include "kartbok/journal/Episodes.h"
#include "kartbok/reports/Forms.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <tuple>

namespace kartbok::reports {

namespace jn = kartbok::journal;
using detail::CsvField;

namespace {

struct Participant {
    std::vector<ResearchAnswer> rows; ///< study id filled in at the end
};

} // namespace

std::vector<ResearchAnswer> ResearchAnswers(const std::vector<jn::Case>& cases,
                                            const jn::TemplateSet& templates,
                                            const StatisticsOptions& options) {
    detail::FormCatalogue cat(templates);
    auto inRange = [&](jn::Date d) {
        return d.Set() && d.year >= options.fromYear && d.year <= options.toYear;
    };
    std::vector<Participant> people;
    for (const jn::Case& c : cases) {
        if (options.buyersOnly && !IsBuyer(c, templates))
            continue;
        for (const jn::EpisodeView& e : jn::Episodes(c)) {
            Participant p;
            jn::Date anchor = e.start.Set() ? e.start : e.firstContact;
            for (const jn::FormResponse& r : c.forms) {
                const jn::Template* tpl = templates.Find(r.templateId);
                if (jn::EpisodeOf(r) != e.number || !inRange(r.date) ||
                    (c.relativeOf.empty() && tpl && tpl->forRelatives))
                    continue;
                int months = anchor.Set() ? detail::MonthsBetween(anchor, r.date) : -1;
                for (const auto& a : MappedAnswers(r, templates)) {
                    const jn::TemplateItem* item = cat.Find(r.templateId, a.itemId);
                    if (item && detail::Countable(item->type))
                        p.rows.push_back({{}, r.phase, months, a.itemId, a.value});
                }
            }
            if (!p.rows.empty())
                people.push_back(std::move(p));
        }
    }
    // Fresh ids in a random order: nothing about them follows the cases.
    std::vector<int> ids(people.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        ids[i] = static_cast<int>(i) + 1;
    std::random_device seed;
    std::mt19937_64 random((static_cast<std::uint64_t>(seed()) << 32) ^ seed());
    std::shuffle(ids.begin(), ids.end(), random);
    const int width = people.size() >= 1000 ? 4 : 3;
    std::vector<ResearchAnswer> out;
    for (std::size_t i = 0; i < people.size(); ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "P%0*d", width, ids[i]);
        for (ResearchAnswer& row : people[i].rows) {
            row.studyId = id;
            out.push_back(std::move(row));
        }
    }
    std::sort(out.begin(), out.end(), [&](const ResearchAnswer& a, const ResearchAnswer& b) {
        return std::tie(a.studyId, a.phase, a.itemId, a.monthsSinceStart, a.value) <
               std::tie(b.studyId, b.phase, b.itemId, b.monthsSinceStart, b.value);
    });
    return out;
}

std::string ResearchAnswersCsv(const std::vector<ResearchAnswer>& answers) {
    std::string out = "study_id,phase,months_since_start,item,value\n";
    for (const ResearchAnswer& a : answers)
        out += a.studyId + "," + jn::ToString(a.phase) + "," +
               (a.monthsSinceStart < 0 ? std::string() : std::to_string(a.monthsSinceStart)) + "," +
               CsvField(a.itemId) + "," + CsvField(a.value) + "\n";
    return out;
}

} // namespace kartbok::reports
