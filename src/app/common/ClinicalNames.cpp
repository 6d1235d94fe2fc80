#include "common/ClinicalNames.h"

#include <wx/intl.h>

namespace kartbok::app {

wxString SeekReasonName(journal::SeekReason r) {
    switch (r) {
    case journal::SeekReason::BuyingSex:
        return _("Buying sexual services");
    case journal::SeekReason::CompulsiveSexualBehaviour:
        return _("Compulsive sexual behaviour");
    case journal::SeekReason::Relative:
        return _("Relative or partner");
    case journal::SeekReason::Other:
        return _("Other reason");
    }
    return {};
}

wxString ReferralName(journal::ReferralRoute r) {
    using R = journal::ReferralRoute;
    switch (r) {
    case R::NotRecorded:
        return _("Not recorded");
    case R::OwnInitiative:
        return _("Own initiative");
    case R::Partner:
        return _("The partner");
    case R::PoliceAfterDiscovery:
        return _("The police, after discovery");
    case R::SocialServices:
        return _("Social services");
    case R::HealthCare:
        return _("Health care");
    case R::Other:
        return _("Another route");
    }
    return {};
}

wxString OutcomeName(journal::FollowUpOutcome o) {
    switch (o) {
    case journal::FollowUpOutcome::Planned:
        return _("planned");
    case journal::FollowUpOutcome::Held:
        return _("held");
    case journal::FollowUpOutcome::Declined:
        return _("declined");
    case journal::FollowUpOutcome::NotReached:
        return _("not reached");
    }
    return {};
}

wxString ReasonsText(const journal::Intake& intake) {
    wxString out;
    for (journal::SeekReason r : intake.reasons)
        out += (out.empty() ? wxString() : wxString(", ")) + SeekReasonName(r);
    return out.empty() ? _("not recorded") : out;
}

wxString FollowUpText(const journal::FollowUp& f) {
    wxString text = wxString::Format(_("Due %s"), wxString::FromUTF8(f.due.Iso())) +
                    wxString::FromUTF8(" · ") + OutcomeName(f.outcome);
    if (f.outcome != journal::FollowUpOutcome::Planned && f.outcomeDate.Set())
        text += " " + wxString::FromUTF8(f.outcomeDate.Iso());
    return text;
}

wxString ProvenanceLabel(const journal::Provenance& p) {
    if (p.clinicDefined)
        return p.context.empty()
                   ? _("Clinic-defined")
                   : wxString::Format(_("Clinic-defined (%s)"), wxString::FromUTF8(p.context));
    if (!p.publication.empty())
        return wxString::FromUTF8(p.publication);
    return _("Source not given");
}

} // namespace kartbok::app
