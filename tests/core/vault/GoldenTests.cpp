// Golden fixtures: a vault written by any format version must open forever
// (docs/design.md, "Files and security"). tests/data/vault/vN/ was made once by the hidden
// generator below, when vN was the newest format; never regenerate an old one: add
// tests/data/vault/vN+1/ for a new format instead.
//   v1: index.kbx version 1 (no checklist progress); case files version 1.
//   v2: index.kbx version 2 (checklist progress per case); case files version 1.
//   v3: vault.key version 2 (key-pair slots, MAC), index.kbx version 3 (anchored
//       to the audit head), audit.kbl version 2 (framed records); case files version 1.

#include "VaultTestSupport.h"

#include "kartbok/genogram/FamilyBuilder.h"

#include <cstdlib>

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

namespace {

const fs::path kFixture = fs::path(KARTBOK_TEST_DATA) / "vault" / "v1";
const char* kGoldenPassword = "golden-v1";
const fs::path kFixtureV2 = fs::path(KARTBOK_TEST_DATA) / "vault" / "v2";
const char* kGoldenPasswordV2 = "golden-v2";
const fs::path kFixtureV3 = fs::path(KARTBOK_TEST_DATA) / "vault" / "v3";
const char* kGoldenPasswordV3 = "golden-v3-vault";

/// Bytes 8-9 of a vault file: its format version.
int FileVersion(const fs::path& file) {
    const Bytes b = ReadFile(file);
    REQUIRE(b.size() > 10);
    return b[8] | (b[9] << 8);
}

/// index.kbx bytes 8-9: the format version of the index.
int IndexVersion(const fs::path& vaultDir) {
    const Bytes b = ReadFile(vaultDir / "index.kbx");
    REQUIRE(b.size() > 10);
    return b[8] | (b[9] << 8);
}

/// The v1 fixture's family: the client, his mother and his late father,
/// divorced; the client distant from his father.
genogram::Family GoldenV1Family() {
    using namespace genogram;
    FamilyBuilder b;
    const PersonId client = b.Man("Klient", FuzzyDate::Year(1980));
    b.P(client).isIndex = true;
    b.P(client).conditions = kConditionProblemBehaviour;
    const PersonId mother = b.Woman("Mor", FuzzyDate::About(1955));
    const PersonId father = b.Man("Far", FuzzyDate::Full(1952, 3, 4));
    b.Died(father, FuzzyDate::Year(2015));
    b.P(father).conditions = kConditionSubstance;
    const UnionId parents = b.Couple(father, mother, {{UnionEventKind::Divorced, 1990}});
    b.Child(parents, client, 1);
    b.Relate(client, father, RelationKind::Distant);
    return b.family;
}

/// The v1 fixture's one session, signed.
journal::Session GoldenV1Session() {
    journal::Session s;
    s.id = "00000000-0000-4000-8000-000000000001";
    s.start = 1770025200; // 2026-02-02 09:40 UTC
    s.minutes = 60;
    s.type = journal::SessionType::Individual;
    s.templateId = "kast-first-visit";
    s.templateVersion = 1;
    s.fields = {{"reason", "Golden fixture note"}, {"plan", "Deep interview next time"}};
    s.themes = {"family"};
    s.author = "golden";
    s.created = 1770029000;
    s.isSigned = true;
    s.signedBy = "golden";
    s.signedAt = 1770029100;
    return s;
}

/// The content of the v1 fixture. Do not change: the fixture on disk holds it.
journal::Case GoldenV1Case(const std::string& id) {
    journal::Case c;
    c.id = id;
    c.code = "GOLD-001";
    c.status = journal::CaseStatus::Assessment;
    c.firstContact = {2026, 1, 12};
    c.start = {2026, 2, 2};
    c.followUpMonths = 6;
    c.family = GoldenV1Family();
    c.sessions = {GoldenV1Session()};
    return c;
}

/// The content of the v2 fixture: a deep interview under way (covered, partly,
/// and a topic with only a note). Do not change: the fixture on disk holds it.
journal::Case GoldenV2Case(const std::string& id) {
    using journal::TopicState;
    journal::Case c = GoldenV1Case(id);
    c.code = "GOLD-002";
    c.status = journal::CaseStatus::Ongoing;
    c.sessions[0].id = "00000000-0000-4000-8000-000000000002";
    c.checklists = {{"deep-interview",
                     1,
                     {{"family-map-three-generations",
                       TopicState::Covered,
                       "Three generations",
                       {c.sessions[0].id},
                       {1, 2, 3}},
                      {"childhood", TopicState::Covered, "", {c.sessions[0].id}, {1}},
                      {"childhood-school", TopicState::Partly, "Alone at school", {}, {1}},
                      {"vulnerability", TopicState::NotYet, "Ask about the divorce", {}, {3}}}}};
    return c;
}

/// The content of the v3 fixture: the v2 case with an addendum on its signed note.
journal::Case GoldenV3Case(const std::string& id) {
    journal::Case c = GoldenV2Case(id);
    c.code = "GOLD-003";
    c.sessions[0].id = "00000000-0000-4000-8000-000000000003";
    for (auto& run : c.checklists)
        for (auto& e : run.entries)
            for (auto& sid : e.sessionIds)
                sid = c.sessions[0].id;
    c.sessions[0].addenda = {{"golden", 1770115500, "Golden addendum", "a later detail", ""}};
    return c;
}

const ChecklistSummary kGoldenV2Progress{"deep-interview",
                                         1,
                                         {"family-map-three-generations", "childhood"},
                                         {"childhood-school"},
                                         {"vulnerability"}};

/// Writes a fixture vault holding one case, without .bak files.
void GenerateFixture(const fs::path& dir, const char* password, const std::string& code,
                     journal::Case (*content)(const std::string&)) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    {
        Vault v = Vault::Create(dir, "golden", password, KdfLimits::Minimum());
        const std::string id = v.CreateCase(code).id;
        v.SaveCase(content(id));
    }
    for (const auto& f : fs::directory_iterator(dir))
        if (f.path().extension() == ".bak")
            fs::remove(f.path());
    CHECK(Vault::Open(dir, password).Verify().ok);
}

