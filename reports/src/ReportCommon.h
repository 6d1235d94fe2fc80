#pragma once
// What the three reports share: labels in Swedish and English, dates, the
// page frame, the family map as an image, template titles.

#include "PdfWriter.h"

#include "kartbok/journal/Case.h"
#include "kartbok/journal/Labels.h"
#include "kartbok/journal/TemplateLoader.h"
#include "kartbok/reports/Forms.h"
#include "kartbok/reports/Report.h"

#include <string>
#include <vector>

namespace kartbok::reports::detail {

/// Swedish unless the report is in English.
inline std::string L(const ReportOptions& o, const char* sv, const char* en) {
    return o.language == "en" ? en : sv;
}

journal::Date Today(const ReportOptions& o);
std::string DateText(journal::Date d);      ///< ISO date, "–" when unset
std::string TimeText(journal::Timestamp t); ///< "2026-06-09 11:00" local time, "–" for 0
/// Whole months from a to b (negative when b is earlier); both set.
int MonthsBetween(journal::Date a, journal::Date b);

std::string SessionTypeText(journal::SessionType t, const ReportOptions& o);
std::string PhaseText(journal::FormPhase p, const ReportOptions& o);
std::string TopicStateText(journal::TopicState s, const ReportOptions& o);
std::string StatusText(journal::CaseStatus s, const ReportOptions& o);
/// A heading the app shows too ("Överenskommet till nästa gång").
std::string HeadingText(journal::Heading h, const ReportOptions& o);

PageFrame Frame(const std::string& title, const journal::Case& c, const ReportOptions& o);

/// The family map as PNG bytes, sized for a report; empty when the family has
/// no one to draw or the layout fails (the report then says so).
std::vector<unsigned char> FamilyMapPng(const journal::Case& c, bool deidentify,
                                        const ReportOptions& o);
/// Draws the map or a line saying why it is missing.
void MapBlock(PdfWriter& w, const journal::Case& c, bool deidentify, const ReportOptions& o,
              double maxHeight);

std::string TemplateTitle(const journal::TemplateSet& t, const std::string& id,
                          const ReportOptions& o);
/// The title of a note field or checklist item in its template; the id when unknown.
std::string ItemTitle(const journal::TemplateSet& t, const std::string& templateId,
                      const std::string& itemId, const ReportOptions& o);

/// The closing session: the latest of type Closing, or null.
const journal::Session* ClosingSession(const journal::Case& c);

/// Open deep-interview topics (not Covered), checklist entries mapped to the
/// newest template; items never ticked count as open.
struct OpenTopic {
    std::string title;
    std::string section;
    journal::TopicState state = journal::TopicState::NotYet;
};
std::vector<OpenTopic> OpenTopics(const journal::Case& c, const journal::TemplateSet& t,
                                  const ReportOptions& o);

/// Forms side by side as table rows: item, then one column per phase shown.
std::vector<std::vector<std::string>> FormRows(const FormsOverTime& forms,
                                               const std::vector<std::size_t>& phases,
                                               bool numericOnly, bool comparableOnly = false);
std::vector<ChartSeries> ChartSeriesOf(const FormsOverTime& forms);
std::array<std::string, 3> PhaseShortLabels(const ReportOptions& o);

} // namespace kartbok::reports::detail
