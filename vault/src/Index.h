#pragma once
// index.kbx: the encrypted list of cases with each file's generation and
// identity, and the audit head it is anchored to. Private to vault/src.

#include "kartbok/vault/CaseFile.h"
#include "kartbok/vault/Vault.h"

#include "Bytes.h"
#include "Sodium.h"

#include <vector>

namespace kartbok::vault::detail {

struct IndexEntry {
    CaseSummary summary; ///< summary.generation is the file's generation
    /// Version 3: BLAKE2b-256 of the case file's clear header (which holds its
    /// random wrapped file key, so it names one written version); versions 1
    /// and 2: of the whole file (fullHash).
    Hash hash{};
    bool fullHash = false;
};

/// Where the audit log stood right after the records of the change that wrote
/// this index (the index is written first, then those records are appended):
/// their count, the hash of the last one, the byte offset after it, and the
/// records themselves, so an append lost to a crash is put back from here.
struct AuditHead {
    std::uint64_t count = 0;
    Hash last{};
    std::uint64_t end = 0;
    Bytes pending; ///< the records of this change, as they go on disk
    bool operator==(const AuditHead&) const = default;
};

struct Index {
    std::uint16_t version = 3;              ///< as read
    std::uint64_t generation = 0;           ///< +1 on every write of the index
    std::uint32_t epoch = 1;                ///< key epoch it was written under
    std::array<unsigned char, 16> commit{}; ///< KeyCommit of that vault key
    std::vector<IndexEntry> entries;
    AuditHead head; ///< version 3 only

    IndexEntry* Find(const std::string& caseId);
    const IndexEntry* Find(const std::string& caseId) const;
};

/// The clear header only: version, vault, generation, epoch and key commit.
Index ParseIndexHeader(std::span<const unsigned char> bytes);
/// Always writes the newest version (3) under vaultKey.
Bytes WriteIndex(const Index& index, const VaultIdentity& vault, const SecureBuffer& vaultKey);
/// Reads versions 3, 2 and 1 (version 1 entries have no checklists; versions
/// 1 and 2 no audit head). Throws VaultError::Damaged (empty, truncated, not
/// authentic, counts or lengths out of bounds) or Tampered (another vault's index).
Index ParseIndex(std::span<const unsigned char> bytes, const VaultIdentity& vault,
                 const SecureBuffer& vaultKey);

/// The summary the index keeps for a case; lastEntry is the latest session day,
/// checklists the item ids of each checklist run by state.
CaseSummary Summarise(const journal::Case& c);

} // namespace kartbok::vault::detail
