// A deterministic, fictional GEDCOM for benchmarks and tests (docs/design.md, "Speed":
// "layout + scene of a 3 000-person GEDCOM"). Real client files never go into
// the repository, so big inputs are made here, in memory.

#include "GedcomInternal.h"
#include "SplitMix.h"

#include <deque>

namespace kartbok::genogram {

namespace {

using Random = detail::SplitMix;

const char* const kMen[] = {"Karl",   "Erik", "Johan", "Lars",   "Anders", "Per", "Nils", "Olof",
                            "Gustav", "Sven", "Björn", "Mikael", "Jörgen", "Åke", "Leif"};
const char* const kWomen[] = {"Anna", "Maria", "Eva",   "Karin",    "Kristina", "Elin",  "Ingrid",
                              "Åsa",  "Märta", "Sofia", "Birgitta", "Lena",     "Signe", "Greta"};
const char* const kSurnames[] = {
    "Lindström", "Öberg", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
    "Berg",      "Holm",  "Sjöberg",   "Ek",        "Lund",     "Strand",  "Åberg",    "Dahl"};
const char* const kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                               "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

struct GenPerson {
    bool man = false;
    int birth = 0;
    int surname = 0;
    int famc = -1;
    std::vector<int> fams;
};

struct GenFamily {
    int husband = -1;
    int wife = -1;
    int married = 0;
    bool divorced = false;
    std::vector<int> children;
};

} // namespace

std::string GenerateGedcom(int people, std::uint32_t seed, GedcomStyle style) {
    if (style == GedcomStyle::Royal)
        return GenerateRoyalGedcom(people, seed);
    Random rnd(seed);
    std::vector<GenPerson> persons;
    std::vector<GenFamily> families;
    std::deque<int> unmarried;
    const int target = std::max(people, 1);
    auto add = [&](bool man, int birth, int surname) {
        persons.push_back({man, birth, surname, -1, {}});
        return static_cast<int>(persons.size()) - 1;
    };
    auto marry = [&](int p) {
        const bool man = persons[p].man;
        int spouse = add(!man, persons[p].birth - 4 + rnd.Below(9), rnd.Below(16));
        GenFamily f;
        f.husband = man ? p : spouse;
        f.wife = man ? spouse : p;
        f.married = std::max(persons[p].birth, persons[spouse].birth) + 20 + rnd.Below(10);
        f.divorced = rnd.Below(10) == 0;
        int fam = static_cast<int>(families.size());
        int kids = rnd.Below(5);
        for (int k = 0; k < kids && static_cast<int>(persons.size()) < target; ++k) {
            int c = add(rnd.Below(2) == 0, f.married + 1 + 2 * k + rnd.Below(2),
                        persons[f.husband].surname);
            persons[c].famc = fam;
            f.children.push_back(c);
            unmarried.push_back(c);
        }
        persons[p].fams.push_back(fam);
        persons[spouse].fams.push_back(fam);
        families.push_back(std::move(f));
    };
    while (static_cast<int>(persons.size()) < target) {
        if (unmarried.empty()) {
            int founder = add(rnd.Below(2) == 0, 1800 + rnd.Below(40), rnd.Below(16));
            marry(founder);
            continue;
        }
        int p = unmarried.front();
        unmarried.pop_front();
        if (rnd.Below(10) < 2)
            continue; // stays single
        marry(p);
        if (rnd.Below(10) == 0 && static_cast<int>(persons.size()) < target) {
            families[static_cast<std::size_t>(persons[p].fams.front())].divorced = true;
            marry(p); // a second union: half-siblings
        }
    }

    std::string out;
    out.reserve(static_cast<std::size_t>(target) * 140);
    out += "0 HEAD\n1 SOUR KARTBOK\n2 NAME Kartbok test generator\n1 GEDC\n2 VERS 5.5.1\n"
           "2 FORM LINEAGE-LINKED\n1 CHAR UTF-8\n";
    auto date = [&](int year) {
        switch (rnd.Below(4)) {
        case 0:
            return std::to_string(1 + rnd.Below(28)) + " " + kMonths[rnd.Below(12)] + " " +
                   std::to_string(year);
        case 1:
            return "ABT " + std::to_string(year);
        default:
            return std::to_string(year);
        }
    };
    for (std::size_t i = 0; i < persons.size(); ++i) {
        const GenPerson& p = persons[i];
        out += "0 @I" + std::to_string(i + 1) + "@ INDI\n";
        out += std::string("1 NAME ") + (p.man ? kMen[rnd.Below(15)] : kWomen[rnd.Below(14)]) +
               " /" + kSurnames[p.surname] + "/\n";
        out += p.man ? "1 SEX M\n" : "1 SEX F\n";
        out += "1 BIRT\n2 DATE " + date(p.birth) + "\n";
        if (p.birth < 1940)
            out += "1 DEAT\n2 DATE " + std::to_string(p.birth + 55 + rnd.Below(40)) + "\n";
        if (p.famc >= 0)
            out += "1 FAMC @F" + std::to_string(p.famc + 1) + "@\n";
        for (int f : p.fams)
            out += "1 FAMS @F" + std::to_string(f + 1) + "@\n";
    }
    for (std::size_t i = 0; i < families.size(); ++i) {
        const GenFamily& f = families[i];
        out += "0 @F" + std::to_string(i + 1) + "@ FAM\n";
        out += "1 HUSB @I" + std::to_string(f.husband + 1) + "@\n";
        out += "1 WIFE @I" + std::to_string(f.wife + 1) + "@\n";
        out += "1 MARR\n2 DATE " + std::to_string(f.married) + "\n";
        if (f.divorced)
            out += "1 DIV\n2 DATE " + std::to_string(f.married + 5 + rnd.Below(15)) + "\n";
        for (int c : f.children)
            out += "1 CHIL @I" + std::to_string(c + 1) + "@\n";
    }
    out += "0 TRLR\n";
    return out;
}

} // namespace kartbok::genogram
