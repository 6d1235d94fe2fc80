// Vault::SearchCases: every note of every case, decrypted in memory case by
// case, one audit entry per search, and a bad case file never stops the rest.

#include "VaultTestSupport.h"

#include "kartbok/journal/Search.h"

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

namespace {

/// Three cases created out of code order, saved once (generation 2); A-1 is archived.
struct ThreeCases {
    TempDir tmp;
    fs::path dir = tmp / "vault";
    std::string a, b, c;
    ThreeCases() {
        Vault v = NewVault(tmp);
        c = v.CreateCase("C-3").id;
        a = v.CreateCase("A-1").id;
        b = v.CreateCase("B-2").id;
        journal::Case archived = RichCase(a, "A-1", 1);
        archived.status = journal::CaseStatus::Archived;
        v.SaveCase(archived);
        v.SaveCase(RichCase(b, "B-2", 2));
        v.SaveCase(RichCase(c, "C-3", 3));
    }
    fs::path File(const std::string& id) const { return dir / (id + ".kbc"); }
    Vault Open() const { return Vault::Open(dir, kPassword); }
};

std::vector<AuditEntry> EntriesAfter(const std::vector<AuditEntry>& all, std::size_t before) {
    return {all.begin() + static_cast<std::ptrdiff_t>(before), all.end()};
}

} // namespace

TEST_CASE("a vault search finds hits in every case, archived too, in client-list order",
          "[vault][search]") {
    ThreeCases t;
    Vault v = t.Open();
    const VaultSearchResult r = v.SearchCases("PAPPANS drickande");
    CHECK(r.problems.empty());
    CHECK(r.casesSearched == 3);

    // By code, then each case's own order: exactly what SearchCase gives per case.
    std::vector<VaultSearchHit> expected;
    for (const auto& [id, code] : {std::pair{t.a, "A-1"}, {t.b, "B-2"}, {t.c, "C-3"}})
        for (auto& hit : journal::SearchCase(v.LoadCase(id), "PAPPANS drickande"))
            expected.push_back({id, code, std::move(hit)});
    REQUIRE(r.hits.size() == expected.size());
    CHECK(r.hits.size() == 1 + 2 + 3); // one observations field per session
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("hit " << i);
        CHECK(r.hits[i].caseId == expected[i].caseId);
        CHECK(r.hits[i].code == expected[i].code);
        CHECK(r.hits[i].hit.place == expected[i].hit.place);
        CHECK(r.hits[i].hit.sessionId == expected[i].hit.sessionId);
        CHECK(r.hits[i].hit.date == expected[i].hit.date);
        CHECK(r.hits[i].hit.fieldId == expected[i].hit.fieldId);
        CHECK(r.hits[i].hit.snippet == expected[i].hit.snippet);
        CHECK(r.hits[i].hit.matches == expected[i].hit.matches);
    }
    CHECK(r.hits.front().code == "A-1");
    CHECK(r.hits.back().code == "C-3");

    CHECK(v.SearchCases("ingenting sådant").hits.empty());
}

TEST_CASE("a vault search is audited once, without the query and without opens",
          "[vault][search]") {
    ThreeCases t;
    Vault v = t.Open();
    const std::size_t before = v.ReadAudit().size();
    const VaultSearchResult r = v.SearchCases("pappans");
    const auto added = EntriesAfter(v.ReadAudit(), before);
    REQUIRE(added.size() == 1);
    CHECK(added[0].action == AuditAction::Search);
    CHECK(added[0].caseId.empty());
    CHECK(added[0].user == "anna");
    // Written before anything is decrypted: the number of cases, never the query.
    CHECK(added[0].detail == "3 cases");
    CHECK(added[0].detail.find("pappans") == std::string::npos);

    // A blank query finds nothing, so nothing is read and nothing is audited.
    const VaultSearchResult blank = v.SearchCases("  \n");
    CHECK(blank.hits.empty());
    CHECK(blank.casesSearched == 0);
    CHECK(v.ReadAudit().size() == before + 1);
}

TEST_CASE("a damaged or swapped case is reported and the other cases are still searched",
          "[vault][search]") {
    ThreeCases t;
    Bytes flipped = ReadFile(t.File(t.a));
    flipped[flipped.size() / 2] ^= 0x10;
    WriteFile(t.File(t.a), flipped);
    fs::copy_file(t.File(t.b), t.File(t.c), fs::copy_options::overwrite_existing);

    Vault v = t.Open();
    const VaultSearchResult r = v.SearchCases("pappans");
    CHECK(r.casesSearched == 1);
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0] == "A-1: " + t.a + ".kbc: damaged (authentication failed at chunk 1)");
    CHECK(r.problems[1] ==
          "C-3: " + t.c + ".kbc: holds case " + t.b + " (another case's file was copied over it)");
    for (const auto& p : r.problems)
        CheckCleanMessage(p);
    REQUIRE(r.hits.size() == 2);
    for (const auto& h : r.hits)
        CHECK(h.code == "B-2");

    const auto audit = v.ReadAudit();
    CHECK(audit.back().action == AuditAction::Search);
    CHECK(audit.back().detail == "3 cases");
}

TEST_CASE("a case file missing from the folder is a problem, not a failed search",
          "[vault][search]") {
    ThreeCases t;
    fs::remove(t.File(t.b));
    Vault v = t.Open();
    const VaultSearchResult r = v.SearchCases("pappans");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].rfind("B-2: " + t.b + ".kbc: missing", 0) == 0);
    CHECK(r.casesSearched == 2);
    CHECK(r.hits.size() == 1 + 3);
}

TEST_CASE("a locked vault refuses to search", "[vault][search]") {
    ThreeCases t;
    Vault v = t.Open();
    v.Lock();
    ExpectVaultError(VaultError::Kind::Usage, [&] { v.SearchCases("pappans"); });
}
