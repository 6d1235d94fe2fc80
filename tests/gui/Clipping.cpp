#include "Clipping.h"

#include <wx/anybutton.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/dcclient.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/radiobox.h>
#include <wx/scrolwin.h>
#include <wx/spinbutt.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/toplevel.h>
#include <wx/treectrl.h>

#include <gtk/gtk.h>

#include <algorithm>
#include <sstream>

namespace kartbok::test {

namespace {

/// The generic list control leaves this much of a column to margins, and the
/// header this much of its width (wx 3.2 generic/listctrl.cpp, renderer).
constexpr int kListCellMargin = 8;
constexpr int kListImageMargin = 5;
constexpr int kListHeaderMargin = 12;
/// A GTK list box row: the text cell's padding, and the check box of a check list.
constexpr int kListBoxPadding = 8;
constexpr int kCheckListBoxCheck = 28;
/// Rounding between GTK's and wx's idea of a text's width.
constexpr int kSlack = 1;
constexpr int kMaxListRows = 400;

std::string Utf8(const wxString& s) {
    return s.ToStdString(wxConvUTF8);
}

std::string PathOf(const wxWindow* w) {
    std::vector<std::string> names;
    for (const wxWindow* p = w; p; p = p->GetParent()) {
        names.push_back(Utf8(p->GetName()));
        if (p->IsTopLevel())
            break;
    }
    std::string out;
    for (auto it = names.rbegin(); it != names.rend(); ++it)
        out += (out.empty() ? "" : "/") + *it;
    return out;
}

GtkWidget* Gtk(const wxWindow* w) {
    return static_cast<GtkWidget*>(w->GetHandle());
}

int TextWidth(const wxWindow* w, const wxString& text, const wxFont& font = wxNullFont) {
    wxClientDC dc(const_cast<wxWindow*>(w));
    dc.SetFont(font.IsOk() ? font : w->GetFont());
    int width = 0;
    for (const wxString& line : wxSplit(text, '\n', '\0'))
        width = std::max(width, dc.GetTextExtent(line).x);
    return width;
}

class Walker {
public:
    std::vector<ClippedText> found;

    void Walk(wxWindow* w) {
        if (!w->IsShownOnScreen())
            return;
        if (w->IsTopLevel() && !m_root.empty() && w != m_rootWindow)
            return; // another top-level window (a dialog) is walked on its own
        if (m_root.empty()) {
            m_root = PathOf(w);
            m_rootWindow = w;
        }
        const bool control = Check(w);
        if (control)
            CheckParentEdges(w);
        // The insides of a list, tree or value field are the control's own business.
        if (dynamic_cast<wxListCtrl*>(w) || dynamic_cast<wxTreeCtrl*>(w))
            return;
        for (wxWindow* child : w->GetChildren())
            Walk(child);
    }

private:
    void Add(const wxWindow* w, const char* kind, const wxString& text, int needed, int got) {
        found.push_back({PathOf(w), kind, Utf8(text), needed, got});
    }

