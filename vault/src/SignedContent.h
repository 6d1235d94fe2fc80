#pragma once
// Signed content is immutable on every path (docs/vault-format.md, "Signed
// notes"): what the vault keeps of a case as loaded or saved, and the check
// SaveCase, SplitCase, RestorePrevious and AddCase-over-nothing apply.
// Private to vault/src.

#include "kartbok/journal/Case.h"

#include <string>
#include <vector>

namespace kartbok::vault::detail {

/// The signed sessions of a case as this handle last opened or saved it, to
/// check the next save against. After an open it holds the case's archive
/// text, moved in from the open, and parses it when a save is first checked
/// (copying every signed session cost a tenth of an open); after a save it
/// holds copies of the signed sessions just checked. Archive text is wiped
/// when dropped, and at once when nothing in it is signed.
class Baseline {
public:
    Baseline() = default;
    /// As opened: `archive` is the SerializeCase text of `c`.
    Baseline(std::string archive, const journal::Case& c);
    /// As saved: copies of the signed sessions of `c`.
    static Baseline Of(const journal::Case& c);
    ~Baseline();
    Baseline(Baseline&& other) noexcept;
    Baseline& operator=(Baseline&& other) noexcept;
    Baseline(const Baseline&) = delete;
    Baseline& operator=(const Baseline&) = delete;

    /// The archive text's memory, wiped, for the next open to decrypt into.
    std::string Release();

    /// SignedContentProblem against the case this baseline stands for.
    std::string Problem(const journal::Case& after, const journal::Case* elsewhere = nullptr) const;

private:
    void Wipe();

    std::string m_archive;
    bool m_archiveSigned = false; ///< m_archive has a signed session
    std::vector<journal::Session> m_signed;
};

/// "" when every signed session of `before` is in `after` (or, when
/// `elsewhere` is given, there) still signed, with the same signed content and
/// its addenda kept in order (new ones only appended); otherwise why not,
/// naming the session id (never its text).
std::string SignedContentProblem(const journal::Case& before, const journal::Case& after,
                                 const journal::Case* elsewhere = nullptr);

} // namespace kartbok::vault::detail
