// DeserializeCase (what LoadCase runs on an authenticated plaintext) on
// arbitrary text: a case or VaultError::Damaged, never a crash, a hang, an
// allocation far beyond the input or another exception (CaseFile.h). A case it
// accepts must save and load again to the same case, or a save could write a
// file that never opens again. Seeds: SerializeCase of rich cases
// (make_fuzz_seeds).
#include "FuzzSupport.h"

#include "kartbok/vault/CaseFile.h"
#include "kartbok/vault/Vault.h"

#include <cstddef>
#include <cstdint>
#include <string>

using kartbok::fuzz::Expect;
using kartbok::fuzz::ExpectOnlyVaultErrors;
using kartbok::fuzz::ExpectSuccess;
namespace vault = kartbok::vault;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    return kartbok::fuzz::InitializeTarget(argc, argv);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto c = ExpectOnlyVaultErrors([&] { return vault::DeserializeCase(text, "fuzz"); },
                                         "DeserializeCase");
    if (!c)
        return 0;
    const std::string again = vault::SerializeCase(*c);
    const auto reloaded =
        ExpectSuccess([&] { return vault::DeserializeCase(again, "fuzz (saved again)"); },
                      "a case DeserializeCase accepted does not load again after SerializeCase");
    Expect(reloaded == *c, "a case changed between save and load");
    return 0;
}
