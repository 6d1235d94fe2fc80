// Every text readable in full on a laptop and on a desktop screen: the window
// is opened on the demo vault in English and Swedish at 1280 x 800 and
// 1920 x 1080, every tab, panel and dialog is brought up in turn, and the
// window tree is walked for text that does not fit (tests/gui/Clipping.h).
// Screenshots of each state land in build/screenshots/clipping/.
#include <catch2/catch.hpp>

#include "Clipping.h"
#include "GuiDriver.h"
#include "LayoutTour.h"

#include "common/Translations.h"

#include <wx/display.h>

#include <fstream>

using namespace kartbok;
using namespace kartbok::test;

namespace {

struct Size {
    int width, height;
};
constexpr Size kSizes[] = {{1280, 800}, {1920, 1080}};
constexpr const char* kLanguages[] = {"en", "sv"};

} // namespace

TEST_CASE("no label, button or list text is cut at 1280x800 or 1920x1080, in English or Swedish",
          "[gui][layout][clipping]") {
    const wxRect screen = wxDisplay(0u).GetGeometry();
    INFO("the screen is " << screen.width << "x" << screen.height
                          << "; run under xvfb-run -s \"-screen 0 1920x1200x24\"");
    REQUIRE(screen.width >= 1920);
    REQUIRE(screen.height >= 1080);

    DemoVault demo;
    std::vector<std::string> report;
    int total = 0;
    for (const char* language : kLanguages)
        for (const Size size : kSizes) {
            const std::string name = std::string(language) + "-" + std::to_string(size.width) +
                                     "x" + std::to_string(size.height);
            TourOptions options;
            options.language = language;
            options.size = wxSize(size.width, size.height);
            options.screenshotPrefix = "clipping/" + name + "-";
            Tour(demo, options, [&](wxWindow& window, const std::string& state) {
                const auto found = FindClippedTexts(window);
                total += static_cast<int>(found.size());
                for (const auto& f : found)
                    report.push_back(name + " " + state + ": " + f.ToString());
            });
        }
    // A live switch from English to Swedish must leave no label measured for the old words.
    TourOptions live;
    live.language = "sv";
    live.switchFrom = "en";
    live.size = wxSize(kSizes[0].width, kSizes[0].height);
    live.screenshotPrefix = "clipping/en-to-sv-1280x800-";
    Tour(demo, live, [&](wxWindow& window, const std::string& state) {
        const auto found = FindClippedTexts(window);
        total += static_cast<int>(found.size());
        for (const auto& f : found)
            report.push_back("en-to-sv-1280x800 " + state + ": " + f.ToString());
    });
    // Kept beside the screenshots, so a failure can be looked at.
    std::ofstream(std::string(KARTBOK_SCREENSHOT_DIR) + "/clipping/findings.txt") << [&] {
        std::string all;
        for (const auto& line : report)
            all += line + "\n";
        return all;
    }();
    INFO(total << " clipped texts:\n"
               << [&] {
                      std::string all;
                      for (const auto& line : report)
                          all += line + "\n";
                      return all;
                  }());
    CHECK(total == 0);
}
