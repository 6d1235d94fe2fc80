#include "kartbok/journal/Search.h"

#include "kartbok/base/Text.h"
#include "kartbok/journal/Dates.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace kartbok::journal {

namespace {

using base::AppendUtf8;

/// Base letters of U+0100..U+017F (Latin Extended-A), lower case.
constexpr std::string_view kExtendedABase = "aaaaaa"
                                            "cccccccc"
                                            "dddd"
                                            "eeeeeeeeee"
                                            "gggggggg"
                                            "hhhh"
                                            "iiiiiiiiii"
                                            "ii"
                                            "jj"
                                            "kkk"
                                            "llllllllll"
                                            "nnnnnnnnn"
                                            "oooooo"
                                            "oo"
                                            "rrrrrr"
                                            "ssssssss"
                                            "tttttt"
                                            "uuuuuuuuuuuu"
                                            "ww"
                                            "yyy"
                                            "zzzzzz"
                                            "s";
static_assert(kExtendedABase.size() == 0x80);

/// Lower-case, unaccented form of U+00C0..U+00FF; 0 keeps the (lowered) code point.
/// å, ä, ö stay (Swedish letters); æ and ø become ä and ö as Swedish sorts them.
char32_t FoldLatin1(char32_t cp, bool foldSwedish) {
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        cp += 0x20;
    switch (cp) {
    case 0xE0:
    case 0xE1:
    case 0xE2:
    case 0xE3:
        return U'a';
    case 0xE4:
    case 0xE6:
        return foldSwedish ? U'a' : U'ä';
    case 0xE5:
        return foldSwedish ? U'a' : U'å';
    case 0xE7:
        return U'c';
    case 0xE8:
    case 0xE9:
    case 0xEA:
    case 0xEB:
        return U'e';
    case 0xEC:
    case 0xED:
    case 0xEE:
    case 0xEF:
        return U'i';
    case 0xF0:
        return U'd';
    case 0xF1:
        return U'n';
    case 0xF2:
    case 0xF3:
    case 0xF4:
    case 0xF5:
        return U'o';
    case 0xF6:
    case 0xF8:
        return foldSwedish ? U'o' : U'ö';
    case 0xF9:
    case 0xFA:
    case 0xFB:
    case 0xFC:
        return U'u';
    case 0xFD:
    case 0xFF:
        return U'y';
    default:
        return cp;
    }
}

/// Decodes one code point at `pos`; returns its length, 0 for an invalid byte.
std::size_t Decode(std::string_view s, std::size_t pos, char32_t& cp) {
    const auto b = static_cast<unsigned char>(s[pos]);
    std::size_t len = b < 0x80           ? 1
                      : (b >> 5) == 0x6  ? 2
                      : (b >> 4) == 0xE  ? 3
                      : (b >> 3) == 0x1E ? 4
                                         : 0;
    if (len == 0 || pos + len > s.size())
        return 0;
    cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t i = 1; i < len; ++i) {
        const auto c = static_cast<unsigned char>(s[pos + i]);
        if ((c & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    return len;
}

bool IsContinuation(char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) == 0x80;
}

/// Folded text plus, for every folded byte, the byte offset in the original
/// it came from, so a match can be shown in the original text.
struct Folded {
    std::string text;
    std::vector<std::size_t> origin;
};

/// Folds s into f, reusing f's buffers (a search folds every text of every case).
void FoldInto(std::string_view s, const SearchOptions& options, Folded& f) {
    f.text.clear();
    f.origin.clear();
    f.text.reserve(s.size());
    f.origin.reserve(s.size());
    std::size_t lastStart = std::string::npos; // where the last base letter begins in f.text
    for (std::size_t pos = 0; pos < s.size();) {
        const auto b = static_cast<unsigned char>(s[pos]);
        if (b < 0x80) { // ASCII, most of any note: lower-case it and go on
            lastStart = f.text.size();
            f.text += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
            f.origin.push_back(pos);
            ++pos;
            continue;
        }
        char32_t cp = 0;
        std::size_t len = Decode(s, pos, cp);
        if (len == 0) { // invalid byte: keep as is
            f.text += s[pos];
            f.origin.push_back(pos);
            lastStart = std::string::npos;
            ++pos;
            continue;
        }
        if (cp >= 0x300 && cp <= 0x36F) {
            // Combining mark (decomposed text, e.g. from macOS): compose the
            // Swedish letters, drop every other accent.
            if (!options.foldSwedishLetters && lastStart != std::string::npos &&
                f.text.size() == lastStart + 1) {
                const char base = f.text[lastStart];
                char32_t composed = 0;
                if (cp == 0x30A && base == 'a')
                    composed = U'å';
                else if (cp == 0x308 && base == 'a')
                    composed = U'ä';
                else if (cp == 0x308 && base == 'o')
                    composed = U'ö';
                if (composed) {
                    const std::size_t from = f.origin[lastStart];
                    f.text.resize(lastStart);
                    f.origin.resize(lastStart);
                    AppendUtf8(f.text, composed);
                    f.origin.resize(f.text.size(), from);
                }
            }
            pos += len;
            continue;
        }
        if (cp >= 0xC0 && cp <= 0xFF)
            cp = FoldLatin1(cp, options.foldSwedishLetters);
        else if (cp >= 0x100 && cp <= 0x17F)
            cp = static_cast<unsigned char>(kExtendedABase[cp - 0x100]);
        lastStart = f.text.size();
        AppendUtf8(f.text, cp);
        while (f.origin.size() < f.text.size())
            f.origin.push_back(pos);
        pos += len;
    }
}

Folded Fold(std::string_view s, const SearchOptions& options) {
    Folded f;
    FoldInto(s, options, f);
    return f;
}

std::string_view Trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

class Searcher {
public:
    Searcher(std::string_view query, const SearchOptions& options)
        : m_options(options), m_query(Fold(Trim(query), options).text) {}

    bool Empty() const { return m_query.empty(); }

    /// Searches one piece of text; on a match appends makeHit() with snippet and
    /// matches filled in. The hit is only built for a match.
    template <class MakeHit>
    void Look(std::string_view text, MakeHit&& makeHit, std::vector<SearchHit>& out) {
        if (text.empty())
            return;
        FoldInto(text, m_options, m_folded);
        const Folded& f = m_folded;
        std::size_t at = f.text.find(m_query);
        if (at == std::string::npos)
            return;
        const std::size_t first = at;
        int count = 0;
        for (; at != std::string::npos; at = f.text.find(m_query, at + m_query.size()))
            ++count;
        const std::size_t end = first + m_query.size();
        const std::size_t begin = f.origin[first];
        const std::size_t origEnd = end < f.origin.size() ? f.origin[end] : text.size();
        SearchHit hit = makeHit();
        hit.snippet = Snippet(text, begin, std::max(begin, origEnd));
        hit.matches = count;
        out.push_back(std::move(hit));
    }

private:
    SearchOptions m_options;
    std::string m_query;
    Folded m_folded; ///< reused for every text
};

} // namespace

std::string FoldForSearch(std::string_view utf8, const SearchOptions& options) {
    return Fold(utf8, options).text;
}

const char* ToString(HitPlace p) {
    static constexpr std::array kNames{"reason", "field",      "addendum",
                                       "theme",  "next-steps", "topic"};
    return kNames.at(static_cast<std::size_t>(p));
}

std::string Snippet(std::string_view text, std::size_t begin, std::size_t end, std::size_t width) {
    begin = std::min(begin, text.size());
    end = std::clamp(end, begin, text.size());
    while (begin > 0 && IsContinuation(text[begin]))
        --begin;
    while (end < text.size() && IsContinuation(text[end]))
        ++end;
    std::size_t matchChars = 0;
    for (std::size_t i = begin; i < end; ++i)
        matchChars += !IsContinuation(text[i]);
    const std::size_t room = width > matchChars ? width - matchChars : 0;
    std::size_t before = room / 2, after = room - before;

    // Step outwards by whole code points; room unused on one side goes to the other.
    auto stepBack = [&](std::size_t pos, std::size_t& n) {
        while (n > 0 && pos > 0) {
            do
                --pos;
            while (pos > 0 && IsContinuation(text[pos]));
            --n;
        }
        return pos;
    };
    auto stepForward = [&](std::size_t pos, std::size_t& n) {
        while (n > 0 && pos < text.size()) {
            do
                ++pos;
            while (pos < text.size() && IsContinuation(text[pos]));
            --n;
        }
        return pos;
    };
    std::size_t from = stepBack(begin, before);
    std::size_t to = stepForward(end, after);
    if (before > 0)
        to = stepForward(to, before);
    if (after > 0)
        from = stepBack(from, after);

    std::string out;
    if (from > 0)
        out += "…";
    for (char ch : text.substr(from, to - from))
        out += (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : ch;
    if (to < text.size())
        out += "…";
    return out;
}

std::vector<SearchHit> SearchCase(const Case& c, std::string_view query,
                                  const SearchOptions& options) {
    std::vector<SearchHit> hits;
    Searcher searcher(query, options);
    if (searcher.Empty())
        return hits;

    searcher.Look(
        c.reasonForContact,
        [] { return SearchHit{HitPlace::ReasonForContact, {}, {}, {}, {}, {}, 0}; }, hits);
    for (const Session& s : c.sessions) {
        const Date date = DateOf(s.start);
        for (const NoteField& f : s.fields)
            searcher.Look(
                f.text,
                [&] { return SearchHit{HitPlace::SessionField, s.id, date, f.id, {}, {}, 0}; },
                hits);
        searcher.Look(
            s.nextSteps, [&] { return SearchHit{HitPlace::NextSteps, s.id, date, {}, {}, {}, 0}; },
            hits);
        for (const std::string& theme : s.themes)
            searcher.Look(
                theme, [&] { return SearchHit{HitPlace::Theme, s.id, date, {}, {}, {}, 0}; }, hits);
        for (const Addendum& a : s.addenda)
            searcher.Look(
                a.text,
                [&] {
                    return SearchHit{HitPlace::Addendum, s.id, date, a.correctsField, {}, {}, 0};
                },
                hits);
    }
    for (const ChecklistRun& run : c.checklists)
        for (const TopicEntry& e : run.entries) {
            searcher.Look(
                e.note,
                [&] {
                    SearchHit hit{HitPlace::TopicNote, {}, {}, e.itemId, run.templateId, {}, 0};
                    if (!e.sessionIds.empty()) {
                        hit.sessionId = e.sessionIds.front();
                        if (const Session* s = c.FindSession(hit.sessionId))
                            hit.date = DateOf(s->start);
                    }
                    return hit;
                },
                hits);
        }
    return hits;
}

} // namespace kartbok::journal
