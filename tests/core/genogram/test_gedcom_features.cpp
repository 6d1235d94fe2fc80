// GEDCOM import of what the family map draws beyond the basics
// (tests/data/gedcom/features.ged): twins, an adopted child with both
// families, a couple married twice, every couple event, causes of death,
// bounded dates, cousins who marry.

#include "kartbok/genogram/Gedcom.h"
#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/UnionEvents.h"
#include "kartbok/genogram/Validate.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace kartbok::genogram;

namespace {

GedcomResult Features() {
    std::ifstream in(std::string(KARTBOK_TEST_DATA) + "/gedcom/features.ged", std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return ImportGedcom(s.str());
}

PersonId X(const GedcomResult& r, const std::string& xref) {
    return r.xrefToPerson.at(xref);
}

const Union& Couple(const GedcomResult& r, const std::string& a, const std::string& b) {
    UnionId u = UnionBetween(r.family, X(r, a), X(r, b));
    REQUIRE(u != kNoId);
    return *r.family.FindUnion(u);
}

} // namespace

TEST_CASE("ASSO ... RELA identical twin makes identical twins", "[gedcom][twins]") {
    GedcomResult r = Features();
    const ChildLink* per = r.family.ChildLinkOf(X(r, "@I7@"));
    const ChildLink* pal = r.family.ChildLinkOf(X(r, "@I8@"));
    REQUIRE(per);
    REQUIRE(pal);
    CHECK(per->twinGroup != kNoId);
    CHECK(per->twinGroup == pal->twinGroup);
    CHECK(per->twinKind == TwinKind::Identical);
    CHECK(pal->twinKind == TwinKind::Identical);
    CHECK(r.family.ChildLinkOf(X(r, "@I9@"))->twinGroup == kNoId);
}

TEST_CASE("siblings born the same day are offered as twins, not made twins", "[gedcom][twins]") {
    GedcomResult r = Features();
    REQUIRE(r.possibleTwins.size() == 1);
    auto group = r.possibleTwins.front();
    std::sort(group.begin(), group.end());
    std::vector<PersonId> expected{X(r, "@I13@"), X(r, "@I14@")};
    std::sort(expected.begin(), expected.end());
    CHECK(group == expected);
    CHECK(r.family.ChildLinkOf(X(r, "@I13@"))->twinGroup == kNoId);
    CHECK(std::any_of(r.warnings.begin(), r.warnings.end(), [](const std::string& w) {
        return w.find("@I13@") != std::string::npos && w.find("twins") != std::string::npos;
    }));
}

TEST_CASE("an adopted child keeps its birth family and its adoptive family", "[gedcom][adoption]") {
    GedcomResult r = Features();
    PersonId jonas = X(r, "@I15@");
    auto links = r.family.ChildLinksOf(jonas);
    REQUIRE(links.size() == 2);
    const ChildLink* primary = r.family.ChildLinkOf(jonas);
    CHECK(primary->kind == ChildKind::Adopted);
    CHECK(ParentsOf(r.family, jonas) == std::vector<PersonId>{X(r, "@I7@"), X(r, "@I10@")});
    bool birth = std::any_of(links.begin(), links.end(), [&](const ChildLink* l) {
        return l->kind == ChildKind::Biological &&
               l->parents == UnionBetween(r.family, X(r, "@I17@"), X(r, "@I16@"));
    });
    CHECK(birth);
    // The adoptive mother is not left floating: she is a parent of the child.
    CHECK(IsAncestorOf(r.family, X(r, "@I10@"), jonas));
    CHECK(IsAncestorOf(r.family, X(r, "@I16@"), jonas));
    CHECK(IsStructurallySound(r.family));
}

TEST_CASE("a couple married twice in two FAM records is one union with both histories",
          "[gedcom][couples]") {
    GedcomResult r = Features();
    int unions = 0;
    for (const Union& u : r.family.unions)
        unions += std::minmax(u.partnerA, u.partnerB) == std::minmax(X(r, "@I7@"), X(r, "@I10@"));
    CHECK(unions == 1);
    const Union& u = Couple(r, "@I7@", "@I10@");
    using K = UnionEventKind;
    CHECK(u.events ==
          std::vector<UnionEvent>{{K::Married, 1964}, {K::Divorced, 1968}, {K::Married, 1972}});
    CHECK(StateOf(u) == CoupleState::Married);
    // Children of both records hang from the one union: twins' sisters and Mats.
    auto kids = r.family.ChildrenOf(u.id);
    CHECK(std::count(kids.begin(), kids.end(), X(r, "@I13@")) == 1);
    CHECK(std::count(kids.begin(), kids.end(), X(r, "@I18@")) == 1);
}

TEST_CASE("MARR, DIV, MARR in one record are all kept; a divorce without a date counts",
          "[gedcom][couples]") {
    GedcomResult r = Features();
    using K = UnionEventKind;
    const Union& olof = Couple(r, "@I6@", "@I4@");
    CHECK(olof.events ==
          std::vector<UnionEvent>{{K::Married, 1939}, {K::Divorced, 1950}, {K::Married, 1955}});
    CHECK(EventProblems(olof).empty());
    const Union& nils = Couple(r, "@I3@", "@I5@");
    CHECK(nils.events == std::vector<UnionEvent>{{K::Married, 1935}, {K::Divorced, 0}});
    CHECK(nils.Divorced());
}

TEST_CASE("causes of death and bounded dates are read as such", "[gedcom][dates]") {
    GedcomResult r = Features();
    const Person& hedvig = *r.family.FindPerson(X(r, "@I2@"));
    CHECK(hedvig.birth == FuzzyDate::Before(1885));
    CHECK(hedvig.death == FuzzyDate::After(1950));
    CHECK(hedvig.causeOfDeath == "Lunginflammation");
    CHECK(r.family.FindPerson(X(r, "@I3@"))->causeOfDeath == "Cancer");
}

TEST_CASE("cousins who marry are a consanguineous couple; others are not", "[gedcom][couples]") {
    GedcomResult r = Features();
    CHECK(Couple(r, "@I7@", "@I10@").consanguineous);
    CHECK_FALSE(Couple(r, "@I3@", "@I5@").consanguineous);
    CHECK_FALSE(Couple(r, "@I6@", "@I4@").consanguineous);
}

TEST_CASE("CHIL lines youngest first still give birth order", "[gedcom][order]") {
    GedcomResult r = Features();
    auto kids = r.family.ChildrenOf(r.family.ChildLinkOf(X(r, "@I9@"))->parents);
    REQUIRE(kids.size() == 3);
    CHECK(kids[0] == X(r, "@I9@")); // Ann 1937, then the twins of 1940
    auto nilsAndStina = r.family.ChildrenOf(r.family.ChildLinkOf(X(r, "@I3@"))->parents);
    CHECK(nilsAndStina == std::vector<PersonId>{X(r, "@I3@"), X(r, "@I4@")});
}
