#include "kartbok/journal/Dates.h"

#include "kartbok/journal/JournalError.h"

#include <algorithm>
#include <array>
#include <ctime>
#include <tuple>

namespace kartbok::journal {

namespace {
// Howard Hinnant's days-from-civil / civil-from-days: exact proleptic
// Gregorian arithmetic without time zones or the C library.
std::int64_t DaysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = static_cast<unsigned>((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date CivilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400) + (m <= 2);
    return {y, m, d};
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

void Later(Date& best, Date d) {
    if (d.Set() && d > best)
        best = d;
}
} // namespace

bool ValidFollowUpMonths(int months) {
    return months >= kMinFollowUpMonths && months <= kMaxFollowUpMonths;
}

Date FollowUpDue(Date end, int months) {
    if (!ValidFollowUpMonths(months))
        throw JournalError("The follow-up comes 4-8 months after the end of treatment; " +
                           std::to_string(months) + " is outside that range.");
    return end.Set() ? end.AddMonths(months) : Date{};
}

Date DateOf(Timestamp t) {
    if (t == 0)
        return {};
    return CivilFromDays(FloorDiv(t, 86400));
}

Timestamp StartOf(Date d) {
    if (!d.Set())
        return 0;
    return DaysFromCivil(d.year, d.month, d.day) * 86400;
}

int DaysBetween(Date a, Date b) {
    return static_cast<int>(DaysFromCivil(b.year, b.month, b.day) -
                            DaysFromCivil(a.year, a.month, a.day));
}

Date LastEntryDate(const Case& c) {
    Date last;
    Later(last, c.firstContact);
    Later(last, c.start);
    Later(last, c.end);
    for (const Session& s : c.sessions) {
        Later(last, DateOf(s.start));
        Later(last, DateOf(s.signedAt));
        for (const Addendum& a : s.addenda)
            Later(last, DateOf(a.time));
    }
    for (const FormResponse& f : c.forms)
        Later(last, f.date);
    for (const FollowUp& f : c.followUps)
        Later(last, f.outcomeDate);
    for (const Episode& e : c.pastEpisodes) {
        Later(last, e.end);
        for (const FollowUp& f : e.followUps)
            Later(last, f.outcomeDate);
    }
    return last;
}

Date RetentionReviewDate(const Case& c) {
    const Date last = LastEntryDate(c);
    return last.Set() ? last.AddYears(kRetentionYears) : Date{};
}

CaseDates DatesOf(const Case& c) {
    return {c.id, c.status, c.followUpDue, LastEntryDate(c)};
}

const char* ToString(DueKind k) {
    static constexpr std::array kNames{"follow-up-overdue", "follow-up-soon", "retention-review"};
    return kNames.at(static_cast<std::size_t>(k));
}

std::vector<DueItem> DueWithin(const std::vector<CaseDates>& cases, Date today, int days) {
    std::vector<DueItem> out;
    for (const CaseDates& c : cases) {
        // followUpDue is the next follow-up still planned: once it has an
        // outcome (held, declined, not reached) it is no longer due. A further
        // follow-up planned after a held one is due like the first.
        const bool afterEnd = c.status == CaseStatus::Ended || c.status == CaseStatus::FollowUpDone;
        if (afterEnd && c.followUpDue.Set()) {
            const int left = DaysBetween(today, c.followUpDue);
            if (left < 0)
                out.push_back({c.caseId, DueKind::FollowUpOverdue, c.followUpDue, left});
            else if (left <= days)
                out.push_back({c.caseId, DueKind::FollowUpSoon, c.followUpDue, left});
        }
        if (c.lastEntry.Set()) {
            const Date review = c.lastEntry.AddYears(kRetentionYears);
            const int left = DaysBetween(today, review);
            if (left <= days)
                out.push_back({c.caseId, DueKind::RetentionReview, review, left});
        }
    }
    std::sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) {
        return std::tie(a.date, a.caseId, a.kind) < std::tie(b.date, b.caseId, b.kind);
    });
    return out;
}

