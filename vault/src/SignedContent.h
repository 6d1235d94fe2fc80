#pragma once
// Signed content is immutable on every path (docs/vault-format.md, "Signed
// notes"): what the vault keeps of a loaded case's signed sessions, and the
// check SaveCase, SplitCase, RestorePrevious and AddCase-over-nothing apply.
// Private to vault/src.

#include "kartbok/journal/Case.h"

#include <memory>
#include <string>
#include <vector>

namespace kartbok::vault::detail {

/// The signed sessions of a case as loaded or saved (copies: comparing them
/// costs less than hashing, and the case is in memory anyway).
using SignedSessions = std::shared_ptr<const std::vector<journal::Session>>;

SignedSessions SignedOf(const journal::Case& c);

/// "" when every session in `before` is in `after` (or, when `elsewhere` is
/// given, there) still signed, with the same signed content and its addenda
/// kept in order (new ones only appended); otherwise why not, naming the
/// session id (never its text).
std::string SignedContentProblem(const SignedSessions& before, const journal::Case& after,
                                 const journal::Case* elsewhere = nullptr);

} // namespace kartbok::vault::detail
