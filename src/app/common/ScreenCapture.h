#pragma once
// Reads back what a window shows on screen, for --screenshot and the GUI tests'
// screenshots. wxScreenDC under GTK3 returns a stale picture after the first
// capture, so under X11 the pixels are read with XGetImage instead.

#include <wx/string.h>

#include <vector>

class wxWindow;

namespace kartbok::app {

/// The window's on-screen pixels as PNG bytes; empty on failure.
std::vector<unsigned char> WindowPng(wxWindow& window);

/// Saves WindowPng with vault::WriteExportFile (0600, atomic); creates the
/// folder. For pictures of test data; a picture of a client goes through
/// vault::Export instead. False on failure.
bool SaveWindowPng(wxWindow& window, const wxString& file);

} // namespace kartbok::app
