#include "kartbok/genogram/UnionEvents.h"

#include <algorithm>
#include <limits>

namespace kartbok::genogram {

void SortEvents(std::vector<UnionEvent>& events) {
    std::vector<std::pair<int, UnionEvent>> keyed;
    int latest = std::numeric_limits<int>::min();
    for (const UnionEvent& e : events) {
        if (e.year != 0)
            latest = std::max(latest, e.year);
        keyed.push_back({e.year != 0 ? e.year : latest, e});
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < events.size(); ++i)
        events[i] = keyed[i].second;
}

void InsertEvent(Union& u, UnionEvent event) {
    u.events.push_back(event);
    SortEvents(u.events);
}

namespace {

/// Walks the events and calls report(index, problem) for each contradiction.
template <class Report> CoupleState Walk(const Union& u, Report report) {
    using K = UnionEventKind;
    using P = EventProblem::Kind;
    CoupleState state = CoupleState::Together;
    bool married = false, apart = false, widowed = false;
    for (std::size_t i = 0; i < u.events.size(); ++i) {
        const K k = u.events[i].kind;
        if (widowed)
            report(i, P::AfterWidowhood);
        switch (k) {
        case K::Met:
            if (i != 0)
                report(i, P::MetLate);
            break;
        case K::Engaged:
            if (married && !apart)
                report(i, P::EngagedMarried);
            break;
        case K::Together: // moving in again after a separation is a reunion
            apart = false;
            state = married ? CoupleState::Married : CoupleState::Together;
            break;
        case K::Married:
            if (married && !apart)
                report(i, P::MarriedTwice);
            married = true;
            apart = false;
            state = CoupleState::Married;
            break;
        case K::Separated:
            if (apart)
                report(i, P::SeparatedTwice);
            apart = true;
            if (state != CoupleState::Divorced)
                state = CoupleState::Separated;
            break;
        case K::Divorced:
            if (!married)
                report(i, P::DivorcedUnmarried);
            else if (state == CoupleState::Divorced)
                report(i, P::SeparatedTwice);
            married = false;
            apart = true;
            state = CoupleState::Divorced;
            break;
        case K::Reunited:
            if (!apart)
                report(i, P::ReunitedTogether);
            apart = false;
            state = married ? CoupleState::Married : CoupleState::Together;
            break;
        case K::Widowed:
            widowed = true;
            state = CoupleState::Widowed;
            break;
        }
    }
    return state;
}

} // namespace

CoupleState StateOf(const Union& u) {
    return Walk(u, [](std::size_t, EventProblem::Kind) {});
}

std::vector<EventProblem> EventProblems(const Union& u) {
    std::vector<EventProblem> out;
    Walk(u, [&](std::size_t i, EventProblem::Kind k) {
        if (out.empty() || out.back().index != i)
            out.push_back({i, k});
    });
    return out;
}

} // namespace kartbok::genogram
