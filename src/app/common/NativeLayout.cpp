#include "common/NativeLayout.h"

#include <wx/window.h>

#ifdef KARTBOK_HAVE_GTK3
#include <gtk/gtk.h>
#endif

namespace kartbok::app {

void RequestFullAllocation(wxWindow& topLevel) {
#ifdef KARTBOK_HAVE_GTK3
    if (auto* widget = static_cast<GtkWidget*>(topLevel.GetHandle()))
        gtk_widget_queue_resize(widget);
#else
    (void)topLevel;
#endif
}

wxSize AllocatedSize(const wxWindow& window) {
#ifdef KARTBOK_HAVE_GTK3
    if (auto* widget = static_cast<GtkWidget*>(window.GetHandle()))
        return {gtk_widget_get_allocated_width(widget), gtk_widget_get_allocated_height(widget)};
#endif
    return window.GetSize();
}

} // namespace kartbok::app
