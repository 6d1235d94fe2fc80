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

/// True when the window has more content than it shows and can scroll it up
/// or down itself (a long note field); false for one whose content fits,
/// which should hand a wheel turn to the window around it.
bool CanScrollVertically(const wxWindow& window);

/// The height a label needs to show all of its words wrapped at `width`
/// (GTK wraps labels itself; wx sizers only know one height per label).
/// -1 when the toolkit cannot say.
int LabelHeightForWidth(const wxWindow& label, int width);

/// The size the toolkit actually gave the window (GTK's allocation), which can
/// differ from wx's GetSize() in the case above. For tests.
wxSize AllocatedSize(const wxWindow& window);

} // namespace kartbok::app
