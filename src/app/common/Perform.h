#pragma once
// The one way a room changes the open case and explains a refusal.

#include "model/CaseDocument.h"

#include <wx/string.h>

class wxWindow;

namespace kartbok::app {

/// Executes `edit` on `document` (one undo step, one later save). Without a
/// document, or on a read-only one, it beeps; when the command refuses, the
/// library's message (which says what to do instead and never quotes client
/// text) is shown under a translated lead-in, titled `title`. False when
/// nothing changed. Never throws.
bool Perform(wxWindow* parent, CaseDocument* document, CaseEditPtr edit, const wxString& title);

} // namespace kartbok::app
