#include "model/DateText.h"

#include "kartbok/journal/Dates.h"

#include <cctype>
#include <cstdio>

namespace kartbok::app {

using journal::Date;

std::optional<Date> ParseIsoDate(const std::string& text) {
    int y = 0, m = 0, d = 0, used = 0;
    if (std::sscanf(text.c_str(), " %4d-%2d-%2d %n", &y, &m, &d, &used) != 3 ||
        used != static_cast<int>(text.size()))
        return std::nullopt;
    if (y < 1800 || y > 2999 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m))
        return std::nullopt;
    return Date{y, m, d};
}

std::optional<int> ParseClock(const std::string& text) {
    // "14:25", "14.25" or "1425": one separator at most, two digits of minutes.
    std::string hours, minutes;
    bool separated = false;
    for (char ch : text) {
        if (std::isdigit(static_cast<unsigned char>(ch)))
            (separated ? minutes : hours) += ch;
        else if ((ch == ':' || ch == '.') && !separated)
            separated = true;
        else if (ch != ' ')
            return std::nullopt;
    }
    if (!separated) {
        if (hours.size() < 3 || hours.size() > 4)
            return std::nullopt;
        minutes = hours.substr(hours.size() - 2);
        hours.resize(hours.size() - 2);
    }
    if (hours.empty() || hours.size() > 2 || minutes.size() != 2)
        return std::nullopt;
    const int h = std::stoi(hours), m = std::stoi(minutes);
    if (h > 23 || m > 59)
        return std::nullopt;
    return h * 60 + m;
}

std::string ClockText(int minutes) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
    return text;
}

int DaysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[(month - 1) % 12];
}

Date AddDays(const Date& d, int days) {
    return journal::DateOf(journal::StartOf(d) + static_cast<journal::Timestamp>(days) * 86400);
}

int WeekdayOf(const Date& d) {
    const long long days = journal::StartOf(d) / 86400; // 1970-01-01 was a Thursday
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

int IsoWeek(const Date& d) {
    // The week's Thursday decides its year; week 1 holds that year's first Thursday.
    const Date thursday = AddDays(d, 3 - WeekdayOf(d));
    const int dayOfYear = journal::DaysBetween(Date{thursday.year, 1, 1}, thursday);
    return dayOfYear / 7 + 1;
}

} // namespace kartbok::app
