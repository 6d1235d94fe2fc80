// Hidden: renders the sample maps to /tmp/kartbok-renders/ to look at.
// Run with: tests_genogram "[.render]"

#include "kartbok/genogram/CairoWriter.h"
#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/Sample.h"
#include "kartbok/genogram/Scene.h"
#include "kartbok/genogram/SvgWriter.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace kartbok::genogram;

TEST_CASE("render the sample maps for a look", "[.render]") {
    const std::string dir = "/tmp/kartbok-renders";
    std::filesystem::create_directories(dir);
    Family rich = RichSampleFamily();
    Layout layout = ComputeLayout(rich);
    SceneOptions sv;
    sv.currentYear = 2025;
    Scene scene = BuildScene(rich, layout, sv);
    WritePng(scene, dir + "/rich-sv.png", 2.0);
    WritePdf(scene, dir + "/rich-sv.pdf");
    std::ofstream(dir + "/rich-sv.svg") << WriteSvg(scene);

    SceneOptions en;
    en.currentYear = 2025;
    en.language = "en";
    en.deidentify = true;
    WritePng(BuildScene(rich, layout, en), dir + "/rich-deid-en.png", 2.0);

    Family generated = GeneratedFamily(60, 5);
    WritePng(BuildScene(generated, ComputeLayout(generated), sv), dir + "/generated-60.png", 1.0);
    std::ofstream(dir + "/generated-3000.dot") << ToDot(GeneratedFamily(3000, 1));
}
