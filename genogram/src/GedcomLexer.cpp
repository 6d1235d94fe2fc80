// GEDCOM lines into a record tree, and the small value parsers (pointers,
// dates). Everything here is bounded: line length, depth and line count are
// capped, nothing recurses.

#include "GedcomInternal.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <optional>

namespace kartbok::genogram::gedcom {

void Warnings::Add(std::size_t line, const std::string& message) {
    AddFileLevel("line " + std::to_string(line) + ": " + message);
}

void Warnings::AddFileLevel(const std::string& message) {
    if (m_out.size() < kGedcomMaxWarnings)
        m_out.push_back(message);
    else
        ++m_dropped;
}

void Warnings::Finish() {
    if (m_dropped)
        m_out.push_back(std::to_string(m_dropped) + " more warnings not shown");
    m_dropped = 0;
}

namespace {

constexpr std::size_t kMaxLines = 4'000'000;

bool IsTagChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool HasControlChars(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        auto b = static_cast<unsigned char>(c);
        return (b < 0x20 && b != '\t') || b == 0x7F;
    });
}

/// The line starting at `pos`, without its end (CR, LF or CRLF); moves `pos`
/// to the start of the next line.
std::string_view NextLine(std::string_view text, std::size_t& pos) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos)
        end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (end < text.size() && text[end] == '\r' && pos < text.size() && text[pos] == '\n')
        ++pos;
    return line;
}

/// Reads "[@xref@] TAG [value]" (what follows the level number) into `node`.
/// Returns why it cannot, or nullptr.
const char* ReadFields(std::string_view rest, Node& node) {
    rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
    if (!rest.empty() && rest[0] == '@') {
        std::size_t close = rest.find('@', 1);
        if (close == std::string_view::npos || close == 1 ||
            (close + 1 < rest.size() && rest[close + 1] != ' ' && rest[close + 1] != '\t'))
            return "the cross-reference id is not valid; skipped";
        node.xref = rest.substr(0, close + 1);
        rest.remove_prefix(close + 1);
        rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
    }
    std::size_t tagEnd = 0;
    while (tagEnd < rest.size() && IsTagChar(rest[tagEnd]))
        ++tagEnd;
    if (tagEnd == 0 || (tagEnd < rest.size() && rest[tagEnd] != ' ' && rest[tagEnd] != '\t'))
        return "no valid tag; skipped";
    node.tag = rest.substr(0, tagEnd);
    if (tagEnd < rest.size())
        node.value = rest.substr(tagEnd + 1);
    return nullptr;
}

/// Builds the record tree line by line. A line that cannot be read is
/// reported and skipped together with its subordinates.
class Lexer {
public:
    explicit Lexer(Warnings& warnings) : m_warnings(warnings) {}

    Tree Run(std::string_view text) {
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::string_view line = NextLine(text, pos);
            if (++m_lineNo > kMaxLines)
                throw GedcomError("The GEDCOM file is too large to import (more than " +
                                  std::to_string(kMaxLines) + " lines).");
            LexLine(line);
        }
        return std::move(m_tree);
    }

private:
    void LexLine(std::string_view line);
    std::optional<int> Level(std::string_view line, std::size_t& digits);
    bool Acceptable(int level, std::string_view line);
    void Skip(int level, const std::string& why) {
        m_warnings.Add(m_lineNo, why);
        m_skipBelow = level;
    }
    void Attach(const Node& node);

    Warnings& m_warnings;
    Tree m_tree;
    std::array<std::int32_t, kGedcomMaxDepth + 1> m_open{}; // last node at each level
    int m_depth = -1;                                       // level of the last accepted line
    int m_skipBelow = INT_MAX; // subordinates of a skipped line are skipped too
    std::size_t m_lineNo = 0;
    bool m_warnedJump = false;
};

void Lexer::LexLine(std::string_view line) {
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return; // blank lines carry nothing
    line.remove_prefix(first);
    std::size_t digits = 0;
    std::optional<int> level = Level(line, digits);
    if (!level || *level > m_skipBelow)
        return;
    m_skipBelow = INT_MAX;
    if (!Acceptable(*level, line))
        return;
    Node node;
    node.level = *level;
    node.line = static_cast<std::uint32_t>(m_lineNo);
    if (const char* why = ReadFields(line.substr(digits), node)) {
        Skip(*level, why);
        return;
    }
    if (*level == 0 && m_tree.records.size() >= kGedcomMaxRecords) {
        Skip(*level,
             "more than " + std::to_string(kGedcomMaxRecords) + " records; the rest is skipped");
        return;
    }
    Attach(node);
}

