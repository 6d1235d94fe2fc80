#pragma once
// The kartbok application object: reads the command line, sets the language,
// opens the main window and starts the unlock. With --screenshot it saves the
// window once the map is painted and exits (for the demo script and CI).

#include "model/CommandLine.h"

#include <wx/app.h>

#include <chrono>

namespace kartbok::app {

class MainFrame;

class App : public wxApp {
public:
    App();
    bool OnInit() override;
    int OnRun() override;
    int OnExit() override;
    /// Any key or click in any window, client mode included, is activity that
    /// postpones auto-lock: a client filling in a form must not be locked out.
    int FilterEvent(wxEvent& event) override;

private:
    void TakeScreenshot();
    void SaveScreenshot(); ///< through vault::Export when a vault is open

    CommandLine m_options;
    MainFrame* m_frame = nullptr;
    std::chrono::steady_clock::time_point m_start;
    int m_exitCode = 0;
    bool m_shotTaken = false;
};

} // namespace kartbok::app
