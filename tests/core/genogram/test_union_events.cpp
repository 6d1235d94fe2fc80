// A couple's history: every event kept in date order, the current state for
// the slashes, and contradictions pointed out for the union editor.

#include "kartbok/genogram/UnionEvents.h"

#include <catch2/catch.hpp>

using namespace kartbok::genogram;
using K = UnionEventKind;
using P = EventProblem::Kind;

namespace {
Union With(std::vector<UnionEvent> events) {
    Union u;
    u.events = std::move(events);
    return u;
}
} // namespace

TEST_CASE("events sort by year; an undated one stays after those entered before it", "[events]") {
    std::vector<UnionEvent> e{
        {K::Married, 2008}, {K::Together, 2005}, {K::Divorced, 0}, {K::Met, 2001}};
    SortEvents(e);
    CHECK(e == std::vector<UnionEvent>{
                   {K::Met, 2001}, {K::Together, 2005}, {K::Married, 2008}, {K::Divorced, 0}});
    Union u = With({{K::Married, 1976}});
    InsertEvent(u, {K::Separated, 1984});
    InsertEvent(u, {K::Divorced, 0}); // year unknown: after what is already there
    InsertEvent(u, {K::Met, 1970});
    CHECK(u.events ==
          std::vector<UnionEvent>{
              {K::Met, 1970}, {K::Married, 1976}, {K::Separated, 1984}, {K::Divorced, 0}});
}

TEST_CASE("the state follows the last event that changes it", "[events]") {
    CHECK(StateOf(With({})) == CoupleState::Together);
    CHECK(StateOf(With({{K::Married, 1976}})) == CoupleState::Married);
    CHECK(StateOf(With({{K::Separated, 1984}})) == CoupleState::Separated);
    CHECK(StateOf(With({{K::Married, 1976}, {K::Separated, 1984}, {K::Divorced, 1985}})) ==
          CoupleState::Divorced);
    CHECK(StateOf(With({{K::Married, 1976}, {K::Divorced, 0}})) == CoupleState::Divorced);
    CHECK(
        StateOf(With(
            {{K::Married, 1974}, {K::Divorced, 1984}, {K::Reunited, 1988}, {K::Married, 1990}})) ==
        CoupleState::Married);
    CHECK(StateOf(With({{K::Married, 1960}, {K::Widowed, 1998}})) == CoupleState::Widowed);
    CHECK(With({{K::Married, 1976}, {K::Divorced, 0}}).Divorced());
    CHECK(With({{K::Married, 1976}, {K::Separated, 0}}).Separated());
    CHECK_FALSE(With({{K::Separated, 1980}, {K::Reunited, 1982}}).Separated());
}

TEST_CASE("contradictions are found, plausible histories are not", "[events]") {
    CHECK(EventProblems(With({{K::Met, 2001},
                              {K::Together, 2005},
                              {K::Engaged, 2006},
                              {K::Married, 2008},
                              {K::Separated, 2012},
                              {K::Divorced, 2013}}))
              .empty());
    CHECK(EventProblems(With({{K::Married, 2008}, {K::Married, 2010}})) ==
          std::vector<EventProblem>{{1, P::MarriedTwice}});
    CHECK(EventProblems(With({{K::Together, 2005}, {K::Divorced, 2010}})) ==
          std::vector<EventProblem>{{1, P::DivorcedUnmarried}});
    CHECK(EventProblems(With({{K::Married, 2000}, {K::Reunited, 2003}})) ==
          std::vector<EventProblem>{{1, P::ReunitedTogether}});
    CHECK(EventProblems(With({{K::Married, 2000}, {K::Separated, 2003}, {K::Separated, 2004}})) ==
          std::vector<EventProblem>{{2, P::SeparatedTwice}});
    CHECK(EventProblems(With({{K::Married, 1960}, {K::Widowed, 1990}, {K::Married, 1992}})) ==
          std::vector<EventProblem>{{2, P::AfterWidowhood}});
    CHECK(EventProblems(With({{K::Married, 1960}, {K::Met, 1958}})) ==
          std::vector<EventProblem>{{1, P::MetLate}});
    CHECK(EventProblems(With({{K::Married, 1960}, {K::Engaged, 1962}})) ==
          std::vector<EventProblem>{{1, P::EngagedMarried}});
    // Married, divorced, married again is fine.
    CHECK(
        EventProblems(With({{K::Married, 1974}, {K::Divorced, 1984}, {K::Married, 1990}})).empty());
}
