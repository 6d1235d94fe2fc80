// The user guide: both languages ship, say the same things in the same order,
// and a build without screenshots shows no broken pictures.
#include <catch2/catch.hpp>

#include "model/Guide.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <regex>
#include <set>
#include <vector>

using namespace kartbok::app;
namespace fs = std::filesystem;

namespace {

std::string Slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> All(const std::string& text, const std::regex& re) {
    std::vector<std::string> out;
    for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it)
        out.push_back((*it)[1].str());
    return out;
}

struct Folder {
    Folder() {
        std::random_device rd;
        dir = fs::temp_directory_path() / ("kartbok-guide-" + std::to_string(rd()));
        fs::create_directories(dir / "img");
        std::ofstream(dir / "img" / "there.png") << "png";
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    fs::path dir;
};

} // namespace

TEST_CASE("pictures that were never generated are left out of the guide", "[app][guide]") {
    Folder f;
    const std::string kept = "<p><img src=\"img/there.png\" width=\"500\" alt=\"a > b\"></p>";
    CHECK(WithoutMissingImages(kept, f.dir) == kept);
    CHECK(WithoutMissingImages("<p><img src=\"img/gone.png\" alt=\"x\"></p>", f.dir) == "<p></p>");
    CHECK(WithoutMissingImages("a<IMG SRC='img/gone.png'>b<img src=img/there.png>c", f.dir) ==
          "ab<img src=img/there.png>c");
    // An alt text with ">" in it does not end the tag early.
    CHECK(WithoutMissingImages("<img alt=\"1 > 0\" src=\"img/gone.png\">!", f.dir) == "!");
    // Absolute paths are checked as they are; the network is never asked.
    const std::string absolute = "<img src=\"" + (f.dir / "img" / "there.png").string() + "\">";
    CHECK(WithoutMissingImages(absolute, "/nonexistent") == absolute);
    CHECK(WithoutMissingImages("<img src=\"https://example.org/x.png\">.", f.dir) == ".");
    CHECK(WithoutMissingImages("<img>.", f.dir) == ".");
    // Not an <img> tag, and text around it, stay as they are.
    CHECK(WithoutMissingImages("<imgx src=\"gone\"> & <p>", f.dir) == "<imgx src=\"gone\"> & <p>");
    CHECK(WithoutMissingImages("end <img src=\"img/gone.png\"", f.dir) == "end ");
}

TEST_CASE("the guide ships in Swedish and English with the same sections and pictures",
          "[app][guide]") {
    const std::string sv = Slurp(GuidePage("sv"));
    const std::string en = Slurp(GuidePage("en"));
    REQUIRE_FALSE(sv.empty());
    REQUIRE_FALSE(en.empty());
    CHECK(GuidePage("de") == GuidePage("en")); // any other language reads English

    const std::regex anchor("<a name=\"([^\"]+)\"");
    const std::regex link("<a href=\"#([^\"]+)\"");
    const std::regex image("<img src=\"img/(?:sv|en)/([^\"]+)\"");
    CHECK(All(sv, anchor) == All(en, anchor));
    CHECK(All(sv, image) == All(en, image));
    CHECK(All(sv, image).size() >= 7); // one per task at least
    // Every table-of-contents entry has its section.
    for (const auto& text : {sv, en}) {
        const auto names = All(text, anchor);
        const std::set<std::string> targets(names.begin(), names.end());
        for (const auto& l : All(text, link))
            CHECK(targets.count(l) == 1);
    }
    // Each page shows its own language's screenshots.
    CHECK(sv.find("img/en/") == std::string::npos);
    CHECK(en.find("img/sv/") == std::string::npos);
}
