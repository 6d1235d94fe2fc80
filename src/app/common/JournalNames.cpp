#include "common/JournalNames.h"

#include "model/JournalPresenter.h"

#include "kartbok/journal/Dates.h"

#include <wx/image.h>
#include <wx/intl.h>

#include <algorithm>
#include <cmath>

namespace kartbok::app {

using journal::SessionType;

wxColour SessionTypeWxColour(SessionType type) {
    const auto rgb = SessionTypeColour(type);
    return wxColour(rgb[0], rgb[1], rgb[2]);
}

wxBitmap SessionTypeMarker(SessionType type, int size) {
    wxImage image(size, size);
    image.InitAlpha();
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
            image.SetAlpha(x, y, 0);
    // Drawn per pixel: a memory DC on GTK cannot give a transparent background.
    const auto rgb = SessionTypeColour(type);
    const double r = size / 2.0 - 1.0;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            const double dx = x + 0.5 - size / 2.0, dy = y + 0.5 - size / 2.0;
            const double d = std::sqrt(dx * dx + dy * dy);
            if (d <= r + 0.5) {
                image.SetRGB(x, y, rgb[0], rgb[1], rgb[2]);
                const double cover = std::min(1.0, r + 0.5 - d);
                image.SetAlpha(x, y, static_cast<unsigned char>(255 * std::max(cover, 0.0)));
            }
        }
    return wxBitmap(image);
}

wxString FormatTime(journal::Timestamp t) {
    return wxString::FromUTF8(journal::LocalTimeText(t));
}

wxString FormatDay(journal::Timestamp t) {
    return wxString::FromUTF8(journal::LocalDateOf(t).Iso());
}

} // namespace kartbok::app
