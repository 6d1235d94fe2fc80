#pragma once
// Dates and clock times as the app reads and writes them: ISO 8601 (2026-12-05,
// 14:25) whatever the locale, and the calendar arithmetic the date field's
// popup needs (weekday, ISO week). wx-free, so tests_core checks it.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/Dates.h"

#include <optional>
#include <string>

namespace kartbok::app {

/// "2026-12-05" -> the date; nullopt for anything else (also 2026-02-30).
std::optional<journal::Date> ParseIsoDate(const std::string& text);
/// "14:25", "9:05", "1425" -> minutes after midnight; nullopt otherwise.
std::optional<int> ParseClock(const std::string& text);
/// Minutes after midnight -> "09:05".
std::string ClockText(int minutes);
/// Monday = 0 ... Sunday = 6.
int WeekdayOf(const journal::Date& d);
/// The ISO 8601 week number (1-53) of a date.
int IsoWeek(const journal::Date& d);
int DaysInMonth(int year, int month);
/// The date `days` later (earlier when negative).
journal::Date AddDays(const journal::Date& d, int days);

/// A moment's local date and time of day, and back: in journal/Dates.h, since
/// the reports show local times too.
using journal::LocalDateOf;
using journal::LocalMinutesOf;
using journal::LocalTimestamp;

} // namespace kartbok::app
