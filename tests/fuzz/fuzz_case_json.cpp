// Case JSON import (`case import`, `genogram render --json`): any bytes give a
// case, a family or a JsonError, never a crash, a hang or another exception.
// Seeds: demo case pieces and an every-field case as `case show --json` prints
// them (make_fuzz_seeds); known crash: regressions/fuzz_case_json/.
#include "CaseJson.h"
#include "FuzzSupport.h"

#include <cstddef>
#include <cstdint>
#include <string>

using kartbok::cli::JsonError;
using kartbok::fuzz::Expect;
using kartbok::fuzz::ExpectOnly;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    return kartbok::fuzz::InitializeTarget(argc, argv);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto j =
        ExpectOnly<JsonError>([&] { return kartbok::cli::ParseJson(text, "fuzz"); }, "ParseJson");
    if (!j)
        return 0;
    // What imports must export and import again to the same case. (A JsonError
    // on the way back counts as a refused import, as it always has here.)
    (void)ExpectOnly<JsonError>(
        [&] {
            const auto c = kartbok::cli::CaseFromJson(*j);
            const auto again = kartbok::cli::CaseFromJson(kartbok::cli::CaseToJson(c));
            Expect(again == c, "a case changed between JSON export and import");
        },
        "CaseFromJson");
    (void)ExpectOnly<JsonError>([&] { return kartbok::cli::FamilyFromJson(*j); }, "FamilyFromJson");
    return 0;
}
