#pragma once
// Family -> what the map canvas shows: layout (only rerun when the structure
// changed), scene, and hit testing in scene coordinates. wx-free.

#include "kartbok/genogram/Scene.h"

#include <cstdint>
#include <optional>

namespace kartbok::app {

/// What a click in the map landed on.
struct MapHit {
    genogram::SceneItem::Owner owner = genogram::SceneItem::Owner::None;
    genogram::Id id = genogram::kNoId;
    bool operator==(const MapHit&) const = default;
};

class MapPresenter {
public:
    /// Recomputes the scene; the Graphviz layout only when something that can move a
    /// symbol changed (people, unions, children, kinds, birth years, nudges).
    /// Throws genogram::LayoutError; the previous scene stays then.
    void Update(const genogram::Family& family);
    /// Forces the next Update to relayout (options changed).
    void Invalidate() { m_structureKey.reset(); }

    genogram::SceneOptions& Options() { return m_options; }
    /// Show only the family within this many generations of the client
    /// (genogram::AroundIndex); -1 shows everyone. Edits still go to the whole family.
    void SetGenerations(int generations) {
        m_generations = generations;
        Invalidate();
    }
    int Generations() const { return m_generations; }
    const genogram::Scene& Scene() const { return m_scene; }
    const genogram::Layout& Layout() const { return m_layout; }
    bool HasScene() const { return m_hasScene; }
    int LayoutRuns() const { return m_layoutRuns; }

    /// Top-most thing under a point (scene coordinates); tolerance in scene units
    /// for thin lines. People win over lines so a symbol is always easy to grab.
    MapHit HitTest(genogram::Point p, double tolerance) const;

    /// Hash of everything the layout reads. Public so tests can check what
    /// counts as structure.
    static std::uint64_t StructureKey(const genogram::Family& family);

private:
    genogram::SceneOptions m_options;
    genogram::Layout m_layout;
    genogram::Scene m_scene;
    std::optional<std::uint64_t> m_structureKey;
    int m_generations = -1;
    bool m_hasScene = false;
    int m_layoutRuns = 0;
};

/// Distance from p to the segment a-b.
double DistanceToSegment(genogram::Point p, genogram::Point a, genogram::Point b);

} // namespace kartbok::app
