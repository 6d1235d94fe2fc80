#pragma once
// The app's one label module: the name of every type, status, session type,
// topic state, form phase, search place and shared heading, in the UI's
// language. The words are the libraries' tables (kartbok/genogram/Labels.h,
// kartbok/journal/Labels.h), which the reports print too, so a value is
// called the same on every screen and in every PDF. Choices list Values<E>()
// in the tables' order; a new value is one row in its table, nothing here.

#include "common/Translations.h"

#include "kartbok/journal/Labels.h"

#include <wx/string.h>

#include <vector>

namespace kartbok::app {

/// The value's name in the language the UI speaks now.
template <class E> wxString Name(E value) {
    const std::string_view text = LabelOf(value, CurrentLanguage());
    return wxString::FromUTF8(text.data(), text.size());
}

/// Every value of E, in the order a choice or menu lists them.
template <class E> std::vector<E> Values() {
    std::vector<E> out;
    for (const auto& row : LabelTable<E>())
        out.push_back(row.value);
    return out;
}

/// Index of a value in any list of values (for wxChoice selections); 0 when absent.
template <class List, class T> int IndexOf(const List& values, T value) {
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] == value)
            return static_cast<int>(i);
    return 0;
}

/// Index of a value in Values<E>() (for wxChoice selections); 0 when absent.
template <class E> int IndexOf(E value) {
    const auto table = LabelTable<E>();
    for (std::size_t i = 0; i < table.size(); ++i)
        if (table[i].value == value)
            return static_cast<int>(i);
    return 0;
}

/// The value at a choice's row; `fallback` for a row outside the table.
template <class E> E ValueAt(int index, E fallback) {
    const auto table = LabelTable<E>();
    return index >= 0 && static_cast<std::size_t>(index) < table.size()
               ? table[static_cast<std::size_t>(index)].value
               : fallback;
}

/// Every value of each enum in display order, for choices and menus (the tables' rows).
inline const std::vector<genogram::Gender> kGenders = Values<genogram::Gender>();
inline const std::vector<genogram::PersonKind> kPersonKinds = Values<genogram::PersonKind>();
inline const std::vector<genogram::UnionKind> kUnionKinds = Values<genogram::UnionKind>();
inline const std::vector<genogram::UnionEventKind> kUnionEvents =
    Values<genogram::UnionEventKind>();
inline const std::vector<genogram::RelationKind> kRelationKinds = Values<genogram::RelationKind>();
inline const std::vector<genogram::Condition> kConditions = Values<genogram::Condition>();
inline const std::vector<journal::CaseStatus> kCaseStatuses = Values<journal::CaseStatus>();
inline const std::vector<journal::TopicState> kTopicStates = Values<journal::TopicState>();

} // namespace kartbok::app
