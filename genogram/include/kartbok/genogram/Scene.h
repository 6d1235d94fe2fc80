#pragma once
// One backend-neutral drawing of a family (DESIGN.md §2): computed once from
// family + layout; the wx canvas, the SVG writer and the cairo writer all paint
// exactly this, so the screen and every export match.

#include "kartbok/genogram/Layout.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace kartbok::genogram {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Color&) const = default;
};

enum class DashStyle : std::uint8_t { Solid, Dashed, Dotted };

struct Stroke {
    Color color;
    double width = 1.5;
    DashStyle dash = DashStyle::Solid;
    bool operator==(const Stroke&) const = default;
};

/// A polyline or polygon in points.
struct PathShape {
    std::vector<Point> points;
    bool closed = false;
    Stroke stroke;
    bool filled = false;
    Color fill;
};

struct CircleShape {
    Point centre;
    double radius = 0;
    Stroke stroke;
    bool filled = false;
    Color fill;
};

/// A filled quarter of a symbol (conditions), clipped to the symbol's outline
/// by the painter: the outline is given as a path.
struct QuadrantShape {
    std::vector<Point> clip; ///< closed outline of the symbol
    Point centre;
    int quadrant = 0; ///< 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right
    double radius = 0;
    Color fill;
};

enum class TextAnchor : std::uint8_t { Start, Middle, End };

struct TextShape {
    Point at;         ///< baseline position of the anchor
    std::string text; ///< UTF-8
    double size = 10; ///< points
    bool bold = false;
    TextAnchor anchor = TextAnchor::Middle;
    Color color;
};

using Shape = std::variant<PathShape, CircleShape, QuadrantShape, TextShape>;

/// What a shape belongs to, so a canvas can hit-test and highlight.
struct SceneItem {
    enum class Owner : std::uint8_t {
        None,
        Person,
        Union,
        Relation,
        Household,
        Legend
    } owner = Owner::None;
    Id id = kNoId;
    Shape shape;
};

struct SceneOptions {
    bool deidentify = false;     ///< roles instead of names, ages instead of dates
    std::string language = "sv"; ///< "sv" or "en", for roles and the legend
    int currentYear = 0;         ///< for ages; 0 = this year
    bool legend = true;
    double fontScale = 1.0; ///< present mode draws larger type
};

struct Scene {
    std::vector<SceneItem> items; ///< in paint order
    Size size;                    ///< whole drawing including margins and legend
    /// Symbol box per person for hit testing (centre +- half symbol).
    std::map<PersonId, Point> personCentres;
    double symbolSize = 36;
};

Scene BuildScene(const Family& family, const Layout& layout, const SceneOptions& options = {});

} // namespace kartbok::genogram
