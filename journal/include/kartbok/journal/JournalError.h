#pragma once
// The one exception type of the journal library.

#include <stdexcept>

namespace kartbok::journal {

/// Thrown when an edit or a file does not make sense (editing a signed note, a
/// follow-up 12 months out, a template with a duplicate id...). The message is
/// English, says what to do instead, and never quotes client text, so it can be
/// shown, logged or put in a crash report safely.
class JournalError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace kartbok::journal
