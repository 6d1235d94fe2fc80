#pragma once
// The clinic's statistics (docs/design.md, "Who it is for", the clinic lead) over any range of
// years: counts only, no codes, no text, small numbers suppressed - so the CSV
// can leave the clinic. The form tables are laid out like tables 1-2 of the
// KAST evaluation (FoU i Väst 2021): per item how many answered yes, folded
// from the scale as the form's YAML declares; a buyers-only view (the
// evaluation counted only clients who had bought sex); and the paired
// start -> end change the evaluation could not make ("saknas för- och
// eftermätningar på samma individer"). Research partners get the answers of
// each client linked by a study id made fresh for every export, and nothing
// else that points at anyone.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/TemplateLoader.h"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kartbok::reports {

struct StatisticsOptions {
    int fromYear = 0;
    int toYear = 0;          ///< inclusive
    bool buyersOnly = false; ///< only clients who have bought sex (see IsBuyer)
    std::string language = "sv";
};

/// True when the client has bought sex: the intake says so in any episode, or
/// a form answer marked `buyer:` in its template is yes.
bool IsBuyer(const journal::Case& c, const journal::TemplateSet& templates);

/// One row of a phase table: of the forms counted, how many answered yes, no,
/// or left the item out. For a multiple-choice item there is a row per
/// option (yes: chosen).
struct TableRowCount {
    std::string itemId;
    std::string option;  ///< multiple-choice rows: the option's value
    std::string group;   ///< multiple-choice rows: the question
    std::string label;   ///< the evaluation's row text where the item rebuilds one, else the title
    int tableNumber = 0; ///< 1 or 2 when the row rebuilds a row of the evaluation's table
    bool clinicDefined = false;
    int yes = 0;
    int no = 0;
    int unanswered = 0;
};

/// A phase laid out like the evaluation's tables: "Fyllt i självskattnings-
/// formulär vid behandlingsstart: n", then a row per item.
struct PhaseTable {
    journal::FormPhase phase = journal::FormPhase::Start;
    /// Clients (per treatment episode) with a form of the phase dated in the
    /// range; the latest such form of each is the one counted.
    int forms = 0;
    std::vector<TableRowCount> rows;
};

/// Paired change of one item for the clients who answered it in both forms.
struct PairedRow {
    std::string itemId;
    std::string option;
    std::string group;
    std::string label;
    int tableNumber = 0;
    bool clinicDefined = false;
    int pairs = 0; ///< answered (foldably) in both
    int yesYes = 0;
    int yesNo = 0;
    int noYes = 0;
    int noNo = 0;
};

/// Clients with both forms, the later one dated in the range.
struct PairedTable {
    journal::FormPhase from = journal::FormPhase::Start;
    journal::FormPhase to = journal::FormPhase::End;
    int clients = 0;
    std::vector<PairedRow> rows;
};

/// How many answered `value` to `itemId` (raw values, after mapping older
/// template versions to today's ids) - the detail behind the tables.
struct AnswerCount {
    std::string itemId;
    journal::FormPhase phase = journal::FormPhase::Start;
    std::string value;
    int count = 0;
};

struct ClinicStatistics {
    StatisticsOptions options;
    /// Clients with a session (or, for a relative, a joint session) in the
    /// range, and how many of them are relatives in parallel treatment.
    int clientsSeen = 0;
    int relativesSeen = 0;
    /// Of the clients seen, by reason for seeking help (a client may have
    /// several) and by referral route, from the intake of the episodes seen.
    std::map<journal::SeekReason, int> byReason;
    int reasonNotRecorded = 0;
    std::map<journal::ReferralRoute, int> byReferral;
    /// Treatment episodes opened in the range (first contact, else start),
    /// and how many of them were returning clients' (episode 2 or later).
    int newEpisodes = 0;
    int returningEpisodes = 0;
    /// Sessions dated in the range, by type (every type, zeros too) and by
    /// the therapist who wrote them.
    std::map<journal::SessionType, int> sessionsByType;
    std::map<std::string, int> sessionsByTherapist;
    /// First contact -> first visit, for episodes whose first visit is in the
    /// range; start -> end in months, for episodes ended in the range.
    std::optional<double> medianWaitingDays;
    int waitingCount = 0;
    std::optional<double> medianTreatmentMonths;
    int treatmentCount = 0;
    /// Follow-up outcomes dated in the range, and planned ones due in it
    /// that still have no outcome.
    std::map<journal::FollowUpOutcome, int> followUps;
    /// Clients (episodes) with a form of each phase in the range, and those
    /// whose set of three was completed in it.
    std::array<int, 3> withForm{};
    int withAllThree = 0;
    std::array<PhaseTable, 3> tables;
    PairedTable startToEnd;
    PairedTable startToFollowUp;
    std::vector<AnswerCount> answers;
};

/// Counts over every case. Throws std::invalid_argument when the range is
/// empty (from after to).
ClinicStatistics ComputeStatistics(const std::vector<journal::Case>& cases,
                                   const journal::TemplateSet& templates,
                                   const StatisticsOptions& options);

/// Counts from 1 to 4 become "<5" so no client can be singled out; 0 stays "0".
std::string Suppressed(int count);

/// A row of counts that add up to a known total (yes / no / unanswered of n),
/// suppressed: 1-4 become "<5", and when that leaves exactly one hidden cell
/// the smallest other non-zero cell becomes "x" too, so no hidden count can
/// be worked out from the total.
std::vector<std::string> SuppressedRow(const std::vector<int>& cells);

/// CSV (RFC 4180, UTF-8): from,to,view,measure,item,phase,value,count - both
/// views (all clients, and buyers only) of the range, every count suppressed
/// (docs/reports.md lists every measure).
std::string StatisticsCsv(const ClinicStatistics& all, const ClinicStatistics& buyers);

/// One answer for research, linked to the client's other answers only by a
/// study id made fresh for each export.
struct ResearchAnswer {
    std::string studyId; ///< "P001"...: random per export, never derived from the case
    journal::FormPhase phase = journal::FormPhase::Start;
    int monthsSinceStart = -1; ///< whole months from the start of treatment; -1 unknown
    std::string itemId;
    std::string value;
};

/// Answers of forms dated in the range (yes/no, scale, number, frequency and
/// multiple-choice items; never free text), mapped to today's ids. Each
/// client's treatment episode gets one study id, assigned in a random order,
/// so neither the ids nor the row order say anything about the cases.
std::vector<ResearchAnswer> ResearchAnswers(const std::vector<journal::Case>& cases,
                                            const journal::TemplateSet& templates,
                                            const StatisticsOptions& options);
/// CSV: study_id,phase,months_since_start,item,value
std::string ResearchAnswersCsv(const std::vector<ResearchAnswer>& answers);

} // namespace kartbok::reports