/// The level number a line starts with, and how many digits it has;
/// nullopt (reported) when there is no valid one.
std::optional<int> Lexer::Level(std::string_view line, std::size_t& digits) {
    std::size_t i = 0;
    while (i < line.size() && i < 3 && std::isdigit(static_cast<unsigned char>(line[i])))
        ++i;
    if (i == 0) {
        m_warnings.Add(m_lineNo, HasControlChars(line) ? "binary data, not a GEDCOM line; skipped"
                                                       : "no level number at the start; skipped");
        return std::nullopt;
    }
    if (i == 3 || (i < line.size() && line[i] != ' ' && line[i] != '\t')) {
        m_warnings.Add(m_lineNo, "the level number is not valid; skipped");
        return std::nullopt;
    }
    int level = 0;
    for (std::size_t k = 0; k < i; ++k)
        level = level * 10 + (line[k] - '0');
    digits = i;
    return level;
}

/// Whether a line of this level may join the tree: not too long, no binary
/// data, no skipped level (reported once per run of them), not too deep.
bool Lexer::Acceptable(int level, std::string_view line) {
    if (line.size() > kGedcomMaxLineBytes) {
        Skip(level, "the line is too long (" + std::to_string(line.size()) + " bytes); skipped");
        return false;
    }
    if (HasControlChars(line)) {
        Skip(level, "binary data, not a GEDCOM line; skipped");
        return false;
    }
    if (level > m_depth + 1) {
        if (!m_warnedJump)
            m_warnings.Add(m_lineNo, "level " + std::to_string(level) + " follows level " +
                                         std::to_string(std::max(m_depth, 0)) +
                                         " (a level was skipped); line skipped");
        m_warnedJump = true;
        m_skipBelow = std::min(m_skipBelow, m_depth + 1);
        return false;
    }
    m_warnedJump = false;
    if (level > kGedcomMaxDepth) {
        Skip(level, "nested deeper than " + std::to_string(kGedcomMaxDepth) + " levels; skipped");
        return false;
    }
    return true;
}

/// Appends a node under the last open node one level up.
void Lexer::Attach(const Node& node) {
    auto index = static_cast<std::int32_t>(m_tree.nodes.size());
    if (node.level == 0) {
        m_tree.records.push_back(index);
    } else {
        Node& parent =
            m_tree
                .nodes[static_cast<std::size_t>(m_open[static_cast<std::size_t>(node.level - 1)])];
        if (parent.lastChild >= 0)
            m_tree.nodes[static_cast<std::size_t>(parent.lastChild)].nextSibling = index;
        else
            parent.firstChild = index;
        parent.lastChild = index;
    }
    m_tree.nodes.push_back(node);
    m_open[static_cast<std::size_t>(node.level)] = index;
    m_depth = node.level;
}

} // namespace

Tree Lex(std::string_view text, Warnings& warnings) {
    return Lexer(warnings).Run(text);
}

std::string Text(const Tree& tree, const Node& node) {
    auto unescape = [](std::string_view v) {
        if (v.size() >= 2 && v[0] == '@' && v[1] == '@')
            v.remove_prefix(1);
        return v;
    };
    std::string out(unescape(node.value));
    ForEachChild(tree, node, [&](const Node& c) {
        if (c.tag == "CONC") {
            out += unescape(c.value);
        } else if (c.tag == "CONT") {
            out += '\n';
            out += unescape(c.value);
        }
    });
    return out;
}

std::string_view Pointer(std::string_view value) {
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
        value.remove_suffix(1);
    if (value.size() < 3 || value.front() != '@' || value.back() != '@' || value[1] == '#' ||
        value[1] == '@' || value.substr(1, value.size() - 2).find('@') != std::string_view::npos)
        return {};
    return value;
}

// ---- dates -----------------------------------------------------------------

namespace {

std::vector<std::string> Tokens(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n') {
            if (!cur.empty())
                out.push_back(std::move(cur));
            cur.clear();
            if (out.size() > 16)
                break; // no real date has more words
        } else {
            cur += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
    }
    if (!cur.empty())
        out.push_back(std::move(cur));
    return out;
}

int Month(const std::string& t) {
    static const char* const kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                          "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    for (int m = 0; m < 12; ++m)
        if (t == kMonths[m])
            return m + 1;
    return 0;
}

