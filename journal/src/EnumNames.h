#pragma once
// The two lookups behind every ToString / FromString pair of the journal's
// enums (Case.h, Template.h), private to the library. Each enum has one table
// of stable names indexed by its value ("ongoing", "follow-up", "yes-no"...);
// what the case JSON and the templates read and write.

#include <array>
#include <cstddef>
#include <string>

namespace kartbok::journal::detail {

/// The name of `value` in its table (std::out_of_range for a value outside it).
template <class E, std::size_t N>
const char* NameIn(const std::array<const char*, N>& names, E value) {
    return names.at(static_cast<std::size_t>(value));
}

/// The value named `s`; false (and `out` untouched) for a name not in the table.
template <class E, std::size_t N>
bool ValueIn(const std::array<const char*, N>& names, const std::string& s, E& out) {
    for (std::size_t i = 0; i < N; ++i)
        if (s == names[i]) {
            out = static_cast<E>(i);
            return true;
        }
    return false;
}

} // namespace kartbok::journal::detail
