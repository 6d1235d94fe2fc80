#include "kartbok/genogram/Sample.h"

#include "kartbok/genogram/FamilyBuilder.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <random>
#include <string>

namespace kartbok::genogram {
namespace {

constexpr auto M = Gender::Man;
constexpr auto W = Gender::Woman;
constexpr auto Y = &FuzzyDate::Year;
using E = UnionEventKind;
UnionEvent Ev(UnionEventKind k, int year) {
    return {k, year};
}

/// RichSampleFamily, a generation at a time. The order of the steps is the
/// order of the ids, which the demo vault's files keep.
struct RichSample {
    FamilyBuilder b;
    PersonId gustav = kNoId, elsa = kNoId, karin = kNoId;
    UnionId gustavElsa = kNoId, bengtKarin = kNoId;
    PersonId lars = kNoId, per = kNoId, anna = kNoId, maria = kNoId, anders = kNoId;
    UnionId larsAnna = kNoId, larsMaria = kNoId, evaAnders = kNoId;
    PersonId emma = kNoId, johan = kNoId, erik = kNoId, oskar = kNoId, sara = kNoId;
    PersonId linda = kNoId, sofia = kNoId;
    UnionId erikHanna = kNoId, johanLinda = kNoId, johanSofia = kNoId;
    std::vector<PersonId> household; ///< the client's, with his wife and children

    void Grandparents() {
        gustav = b.Add(M, "Gustav", "Lindqvist", Y(1931));
        b.Died(gustav, Y(1998));
        b.About(gustav, "Snickare", "Borås");
        b.P(gustav).conditions = kConditionSubstance;
        elsa = b.Add(W, "Elsa", "Lindqvist", Y(1934));
        b.About(elsa, "Sömmerska", "Borås");
        b.P(elsa).conditions = kConditionIllness;
        PersonId bengt = b.Add(M, "Bengt", "Holm", Y(1937));
        b.About(bengt, "Lantbrukare", "Vara");
        karin = b.Add(W, "Karin", "Holm", Y(1940));
        b.Died(karin, Y(2015));
        b.About(karin, "Sjuksköterska", "Vara");
        b.P(karin).conditions = kConditionMentalHealth;
        gustavElsa = b.Couple(gustav, elsa, {Ev(E::Married, 1955), Ev(E::Widowed, 1998)});
        bengtKarin = b.Couple(bengt, karin, {Ev(E::Married, 1960), Ev(E::Widowed, 2015)});
    }

    /// The parents, their siblings and partners.
    void Parents() {
        lars = b.Add(M, "Lars", "Lindqvist", Y(1956));
        b.About(lars, "Ingenjör", "Göteborg");
        b.P(lars).conditions = kConditionSubstance;
        per = b.Add(M, "Per", "Lindqvist", Y(1959));
        b.About(per, "Sjöman", "");
        b.P(per).conditions = kConditionSubstance | kConditionMentalHealth;
        b.Child(gustavElsa, lars, 1);
        b.Child(gustavElsa, per, 2);
        anna = b.Add(W, "Anna", "Lindqvist", Y(1960));
        b.About(anna, "Förskollärare", "Alingsås");
        PersonId eva = b.Add(W, "Eva", "Holm Berg", Y(1964));
        b.About(eva, "Frisör", "Lerum");
        b.Child(bengtKarin, anna, 1);
        b.Child(bengtKarin, eva, 2);
        maria = b.Add(W, "Maria", "Ek", Y(1968));
        b.About(maria, "Ekonom", "Göteborg");
        PersonId stefan = b.Add(M, "Stefan", "Nyberg", Y(1958));
        anders = b.Add(M, "Anders", "Berg", Y(1962));
        larsAnna = b.Couple(lars, anna,
                            {Ev(E::Married, 1980), Ev(E::Separated, 1993), Ev(E::Divorced, 1995)});
        larsMaria = b.Couple(lars, maria, {Ev(E::Together, 1996), Ev(E::Married, 1998)},
                             UnionKind::Marriage, 1);
        b.Couple(anna, stefan, {Ev(E::Together, 2019)}, UnionKind::Engagement, 1);
        evaAnders = b.Couple(anders, eva, {Ev(E::Married, 1988)});
    }

