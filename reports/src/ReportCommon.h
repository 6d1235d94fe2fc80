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
/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
std::string CsvField(const std::string& s);
std::string DateText(journal::Date d);      ///< ISO date, "–" when unset
std::string TimeText(journal::Timestamp t); ///< "2026-06-09 11:00" local time, "–" for 0
/// Whole months from a to b (negative when b is earlier); both set.
int MonthsBetween(journal::Date a, journal::Date b);

std::string SessionTypeText(journal::SessionType t, const ReportOptions& o);
std::string ReasonText(journal::SeekReason r, const ReportOptions& o);
std::string ReferralText(journal::ReferralRoute r, const ReportOptions& o);
std::string OutcomeText(journal::FollowUpOutcome f, const ReportOptions& o);
/// "Köp av sexuella tjänster, anhörig" or "Inte angivet".
std::string ReasonsText(const journal::Intake& in, const ReportOptions& o);
/// One line per follow-up: "2026-12-09 · hölls 2026-12-11".
std::vector<std::string> FollowUpLines(const std::vector<journal::FollowUp>& f,
                                       const ReportOptions& o);

/// The case as a report may show it: without a relative's alone-sessions,
/// relatives' checklists and forms (in an index client's case they are
/// someone else's). The links to other people's cases are never printed.
struct ReportableCase {
    journal::Case c;
    bool thirdPartyLeftOut = false;
};
ReportableCase OwnContent(const journal::Case& c, const journal::TemplateSet& t);
/// The one line a report prints when a rule left something out ("" if none).
std::string LeftOutLine(const ReportableCase& r, const ReportOptions& o);
/// Prints LeftOutLine, when there is one, as a muted paragraph.
void LeftOutBlock(PdfWriter& w, const ReportableCase& r, const ReportOptions& o);
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

/// The closing session of the current episode: the latest of type Closing, or null.
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

/// An item's question as a report prints it: a clinic-defined one says so,
/// so it is never read as part of a published instrument.
std::string ItemTitle(const ItemRow& row, const ReportOptions& o);
/// Forms side by side as table rows: item, then one column per phase shown.
std::vector<std::vector<std::string>> FormRows(const FormsOverTime& forms, const ReportOptions& o,
                                               const std::vector<std::size_t>& phases,
                                               bool numericOnly, bool comparableOnly = false);
/// The charts worth drawing, items with a published basis first and, within
/// each, frequencies (the problem behaviour) first: a report that shows only
/// the first few shows those.
std::vector<ChartSeries> ChartSeriesOf(const FormsOverTime& forms, const ReportOptions& o);
std::array<std::string, 3> PhaseShortLabels(const ReportOptions& o);

} // namespace kartbok::reports::detail
