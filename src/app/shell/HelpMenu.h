#pragma once
// The main window's Help menu: the user guide (F1), the keyboard shortcuts and
// About, with their handlers bound on the frame.

class wxMenu;

namespace kartbok::app {

class MainFrame;

/// A new Help menu for the main window's menu bar; binds its items on it.
wxMenu* NewHelpMenu(MainFrame& frame);

} // namespace kartbok::app
