#include "shell/AppIcon.h"

#include "common/Utf8.h"

#include "kartbok/journal/ShippedData.h"

#include <wx/bmpbndl.h>
#include <wx/icon.h>

#include <filesystem>

namespace kartbok::app {

wxIconBundle AppIcons() {
    wxIconBundle bundle;
    const auto svg =
        journal::ShippedDataDir(journal::ShippedData::Icons) / "io.github.kartbok.Kartbok.svg";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(svg, ec))
        return bundle;
    const wxBitmapBundle picture =
        wxBitmapBundle::FromSVGFile(FromUtf8(svg.string()), wxSize(64, 64));
    if (!picture.IsOk())
        return bundle;
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        wxIcon icon;
        icon.CopyFromBitmap(picture.GetBitmap(wxSize(size, size)));
        bundle.AddIcon(icon);
    }
    return bundle;
}

} // namespace kartbok::app
