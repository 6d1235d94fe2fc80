// Layout and drawing invariants (LayoutInvariants.h) on every hand-built
// family of the look-set, the rich sample and the GEDCOM test files, with the
// input shuffled: people entered in any order, children listed youngest
// first, CHIL lines reversed. Whatever the order of the input, the map must
// come out the same: birth order, partners level, children below, no
// overlaps, a married-in spouse outside the sibship, lines and labels clear.

#include "LayoutInvariants.h"
#include "LookFamilies.h"

#include "kartbok/genogram/Gedcom.h"
#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/Sample.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace kartbok::genogram;
using namespace kartbok::genogram::testing;

namespace {

std::vector<std::pair<std::string, Family>> HandBuilt() {
    auto all = LookFamilies();
    all.push_back({"rich", RichSampleFamily()});
    return all;
}

void RequireClean(const std::string& name, const Family& f, const SceneOptions& o = {}) {
    InvariantReport r = CheckAll(f, o);
    INFO(name << " (" << o.language << (o.deidentify ? ", de-identified" : "") << ")\n"
              << r.Summary());
    CHECK(r.LayoutClean());
    CHECK(r.SceneClean());
}

/// The same family entered differently: people and links in another order,
/// siblings' entry order scrambled. Ids stay, so layouts can be compared.
Family Shuffled(Family f, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::shuffle(f.people.begin(), f.people.end(), rng);
    std::shuffle(f.unions.begin(), f.unions.end(), rng);
    std::shuffle(f.children.begin(), f.children.end(), rng);
    for (ChildLink& c : f.children)
        c.birthOrder = static_cast<int>(rng() % 7);
    return f;
}

/// Siblings of every sibship as they stand left to right; those whose place
/// depends on the order they were entered (undated, or twins born the same
/// day) are left out, since shuffling changes that order.
std::map<PersonId, std::vector<PersonId>> SiblingRows(const Family& f, const Layout& l) {
    std::map<PersonId, std::vector<PersonId>> rows; // first child's id -> order
    for (const Union& u : f.unions) {
        std::vector<PersonId> kids = f.ChildrenOf(u.id);
        std::map<long, int> sameDay;
        for (PersonId k : kids)
            ++sameDay[f.FindPerson(k)->birth.SortKey()];
        kids.erase(std::remove_if(kids.begin(), kids.end(),
                                  [&](PersonId k) {
                                      const Person* p = f.FindPerson(k);
                                      return !l.people.count(k) ||
                                             f.ChildLinkOf(k)->parents != u.id ||
                                             !p->birth.Known() || sameDay[p->birth.SortKey()] > 1;
                                  }),
                   kids.end());
        std::sort(kids.begin(), kids.end(),
                  [&](PersonId a, PersonId b) { return l.people.at(a).x < l.people.at(b).x; });
        if (!kids.empty())
            rows[*std::min_element(kids.begin(), kids.end())] = kids;
    }
    return rows;
}

std::string ReadFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A GEDCOM file with every family's CHIL lines in reverse order.
std::string ReverseChil(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream in(text);
    for (std::string l; std::getline(in, l);)
        lines.push_back(l);
    for (std::size_t i = 0; i < lines.size();) {
        std::size_t j = i;
        while (j < lines.size() && lines[j].rfind("1 CHIL", 0) == 0)
            ++j;
        std::reverse(lines.begin() + static_cast<long>(i), lines.begin() + static_cast<long>(j));
        i = j == i ? i + 1 : j;
    }
    std::string out;
    for (const auto& l : lines)
        out += l + "\n";
    return out;
}

} // namespace

TEST_CASE("every hand-built family keeps every invariant, in both languages",
          "[layout][invariants]") {
    for (const auto& [name, family] : HandBuilt())
        for (const char* lang : {"sv", "en"})
            for (bool deid : {false, true}) {
                SceneOptions o;
                o.language = lang;
                o.deidentify = deid;
                o.currentYear = 2025;
                RequireClean(name, family, o);
            }
}

TEST_CASE("shuffled input gives the same map order", "[layout][invariants]") {
    for (const auto& [name, family] : HandBuilt()) {
        Layout base = ComputeLayout(family);
        auto expected = SiblingRows(family, base);
        for (std::uint32_t seed = 1; seed <= 6; ++seed) {
            Family shuffled = Shuffled(family, seed);
            INFO(name << ", shuffle " << seed);
            Layout l = ComputeLayout(shuffled);
            InvariantReport r = CheckLayout(shuffled, l);
            INFO(r.Summary());
            CHECK(r.LayoutClean());
            CHECK(SiblingRows(shuffled, l) == expected);
        }
    }
}

TEST_CASE("the GEDCOM test files keep the invariants, CHIL lines in any order",
          "[layout][invariants][gedcom]") {
    int files = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(KARTBOK_TEST_DATA) + "/gedcom")) {
        if (entry.path().extension() != ".ged")
            continue;
        ++files;
        std::string bytes = ReadFile(entry.path());
        for (bool reversed : {false, true}) {
            GedcomResult r = ImportGedcom(reversed ? ReverseChil(bytes) : bytes);
            RequireClean(entry.path().filename().string() + (reversed ? " (CHIL reversed)" : ""),
                         r.family);
        }
    }
    CHECK(files >= 10);
}