/// A golden fixture is history: rewriting it would hide a format change.
/// Only an explicit request regenerates it (a [vault] filter must not).
bool Requested(const std::string& version) {
    const char* request = std::getenv("KARTBOK_REGENERATE_GOLDEN");
    return request != nullptr && request == version;
}

} // namespace

TEST_CASE("generate the golden vault fixtures", "[.generate]") {
    if (Requested("v1")) {
        // Today's code writes index version 2: a "v1" made now would not be one.
        FAIL("tests/data/vault/v1 can no longer be generated (index.kbx is version 2 now)");
    } else if (Requested("v2")) {
        FAIL("tests/data/vault/v2 can no longer be generated (index.kbx is version 3 now)");
    } else if (Requested("v3")) {
        GenerateFixture(kFixtureV3, kGoldenPasswordV3, "GOLD-003", GoldenV3Case);
        CHECK(IndexVersion(kFixtureV3) == 3);
    } else {
        WARN("set KARTBOK_REGENERATE_GOLDEN=v3 to rewrite tests/data/vault/v3");
    }
}

TEST_CASE("the v1 golden vault still opens and reads", "[vault]") {
    REQUIRE(fs::exists(kFixture / "vault.key"));
    TempDir tmp;
    const fs::path dir = tmp / "v1";
    fs::copy(kFixture, dir, fs::copy_options::recursive); // never touch the fixture itself
    Vault v = Vault::Open(dir, kGoldenPassword);
    CHECK(v.User() == "golden");
    CHECK(v.Users() == std::vector<std::string>{"golden"});
    const auto list = v.ListCases();
    REQUIRE(list.size() == 1);
    CHECK(list[0].code == "GOLD-001");
    CHECK(list[0].sessions == 1);
    CHECK(list[0].generation == 2);
    CHECK(list[0].status == journal::CaseStatus::Assessment);
    CHECK(list[0].lastEntry == journal::Date{2026, 2, 2});
    CHECK(IndexVersion(dir) == 1);
    CHECK(list[0].checklists.empty()); // version 1 kept no progress: the list shows a dash
    const std::string id = v.FindCaseIdByCode("GOLD-001");
    CHECK(id == list[0].id);
    CHECK(v.LoadCase(id) == GoldenV1Case(id));
    const auto log = v.ReadAudit();
    REQUIRE(log.size() >= 4);
    CHECK(log[0].action == AuditAction::SlotAdded);
    CHECK(log[1].action == AuditAction::Create);
    CHECK(log[2].action == AuditAction::Save);
    CHECK(v.Verify().ok);
    // And it stays writable by today's code.
    journal::Case c = v.LoadCase(id);
    c.status = journal::CaseStatus::Ongoing;
    c.checklists = {
        {"deep-interview", 1, {{"childhood", journal::TopicState::Covered, "", {}, {}}}}};
    v.SaveCase(c);
    CHECK(Vault::Open(dir, kGoldenPassword).LoadCase(id).status == journal::CaseStatus::Ongoing);
    // The save upgraded the vault: index version 3 with this case's progress,
    // vault.key version 2, the audit log version 2 keeping the old records.
    CHECK(IndexVersion(dir) == 3);
    CHECK(FileVersion(dir / "vault.key") == 2);
    CHECK(FileVersion(dir / "audit.kbl") == 2);
    const auto upgraded = Vault::Open(dir, kGoldenPassword).ReadAudit();
    REQUIRE(upgraded.size() > log.size());
    CHECK(upgraded[1].action == AuditAction::Create);
    CHECK(v.Verify().ok);
    CHECK(v.ListCases()[0].checklists ==
          std::vector<ChecklistSummary>{{"deep-interview", 1, {"childhood"}, {}, {}}});
    ExpectVaultError(VaultError::Kind::WrongPassword, [&] { Vault::Open(dir, "golden-v2"); });
}

