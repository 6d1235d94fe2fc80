#pragma once
// What every editing command's test checks: Apply and Revert give back the
// exact family, and a refusal leaves it untouched.

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Validate.h"

#include <catch2/catch.hpp>

#include <string>

namespace kartbok::genogram::testing {

/// A person to hand to a command (the command gives the id).
inline Person Named(const std::string& given, Gender g = Gender::Unknown, int born = 0) {
    Person p;
    p.givenNames = given;
    p.gender = g;
    if (born)
        p.birth = FuzzyDate::Year(born);
    return p;
}

/// Apply, Revert, Apply, Revert: the family must be sound after Apply, come
/// back exactly after Revert, and the second Apply must produce the same
/// family as the first.
inline void CheckRoundTrip(Family family, Command& command) {
    const Family before = family;
    command.Apply(family);
    const Family after = family;
    CHECK_FALSE(after == before);
    CHECK(IsStructurallySound(family));
    command.Revert(family);
    CHECK(family == before);
    command.Apply(family);
    CHECK(family == after);
    command.Revert(family);
    CHECK(family == before);
}

/// Expects a refusal whose message contains `text`, and an untouched family.
inline void CheckRefused(Family family, Command& command, const std::string& text) {
    const Family before = family;
    try {
        command.Apply(family);
        FAIL("the command was not refused");
    } catch (const CommandError& e) {
        CHECK_THAT(e.what(), Catch::Matchers::Contains(text));
    }
    CHECK(family == before);
}

} // namespace kartbok::genogram::testing
