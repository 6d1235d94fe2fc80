// The family model's words. One row per value, in the order choices list them.
#include "kartbok/genogram/Labels.h"

namespace kartbok {

using namespace kartbok::genogram;

template <> std::span<const Labelled<Gender>> LabelTable() {
    static constexpr Labelled<Gender> kRows[] = {
        {Gender::Man, {"Man", "Man"}},
        {Gender::Woman, {"Kvinna", "Woman"}},
        {Gender::Unknown, {"Okänt", "Unknown"}},
        {Gender::Other, {"Annat kön", "Other gender"}},
    };
    return kRows;
}

template <> std::span<const Labelled<PersonKind>> LabelTable() {
    static constexpr Labelled<PersonKind> kRows[] = {
        {PersonKind::Person, {"Person", "Person"}},
        {PersonKind::Pregnancy, {"Graviditet", "Pregnancy"}},
        {PersonKind::Miscarriage, {"Missfall", "Miscarriage"}},
        {PersonKind::Abortion, {"Abort", "Induced abortion"}},
        {PersonKind::Stillbirth, {"Dödfödsel", "Stillbirth"}},
        {PersonKind::SignificantOther, {"Viktig person utanför familjen", "Significant other"}},
    };
    return kRows;
}

template <> std::span<const Labelled<UnionKind>> LabelTable() {
    static constexpr Labelled<UnionKind> kRows[] = {
        {UnionKind::Marriage, {"Äktenskap", "Marriage"}},
        {UnionKind::Cohabitation, {"Samboskap", "Cohabitation"}},
        {UnionKind::Engagement, {"Förlovning", "Engagement"}},
        {UnionKind::Dating, {"Dejtande", "Dating"}},
        {UnionKind::Affair, {"Kärleksaffär", "Affair"}},
    };
    return kRows;
}

template <> std::span<const Labelled<UnionEventKind>> LabelTable() {
    static constexpr Labelled<UnionEventKind> kRows[] = {
        {UnionEventKind::Met, {"Träffades", "Met"}},
        {UnionEventKind::Together, {"Tillsammans", "Together"}},
        {UnionEventKind::Engaged, {"Förlovade", "Engaged"}},
        {UnionEventKind::Married, {"Gifta", "Married"}},
        {UnionEventKind::Separated, {"Separerade", "Separated"}},
        {UnionEventKind::Divorced, {"Skilda", "Divorced"}},
        {UnionEventKind::Reunited, {"Återförenade", "Reunited"}},
        {UnionEventKind::Widowed, {"Änka eller änkling", "Widowed"}},
    };
    return kRows;
}

template <> std::span<const Labelled<ChildKind>> LabelTable() {
    static constexpr Labelled<ChildKind> kRows[] = {
        {ChildKind::Biological, {"Biologiskt barn", "Biological child"}},
        {ChildKind::Adopted, {"Adopterat barn", "Adopted child"}},
        {ChildKind::Foster, {"Familjehemsplacerat barn", "Foster child"}},
        {ChildKind::Step, {"Bonusbarn", "Stepchild"}},
    };
    return kRows;
}

template <> std::span<const Labelled<TwinKind>> LabelTable() {
    static constexpr Labelled<TwinKind> kRows[] = {
        {TwinKind::None, {"Inte tvilling", "Not a twin"}},
        {TwinKind::Fraternal, {"Tvåäggstvilling", "Fraternal twin"}},
        {TwinKind::Identical, {"Enäggstvilling", "Identical twin"}},
    };
    return kRows;
}

template <> std::span<const Labelled<RelationKind>> LabelTable() {
    static constexpr Labelled<RelationKind> kRows[] = {
        {RelationKind::Close, {"Nära", "Close"}},
        {RelationKind::Fused, {"Sammansmälta", "Fused"}},
        {RelationKind::Distant, {"Distanserade", "Distant"}},
        {RelationKind::Conflict, {"Konflikt", "Conflict"}},
        {RelationKind::CloseConflict, {"Nära och konfliktfylld", "Close and conflicted"}},
        {RelationKind::CutOff, {"Bruten kontakt", "Cut off"}},
        {RelationKind::CutOffRepaired, {"Bruten kontakt, återupptagen", "Cut off, repaired"}},
        {RelationKind::FocusedOn, {"Fokuserad på", "Focused on"}},
        {RelationKind::PhysicalAbuse, {"Fysiskt våld", "Physical abuse"}},
        {RelationKind::SexualAbuse, {"Sexuella övergrepp", "Sexual abuse"}},
        {RelationKind::EmotionalAbuse, {"Psykiskt våld", "Emotional abuse"}},
        {RelationKind::Neglect, {"Försummelse", "Neglect"}},
        {RelationKind::Hostile, {"Fientliga", "Hostile"}},
        {RelationKind::DistantHostile, {"Distanserade och fientliga", "Distant and hostile"}},
        {RelationKind::FusedHostile, {"Sammansmälta och fientliga", "Fused and hostile"}},
    };
    return kRows;
}

template <> std::span<const Labelled<Condition>> LabelTable() {
    static constexpr Labelled<Condition> kRows[] = {
        {kConditionIllness, {"Fysisk sjukdom", "Physical illness"}},
        {kConditionSubstance, {"Alkohol eller droger", "Alcohol or drug use"}},
        {kConditionMentalHealth, {"Psykisk ohälsa", "Mental health"}},
        {kConditionProblemBehaviour,
         {"Beteendet klienten söker hjälp för", "The behaviour the client seeks help for"}},
    };
    return kRows;
}

} // namespace kartbok
