#pragma once
// index.kbx: the encrypted list of cases with each file's generation and hash.
// Private to vault/src.

#include "kartbok/vault/CaseFile.h"
#include "kartbok/vault/Vault.h"

#include "Bytes.h"
#include "Sodium.h"

#include <vector>

namespace kartbok::vault::detail {

struct IndexEntry {
    CaseSummary summary; ///< summary.generation is the file's generation
    Hash hash{};         ///< BLAKE2b-256 of the whole case file as written
};

struct Index {
    std::uint64_t generation = 0; ///< bumped on every write of the index
    std::vector<IndexEntry> entries;

    IndexEntry* Find(const std::string& caseId);
    const IndexEntry* Find(const std::string& caseId) const;
};

/// Always writes the newest version (2).
Bytes WriteIndex(const Index& index, const VaultIdentity& vault, const SecureBuffer& vaultKey);
/// Reads version 2 and version 1 (whose entries have no checklists). Throws
/// VaultError::Damaged (empty, truncated, not authentic, counts or lengths out
/// of bounds) or Tampered (another vault's index).
Index ParseIndex(std::span<const unsigned char> bytes, const VaultIdentity& vault,
                 const SecureBuffer& vaultKey);

/// The summary the index keeps for a case; lastEntry is the latest session day,
/// checklists the item ids of each checklist run by state.
CaseSummary Summarise(const journal::Case& c);

} // namespace kartbok::vault::detail
