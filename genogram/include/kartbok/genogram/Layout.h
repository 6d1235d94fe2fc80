#pragma once
// Positions for a family, computed by Graphviz dot (positions only: Kartbok
// draws every symbol itself). Graphviz stays inside genogram/src/.

#include "kartbok/genogram/Family.h"

#include <map>
#include <stdexcept>
#include <string>

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
    double symbolSize = 36; ///< side of a square / diameter of a circle, points
    /// Vertical distance between generations, points. Roomy on purpose: a
    /// parent's name and note sit below the symbol and a child's years above.
    /// A generation with more than one depth of sibship lines gets
    /// Layout::kSibshipStep more per extra depth.
    double rankGap = 140;
    /// Minimum horizontal gap between two symbols on one generation, points;
    /// wide enough for a wrapped name below each symbol.
    double minGap = 48;
    bool includePlaceholders = false; ///< scaffold placeholders are hidden unless asked
};

/// Where every drawn person and union sits, in points, y growing downward.
/// std::map (not unordered) so iteration order, and so output, is deterministic.
struct Layout {
    std::map<PersonId, Point> people;   ///< symbol centres
    std::map<UnionId, Point> unions;    ///< midpoint of the partner line
    std::map<PersonId, int> generation; ///< 0 = oldest generation drawn
    /// Depth of each sibship line above its children (0 = nearest), so that
    /// sibship lines overlapping on one generation never share a depth.
    /// Keyed by the union the children hang from, or by the single parent.
    std::map<Id, int> sibshipDepth;
    /// Depth of each couple line below its partners (0 = nearest): a person's
    /// further partners are joined a step lower, so lines never lie on each
    /// other. A row whose lines need more than two depths has its names moved
    /// down below them (textDrop), and the next generation further down.
    std::map<UnionId, int> coupleDepth;
    /// Per generation, how far the names below the symbols move down to make
    /// room for deep couple lines, points (0 for most maps).
    std::map<int, double> textDrop;
    Size bounds;
    double symbolSize = 36;
    /// The distance between two depths of sibship lines, points.
    static constexpr double kSibshipStep = 8;
    /// The distance between two depths of couple lines, points.
    static constexpr double kCoupleStep = 7;
};

class LayoutError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Lays out a family with Graphviz dot, then applies nudges without overlaps.
/// The same family gives the same layout bit for bit.
///
/// Scheme (docs/design.md, "The family map"): every couple gets a small union node between the
/// partners on one rank; children hang from a sibship node below it in birth
/// order (oldest left, twins together). Man left, woman right by default. A
/// person with several partners keeps the first on their base side (a man's
/// to his right, a woman's to her left), the second on the other side, and
/// later ones further out on alternating sides, in time order. People with no
/// partner, parent or child (a mentor, a friend) stand to the right of the
/// index person's generation. Placeholders are left out unless asked for.
/// A child link that would make someone their own ancestor is ignored for the
/// layout (best effort rather than failure). Safe to call from any thread:
/// Graphviz calls are serialised internally.
Layout ComputeLayout(const Family& family, const LayoutOptions& options = {});

/// The exact graph ComputeLayout hands to Graphviz, as dot text (node names
/// are ids only, no client data). For benchmarks against the `dot` command
/// and for debugging a strange layout.
std::string ToDot(const Family& family, const LayoutOptions& options = {});

} // namespace kartbok::genogram
