#pragma once
// Shared pieces of BuildScene, split over Scene*.cpp by concern: symbols and
// their text, couple lines, sibship and child lines, hops, emotional
// relations and their routes, households and legend.

#include "LayoutModel.h"
#include "kartbok/genogram/Scene.h"

#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace kartbok::genogram::detail {

/// Text extents are estimated (the scene is painter-neutral); the estimate is
/// tuned to DejaVu Sans, the font every painter asks for.
double TextWidth(const std::string& utf8, double size, bool bold = false);
/// Wraps at spaces (or hard-breaks long words) into at most maxLines lines,
/// ending in "…" when the text does not fit.
std::vector<std::string> WrapText(const std::string& utf8, double size, double maxWidth,
                                  int maxLines);

/// An open line through `pts`.
PathShape Poly(std::vector<Point> pts, Stroke stroke);
/// The length of a polyline.
double PathLength(const std::vector<Point>& p);
/// A parallel polyline at distance `off` (positive: to the left of travel).
std::vector<Point> OffsetPath(const std::vector<Point>& p, double off); // ScenePatterns.cpp
/// Appends the corner at `corner` (between `prev` and `next`) rounded with a
/// quadratic curve of at most `radius`, as steps + 1 points; nothing when a
/// side has no length.
void AppendRoundedCorner(std::vector<Point>& out, Point prev, Point corner, Point next,
                         double radius, int steps);

/// The length of (dx, dy): std::hypot guards against overflow a scene's
/// points never come near, at many times the cost, and routes measure
/// millions of distances.
inline double Hypot(double dx, double dy) {
    return std::sqrt(dx * dx + dy * dy);
}
inline double Dist(Point a, Point b) {
    return Hypot(b.x - a.x, b.y - a.y);
}

/// The distance from a segment to a box (0 when it touches or enters it).
double SegmentBoxGap(Point a, Point b, const Box& box); // SceneRoute.cpp

/// Colours and names shared by drawing and legend.
Color Ink();
Color Grey(std::uint8_t level);
Color RelationColor(RelationKind kind);
std::string RelationLetter(RelationKind kind,
                           bool swedish); ///< "F", "S", "E"... for abuse kinds, else ""
bool HasArrow(RelationKind kind);
Color ConditionColor(int quadrant);
/// Diagonal lines over a quadrant of a symbol, clipped to its outline: how a
/// condition someone is in recovery from is drawn.
std::vector<std::vector<Point>> Hatch(const std::vector<Point>& outline, Point centre, int quadrant,
                                      double radius);

/// A person's drawn geometry, worked out once and used by every pass.
struct PersonGeometry {
    const Person* person = nullptr;
    Point centre;
    double half = 0;            ///< half the symbol's height (smaller for pregnancy losses)
    double outerHalf = 0;       ///< including the index person's second outline
    double textTop = 0;         ///< first text line below the symbol starts here
    double textBottom = 0;      ///< lowest text below the symbol
    double textWidth = 0;       ///< widest allowed text line
    std::vector<Point> outline; ///< closed outline for clipping (square, circle, diamond...)
    std::vector<std::string> nameLines;
    std::vector<std::string> noteLines;
    std::vector<std::string> causeLines; ///< "† cancer"
    std::string age;                     ///< inside the symbol
    std::string yearsLeft;               ///< birth, above left
    std::string yearsRight;              ///< death (or "†", "†?"), above right
    double nameSize = 9, noteSize = 7.5, nameLead = 11, noteLead = 9.5;
    /// x of every line that enters the symbol from above (its own child line,
    /// the line from other parents): the years stand clear of them.
    std::vector<double> linesAbove;
    /// y of the outline's lowest (highest) point at x: where lines attach.
    double BottomAt(double x) const;
    double TopAt(double x) const;
    /// Half the width of the text block below the symbol.
    double TextHalfWidth() const;
};

struct SceneContext {
    SceneContext(const Family& f, const Layout& l, const SceneOptions& o, Scene& sc, DrawnFamily d)
        : family(f), layout(l), options(o), scene(sc), drawn(std::move(d)) {}
    SceneContext(const SceneContext&) = delete;
    SceneContext& operator=(const SceneContext&) = delete;

    const Family& family;
    const Layout& layout;
    const SceneOptions& options;
    Scene& scene;
    DrawnFamily drawn;
    std::map<PersonId, PersonGeometry> geometry;
    std::map<PersonId, std::string> roles; ///< only when de-identifying
    int currentYear = 0;
    bool swedish = true;
    double s = 36; ///< symbol size

    /// Where Add puts shapes: the family lines, the relations and the
    /// symbols are made in that order but painted lines, relations, symbols.
    std::vector<SceneItem> lines, relations, symbols;
    std::vector<SceneItem>* out = &symbols;
    /// Every label and symbol box placed so far: relations are routed around
    /// them; whose each one is (a person or union id; kNoId for a relation's).
    std::vector<Box> obstacles;
    std::vector<Id> obstacleOwners;
    /// Where each union's children hang from (its point on the couple line).
    std::map<UnionId, Point> dropFrom;
    /// Per person, where on the bottom of the symbol each of its couple lines
    /// (keyed by union) and its single-parent line (keyed by the person) leave.
    std::map<PersonId, std::map<Id, double>> attachX;

