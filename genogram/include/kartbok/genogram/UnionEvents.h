#pragma once
// A couple's history: every event is kept and printed in date order, the
// current state decides the slashes, and a sequence that cannot be right
// ("married" twice without a divorce) is pointed out, never refused.

#include "kartbok/genogram/Family.h"

#include <cstddef>
#include <vector>

namespace kartbok::genogram {

/// Sorts events by year, stable. An event without a year stays after the
/// events entered before it (it takes the latest year among them), so
/// "married 1976, divorced (no year)" keeps the divorce last.
void SortEvents(std::vector<UnionEvent>& events);

/// Adds an event at its place in time (see SortEvents): what the union editor
/// and the GEDCOM import use.
void InsertEvent(Union& u, UnionEvent event);

/// Where a couple stands after its last event.
enum class CoupleState : std::uint8_t { Together, Married, Separated, Divorced, Widowed };
/// The state after all events (in their stored order): separated and
/// divorced draw one and two slashes; a reunion takes them away again.
CoupleState StateOf(const Union& u);

/// An event that contradicts the ones before it, e.g. a second "married"
/// without a divorce in between, or "reunited" without a separation.
struct EventProblem {
    enum class Kind : std::uint8_t {
        MarriedTwice,      ///< married while still married
        DivorcedUnmarried, ///< divorced but not married at that time
        ReunitedTogether,  ///< reunited without a separation or divorce before
        SeparatedTwice,    ///< separated or divorced while already apart
        AfterWidowhood,    ///< an event after one partner died
        MetLate,           ///< "met" after the couple already had a history
        EngagedMarried,    ///< engaged while married
    };
    std::size_t index = 0; ///< the offending event in Union::events
    Kind kind = Kind::MarriedTwice;
    bool operator==(const EventProblem&) const = default;
};
/// Every contradiction, in event order. Empty for a plausible history.
std::vector<EventProblem> EventProblems(const Union& u);

} // namespace kartbok::genogram
