#include "LookFamilies.h"

#include "kartbok/genogram/FamilyBuilder.h"

namespace kartbok::genogram::testing {

namespace {

UnionEvent E(UnionEventKind k, int year) {
    return {k, year};
}
using K = UnionEventKind;
FuzzyDate Y(int y) {
    return FuzzyDate::Year(y);
}

} // namespace

Family TwinsFamily() {
    FamilyBuilder m;
    PersonId mother = m.Woman("Karin", "Ek", Y(1958)), father = m.Man("Lars", "Ek", Y(1955));
    UnionId u = m.Couple(father, mother, {E(K::Married, 1980)});
    // Youngest first, as a client may list them.
    PersonId young = m.Man("Oskar", "Ek", Y(1994));
    PersonId t3 = m.Woman("Ida", "Ek", FuzzyDate::Full(1988, 6, 2));
    PersonId t2 = m.Man("Hugo", "Ek", FuzzyDate::Full(1988, 6, 2));
    PersonId t1 = m.Man("Vilgot", "Ek", FuzzyDate::Full(1988, 6, 2));
    PersonId a2 = m.Woman("Elin", "Ek", FuzzyDate::Full(1984, 3, 9));
    PersonId a1 = m.Woman("Emma", "Ek", FuzzyDate::Full(1984, 3, 9));
    PersonId oldest = m.Man("Johan", "Ek", Y(1981));
    for (PersonId c : {young, t3, t2, t1, a2, a1, oldest})
        m.Child(u, c);
    m.Twins(TwinKind::Identical, {a1, a2});
    m.Twins(TwinKind::Fraternal, {t1, t2, t3});
    m.Died(t2, Y(1990)); // a twin's slanted leg and his years above: neither over the other
    m.P(oldest).isIndex = true;
    PersonId wife = m.Woman("Sara", "Berg", Y(1983));
    m.Couple(oldest, wife, {E(K::Married, 2010)});
    return m.family;
}

Family AdoptionFamily() {
    FamilyBuilder m;
    // The adoptive family the client grew up in...
    PersonId af = m.Man("Gunnar", "Holm", Y(1950)), am = m.Woman("Birgitta", "Holm", Y(1952));
    UnionId adoptive = m.Couple(af, am, {E(K::Married, 1975)});
    PersonId sister = m.Woman("Lena", "Holm", Y(1979));
    PersonId client = m.Man("Daniel", "Holm", Y(1982));
    m.P(client).isIndex = true;
    m.Child(adoptive, client, ChildKind::Adopted);
    m.Child(adoptive, sister);
    PersonId foster = m.Woman("Maja", "Lind", Y(1990));
    m.Child(adoptive, foster, ChildKind::Foster);
    // ...and his birth family, with a half-brother.
    PersonId bm = m.Woman("Anneli", "Strand", FuzzyDate::About(1963));
    PersonId bf = m.Man("Okänd", "", {});
    UnionId birth = m.Couple(bf, bm, {}, UnionKind::Dating);
    m.Child(birth, client);
    PersonId other = m.Man("Peter", "Strand", Y(1961));
    UnionId later = m.Couple(other, bm, {E(K::Married, 1988)}, UnionKind::Marriage, 1);
    m.Child(later, m.Man("Mattias", "Strand", Y(1989)));
    m.Relate(client, bm, RelationKind::CutOffRepaired);
    m.Relate(client, am, RelationKind::Close);
    return m.family;
}

Family ThreePartnersFamily() {
    FamilyBuilder m;
    PersonId f = m.Man("Bengt", "Lind", Y(1950)), mo = m.Woman("Inger", "Lind", Y(1953));
    UnionId parents = m.Couple(f, mo, {E(K::Married, 1976)});
    PersonId client = m.Man("Johan", "Lind", Y(1979));
    m.P(client).isIndex = true;
    PersonId sister = m.Woman("Anna", "Lind", Y(1977));
    PersonId brother = m.Man("Erik", "Lind", Y(1983));
    m.Child(parents, brother);
    m.Child(parents, client);
    m.Child(parents, sister);
    PersonId linda = m.Woman("Linda", "Svensson", Y(1981));
    PersonId sofia = m.Woman("Sofia", "Berg", Y(1984));
    PersonId nina = m.Woman("Nina", "Åberg", Y(1990));
    UnionId u1 = m.Couple(client, linda, {E(K::Together, 2002), E(K::Separated, 2008)},
                          UnionKind::Cohabitation, 0);
    UnionId u2 =
        m.Couple(client, sofia, {E(K::Met, 2009), E(K::Married, 2011)}, UnionKind::Marriage, 1);
    m.Couple(client, nina, {E(K::Together, 2021)}, UnionKind::Affair, 2);
    m.Child(u1, m.Woman("Ella", "Lind", Y(2004)));
    m.Child(u2, m.Man("Adam", "Lind", Y(2014)));
    m.Child(u2, m.Add(Gender::Unknown, "", "", Y(2012), PersonKind::Miscarriage));
    m.Child(u2, m.Add(Gender::Unknown, "", "", {}, PersonKind::Pregnancy));
    m.Relate(client, sofia, RelationKind::CloseConflict);
    m.Relate(client, linda, RelationKind::DistantHostile);
    return m.family;
}

Family LastBornThreePartnersFamily() {
    FamilyBuilder m;
    PersonId f = m.Man("Sture", "Holm", Y(1920)), mo = m.Woman("Maj", "Holm", Y(1922));
    UnionId parents = m.Couple(f, mo, {E(K::Married, 1945)});
    // The client is the youngest; entered before his sister.
    PersonId client = m.Man("Karl", "Holm", Y(1950));
    m.P(client).isIndex = true;
    m.Child(parents, client);
    m.Child(parents, m.Woman("Britt", "Holm", Y(1948)));
    PersonId asa = m.Woman("Åsa", "Ahl", Y(1952)), bea = m.Woman("Bea", "Berg", Y(1960));
    PersonId cia = m.Woman("Cecilia", "Cronholm", Y(1970));
    // Entered latest first; `order` says which came first.
    UnionId u3 = m.Couple(client, cia, {E(K::Married, 1994)}, UnionKind::Marriage, 2);
    UnionId u2 = m.Couple(client, bea, {E(K::Together, 1982), E(K::Separated, 1990)},
                          UnionKind::Cohabitation, 1);
    UnionId u1 =
        m.Couple(client, asa, {E(K::Married, 1973), E(K::Divorced, 1980)}, UnionKind::Marriage, 0);
    m.Child(u3, m.Woman("Moa", "Holm", Y(1997)));
    m.Child(u3, m.Man("Noak", "Holm", Y(1995)));
    m.Child(u2, m.Woman("Lisa", "Holm", Y(1985)));
    m.Child(u1, m.Man("Olle", "Holm", Y(1975)));
    return m.family;
}

Family MarriedTwiceFamily() {
    FamilyBuilder m;
    PersonId h = m.Man("Rolf", "Dahl", Y(1948)), w = m.Woman("Eva", "Dahl", Y(1950));
    m.Couple(h, w,
             {E(K::Met, 1970), E(K::Together, 1972), E(K::Married, 1974), E(K::Separated, 1983),
              E(K::Divorced, 1984), E(K::Reunited, 1988), E(K::Married, 1990)});
    UnionId u = m.family.unions.back().id;
    PersonId c2 = m.Woman("Lisa", "Dahl", Y(1991));
    PersonId c1 = m.Man("Per", "Dahl", Y(1976));
    m.Child(u, c2);
    m.Child(u, c1);
    m.P(c1).isIndex = true;
    // His parents: a divorce without a known year still shows.
    PersonId gf = m.Man("Nils", "Dahl", Y(1920)), gm = m.Woman("Greta", "Dahl", Y(1924));
    UnionId g = m.Couple(gf, gm, {E(K::Married, 1946), {K::Divorced, 0}});
    m.Child(g, h);
    m.Died(gf, Y(1990), "hjärtinfarkt");
    return m.family;
}

Family CousinsFamily() {
    FamilyBuilder m;
    PersonId gf = m.Man("Sven", "Berg", Y(1920)), gm = m.Woman("Ester", "Berg", Y(1923));
    UnionId g = m.Couple(gf, gm, {E(K::Married, 1945)});
    PersonId son = m.Man("Karl", "Berg", Y(1947)), daughter = m.Woman("Maria", "Holm", Y(1950));
    m.Child(g, daughter);
    m.Child(g, son);
    PersonId sonWife = m.Woman("Ulla", "Berg", Y(1949));
    PersonId daughterMan = m.Man("Tore", "Holm", Y(1946));
    UnionId a = m.Couple(son, sonWife, {E(K::Married, 1970)});
    UnionId b = m.Couple(daughterMan, daughter, {E(K::Married, 1972)});
    PersonId cousin1 = m.Man("Jonas", "Berg", Y(1973)), cousin2 = m.Woman("Sanna", "Holm", Y(1975));
    m.Child(a, cousin1);
    m.Child(a, m.Woman("Frida", "Berg", Y(1971)));
    m.Child(b, cousin2);
    m.Child(b, m.Man("Ola", "Holm", Y(1978)));
    UnionId cc = m.Couple(cousin1, cousin2, {E(K::Married, 1999)});
    m.family.unions.back().consanguineous = true;
    PersonId child = m.Woman("Klara", "Berg", Y(2001));
    m.Child(cc, child);
    m.P(child).isIndex = true;
    m.Died(gf, Y(1999), "stroke");
    return m.family;
}

Family FourGenerationFamily() {
    FamilyBuilder m;
    // Great-grandparents: one with no death date, born too long ago to be alive.
    PersonId ggf = m.Man("August", "Sjöberg", Y(1888));
    PersonId ggm = m.Woman("Hilma", "Sjöberg", FuzzyDate::Before(1895));
    UnionId gg = m.Couple(ggf, ggm, {E(K::Married, 1912)});
    m.Died(ggm, FuzzyDate::After(1960));
    PersonId gf = m.Man("Arvid", "Sjöberg", Y(1918)), gm = m.Woman("Stina", "Sjöberg", Y(1921));
    m.Child(gg, m.Woman("Elsa", "Sjöberg", Y(1915)));
    m.Child(gg, gf);
    m.Died(gf, Y(1979), "suicid");
    UnionId g = m.Couple(gf, gm, {E(K::Married, 1942), E(K::Widowed, 1979)});
    PersonId father = m.Man("Bo", "Sjöberg", Y(1948)), aunt = m.Woman("Gun", "Ek", Y(1944));
    m.Child(g, father);
    m.Child(g, aunt);
    m.P(father).conditions = kConditionSubstance;
    m.P(father).recovering = kConditionSubstance;
    PersonId mother = m.Woman("Lena", "Sjöberg", Y(1951));
    UnionId p = m.Couple(father, mother, {E(K::Married, 1975)});
    PersonId client = m.Man("Mikael", "Sjöberg", Y(1979));
    m.P(client).isIndex = true;
    m.P(client).conditions = kConditionProblemBehaviour;
    PersonId younger = m.Woman("Jenny", "Sjöberg", Y(1982));
    m.Child(p, younger);
    m.Child(p, client);
    m.Child(p, m.Add(Gender::Unknown, "", "", Y(1977), PersonKind::Stillbirth));
    PersonId wife = m.Woman("Tove", "Sjöberg", Y(1980));
    UnionId c =
        m.Couple(client, wife, {E(K::Together, 2005), E(K::Married, 2008)}, UnionKind::Marriage);
    m.Child(c, m.Man("Leo", "Sjöberg", Y(2010)));
    m.Child(c, m.Woman("Saga", "Sjöberg", Y(2008)));
    // A sibling of unknown sex who died as a child: the X and the age in a diamond.
    PersonId lost = m.Add(Gender::Unknown, "", "", Y(1984));
    m.Child(p, lost);
    m.Died(lost, Y(1986));
    // Two and three relations between one pair, apart along their whole length.
    m.Relate(father, client, RelationKind::Hostile);
    m.Relate(father, client, RelationKind::CutOff);
    m.Relate(mother, client, RelationKind::DistantHostile);
    m.Relate(client, mother, RelationKind::Close);
    m.Relate(gf, father, RelationKind::PhysicalAbuse);
    m.Relate(mother, younger, RelationKind::FusedHostile);
    m.Relate(client, aunt, RelationKind::Close);
    return m.family;
}

std::vector<std::pair<std::string, Family>> LookFamilies() {
    return {{"twins", TwinsFamily()},
            {"adoption", AdoptionFamily()},
            {"three-partners", ThreePartnersFamily()},
            {"last-born-three-partners", LastBornThreePartnersFamily()},
            {"married-twice", MarriedTwiceFamily()},
            {"cousins", CousinsFamily()},
            {"four-generations", FourGenerationFamily()}};
}

} // namespace kartbok::genogram::testing
