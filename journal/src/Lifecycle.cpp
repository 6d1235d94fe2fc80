#include "kartbok/journal/Lifecycle.h"

#include "kartbok/journal/SessionCommands.h"

namespace kartbok::journal {

std::string RenderedField::CurrentText() const {
    return segments.empty() ? std::string() : segments.back().text;
}

RenderedField RenderField(const Session& s, const std::string& fieldId) {
    RenderedField out;
    out.fieldId = fieldId;

    RenderedSegment original;
    if (fieldId == kNextStepsField)
        original.text = s.nextSteps;
    else if (const NoteField* f = s.Field(fieldId))
        original.text = f->text;
    original.author = s.author.empty() ? s.signedBy : s.author;
    original.time = s.isSigned ? s.signedAt : s.created;
    out.segments.push_back(std::move(original));

    for (const Addendum& a : s.addenda) {
        if (a.correctsField != fieldId)
            continue;
        out.segments.back().struck = true; // superseded, but still shown
        RenderedSegment seg;
        seg.text = a.text;
        seg.isCorrection = true;
        seg.author = a.author;
        seg.time = a.time;
        seg.reason = a.reason;
        out.segments.push_back(std::move(seg));
    }
    return out;
}

std::string CurrentText(const Session& s, const std::string& fieldId) {
    return RenderField(s, fieldId).CurrentText();
}

std::vector<const Addendum*> PlainAddenda(const Session& s) {
    std::vector<const Addendum*> out;
    for (const Addendum& a : s.addenda)
        if (a.correctsField.empty())
            out.push_back(&a);
    return out;
}

} // namespace kartbok::journal
