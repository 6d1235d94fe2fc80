// The statistics as CSV, every count suppressed (docs/reports.md).
#include "kartbok/reports/Statistics.h"

#include "ReportCommon.h"

#include "kartbok/reports/Forms.h"

#include <algorithm>
#include <cstdio>

namespace kartbok::reports {

namespace jn = kartbok::journal;
using detail::CsvField;

namespace {

std::string OneDecimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

class Writer {
public:
    Writer(std::string& out, const ClinicStatistics& st, const char* view)
        : m_out(out), m_prefix(std::to_string(st.options.fromYear) + "," +
                               std::to_string(st.options.toYear) + "," + view + ",") {}

    void Line(const std::string& measure, const std::string& item, const std::string& phase,
              const std::string& value, const std::string& count) {
        m_out += m_prefix + CsvField(measure) + "," + CsvField(item) + "," + CsvField(phase) + "," +
                 CsvField(value) + "," + CsvField(count) + "\n";
    }
    void Count(const std::string& measure, const std::string& item, const std::string& phase,
               const std::string& value, int n) {
        Line(measure, item, phase, value, Suppressed(n));
    }
    /// Cells of one split (they add up to a known total), with complementary suppression.
    void Split(const std::string& measure, const std::string& item, const std::string& phase,
               const std::vector<std::string>& values, const std::vector<int>& counts) {
        auto cells = SuppressedRow(counts);
        for (std::size_t i = 0; i < values.size(); ++i)
            Line(measure, item, phase, values[i], cells[i]);
    }
    /// A median is only printed over five or more people.
    void Median(const std::string& measure, const std::optional<double>& m, int n) {
        Line(measure, "", "", n >= 5 && m ? OneDecimal(*m) : "", Suppressed(n));
    }

private:
    std::string& m_out;
    std::string m_prefix;
};

std::string RowItem(const std::string& itemId, const std::string& option) {
    return option.empty() ? itemId : itemId + ":" + option;
}

void WriteView(std::string& out, const ClinicStatistics& st, const char* view) {
    Writer w(out, st, view);
    w.Count("clients-seen", "", "", "", st.clientsSeen);
    w.Count("relatives-seen", "", "", "", st.relativesSeen);
    for (const auto& [reason, n] : st.byReason)
        w.Count("clients-by-reason", jn::ToString(reason), "", "", n);
    w.Count("clients-by-reason", "not-recorded", "", "", st.reasonNotRecorded);
    for (const auto& [route, n] : st.byReferral)
        w.Count("clients-by-referral", jn::ToString(route), "", "", n);
    w.Count("new-episodes", "", "", "", st.newEpisodes);
    w.Count("returning-episodes", "", "", "", st.returningEpisodes);
    for (const auto& [type, n] : st.sessionsByType)
        w.Count("sessions", jn::ToString(type), "", "", n);
    for (const auto& [therapist, n] : st.sessionsByTherapist)
        w.Count("sessions-by-therapist", therapist, "", "", n);
    w.Median("median-waiting-days", st.medianWaitingDays, st.waitingCount);
    w.Median("median-treatment-months", st.medianTreatmentMonths, st.treatmentCount);
    for (const auto& [outcome, n] : st.followUps)
        w.Count("follow-ups", jn::ToString(outcome), "", "", n);
    for (std::size_t p = 0; p < kPhaseCount; ++p)
        w.Count("clients-with-form", "", jn::ToString(kPhases[p]), "", st.withForm[p]);
    w.Count("clients-with-all-three-forms", "", "", "", st.withAllThree);
    for (const PhaseTable& t : st.tables) {
        const char* phase = jn::ToString(t.phase);
        w.Count("table-forms", "", phase, "", t.forms);
        for (const TableRowCount& r : t.rows)
            w.Split("table", RowItem(r.itemId, r.option), phase, {"yes", "no", "unanswered"},
                    {r.yes, r.no, r.unanswered});
    }
    for (const PairedTable* t : {&st.startToEnd, &st.startToFollowUp}) {
        const std::string measure =
            std::string("paired-") + jn::ToString(t->from) + "-" + jn::ToString(t->to);
        w.Count(measure + "-clients", "", "", "", t->clients);
        for (const PairedRow& r : t->rows)
            w.Split(measure, RowItem(r.itemId, r.option), "",
                    {"yes-yes", "yes-no", "no-yes", "no-no"}, {r.yesYes, r.yesNo, r.noYes, r.noNo});
    }
    for (const AnswerCount& a : st.answers)
        w.Count("answers", a.itemId, jn::ToString(a.phase), a.value, a.count);
}

} // namespace

std::string Suppressed(int count) {
    if (count >= 1 && count <= 4)
        return "<5";
    return std::to_string(count);
}

std::vector<std::string> SuppressedRow(const std::vector<int>& cells) {
    std::vector<std::string> out;
    int hidden = 0;
    for (int n : cells) {
        out.push_back(Suppressed(n));
        hidden += n >= 1 && n <= 4;
    }
    if (hidden == 1) {
        // One hidden cell could be worked out from the total: hide the
        // smallest other cell that is not zero as well.
        std::size_t pick = cells.size();
        for (std::size_t i = 0; i < cells.size(); ++i)
            if (cells[i] >= 5 && (pick == cells.size() || cells[i] < cells[pick]))
                pick = i;
        if (pick < cells.size())
            out[pick] = "x";
    }
    return out;
}

std::string StatisticsCsv(const ClinicStatistics& all, const ClinicStatistics& buyers) {
    std::string out = "from,to,view,measure,item,phase,value,count\n";
    WriteView(out, all, "all");
    WriteView(out, buyers, "buyers");
    return out;
}

} // namespace kartbok::reports
