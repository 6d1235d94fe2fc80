#pragma once
// Paints a genogram::Scene with a wxGraphicsContext: the third painter of the
// one scene (docs/architecture.md), next to the library's SVG and cairo writers. Used by
// the canvas and by printing, so the screen and the paper match.

#include "kartbok/genogram/Scene.h"

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>

class wxGraphicsContext;

namespace kartbok::app {

struct PaintHighlights {
    std::set<genogram::PersonId> people; ///< selected symbols
    genogram::Id line = genogram::kNoId; ///< selected union / relation / household
    genogram::PersonId hover = genogram::kNoId;
};

/// Text widths by (text, size, bold), kept across paints: measuring every label
/// again on each repaint costs as much as drawing it (pango lays the text out twice).
class TextExtentCache {
public:
    /// Width and height-minus-descent (the baseline offset) of a label in scene
    /// units, measured with the selected font drawn at `scale`.
    std::pair<double, double> Measure(wxGraphicsContext& gc, const genogram::TextShape& text,
                                      double scale);
    void Clear() { m_extents.clear(); }

private:
    std::map<std::tuple<std::string, double, bool>, std::pair<double, double>> m_extents;
};

/// How a view paints: what is highlighted, and what it can skip to stay fast.
struct PaintView {
    PaintHighlights highlights;
    TextExtentCache* extents = nullptr; ///< kept by a view that repaints often
    /// Screen pixels per scene point; labels smaller than ~3 px on screen are
    /// unreadable smudges and are skipped. 0 (print, export) paints everything.
    double pixelsPerPoint = 0;
    /// Only items touching this scene rectangle are painted (x0, y0, x1, y1); empty = all.
    std::optional<std::array<double, 4>> visible;
};

/// Paints in scene units (points); the caller sets the transform (zoom, pan, print scale).
void PaintScene(wxGraphicsContext& gc, const genogram::Scene& scene, const PaintView& view = {});

/// The part of the symbol outline `clip` inside one quadrant around centre (0 top-left,
/// 1 top-right, 2 bottom-left, 3 bottom-right): how condition shading is clipped to
/// the symbol, since wxGraphicsContext can only clip to rectangles and regions.
std::vector<genogram::Point> ClipToQuadrant(const std::vector<genogram::Point>& clip,
                                            genogram::Point centre, int quadrant, double radius);

} // namespace kartbok::app
