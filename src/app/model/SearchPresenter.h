#pragma once
// Finding text in the notes (Edit > Find in notes): this client's notes from
// the open document, or every client's through Vault::SearchCases, which
// decrypts case by case in memory. wx-free.

#include "kartbok/journal/Case.h"
#include "kartbok/vault/Vault.h"

#include <string>
#include <string_view>

namespace kartbok::app {

/// The open client's hits, from memory (so unsaved typing is found too).
vault::VaultSearchResult SearchOpenCase(const journal::Case& c, std::string_view query);

/// Replaces what the vault search found in the open client's file with what its
/// document holds now (it may not be saved yet), keeping the order by code.
void MergeOpenCase(vault::VaultSearchResult& all, const journal::Case& open,
                   std::string_view query);

/// Where a hit is opened: the Journal tab at a session, the Deep-interview tab,
/// or the Overview (reason for contact).
enum class HitTarget { Session, Interview, Overview };
HitTarget TargetOf(const journal::SearchHit& hit);

} // namespace kartbok::app