    /// Checks w if it shows text; true when it did (a control, not a container).
    bool Check(wxWindow* w) {
        GtkWidget* g = Gtk(w);
        if (auto* list = dynamic_cast<wxListCtrl*>(w)) {
            CheckListCtrl(list);
            return true;
        }
        if (auto* tree = dynamic_cast<wxTreeCtrl*>(w)) {
            CheckTree(tree);
            return true;
        }
        if (auto* box = dynamic_cast<wxListBox*>(w)) {
            CheckListBox(box);
            return true;
        }
        if (auto* choice = dynamic_cast<wxChoice*>(w)) {
            CheckChoice(choice);
            return true;
        }
        if (auto* radio = dynamic_cast<wxRadioBox*>(w)) {
            CheckGtkChildren(radio, g);
            return true;
        }
        if (auto* box = dynamic_cast<wxStaticBox*>(w)) {
            if (GTK_IS_FRAME(g))
                if (GtkWidget* label = gtk_frame_get_label_widget(GTK_FRAME(g)))
                    CheckGtkLabel(box, label, box->GetToolTipText());
            return false; // a container: its children are walked
        }
        if (auto* book = dynamic_cast<wxNotebook*>(w)) {
            if (GTK_IS_NOTEBOOK(g))
                for (int i = 0; i < gtk_notebook_get_n_pages(GTK_NOTEBOOK(g)); ++i) {
                    GtkWidget* page = gtk_notebook_get_nth_page(GTK_NOTEBOOK(g), i);
                    if (GtkWidget* tab = gtk_notebook_get_tab_label(GTK_NOTEBOOK(g), page))
                        CheckGtkChildren(book, tab);
                }
            return false;
        }
        if (!g)
            return false;
        if (GTK_IS_LABEL(g)) {
            CheckGtkLabel(w, g, w->GetToolTipText());
            return true;
        }
        if (GTK_IS_BUTTON(g)) {
            CheckGtkButton(w, g);
            return true;
        }
        if (GTK_IS_ENTRY(g) && !dynamic_cast<wxSpinButton*>(w)) { // arrows only, no text
            CheckGtkEntry(w, g);
            return true;
        }
        return false;
    }

    void CheckGtkLabel(const wxWindow* w, GtkWidget* g, const wxString& tooltip) {
        if (!gtk_widget_get_visible(g))
            return;
        GtkLabel* label = GTK_LABEL(g);
        const wxString text = wxString::FromUTF8(gtk_label_get_text(label));
        if (text.empty())
            return;
        const int allocW = gtk_widget_get_allocated_width(g);
        const int allocH = gtk_widget_get_allocated_height(g);
        if (gtk_label_get_ellipsize(label) != PANGO_ELLIPSIZE_NONE) {
            if (pango_layout_is_ellipsized(gtk_label_get_layout(label)) && tooltip.empty()) {
                int natural = 0, minimum = 0;
                gtk_widget_get_preferred_width(g, &minimum, &natural);
                Add(w, "ellipsized", text, natural, allocW);
            }
            return;
        }
        int minW = 0, natW = 0;
        gtk_widget_get_preferred_width(g, &minW, &natW);
        if (allocW + kSlack < minW) {
            Add(w, "label", text, minW, allocW);
            return;
        }
        int minH = 0, natH = 0;
        gtk_widget_get_preferred_height_for_width(g, allocW, &minH, &natH);
        if (allocH + kSlack < minH)
            Add(w, "label (height)", text, minH, allocH);
    }

    void CheckGtkButton(const wxWindow* w, GtkWidget* g) {
        wxString text;
        if (auto* b = dynamic_cast<const wxAnyButton*>(w))
            text = b->GetLabelText();
        else if (auto* c = dynamic_cast<const wxControl*>(w))
            text = c->GetLabelText();
        CheckGtkButtonWidget(w, g, text);
    }

    void CheckGtkButtonWidget(const wxWindow* w, GtkWidget* g, const wxString& text) {
        if (text.empty() || !gtk_widget_get_visible(g))
            return;
        int minW = 0, natW = 0, minH = 0, natH = 0;
        gtk_widget_get_preferred_width(g, &minW, &natW);
        const int allocW = gtk_widget_get_allocated_width(g);
        if (allocW + kSlack < minW) {
            Add(w, "button", text, minW, allocW);
            return;
        }
        gtk_widget_get_preferred_height_for_width(g, allocW, &minH, &natH);
        const int allocH = gtk_widget_get_allocated_height(g);
        if (allocH + kSlack < minH)
            Add(w, "button (height)", text, minH, allocH);
    }

