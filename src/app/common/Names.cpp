#include "common/Names.h"

#include <wx/intl.h>

namespace kartbok::app {

using namespace kartbok::genogram;

wxString GenderName(Gender g) {
    switch (g) {
    case Gender::Man:
        return _("Man");
    case Gender::Woman:
        return _("Woman");
    case Gender::Unknown:
        return _("Unknown");
    case Gender::Other:
        return _("Other gender");
    }
    return {};
}

wxString PersonKindName(PersonKind k) {
    switch (k) {
    case PersonKind::Person:
        return _("Person");
    case PersonKind::Pregnancy:
        return _("Pregnancy");
    case PersonKind::Miscarriage:
        return _("Miscarriage");
    case PersonKind::Abortion:
        return _("Induced abortion");
    case PersonKind::Stillbirth:
        return _("Stillbirth");
    case PersonKind::SignificantOther:
        return _("Significant other");
    }
    return {};
}

wxString UnionKindName(UnionKind k) {
    switch (k) {
    case UnionKind::Marriage:
        return _("Marriage");
    case UnionKind::Cohabitation:
        return _("Cohabitation");
    case UnionKind::Engagement:
        return _("Engagement");
    case UnionKind::Dating:
        return _("Dating");
    case UnionKind::Affair:
        return _("Affair");
    }
    return {};
}

wxString UnionEventName(UnionEventKind k) {
    switch (k) {
    case UnionEventKind::Together:
        return _("Together");
    case UnionEventKind::Married:
        return _("Married");
    case UnionEventKind::Separated:
        return _("Separated");
    case UnionEventKind::Divorced:
        return _("Divorced");
    case UnionEventKind::Widowed:
        return _("Widowed");
    case UnionEventKind::Reunited:
        return _("Reunited");
    case UnionEventKind::Met:
        return _("Met");
    case UnionEventKind::Engaged:
        return _("Engaged");
    }
    return {};
}

wxString RelationKindName(RelationKind k) {
    switch (k) {
    case RelationKind::Close:
        return _("Close");
    case RelationKind::Fused:
        return _("Fused");
    case RelationKind::Distant:
        return _("Distant");
    case RelationKind::Conflict:
        return _("Conflict");
    case RelationKind::CloseConflict:
        return _("Close and conflicted");
    case RelationKind::CutOff:
        return _("Cut off");
    case RelationKind::CutOffRepaired:
        return _("Cut off, repaired");
    case RelationKind::FocusedOn:
        return _("Focused on");
    case RelationKind::PhysicalAbuse:
        return _("Physical abuse");
    case RelationKind::SexualAbuse:
        return _("Sexual abuse");
    case RelationKind::EmotionalAbuse:
        return _("Emotional abuse");
    case RelationKind::Neglect:
        return _("Neglect");
    case RelationKind::Hostile:
        return _("Hostile");
    case RelationKind::DistantHostile:
        return _("Distant and hostile");
    case RelationKind::FusedHostile:
        return _("Fused and hostile");
    }
    return {};
}

wxString CaseStatusName(journal::CaseStatus s) {
    using journal::CaseStatus;
    switch (s) {
    case CaseStatus::Enquiry:
        return _("Enquiry");
    case CaseStatus::Assessment:
        return _("Assessment");
    case CaseStatus::Ongoing:
        return _("Ongoing");
    case CaseStatus::Ended:
        return _("Ended");
    case CaseStatus::FollowUpDone:
        return _("Follow-up done");
    case CaseStatus::Archived:
        return _("Archived");
    }
    return {};
}

wxString ConditionName(Condition c) {
    switch (c) {
    case kConditionIllness:
        return _("Physical illness");
    case kConditionSubstance:
        return _("Alcohol or drug use");
    case kConditionMentalHealth:
        return _("Mental health");
    case kConditionProblemBehaviour:
        return _("The behaviour the client seeks help for");
    default:
        return {};
    }
}

} // namespace kartbok::app
