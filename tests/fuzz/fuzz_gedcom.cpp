// GEDCOM import (`genogram import-gedcom`, `genogram render --gedcom`) on
// arbitrary bytes: a structurally sound family with bounded warnings, or
// GedcomError, never a crash, a hang or another exception (Gedcom.h).
// Seeds: tests/data/gedcom/*.ged.
#include "FuzzSupport.h"

#include "kartbok/genogram/Gedcom.h"
#include "kartbok/genogram/Validate.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using kartbok::fuzz::Expect;
using kartbok::fuzz::ExpectOnly;
namespace g = kartbok::genogram;

namespace {

void Import(std::string_view bytes, const g::GedcomOptions& options) {
    const auto result =
        ExpectOnly<g::GedcomError>([&] { return g::ImportGedcom(bytes, options); }, "ImportGedcom");
    if (!result)
        return;
    const g::GedcomResult& r = *result;
    Expect(g::IsStructurallySound(r.family),
           "ImportGedcom returned a family with structural errors");
    Expect(r.warnings.size() <= g::kGedcomMaxWarnings + 1,
           "ImportGedcom returned more warnings than its limit");
    for (const auto& [xref, id] : r.xrefToPerson)
        Expect(r.family.FindPerson(id) != nullptr,
               "xrefToPerson names a person who is not in the family");
    int indexPeople = 0;
    for (const auto& p : r.family.people)
        indexPeople += p.isIndex ? 1 : 0;
    Expect(indexPeople <= 1, "ImportGedcom marked more than one index person");
    if (options.indexXref.empty())
        Expect(indexPeople == 0, "ImportGedcom set an index person nobody asked for");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    return kartbok::fuzz::InitializeTarget(argc, argv);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    Import(bytes, {});
    Import(bytes, {"@I1@"});
    (void)kartbok::fuzz::ExpectSuccess([&] { return g::AnselToUtf8(bytes); }, "AnselToUtf8 threw");
    return 0;
}
