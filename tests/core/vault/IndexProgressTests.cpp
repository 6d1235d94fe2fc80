// Checklist progress in the index (index.kbx version 2): the client list shows
// "9 of 14 covered" without opening a case, so the index keeps each checklist
// run's item ids by state - ids only, never notes.

#include "VaultTestSupport.h"

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;
using journal::TopicState;

namespace {

journal::TopicEntry Topic(const std::string& itemId, TopicState state,
                          const std::string& note = {}) {
    return {itemId, state, note, {}, {}};
}

/// index.kbx bytes 8-9: the format version.
int IndexVersion(const fs::path& vaultDir) {
    const Bytes b = ReadFile(vaultDir / "index.kbx");
    REQUIRE(b.size() > 10);
    return b[8] | (b[9] << 8);
}

} // namespace

TEST_CASE("the index keeps each checklist run's covered, partly and not-yet item ids", "[vault]") {
    TempDir tmp;
    journal::Case c;
    {
        Vault v = NewVault(tmp);
        c = v.CreateCase(kCode);
        c.checklists.push_back(
            {"deep-interview",
             1,
             {Topic("family-map-three-generations", TopicState::Covered, kNoteText),
              Topic("childhood-school", TopicState::Partly),
              Topic("vulnerability", TopicState::NotYet, "only a note so far"),
              Topic("puberty", TopicState::Covered)}});
        c.checklists.push_back(
            {"relatives-support", 2, {Topic("loss-of-control", TopicState::Partly)}});
        v.SaveCase(c);
    }
    CHECK(IndexVersion(tmp / "vault") == 3);

    // Read back from disk by a fresh unlock: the index round-trips.
    const auto list = Vault::Open(tmp / "vault", kPassword).ListCases();
    REQUIRE(list.size() == 1);
    REQUIRE(list[0].checklists.size() == 2);
    const ChecklistSummary& deep = list[0].checklists[0];
    CHECK(deep.templateId == "deep-interview");
    CHECK(deep.templateVersion == 1);
    CHECK(deep.coveredItemIds ==
          std::vector<std::string>{"family-map-three-generations", "puberty"});
    CHECK(deep.partlyItemIds == std::vector<std::string>{"childhood-school"});
    CHECK(deep.notYetItemIds == std::vector<std::string>{"vulnerability"});
    CHECK(list[0].checklists[1] ==
          ChecklistSummary{"relatives-support", 2, {}, {"loss-of-control"}, {}});
    CHECK(list[0].code == kCode); // the rest of the entry is unchanged
    CHECK(list[0].generation == 2);
}

TEST_CASE("a case without a checklist has no progress in the index, and a run fills it in",
          "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    journal::Case c = v.CreateCase(kCode);
    CHECK(v.ListCases()[0].checklists.empty());

    c.checklists.push_back({"deep-interview", 1, {}}); // started, nothing ticked yet
    v.SaveCase(c);
    CHECK(v.ListCases()[0].checklists ==
          std::vector<ChecklistSummary>{{"deep-interview", 1, {}, {}, {}}});

    c.checklists[0].entries.push_back(Topic("childhood", TopicState::Covered));
    v.SaveCase(c);
    CHECK(v.ListCases()[0].checklists[0].coveredItemIds == std::vector<std::string>{"childhood"});
    CHECK(v.Verify().ok);
}

TEST_CASE("an item id too long for the index is left out of the progress, not the index",
          "[vault]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    journal::Case c = v.CreateCase(kCode);
    const std::string huge(300, 'x'); // ids are short kebab-case; the reader allows 256 bytes
    c.checklists.push_back(
        {"deep-interview",
         1,
         {Topic(huge, TopicState::Covered), Topic("childhood", TopicState::Covered)}});
    v.SaveCase(c);
    const auto list = Vault::Open(tmp / "vault", kPassword).ListCases();
    REQUIRE(list.size() == 1);
    REQUIRE(list[0].checklists.size() == 1);
    CHECK(list[0].checklists[0].coveredItemIds == std::vector<std::string>{"childhood"});
    CHECK(v.LoadCase(c.id).checklists[0].entries.size() == 2); // the case itself keeps both
}
