#pragma once
// Words of the clinical model (reasons for seeking help, referral routes,
// follow-up outcomes: the journal's label tables, which the reports print
// too; where a form item comes from), in one place so the header, the
// dialogs, the forms tab and the statistics say the same.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/Template.h"

#include <wx/string.h>

#include <array>

namespace kartbok::app {

wxString SeekReasonName(journal::SeekReason r);
wxString ReferralName(journal::ReferralRoute r);
wxString OutcomeName(journal::FollowUpOutcome o);

/// "Buying sexual services, relative" or "not recorded".
wxString ReasonsText(const journal::Intake& intake);
/// "Due 2026-12-09 · held 2026-12-11".
wxString FollowUpText(const journal::FollowUp& f);
/// Where a form item comes from, for the forms tab and client mode: the
/// publication in words, or "Clinic-defined (...)" - never a validated scale.
wxString ProvenanceLabel(const journal::Provenance& p);

inline constexpr std::array kSeekReasons{journal::SeekReason::BuyingSex,
                                         journal::SeekReason::CompulsiveSexualBehaviour,
                                         journal::SeekReason::Relative, journal::SeekReason::Other};
inline constexpr std::array kReferralRoutes{
    journal::ReferralRoute::NotRecorded,    journal::ReferralRoute::OwnInitiative,
    journal::ReferralRoute::Partner,        journal::ReferralRoute::PoliceAfterDiscovery,
    journal::ReferralRoute::SocialServices, journal::ReferralRoute::HealthCare,
    journal::ReferralRoute::Other};

} // namespace kartbok::app
