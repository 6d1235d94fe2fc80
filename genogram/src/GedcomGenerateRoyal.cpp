// GedcomStyle::Royal: a fictional tree shaped like the royal houses of the
// genealogy test files (the 3 000-person case of the layout's numbers). Every
// hard case of birth order and partner placement occurs many times over:
// intermarrying houses, remarriages, cousins and uncle and niece marrying
// (two generations in one couple), undated and bounded dates, children and
// people listed in no particular order, twins, adoptions with both families.

#include "GedcomInternal.h"
#include "SplitMix.h"

#include <algorithm>
#include <array>
#include <queue>

namespace kartbok::genogram {

namespace {

using Random = detail::SplitMix;

const std::array<const char*, 16> kMen{
    "Karl",     "Gustav", "Fredrik", "Adolf",      "Johan", "Magnus", "Erik", "Birger",
    "Valdemar", "Sigurd", "Albrekt", "Kristoffer", "Olof",  "Håkan",  "Sten", "Ulrik"};
const std::array<const char*, 16> kWomen{
    "Ulrika",   "Lovisa",   "Sofia",    "Kristina", "Margareta", "Ingeborg", "Cecilia", "Hedvig",
    "Eleonora", "Birgitta", "Katarina", "Elisabet", "Agnes",     "Märta",    "Blanka",  "Sigrid"};
const std::array<const char*, 10> kHouses{
    "av Vasaholm", "von Ekenburg", "de Lindcourt", "af Strandberg", "von Dahlenstein",
    "av Sjöholm",  "de Bergmont",  "af Holmwick",  "von Lundau",    "av Ekeby"};
const std::array<const char*, 12> kMonths{"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                          "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

struct Royal {
    bool man = false;
    int birth = 0, month = 0, day = 0;
    char precision = 'F'; ///< F full, Y year, A about, B before, R after, N none
    int death = 0;        ///< 0: alive or no date
    bool deceased = false;
    int house = -1; ///< -1: married in from outside the houses
    int famc = -1, adoptive = -1;
    std::vector<int> fams;
    int twin = -1;
    bool diesYoung = false;
    bool married = false;
};

struct RoyalFamily {
    int husband = -1, wife = -1;
    int married = 0;
    bool divorced = false;
    std::vector<int> children;
};

class RoyalTree {
public:
    RoyalTree(int target, std::uint32_t seed) : m_target(std::max(target, 2)), m_rnd(seed) {}

    std::string Make() {
        for (int h = 0; h < static_cast<int>(kHouses.size()); ++h) {
            int man = Add(true, 1480 + m_rnd.Below(40), h);
            Marry(man, Add(false, m_persons[man].birth + m_rnd.Below(6), -1));
        }
        while (Size() < m_target) {
            if (m_queue.empty()) { // every line ended: a new branch of some house
                int h = m_rnd.Below(static_cast<int>(kHouses.size()));
                Marry(Add(true, 1600 + m_rnd.Below(200), h), Add(false, 1600, -1));
                continue;
            }
            int p = m_queue.top().second;
            m_queue.pop();
            if (m_persons[p].married || m_persons[p].diesYoung || m_rnd.Chance(12))
                continue;
            int marriages = m_rnd.Chance(55) ? 1 : m_rnd.Chance(62) ? 2 : m_rnd.Chance(70) ? 3 : 4;
            for (int k = 0; k < marriages && Size() < m_target; ++k)
                Marry(p, Spouse(p));
        }
        RemarrySome();
        return Write();
    }

private:
    int Size() const { return static_cast<int>(m_persons.size()); }

    int Add(bool man, int birth, int house) {
        Royal r;
        r.man = man;
        r.birth = birth;
        r.house = house;
        r.month = 1 + m_rnd.Below(12);
        r.day = 1 + m_rnd.Below(28);
        int pick = m_rnd.Below(100);
        r.precision = pick < 8    ? 'N'
                      : pick < 16 ? 'A'
                      : pick < 19 ? 'B'
                      : pick < 21 ? 'R'
                      : pick < 50 ? 'Y'
                                  : 'F';
        r.diesYoung = m_rnd.Chance(14);
        if (birth < 1890 || r.diesYoung) {
            r.deceased = !m_rnd.Chance(5); // a few old people with no death at all
            if (r.deceased && !m_rnd.Chance(10))
                r.death = birth + (r.diesYoung ? m_rnd.Below(6) : 20 + m_rnd.Below(70));
        }
        m_persons.push_back(r);
        int id = Size() - 1;
        m_queue.push({birth, id});
        return id;
    }

    /// First cousins of p of the other sex who are free to marry, born near p.
    std::vector<int> Cousins(int p) {
        std::vector<int> out;
        const Royal& me = m_persons[p];
        if (me.famc < 0)
            return out;
        for (int parent : {m_families[me.famc].husband, m_families[me.famc].wife}) {
            int gp = m_persons[parent].famc;
            if (gp < 0)
                continue;
            for (int aunt : m_families[gp].children)
                if (aunt != parent)
                    for (int f : m_persons[aunt].fams)
                        for (int c : m_families[f].children)
                            if (Free(c, me))
                                out.push_back(c);
        }
        return out;
    }
    /// Children of p's siblings: uncle and niece marry across a generation.
    std::vector<int> Nieces(int p) {
        std::vector<int> out;
        const Royal& me = m_persons[p];
        if (me.famc < 0)
            return out;
        for (int sib : m_families[me.famc].children)
            if (sib != p)
                for (int f : m_persons[sib].fams)
                    for (int c : m_families[f].children)
                        if (m_persons[c].man != me.man && !m_persons[c].married &&
                            !m_persons[c].diesYoung && std::abs(m_persons[c].birth - me.birth) < 25)
                            out.push_back(c);
        return out;
    }
    bool Free(int c, const Royal& me) const {
        const Royal& r = m_persons[c];
        return r.man != me.man && !r.married && !r.diesYoung && std::abs(r.birth - me.birth) <= 10;
    }

    int Spouse(int p) {
        const Royal& me = m_persons[p];
        std::vector<int> pool;
        int pick = m_rnd.Below(100);
        if (pick < 18)
            pool = Cousins(p);
        else if (pick < 22)
            pool = Nieces(p);
        else if (pick < 70) // someone of another house, born near p
            for (int i = Size(); i-- > 0 && pool.size() < 12;)
                if (m_persons[i].house >= 0 && m_persons[i].house != me.house && Free(i, me) &&
                    m_persons[i].famc >= 0)
                    pool.push_back(i);
        if (!pool.empty())
            return pool[static_cast<std::size_t>(m_rnd.Below(static_cast<int>(pool.size())))];
        return Add(!me.man, me.birth - 5 + m_rnd.Below(16), -1);
    }

    void Marry(int a, int b) {
        RoyalFamily f;
        f.husband = m_persons[a].man ? a : b;
        f.wife = m_persons[a].man ? b : a;
        int start = std::max(m_persons[a].birth, m_persons[b].birth) + 18 + m_rnd.Below(12);
        for (int fam : m_persons[a].fams) // a later marriage starts after the earlier ones
            start = std::max(start, m_families[fam].married + 4 + m_rnd.Below(10));
        f.married = start;
        f.divorced = m_rnd.Chance(6);
        m_persons[a].married = m_persons[b].married = true;
        const int fam = static_cast<int>(m_families.size());
        m_families.push_back(f);
        m_persons[a].fams.push_back(fam);
        m_persons[b].fams.push_back(fam);
        int kids = std::min(m_rnd.Below(5) + m_rnd.Below(6), 9);
        int house =
            m_persons[f.husband].house >= 0 ? m_persons[f.husband].house : m_persons[f.wife].house;
        int year = start + 1;
        for (int k = 0; k < kids && Size() < m_target; ++k) {
            int c = Add(m_rnd.Chance(50), year, house);
            m_persons[c].famc = fam;
            m_families[fam].children.push_back(c);
            if (m_rnd.Chance(2) && Size() < m_target) { // twins: one full birth date
                int t = Add(m_rnd.Chance(50), year, house);
                m_persons[t] = m_persons[c];
                m_persons[t].man = m_rnd.Chance(50);
                m_persons[t].precision = m_persons[c].precision = 'F';
                m_persons[t].twin = c;
                m_persons[c].twin = t;
                m_families[fam].children.push_back(t);
            }
            year += 1 + m_rnd.Below(3);
        }
        // An adoption now and then: a child of another family joins this one too.
        if (m_rnd.Chance(3) && fam > 4) {
            int other = m_rnd.Below(fam);
            for (int c : m_families[static_cast<std::size_t>(other)].children)
                if (m_persons[c].adoptive < 0 && std::abs(m_persons[c].birth - start) < 15) {
                    m_persons[c].adoptive = fam;
                    m_families[fam].children.push_back(c);
                    break;
                }
        }
    }

    /// A couple divorced and married again, written as two FAM records: the
    /// children born after the second wedding belong to the second.
    void RemarrySome() {
        const std::size_t n = m_families.size();
        for (std::size_t i = 0; i < n; ++i) {
            RoyalFamily& f = m_families[i];
            if (f.children.size() < 2 || !m_rnd.Chance(2))
                continue;
            RoyalFamily again;
            again.husband = f.husband;
            again.wife = f.wife;
            f.divorced = true;
            const int fam = static_cast<int>(m_families.size());
            std::size_t keep = f.children.size() / 2;
            again.children.assign(f.children.begin() + static_cast<std::ptrdiff_t>(keep),
                                  f.children.end());
            f.children.resize(keep);
            again.married = m_persons[again.children.front()].birth - 1;
            for (int c : again.children)
                if (m_persons[c].famc == static_cast<int>(i))
                    m_persons[c].famc = fam;
            m_persons[f.husband].fams.push_back(fam);
            m_persons[f.wife].fams.push_back(fam);
            m_families.push_back(again); // invalidates f
        }
    }

    std::string Date(const Royal& r, int year) {
        switch (r.precision) {
        case 'F':
            return std::to_string(r.day) + " " + kMonths[static_cast<std::size_t>(r.month - 1)] +
                   " " + std::to_string(year);
        case 'A':
            return "ABT " + std::to_string(year);
        case 'B':
            return "BEF " + std::to_string(year + 1);
        case 'R':
            return "AFT " + std::to_string(year - 1);
        default:
            return std::to_string(year);
        }
    }

    template <class T> void Shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[static_cast<std::size_t>(m_rnd.Below(static_cast<int>(i)))]);
    }

