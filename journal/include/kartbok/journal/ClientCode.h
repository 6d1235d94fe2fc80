#pragma once
// The rule for a client's pseudonymous code ("GBG-2026-014"): shown in every
// list and tab-separated output, so it must stay one printable line.

#include <string>

namespace kartbok::journal {

/// Why a client code is not allowed, "" when it is: 1 to 64 characters (UTF-8
/// code points), valid UTF-8, no control characters (C0, DEL, C1), no path
/// separators ('/' or '\'), not only spaces. English, ASCII: the app shows its
/// own translated text for each rule. The vault refuses such codes.
std::string ClientCodeProblem(const std::string& code);

} // namespace kartbok::journal