    double Font(double size) const { return size * options.fontScale; }
    /// The y of a couple line of depth `level` (Layout::coupleDepth) under a
    /// row; names start below the deepest (Layout::textDrop).
    double UnionLineY(double cy, int level) const {
        return cy + s / 2 + 10 + Layout::kCoupleStep * level;
    }
    void Add(SceneItem::Owner owner, Id id, Shape shape,
             SceneItem::Part part = SceneItem::Part::Other) {
        if (const auto* t = std::get_if<TextShape>(&shape))
            scene.smallestText =
                scene.smallestText == 0 ? t->size : std::min(scene.smallestText, t->size);
        out->push_back({owner, id, std::move(shape), part});
    }
    /// Text with a white rounded backdrop so lines behind it do not cut
    /// through it; `padX` points of it left and right of the text, `padY` above and below.
    void AddHaloText(SceneItem::Owner owner, Id id, TextShape text, double padX = 1.5,
                     double padY = 1.5);
    /// A label that relations must route around.
    void AddLabel(SceneItem::Owner owner, Id id, TextShape text, bool halo);
    void AddObstacle(const Box& box, Id owner) {
        obstacles.push_back(box);
        obstacleOwners.push_back(owner);
    }
};

void ComputeGeometry(SceneContext& ctx); // SceneSymbols.cpp
void AddSymbols(SceneContext& ctx);      // SceneSymbols.cpp
void AddCoupleLines(SceneContext& ctx);  // SceneLines.cpp
void AddChildLines(SceneContext& ctx);   // SceneChildren.cpp
/// Puts a hop into every sibship or couple line where another family's
/// vertical line crosses it (SceneHops.cpp).
void AddHops(std::vector<SceneItem>& lines);
void AddRelations(SceneContext& ctx); // SceneRelations.cpp
/// How far a relation's ink reaches either side of its route, in points.
struct Reach {
    double core = 0; ///< along its whole length: parallel lines, stroke width
    /// Where there is room: a zigzag's swing and a cut-off's bars or ring.
    /// Between two labels a zigzag flattens and the mark moves along, so a
    /// route may pass where only `core` fits rather than go round the map.
    double full = 0;
    double head = 0; ///< over the arrow head at the route's end (0: none)
};
/// A relation already routed: its path, its ink's reach, whom it joins and
/// its ink as drawn (each line with half its stroke width; a ring as a
/// polygon), which the same pair's later relations keep clear of.
struct RoutedRelation {
    std::vector<Point> path;
    Reach reach;
    PersonId a = kNoId, b = kNoId;
    std::vector<std::pair<std::vector<Point>, double>> ink;
};
/// Draws one relation's pattern along a polyline (also used for legend
/// samples), with its letter ("F", "S", "P" for abuse) unless letterToo is
/// false; a zigzag's swing and a cut-off's mark keep clear of the labels and
/// of the ink of the same pair's relations drawn before (`pair`).
void AddRelationPath(SceneContext& ctx, const std::vector<Point>& path, RelationKind kind,
                     bool arrow, SceneItem::Owner owner, Id id, bool letterToo = true,
                     const std::vector<const RoutedRelation*>& pair = {});
/// The letter of an abuse relation, where no other relation's line passes.
void AddRelationLetter(SceneContext& ctx, const std::vector<Point>& path, RelationKind kind,
                       SceneItem::Owner owner, Id id);
/// How far a kind's pattern reaches (ScenePatterns.cpp); a directed
/// relation of any kind has an arrow head.
Reach RelationReach(RelationKind kind, bool directed = false);
/// A relation's path from one symbol to another around every symbol and
/// label (SceneRoute.cpp): its core ink clear of them everywhere, its full
/// ink wherever there is room for it (narrow passes cost more), leaving
/// each symbol from its side at a point no earlier relation used (`used`,
/// updated); kept apart along its whole length from the earlier relations
/// between the same two people, and off the others' routes where it can.
/// Empty when there is no way; `clean` (if given) says whether the path
/// keeps every rule and is no long way round (RelationDetourLimit), or is
/// only the best there was.
std::vector<Point> RoutePath(const SceneContext& ctx, const PersonGeometry& from,
                             const PersonGeometry& to, const Reach& reach,
                             const std::vector<RoutedRelation>& earlier,
                             std::map<PersonId, std::vector<Point>>& used, bool* clean = nullptr);
/// Is a path's ink clear of every label and other symbol (`core` along it,
/// `head` over its last stretch), and of the earlier relations between the
/// same two people?
bool RouteClear(const SceneContext& ctx, const std::vector<Point>& path, const PersonGeometry& from,
                const PersonGeometry& to, const Reach& reach,
                const std::vector<RoutedRelation>& earlier);
/// The free room around the points of one relation's route: the distance
/// to the nearest label or symbol (not those it starts or ends at: its
/// first and last points lie on their edges) and to the ink of the
/// relations `pair` between the same two people, less the gap kept from
/// them; at most kFarEnough, more than any pattern reaches.
class RelationRoom {
public:
    static constexpr double kFarEnough = 30;
    RelationRoom(const SceneContext& ctx, const std::vector<Point>& path,
                 const std::vector<const RoutedRelation*>& pair);
    double At(Point p) const;

private:
    std::vector<Box> m_boxes; ///< the labels and symbols near the route
    std::vector<const std::pair<std::vector<Point>, double>*> m_ink;
};
/// The smallest distance between two polylines.
double PathGap(const std::vector<Point>& p, const std::vector<Point>& q);
/// Households: an outline around the members only, their labels inside,
/// everyone else's left out (SceneHouseholds.cpp).
std::vector<SceneItem> HouseholdItems(SceneContext& ctx);
/// Each household's label made an obstacle before relations are routed, so
/// none runs where it will stand.
void ReserveHouseholdLabels(SceneContext& ctx);
Color HouseholdColor();
void AddLegend(SceneContext& ctx); // SceneLegend.cpp

} // namespace kartbok::genogram::detail