TEST_CASE("the v2 golden vault still opens, reads and lists deep-interview progress", "[vault]") {
    REQUIRE(fs::exists(kFixtureV2 / "vault.key"));
    TempDir tmp;
    const fs::path dir = tmp / "v2";
    fs::copy(kFixtureV2, dir, fs::copy_options::recursive); // never touch the fixture itself
    CHECK(IndexVersion(dir) == 2);
    Vault v = Vault::Open(dir, kGoldenPasswordV2);
    CHECK(v.User() == "golden");
    const auto list = v.ListCases();
    REQUIRE(list.size() == 1);
    CHECK(list[0].code == "GOLD-002");
    CHECK(list[0].status == journal::CaseStatus::Ongoing);
    CHECK(list[0].sessions == 1);
    CHECK(list[0].generation == 2);
    CHECK(list[0].lastEntry == journal::Date{2026, 2, 2});
    REQUIRE(list[0].checklists.size() == 1);
    CHECK(list[0].checklists[0] == kGoldenV2Progress);
    const std::string id = v.FindCaseIdByCode("GOLD-002");
    CHECK(v.LoadCase(id) == GoldenV2Case(id));
    CHECK(v.Verify().ok);
    // Still writable; the progress follows the case.
    journal::Case c = v.LoadCase(id);
    c.checklists[0].entries[2].state = journal::TopicState::Covered;
    v.SaveCase(c);
    const auto after = Vault::Open(dir, kGoldenPasswordV2).ListCases();
    CHECK(
        after[0].checklists[0].coveredItemIds ==
        std::vector<std::string>{"family-map-three-generations", "childhood", "childhood-school"});
    CHECK(after[0].checklists[0].partlyItemIds.empty());
    CHECK(IndexVersion(dir) == 3);
    CHECK(Vault::Open(dir, kGoldenPasswordV2).Verify().ok);
    // The signed note of the old vault is as immutable as a new one.
    journal::Case again = Vault::Open(dir, kGoldenPasswordV2).LoadCase(id);
    Vault w = Vault::Open(dir, kGoldenPasswordV2);
    again = w.LoadCase(id);
    again.sessions[0].fields[0].text = "rewritten";
    ExpectVaultError(VaultError::Kind::Usage, [&] { w.SaveCase(again); });
}

TEST_CASE("the v3 golden vault opens, verifies and reads", "[vault]") {
    if (!fs::exists(kFixtureV3 / "vault.key")) {
        WARN("tests/data/vault/v3 is missing: KARTBOK_REGENERATE_GOLDEN=v3 makes it once");
        return;
    }
    TempDir tmp;
    const fs::path dir = tmp / "v3";
    fs::copy(kFixtureV3, dir, fs::copy_options::recursive); // never touch the fixture itself
    CHECK(IndexVersion(dir) == 3);
    CHECK(FileVersion(dir / "vault.key") == 2);
    CHECK(FileVersion(dir / "audit.kbl") == 2);
    Vault v = Vault::Open(dir, kGoldenPasswordV3);
    CHECK(v.IntegrityProblems().empty());
    CHECK(v.Verify().ok);
    const std::string id = v.FindCaseIdByCode("GOLD-003");
    CHECK(v.LoadCase(id) == GoldenV3Case(id));
    const auto log = v.ReadAudit();
    REQUIRE(log.size() >= 3);
    CHECK(log[1].action == AuditAction::Create);
    CHECK(log[2].action == AuditAction::Save);
    CHECK(log[2].caseGeneration == 2);
    CHECK(log[2].indexGeneration == 3);
}
