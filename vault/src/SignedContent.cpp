#include "SignedContent.h"

#include "kartbok/vault/CaseFile.h"

#include <sodium.h>

#include <algorithm>
#include <utility>

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

/// Check for a session signed before, found in `after` or else in `elsewhere`.
std::string CheckSigned(const journal::Session& old, const journal::Case& after,
                        const journal::Case* elsewhere) {
    const journal::Session* now = after.FindSession(old.id);
    if (now == nullptr && elsewhere != nullptr)
        now = elsewhere->FindSession(old.id);
    return Check(old, now);
}

bool AnySigned(const journal::Case& c) {
    return std::any_of(c.sessions.begin(), c.sessions.end(),
                       [](const journal::Session& s) { return s.isSigned; });
}

} // namespace

Baseline::Baseline(std::string archive, const journal::Case& c)
    : m_archive(std::move(archive)), m_archiveSigned(AnySigned(c)) {
    if (!m_archiveSigned)
        Wipe();
}

Baseline Baseline::Of(const journal::Case& c) {
    Baseline b;
    for (const auto& s : c.sessions)
        if (s.isSigned)
            b.m_signed.push_back(s);
    return b;
}

Baseline::~Baseline() {
    Wipe();
}

Baseline::Baseline(Baseline&& other) noexcept
    : m_archive(std::move(other.m_archive)),
      m_archiveSigned(std::exchange(other.m_archiveSigned, false)),
      m_signed(std::move(other.m_signed)) {}

Baseline& Baseline::operator=(Baseline&& other) noexcept {
    if (this != &other) {
        Wipe();
        m_archive = std::move(other.m_archive);
        m_archiveSigned = std::exchange(other.m_archiveSigned, false);
        m_signed = std::move(other.m_signed);
    }
    return *this;
}

void Baseline::Wipe() {
    sodium_memzero(m_archive.data(), m_archive.size());
    m_archive.clear(); // the memory stays, for Release
}

std::string Baseline::Release() {
    Wipe();
    m_archiveSigned = false;
    return std::move(m_archive);
}

std::string Baseline::Problem(const journal::Case& after, const journal::Case* elsewhere) const {
    if (m_archiveSigned) {
        const journal::Case before = DeserializeCase(m_archive, after.id + ".kbc as opened");
        return SignedContentProblem(before, after, elsewhere);
    }
    for (const auto& old : m_signed)
        if (std::string p = CheckSigned(old, after, elsewhere); !p.empty())
            return p;
    return {};
}

std::string SignedContentProblem(const journal::Case& before, const journal::Case& after,
                                 const journal::Case* elsewhere) {
    for (const auto& old : before.sessions)
        if (old.isSigned)
            if (std::string p = CheckSigned(old, after, elsewhere); !p.empty())
                return p;
    return {};
}

} // namespace kartbok::vault::detail
