#pragma once
// The clinic's yearly statistics (DESIGN.md §1, the clinic lead): counts only,
// no codes, no text, small numbers suppressed - so the CSV can leave the
// clinic. And the anonymised form answers a research partner needs to compare
// start, end and follow-up across clinics (the recommendation of the KAST
// evaluation), with nothing that links a row to a client.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/TemplateLoader.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kartbok::reports {

/// How many answered `value` to `itemId` in forms of `phase` filled in that
/// year, after mapping older template versions to today's ids (one row of
/// tables 1-2 of the evaluation, split by answer).
struct AnswerCount {
    std::string itemId;
    journal::FormPhase phase = journal::FormPhase::Start;
    std::string value;
    int count = 0;
};

struct YearStatistics {
    int year = 0;
    /// Cases whose first date (first contact, else start) falls in the year.
    int newCases = 0;
    /// Sessions dated in the year, by type (every type present, zeros too).
    std::map<journal::SessionType, int> sessionsByType;
    /// Clients with a form of that phase dated in the year.
    int withStartForm = 0;
    int withEndForm = 0;
    int withFollowUpForm = 0;
    /// Clients whose set of start, end and follow-up forms was completed in
    /// the year (the last of the three dated in it): each client counted once.
    int withAllThree = 0;
    int followUpsHeld = 0; ///< follow-up sessions dated in the year
    int followUpsDue = 0;  ///< cases with the follow-up due date in the year
    /// Sorted by phase, item (template order), value. Only yes/no, scale,
    /// number and frequency items: free text never leaves the case.
    std::vector<AnswerCount> answers;
};

YearStatistics ComputeStatistics(const std::vector<journal::Case>& cases,
                                 const journal::TemplateSet& templates, int year);

/// Counts from 1 to 4 become "<5" so no client can be singled out; 0 stays "0".
std::string Suppressed(int count);

/// CSV (RFC 4180, UTF-8, comma): year,measure,item,phase,value,count - every
/// count passed through Suppressed.
std::string StatisticsCsv(const YearStatistics& stats);

/// One answer for research: no case id, code, date or text.
struct AnonymousAnswer {
    std::string itemId;
    journal::FormPhase phase = journal::FormPhase::Start;
    int monthsSinceStart = 0; ///< whole months from the start of treatment to the form's date
    std::string value;
};

/// Answers of forms dated in `year` (0: every year), mapped to today's item
/// ids, in an order decided by a hash of each row's content - never the order
/// of cases, so rows cannot be linked back to one client by position.
std::vector<AnonymousAnswer> AnonymousAnswers(const std::vector<journal::Case>& cases,
                                              const journal::TemplateSet& templates, int year = 0);
/// CSV: item,phase,months_since_start,value
std::string AnonymousAnswersCsv(const std::vector<AnonymousAnswer>& answers);

} // namespace kartbok::reports
