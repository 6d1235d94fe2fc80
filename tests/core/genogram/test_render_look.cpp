// Hidden: renders the sample maps to /tmp/kartbok-renders/ to look at.
// Run with: tests_genogram "[.render]"

#include "kartbok/genogram/CairoWriter.h"
#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/Sample.h"
#include "kartbok/genogram/Scene.h"
#include "kartbok/genogram/SvgWriter.h"
#include "kartbok/vault/Export.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace kartbok::genogram;
using kartbok::vault::WriteExportFile;

TEST_CASE("render the sample maps for a look", "[.render]") {
    const std::string dir = "/tmp/kartbok-renders";
    std::filesystem::create_directories(dir);
    Family rich = RichSampleFamily();
    Layout layout = ComputeLayout(rich);
    SceneOptions sv;
    sv.currentYear = 2025;
    Scene scene = BuildScene(rich, layout, sv);
    WriteExportFile(dir + "/rich-sv.png", RenderPng(scene, 2.0));
    WriteExportFile(dir + "/rich-sv.pdf", RenderPdf(scene));
    std::ofstream(dir + "/rich-sv.svg") << WriteSvg(scene);

    SceneOptions en;
    en.currentYear = 2025;
    en.language = "en";
    en.deidentify = true;
    WriteExportFile(dir + "/rich-deid-en.png", RenderPng(BuildScene(rich, layout, en), 2.0));

    Family generated = GeneratedFamily(60, 5);
    WriteExportFile(dir + "/generated-60.png",
                    RenderPng(BuildScene(generated, ComputeLayout(generated), sv), 1.0));
    std::ofstream(dir + "/generated-3000.dot") << ToDot(GeneratedFamily(3000, 1));
}
