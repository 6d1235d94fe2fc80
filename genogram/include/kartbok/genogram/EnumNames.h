#pragma once
// The stable names of the family model's enum values ("man", "cut-off",
// "divorced"...): what the case JSON, the layout JSON and the GEDCOM import
// read and write. They live next to the enums so every format spells a value
// the same way; a name, once published, never changes meaning.

#include "kartbok/genogram/Family.h"

#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

namespace kartbok::genogram {

/// Names of an enum's values, indexed by the value. Specialised below for
/// every enum of Family.h; Condition names are indexed by bit position.
template <class E> std::span<const std::string_view> EnumNames();

template <> std::span<const std::string_view> EnumNames<Gender>();
template <> std::span<const std::string_view> EnumNames<PersonKind>();
template <> std::span<const std::string_view> EnumNames<DatePrecision>();
template <> std::span<const std::string_view> EnumNames<UnionKind>();
template <> std::span<const std::string_view> EnumNames<UnionEventKind>();
template <> std::span<const std::string_view> EnumNames<ChildKind>();
template <> std::span<const std::string_view> EnumNames<TwinKind>();
template <> std::span<const std::string_view> EnumNames<RelationKind>();
template <> std::span<const std::string_view> EnumNames<Condition>();

/// The name of a value ("unknown" for a value outside the enum). A Condition
/// is one bit (kConditionSubstance -> "substance-use").
template <class E> std::string_view NameOf(E value) {
    auto names = EnumNames<E>();
    auto i = static_cast<std::size_t>(value);
    if constexpr (std::is_same_v<E, Condition>) {
        for (std::size_t bit = 0; bit < names.size(); ++bit)
            if (i == (std::size_t{1} << bit))
                return names[bit];
    } else if (i < names.size()) {
        return names[i];
    }
    return "unknown";
}

/// The value with this name, or nullopt.
template <class E> std::optional<E> FromName(std::string_view name) {
    auto names = EnumNames<E>();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) {
            if constexpr (std::is_same_v<E, Condition>)
                return static_cast<E>(1u << i);
            else
                return static_cast<E>(i);
        }
    return std::nullopt;
}

/// Condition bits in order (illness, substance use, mental health, the
/// problem behaviour), for iterating over a person's bit set.
inline constexpr std::array<Condition, 4> kAllConditions{
    kConditionIllness, kConditionSubstance, kConditionMentalHealth, kConditionProblemBehaviour};

} // namespace kartbok::genogram
