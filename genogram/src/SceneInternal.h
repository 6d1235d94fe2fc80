#pragma once
// Shared pieces of BuildScene, split over Scene*.cpp by concern: symbols and
// their text, family lines, emotional relations, households and legend.

#include "LayoutModel.h"
#include "kartbok/genogram/Scene.h"

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

/// Colours and names shared by drawing and legend.
Color Ink();
Color Grey(std::uint8_t level);
Color RelationColor(RelationKind kind);
std::string RelationName(RelationKind kind, bool swedish);
std::string RelationLetter(RelationKind kind,
                           bool swedish); ///< "F", "S", "E"... for abuse kinds, else ""
Color ConditionColor(int quadrant);
std::string ConditionName(int quadrant, bool swedish);

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
    std::string age;        ///< inside the symbol
    std::string yearsLeft;  ///< birth year, above left
    std::string yearsRight; ///< death year, above right
    double nameSize = 9, noteSize = 7.5, nameLead = 11, noteLead = 9.5;
};

struct SceneContext {
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

    double Font(double size) const { return size * options.fontScale; }
    double UnionLineY(double cy, int level) const { return cy + s / 2 + 10 + 7.0 * level; }
    void Add(SceneItem::Owner owner, Id id, Shape shape) {
        scene.items.push_back({owner, id, std::move(shape)});
    }
    /// Text with a white rounded backdrop so lines behind it do not cut through it.
    void AddHaloText(SceneItem::Owner owner, Id id, TextShape text);
};

void ComputeGeometry(SceneContext& ctx); // SceneSymbols.cpp
void AddSymbols(SceneContext& ctx);      // SceneSymbols.cpp
void AddFamilyLines(SceneContext& ctx);  // SceneLines.cpp
void AddRelations(SceneContext& ctx);    // SceneRelations.cpp
/// Draws one relation's pattern along a polyline (also used for legend samples).
void AddRelationPath(SceneContext& ctx, const std::vector<Point>& path, RelationKind kind,
                     bool arrow, SceneItem::Owner owner, Id id);
std::vector<SceneItem> HouseholdItems(SceneContext& ctx); // SceneLegend.cpp
void AddLegend(SceneContext& ctx);                        // SceneLegend.cpp

} // namespace kartbok::genogram::detail
