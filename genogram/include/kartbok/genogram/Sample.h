#pragma once
// Invented families for the demo vault, the benchmarks and the layout tests.
// Every name and fact in them is made up.

#include "kartbok/genogram/Family.h"

#include <cstdint>

namespace kartbok::genogram {

/// A Swedish three-generation family around the client "Johan" (a man of
/// about 42 in 2025) that uses every notation of docs/design.md ("The family map") at least once:
/// a deceased grandfather, a divorced and remarried father with a half-brother,
/// a mother who got engaged again, three partners of the client (a separated
/// cohabitation, his wife, an affair), pregnancy losses, a pregnancy, twins,
/// an adopted and a foster child, a mentor as significant other, conditions,
/// every emotional relation kind, and a household.
Family RichSampleFamily();

/// A deterministic random family tree of about `people` people over several
/// generations (couples with one to four children, remarriages, marriages
/// between branches, the odd twin pair), for benchmarks and layout tests.
/// The same (people, seed) always gives the same family.
Family GeneratedFamily(int people, std::uint32_t seed);

} // namespace kartbok::genogram
