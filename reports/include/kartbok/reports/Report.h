#pragma once
// The case reports (docs/design.md, "The journal") as A4 PDFs: the follow-up brief, the
// supervisor summary (identified or de-identified) and the full record for a
// client's access request (GDPR art. 15). Every page carries the case code
// and "Sida n av N", so a loose page can always be put back.
//
// Each report holds only its own case's content. Someone else's content that
// older cases may still hold (a relative's alone-sessions, the relatives'
// checklist, relatives' forms), the links between a relative's case and the
// index client's, and the text of joint sessions in a relative's report are
// left out, and the report says so in one line.
//
// The renderers return bytes; a report holds client text, so the caller writes
// it only where the user chose, through vault::Export (audited, 0600, atomic).

#include "kartbok/journal/Case.h"
#include "kartbok/journal/Episodes.h"
#include "kartbok/journal/TemplateLoader.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kartbok::reports {

/// A report could not be drawn (cairo or pango refused), with the reason.
class ReportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ReportOptions {
    std::string language = "sv"; ///< "sv" or "en": headings, labels, template texts
    /// Supervisor summary only: roles instead of names, months since start
    /// instead of dates, no name or contact details and no free text.
    bool deidentify = false;
    /// With deidentify: still include free text (reason for contact, themes).
    bool includeFreeText = false;
    journal::Date today;   ///< printed date and the map's ages; unset = today (UTC)
    std::string printedBy; ///< the user who made the report, shown in the footer
    /// A relative's own case: the joint sessions written in the index
    /// client's case (journal::JointSessions), shown as "joint" with date and
    /// length only. The caller reads them; this library never opens a vault.
    std::vector<journal::JointSession> jointSessions;
};

/// One line of the audit log for the full record. The caller converts the
/// vault's entries, so this library never links the vault.
struct AuditLine {
    std::int64_t time = 0; ///< seconds since epoch, UTC
    std::string user;
    std::string action;
    std::string detail;
};

/// One or two pages before a follow-up session: why the client came, key
/// dates, the family map, the closing session's themes and agreements, start
/// and end forms side by side, open deep-interview topics and questions to ask.
std::vector<unsigned char> RenderFollowUpBrief(const journal::Case& c,
                                               const journal::TemplateSet& templates,
                                               const ReportOptions& options);

/// The structure of a case for supervision: map, sessions by type over time,
/// deep-interview coverage, forms present.
std::vector<unsigned char> RenderSupervisorSummary(const journal::Case& c,
                                                   const journal::TemplateSet& templates,
                                                   const ReportOptions& options);

/// A supervisor's caseload review: one de-identified PDF with a cover page
/// and the supervisor summary of each case, each starting on a page of its
/// own whose header carries its code. Always de-identified (`deidentify` and
/// `includeFreeText` are ignored): roles, months, no names, dates or free
/// text. The cover lists each case by its pseudonymous code - the code the
/// de-identified summary prints on every page anyway - with status, months in
/// treatment, sessions, deep-interview coverage and forms present; cases come
/// in code order, never in the order they were picked.
/// `jointSessions`: for each relative's case among `cases`, by its id, the
/// joint sessions written in its index client's case (counted like
/// ReportOptions::jointSessions for a single summary; that field is ignored).
using JointSessionsByCase = std::map<std::string, std::vector<journal::JointSession>>;
std::vector<unsigned char> RenderSupervisionPack(const std::vector<journal::Case>& cases,
                                                 const journal::TemplateSet& templates,
                                                 const ReportOptions& options,
                                                 const JointSessionsByCase& jointSessions = {});

/// Everything recorded about the client, chronologically: sessions with every
/// field, signatures, addenda, corrections (old text struck through but
/// readable), checklists, forms, and the audit excerpt given.
std::vector<unsigned char> RenderFullRecord(const journal::Case& c,
                                            const journal::TemplateSet& templates,
                                            const std::vector<AuditLine>& audit,
                                            const ReportOptions& options);

} // namespace kartbok::reports
