#pragma once
// GEDCOM 5.5.1 and 7.0 import (docs/design.md, "The family map"). A GEDCOM file is client data and
// often comes from an old genealogy program: the importer reads what it can,
// reports every line it could not use (by line number and xref, never by
// name), keeps unknown tags in the person's note, and never crashes, hangs or
// grows without bound on any input (it is fuzzed).
//
// Mapping, where GEDCOM and the family map differ:
// - a FAM with two partners is a union (Marriage unless it only has ENGA:
//   Engagement); every MARR, DIV, ANUL (divorced), DIVF, _SEPR (separated)
//   and ENGA (engaged) becomes a union event, kept in date order, dated or
//   not. Two FAM records of the same couple (married, divorced, married
//   again) are one union with the events and children of both. A FAM with
//   one partner gives its children a single-parent link.
// - dates: "12 MAR 1950" Full, "1950"/"MAR 1950" Year, ABT/EST/CAL/INT
//   About, BEF Before, AFT After, "BET 1948 AND 1952" About the middle year.
//   DEAT.CAUS is the cause of death.
// - a person keeps one birth family and any number of adoptive, foster and
//   step families (FAMC with PEDI adopted/foster, or ADOP.FAMC): an adopted
//   child keeps both families. A second birth family is dropped with a
//   warning; so is a link that would make someone their own ancestor.
// - twins: ASSO pointing to a sibling with RELA (or GEDCOM 7 PHRASE)
//   containing "twin" ("identical twin" for identical ones). Siblings born
//   on the same full date are listed in GedcomResult::possibleTwins.
// - a couple who share a parent, grandparent or great-grandparent in the file
//   is marked consanguineous.
// - the index person is only set when GedcomOptions::indexXref names one.
// - CHAR ANSEL, ANSI (Windows-1252), ASCII, UTF-8, UNICODE/UTF-16 (BOM or
//   not) are converted to UTF-8; a file that says UTF-8 but is not is read as
//   Windows-1252 with a warning.

#include "kartbok/genogram/Family.h"

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kartbok::genogram {

/// Thrown when the bytes are not a GEDCOM file at all (empty, binary, no HEAD
/// and no records) or too large to import; damaged lines inside a GEDCOM file
/// are warnings instead.
class GedcomError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct GedcomOptions {
    std::string indexXref; ///< "@I1@" or "I1": the client; empty = no index person
};

struct GedcomResult {
    Family family;
    std::vector<std::string> warnings;            ///< "line 12: ..." (no names)
    std::map<std::string, PersonId> xrefToPerson; ///< "@I1@" -> person id
    std::string version;                          ///< HEAD.GEDC.VERS, e.g. "5.5.1", "7.0"
    std::string encoding;                         ///< what the bytes were read as, e.g. "ANSEL"
    /// Siblings born on the same full date who are not marked as twins: an
    /// importer cannot tell twins from a placeholder date, so it asks.
    std::vector<std::vector<PersonId>> possibleTwins;
};

/// Limits that keep import bounded on hostile input.
inline constexpr std::size_t kGedcomMaxBytes = 64u * 1024 * 1024; ///< far above any family tree
inline constexpr std::size_t kGedcomMaxLineBytes = 65536;
inline constexpr int kGedcomMaxDepth = 32;
inline constexpr std::size_t kGedcomMaxRecords = 1'000'000;
inline constexpr std::size_t kGedcomMaxWarnings = 1000;

/// Imports a GEDCOM file from its raw bytes. Throws GedcomError when the bytes
/// are not a GEDCOM file ("not a GEDCOM file: no HEAD record").
GedcomResult ImportGedcom(std::string_view bytes, const GedcomOptions& options = {});

/// What kind of family tree GenerateGedcom invents.
enum class GedcomStyle {
    /// A plain tree: founders, children in birth order, some divorces.
    Plain,
    /// Like the royal houses of genealogy test files: houses that marry into
    /// each other, several marriages per person, cousins and uncle and niece
    /// marrying, undated and "before"/"after" dates, CHIL lines and people
    /// in no particular order, twins, adoptions with both families, a couple
    /// married twice in two FAM records. The hard case for birth order.
    Royal,
};

/// A deterministic, fictional GEDCOM 5.5.1 file (UTF-8, LF) of about `people`
/// people over several generations, for benchmarks and tests: the same
/// (people, seed, style) gives the same bytes on every platform.
std::string GenerateGedcom(int people, std::uint32_t seed, GedcomStyle style = GedcomStyle::Plain);

/// ANSEL (ANSI Z39.47 with the GEDCOM additions) to UTF-8. Combining marks,
/// which precede their letter in ANSEL, follow it in the output and are
/// composed with it where Unicode has a precomposed letter ("\xE8o" -> "ö").
std::string AnselToUtf8(std::string_view ansel);

} // namespace kartbok::genogram