    void CheckGtkEntry(const wxWindow* w, GtkWidget* g) {
        GtkEntry* entry = GTK_ENTRY(g);
        const wxString text = wxString::FromUTF8(gtk_entry_get_text(entry));
        if (text.empty() || !gtk_widget_get_visible(g))
            return;
        GdkRectangle area{};
        gtk_entry_get_text_area(entry, &area);
        int textW = 0, textH = 0;
        pango_layout_get_pixel_size(gtk_entry_get_layout(entry), &textW, &textH);
        if (textW > area.width + kSlack) {
            const int frame = gtk_widget_get_allocated_width(g) - area.width;
            Add(w, "field", text, textW + frame, area.width + frame);
        }
    }

    /// GTK widgets inside one wx control (a radio box's buttons, a tab's label).
    void CheckGtkChildren(const wxWindow* owner, GtkWidget* g) {
        if (!g || !gtk_widget_get_visible(g))
            return;
        if (GTK_IS_LABEL(g)) {
            CheckGtkLabel(owner, g, owner->GetToolTipText());
            return;
        }
        if (GTK_IS_BUTTON(g)) {
            GtkWidget* child = gtk_bin_get_child(GTK_BIN(g));
            const char* label = child && GTK_IS_LABEL(child) ? gtk_label_get_text(GTK_LABEL(child))
                                                             : gtk_button_get_label(GTK_BUTTON(g));
            CheckGtkButtonWidget(owner, g, wxString::FromUTF8(label ? label : ""));
            return;
        }
        if (GTK_IS_CONTAINER(g)) {
            GList* children = gtk_container_get_children(GTK_CONTAINER(g));
            for (GList* c = children; c; c = c->next)
                CheckGtkChildren(owner, static_cast<GtkWidget*>(c->data));
            g_list_free(children);
        }
    }

    void CheckChoice(const wxChoice* choice) {
        const int sel = choice->GetSelection();
        if (sel < 0)
            return;
        // GTK's natural width is the widest item plus the arrow and frame: what
        // the shown item needs is that frame plus its own width.
        int minW = 0, natW = 0;
        gtk_widget_get_preferred_width(Gtk(choice), &minW, &natW);
        int widest = 0;
        for (unsigned i = 0; i < choice->GetCount(); ++i)
            widest = std::max(widest, TextWidth(choice, choice->GetString(i)));
        const wxString text = choice->GetString(static_cast<unsigned>(sel));
        const int needed = natW - widest + TextWidth(choice, text);
        const int got = gtk_widget_get_allocated_width(Gtk(choice));
        if (got + kSlack < needed)
            Add(choice, "choice", text, needed, got);
    }

    void CheckListCtrl(wxListCtrl* list) {
        if (!list->InReportView())
            return;
        const int columns = list->GetColumnCount();
        for (int c = 0; c < columns; ++c) {
            wxListItem head;
            head.SetMask(wxLIST_MASK_TEXT);
            list->GetColumn(c, head);
            const int width = list->GetColumnWidth(c);
            const int needed = TextWidth(list, head.GetText()) + kListHeaderMargin;
            if (width > 0 && width + kSlack < needed)
                Add(list, "list header", head.GetText(), needed, width);
        }
        const long rows = std::min<long>(list->GetItemCount(), kMaxListRows);
        for (long r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c) {
                wxListItem item;
                item.SetId(r);
                item.SetColumn(c);
                item.SetMask(wxLIST_MASK_TEXT | wxLIST_MASK_IMAGE);
                list->GetItem(item);
                if (item.GetText().empty())
                    continue;
                int needed =
                    TextWidth(list, item.GetText(), list->GetItemFont(r)) + kListCellMargin;
                if (item.GetImage() >= 0) {
                    if (wxImageList* images = list->GetImageList(wxIMAGE_LIST_SMALL)) {
                        int iw = 0, ih = 0;
                        images->GetSize(item.GetImage(), iw, ih);
                        needed += iw + kListImageMargin;
                    }
                }
                const int width = list->GetColumnWidth(c);
                if (width + kSlack < needed)
                    Add(list, "list", item.GetText(), needed, width);
            }
    }

