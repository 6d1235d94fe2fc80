#pragma once
// A workaround for GTK 3 that has no wx equivalent, kept out of the windows.

#include <wx/gdicmn.h>

class wxWindow;

namespace kartbok::app {

/// Asks the toolkit to allocate the whole top-level window again. Under GTK 3,
/// windows created inside an already shown frame (the language switch rebuilds
/// every panel) and shown later kept a 1x1 allocation, so the Journal tab's note
/// pane stayed blank until the frame was resized; a full pass repairs that.
/// A no-op on other toolkits.
void RequestFullAllocation(wxWindow& topLevel);

/// The size the toolkit actually gave the window (GTK's allocation), which can
/// differ from wx's GetSize() in the case above. For tests.
wxSize AllocatedSize(const wxWindow& window);

} // namespace kartbok::app
