// The GEDCOM importer on hostile and odd input: it must report, skip, and
// stay bounded, never crash or hang (tests/fuzz will push further).

#include "kartbok/genogram/Gedcom.h"
#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Validate.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace kartbok::genogram;

namespace {

const std::string kHead = "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n";

bool HasWarning(const GedcomResult& r, const std::string& text) {
    return std::any_of(r.warnings.begin(), r.warnings.end(),
                       [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

FuzzyDate BirthOf(const std::string& date) {
    GedcomResult r = ImportGedcom(kHead + "0 @I1@ INDI\n1 BIRT\n2 DATE " + date + "\n0 TRLR\n");
    return r.family.people.at(0).birth;
}

} // namespace

TEST_CASE("ANSEL to UTF-8: specials, marks after the letter, composition", "[gedcom]") {
    CHECK(AnselToUtf8("Lindstr\xE8om") == "Lindstr\xC3\xB6m"); // ö
    CHECK(AnselToUtf8("\xEA"
                      "Asa") == "\xC3\x85sa"); // Å
    CHECK(AnselToUtf8("Jos\xE2"
                      "e") == "Jos\xC3\xA9"); // é
    CHECK(AnselToUtf8("\xE8u\xE4n\xF0"
                      "c") == "\xC3\xBC\xC3\xB1\xC3\xA7"); // ü ñ ç
    CHECK(AnselToUtf8("\xA1\xB2\xA5\xCF\xC3") == "\xC5\x81\xC3\xB8\xC3\x86\xC3\x9F\xC2\xA9");
    // Two marks: circumflex then acute compose step by step (ấ U+1EA5).
    CHECK(AnselToUtf8("\xE3\xE2"
                      "a") == "\xE1\xBA\xA5");
    // No precomposed letter: the mark follows the base as a combining character.
    CHECK(AnselToUtf8("\xE8q") == "q\xCC\x88");
    // A mark before a line end stays alone; unknown bytes become U+FFFD.
    CHECK(AnselToUtf8("x\xE8\n") == "x\xCC\x88\n");
    CHECK(AnselToUtf8("\x80") == "\xEF\xBF\xBD");
    CHECK(AnselToUtf8(std::string(1000, '\xE8')).size() <= 8 * 2); // marks are capped
}

TEST_CASE("dates: exact, partial, approximate, ranges, 7.0 and nonsense", "[gedcom]") {
    CHECK(BirthOf("12 MAR 1950") == FuzzyDate::Full(1950, 3, 12));
    CHECK(BirthOf("12 mar 1950") == FuzzyDate::Full(1950, 3, 12));
    CHECK(BirthOf("1950") == FuzzyDate::Year(1950));
    CHECK(BirthOf("MAR 1950") == FuzzyDate::Year(1950));
    CHECK(BirthOf("ABT 1950") == FuzzyDate::About(1950));
    CHECK(BirthOf("EST 1950") == FuzzyDate::About(1950));
    CHECK(BirthOf("CAL 1950") == FuzzyDate::About(1950));
    CHECK(BirthOf("BEF 1950") == FuzzyDate::Before(1950));
    CHECK(BirthOf("AFT 12 MAR 1950") == FuzzyDate::After(1950));
    CHECK(BirthOf("BET 1948 AND 1952") == FuzzyDate::About(1950));
    CHECK(BirthOf("FROM 1948 TO 1952") == FuzzyDate::About(1948));
    CHECK(BirthOf("INT 1950 (about then)") == FuzzyDate::About(1950));
    CHECK(BirthOf("@#DJULIAN@ 1700") == FuzzyDate::Year(1700));
    CHECK(BirthOf("GREGORIAN 1 JAN 1950") == FuzzyDate::Full(1950, 1, 1));
    CHECK(BirthOf("1750/51") == FuzzyDate::Year(1750));
    CHECK_FALSE(BirthOf("HEBREW 5710").Known());
    CHECK_FALSE(BirthOf("(unknown)").Known());
    CHECK_FALSE(BirthOf("44 BCE").Known());
    CHECK(BirthOf("1950-03-12") == FuzzyDate::About(1950)); // not GEDCOM: the year is kept
    GedcomResult r = ImportGedcom(kHead + "0 @I1@ INDI\n1 BIRT\n2 DATE sometime\n0 TRLR\n");
    CHECK(HasWarning(r, "line 7: date not understood"));
}

TEST_CASE("not a GEDCOM file: empty, binary, no HEAD", "[gedcom]") {
    CHECK_THROWS_AS(ImportGedcom(""), GedcomError);
    CHECK_THROWS_WITH(ImportGedcom("  \r\n\n"), Catch::Matchers::Contains("empty"));
    std::string binary;
    for (int i = 0; i < 4096; ++i)
        binary += static_cast<char>((i * 7919) & 0xFF);
    CHECK_THROWS_WITH(ImportGedcom(binary), Catch::Matchers::Contains("not a GEDCOM file"));
    CHECK_THROWS_WITH(ImportGedcom("Dear diary,\nnothing here.\n"),
                      Catch::Matchers::Contains("no HEAD record"));
    // Records without a HEAD are still read, with a warning.
    GedcomResult r = ImportGedcom("0 @I1@ INDI\n1 SEX F\n0 TRLR\n");
    CHECK(r.family.people.size() == 1);
    CHECK(HasWarning(r, "no HEAD record"));
}

TEST_CASE("overlong lines, deep nesting and cut-short files are bounded", "[gedcom]") {
    std::string longLine = "1 NOTE " + std::string(kGedcomMaxLineBytes + 10, 'x') + "\n";
    GedcomResult r =
        ImportGedcom(kHead + "0 @I1@ INDI\n" + longLine + "2 CONT more\n1 SEX M\n0 TRLR\n");
    CHECK(HasWarning(r, "line 6: the line is too long"));
    CHECK_FALSE(HasWarning(r, "line 7"));               // its subordinate goes silently
    CHECK(r.family.people.at(0).gender == Gender::Man); // and the next line is read

    std::string deep = kHead + "0 @I1@ INDI\n";
    for (int level = 1; level < 200; ++level)
        deep += std::to_string(level) + " _X deep\n";
    deep += "0 TRLR\n";
    r = ImportGedcom(deep);
    CHECK(HasWarning(r, "nested deeper than"));
    CHECK(r.family.people.size() == 1);

    r = ImportGedcom(kHead + "0 @I1@ INDI\n1 NAME Cut /Short/\n1 BIRT\n2 DA");
    CHECK(HasWarning(r, "no TRLR record"));
    CHECK(r.family.people.size() == 1);
}

TEST_CASE("UTF-16 without BOM, mislabelled UTF-8 and Windows-1252 are read", "[gedcom]") {
    std::string le;
    for (unsigned char c : std::string("0 HEAD\n1 CHAR UNICODE\n0 @I1@ INDI\n1 NAME ")) {
        le += static_cast<char>(c);
        le += '\0';
    }
    le += std::string("\xC5\x00s\x00"
                      "a\x00 \x00/\x00/\x00\n\x00",
                      14);
    for (unsigned char c : std::string("0 TRLR\n")) {
        le += static_cast<char>(c);
        le += '\0';
    }
    GedcomResult r = ImportGedcom(le);
    CHECK(r.encoding == "UTF-16LE");
    CHECK(r.family.people.at(0).givenNames == "\xC3\x85sa");

    r = ImportGedcom("0 HEAD\n1 CHAR ANSEL\n0 @I1@ INDI\n1 NAME \xC3\x85sa\n0 TRLR\n");
    CHECK(r.family.people.at(0).givenNames == "\xC3\x85sa");
    CHECK(HasWarning(r, "line 2: the file says ANSEL but is UTF-8"));

    r = ImportGedcom("0 HEAD\n1 CHAR ANSI\n0 @I1@ INDI\n1 NAME \xC5sa \x80\n0 TRLR\n");
    CHECK(r.encoding == "Windows-1252");
    CHECK(r.family.people.at(0).givenNames == "\xC3\x85sa \xE2\x82\xAC");
    CHECK(r.warnings.empty());

    r = ImportGedcom("0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME \xC5sa\n0 TRLR\n");
    CHECK(r.family.people.at(0).givenNames == "\xC3\x85sa");
    CHECK(HasWarning(r, "not valid UTF-8; read as Windows-1252"));
}

TEST_CASE("pointers: dangling, void, to the wrong kind of record, duplicates", "[gedcom]") {
    GedcomResult r =
        ImportGedcom(kHead + "0 @I1@ INDI\n1 FAMS @F1@\n1 NOTE @N9@\n"
                             "0 @I2@ INDI\n"
                             "0 @I2@ INDI\n"                             // line 9
                             "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I1@\n"    // line 12: same person
                             "1 CHIL @F1@\n"                             // line 13: not a person
                             "1 CHIL @VOID@\n1 CHIL @I2@\n1 CHIL @I2@\n" // line 16: twice
                             "0 TRLR\n");
    CHECK(HasWarning(r, "line 7: note @N9@ is not in the file"));
    CHECK(HasWarning(r, "line 9: a second person record @I2@"));
    CHECK(HasWarning(r, "line 10: the same person is both partners"));
    CHECK(HasWarning(r, "line 13: person @F1@ is not in the file"));
    CHECK(HasWarning(r, "line 16: the same child is listed twice"));
    REQUIRE(r.family.people.size() == 2);
    CHECK(r.family.unions.empty());
    CHECK(r.family.ChildLinkOf(r.xrefToPerson.at("@I2@"))->singleParent ==
          r.xrefToPerson.at("@I1@"));
    CHECK(IsStructurallySound(r.family));
}

TEST_CASE("random bytes and mangled files never crash and always give a sound family", "[gedcom]") {
    std::mt19937 rnd(7);
    const std::string good = GenerateGedcom(60, 1);
    for (int round = 0; round < 300; ++round) {
        std::string bytes = good;
        int edits = 1 + static_cast<int>(rnd() % 40);
        for (int e = 0; e < edits; ++e) {
            std::size_t at = rnd() % bytes.size();
            switch (rnd() % 4) {
            case 0:
                bytes[at] = static_cast<char>(rnd());
                break;
            case 1:
                bytes.erase(at, rnd() % 20);
                break;
            case 2:
                bytes.insert(at, std::string(1 + rnd() % 5, "0123@ \r\n"[rnd() % 8]));
                break;
            default:
                bytes.insert(at, bytes.substr(rnd() % bytes.size(), rnd() % 80));
            }
            if (bytes.empty())
                bytes = "0";
        }
        try {
            GedcomResult r = ImportGedcom(bytes);
            REQUIRE(IsStructurallySound(r.family));
            REQUIRE(r.warnings.size() <= kGedcomMaxWarnings + 1);
        } catch (const GedcomError&) {
            // acceptable: reported as not a GEDCOM file
        }
    }
}

TEST_CASE("person and family details: DEAT Y, SEX X, names, places, engagement", "[gedcom]") {
    GedcomResult r =
        ImportGedcom(kHead + "0 @I1@ INDI\n1 NAME Karl Gustav /von Berg/ Jr.\n2 NICK Kalle\n"
                             "1 SEX X\n1 DEAT Y\n1 CHR\n2 DATE 4 MAY 1901\n"
                             "1 OCCU Smed\n1 OCCU Bonde\n1 RESI\n2 PLAC Kiruna\n"
                             "0 @I2@ INDI\n1 NAME Eva //\n2 GIVN Eva Maria\n2 SURN Ek\n1 SEX F\n"
                             "1 BIRT\n2 DATE 1905\n2 PLAC Luleå\n"
                             "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 ENGA\n2 DATE 1925\n"
                             "0 TRLR\n");
    CHECK(r.warnings.empty());
    const Person& karl = *r.family.FindPerson(r.xrefToPerson.at("@I1@"));
    CHECK(karl.givenNames == "Karl Gustav");
    CHECK(karl.surname == "von Berg Jr.");
    CHECK(karl.gender == Gender::Other);
    CHECK(karl.deceased);
    CHECK_FALSE(karl.death.Known());
    CHECK(karl.birth == FuzzyDate::About(1901)); // from the christening
    CHECK(karl.occupation == "Smed; Bonde");
    CHECK(karl.place == "Kiruna");
    CHECK(karl.note.find("GEDCOM: NAME.NICK Kalle") != std::string::npos);
    CHECK(karl.note.find("GEDCOM: CHR 4 MAY 1901") == std::string::npos); // CHR is read, not noted
    const Person& eva = *r.family.FindPerson(r.xrefToPerson.at("@I2@"));
    CHECK(eva.DisplayName() == "Eva Maria Ek");
    CHECK(eva.place == "Luleå");
    REQUIRE(r.family.unions.size() == 1);
    CHECK(r.family.unions[0].kind == UnionKind::Engagement);
    CHECK(r.family.unions[0].events == std::vector<UnionEvent>{{UnionEventKind::Engaged, 1925}});
}

TEST_CASE("GEDCOM warnings never echo pointers or tags made of names", "[gedcom]") {
    // Warnings reach stderr; a file whose pointers are names must not leak them.
    GedcomResult r =
        ImportGedcom(kHead + "0 @I1@ INDI\n1 NAME Gustav /Lindqvist/\n1 FAMC @Lindqvist@\n"
                             "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @Gustav@\n1 CHIL @I9@\n"
                             "0 Karin\n0 TRLR\n");
    std::string all;
    for (const auto& w : r.warnings)
        all += w + "\n";
    CHECK(all.find("Gustav") == std::string::npos);
    CHECK(all.find("Lindqvist") == std::string::npos);
    CHECK(all.find("Karin") == std::string::npos);
    CHECK(all.find("(pointer)") != std::string::npos);
    CHECK(all.find("@I9@") != std::string::npos); // machine ids stay, so the line is easy to find
}
