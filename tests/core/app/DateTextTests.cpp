// Dates and times as the app's own date and time fields read and write them:
// ISO 8601 whatever the locale, and the calendar arithmetic of the popup.
#include <catch2/catch.hpp>

#include "model/DateText.h"

#include <cstdlib>
#include <ctime>

using namespace kartbok;
using namespace kartbok::app;
using journal::Date;

TEST_CASE("an ISO date is read, anything else refused", "[app][dates]") {
    CHECK(ParseIsoDate("2026-12-05") == Date{2026, 12, 5});
    CHECK(ParseIsoDate(" 2026-12-05 ") == Date{2026, 12, 5});
    CHECK(ParseIsoDate("2024-02-29") == Date{2024, 2, 29});
    for (const char* bad : {"", "12/05/2026", "05.12.2026", "2026-13-01", "2026-02-29",
                            "2026-00-10", "2026-12-32", "2026-12-05x", "26-12-05", "2026-12"})
        CHECK_FALSE(ParseIsoDate(bad).has_value());
}

TEST_CASE("a 24-hour time is read in the ways people type it", "[app][dates]") {
    CHECK(ParseClock("14:25") == 14 * 60 + 25);
    CHECK(ParseClock("9:05") == 9 * 60 + 5);
    CHECK(ParseClock("0905") == 9 * 60 + 5);
    CHECK(ParseClock("14.25") == 14 * 60 + 25);
    for (const char* bad : {"", "24:00", "12:60", "2:5", "noon", "1:2:3", "12345"})
        CHECK_FALSE(ParseClock(bad).has_value());
    CHECK(ClockText(9 * 60 + 5) == "09:05");
    CHECK(ClockText(23 * 60 + 59) == "23:59");
}

TEST_CASE("weekdays start on Monday and weeks are numbered as in ISO 8601", "[app][dates]") {
    struct Known {
        Date date;
        int week, weekday;
    };
    // Week numbers and weekdays as Python's date.isocalendar() gives them.
    const Known known[] = {{{2026, 12, 5}, 49, 5},  {{2021, 1, 3}, 53, 6},  {{2020, 12, 31}, 53, 3},
                           {{2026, 1, 1}, 1, 3},    {{2024, 12, 30}, 1, 0}, {{2027, 1, 1}, 53, 4},
                           {{2015, 12, 31}, 53, 3}, {{2016, 1, 3}, 53, 6}};
    for (const auto& k : known) {
        INFO(k.date.Iso());
        CHECK(IsoWeek(k.date) == k.week);
        CHECK(WeekdayOf(k.date) == k.weekday);
    }
    CHECK(DaysInMonth(2024, 2) == 29);
    CHECK(DaysInMonth(2100, 2) == 28);
    CHECK(DaysInMonth(2000, 2) == 29);
    CHECK(AddDays({2026, 12, 31}, 1) == Date{2027, 1, 1});
    CHECK(AddDays({2024, 3, 1}, -1) == Date{2024, 2, 29});
}

TEST_CASE("a session's local date and time survive the round trip, summer time too",
          "[app][dates]") {
    const char* old = std::getenv("TZ");
    const std::string saved = old ? old : "";
    ::setenv("TZ", "Europe/Stockholm", 1);
    ::tzset();
    for (const Date day : {Date{2026, 12, 5}, Date{2026, 7, 1}, Date{2026, 3, 29}}) {
        const auto t = LocalTimestamp(day, 14 * 60 + 25);
        CHECK(LocalDateOf(t) == day);
        CHECK(LocalMinutesOf(t) == 14 * 60 + 25);
        // What the journal list, the audit dialog and the reports print.
        CHECK(kartbok::journal::LocalTimeText(t) == day.Iso() + " 14:25");
    }
    CHECK(LocalTimestamp({}, 600) == 0);
    CHECK(kartbok::journal::LocalTimeText(0).empty());
    CHECK_FALSE(LocalDateOf(0).Set());
    if (old)
        ::setenv("TZ", saved.c_str(), 1);
    else
        ::unsetenv("TZ");
    ::tzset();
}
