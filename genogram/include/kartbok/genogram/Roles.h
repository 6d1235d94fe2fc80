#pragma once
// Role names relative to the index person, for de-identified maps
// (supervision, teaching): "Mor", "Morfar", "Halvbror"... instead of names.

#include "kartbok/genogram/Family.h"

#include <map>
#include <string>

namespace kartbok::genogram {

/// A role for every person of the family, as seen from `index` (the client),
/// in Swedish ("sv": "Klient", "Mor", "Farfar", "Moster", "Kusin 2") or English
/// ("en": "Client", "Mother", "Paternal grandfather", "Maternal aunt", "Cousin 2").
/// Roles that occur more than once are numbered by age, oldest first. People
/// with no nameable relation get "Person 1", "Person 2"... Never contains a
/// name, a date or any other fact from the family.
std::map<PersonId, std::string> RoleNames(const Family& family, PersonId index,
                                          const std::string& language);

} // namespace kartbok::genogram
