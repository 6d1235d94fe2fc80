// The painters: SVG is well-formed XML with the names; PNG and PDF come out
// at the expected size.

#include "kartbok/genogram/CairoWriter.h"
#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/Sample.h"
#include "kartbok/genogram/Scene.h"
#include "kartbok/genogram/SvgWriter.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace kartbok::genogram;

namespace {

Scene RichScene(bool deidentify = false) {
    Family f = RichSampleFamily();
    SceneOptions o;
    o.currentYear = 2025;
    o.deidentify = deidentify;
    return BuildScene(f, ComputeLayout(f), o);
}

std::uint32_t BigEndian(const std::vector<unsigned char>& b, std::size_t at) {
    return (std::uint32_t(b[at]) << 24) | (std::uint32_t(b[at + 1]) << 16) |
           (std::uint32_t(b[at + 2]) << 8) | b[at + 3];
}

std::filesystem::path TempFile(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / "kartbok-test-render";
    std::filesystem::create_directories(dir);
    return dir / name;
}

} // namespace

TEST_CASE("SVG is well-formed and carries the names", "[render]") {
    Scene scene = RichScene();
    std::string svg = WriteSvg(scene);
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(svg.find("viewBox=\"0 0 ") != std::string::npos);
    CHECK(svg.find("DejaVu Sans, sans-serif") != std::string::npos);
    CHECK(svg.find("Johan Lindqvist") != std::string::npos);
    CHECK(svg.find("Snickare, Borås") != std::string::npos);
    CHECK(svg.find("clipPath") != std::string::npos);
    // Tags balance (a minimal check that needs no tools).
    std::size_t opens = 0, closes = 0;
    for (std::size_t i = svg.find("<svg"); i < svg.size(); ++i)
        if (svg[i] == '<')
            (svg[i + 1] == '/' ? closes : opens)++;
    std::size_t selfClosing = 0;
    for (std::size_t i = 0; (i = svg.find("/>", i)) != std::string::npos; ++i)
        ++selfClosing;
    CHECK(opens == closes + selfClosing);
    // And xmllint, when installed (libxml2-utils), checks it for real.
    if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
        auto path = TempFile("rich.svg");
        std::ofstream(path) << svg;
        CHECK(std::system(("xmllint --noout '" + path.string() + "'").c_str()) == 0);
    }
}

TEST_CASE("SVG escapes text", "[render]") {
    Scene scene;
    scene.size = {100, 50};
    TextShape text;
    text.at = {10, 10};
    text.text = "Tom & \"Jerry\" <x>";
    SceneItem item;
    item.owner = SceneItem::Owner::Person;
    item.id = 1;
    item.shape = text;
    scene.items.push_back(item);
    std::string svg = WriteSvg(scene);
    CHECK(svg.find("Tom &amp; &quot;Jerry&quot; &lt;x&gt;") != std::string::npos);
}

TEST_CASE("PNG has the scene's size times the scale", "[render]") {
    Scene scene = RichScene();
    std::vector<unsigned char> png = RenderPng(scene, 1.0);
    REQUIRE(png.size() > 1000);
    CHECK(png[1] == 'P');
    CHECK(png[2] == 'N');
    CHECK(png[3] == 'G');
    CHECK(BigEndian(png, 16) == static_cast<std::uint32_t>(std::ceil(scene.size.width)));
    CHECK(BigEndian(png, 20) == static_cast<std::uint32_t>(std::ceil(scene.size.height)));
    CHECK(RenderPng(scene, 2.0).size() > 10000);
}

TEST_CASE("PDF is drawn, and a bad scale is reported", "[render]") {
    Scene scene = RichScene(true);
    std::vector<unsigned char> pdf = RenderPdf(scene);
    REQUIRE(pdf.size() > 1000);
    CHECK(std::string(pdf.begin(), pdf.begin() + 5) == "%PDF-");
    CHECK_THROWS_AS(RenderPng(scene, 0), RenderError);
}
