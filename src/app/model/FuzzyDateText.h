#pragma once
// A birth or death date as the therapist types it: "1950", "ca 1950",
// "1950-03-14", or nothing. One text field is faster in the room than three
// spinners and a precision choice. wx-free.

#include "kartbok/genogram/Family.h"

#include <optional>
#include <string>

namespace kartbok::app {

/// "" for unknown, "1950", "ca 1950", "1950-03-14".
std::string FormatFuzzyDate(const genogram::FuzzyDate& date);

/// Accepts the forms above plus "c. 1950", "~1950", "abt 1950" and "omkr 1950";
/// full dates only as ISO (unambiguous in both languages). Empty text is unknown.
/// nullopt when the text is not a date (the field is then shown as invalid).
std::optional<genogram::FuzzyDate> ParseFuzzyDate(const std::string& text);

} // namespace kartbok::app
