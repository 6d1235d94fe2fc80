#pragma once
// Reusable checks of what every family map must keep (issue: "the family map
// draws every family right"): siblings in birth order, partners level,
// children below their parents, no overlapping symbols, a married-in spouse
// outside the sibship where the family allows, each sibship line at its own
// depth, no child line crossing another sibship's line without a hop, and
// no label over a line, a symbol or another label.
//
// The checks are written from the family's facts (birth dates, links), not
// from the library's own ordering code, so they can catch it being wrong.

#include "kartbok/genogram/Family.h"
#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/Scene.h"

#include <cmath>
#include <iterator>
#include <string>
#include <vector>

namespace kartbok::genogram::testing {

struct InvariantReport {
    // Birth order: consecutive siblings (by birth date, both dated with
    // different dates, neither dragged, not twins of each other) that stand
    // on one generation, and how many of them stand oldest-left.
    int siblingPairs = 0;
    int siblingPairsInOrder = 0;
    int siblingPairsApart = 0; ///< on different generations (a marriage across generations)
    std::vector<std::string> birthOrder;    ///< "12 right of 15"
    std::vector<std::string> partnersLevel; ///< unions whose partners are not level
    std::vector<std::string> childrenBelow; ///< children not below a parent
    std::vector<std::string> overlaps;      ///< symbols closer than the minimum gap
    /// A partner row standing among a sibling's siblings where the family
    /// allows otherwise (AllowedSpan, LayoutInvariants.cpp), or someone with
    /// no family line of their own standing among siblings.
    std::vector<std::string> spouseInside;
    int spouseChecks = 0; ///< partners where the rule applied
    // Scene checks (CheckScene).
    std::vector<std::string> sharedBars; ///< two sibship lines at one depth, overlapping
    std::vector<std::string> unhoppedCrossings;
    std::vector<std::string> labelsOverLines; ///< a text box crossed by another item's line
    std::vector<std::string> labelsOverLabels;
    std::vector<std::string> labelsOverSymbols;
    std::vector<std::string> linesThroughSymbols; ///< a family line through someone's symbol
    /// Two relations between the same two people whose inks (zigzags and
    /// stroke widths included) touch anywhere along their routes.
    std::vector<std::string> relationsTouching;
    /// A relation whose ink strays outside the ellipse around its two people
    /// (RelationDetourLimit): a line a reader has to trace round the map.
    std::vector<std::string> relationDetours;
    int labels = 0;

    double BirthOrderPercent() const {
        return siblingPairs == 0 ? 100.0 : 100.0 * siblingPairsInOrder / siblingPairs;
    }
    /// Every layout-level rule holds (birth order at 100 %).
    bool LayoutClean() const {
        return birthOrder.empty() && partnersLevel.empty() && childrenBelow.empty() &&
               overlaps.empty() && spouseInside.empty();
    }
    bool SceneClean() const {
        return sharedBars.empty() && unhoppedCrossings.empty() && labelsOverLines.empty() &&
               labelsOverLabels.empty() && labelsOverSymbols.empty() &&
               linesThroughSymbols.empty() && relationsTouching.empty() && relationDetours.empty();
    }
    /// One line per kind of problem with the first example, for a test's INFO.
    std::string Summary() const;
};

InvariantReport CheckLayout(const Family& family, const Layout& layout,
                            const LayoutOptions& options = {});
/// Adds the scene checks to a report.
void CheckScene(const Scene& scene, InvariantReport& report);
/// Adds the checks of relations, which need to know whom each joins (the
/// scene does not say; the family does): relations between one pair keep
/// apart along their whole length, and no relation takes a long way round.
void CheckRelationPairs(const Family& family, const Scene& scene, InvariantReport& report);

/// All of them, for a family laid out as the app lays it out for these
/// scene options (LayoutOptionsFor: present mode's large type too) and drawn.
InvariantReport CheckAll(const Family& family, const SceneOptions& sceneOptions = {});

// Single facts of a layout, for tests about one family.
inline bool IsLevel(const Layout& l, PersonId a, PersonId b) {
    return l.people.at(a).y == l.people.at(b).y;
}
inline bool IsBelow(const Layout& l, PersonId child, PersonId parent) {
    return l.people.at(child).y > l.people.at(parent).y;
}
inline bool LeftOf(const Layout& l, PersonId a, PersonId b) {
    return l.people.at(a).x < l.people.at(b).x;
}

/// Every pair of symbols on one level keeps symbol size + gap between centres.
inline bool NoOverlaps(const Layout& l, const LayoutOptions& o = {}) {
    for (auto a = l.people.begin(); a != l.people.end(); ++a)
        for (auto b = std::next(a); b != l.people.end(); ++b)
            if (a->second.y == b->second.y &&
                std::abs(a->second.x - b->second.x) < o.symbolSize + o.minGap - 1e-6)
                return false;
    return true;
}

} // namespace kartbok::genogram::testing