    /// The client, his siblings, cousins and partners.
    void ClientsGeneration() {
        emma = b.Add(W, "Emma", "Lindqvist", Y(1981));
        b.About(emma, "Jurist", "Stockholm");
        johan = b.Add(M, "Johan", "Lindqvist", Y(1983));
        b.P(johan).isIndex = true;
        b.About(johan, "Projektledare", "Göteborg");
        b.P(johan).conditions = kConditionProblemBehaviour | kConditionMentalHealth;
        erik = b.Add(M, "Erik", "Lindqvist", Y(1987));
        b.About(erik, "Polis", "Mölndal");
        b.P(erik).conditions = kConditionIllness;
        b.Child(larsAnna, emma, 1);
        b.Child(larsAnna, johan, 2);
        b.Child(larsAnna, erik, 3);
        oskar = b.Add(M, "Oskar", "Lindqvist", Y(2000));
        b.About(oskar, "Student", "Lund");
        b.Child(larsMaria, oskar, 1);
        sara = b.Add(W, "Sara", "Berg", Y(1990));
        b.Child(evaAnders, sara, 1);
        PersonId jonas = b.Add(M, "Jonas", "Ahlberg", Y(1979));
        b.Couple(jonas, emma, {Ev(E::Together, 2024)}, UnionKind::Dating);
        PersonId hanna = b.Add(W, "Hanna", "Lindqvist", Y(1988));
        b.About(hanna, "Läkare", "Mölndal");
        erikHanna = b.Couple(erik, hanna, {Ev(E::Married, 2011)});
        // The client's three partners.
        linda = b.Add(W, "Linda", "Svensson", Y(1984));
        b.About(linda, "Butikschef", "Kungälv");
        sofia = b.Add(W, "Sofia", "Lindqvist", Y(1985));
        b.About(sofia, "Sjuksköterska", "Göteborg");
        PersonId nina = b.Add(W, "Nina", "", Y(1990));
        johanLinda = b.Couple(johan, linda, {Ev(E::Together, 2004), Ev(E::Separated, 2010)},
                              UnionKind::Cohabitation);
        johanSofia = b.Couple(johan, sofia, {Ev(E::Together, 2010), Ev(E::Married, 2013)},
                              UnionKind::Marriage, 1);
        b.Couple(johan, nina, {Ev(E::Together, 2022)}, UnionKind::Affair, 2);
    }

    /// The client's children and pregnancies, and his brother's foster son.
    void Children() {
        PersonId abortion = b.Add(Gender::Unknown, "", "", Y(2006), PersonKind::Abortion);
        PersonId miscarriage = b.Add(Gender::Unknown, "", "", Y(2008), PersonKind::Miscarriage);
        b.Child(johanLinda, abortion, 1);
        b.Child(johanLinda, miscarriage, 2);
        PersonId stillborn = b.Add(M, "", "", Y(2014), PersonKind::Stillbirth);
        PersonId alva = b.Add(W, "Alva", "Lindqvist", Y(2016));
        PersonId ella = b.Add(W, "Ella", "Lindqvist", Y(2016));
        PersonId adam = b.Add(M, "Adam", "Lindqvist", Y(2018));
        PersonId pregnancy = b.Add(Gender::Unknown, "", "", {}, PersonKind::Pregnancy);
        b.Child(johanSofia, stillborn, 1);
        b.Child(johanSofia, alva, 2);
        b.Child(johanSofia, ella, 3);
        b.Twins(TwinKind::Identical, {alva, ella});
        b.Child(johanSofia, adam, 4, ChildKind::Adopted);
        b.Child(johanSofia, pregnancy, 5);
        PersonId liam = b.Add(M, "Liam", "", Y(2012));
        b.Child(erikHanna, liam, 1, ChildKind::Foster);
        household = {johan, sofia, alva, ella, adam};
    }

    /// Someone outside the family who matters, every emotional relation kind
    /// at least once, and the client's household.
    void Relations() {
        PersonId bertil = b.Add(M, "Bertil", "Sandberg", Y(1950), PersonKind::SignificantOther);
        b.About(bertil, "Mentor, fotbollstränare", "");
        b.Relate(johan, emma, RelationKind::Close);
        b.Relate(bertil, johan, RelationKind::Close);
        b.Relate(anna, johan, RelationKind::Fused);
        b.Relate(johan, oskar, RelationKind::Distant);
        b.Relate(lars, anna, RelationKind::Conflict);
        b.Relate(johan, sofia, RelationKind::CloseConflict);
        b.Relate(per, gustav, RelationKind::CutOff);
        b.Relate(johan, lars, RelationKind::CutOffRepaired);
        b.Relate(karin, anna, RelationKind::FocusedOn, true);
        b.Relate(gustav, lars, RelationKind::PhysicalAbuse, true);
        b.Relate(anders, sara, RelationKind::SexualAbuse, true);
        b.Relate(lars, johan, RelationKind::EmotionalAbuse, true);
        b.Relate(lars, erik, RelationKind::Neglect, true);
        b.Home("Familjen Lindqvist", household, 2013);
    }
};

} // namespace

Family RichSampleFamily() {
    RichSample s;
    s.Grandparents();
    s.Parents();
    s.ClientsGeneration();
    s.Children();
    s.Relations();
    return std::move(s.b.family);
}

namespace {

/// GeneratedFamily: founders' couples in a queue, each given children who
/// may marry (someone new, or someone of another branch) and remarry. Every
/// choice comes from one engine, so the order of the calls is the family.
class Generator {
public:
    explicit Generator(std::uint32_t seed) : m_rng(seed) {}

