#pragma once
// Hand-built families of the render look-set and the layout invariant tests:
// each one a case the issue names (twins, an adoption with both families, a
// person with three partners, a couple married twice, a consanguineous
// couple, four generations). Every name and fact is invented. People and
// children are entered in an order that is not birth order on purpose.

#include "kartbok/genogram/Family.h"

#include <string>
#include <utility>
#include <vector>

namespace kartbok::genogram::testing {

Family TwinsFamily();
Family AdoptionFamily();
Family ThreePartnersFamily();
/// The youngest of two with three partners in turn, a child with each.
Family LastBornThreePartnersFamily();
Family MarriedTwiceFamily();
Family CousinsFamily();
Family FourGenerationFamily();

/// All of the above with their file names ("twins", "adoption"...).
std::vector<std::pair<std::string, Family>> LookFamilies();

} // namespace kartbok::genogram::testing
