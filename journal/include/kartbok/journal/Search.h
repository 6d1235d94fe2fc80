#pragma once
// Full-text search within one case. The vault-wide search decrypts case by
// case in memory and calls this, so nothing is ever indexed on disk.

#include "kartbok/journal/Case.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kartbok::journal {

struct SearchOptions {
    /// Å, Ä and Ö are letters of their own in Swedish ("här" is not "har"),
    /// so by default they only fold case. Set this to also match them
    /// as a/a/o, e.g. for text typed on a keyboard without them.
    bool foldSwedishLetters = false;
};

/// Lower-cases UTF-8 text and strips accents that are not letters of their
/// own in Swedish (É -> e, ü -> u, ç -> c; æ -> ä, ø -> ö as Swedish sorts
/// them), so "CAFÉ" finds "café" and "ÅNGEST" finds "ångest". Invalid UTF-8
/// bytes pass through unchanged.
std::string FoldForSearch(std::string_view utf8, const SearchOptions& options = {});

enum class HitPlace : std::uint8_t {
    ReasonForContact,
    SessionField, ///< a note field, including superseded (struck) text
    Addendum,     ///< addendum or correction text
    Theme,
    NextSteps,
    TopicNote, ///< a checklist entry's note
};
const char* ToString(HitPlace p); ///< "reason", "field", "addendum", "theme", "next-steps", "topic"

struct SearchHit {
    HitPlace place = HitPlace::SessionField;
    std::string
        sessionId; ///< "" for the reason for contact; for a topic note its first linked session
    Date date;     ///< the session's date; unset when there is none
    std::string fieldId;    ///< note field id, checklist item id, or "" otherwise
    std::string templateId; ///< checklist template for topic notes
    std::string snippet;    ///< ~60 characters around the first match, "…" where cut
    int matches = 0;        ///< matches in this piece of text
};

/// Finds `query` (case- and accent-insensitive, as FoldForSearch) in every
/// text of the case. One hit per piece of text, in case order: reason for
/// contact, then sessions in stored order, then checklist notes. An empty or
/// blank query finds nothing.
std::vector<SearchHit> SearchCase(const Case& c, std::string_view query,
                                  const SearchOptions& options = {});

/// A UTF-8-safe excerpt of about `width` characters centred on the byte range
/// [begin, end) of `text`; line breaks become spaces, "…" marks a cut.
std::string Snippet(std::string_view text, std::size_t begin, std::size_t end,
                    std::size_t width = 60);

} // namespace kartbok::journal
