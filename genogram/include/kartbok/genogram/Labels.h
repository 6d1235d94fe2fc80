#pragma once
// The words a person reads for a value of an enum ("Sambo"/"Cohabitation"),
// in Swedish and English, kept in one table per enum. The app's choices, lists
// and inspectors, the map and the reports all read these tables, so a thing is
// called the same on every screen and every page. The table's order is the
// order a choice lists the values in; adding a value is adding one row.
// This header holds the mechanism and the family model's tables; the case
// record's are in kartbok/journal/Labels.h.

#include "kartbok/genogram/Family.h"

#include <span>
#include <string_view>

namespace kartbok {

/// One value's words, in both languages the product speaks.
struct LabelText {
    std::string_view sv;
    std::string_view en;
    /// Swedish for "sv", English (the source language) for anything else.
    std::string_view In(std::string_view language) const { return language == "sv" ? sv : en; }
};

/// A value and its words: one row of a table.
template <class E> struct Labelled {
    E value;
    LabelText text;
};

/// Every value of E with its words, in display order (specialised per enum).
template <class E> std::span<const Labelled<E>> LabelTable();

/// The words for a value; empty for a value its table lacks (tests check none does).
template <class E> LabelText LabelOf(E value) {
    for (const auto& row : LabelTable<E>())
        if (row.value == value)
            return row.text;
    return {};
}

template <class E> std::string_view LabelOf(E value, std::string_view language) {
    return LabelOf(value).In(language);
}

template <> std::span<const Labelled<genogram::Gender>> LabelTable();
template <> std::span<const Labelled<genogram::PersonKind>> LabelTable();
template <> std::span<const Labelled<genogram::UnionKind>> LabelTable();
template <> std::span<const Labelled<genogram::UnionEventKind>> LabelTable();
template <> std::span<const Labelled<genogram::ChildKind>> LabelTable();
template <> std::span<const Labelled<genogram::TwinKind>> LabelTable();
template <> std::span<const Labelled<genogram::RelationKind>> LabelTable();
/// The four condition bits (illness, substance use, mental health, the behaviour).
template <> std::span<const Labelled<genogram::Condition>> LabelTable();

} // namespace kartbok
