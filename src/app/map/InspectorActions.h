#pragma once
// What the inspector's pages may ask of the map page. The pages build edits;
// only the map page executes them on the document.

#include "model/CaseEdit.h"

#include "kartbok/genogram/Family.h"

#include <functional>

namespace kartbok::app {

struct InspectorActions {
    /// Executes an edit; false (and a message shown) when the library refused it.
    std::function<bool(CaseEditPtr)> perform;
    /// A field lost focus or Enter was pressed: the next keystroke starts a new undo step.
    std::function<void()> endTyping;
    /// Enter in a field: back to the map so the next key gesture (P, S, C, B) works.
    std::function<void()> backToMap;
    std::function<void(genogram::PersonId)> removePerson;
    std::function<void()> markHousehold;
};

} // namespace kartbok::app
