#include "SignedContent.h"

#include <algorithm>

namespace kartbok::vault::detail {

namespace {

/// Everything a signature covers is the whole session but its addenda; a
/// field added to journal::Session is covered automatically (whole-value
/// compare). Without new addenda no copy is made.
std::string Check(const journal::Session& old, const journal::Session* now) {
    if (now == nullptr)
        return "session " + old.id + " was signed; no save may drop it";
    if (now->addenda.size() < old.addenda.size() ||
        !std::equal(old.addenda.begin(), old.addenda.end(), now->addenda.begin()))
        return "session " + old.id + ": addenda may only be added, never changed or removed";
    bool same;
    if (now->addenda.size() == old.addenda.size()) {
        same = *now == old;
    } else {
        journal::Session cut = *now;
        cut.addenda.resize(old.addenda.size());
        same = cut == old;
    }
    if (!same)
        return "session " + old.id + " was signed; its content cannot change (add an addendum)";
    return {};
}

} // namespace

SignedSessions SignedOf(const journal::Case& c) {
    auto out = std::make_shared<std::vector<journal::Session>>();
    for (const auto& s : c.sessions)
        if (s.isSigned)
            out->push_back(s);
    return out;
}

std::string SignedContentProblem(const SignedSessions& before, const journal::Case& after,
                                 const journal::Case* elsewhere) {
    if (!before)
        return {};
    for (const auto& old : *before) {
        const journal::Session* now = after.FindSession(old.id);
        if (now == nullptr && elsewhere != nullptr)
            now = elsewhere->FindSession(old.id);
        if (std::string p = Check(old, now); !p.empty())
            return p;
    }
    return {};
}

} // namespace kartbok::vault::detail
