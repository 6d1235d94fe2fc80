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

bool CanScrollVertically(const wxWindow& window) {
#ifdef KARTBOK_HAVE_GTK3
    auto* widget = static_cast<GtkWidget*>(window.GetHandle());
    if (widget && GTK_IS_SCROLLED_WINDOW(widget)) {
        GtkAdjustment* v = gtk_scrolled_window_get_vadjustment(GTK_SCROLLED_WINDOW(widget));
        return v && gtk_adjustment_get_upper(v) - gtk_adjustment_get_lower(v) >
                        gtk_adjustment_get_page_size(v) + 1;
    }
    return false;
#else
    return window.HasScrollbar(wxVERTICAL);
#endif
}

int LabelHeightForWidth(const wxWindow& label, int width) {
#ifdef KARTBOK_HAVE_GTK3
    auto* widget = static_cast<GtkWidget*>(label.GetHandle());
    if (widget && GTK_IS_LABEL(widget)) {
        gtk_label_set_line_wrap(GTK_LABEL(widget), TRUE);
        gtk_label_set_line_wrap_mode(GTK_LABEL(widget), PANGO_WRAP_WORD_CHAR);
        int minimum = 0, natural = 0;
        gtk_widget_get_preferred_height_for_width(widget, width, &minimum, &natural);
        return minimum;
    }
#endif
    (void)label;
    (void)width;
    return -1;
}

wxSize AllocatedSize(const wxWindow& window) {
#ifdef KARTBOK_HAVE_GTK3
    if (auto* widget = static_cast<GtkWidget*>(window.GetHandle()))
        return {gtk_widget_get_allocated_width(widget), gtk_widget_get_allocated_height(widget)};
#endif
    return window.GetSize();
}

} // namespace kartbok::app
