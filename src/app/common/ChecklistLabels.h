#pragma once
// Icons and row texts the checklist views share (the Deep-interview tab and the
// note editor's checklist panel), so a topic's state, a session and a person
// look and read the same in both (the names themselves: common/Labels.h).

#include "kartbok/journal/Case.h"

#include <wx/bitmap.h>
#include <wx/string.h>

#include <array>

namespace kartbok::app {

/// A small round icon: empty (not yet), half (partly), filled with a tick (covered).
wxBitmap TopicStateIcon(journal::TopicState s, int size);
/// "2026-03-14 · Individual"
wxString SessionLabel(const journal::Session& s);
/// "Karin (mother)", "Mother" when unnamed: the name helps the therapist, the
/// role tells people with the same name apart.
wxString PersonLabel(const genogram::Family& family, genogram::PersonId id);

} // namespace kartbok::app
