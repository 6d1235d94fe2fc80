#pragma once
// Checks a family for what must never be (Errors: the file or an import is
// damaged) and for what is probably a typing mistake (Warnings: shown to the
// therapist, never blocking; a child older than a parent can be real).
// Messages are English, name no one (they may end up in a support ticket) and
// carry the ids involved so the app can select them.

#include "kartbok/genogram/Family.h"

#include <string>
#include <vector>

namespace kartbok::genogram {

struct Problem {
    enum class Severity { Error, Warning } severity = Severity::Error;
    std::string message;
    std::vector<Id> ids; ///< the people, unions... involved, most relevant first
    bool operator==(const Problem&) const = default;
};

/// All problems, errors first, in a stable order. Linear in the size of the
/// family (a 3 000-person import validates in milliseconds).
std::vector<Problem> Validate(const Family& family);

/// True when Validate finds no Error.
bool IsStructurallySound(const Family& family);

} // namespace kartbok::genogram
