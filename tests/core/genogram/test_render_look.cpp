// Hidden: renders the look-set to /tmp/kartbok-renders/ to look at, in
// Swedish and English, identified and de-identified.
// Run with: tests_core "[.render]"

#include "LookFamilies.h"

#include "kartbok/genogram/CairoWriter.h"
#include "kartbok/genogram/Gedcom.h"
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

TEST_CASE("render the look-set for a look", "[.render]") {
    const std::string dir = "/tmp/kartbok-renders";
    std::filesystem::create_directories(dir);
    auto families = testing::LookFamilies();
    families.push_back({"rich", RichSampleFamily()});
    for (const auto& [name, family] : families) {
        Layout layout = ComputeLayout(family);
        for (const char* lang : {"sv", "en"})
            for (bool deid : {false, true}) {
                SceneOptions o;
                o.currentYear = 2025;
                o.language = lang;
                o.deidentify = deid;
                Scene scene = BuildScene(family, layout, o);
                std::string file = dir + "/" + name + "-" + lang + (deid ? "-deid" : "");
                WriteExportFile(file + ".png", RenderPng(scene, 2.0));
                if (std::string(lang) == "sv" && !deid) {
                    std::ofstream(file + ".svg") << WriteSvg(scene);
                    WriteExportFile(file + ".pdf", RenderPdf(scene));
                }
            }
    }
    Family generated = GeneratedFamily(60, 5);
    SceneOptions sv;
    sv.currentYear = 2025;
    WriteExportFile(dir + "/generated-60.png",
                    RenderPng(BuildScene(generated, ComputeLayout(generated), sv), 1.0));
    std::ofstream(dir + "/generated-3000.dot") << ToDot(GeneratedFamily(3000, 1));
}

TEST_CASE("render the GEDCOM test files for a look", "[.render]") {
    const std::string dir = "/tmp/kartbok-renders";
    std::filesystem::create_directories(dir);
    for (const char* name :
         {"forty_partners", "family_lf", "family_70", "messy", "two_families", "features"}) {
        std::ifstream in(std::string(KARTBOK_TEST_DATA) + "/gedcom/" + name + ".ged",
                         std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        Family f = ImportGedcom(bytes).family;
        SceneOptions o;
        o.currentYear = 2025;
        WriteExportFile(dir + "/ged-" + name + ".png",
                        RenderPng(BuildScene(f, ComputeLayout(f), o), 1.5));
    }
}
