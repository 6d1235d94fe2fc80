// Template parsing (a clinic's own YAML templates, `templates check`) on
// arbitrary text: a template, or a list of problems with their places, never
// a crash, a hang or an exception (TemplateLoader.h documents none: a broken
// clinic template must never stop the app). A template it accepts must be
// usable: every `replaces` mapping leads to an item of this version.
// Seeds: templates/*.yaml and tests/data/templates/**.
#include "FuzzSupport.h"

#include "kartbok/journal/Template.h"
#include "kartbok/journal/TemplateLoader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

using kartbok::fuzz::Expect;
namespace kj = kartbok::journal;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    return kartbok::fuzz::InitializeTarget(argc, argv);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view yaml(reinterpret_cast<const char*>(data), size);
    const kj::TemplateLoadResult r =
        kartbok::fuzz::ExpectSuccess([&] { return kj::ParseTemplate(yaml, "fuzz.yaml"); },
                                     "ParseTemplate threw (it reports problems instead)");
    Expect(r.value.has_value() == r.problems.empty(),
           "a template was returned with problems, or none without");
    for (const auto& p : r.problems) {
        Expect(p.line >= 0 && p.column >= 0 && !p.message.empty(),
               "a problem without a place or a message");
        (void)p.ToString();
    }
    if (!r.value)
        return 0;
    const kj::Template& t = *r.value;
    Expect(!t.id.empty() && t.version >= 1, "an accepted template has no id or version");
    for (const auto* item : t.Items())
        Expect(t.FindItem(item->id) == item, "FindItem does not find an item of the template");
    for (const auto& [version, map] : t.replaces) {
        std::vector<kj::TopicEntry> entries;
        std::vector<kj::FormAnswer> answers;
        for (const auto& [from, to] : map) {
            Expect(kj::MapItemId(t, version, from).has_value(),
                   "an accepted replaces mapping leads nowhere");
            entries.push_back({from, kj::TopicState::Partly, "n", {"s"}, {1}});
            answers.push_back({from, "v"});
        }
        const auto topics = kj::MapAnswers(t, t.id, version, entries);
        Expect(topics.unmapped.empty(), "MapAnswers left an accepted mapping unmapped");
        (void)kj::MapAnswers(t, t.id, version, answers);
        kj::ChecklistRun run{t.id, version, entries};
        (void)kj::UpgradeRun(t, run);
    }
    return 0;
}
