#include "kartbok/genogram/Sample.h"

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <map>
#include <random>
#include <string>

namespace kartbok::genogram {
namespace {

/// Builds a family directly (the demo data is not an edit, so no commands).
class Builder {
public:
    explicit Builder(Family& family) : m_family(family) {}

    PersonId Add(Gender gender, std::string given, std::string surname, int born,
                 PersonKind kind = PersonKind::Person) {
        Person p;
        p.id = m_family.NewId();
        p.gender = gender;
        p.kind = kind;
        p.givenNames = std::move(given);
        p.surname = std::move(surname);
        if (born != 0)
            p.birth = FuzzyDate::Year(born);
        m_family.people.push_back(p);
        return p.id;
    }
    Person& P(PersonId id) { return *m_family.FindPerson(id); }
    void Died(PersonId id, int year) {
        P(id).deceased = true;
        P(id).death = FuzzyDate::Year(year);
    }
    void About(PersonId id, std::string occupation, std::string place) {
        P(id).occupation = std::move(occupation);
        P(id).place = std::move(place);
    }
    UnionId Couple(PersonId a, PersonId b, UnionKind kind, std::initializer_list<UnionEvent> events,
                   int order = 0) {
        Union u;
        u.id = m_family.NewId();
        u.partnerA = a;
        u.partnerB = b;
        u.kind = kind;
        u.events = events;
        u.order = order;
        m_family.unions.push_back(u);
        return u.id;
    }
    void Child(UnionId parents, PersonId child, int birthOrder,
               ChildKind kind = ChildKind::Biological, Id twinGroup = kNoId,
               TwinKind twin = TwinKind::None) {
        ChildLink c;
        c.child = child;
        c.parents = parents;
        c.kind = kind;
        c.birthOrder = birthOrder;
        c.twinGroup = twinGroup;
        c.twinKind = twin;
        m_family.children.push_back(c);
    }
    void Relate(PersonId from, PersonId to, RelationKind kind, bool directed = false) {
        Relation r;
        r.id = m_family.NewId();
        r.from = from;
        r.to = to;
        r.kind = kind;
        r.directed = directed;
        m_family.relations.push_back(r);
    }

private:
    Family& m_family;
};

constexpr auto M = Gender::Man;
constexpr auto W = Gender::Woman;
UnionEvent Ev(UnionEventKind k, int year) {
    return {k, year};
}

} // namespace

Family RichSampleFamily() {
    using E = UnionEventKind;
    Family f;
    Builder b(f);

    // Grandparents.
    PersonId gustav = b.Add(M, "Gustav", "Lindqvist", 1931);
    b.Died(gustav, 1998);
    b.About(gustav, "Snickare", "Borås");
    b.P(gustav).conditions = kConditionSubstance;
    PersonId elsa = b.Add(W, "Elsa", "Lindqvist", 1934);
    b.About(elsa, "Sömmerska", "Borås");
    b.P(elsa).conditions = kConditionIllness;
    PersonId bengt = b.Add(M, "Bengt", "Holm", 1937);
    b.About(bengt, "Lantbrukare", "Vara");
    PersonId karin = b.Add(W, "Karin", "Holm", 1940);
    b.Died(karin, 2015);
    b.About(karin, "Sjuksköterska", "Vara");
    b.P(karin).conditions = kConditionMentalHealth;
    UnionId gustavElsa =
        b.Couple(gustav, elsa, UnionKind::Marriage, {Ev(E::Married, 1955), Ev(E::Widowed, 1998)});
    UnionId bengtKarin =
        b.Couple(bengt, karin, UnionKind::Marriage, {Ev(E::Married, 1960), Ev(E::Widowed, 2015)});

    // Parents, their siblings and partners.
    PersonId lars = b.Add(M, "Lars", "Lindqvist", 1956);
    b.About(lars, "Ingenjör", "Göteborg");
    b.P(lars).conditions = kConditionSubstance;
    PersonId per = b.Add(M, "Per", "Lindqvist", 1959);
    b.About(per, "Sjöman", "");
    b.P(per).conditions = kConditionSubstance | kConditionMentalHealth;
    b.Child(gustavElsa, lars, 1);
    b.Child(gustavElsa, per, 2);
    PersonId anna = b.Add(W, "Anna", "Lindqvist", 1960);
    b.About(anna, "Förskollärare", "Alingsås");
    PersonId eva = b.Add(W, "Eva", "Holm Berg", 1964);
    b.About(eva, "Frisör", "Lerum");
    b.Child(bengtKarin, anna, 1);
    b.Child(bengtKarin, eva, 2);
    PersonId maria = b.Add(W, "Maria", "Ek", 1968);
    b.About(maria, "Ekonom", "Göteborg");
    PersonId stefan = b.Add(M, "Stefan", "Nyberg", 1958);
    PersonId anders = b.Add(M, "Anders", "Berg", 1962);
    UnionId larsAnna =
        b.Couple(lars, anna, UnionKind::Marriage,
                 {Ev(E::Married, 1980), Ev(E::Separated, 1993), Ev(E::Divorced, 1995)}, 0);
    UnionId larsMaria = b.Couple(lars, maria, UnionKind::Marriage,
                                 {Ev(E::Together, 1996), Ev(E::Married, 1998)}, 1);
    b.Couple(anna, stefan, UnionKind::Engagement, {Ev(E::Together, 2019)}, 1);
    UnionId evaAnders = b.Couple(anders, eva, UnionKind::Marriage, {Ev(E::Married, 1988)});

    // The client's generation.
    PersonId emma = b.Add(W, "Emma", "Lindqvist", 1981);
    b.About(emma, "Jurist", "Stockholm");
    PersonId johan = b.Add(M, "Johan", "Lindqvist", 1983);
    b.P(johan).isIndex = true;
    b.About(johan, "Projektledare", "Göteborg");
    b.P(johan).conditions = kConditionProblemBehaviour | kConditionMentalHealth;
    PersonId erik = b.Add(M, "Erik", "Lindqvist", 1987);
    b.About(erik, "Polis", "Mölndal");
    b.P(erik).conditions = kConditionIllness;
    b.Child(larsAnna, emma, 1);
    b.Child(larsAnna, johan, 2);
    b.Child(larsAnna, erik, 3);
    PersonId oskar = b.Add(M, "Oskar", "Lindqvist", 2000);
    b.About(oskar, "Student", "Lund");
    b.Child(larsMaria, oskar, 1);
    PersonId sara = b.Add(W, "Sara", "Berg", 1990);
    b.Child(evaAnders, sara, 1);
    PersonId jonas = b.Add(M, "Jonas", "Ahlberg", 1979);
    b.Couple(jonas, emma, UnionKind::Dating, {Ev(E::Together, 2024)});
    PersonId hanna = b.Add(W, "Hanna", "Lindqvist", 1988);
    b.About(hanna, "Läkare", "Mölndal");
    UnionId erikHanna = b.Couple(erik, hanna, UnionKind::Marriage, {Ev(E::Married, 2011)});

    PersonId linda = b.Add(W, "Linda", "Svensson", 1984);
    b.About(linda, "Butikschef", "Kungälv");
    PersonId sofia = b.Add(W, "Sofia", "Lindqvist", 1985);
    b.About(sofia, "Sjuksköterska", "Göteborg");
    PersonId nina = b.Add(W, "Nina", "", 1990);
    UnionId johanLinda = b.Couple(johan, linda, UnionKind::Cohabitation,
                                  {Ev(E::Together, 2004), Ev(E::Separated, 2010)}, 0);
    UnionId johanSofia = b.Couple(johan, sofia, UnionKind::Marriage,
                                  {Ev(E::Together, 2010), Ev(E::Married, 2013)}, 1);
    b.Couple(johan, nina, UnionKind::Affair, {Ev(E::Together, 2022)}, 2);

    // Children and pregnancies.
    PersonId abortion = b.Add(Gender::Unknown, "", "", 2006, PersonKind::Abortion);
    PersonId miscarriage = b.Add(Gender::Unknown, "", "", 2008, PersonKind::Miscarriage);
    b.Child(johanLinda, abortion, 1);
    b.Child(johanLinda, miscarriage, 2);
    PersonId stillborn = b.Add(M, "", "", 2014, PersonKind::Stillbirth);
    PersonId alva = b.Add(W, "Alva", "Lindqvist", 2016);
    PersonId ella = b.Add(W, "Ella", "Lindqvist", 2016);
    PersonId adam = b.Add(M, "Adam", "Lindqvist", 2018);
    PersonId pregnancy = b.Add(Gender::Unknown, "", "", 0, PersonKind::Pregnancy);
    b.Child(johanSofia, stillborn, 1);
    Id twins = f.NewId();
    b.Child(johanSofia, alva, 2, ChildKind::Biological, twins, TwinKind::Identical);
    b.Child(johanSofia, ella, 3, ChildKind::Biological, twins, TwinKind::Identical);
    b.Child(johanSofia, adam, 4, ChildKind::Adopted);
    b.Child(johanSofia, pregnancy, 5);
    PersonId liam = b.Add(M, "Liam", "", 2012);
    b.Child(erikHanna, liam, 1, ChildKind::Foster);

    // Someone outside the family who matters.
    PersonId bertil = b.Add(M, "Bertil", "Sandberg", 1950, PersonKind::SignificantOther);
    b.About(bertil, "Mentor, fotbollstränare", "");

    // Emotional relations: every kind at least once.
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

    Household home;
    home.id = f.NewId();
    home.label = "Familjen Lindqvist";
    home.members = {johan, sofia, alva, ella, adam};
    home.fromYear = 2013;
    f.households.push_back(home);
    return f;
}

Family GeneratedFamily(int people, std::uint32_t seed) {
    Family f;
    Builder b(f);
    std::mt19937 rng(seed);
    // Own mapping from the engine (std distributions differ between libraries).
    auto below = [&](unsigned n) { return static_cast<int>(rng() % n); };
    auto chance = [&](int percent) { return below(100) < percent; };
    static const char* const kMen[] = {"Anders",  "Bo",     "Carl", "Dan",  "Erik",
                                       "Fredrik", "Gustav", "Hans", "Ivar", "Jan"};
    static const char* const kWomen[] = {"Anna",  "Britt", "Cecilia", "Disa", "Eva",
                                         "Frida", "Greta", "Hedda",   "Ida",  "Jenny"};
    static const char* const kSurnames[] = {"Ek",  "Berg",   "Holm", "Lind",
                                            "Sjö", "Strand", "Dahl", "Lund"};
    auto person = [&](Gender g, int born) {
        const char* given = g == M ? kMen[below(10)] : kWomen[below(10)];
        PersonId id = b.Add(g, given, kSurnames[below(8)], born);
        if (born < 1925 || (born < 1950 && chance(60)))
            b.Died(id, born + 50 + below(40));
        return id;
    };
    struct Couple {
        UnionId id;
        PersonId a, b;
        int year;
    };
    std::vector<Couple> queue;
    std::vector<PersonId> unpartnered; // children who may later marry into another branch
    std::map<PersonId, int> unionCount;
    auto founder = [&] {
        int year = 1880 + below(20);
        PersonId man = person(M, year), woman = person(W, year + below(5));
        queue.push_back(
            {b.Couple(man, woman, UnionKind::Marriage, {{UnionEventKind::Married, year + 22}}), man,
             woman, year});
        unionCount[man] = unionCount[woman] = 1;
    };
    const int founders = std::max(1, people / 50);
    for (int i = 0; i < founders; ++i)
        founder();
    for (std::size_t q = 0; static_cast<int>(f.people.size()) < people; ++q) {
        if (q == queue.size())
            founder(); // a branch died out: start another
        Couple c = queue[q];
        int kids = 1 + below(4);
        Id twins = kNoId;
        for (int k = 0; k < kids && static_cast<int>(f.people.size()) < people; ++k) {
            int born = c.year + 24 + 2 * k + below(3);
            PersonId child = person(chance(50) ? M : W, born);
            b.Child(c.id, child, k + 1);
            if (twins == kNoId && k + 1 < kids && chance(6)) {
                twins = f.NewId();
                f.children.back().twinGroup = twins;
                f.children.back().twinKind = TwinKind::Fraternal;
                PersonId twin = person(chance(50) ? M : W, born);
                b.Child(c.id, twin, k + 1, ChildKind::Biological, twins, TwinKind::Fraternal);
            }
            if (!chance(75))
                continue;
            Gender g = b.P(child).gender;
            // Sometimes marry someone of the same generation from another branch.
            auto other = std::find_if(unpartnered.begin(), unpartnered.end(), [&](PersonId p) {
                return b.P(p).gender != g && std::abs(b.P(p).birth.year - born) < 8;
            });
            PersonId partner;
            if (other != unpartnered.end() && chance(20)) {
                partner = *other;
                unpartnered.erase(other);
            } else {
                partner = person(g == M ? W : M, born + below(7) - 3);
            }
            PersonId man = g == M ? child : partner, woman = g == M ? partner : child;
            queue.push_back({b.Couple(man, woman, UnionKind::Marriage,
                                      {{UnionEventKind::Married, born + 25}}, unionCount[child]++),
                             man, woman, born});
            unionCount[partner]++;
            if (chance(12)) { // divorce and remarriage of this child
                f.unions.back().events.push_back({UnionEventKind::Divorced, born + 35});
                PersonId next = person(g == M ? W : M, born + below(9) - 2);
                UnionId u2 =
                    b.Couple(g == M ? child : next, g == M ? next : child, UnionKind::Marriage,
                             {{UnionEventKind::Married, born + 38}}, unionCount[child]++);
                queue.push_back({u2, child, next, born + 6});
            }
        }
        if (twins == kNoId && kids > 0 && chance(30))
            unpartnered.push_back(f.children.back().child);
    }
    return f;
}

} // namespace kartbok::genogram
