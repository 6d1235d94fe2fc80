#include "GuiDriver.h"

#include "common/Translations.h"

#include "common/ScreenCapture.h"
#include "shell/MainFrame.h"

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Sample.h"
#include "kartbok/genogram/Scaffold.h"

#include <catch2/catch.hpp>

#include <wx/app.h>
#include <wx/utils.h>

#include <chrono>
#include <random>

namespace kartbok::test {

void Pump(int rounds) {
    for (int i = 0; i < rounds; ++i) {
        wxYield();
        wxMilliSleep(15);
    }
    wxYield();
}

bool PumpUntil(const std::function<bool()>& pred, int timeoutMs) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!pred()) {
        if (std::chrono::steady_clock::now() > end)
            return false;
        Pump(1);
    }
    return true;
}

void ClickAt(wxWindow* window, wxPoint client, int button) {
    wxUIActionSimulator sim;
    sim.MouseMove(window->ClientToScreen(client));
    Pump(3);
    sim.MouseClick(button);
    Pump(6);
}

void Click(wxWindow* window) {
    const wxSize size = window->GetClientSize();
    ClickAt(window, wxPoint(size.x / 2, size.y / 2));
}

void Drag(wxWindow* window, wxPoint from, wxPoint to) {
    wxUIActionSimulator sim;
    sim.MouseMove(window->ClientToScreen(from));
    Pump(3);
    sim.MouseDown();
    Pump(3);
    constexpr int kSteps = 8;
    for (int i = 1; i <= kSteps; ++i) {
        const wxPoint p(from.x + (to.x - from.x) * i / kSteps,
                        from.y + (to.y - from.y) * i / kSteps);
        sim.MouseMove(window->ClientToScreen(p));
        Pump(2);
    }
    sim.MouseUp();
    Pump(6);
}

void TypeText(const char* text) {
    wxUIActionSimulator sim;
    sim.Text(text);
    Pump(6);
}

void Key(int keycode, int modifiers) {
    wxUIActionSimulator sim;
    sim.Char(keycode, modifiers);
    Pump(6);
}

std::string Screenshot(wxWindow& window, const std::string& name) {
    window.Update();
    Pump(4);
    const std::string path = std::string(KARTBOK_SCREENSHOT_DIR) + "/" + name;
    app::SaveWindowPng(window, wxString::FromUTF8(path));
    return path;
}

TempVault::TempVault() {
    std::random_device rd;
    dir = std::filesystem::temp_directory_path() /
          ("kartbok-gui-" + std::to_string(rd()) + "-" + std::to_string(::getpid()));
    auto vault = vault::Vault::Create(dir, "tester", password, vault::KdfLimits::Minimum());

    // Fixtures are built in code; the GUI under test edits them through commands.
    auto first = vault.CreateCase("KB-001");
    first.family = genogram::Scaffold("Johan", genogram::Gender::Man);
    genogram::ScaffoldIds ids;
    for (auto [id, name] : {std::pair{ids.father, "Lars"}, std::pair{ids.mother, "Karin"}}) {
        genogram::Person p = *first.family.FindPerson(id);
        p.givenNames = name;
        genogram::SetPerson(id, p).Apply(first.family);
    }
    vault.SaveCase(first);
    firstId = first.id;

    auto rich = vault.CreateCase("KB-002");
    rich.family = genogram::RichSampleFamily();
    vault.SaveCase(rich);
    richId = rich.id;
    vault.Lock();
}

app::MainFrame* OpenUnlockedFrame(const TempVault& v, const std::string& language) {
    app::CommandLine options;
    options.vault = v.dir.string();
    options.passwordEnv = "KARTBOK_TEST_PASSWORD";
    ::setenv("KARTBOK_TEST_PASSWORD", v.password.c_str(), 1);
    app::Preferences prefs;
    prefs.idleLockMinutes = 0;
    // Set every time: an earlier test may have left the other language on.
    prefs.language = language;
    app::ApplyLanguage(language);
    auto* frame = new app::MainFrame(options, prefs);
    frame->SetSize(60, 40, 1400, 900);
    frame->Show();
    Pump();
    frame->BeginUnlock();
    ::unsetenv("KARTBOK_TEST_PASSWORD");
    REQUIRE(PumpUntil([&] { return !frame->IsLocked(); }));
    return frame;
}

TempVault::~TempVault() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

} // namespace kartbok::test