    Family Run(int people) {
        m_target = people;
        const int founders = std::max(1, people / 50);
        for (int i = 0; i < founders; ++i)
            Founder();
        for (std::size_t q = 0; !Full(); ++q) {
            if (q == m_queue.size())
                Founder(); // a branch died out: start another
            ChildrenOf(m_queue[q]);
        }
        return std::move(m_b.family);
    }

private:
    struct Couple {
        UnionId id;
        PersonId a, b;
        int year;
    };

    // Own mapping from the engine (std distributions differ between libraries).
    int Below(unsigned n) { return static_cast<int>(m_rng() % n); }
    bool Chance(int percent) { return Below(100) < percent; }
    bool Full() const { return static_cast<int>(m_b.family.people.size()) >= m_target; }

    PersonId Person(Gender g, int born) {
        static const char* const kMen[] = {"Anders",  "Bo",     "Carl", "Dan",  "Erik",
                                           "Fredrik", "Gustav", "Hans", "Ivar", "Jan"};
        static const char* const kWomen[] = {"Anna",  "Britt", "Cecilia", "Disa", "Eva",
                                             "Frida", "Greta", "Hedda",   "Ida",  "Jenny"};
        static const char* const kSurnames[] = {"Ek",  "Berg",   "Holm", "Lind",
                                                "Sjö", "Strand", "Dahl", "Lund"};
        const char* given = g == M ? kMen[Below(10)] : kWomen[Below(10)];
        PersonId id = m_b.Add(g, given, kSurnames[Below(8)], Y(born));
        if (born < 1925 || (born < 1950 && Chance(60)))
            m_b.Died(id, Y(born + 50 + Below(40)));
        return id;
    }

    void Founder() {
        int year = 1880 + Below(20);
        PersonId man = Person(M, year), woman = Person(W, year + Below(5));
        m_queue.push_back({m_b.Couple(man, woman, {{E::Married, year + 22}}), man, woman, year});
        m_unions[man] = m_unions[woman] = 1;
    }

    /// One to four children (the odd twin pair), most of whom marry.
    void ChildrenOf(Couple c) {
        int kids = 1 + Below(4);
        Id twins = kNoId;
        for (int k = 0; k < kids && !Full(); ++k) {
            int born = c.year + 24 + 2 * k + Below(3);
            PersonId child = Person(Chance(50) ? M : W, born);
            m_b.Child(c.id, child, k + 1);
            if (twins == kNoId && k + 1 < kids && Chance(6))
                twins = AddTwin(c.id, k + 1, born);
            if (Chance(75))
                Marry(child, born);
        }
        if (twins == kNoId && kids > 0 && Chance(30))
            m_unpartnered.push_back(m_b.family.children.back().child);
    }

    /// A fraternal twin of the child just added.
    Id AddTwin(UnionId parents, int birthOrder, int born) {
        const Id group = m_b.family.NewId();
        ChildLink& first = m_b.family.children.back();
        first.twinGroup = group;
        first.twinKind = TwinKind::Fraternal;
        ChildLink& twin = m_b.Child(parents, Person(Chance(50) ? M : W, born), birthOrder);
        twin.twinGroup = group;
        twin.twinKind = TwinKind::Fraternal;
        return group;
    }

    /// Marries a child, sometimes to someone of the same generation from
    /// another branch; one in eight divorces and remarries.
    void Marry(PersonId child, int born) {
        Gender g = m_b.P(child).gender;
        auto other = std::find_if(m_unpartnered.begin(), m_unpartnered.end(), [&](PersonId p) {
            return m_b.P(p).gender != g && std::abs(m_b.P(p).birth.year - born) < 8;
        });
        PersonId partner;
        if (other != m_unpartnered.end() && Chance(20)) {
            partner = *other;
            m_unpartnered.erase(other);
        } else {
            partner = Person(g == M ? W : M, born + Below(7) - 3);
        }
        PersonId man = g == M ? child : partner, woman = g == M ? partner : child;
        m_queue.push_back({m_b.Couple(man, woman, {{E::Married, born + 25}}, UnionKind::Marriage,
                                      m_unions[child]++),
                           man, woman, born});
        m_unions[partner]++;
        if (Chance(12)) { // divorce and remarriage of this child
            m_b.family.unions.back().events.push_back({E::Divorced, born + 35});
            PersonId next = Person(g == M ? W : M, born + Below(9) - 2);
            UnionId u2 =
                m_b.Couple(g == M ? child : next, g == M ? next : child, {{E::Married, born + 38}},
                           UnionKind::Marriage, m_unions[child]++);
            m_queue.push_back({u2, child, next, born + 6});
        }
    }

    std::mt19937 m_rng;
    FamilyBuilder m_b;
    int m_target = 0;
    std::vector<Couple> m_queue;
    std::vector<PersonId> m_unpartnered; ///< children who may later marry into another branch
    std::map<PersonId, int> m_unions;    ///< unions so far per person: the next one's order
};

} // namespace

Family GeneratedFamily(int people, std::uint32_t seed) {
    return Generator(seed).Run(people);
}

} // namespace kartbok::genogram
