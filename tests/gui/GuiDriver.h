#pragma once
// Helpers to drive the real windows as a person would: find a control by name,
// click it, type, press keys, let the event loop run, save a screenshot.

#include "kartbok/vault/Vault.h"

#include <wx/uiaction.h>
#include <wx/window.h>

#include <filesystem>
#include <functional>
#include <string>

namespace kartbok::app {
class MainFrame;
}

namespace kartbok::test {

/// Lets the event loop run: events, paints, CallAfters.
void Pump(int rounds = 6);
/// Pumps until pred() holds or the timeout passes; returns pred().
bool PumpUntil(const std::function<bool()>& pred, int timeoutMs = 5000);

template <class T = wxWindow> T* Find(const char* name, wxWindow* parent = nullptr) {
    return dynamic_cast<T*>(wxWindow::FindWindowByName(name, parent));
}

void ClickAt(wxWindow* window, wxPoint client, int button = wxMOUSE_BTN_LEFT);
void Click(wxWindow* window);
/// Drags with the left button from one client point to another, in small steps.
void Drag(wxWindow* window, wxPoint from, wxPoint to);
void TypeText(const char* text);
void Key(int keycode, int modifiers = wxMOD_NONE);

/// Saves the window to KARTBOK_SCREENSHOT_DIR/name and returns the path.
std::string Screenshot(wxWindow& window, const std::string& name);

/// A vault in a fresh temp folder, created with the minimum KDF cost, holding
/// one case "KB-001" (scaffold with named parents) and one "KB-002" (rich sample).
struct TempVault {
    TempVault();
    ~TempVault();
    std::filesystem::path dir;
    std::string password = "correct horse battery";
    std::string firstId;
    std::string richId;
};

/// A main window unlocked through --password-env (auto-lock off), 1400x900,
/// in `language`; returns once the vault is open.
app::MainFrame* OpenUnlockedFrame(const TempVault& v, const std::string& language = "en");

} // namespace kartbok::test
