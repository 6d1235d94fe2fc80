#pragma once
// How a family map's dates read, in Swedish and English: "1950", "ca 1950",
// "före 1970", "efter 2000". A bounded date is never shown as a plain year,
// and gives no age. Shared by the map, the reports and the editor, so a date
// reads the same everywhere.

#include "kartbok/genogram/Family.h"

#include <optional>
#include <string>

namespace kartbok::genogram {

/// The year as written on the map: "1950", "ca 1950" / "c. 1950", "före 1970"
/// / "before 1970", "efter 2000" / "after 2000"; empty when unknown.
/// `language` is "sv" or "en".
std::string YearText(const FuzzyDate& date, const std::string& language);

/// With a word saying which date it is when the date is bounded or rough:
/// "f. före 1970" / "b. before 1970", "d. efter 2000" / "d. after 2000";
/// a plain year stays "1950". For places where birth and death could be
/// mistaken (the map's years above a symbol).
std::string BirthText(const FuzzyDate& date, const std::string& language);
std::string DeathText(const FuzzyDate& date, const std::string& language);

/// No one is drawn as alive past this age without a death date.
inline constexpr int kPresumedDeadAge = 110;

/// The age to print inside a symbol in `currentYear`, or nullopt: no age for
/// an unknown or bounded birth date, a pregnancy or loss, a death without a
/// date, or someone born over 110 years ago with no death date (presumed dead).
std::optional<int> AgeOf(const Person& person, int currentYear);

/// Born more than 110 years before `currentYear`, not dated as dead: drawn as
/// presumed dead (no age, a "†?" above the symbol).
bool PresumedDead(const Person& person, int currentYear);

} // namespace kartbok::genogram
