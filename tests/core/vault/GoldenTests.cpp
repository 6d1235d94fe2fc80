// Golden fixtures: a vault written by format version 1 must open forever
// (DESIGN.md §5). tests/data/vault/v1/ was made once by the hidden generator
// below; never regenerate it for a new format: add tests/data/vault/v2/ instead.

#include "VaultTestSupport.h"

#include <cstdlib>

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

namespace {

const fs::path kFixture = fs::path(KARTBOK_TEST_DATA) / "vault" / "v1";
const char* kGoldenPassword = "golden-v1";

/// The content of the v1 fixture. Do not change: the fixture on disk holds it.
journal::Case GoldenV1Case(const std::string& id) {
    using namespace genogram;
    journal::Case c;
    c.id = id;
    c.code = "GOLD-001";
    c.status = journal::CaseStatus::Assessment;
    c.firstContact = {2026, 1, 12};
    c.start = {2026, 2, 2};
    c.followUpMonths = 6;
    Person client{1, Gender::Man, PersonKind::Person, "Klient", "", FuzzyDate::Year(1980), {},
                  false, true, false, "", "", "", kConditionProblemBehaviour, 0};
    Person mother{2, Gender::Woman, PersonKind::Person, "Mor", "", FuzzyDate::About(1955), {},
                  false, false, false, "", "", "", kConditionNone, 0};
    Person father{3, Gender::Man, PersonKind::Person, "Far", "", FuzzyDate::Full(1952, 3, 4),
                  FuzzyDate::Year(2015), true, false, false, "", "", "", kConditionSubstance, 0};
    c.family.people = {client, mother, father};
    c.family.unions = {{4, 3, 2, UnionKind::Marriage, {{UnionEventKind::Divorced, 1990}}, 0}};
    c.family.children = {{1, 4, kNoId, ChildKind::Biological, 1, kNoId, TwinKind::None}};
    c.family.relations = {{5, 1, 3, RelationKind::Distant, false, ""}};
    c.family.nextId = 6;
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
    c.sessions = {s};
    return c;
}

} // namespace

TEST_CASE("generate the v1 golden vault fixture", "[.generate]") {
    // A golden fixture is history: rewriting it would hide a format change.
    // Only an explicit request regenerates it (a [vault] filter must not).
    const char* request = std::getenv("KARTBOK_REGENERATE_GOLDEN");
    if (request == nullptr || std::string(request) != "v1") {
        WARN("set KARTBOK_REGENERATE_GOLDEN=v1 to rewrite tests/data/vault/v1");
        return;
    }
    std::error_code ec;
    fs::remove_all(kFixture, ec);
    std::string id;
    {
        Vault v = Vault::Create(kFixture, "golden", kGoldenPassword, KdfLimits::Minimum());
        id = v.CreateCase("GOLD-001").id;
        v.SaveCase(GoldenV1Case(id));
    }
    for (const auto& f : fs::directory_iterator(kFixture))
        if (f.path().extension() == ".bak")
            fs::remove(f.path());
    CHECK(Vault::Open(kFixture, kGoldenPassword).Verify().ok);
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
    v.SaveCase(c);
    CHECK(Vault::Open(dir, kGoldenPassword).LoadCase(id).status == journal::CaseStatus::Ongoing);
    ExpectVaultError(VaultError::Kind::WrongPassword, [&] { Vault::Open(dir, "golden-v2"); });
}
