// Case JSON import (`case import`, `genogram render --json`): any bytes give a
// case, a family or a JsonError, never a crash, a hang or another exception.
// Seeds: demo case pieces and an every-field case as `case show --json` prints
// them (make_fuzz_seeds); known crash: regressions/fuzz_case_json/.
#include "CaseJson.h"
#include "FuzzSupport.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
#ifdef KARTBOK_FUZZ_DICT
    kartbok::fuzz::UseDefaultDictionary(argc, argv, KARTBOK_FUZZ_DICT);
#else
    (void)argc;
    (void)argv;
#endif
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    try {
        nlohmann::json j = kartbok::cli::ParseJson(text, "fuzz");
        try {
            auto c = kartbok::cli::CaseFromJson(j);
            // What imports must export and import again to the same case.
            auto again = kartbok::cli::CaseFromJson(kartbok::cli::CaseToJson(c));
            if (!(again == c))
                __builtin_trap();
        } catch (const kartbok::cli::JsonError&) {
        }
        try {
            (void)kartbok::cli::FamilyFromJson(j);
        } catch (const kartbok::cli::JsonError&) {
        }
    } catch (const kartbok::cli::JsonError&) {
    }
    return 0;
}
