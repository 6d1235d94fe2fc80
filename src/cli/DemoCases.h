#pragma once
// The demo vault's cases (kartbok-cli demo), built in code from invented
// data: the main client (DemoMainCase.cpp), and the cases that show the
// clinical model (DemoCases.cpp): his partner in parallel treatment with a
// case of her own, a returning client in his second treatment episode, and a
// client who declined the follow-up. The helpers below build every demo
// case's sessions and follow-ups one way.

#include "kartbok/journal/Case.h"

#include <string>
#include <vector>

namespace kartbok::cli::demo {

inline constexpr const char* kTherapist = "terapeut";

/// Midnight UTC of a date plus hours: when a demo session starts.
journal::Timestamp At(journal::Date d, int hour);

/// A fixed id: `prefix` and then `n` in 12 digits, so every demo vault is the
/// same ("5e55104d-de00-4000-8000-", 1 -> "5e55104d-de00-4000-8000-000000000001").
std::string Id(const char* prefix, int n);

/// The main client's session ids, "5e55104d-de00-4000-8000-" and a number;
/// the other demo cases' sessions number on from 1000.
inline constexpr const char* kMainSession = "5e55104d-de00-4000-8000-";

/// A session the therapist held at 10 on `d`, wrote at 11 and signed at 12.
journal::Session Signed(const std::string& id, journal::Date d, journal::SessionType type,
                        const std::string& templateId, std::vector<journal::NoteField> fields,
                        std::vector<std::string> themes = {});

/// Plans the first follow-up of an ended case (c.end set) c.followUpMonths
/// on, with its outcome: one other than Planned happened on `outcomeDate`,
/// or on the due date when that is not given.
void FirstFollowUp(journal::Case& c, journal::FollowUpOutcome outcome,
                   journal::Date outcomeDate = {});

/// The main client, GBG-2025-017: a year of signed notes, a rich family map,
/// a deep interview in progress, start and end forms; follow-up planned.
journal::Case MainCase(const std::string& id);

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
