#pragma once
// The dates the method and the law hang on: follow-up 4-8 months after the end
// (default 6), retention review five years after the last entry. Kartbok only
// lists what is due; it never deletes anything on its own (docs/design.md, "The journal").

#include "kartbok/journal/Case.h"

#include <string>
#include <vector>

namespace kartbok::journal {

inline constexpr int kDefaultFollowUpMonths = 6;
inline constexpr int kMinFollowUpMonths = 4;
inline constexpr int kMaxFollowUpMonths = 8;
inline constexpr int kRetentionYears = 5;
inline constexpr int kDueSoonDays = 30;

bool ValidFollowUpMonths(int months);

/// end + months, the day clamped to the month's length (31 Aug + 6 -> 28/29 Feb).
/// Unset when end is unset. Throws JournalError for months outside 4-8.
Date FollowUpDue(Date end, int months = kDefaultFollowUpMonths);

/// The civil date (UTC) of a timestamp; unset for 0.
Date DateOf(Timestamp t);
/// Midnight UTC of a date; 0 for an unset date.
Timestamp StartOf(Date d);

/// A moment's date and time of day on this computer's clock (sessions are
/// booked, and shown, in local time), and back; 0 stays unset.
Date LocalDateOf(Timestamp t);
int LocalMinutesOf(Timestamp t);
Timestamp LocalTimestamp(const Date& day, int minutes);
/// This moment: what a new session, signature or addendum is stamped with.
Timestamp Now();
/// This computer's date now (local clock): what "today" is for due dates,
/// forms and reports unless the caller fixes one.
Date Today();
/// A moment as the app and the reports show it: "2026-06-09 11:00" on this
/// computer's clock; "" for 0 (each caller says what an unset time reads as).
std::string LocalTimeText(Timestamp t);
/// Days from a to b (negative when b is earlier). Both must be set.
int DaysBetween(Date a, Date b);

/// The latest dated entry of a case: session starts, signatures, addenda,
/// form dates, follow-up outcomes, the ends of earlier episodes, and the
/// first-contact/start/end dates (so an enquiry that never
/// became a session still gets a review date). Unset for an empty case.
Date LastEntryDate(const Case& c);
/// LastEntryDate + 5 years; unset when there is no entry.
Date RetentionReviewDate(const Case& c);

/// What the client list and `kartbok-cli due` need to know about a case
/// without opening it; vault::CaseSummary has the same fields.
struct CaseDates {
    std::string caseId;
    CaseStatus status = CaseStatus::Enquiry;
    Date followUpDue;
    Date lastEntry;
};
CaseDates DatesOf(const Case& c);

enum class DueKind : std::uint8_t {
    FollowUpOverdue, ///< a planned follow-up's date has passed and it has no outcome yet
    FollowUpSoon,    ///< due within the window
    RetentionReview, ///< five years without an entry: review for gallring
};
const char* ToString(DueKind k); ///< "follow-up-overdue", "follow-up-soon", "retention-review"

struct DueItem {
    std::string caseId;
    DueKind kind = DueKind::FollowUpSoon;
    Date date;        ///< the due date
    int daysLeft = 0; ///< negative when overdue
};

/// Follow-ups overdue or due within `days` (the next planned follow-up of an
/// ended or followed-up case; one with an outcome is never due), and retention
/// reviews due within `days` or earlier. Sorted by date, then case id.
std::vector<DueItem> DueWithin(const std::vector<CaseDates>& cases, Date today,
                               int days = kDueSoonDays);

/// Same, for anything with id/status/followUpDue/lastEntry (vault::CaseSummary).
template <class Summary>
std::vector<DueItem> DueWithin(const std::vector<Summary>& summaries, Date today,
                               int days = kDueSoonDays) {
    std::vector<CaseDates> dates;
    dates.reserve(summaries.size());
    for (const auto& s : summaries)
        dates.push_back({s.id, s.status, s.followUpDue, s.lastEntry});
    return DueWithin(dates, today, days);
}

/// Due items for one open case.
std::vector<DueItem> DueFor(const Case& c, Date today, int days = kDueSoonDays);

enum class WarningKind : std::uint8_t {
    SessionInFuture, ///< a session dated after today
    SessionBeforeFirstContact,
    FollowUpMonthsOutOfRange, ///< not 4-8
    DatesOutOfOrder,          ///< start before first contact, end before start...
    FollowUpDueMissing,       ///< ended without a follow-up date
    UnknownParticipant,       ///< a session names a person not in the map
    UnknownTopicSession,      ///< a checklist entry links a session that does not exist
};

/// Something worth a second look; never blocks saving. No client text.
struct CaseWarning {
    WarningKind kind;
    std::string sessionId; ///< "" when not about a session
    std::string message;
};

/// Checks a case for dates and links that are probably mistakes.
std::vector<CaseWarning> ValidateCase(const Case& c, Date today);

} // namespace kartbok::journal
