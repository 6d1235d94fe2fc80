#include "kartbok/genogram/EnumNames.h"

namespace kartbok::genogram {

namespace {
using namespace std::string_view_literals;
constexpr std::array kGenders{"man"sv, "woman"sv, "unknown"sv, "other"sv};
constexpr std::array kPersonKinds{"person"sv,   "pregnancy"sv,  "miscarriage"sv,
                                  "abortion"sv, "stillbirth"sv, "significant-other"sv};
constexpr std::array kPrecisions{"unknown"sv, "year"sv, "about"sv, "full"sv, "before"sv, "after"sv};
constexpr std::array kUnionKinds{"marriage"sv, "cohabitation"sv, "engagement"sv, "dating"sv,
                                 "affair"sv};
constexpr std::array kUnionEvents{"together"sv, "married"sv,  "separated"sv, "divorced"sv,
                                  "widowed"sv,  "reunited"sv, "met"sv,       "engaged"sv};
constexpr std::array kChildKinds{"biological"sv, "adopted"sv, "foster"sv, "step"sv};
constexpr std::array kTwinKinds{"none"sv, "fraternal"sv, "identical"sv};
constexpr std::array kRelationKinds{
    "close"sv,          "fused"sv,           "distant"sv,          "conflict"sv,
    "close-conflict"sv, "cut-off"sv,         "cut-off-repaired"sv, "focused-on"sv,
    "physical-abuse"sv, "sexual-abuse"sv,    "emotional-abuse"sv,  "neglect"sv,
    "hostile"sv,        "distant-hostile"sv, "fused-hostile"sv};
constexpr std::array kConditions{"illness"sv, "substance-use"sv, "mental-health"sv,
                                 "problem-behaviour"sv};

static_assert(kPrecisions.size() == static_cast<std::size_t>(DatePrecision::After) + 1);
static_assert(kUnionEvents.size() == static_cast<std::size_t>(UnionEventKind::Engaged) + 1);
static_assert(kRelationKinds.size() == static_cast<std::size_t>(RelationKind::FusedHostile) + 1);
} // namespace

template <> std::span<const std::string_view> EnumNames<Gender>() {
    return kGenders;
}
template <> std::span<const std::string_view> EnumNames<PersonKind>() {
    return kPersonKinds;
}
template <> std::span<const std::string_view> EnumNames<DatePrecision>() {
    return kPrecisions;
}
template <> std::span<const std::string_view> EnumNames<UnionKind>() {
    return kUnionKinds;
}
template <> std::span<const std::string_view> EnumNames<UnionEventKind>() {
    return kUnionEvents;
}
template <> std::span<const std::string_view> EnumNames<ChildKind>() {
    return kChildKinds;
}
template <> std::span<const std::string_view> EnumNames<TwinKind>() {
    return kTwinKinds;
}
template <> std::span<const std::string_view> EnumNames<RelationKind>() {
    return kRelationKinds;
}
template <> std::span<const std::string_view> EnumNames<Condition>() {
    return kConditions;
}

} // namespace kartbok::genogram
