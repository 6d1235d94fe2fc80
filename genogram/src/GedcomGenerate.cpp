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

/// A plain tree: founders, each child married (or not) in turn, some
/// divorces and second unions. Every choice comes from one SplitMix stream,
/// so the order of the calls below is part of the output.
class PlainTree {
public:
    PlainTree(int target, std::uint32_t seed) : m_target(std::max(target, 1)), m_rnd(seed) {}

    std::string Make() {
        Grow();
        std::string out;
        out.reserve(static_cast<std::size_t>(m_target) * 140);
        out += "0 HEAD\n1 SOUR KARTBOK\n2 NAME Kartbok test generator\n1 GEDC\n2 VERS 5.5.1\n"
               "2 FORM LINEAGE-LINKED\n1 CHAR UTF-8\n";
        for (std::size_t i = 0; i < m_persons.size(); ++i)
            WritePerson(i, out);
        for (std::size_t i = 0; i < m_families.size(); ++i)
            WriteFamily(i, out);
        out += "0 TRLR\n";
        return out;
    }

private:
    bool Full() const { return static_cast<int>(m_persons.size()) >= m_target; }

    int Add(bool man, int birth, int surname) {
        m_persons.push_back({man, birth, surname, -1, {}});
        return static_cast<int>(m_persons.size()) - 1;
    }

    /// Takes the unmarried people in turn (founding a new line when there are
    /// none) until the tree has its size.
    void Grow() {
        while (!Full()) {
            if (m_unmarried.empty()) {
                int founder = Add(m_rnd.Below(2) == 0, 1800 + m_rnd.Below(40), m_rnd.Below(16));
                Marry(founder);
                continue;
            }
            int p = m_unmarried.front();
            m_unmarried.pop_front();
            if (m_rnd.Below(10) < 2)
                continue; // stays single
            Marry(p);
            if (m_rnd.Below(10) == 0 && !Full()) {
                m_families[static_cast<std::size_t>(m_persons[p].fams.front())].divorced = true;
                Marry(p); // a second union: half-siblings
            }
        }
    }

    /// A spouse from outside the tree and up to four children.
    void Marry(int p) {
        const bool man = m_persons[p].man;
        int spouse = Add(!man, m_persons[p].birth - 4 + m_rnd.Below(9), m_rnd.Below(16));
        GenFamily f;
        f.husband = man ? p : spouse;
        f.wife = man ? spouse : p;
        f.married = std::max(m_persons[p].birth, m_persons[spouse].birth) + 20 + m_rnd.Below(10);
        f.divorced = m_rnd.Below(10) == 0;
        int fam = static_cast<int>(m_families.size());
        int kids = m_rnd.Below(5);
        for (int k = 0; k < kids && !Full(); ++k) {
            int c = Add(m_rnd.Below(2) == 0, f.married + 1 + 2 * k + m_rnd.Below(2),
                        m_persons[f.husband].surname);
            m_persons[c].famc = fam;
            f.children.push_back(c);
            m_unmarried.push_back(c);
        }
        m_persons[p].fams.push_back(fam);
        m_persons[spouse].fams.push_back(fam);
        m_families.push_back(std::move(f));
    }

    /// A full date, "ABT year" or the bare year.
    std::string Date(int year) {
        switch (m_rnd.Below(4)) {
        case 0:
            return std::to_string(1 + m_rnd.Below(28)) + " " + kMonths[m_rnd.Below(12)] + " " +
                   std::to_string(year);
        case 1:
            return "ABT " + std::to_string(year);
        default:
            return std::to_string(year);
        }
    }

    void WritePerson(std::size_t i, std::string& out) {
        const GenPerson& p = m_persons[i];
        out += "0 @I" + std::to_string(i + 1) + "@ INDI\n";
        out += std::string("1 NAME ") + (p.man ? kMen[m_rnd.Below(15)] : kWomen[m_rnd.Below(14)]) +
               " /" + kSurnames[p.surname] + "/\n";
        out += p.man ? "1 SEX M\n" : "1 SEX F\n";
        out += "1 BIRT\n2 DATE " + Date(p.birth) + "\n";
        if (p.birth < 1940)
            out += "1 DEAT\n2 DATE " + std::to_string(p.birth + 55 + m_rnd.Below(40)) + "\n";
        if (p.famc >= 0)
            out += "1 FAMC @F" + std::to_string(p.famc + 1) + "@\n";
        for (int f : p.fams)
            out += "1 FAMS @F" + std::to_string(f + 1) + "@\n";
    }

    void WriteFamily(std::size_t i, std::string& out) {
        const GenFamily& f = m_families[i];
        out += "0 @F" + std::to_string(i + 1) + "@ FAM\n";
        out += "1 HUSB @I" + std::to_string(f.husband + 1) + "@\n";
        out += "1 WIFE @I" + std::to_string(f.wife + 1) + "@\n";
        out += "1 MARR\n2 DATE " + std::to_string(f.married) + "\n";
        if (f.divorced)
            out += "1 DIV\n2 DATE " + std::to_string(f.married + 5 + m_rnd.Below(15)) + "\n";
        for (int c : f.children)
            out += "1 CHIL @I" + std::to_string(c + 1) + "@\n";
    }

    const int m_target;
    Random m_rnd;
    std::vector<GenPerson> m_persons;
    std::vector<GenFamily> m_families;
    std::deque<int> m_unmarried;
};

} // namespace

std::string GenerateGedcom(int people, std::uint32_t seed, GedcomStyle style) {
    if (style == GedcomStyle::Royal)
        return GenerateRoyalGedcom(people, seed);
    return PlainTree(people, seed).Make();
}

} // namespace kartbok::genogram