    std::string Write() {
        std::string out = "0 HEAD\n1 SOUR KARTBOK\n2 NAME Kartbok test generator (royal)\n1 GEDC\n"
                          "2 VERS 5.5.1\n2 FORM LINEAGE-LINKED\n1 CHAR UTF-8\n";
        std::vector<int> order(m_persons.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = static_cast<int>(i);
        Shuffle(order); // people in no particular order
        for (int i : order) {
            const Royal& p = m_persons[static_cast<std::size_t>(i)];
            const auto& names = p.man ? kMen : kWomen;
            out += "0 @I" + std::to_string(i + 1) + "@ INDI\n1 NAME " +
                   names[static_cast<std::size_t>(m_rnd.Below(16))] + " /" +
                   (p.house >= 0 ? kHouses[static_cast<std::size_t>(p.house)] : "Adelsköld") +
                   "/\n" + (p.man ? "1 SEX M\n" : "1 SEX F\n");
            if (p.precision != 'N')
                out += "1 BIRT\n2 DATE " + Date(p, p.birth) + "\n";
            if (p.deceased)
                out += p.death ? "1 DEAT\n2 DATE " + std::to_string(p.death) + "\n" : "1 DEAT Y\n";
            if (p.famc >= 0)
                out += "1 FAMC @F" + std::to_string(p.famc + 1) + "@\n";
            if (p.adoptive >= 0)
                out += "1 FAMC @F" + std::to_string(p.adoptive + 1) + "@\n2 PEDI adopted\n";
            if (p.twin >= 0 && i % 2 == 0)
                out += "1 ASSO @I" + std::to_string(p.twin + 1) + "@\n2 RELA twin\n";
            for (int f : p.fams)
                out += "1 FAMS @F" + std::to_string(f + 1) + "@\n";
        }
        std::vector<int> famOrder(m_families.size());
        for (std::size_t i = 0; i < famOrder.size(); ++i)
            famOrder[i] = static_cast<int>(i);
        Shuffle(famOrder);
        for (int i : famOrder) {
            RoyalFamily f = m_families[static_cast<std::size_t>(i)];
            out += "0 @F" + std::to_string(i + 1) + "@ FAM\n1 HUSB @I" +
                   std::to_string(f.husband + 1) + "@\n1 WIFE @I" + std::to_string(f.wife + 1) +
                   "@\n1 MARR\n2 DATE " + std::to_string(f.married) + "\n";
            if (f.divorced)
                out +=
                    m_rnd.Chance(30)
                        ? "1 DIV Y\n"
                        : "1 DIV\n2 DATE " + std::to_string(f.married + 3 + m_rnd.Below(12)) + "\n";
            int pick = m_rnd.Below(4);
            if (pick < 2)
                Shuffle(f.children);
            else if (pick == 2)
                std::reverse(f.children.begin(), f.children.end());
            for (int c : f.children)
                out += "1 CHIL @I" + std::to_string(c + 1) + "@\n";
        }
        out += "0 TRLR\n";
        return out;
    }

    int m_target;
    Random m_rnd;
    std::vector<Royal> m_persons;
    std::vector<RoyalFamily> m_families;
    std::priority_queue<std::pair<int, int>, std::vector<std::pair<int, int>>, std::greater<>>
        m_queue;
};

} // namespace

std::string GenerateRoyalGedcom(int people, std::uint32_t seed) {
    return RoyalTree(people, seed).Make();
}

} // namespace kartbok::genogram
