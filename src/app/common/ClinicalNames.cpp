#include "common/ClinicalNames.h"

#include "common/Labels.h"

#include <wx/intl.h>

namespace kartbok::app {

wxString SeekReasonName(journal::SeekReason r) {
    return Name(r);
}

wxString ReferralName(journal::ReferralRoute r) {
    return Name(r);
}

wxString OutcomeName(journal::FollowUpOutcome o) {
    return Name(o);
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
