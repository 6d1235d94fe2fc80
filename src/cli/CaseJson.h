#pragma once
// The case as JSON (docs/case-json.md): what `case show --json` prints and
// `case import` reads. Plaintext only because the user asked for it. The
// record, sessions, checklists and forms are in CaseJson.cpp, the family map
// in FamilyJson.cpp, the clinical parts in ClinicalJson.cpp.

#include "kartbok/journal/Case.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace kartbok::cli {

/// Malformed JSON for a case or family; the message names the JSON path
/// ("sessions[3].start: not a timestamp") and never echoes client text.
class JsonError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

nlohmann::ordered_json CaseToJson(const journal::Case& c);
journal::Case CaseFromJson(const nlohmann::json& j);

/// The clinical parts (intake, follow-ups, episodes, relative links), called
/// by CaseToJson / CaseFromJson; the forms must already be read.
void ClinicalToJson(const journal::Case& c, nlohmann::ordered_json& j);
void ClinicalFromJson(const nlohmann::json& j, journal::Case& c, const std::string& path);

nlohmann::ordered_json FamilyToJson(const genogram::Family& f);
genogram::Family FamilyFromJson(const nlohmann::json& j, const std::string& path = "family");

journal::Session SessionFromJson(const nlohmann::json& j, const std::string& path = "session");
nlohmann::ordered_json SessionToJson(const journal::Session& s);

/// Parses text to JSON, turning syntax errors into JsonError with line information.
nlohmann::json ParseJson(const std::string& text, const std::string& what);

/// "2026-03-14T10:00:00Z" <-> seconds since epoch; empty string for 0.
std::string TimestampToIso(journal::Timestamp t);
journal::Timestamp TimestampFromIso(const std::string& iso); ///< throws std::invalid_argument

} // namespace kartbok::cli