/// Digits only, at most 4 of them (dual years like "1750/51" keep the first).
int Number(const std::string& t) {
    std::string_view v = t;
    if (auto slash = v.find('/'); slash != std::string_view::npos)
        v = v.substr(0, slash);
    if (v.empty() || v.size() > 4)
        return -1;
    int n = 0;
    for (char c : v) {
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

/// "[day] [month] year" from tokens[from, to); nullopt if it is not one.
std::optional<FuzzyDate> SimpleDate(const std::vector<std::string>& t, std::size_t from,
                                    std::size_t to, DateQuality& quality) {
    // Calendar: GEDCOM 5.5.1 escapes "@#DJULIAN@", 7.0 bare words.
    if (from < to) {
        const std::string& cal = t[from];
        if (cal == "@#DGREGORIAN@" || cal == "GREGORIAN" || cal == "@#DJULIAN@" ||
            cal == "JULIAN") {
            ++from;
        } else if (cal.rfind("@#D", 0) == 0 || cal == "HEBREW" || cal == "FRENCH_R" ||
                   (cal.size() > 1 && cal[0] == '_')) {
            quality = DateQuality::UnsupportedCalendar;
            return std::nullopt;
        }
    }
    if (to > from && (t[to - 1] == "BCE" || t[to - 1] == "BC" || t[to - 1] == "B.C."))
        return std::nullopt;
    std::size_t n = to - from;
    if (n < 1 || n > 3)
        return std::nullopt;
    int year = Number(t[to - 1]);
    if (year < 1 || year > 2999)
        return std::nullopt;
    if (n == 1)
        return FuzzyDate::Year(year);
    int month = Month(t[to - 2]);
    if (month == 0)
        return std::nullopt;
    if (n == 2)
        return FuzzyDate::Year(year);
    int day = Number(t[from]);
    if (day < 1 || day > 31)
        return std::nullopt;
    return FuzzyDate::Full(year, month, day);
}

} // namespace

FuzzyDate ParseDate(std::string_view value, DateQuality& quality) {
    quality = DateQuality::Understood;
    // A 5.5.1 date phrase in parentheses carries no date we can use.
    if (auto paren = value.find('('); paren != std::string_view::npos)
        value = value.substr(0, paren);
    std::vector<std::string> t = Tokens(value);
    if (t.empty()) {
        quality = DateQuality::NotUnderstood;
        return {};
    }
    auto about = [](std::optional<FuzzyDate> d) {
        return d ? FuzzyDate::About(d->year) : std::optional<FuzzyDate>{};
    };
    std::optional<FuzzyDate> date;
    const std::string& head = t[0];
    if (head == "BEF" || head == "AFT") {
        if (auto d = SimpleDate(t, 1, t.size(), quality))
            date = head == "BEF" ? FuzzyDate::Before(d->year) : FuzzyDate::After(d->year);
    } else if (head == "ABT" || head == "EST" || head == "CAL" || head == "INT") {
        date = about(SimpleDate(t, 1, t.size(), quality));
    } else if (head == "BET" || head == "FROM") {
        const char* joiner = head == "BET" ? "AND" : "TO";
        auto mid = std::find(t.begin(), t.end(), joiner);
        auto split = static_cast<std::size_t>(mid - t.begin());
        auto a = SimpleDate(t, 1, split, quality);
        auto b = mid == t.end() ? std::nullopt : SimpleDate(t, split + 1, t.size(), quality);
        if (a && b && head == "BET")
            date = FuzzyDate::About((a->year + b->year) / 2);
        else if (a || b)
            date = about(a ? a : b);
    } else if (head == "TO") {
        date = about(SimpleDate(t, 1, t.size(), quality));
    } else {
        date = SimpleDate(t, 0, t.size(), quality);
    }
    if (date)
        return *date;
    if (quality == DateQuality::UnsupportedCalendar)
        return {};
    // Not a GEDCOM date: take a plausible four-digit year if there is one.
    for (const std::string& token : t) {
        std::string digits;
        for (char c : token)
            if (std::isdigit(static_cast<unsigned char>(c)))
                digits += c;
            else if (!digits.empty())
                break;
        int year = digits.size() == 4 ? std::stoi(digits) : 0;
        if (year >= 1000 && year <= 2999) {
            quality = DateQuality::YearGuessed;
            return FuzzyDate::About(year);
        }
    }
    quality = DateQuality::NotUnderstood;
    return {};
}

} // namespace kartbok::genogram::gedcom