    void CheckListBox(const wxListBox* box) {
        const bool checks = dynamic_cast<const wxCheckListBox*>(box) != nullptr;
        const int room = box->GetClientSize().x;
        for (unsigned i = 0; i < box->GetCount() && i < kMaxListRows; ++i) {
            const wxString text = box->GetString(i);
            const int needed =
                TextWidth(box, text) + kListBoxPadding + (checks ? kCheckListBoxCheck : 0);
            if (room + kSlack < needed)
                Add(box, "list", text, needed, room);
        }
    }

    void CheckTree(wxTreeCtrl* tree) {
        const wxTreeItemId root = tree->GetRootItem();
        if (!root.IsOk())
            return;
        const int room = tree->GetClientSize().x;
        std::vector<wxTreeItemId> todo;
        if (tree->HasFlag(wxTR_HIDE_ROOT) || !tree->IsVisible(root)) {
            wxTreeItemIdValue cookie;
            for (auto c = tree->GetFirstChild(root, cookie); c.IsOk();
                 c = tree->GetNextChild(root, cookie))
                todo.push_back(c);
        } else {
            todo.push_back(root);
        }
        while (!todo.empty()) {
            const wxTreeItemId item = todo.back();
            todo.pop_back();
            wxRect rect;
            if (tree->GetBoundingRect(item, rect, true)) {
                int right = 0, y = 0;
                tree->CalcUnscrolledPosition(rect.GetRight() + 1, rect.y, &right, &y);
                if (right > room + kSlack)
                    Add(tree, "tree", tree->GetItemText(item), right, room);
            }
            if (tree->IsExpanded(item)) {
                wxTreeItemIdValue cookie;
                for (auto c = tree->GetFirstChild(item, cookie); c.IsOk();
                     c = tree->GetNextChild(item, cookie))
                    todo.push_back(c);
            }
        }
    }

    /// A control must lie inside every parent up to its window, except in the
    /// directions a scrolled parent scrolls (beyond it, the edges scroll too).
    void CheckParentEdges(const wxWindow* w) {
        const wxRect rect(w->GetScreenPosition(), w->GetSize());
        bool horizontal = true, vertical = true;
        for (const wxWindow* p = w->GetParent(); p && (horizontal || vertical);
             p = p->GetParent()) {
            // A parent that scrolls shows the rest of its content in that direction.
            if (auto* scrolled = dynamic_cast<const wxScrollHelperBase*>(p)) {
                int ux = 0, uy = 0;
                scrolled->GetScrollPixelsPerUnit(&ux, &uy);
                horizontal = horizontal && ux == 0;
                vertical = vertical && uy == 0;
            }
            const wxRect client(p->ClientToScreen(wxPoint(0, 0)), p->GetClientSize());
            if (horizontal && rect.GetRight() > client.GetRight() + kSlack) {
                Add(w, "parent edge", LabelOf(w), rect.width,
                    std::max(0, client.GetRight() - rect.x + 1));
                return;
            }
            if (vertical && rect.GetBottom() > client.GetBottom() + kSlack) {
                Add(w, "parent edge (height)", LabelOf(w), rect.height,
                    std::max(0, client.GetBottom() - rect.y + 1));
                return;
            }
            if (p->IsTopLevel())
                break;
        }
    }

    static wxString LabelOf(const wxWindow* w) {
        if (auto* c = dynamic_cast<const wxControl*>(w))
            if (!c->GetLabelText().empty())
                return c->GetLabelText();
        return w->GetName();
    }

    std::string m_root;
    const wxWindow* m_rootWindow = nullptr;
};

} // namespace

std::string ClippedText::ToString() const {
    std::ostringstream out;
    out << kind << " \"" << text << "\" needs " << needed << " px, got " << got << " (" << where
        << ")";
    return out.str();
}

std::vector<ClippedText> FindClippedTexts(wxWindow& root) {
    Walker walker;
    walker.Walk(&root);
    return walker.found;
}

std::string Describe(const std::vector<ClippedText>& found) {
    std::string out;
    for (const auto& f : found)
        out += f.ToString() + "\n";
    return out;
}

} // namespace kartbok::test
