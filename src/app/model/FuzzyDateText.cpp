#include "model/FuzzyDateText.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <string_view>

namespace kartbok::app {

using genogram::DatePrecision;
using genogram::FuzzyDate;

std::string FormatFuzzyDate(const FuzzyDate& date) {
    char buf[32];
    switch (date.precision) {
    case DatePrecision::Unknown:
        return {};
    case DatePrecision::Year:
        return std::to_string(date.year);
    case DatePrecision::About:
        return "ca " + std::to_string(date.year);
    case DatePrecision::Before:
        return "före " + std::to_string(date.year);
    case DatePrecision::After:
        return "efter " + std::to_string(date.year);
    case DatePrecision::Full:
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
        return buf;
    }
    return {};
}

namespace {

std::string_view Trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

std::optional<int> Number(std::string_view s, std::size_t digits) {
    if (s.size() != digits)
        return std::nullopt;
    int v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size())
        return std::nullopt;
    return v;
}

bool ValidYear(int y) {
    return y >= 1000 && y <= 2999;
}

int DaysIn(int year, int month) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

} // namespace

std::optional<FuzzyDate> ParseFuzzyDate(const std::string& text) {
    std::string_view s = Trim(text);
    if (s.empty())
        return FuzzyDate{};
    bool about = false;
    DatePrecision bound = DatePrecision::Year;
    const std::pair<std::string_view, DatePrecision> prefixes[] = {
        {"ca.", DatePrecision::About},     {"ca", DatePrecision::About},
        {"c.", DatePrecision::About},      {"~", DatePrecision::About},
        {"abt.", DatePrecision::About},    {"abt", DatePrecision::About},
        {"omkr.", DatePrecision::About},   {"omkr", DatePrecision::About},
        {"about", DatePrecision::About},   {"före", DatePrecision::Before},
        {"before", DatePrecision::Before}, {"efter", DatePrecision::After},
        {"after", DatePrecision::After}};
    for (const auto& [prefix, precision] : prefixes) {
        if (s.size() > prefix.size() && s.substr(0, prefix.size()) == prefix) {
            const auto rest = s.substr(prefix.size());
            // "ca1950" and "ca 1950" both mean about; "cab" does not.
            if (std::isdigit(static_cast<unsigned char>(rest.front())) || rest.front() == ' ') {
                about = true;
                bound = precision;
                s = Trim(rest);
                break;
            }
        }
    }
    if (auto y = Number(s, 4)) {
        if (!ValidYear(*y))
            return std::nullopt;
        return about ? FuzzyDate{bound, *y, 0, 0} : FuzzyDate::Year(*y);
    }
    if (about || s.size() != 10 || s[4] != '-' || s[7] != '-')
        return std::nullopt;
    auto y = Number(s.substr(0, 4), 4);
    auto m = Number(s.substr(5, 2), 2);
    auto d = Number(s.substr(8, 2), 2);
    if (!y || !m || !d || !ValidYear(*y) || *m < 1 || *m > 12 || *d < 1 || *d > DaysIn(*y, *m))
        return std::nullopt;
    return FuzzyDate::Full(*y, *m, *d);
}

} // namespace kartbok::app