std::vector<DueItem> DueFor(const Case& c, Date today, int days) {
    return DueWithin(std::vector<CaseDates>{DatesOf(c)}, today, days);
}

std::vector<CaseWarning> ValidateCase(const Case& c, Date today) {
    std::vector<CaseWarning> out;
    auto warn = [&](WarningKind k, std::string sessionId, std::string message) {
        out.push_back({k, std::move(sessionId), std::move(message)});
    };
    if (!ValidFollowUpMonths(c.followUpMonths))
        warn(WarningKind::FollowUpMonthsOutOfRange, {},
             "The follow-up interval is " + std::to_string(c.followUpMonths) +
                 " months; the method says 4-8.");
    auto order = [&](Date a, Date b, const char* what) {
        if (a.Set() && b.Set() && b < a)
            warn(WarningKind::DatesOutOfOrder, {}, what);
    };
    order(c.firstContact, c.start, "The start date is before the first contact.");
    order(c.start, c.end, "The end date is before the start date.");
    order(c.end, c.followUpDue, "The follow-up date is before the end date.");
    if ((c.status == CaseStatus::Ended) && c.followUps.empty())
        warn(WarningKind::FollowUpDueMissing, {},
             "The case has ended but has no follow-up planned or recorded; plan one.");

    for (const Session& s : c.sessions) {
        // Moved here from the index client's case: its participants are
        // people of that case's map, not of this one.
        const bool moved = s.type == SessionType::Relative && !c.relativeOf.empty();
        const Date d = DateOf(s.start);
        if (d.Set() && today.Set() && d > today)
            warn(WarningKind::SessionInFuture, s.id,
                 "Session " + s.id + " is dated " + d.Iso() + ", after today.");
        if (d.Set() && c.firstContact.Set() && d < c.firstContact)
            warn(WarningKind::SessionBeforeFirstContact, s.id,
                 "Session " + s.id + " is dated " + d.Iso() + ", before the first contact (" +
                     c.firstContact.Iso() + ").");
        for (auto p : s.participants)
            if (!moved && !c.family.FindPerson(p))
                warn(WarningKind::UnknownParticipant, s.id,
                     "Session " + s.id + " names person " + std::to_string(p) +
                         ", who is not in the family map.");
    }
    for (const ChecklistRun& run : c.checklists)
        for (const TopicEntry& e : run.entries)
            for (const std::string& sid : e.sessionIds)
                if (!c.FindSession(sid))
                    warn(WarningKind::UnknownTopicSession, sid,
                         "Checklist item " + e.itemId + " links session " + sid +
                             ", which is not in this case.");
    return out;
}

namespace {
std::tm LocalTm(Timestamp t) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    localtime_r(&tt, &tm);
    return tm;
}
} // namespace

Date LocalDateOf(Timestamp t) {
    if (t == 0)
        return {};
    const std::tm tm = LocalTm(t);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

int LocalMinutesOf(Timestamp t) {
    const std::tm tm = LocalTm(t);
    return tm.tm_hour * 60 + tm.tm_min;
}

Timestamp LocalTimestamp(const Date& day, int minutes) {
    if (!day.Set())
        return 0;
    std::tm tm{};
    tm.tm_year = day.year - 1900;
    tm.tm_mon = day.month - 1;
    tm.tm_mday = day.day;
    tm.tm_hour = minutes / 60;
    tm.tm_min = minutes % 60;
    tm.tm_isdst = -1; // the clock on that day decides summer time
    return static_cast<Timestamp>(std::mktime(&tm));
}

Timestamp Now() {
    return static_cast<Timestamp>(std::time(nullptr));
}

Date Today() {
    return LocalDateOf(Now());
}

std::string LocalTimeText(Timestamp t) {
    if (t == 0)
        return {};
    const std::tm tm = LocalTm(t);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

} // namespace kartbok::journal
