#pragma once
// Reads back what a window shows on screen, for --screenshot and the GUI tests'
// screenshots. wxScreenDC under GTK3 returns a stale picture after the first
// capture, so under X11 the pixels are read with XGetImage instead.

#include <wx/string.h>

class wxWindow;

namespace kartbok::app {

/// Saves the window's on-screen pixels as a PNG; creates the folder. False on failure.
bool SaveWindowPng(wxWindow& window, const wxString& file);

} // namespace kartbok::app
