#pragma once
// Kartbok's icon on its windows, drawn from the same SVG the package installs
// for the desktop (share/icons/hicolor/scalable/apps), so there is one picture.

#include <wx/iconbndl.h>

namespace kartbok::app {

/// The icon at the sizes window managers ask for (16 to 256 px); empty when the
/// SVG is not installed, and the window then keeps the system's default icon.
wxIconBundle AppIcons();

} // namespace kartbok::app
