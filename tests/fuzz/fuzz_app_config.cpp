// Two small parsers of text Kartbok did not write itself: the app's
// preferences file as kartbok-cli reads it for the language
// (cli::LanguageFromAppConfig; a wxFileConfig file anyone may have edited),
// and the names of files in an export folder (vault::IsExportTempName, which
// decides what RemoveStaleExportTemps may delete). Neither may throw; the
// language is nothing, "", "sv" or "en"; a name taken for a temporary file is
// one plain file name in the documented pattern, never a path. Seeds: the
// file the app writes, hand-written variants, and temporary file names
// (tests/fuzz/seeds/fuzz_app_config).
#include "FuzzSupport.h"

#include "Language.h"

#include "kartbok/vault/Export.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using kartbok::fuzz::Expect;
using kartbok::fuzz::ExpectSuccess;

namespace {

bool OnlyNameCharacters(std::string_view name) {
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.'))
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    kartbok::fuzz::InitializeTarget(argc, argv);
    Expect(kartbok::vault::IsExportTempName(kartbok::vault::NewExportTempName()),
           "a name NewExportTempName made is not taken for an export temporary");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto language = ExpectSuccess([&] { return kartbok::cli::LanguageFromAppConfig(text); },
                                        "LanguageFromAppConfig threw");
    Expect(!language || *language == "" || *language == "sv" || *language == "en",
           "LanguageFromAppConfig gave a language the app does not have");

    const bool temp = ExpectSuccess([&] { return kartbok::vault::IsExportTempName(text); },
                                    "IsExportTempName threw");
    if (temp) {
        Expect(text.starts_with("kartbok-export_") && text.ends_with(".tmp"),
               "IsExportTempName took a name outside the pattern");
        Expect(OnlyNameCharacters(text) && text.find("..") == std::string_view::npos,
               "IsExportTempName took a name that is not one plain file name");
    }
    return 0;
}
