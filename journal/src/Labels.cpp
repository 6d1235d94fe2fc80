// The case record's words. One row per value, in the order choices list them.
#include "kartbok/journal/Labels.h"

namespace kartbok {

using namespace kartbok::journal;

template <> std::span<const Labelled<CaseStatus>> LabelTable() {
    static constexpr Labelled<CaseStatus> kRows[] = {
        {CaseStatus::Enquiry, {"Förfrågan", "Enquiry"}},
        {CaseStatus::Assessment, {"Bedömning", "Assessment"}},
        {CaseStatus::Ongoing, {"Pågående", "Ongoing"}},
        {CaseStatus::Ended, {"Avslutad", "Ended"}},
        {CaseStatus::FollowUpDone, {"Uppföljning gjord", "Follow-up done"}},
        {CaseStatus::Archived, {"Arkiverad", "Archived"}},
    };
    return kRows;
}

template <> std::span<const Labelled<SessionType>> LabelTable() {
    static constexpr Labelled<SessionType> kRows[] = {
        {SessionType::Individual, {"Individuellt", "Individual"}},
        {SessionType::Couple, {"Par", "Couple"}},
        {SessionType::Relative, {"Anhörig eller partner ensam", "Relative or partner alone"}},
        {SessionType::Group, {"Grupp", "Group"}},
        {SessionType::Remote, {"Telefon eller video", "Phone or video"}},
        {SessionType::Closing, {"Avslutande samtal", "Closing session"}},
        {SessionType::FollowUp, {"Uppföljning", "Follow-up"}},
    };
    return kRows;
}

template <> std::span<const Labelled<TopicState>> LabelTable() {
    static constexpr Labelled<TopicState> kRows[] = {
        {TopicState::NotYet, {"Inte än", "Not yet"}},
        {TopicState::Partly, {"Delvis", "Partly"}},
        {TopicState::Covered, {"Avklarat", "Covered"}},
    };
    return kRows;
}

template <> std::span<const Labelled<FormPhase>> LabelTable() {
    static constexpr Labelled<FormPhase> kRows[] = {
        {FormPhase::Start, {"Start", "Start"}},
        {FormPhase::End, {"Avslut", "End"}},
        {FormPhase::FollowUp, {"Uppföljning", "Follow-up"}},
    };
    return kRows;
}

template <> std::span<const Labelled<HitPlace>> LabelTable() {
    static constexpr Labelled<HitPlace> kRows[] = {
        {HitPlace::ReasonForContact, {"Kontaktorsak", "Reason for contact"}},
        {HitPlace::SessionField, {"Anteckning", "Note"}},
        {HitPlace::Addendum, {"Tillägg eller rättelse", "Addendum or correction"}},
        {HitPlace::Theme, {"Tema", "Theme"}},
        {HitPlace::NextSteps, {"Överenskommet till nästa gång", "Agreed for next time"}},
        {HitPlace::TopicNote, {"Ämne i djupintervjun", "Deep-interview topic"}},
    };
    return kRows;
}

template <> std::span<const Labelled<Heading>> LabelTable() {
    static constexpr Labelled<Heading> kRows[] = {
        {Heading::FamilyMap, {"Familjekarta", "Family map"}},
        {Heading::DeepInterview, {"Djupintervju", "Deep interview"}},
        {Heading::ReasonForContact, {"Kontaktorsak", "Reason for contact"}},
        {Heading::FirstContact, {"Första kontakt", "First contact"}},
        {Heading::TreatmentStart, {"Behandlingsstart", "Start of treatment"}},
        {Heading::TreatmentEnd, {"Avslut", "End of treatment"}},
        {Heading::FollowUpDue, {"Uppföljning planerad", "Follow-up due"}},
        {Heading::AlsoTakingPart, {"Deltar också", "Also taking part"}},
        {Heading::NextSteps, {"Överenskommet till nästa gång", "Agreed for next time"}},
        {Heading::Themes, {"Teman", "Themes"}},
        {Heading::Methods, {"Metoder", "Methods"}},
        {Heading::Addenda, {"Tillägg", "Addenda"}},
        {Heading::Topic, {"Ämne", "Topic"}},
        {Heading::TopicState, {"Status", "State"}},
        {Heading::Note, {"Anteckning", "Note"}},
        {Heading::Sessions, {"Samtal", "Sessions"}},
        {Heading::CameUpIn, {"Togs upp i samtal", "Came up in sessions"}},
        {Heading::Concerns, {"Berörda personer", "People concerned"}},
        {Heading::SignedBy, {"Signerad av", "Signed by"}},
    };
    return kRows;
}

} // namespace kartbok
