#pragma once
// What the command files share beyond the public Commands.h. Private to
// genogram/src.

#include "kartbok/genogram/Commands.h"

#include <cstddef>

namespace kartbok::genogram::detail {

/// The index in Family::children of `person`'s own link once it names
/// parents. Someone without parents on the map gets an unknown couple (two
/// placeholders) first, so a new sibling or twin hangs from the same line as
/// them; `createdUnion` is then that couple, else kNoId.
std::size_t LinkWithParents(Family& family, EditLog& log, PersonId person, UnionId& createdUnion);

} // namespace kartbok::genogram::detail
