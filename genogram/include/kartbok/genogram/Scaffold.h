#pragma once
// The three generations a new case starts with (docs/design.md, "The family map"): the method's
// deep interview begins by filling in this map with the client.

#include "kartbok/genogram/Family.h"

#include <string>

namespace kartbok::genogram {

/// Ids of the scaffold's people and unions, in the order Scaffold creates
/// them, so callers and tests need not search for them.
struct ScaffoldIds {
    PersonId client = 1;
    PersonId father = 2;
    PersonId mother = 3;
    PersonId paternalGrandfather = 4;
    PersonId paternalGrandmother = 5;
    PersonId maternalGrandfather = 6;
    PersonId maternalGrandmother = 7;
    UnionId parents = 8;
    UnionId paternalGrandparents = 9;
    UnionId maternalGrandparents = 10;
};

/// A client (the index person) with two parents and four grandparents, joined
/// by three marriages. The six relatives are placeholders with their gender
/// set: they are hidden from drawings until the therapist edits them (SetPerson
/// then clears the flag).
Family Scaffold(const std::string& clientGivenName = "", Gender gender = Gender::Unknown);

} // namespace kartbok::genogram
