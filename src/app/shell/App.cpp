#include "shell/App.h"

#include "kartbok/vault/Export.h"
#include "kartbok/vault/Hardening.h"

#include "common/Preferences.h"
#include "common/ScreenCapture.h"
#include "common/Translations.h"
#include "common/Utf8.h"
#include "dialogs/UnlockDialog.h"
#include "shell/ExportActions.h"
#include "shell/ExportFolders.h"
#include "shell/MainFrame.h"

#include <wx/config.h>
#include <wx/filename.h>
#include <wx/image.h>
#include <wx/log.h>
#include <wx/timer.h>
#include <wx/utils.h>

#include <cstdio>
#include <stdexcept>

namespace kartbok::app {

namespace {
constexpr int kScreenshotTimeoutMs = 60000;
}

App::App() : m_start(std::chrono::steady_clock::now()) {}

bool App::OnInit() {
    vault::HardenProcess(); // no core file may ever hold a decrypted case
    // wxApp::OnInit would parse argv with wx's own parser; ours refuses --password.
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i)
        args.push_back(Utf8(argv[i]));
    m_options = ParseCommandLine(args);
    if (m_options.help) {
        std::fputs(CommandLineUsage(), stdout);
        return false;
    }
    if (!m_options.error.empty()) {
        std::fprintf(stderr, "kartbok: %s\n%s", m_options.error.c_str(), CommandLineUsage());
        m_exitCode = 2;
        return false;
    }
    SetAppName("kartbok");
    SetVendorName("Kartbok");
    wxInitAllImageHandlers();
    // Client text never goes to a log; wx's own messages go to stderr, not pop-ups.
    delete wxLog::SetActiveTarget(new wxLogStderr);

    KeepPrintsOffDisk();      // before GTK lists its printers: no "Print to File"
    KeepPreferencesPrivate(); // it names folders
    // An export killed mid-write left a plaintext temporary file: remove it now.
    CleanRecentExportFolders();

    Preferences prefs = Preferences::Load();
    if (!m_options.language.empty())
        prefs.language = m_options.language;
    ApplyLanguage(prefs.language);

    m_frame = new MainFrame(m_options, prefs);
    m_frame->onQuit = [this] { m_frame = nullptr; };
    if (!m_options.screenshot.empty()) {
        m_frame->SetSize(1400, 900);
        m_frame->onFirstMapPaint = [this] { CallAfter([this] { TakeScreenshot(); }); };
        // A vault without cases never paints a map: take what there is after a while.
        auto* timeout = new wxTimer();
        timeout->Bind(wxEVT_TIMER, [this](wxTimerEvent&) { TakeScreenshot(); });
        timeout->StartOnce(kScreenshotTimeoutMs);
    }
    m_frame->Show();
    CallAfter([this] {
        if (m_frame)
            m_frame->BeginUnlock();
        // --screenshot is unattended: a failed unlock must not wait for a person.
        if (m_frame && !m_options.screenshot.empty() && m_frame->IsLocked()) {
            std::fputs("kartbok: could not unlock the vault for --screenshot\n", stderr);
            m_exitCode = 1;
            m_frame->Close(true);
        }
    });
    return true;
}

int App::OnRun() {
    const int rc = wxApp::OnRun();
    return m_exitCode ? m_exitCode : rc;
}

int App::FilterEvent(wxEvent& event) {
    const wxEventType type = event.GetEventType();
    if (m_frame && (type == wxEVT_KEY_DOWN || type == wxEVT_LEFT_DOWN || type == wxEVT_RIGHT_DOWN ||
                    type == wxEVT_MOUSEWHEEL))
        m_frame->Touch();
    return Event_Skip;
}

int App::OnExit() {
    // Flush and free the configuration while our stderr log target still exists:
    // a write error logged later, during wx's own cleanup, would try to open a dialog.
    delete wxConfigBase::Set(nullptr);
    return wxApp::OnExit();
}

void App::TakeScreenshot() {
    if (m_shotTaken || !m_frame)
        return;
    m_shotTaken = true;
    const double firstPaintMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start)
            .count();
    // Let every panel finish painting before reading the screen back.
    for (int i = 0; i < 5; ++i) {
        wxYield();
        wxMilliSleep(30);
    }
    m_frame->Update();
    SaveScreenshot();
    // Start-up to first map paint, without the key derivation that is slow on purpose.
    std::printf("gui_first_paint\t%.1f\n", firstPaintMs - m_frame->UnlockMs());
    std::printf("gui_unlock_kdf\t%.1f\n", m_frame->UnlockMs());
    std::fflush(stdout);
    m_frame->Close(true);
}

void App::SaveScreenshot() {
    const wxString file = wxString::FromUTF8(m_options.screenshot);
    wxFileName::Mkdir(wxFileName(file).GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    const std::vector<unsigned char> png = WindowPng(*m_frame);
    try {
        if (png.empty())
            throw std::runtime_error(m_options.screenshot + ": the window could not be read");
        // The window shows a client: an export like any other, audited first.
        vault::Vault* vault = m_frame->Vault();
        if (vault && !vault->IsLocked())
            vault::Export(*vault, m_options.screenshot, png,
                          m_frame->Document() ? m_frame->Document()->Id() : std::string(),
                          "screenshot");
        else
            vault::WriteExportFile(m_options.screenshot, png);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kartbok: could not save the screenshot: %s\n", e.what());
        m_exitCode = 1;
    }
}

} // namespace kartbok::app
