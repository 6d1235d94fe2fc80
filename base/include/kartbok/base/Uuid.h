#pragma once
// Random identifiers: case files, sessions, form responses all carry one.

#include <string>

namespace kartbok::base {

/// A random RFC 4122 version 4 uuid in lower case, "xxxxxxxx-xxxx-4xxx-yxxx-
/// xxxxxxxxxxxx", from the operating system's random source (getrandom).
std::string NewUuid();

/// True for exactly the form NewUuid makes (lower-case hex, dashes at 8, 13,
/// 18, 23). Guards file names built from ids read off disk.
bool IsUuid(const std::string& s);

} // namespace kartbok::base
