#pragma once
// What the command files share beyond the public Commands.h. Private to
// genogram/src.

#include "kartbok/genogram/Commands.h"

#include <cstddef>
#include <string>
#include <vector>

namespace kartbok::genogram::detail {

/// The index in Family::children of `person`'s own link once it names
/// parents. Someone without parents on the map gets an unknown couple (two
/// placeholders) first, so a new sibling or twin hangs from the same line as
/// them; `createdUnion` is then that couple, else kNoId.
std::size_t LinkWithParents(Family& family, EditLog& log, PersonId person, UnionId& createdUnion);

/// Where the element with this id stands in one of the family's vectors
/// (people, unions, relations, households): what EditLog's Erase and Assign
/// take. Refuses with "The <what> is no longer in the family map." when the
/// element is gone (another edit removed it).
template <class T> std::size_t IndexOf(const std::vector<T>& v, Id id, const std::string& what) {
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i].id == id)
            return i;
    throw CommandError("The " + what + " is no longer in the family map.");
}

/// Appends an unknown man and woman and their couple (of `kind`), to be the
/// parents of someone who has none; `placeholders` hides them from drawings
/// until filled in. Returns the couple.
inline Union AddUnknownParents(Family& family, EditLog& log, UnionKind kind, bool placeholders) {
    Person father;
    father.gender = Gender::Man;
    father.placeholder = placeholders;
    Person mother = father;
    mother.gender = Gender::Woman;
    father.id = family.NewId();
    mother.id = family.NewId();
    Union u;
    u.id = family.NewId();
    u.partnerA = father.id;
    u.partnerB = mother.id;
    u.kind = kind;
    log.Append(family, &Family::people, father);
    log.Append(family, &Family::people, mother);
    log.Append(family, &Family::unions, u);
    return u;
}

} // namespace kartbok::genogram::detail
