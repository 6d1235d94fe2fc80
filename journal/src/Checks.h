#pragma once
// Small checks shared by the commands (private to the journal library).

#include "kartbok/journal/Case.h"
#include "kartbok/journal/JournalError.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace kartbok::journal::detail {

[[noreturn]] inline void Fail(const std::string& message) {
    throw JournalError(message);
}

inline bool Blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char ch) { return std::isspace(ch); });
}

template <class T> bool HasDuplicates(std::vector<T> v) {
    std::sort(v.begin(), v.end());
    return std::adjacent_find(v.begin(), v.end()) != v.end();
}

inline bool PersonExists(const genogram::Family& f, genogram::PersonId id) {
    return f.FindPerson(id) != nullptr;
}

/// Throws unless every id names a person in the map.
inline void RequirePeople(const genogram::Family& f, const std::vector<genogram::PersonId>& ids,
                          const char* what) {
    for (auto id : ids)
        if (!PersonExists(f, id))
            Fail(std::string(what) + " names person " + std::to_string(id) +
                 ", who is not in the family map; add them to the map first.");
    if (HasDuplicates(ids))
        Fail(std::string(what) + " names the same person twice.");
}

inline Session& RequireSession(Case& c, const std::string& id) {
    Session* s = c.FindSession(id);
    if (!s)
        Fail("There is no session " + id + " in this case.");
    return *s;
}

/// The lifecycle rule in one place: a signed note never changes.
inline void RequireDraft(const Session& s, const char* action) {
    if (s.isSigned)
        Fail(std::string("Session ") + s.id + " is signed and locked, so it cannot be " + action +
             ". Add an addendum or a correction instead.");
}

} // namespace kartbok::journal::detail
