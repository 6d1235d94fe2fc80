#pragma once

#include <cctype>
#include <string>
#include <string_view>
// Private pieces of the GEDCOM importer, shared by GedcomEncoding.cpp,
// GedcomLexer.cpp and GedcomImport.cpp. Not part of the library's API.

#include "kartbok/base/Text.h"
#include "kartbok/genogram/Family.h"
#include "kartbok/genogram/Gedcom.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kartbok::genogram::gedcom {

/// Collects warnings, capped so a hostile file cannot fill memory with them.
/// Messages carry line numbers and xrefs, never names or values from the file.
class Warnings {
public:
    explicit Warnings(std::vector<std::string>& out) : m_out(out) {}
    void Add(std::size_t line, const std::string& message);
    void AddFileLevel(const std::string& message);
    /// Appends "N more warnings not shown" when the cap was hit.
    void Finish();

private:
    std::vector<std::string>& m_out;
    std::size_t m_dropped = 0;
};

struct Decoded {
    std::string text;     ///< UTF-8, BOM removed
    std::string encoding; ///< what the bytes were read as
};

/// Turns the raw bytes into UTF-8: BOMs, UTF-16 LE/BE, and for 8-bit files the
/// HEAD.CHAR declaration (ANSEL, ANSI/Windows-1252, ASCII, UTF-8).
Decoded DecodeToUtf8(std::string_view bytes, Warnings& warnings);

/// Appends a code point as UTF-8 (invalid ones as U+FFFD).
using base::AppendUtf8;
bool IsValidUtf8(std::string_view s);

/// One GEDCOM line in a tree. Views point into the decoded text.
struct Node {
    int level = 0;
    std::uint32_t line = 0;
    std::string_view xref; ///< "@I1@" or empty
    std::string_view tag;
    std::string_view value;
    std::int32_t firstChild = -1;
    std::int32_t lastChild = -1;
    std::int32_t nextSibling = -1;
};

struct Tree {
    std::vector<Node> nodes;
    std::vector<std::int32_t> records; ///< level-0 nodes in file order
};

/// Splits into lines (CR, LF, CRLF, mixed) and builds the record tree,
/// skipping (and reporting) malformed lines together with their subordinates.
Tree Lex(std::string_view text, Warnings& warnings);

/// A node's value with its CONC/CONT continuation lines joined, and GEDCOM 7's
/// leading "@@" unescaped.
std::string Text(const Tree& tree, const Node& node);

/// Iterates a node's children.
template <class F> void ForEachChild(const Tree& tree, const Node& node, F f) {
    for (std::int32_t i = node.firstChild; i >= 0;
         i = tree.nodes[static_cast<std::size_t>(i)].nextSibling)
        f(tree.nodes[static_cast<std::size_t>(i)]);
}

/// "@I1@" when the value is a pointer, "@VOID@" included; empty otherwise.
std::string_view Pointer(std::string_view value);

enum class DateQuality { Understood, YearGuessed, NotUnderstood, UnsupportedCalendar };
/// Parses a GEDCOM 5.5.1 or 7.0 date value into what the family map keeps.
FuzzyDate ParseDate(std::string_view value, DateQuality& quality);

/// A child link read from a FAM (or a FAMC the FAM did not list), before the
/// checks that may drop it.
struct PendingLink {
    ChildLink link;
    std::string_view fam; ///< the family's xref, for warnings
    std::uint32_t line = 0;
    bool dropped = false;
};

/// A person keeps one birth family (the first, in file order) and one link
/// per adoptive, foster or step family; a second birth family, or a second
/// link to the same parents, is dropped with a warning.
void KeepOneBirthFamily(std::vector<PendingLink>& links, Warnings& warnings);

/// Drops (with a warning) each link that would make someone their own
/// ancestor, so the imported family has no cycle.
void BreakCycles(const Family& family, std::vector<PendingLink>& links, Warnings& warnings);

/// Marks each couple whose partners share a birth ancestor at most
/// `generations` up (1 = siblings, 2 = first cousins, 3 = second cousins).
void MarkConsanguineous(Family& family, int generations);

/// A cross-reference as it may appear in a warning. Warnings reach stderr and
/// logs, and a GEDCOM file is client data: a pointer is echoed only when it has
/// the shape of a machine id (@I12@, @F3@, @N7@); anything else - a file whose
/// pointers are made of names - is shown as "(pointer)". The line number is
/// what a person needs to find it.
inline std::string ShownXref(std::string_view xref) {
    bool machineId =
        xref.size() >= 3 && xref.size() <= 16 && xref.front() == '@' && xref.back() == '@';
    std::size_t i = 1, letters = 0, digits = 0;
    for (; machineId && i + 1 < xref.size() && std::isalpha(static_cast<unsigned char>(xref[i]));
         ++i)
        ++letters;
    for (; machineId && i + 1 < xref.size() && std::isdigit(static_cast<unsigned char>(xref[i]));
         ++i)
        ++digits;
    machineId = machineId && i + 1 == xref.size() && letters <= 3 && digits >= 1;
    return machineId ? std::string(xref) : std::string("(pointer)");
}

} // namespace kartbok::genogram::gedcom

namespace kartbok::genogram {
/// GedcomStyle::Royal (GedcomGenerateRoyal.cpp).
std::string GenerateRoyalGedcom(int people, std::uint32_t seed);
} // namespace kartbok::genogram
