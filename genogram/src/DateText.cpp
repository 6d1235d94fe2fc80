#include "kartbok/genogram/DateText.h"

namespace kartbok::genogram {

namespace {
bool Loss(PersonKind k) {
    return k == PersonKind::Pregnancy || k == PersonKind::Miscarriage ||
           k == PersonKind::Abortion || k == PersonKind::Stillbirth;
}
} // namespace

std::string YearText(const FuzzyDate& d, const std::string& language) {
    const bool sv = language != "en";
    if (!d.Known())
        return {};
    const std::string y = std::to_string(d.year);
    switch (d.precision) {
    case DatePrecision::About:
        return (sv ? "ca " : "c. ") + y;
    case DatePrecision::Before:
        return (sv ? "före " : "before ") + y;
    case DatePrecision::After:
        return (sv ? "efter " : "after ") + y;
    default:
        return y;
    }
}

std::string BirthText(const FuzzyDate& d, const std::string& language) {
    std::string text = YearText(d, language);
    if (d.Bounded())
        return (language != "en" ? "f. " : "b. ") + text;
    return text;
}

std::string DeathText(const FuzzyDate& d, const std::string& language) {
    std::string text = YearText(d, language);
    if (d.Bounded())
        return "d. " + text;
    return text;
}

bool PresumedDead(const Person& p, int currentYear) {
    return !p.deceased && !p.death.Known() && !Loss(p.kind) && p.birth.Known() &&
           p.birth.precision != DatePrecision::After &&
           currentYear - p.birth.year > kPresumedDeadAge;
}

std::optional<int> AgeOf(const Person& p, int currentYear) {
    if (Loss(p.kind) || !p.birth.Known() || p.birth.Bounded() || PresumedDead(p, currentYear))
        return std::nullopt;
    int end = currentYear;
    if (p.deceased || p.death.Known()) {
        if (!p.death.Known() || p.death.Bounded())
            return std::nullopt;
        end = p.death.year;
    }
    if (end < p.birth.year)
        return std::nullopt;
    return end - p.birth.year;
}

} // namespace kartbok::genogram
