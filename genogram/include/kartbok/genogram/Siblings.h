#pragma once
// The order siblings stand in. A family map a client corrects on the spot
// ("my brother is older than me") loses their trust, so birth dates decide,
// never the order people were typed in or listed in a file.

#include "kartbok/genogram/Family.h"

#include <functional>
#include <vector>

namespace kartbok::genogram {

/// The links of one sibship in drawing order, oldest first:
/// - by birth date (FuzzyDate::SortKey); equal dates keep entry order;
/// - a sibling without a date stands after every sibling entered before it
///   (entry order = ChildLink::birthOrder, then position in the family), so
///   undated siblings keep their entry order among themselves;
/// - an undated pregnancy is the youngest;
/// - twins and multiples stand together at the place of their eldest;
/// - a child the user dragged (ChildLink::pinnedPosition) is then put at that
///   place: a kept exception to birth order until "Reset layout".
/// The links may come in any order; the result does not depend on it beyond
/// entry order.
/// The links must point into one family's `children` vector (its order is
/// the entry order after birthOrder).
std::vector<const ChildLink*> SiblingOrder(const Family& family,
                                           std::vector<const ChildLink*> links);
/// The same with a person lookup, for callers that index a big family once.
std::vector<const ChildLink*>
SiblingOrder(std::vector<const ChildLink*> links,
             const std::function<const Person*(PersonId)>& findPerson);

} // namespace kartbok::genogram
