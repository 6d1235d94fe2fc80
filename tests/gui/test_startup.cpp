// `kartbok --screenshot` as the demo script runs it: unlock from an environment
// variable, open a case, paint the map, save the window, report start-up time.
#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include <wx/filename.h>
#include <wx/utils.h>

#include <algorithm>
#include <filesystem>

using namespace kartbok::test;

TEST_CASE("kartbok --screenshot saves the painted window and exits", "[gui]") {
    TempVault v;
    const std::string shot = std::string(KARTBOK_SCREENSHOT_DIR) + "/startup-sv.png";
    std::filesystem::remove(shot);
    // A throwaway HOME: the run must not touch the user's preferences.
    const auto home = v.dir / "home";
    std::filesystem::create_directories(home);
    wxExecuteEnv env;
    wxGetEnvMap(&env.env);
    env.env["HOME"] = home.string();
    env.env["KARTBOK_TEST_SHOT_PW"] = wxString::FromUTF8(v.password);
    const wxString command = wxString::Format(
        "%s/kartbok --vault %s --password-env KARTBOK_TEST_SHOT_PW --case KB-002 --lang sv "
        "--screenshot %s",
        KARTBOK_BIN_DIR, v.dir.string(), shot);
    wxArrayString output, errors;
    const long rc = wxExecute(command, output, errors, wxEXEC_SYNC, &env);
    CHECK(rc == 0);
    CHECK(std::filesystem::exists(shot));
    CHECK(std::filesystem::file_size(shot) > 10000);
    // A picture of a client is an export: 0600, and in the audit log. The
    // preferences (which name folders) are 0600 too.
    const auto ownerOnly = std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;
    CHECK((std::filesystem::status(shot).permissions() & std::filesystem::perms::all) == ownerOnly);
    CHECK((std::filesystem::status(home / ".kartbok").permissions() &
           std::filesystem::perms::all) == ownerOnly);
    {
        auto vault = kartbok::vault::Vault::Open(v.dir, v.password);
        const auto audit = vault.ReadAudit();
        CHECK(std::any_of(audit.begin(), audit.end(), [](const kartbok::vault::AuditEntry& e) {
            return e.action == kartbok::vault::AuditAction::Export && e.detail == "screenshot";
        }));
    }
    bool reported = false;
    for (const auto& line : output)
        if (line.StartsWith("gui_first_paint\t")) {
            reported = true;
            std::printf("%s\n", line.utf8_str().data());
        }
    CHECK(reported);
    // Nothing about the client reaches stderr.
    for (const auto& line : errors) {
        CHECK_FALSE(line.Contains("Johan"));
        CHECK_FALSE(line.Contains("KB-002"));
    }
}
