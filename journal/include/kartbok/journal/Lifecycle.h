#pragma once
// How a note reads once it has been signed and corrected: the text a reader
// should see, with superseded text kept readable (struck through) and every
// correction attributed - the same for the screen and for PDFs.

#include "kartbok/journal/Case.h"

#include <string>
#include <vector>

namespace kartbok::journal {

/// A signed note is locked; drafts are editable.
inline bool IsLocked(const Session& s) {
    return s.isSigned;
}

/// One run of text in a rendered field. The original text comes first, then
/// each correction in the order written; every segment but the last is
/// struck (superseded) - drawn struck through, never hidden.
struct RenderedSegment {
    std::string text;
    bool struck = false;
    bool isCorrection = false; ///< false for the original text
    std::string author;        ///< who wrote (signed) it
    Timestamp time = 0;        ///< when it was signed / written
    std::string reason;        ///< why it was corrected; empty for the original
    bool operator==(const RenderedSegment&) const = default;
};

struct RenderedField {
    std::string fieldId;
    std::vector<RenderedSegment> segments;

    /// The text that stands now (the last segment's), "" for an empty field.
    std::string CurrentText() const;
    bool Corrected() const { return segments.size() > 1; }
};

/// Renders one field of a note (a template field id, or kNextStepsField).
/// For a draft, or a field never corrected, this is the plain text as one
/// unstruck segment. A field that does not exist renders as empty, unless a
/// correction names it.
RenderedField RenderField(const Session& s, const std::string& fieldId);

/// The text that stands now for a field (shortcut for RenderField().CurrentText()).
std::string CurrentText(const Session& s, const std::string& fieldId);

/// The addenda that are not corrections, in the order written; shown below the note.
std::vector<const Addendum*> PlainAddenda(const Session& s);

} // namespace kartbok::journal
