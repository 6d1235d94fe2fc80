#pragma once
// One backend-neutral drawing of a family (docs/architecture.md): computed once from
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

/// What a shape belongs to, so a canvas can hit-test and highlight, and what
/// part of the drawing it is, so tests can check lines and labels apart.
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
    enum class Part : std::uint8_t {
        Other,
        Symbol,       ///< a person's outline, fill, marks
        CoupleLine,   ///< the line between partners, slashes
        SibshipLine,  ///< the horizontal line children hang from
        ChildLine,    ///< a line from a couple or parent down to the sibship line or a child
        RelationLine, ///< an emotional relation
        Label,        ///< text
        Backdrop,     ///< the white behind a label
        Household,
        Legend,
    } part = Part::Other;
};

struct SceneOptions {
    bool deidentify = false;     ///< roles instead of names, ages instead of dates
    std::string language = "sv"; ///< "sv" or "en", for roles and the legend
    int currentYear = 0;         ///< for ages; 0 = this year
    bool legend = true;
    bool relations = true;  ///< the emotional relations layer (hidden to see the family alone)
    double fontScale = 1.0; ///< present mode draws larger type (kLargeType)
};

/// The type size of present mode and "large text" (the client is looking):
/// the app sets it, the layout tests check every map at it.
inline constexpr double kLargeType = 1.6;

struct Scene {
    std::vector<SceneItem> items; ///< in paint order
    Size size;                    ///< whole drawing including margins and legend
    /// Symbol box per person for hit testing (centre +- half symbol).
    std::map<PersonId, Point> personCentres;
    double symbolSize = 36;
    /// The smallest text size used, in points: a canvas zooms so that this
    /// stays readable (at "Fit", no text below 9 px; the map scrolls instead).
    double smallestText = 0;
};

Scene BuildScene(const Family& family, const Layout& layout, const SceneOptions& options = {});

/// The layout options a scene drawn with `options` needs: large type
/// (present mode) gets wider gaps and deeper generations, so its names,
/// years and union labels stay clear of the lines as at normal size.
LayoutOptions LayoutOptionsFor(const SceneOptions& options);

/// How long a relation between two symbols whose centres stand `distance`
/// apart may be before it counts as a long way round: the router takes a
/// longer route only when it finds no shorter clean one, and the tests hold
/// every point of a relation's ink within the ellipse round the two centres
/// whose distances to them sum to this. A route round one neighbour or label
/// stays inside; one round a whole row of names does not.
inline double RelationDetourLimit(double distance) {
    return 1.4 * distance + 70;
}

/// The width of a text in points, as the scene estimates it (tuned to DejaVu
/// Sans, the font every painter asks for): labels are placed by it.
double TextWidth(const std::string& utf8, double size, bool bold = false);

struct Box {
    double left = 0, top = 0, right = 0, bottom = 0;
    bool Intersects(const Box& o) const {
        return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
    }
};
/// The box a text occupies (ascent 0.78, descent 0.22 of its size).
Box TextBounds(const TextShape& text);

} // namespace kartbok::genogram
