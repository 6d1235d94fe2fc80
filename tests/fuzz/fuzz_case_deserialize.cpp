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
using kartbok::fuzz::Finding;
using kartbok::vault::VaultError;
namespace vault = kartbok::vault;

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
    const std::string text(reinterpret_cast<const char*>(data), size);
    kartbok::journal::Case c;
    try {
        c = vault::DeserializeCase(text, "fuzz");
    } catch (const VaultError& e) {
        Expect(e.GetKind() == VaultError::Kind::Damaged, "DeserializeCase threw a non-Damaged VaultError");
        return 0;
    }
    const std::string again = vault::SerializeCase(c);
    kartbok::journal::Case reloaded;
    try {
        reloaded = vault::DeserializeCase(again, "fuzz (saved again)");
    } catch (const VaultError&) {
        Finding("a case DeserializeCase accepted does not load again after SerializeCase");
    }
    Expect(reloaded == c, "a case changed between save and load");
    return 0;
}
