#pragma once
// Positions for a family, computed by Graphviz dot (positions only: Kartbok
// draws every symbol itself). Graphviz stays inside genogram/src/.

#include "kartbok/genogram/Family.h"

#include <map>
#include <stdexcept>

namespace kartbok::genogram {

struct Point {
    double x = 0;
    double y = 0;
    bool operator==(const Point&) const = default;
};
struct Size {
    double width = 0;
    double height = 0;
    bool operator==(const Size&) const = default;
};

struct LayoutOptions {
    double symbolSize = 36;    ///< side of a square / diameter of a circle, points
    double rankGap = 90;       ///< vertical distance between generations, points
    double minGap = 48;        ///< minimum horizontal gap between symbols, points
    bool includePlaceholders = false; ///< scaffold placeholders are hidden unless asked
};

/// Where every drawn person and union sits, in points, y growing downward.
/// std::map (not unordered) so iteration order, and so output, is deterministic.
struct Layout {
    std::map<PersonId, Point> people; ///< symbol centres
    std::map<UnionId, Point> unions;  ///< midpoint of the partner line
    std::map<PersonId, int> generation; ///< 0 = oldest generation drawn
    Size bounds;
    double symbolSize = 36;
};

class LayoutError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Lays out a family with Graphviz dot, then applies nudges without overlaps.
/// The same family gives the same layout bit for bit.
Layout ComputeLayout(const Family& family, const LayoutOptions& options = {});

} // namespace kartbok::genogram
