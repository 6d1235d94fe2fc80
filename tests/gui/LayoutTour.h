#pragma once
// A walk through every screen of the app on the demo vault, in one language at
// one window size: unlock, the client list, each tab of a case with its panels
// (a person, a couple and a relation on the map; a signed note, a draft and a
// first-visit draft in the journal; a topic of the deep interview), then every
// dialog. At each stop a check is called with the window shown and a name for
// the state, and a screenshot is saved. Used by the clipping test; any screen
// added to the app belongs here so it is checked too.

#include <wx/gdicmn.h>

#include <filesystem>
#include <functional>
#include <string>

class wxWindow;

namespace kartbok::test {

/// The demo vault (kartbok-cli demo) in a fresh temp folder, cheap to unlock.
struct DemoVault {
    DemoVault();
    ~DemoVault();
    std::filesystem::path dir;
    std::string password = "demo vault for the gui tests";
};

struct TourOptions {
    std::string language = "en"; ///< "sv" or "en"
    /// When set, the window starts in this language and is switched to
    /// `language` live (Preferences) once the case is open, as a user would.
    std::string switchFrom;
    wxSize size{1280, 800}; ///< the main window's size
    /// Screenshots are saved as <prefix><state>.png under the screenshot folder.
    std::string screenshotPrefix;
};

using TourCheck = std::function<void(wxWindow& shown, const std::string& state)>;

/// Opens a main window on the vault and visits every state; closes it after.
void Tour(const DemoVault& vault, const TourOptions& options, const TourCheck& check);

} // namespace kartbok::test
