#pragma once
// The demo vault's cases that show the clinical model (kartbok-cli demo):
// the main client's partner in parallel treatment with a case of her own, a
// returning client in his second treatment episode, and a client who declined
// the follow-up. Everything is invented.

#include "kartbok/journal/Case.h"

#include <string>

namespace kartbok::cli::demo {

inline constexpr const char* kTherapist = "terapeut";

/// Midnight UTC of a date plus hours: when a demo session starts.
journal::Timestamp At(journal::Date d, int hour);

/// The partner of the main client (GBG-2025-017): her own alone-sessions and
/// the relatives' checklist, linked to his case by id; the joint sessions stay
/// in his case and show as joint in hers.
journal::Case PartnerCase(const std::string& id, const journal::Case& index);

/// Turns a followed-up case into a returning client: the first treatment
/// (2021-2022) becomes episode 1, and a new episode starts in autumn 2026.
void Returning(journal::Case& c);

/// A client whose treatment ended in 2025 and who declined the follow-up.
journal::Case DeclinedFollowUp(const std::string& id);

} // namespace kartbok::cli::demo
