#include "common/ListColumns.h"

#include <wx/dcclient.h>
#include <wx/imaglist.h>
#include <wx/listctrl.h>

#include <algorithm>
#include <vector>

namespace kartbok::app {

namespace {
/// What the generic list leaves of a column for its text, and the header for its title.
constexpr int kCellMargin = 12;
constexpr int kHeaderMargin = 16;
constexpr int kIconMargin = 6;
} // namespace

void FitColumnsToContent(wxListCtrl& list) {
    const int columns = list.GetColumnCount();
    std::vector<int> widths(static_cast<std::size_t>(columns), 0);
    wxClientDC dc(&list);
    auto extent = [&](const wxString& text, const wxFont& font) {
        dc.SetFont(font.IsOk() ? font : list.GetFont());
        int width = 0;
        for (const wxString& line : wxSplit(text, '\n', '\0'))
            width = std::max(width, dc.GetTextExtent(line).x);
        return width;
    };
    for (int c = 0; c < columns; ++c) {
        wxListItem head;
        head.SetMask(wxLIST_MASK_TEXT);
        list.GetColumn(c, head);
        widths[static_cast<std::size_t>(c)] = extent(head.GetText(), wxNullFont) + kHeaderMargin;
    }
    int icon = 0;
    if (wxImageList* images = list.GetImageList(wxIMAGE_LIST_SMALL)) {
        int w = 0, h = 0;
        if (images->GetImageCount() > 0 && images->GetSize(0, w, h))
            icon = w + kIconMargin;
    }
    for (long r = 0; r < list.GetItemCount(); ++r) {
        const wxFont font = list.GetItemFont(r);
        for (int c = 0; c < columns; ++c) {
            const int text =
                extent(list.GetItemText(r, c), font) + kCellMargin + (c == 0 ? icon : 0);
            auto& width = widths[static_cast<std::size_t>(c)];
            width = std::max(width, text);
        }
    }
    for (int c = 0; c < columns; ++c)
        if (list.GetColumnWidth(c) != widths[static_cast<std::size_t>(c)])
            list.SetColumnWidth(c, widths[static_cast<std::size_t>(c)]);
}

} // namespace kartbok::app
