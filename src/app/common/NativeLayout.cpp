#include "common/NativeLayout.h"

#include <wx/window.h>

#include <algorithm>

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
        GtkLabel* gtkLabel = GTK_LABEL(widget);
        gtk_label_set_line_wrap(gtkLabel, TRUE);
        gtk_label_set_line_wrap_mode(gtkLabel, PANGO_WRAP_WORD_CHAR);
        // Laid out afresh from the label's own text and attributes: GTK's
        // cached size requests can still describe the previous text.
        GtkStyleContext* style = gtk_widget_get_style_context(widget);
        GtkBorder padding{}, border{}, margin{};
        const GtkStateFlags state = gtk_style_context_get_state(style);
        gtk_style_context_get_padding(style, state, &padding);
        gtk_style_context_get_border(style, state, &border);
        gtk_style_context_get_margin(style, state, &margin);
        const int xpad =
            padding.left + padding.right + border.left + border.right + margin.left + margin.right;
        const int ypad =
            padding.top + padding.bottom + border.top + border.bottom + margin.top + margin.bottom;
        PangoLayout* layout = pango_layout_copy(gtk_label_get_layout(gtkLabel));
        pango_layout_set_width(layout, std::max(1, width - xpad) * PANGO_SCALE);
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        int w = 0, h = 0;
        pango_layout_get_pixel_size(layout, &w, &h);
        g_object_unref(layout);
        return h + ypad;
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
