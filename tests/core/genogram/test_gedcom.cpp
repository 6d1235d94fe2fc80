// GEDCOM import of the fixtures in tests/data/gedcom (made by make_fixtures.py):
// one family in every encoding and line ending, and the damaged files.

#include "kartbok/genogram/Gedcom.h"
#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Validate.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

using namespace kartbok::genogram;

namespace {

std::string ReadFixture(const std::string& name) {
    std::ifstream in(std::string(KARTBOK_TEST_DATA) + "/gedcom/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

GedcomResult ImportFixture(const std::string& name, const GedcomOptions& options = {}) {
    return ImportGedcom(ReadFixture(name), options);
}

bool HasWarning(const GedcomResult& r, const std::string& text) {
    return std::any_of(r.warnings.begin(), r.warnings.end(),
                       [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

const Person& ByXref(const GedcomResult& r, const std::string& xref) {
    auto it = r.xrefToPerson.find(xref);
    REQUIRE(it != r.xrefToPerson.end());
    return *r.family.FindPerson(it->second);
}

/// Names, sexes, years and parents of the fixture family, whatever the encoding.
void CheckFixtureFamily(const GedcomResult& r) {
    INFO("encoding " << r.encoding);
    REQUIRE(r.family.people.size() == 11);
    REQUIRE(r.family.unions.size() == 5);
    REQUIRE(r.family.children.size() == 5);
    const Person& karl = ByXref(r, "@I1@");
    CHECK(karl.givenNames == "Karl");
    CHECK(karl.surname == "Lindström");
    CHECK(karl.gender == Gender::Man);
    CHECK(karl.birth == FuzzyDate::Full(1920, 2, 3));
    CHECK(karl.deceased);
    CHECK(karl.death == FuzzyDate::About(1985));
    CHECK(karl.occupation == "Sjöman");
    CHECK(karl.place == "Göteborg");
    CHECK(karl.note.find("Född i Bjørnø, Łódź-släkt") != std::string::npos);
    const Person& asa = ByXref(r, "@I2@");
    CHECK(asa.DisplayName() == "Åsa Lindström");
    CHECK(asa.birth == FuzzyDate::Full(1924, 3, 12));
    CHECK(ByXref(r, "@I4@").DisplayName() == "Märta Öberg");
    CHECK(ByXref(r, "@I4@").birth == FuzzyDate::About(1927));
    CHECK(ByXref(r, "@I8@").DisplayName() == "Jörgen Lindström");
    CHECK(ByXref(r, "@I9@").DisplayName() == "René Müller");
    CHECK(ByXref(r, "@I10@").DisplayName() == "José Núñez");
    const Person& kim = ByXref(r, "@I11@");
    CHECK(kim.gender == Gender::Unknown);
    CHECK(kim.birth == FuzzyDate::Year(2010));

    const Person& johan = ByXref(r, "@I5@");
    const Person& eva = ByXref(r, "@I6@");
    const Person& anna = ByXref(r, "@I7@");
    const Person& jorgen = ByXref(r, "@I8@");
    CHECK(FatherOf(r.family, johan.id) == karl.id);
    CHECK(MotherOf(r.family, johan.id) == asa.id);
    CHECK(FatherOf(r.family, anna.id) == johan.id);
    CHECK(MotherOf(r.family, anna.id) == eva.id);
    CHECK(SiblingsOf(r.family, anna.id) == std::vector<PersonId>{jorgen.id});
    CHECK(r.family.ChildLinkOf(jorgen.id)->kind == ChildKind::Adopted);
    CHECK(r.family.ChildLinkOf(anna.id)->kind == ChildKind::Biological);
    CHECK(ParentsOf(r.family, kim.id) == std::vector<PersonId>{ByXref(r, "@I10@").id, anna.id});
    CHECK(PartnersOf(r.family, eva.id) == std::vector<PersonId>{johan.id, ByXref(r, "@I9@").id});

    const Union* parents = r.family.FindUnion(UnionBetween(r.family, johan.id, eva.id));
    REQUIRE(parents);
    CHECK(parents->kind == UnionKind::Marriage);
    CHECK(parents->events == std::vector<UnionEvent>{{UnionEventKind::Married, 1976},
                                                     {UnionEventKind::Divorced, 1985}});
    CHECK(parents->Divorced());
    CHECK(IsStructurallySound(r.family));
}

} // namespace

TEST_CASE("the fixture family imports the same from every encoding and line ending", "[gedcom]") {
    const GedcomResult reference = ImportFixture("family_lf.ged");
    CheckFixtureFamily(reference);
    CHECK(reference.warnings.empty());
    CHECK(reference.version == "5.5.1");
    const std::pair<const char*, const char*> variants[] = {
        {"family_crlf.ged", "UTF-8"},       {"family_cr.ged", "UTF-8"},
        {"family_mixed.ged", "UTF-8"},      {"family_utf8_bom.ged", "UTF-8"},
        {"family_utf16le.ged", "UTF-16LE"}, {"family_utf16be.ged", "UTF-16BE"},
        {"family_ansel.ged", "ANSEL"},
    };
    for (auto [file, encoding] : variants) {
        INFO(file);
        GedcomResult r = ImportFixture(file);
        CHECK(r.encoding == encoding);
        CHECK(r.warnings.empty());
        CHECK(r.family == reference.family);
        CHECK(r.xrefToPerson == reference.xrefToPerson);
    }
}

TEST_CASE("ANSEL letters come out as precomposed Unicode", "[gedcom]") {
    GedcomResult r = ImportFixture("family_ansel.ged");
    CHECK(ByXref(r, "@I1@").surname == "Lindstr\xC3\xB6m"); // ö, one code point
    CHECK(ByXref(r, "@I2@").givenNames == "\xC3\x85sa");    // Å
    CHECK(ByXref(r, "@I10@").surname == "N\xC3\xBA\xC3\xB1"
                                        "ez"); // ú ñ
    CheckFixtureFamily(r);
}

TEST_CASE("a GEDCOM 7.0 file gives the same family", "[gedcom]") {
    GedcomResult r = ImportFixture("family_70.ged");
    CHECK(r.version == "7.0");
    CheckFixtureFamily(r);
    CHECK(r.warnings.empty()); // @VOID@ is not a dangling pointer
    CHECK(ByXref(r, "@I1@").note == "Född i Bjørnø, Łódź-släkt"); // shared note by pointer
}

TEST_CASE("damaged lines are reported by line number and skipped", "[gedcom]") {
    GedcomResult r = ImportFixture("messy.ged");
    CHECK(HasWarning(r, "line 16: no level number"));
    CHECK(HasWarning(r, "line 20: level 3 follows level 1"));
    CHECK(HasWarning(r, "line 24: family @F99@ is not in the file"));
    CHECK(HasWarning(r, "line 32: binary data"));
    CHECK(HasWarning(r, "line 33: binary data"));
    CHECK(HasWarning(r, "line 38: person @I404@ is not in the file"));
    CHECK(HasWarning(r, "line 40: _CUSTOMREC records are not imported"));
    for (const std::string& w : r.warnings) { // no names from the file in any warning
        CHECK(w.find("Berg") == std::string::npos);
        CHECK(w.find("Nils") == std::string::npos);
    }

    REQUIRE(r.family.people.size() == 3);
    const Person& nils = ByXref(r, "@I1@");
    CHECK(nils.note.find("GEDCOM: _MILT Swedish army 1960") != std::string::npos);
    CHECK(nils.note.find("This is a long note that continues here\nand has a second line") !=
          std::string::npos);
    CHECK(nils.note.find("GEDCOM: FAM._STAT Married in church") != std::string::npos);
    const Person& greta = ByXref(r, "@I2@");
    CHECK(greta.birth == FuzzyDate::About(1942));
    const Person& lars = ByXref(r, "@I3@");
    CHECK(lars.note == "GEDCOM: BIRT._HOSP Sahlgrenska");
    CHECK(lars.occupation.empty());
    CHECK(ParentsOf(r.family, lars.id) == std::vector<PersonId>{nils.id, greta.id});
    CHECK(IsStructurallySound(r.family));
}

TEST_CASE("a cycle is broken by dropping one link, with a warning", "[gedcom]") {
    GedcomResult r = ImportFixture("cycle.ged");
    CHECK(r.family.children.size() == 1);
    CHECK(std::count_if(r.warnings.begin(), r.warnings.end(), [](const std::string& w) {
              return w.find("would make someone their own ancestor") != std::string::npos;
          }) == 1);
    CHECK((HasWarning(r, "line 26:") || HasWarning(r, "line 30:")));
    CHECK(IsStructurallySound(r.family));
}

TEST_CASE("forty partners import in time order", "[gedcom]") {
    GedcomResult r = ImportFixture("forty_partners.ged");
    const Person& many = ByXref(r, "@I1@");
    auto partners = PartnersOf(r.family, many.id);
    REQUIRE(partners.size() == 40);
    for (int i = 0; i < 40; ++i)
        CHECK(partners[static_cast<std::size_t>(i)] ==
              ByXref(r, "@I" + std::to_string(i + 2) + "@").id);
    CHECK(ChildrenOfPerson(r.family, many.id).size() == 40);
    CHECK(r.warnings.empty());
    CHECK(IsStructurallySound(r.family));
}

TEST_CASE("a child with birth and foster parents keeps both families", "[gedcom]") {
    GedcomResult r = ImportFixture("two_families.ged");
    const Person& child = ByXref(r, "@I5@");
    // Stands with the foster family it grew up in; the birth family stays linked.
    CHECK(ParentsOf(r.family, child.id) ==
          std::vector<PersonId>{ByXref(r, "@I3@").id, ByXref(r, "@I4@").id});
    auto links = r.family.ChildLinksOf(child.id);
    REQUIRE(links.size() == 2);
    CHECK(links[0]->kind == ChildKind::Biological);
    CHECK(links[1]->kind == ChildKind::Foster);
    CHECK(r.warnings.empty());
    CHECK(IsStructurallySound(r.family));
}

TEST_CASE("the index person is chosen by xref, with or without @", "[gedcom]") {
    GedcomOptions options;
    options.indexXref = "I7";
    GedcomResult r = ImportFixture("family_lf.ged", options);
    CHECK(r.family.IndexPerson() == ByXref(r, "@I7@").id);
    CHECK(GenerationOf(r.family, ByXref(r, "@I1@").id) == -2);
    CHECK(ImportFixture("family_lf.ged").family.IndexPerson() == std::nullopt);
    options.indexXref = "@I99@";
    CHECK(HasWarning(ImportFixture("family_lf.ged", options), "@I99@ is not a person"));
}

TEST_CASE("3 000 generated people import quickly and validate", "[gedcom]") {
    const std::string bytes = GenerateGedcom(3000, 42);
    CHECK(bytes == GenerateGedcom(3000, 42)); // deterministic
    CHECK(bytes != GenerateGedcom(3000, 43));
    auto start = std::chrono::steady_clock::now();
    GedcomResult r = ImportGedcom(bytes);
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 0.5);
    CHECK(r.family.people.size() >= 2990);
    CHECK(r.family.people.size() <= 3001);
    CHECK(r.warnings.empty());
    CHECK(r.family.children.size() > 1000);
    auto problems = Validate(r.family);
    CHECK(IsStructurallySound(r.family));
    for (const Problem& p : problems)
        CHECK((p.severity == Problem::Severity::Warning &&
               p.message == "No one is marked as the client (index person)."));
}
