#pragma once
// Translated names of the model's enums, in one place so every view, menu and
// dialog says the same word ("Sambo" is always "Sambo").

#include "kartbok/genogram/Family.h"
#include "kartbok/journal/Case.h"

#include <wx/string.h>

#include <array>

namespace kartbok::app {

wxString GenderName(genogram::Gender g);
wxString PersonKindName(genogram::PersonKind k);
wxString UnionKindName(genogram::UnionKind k);
wxString UnionEventName(genogram::UnionEventKind k);
wxString RelationKindName(genogram::RelationKind k);
wxString CaseStatusName(journal::CaseStatus s);
wxString ConditionName(genogram::Condition c);

/// Every value of each enum in display order, for choices and menus.
inline constexpr std::array kGenders{genogram::Gender::Man, genogram::Gender::Woman,
                                     genogram::Gender::Unknown, genogram::Gender::Other};
inline constexpr std::array kPersonKinds{
    genogram::PersonKind::Person,      genogram::PersonKind::Pregnancy,
    genogram::PersonKind::Miscarriage, genogram::PersonKind::Abortion,
    genogram::PersonKind::Stillbirth,  genogram::PersonKind::SignificantOther};
inline constexpr std::array kUnionKinds{
    genogram::UnionKind::Marriage, genogram::UnionKind::Cohabitation,
    genogram::UnionKind::Engagement, genogram::UnionKind::Dating, genogram::UnionKind::Affair};
inline constexpr std::array kUnionEvents{
    genogram::UnionEventKind::Met,       genogram::UnionEventKind::Together,
    genogram::UnionEventKind::Engaged,   genogram::UnionEventKind::Married,
    genogram::UnionEventKind::Separated, genogram::UnionEventKind::Divorced,
    genogram::UnionEventKind::Reunited,  genogram::UnionEventKind::Widowed};
inline constexpr std::array kRelationKinds{
    genogram::RelationKind::Close,          genogram::RelationKind::Fused,
    genogram::RelationKind::Distant,        genogram::RelationKind::Conflict,
    genogram::RelationKind::CloseConflict,  genogram::RelationKind::CutOff,
    genogram::RelationKind::CutOffRepaired, genogram::RelationKind::FocusedOn,
    genogram::RelationKind::PhysicalAbuse,  genogram::RelationKind::SexualAbuse,
    genogram::RelationKind::EmotionalAbuse, genogram::RelationKind::Neglect,
    genogram::RelationKind::Hostile,        genogram::RelationKind::DistantHostile,
    genogram::RelationKind::FusedHostile};
inline constexpr std::array kCaseStatuses{
    journal::CaseStatus::Enquiry, journal::CaseStatus::Assessment,   journal::CaseStatus::Ongoing,
    journal::CaseStatus::Ended,   journal::CaseStatus::FollowUpDone, journal::CaseStatus::Archived};
inline constexpr std::array kConditions{genogram::kConditionIllness, genogram::kConditionSubstance,
                                        genogram::kConditionMentalHealth,
                                        genogram::kConditionProblemBehaviour};

/// Index of a value in one of the arrays above (for wxChoice selections).
template <class Array, class T> int IndexOf(const Array& values, T value) {
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] == value)
            return static_cast<int>(i);
    return 0;
}

} // namespace kartbok::app
