#include "kartbok/genogram/Scaffold.h"

namespace kartbok::genogram {

Family Scaffold(const std::string& clientGivenName, Gender gender) {
    const ScaffoldIds ids;
    Family family;
    auto person = [&](PersonId id, Gender g, bool placeholder) {
        Person p;
        p.id = id;
        p.gender = g;
        p.placeholder = placeholder;
        family.people.push_back(p);
    };
    person(ids.client, gender, false);
    family.people.back().givenNames = clientGivenName;
    family.people.back().isIndex = true;
    person(ids.father, Gender::Man, true);
    person(ids.mother, Gender::Woman, true);
    person(ids.paternalGrandfather, Gender::Man, true);
    person(ids.paternalGrandmother, Gender::Woman, true);
    person(ids.maternalGrandfather, Gender::Man, true);
    person(ids.maternalGrandmother, Gender::Woman, true);

    auto couple = [&](UnionId id, PersonId man, PersonId woman) {
        Union u;
        u.id = id;
        u.partnerA = man;
        u.partnerB = woman;
        u.kind = UnionKind::Marriage;
        family.unions.push_back(u);
    };
    couple(ids.parents, ids.father, ids.mother);
    couple(ids.paternalGrandparents, ids.paternalGrandfather, ids.paternalGrandmother);
    couple(ids.maternalGrandparents, ids.maternalGrandfather, ids.maternalGrandmother);

    auto child = [&](PersonId c, UnionId parents) {
        ChildLink link;
        link.child = c;
        link.parents = parents;
        family.children.push_back(link);
    };
    child(ids.client, ids.parents);
    child(ids.father, ids.paternalGrandparents);
    child(ids.mother, ids.maternalGrandparents);

    family.nextId = ids.maternalGrandparents + 1;
    return family;
}

} // namespace kartbok::genogram
