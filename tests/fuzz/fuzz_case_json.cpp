// Case JSON import (`case import`, `genogram render --json`): any bytes give a
// case, a family or a JsonError, never a crash, a hang or another exception.
#include "CaseJson.h"

#include <cstddef>
#include <cstdint>
#include <string>

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
