// tests_gui: Catch2 inside a real wxApp (docs/architecture.md, "Tests"). OnRun runs the Catch
// session, so every test drives real windows under Xvfb with the event loop alive.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "common/Translations.h"

#include <wx/app.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/image.h>
#include <wx/log.h>

#include "kartbok/vault/Vault.h"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace {
/// A wx assertion is a bug in the app: fail loudly instead of opening a dialog
/// that would hang the unattended run.
void FailOnAssert(const wxString& file, int line, const wxString& func, const wxString& cond,
                  const wxString& msg) {
    std::fprintf(stderr, "wx assertion failed: %s:%d %s: %s %s\n", file.utf8_str().data(), line,
                 func.utf8_str().data(), cond.utf8_str().data(), msg.utf8_str().data());
    wxTrap();
}

int g_argc = 0;
char** g_argv = nullptr;

class TestApp : public wxApp {
public:
    bool OnInit() override {
        // No wxApp::OnInit: Catch parses the command line, not wx.
        SetAppName("kartbok-tests");
        wxSetAssertHandler(FailOnAssert);
        wxInitAllImageHandlers();
        delete wxLog::SetActiveTarget(new wxLogStderr);
        // Preferences of the tests live in a throwaway file, never the user's.
        const wxString config = wxFileName::CreateTempFileName("kartbok-tests-config");
        wxConfigBase::Set(new wxFileConfig("kartbok-tests", wxEmptyString, config, wxEmptyString,
                                           wxCONFIG_USE_LOCAL_FILE));
        kartbok::app::ApplyLanguage("en");
        return true;
    }
    int OnRun() override { return Catch::Session().run(g_argc, g_argv); }
};
} // namespace

wxIMPLEMENT_APP_NO_MAIN(TestApp);

/// Lock-holder mode for the read-only test: a second process that unlocks the
/// vault, takes one case's lock, says "held <pid>" and waits to be killed.
int HoldLock(const char* dir) {
    auto vault = kartbok::vault::Vault::Open(dir, std::getenv("KARTBOK_TEST_PASSWORD"));
    if (!vault.TryLockCase(std::getenv("KARTBOK_TEST_CASE")))
        return 1;
    std::printf("held %d\n", static_cast<int>(::getpid()));
    std::fflush(stdout);
    for (;;)
        ::pause();
}

int main(int argc, char** argv) {
    if (const char* dir = std::getenv("KARTBOK_TEST_HOLD_LOCK"))
        return HoldLock(dir);
    g_argc = argc;
    g_argv = argv;
    return wxEntry(argc, argv);
}
