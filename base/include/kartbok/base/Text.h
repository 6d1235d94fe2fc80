#pragma once
// UTF-8 helpers shared by the GEDCOM reader and the journal's search.

#include <string>

namespace kartbok::base {

/// Appends code point `cp` as UTF-8. A surrogate or a value above U+10FFFF
/// (which no valid text holds) becomes U+FFFD, so the result is always valid.
void AppendUtf8(std::string& out, char32_t cp);

} // namespace kartbok::base
