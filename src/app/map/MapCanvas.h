#pragma once
// The family map on screen: paints the scene, selects by click, grows the
// family from the keyboard, nudges by dragging, zooms and pans. The canvas never
// edits the family: it reports gestures through callbacks and the map page turns
// them into commands.

#include "map/FamilyEdits.h"
#include "map/ScenePainter.h"
#include "model/MapPresenter.h"

#include <wx/geometry.h>
#include <wx/window.h>

#include <functional>
#include <optional>
#include <set>

class wxZoomGestureEvent;

namespace kartbok::app {

class MapCanvas : public wxWindow {
public:
    explicit MapCanvas(wxWindow* parent);

    /// The family to show (owned by the document); nullptr shows nothing.
    void SetFamily(const genogram::Family* family);
    /// A read-only map still selects, zooms and pans, but offers no edits.
    void SetReadOnly(bool readOnly);
    /// Recomputes the scene after an edit and repaints now.
    void FamilyChanged();
    MapPresenter& Presenter() { return m_presenter; }

    // Selection ------------------------------------------------------------
    const std::set<genogram::PersonId>& SelectedPeople() const { return m_selected; }
    /// The one selected person, or kNoId when none or several.
    genogram::PersonId SelectedPerson() const;
    const MapHit& SelectedLine() const { return m_line; }
    void SelectPerson(genogram::PersonId id, bool addToSelection = false);
    void SelectLine(const MapHit& hit);
    void ClearSelection();

    /// Selects a person's couple line; again: their next one (the U key).
    void SelectNextCouple();

    // View ------------------------------------------------------------------
    /// Fits the map to the window, but never so small that text falls below
    /// 9 pixels: a big map is then shown around the client and scrolls.
    void FitToWindow();
    void ZoomBy(double factor, wxPoint around);
    double Zoom() const { return m_zoom; }
    /// Larger type and symbols' labels for the shared screen.
    void SetLargeType(bool large);
    /// The emotional relations layer (lines and legend) shown or hidden, to
    /// see the family alone; printing and export draw what is shown.
    void SetRelationsShown(bool shown);
    /// Next two clicks on people draw an emotional relation of this kind.
    void BeginRelation(genogram::RelationKind kind);
    bool PickingRelation() const { return m_relationKind.has_value(); }

    /// Where a scene point is on the window (for tests and the floating toolbar).
    wxPoint SceneToClient(genogram::Point p) const;
    genogram::Point ClientToScene(wxPoint p) const;
    /// Centre of a person's symbol on the window; (-1,-1) when not drawn.
    wxPoint PersonOnScreen(genogram::PersonId id) const;

    double LastPaintMs() const { return m_lastPaintMs; }
    int PaintCount() const { return m_paintCount; }

    // Gestures, handled by the map page --------------------------------------
    std::function<void()> onSelectionChanged;
    std::function<void(Growth)> onGrow;
    /// A child of the selected couple line (C, Shift+C, G with a couple selected).
    std::function<void(genogram::UnionId, Growth)> onGrowCouple;
    /// T / Shift+T with several people selected: make them twins.
    std::function<void(genogram::TwinKind)> onTwins;
    /// E: add an event to the selected couple (the inspector takes the keys).
    std::function<void()> onCoupleEvent;
    std::function<void(genogram::PersonId, double)> onNudge;
    std::function<void(genogram::PersonId, genogram::PersonId, genogram::RelationKind)> onRelation;
    std::function<void(wxPoint)> onContextMenu;
    std::function<void()> onDelete;
    /// Once, after the first paint that showed a map.
    std::function<void()> onFirstMapPaint;

private:
    void OnPaint(wxPaintEvent& event);
    void OnSize(wxSizeEvent& event);
    void OnLeftDown(wxMouseEvent& event);
    void OnLeftUp(wxMouseEvent& event);
    void OnMotion(wxMouseEvent& event);
    void OnLeave(wxMouseEvent& event);
    void OnWheel(wxMouseEvent& event);
    void OnRightDown(wxMouseEvent& event);
    void OnKeyDown(wxKeyEvent& event);
    void OnCaptureLost(wxMouseCaptureLostEvent& event);
    void OnZoomGesture(wxZoomGestureEvent& event);
    void PaintOverlay(wxDC& dc);
    MapHit HitAt(wxPoint p) const;
    void Selected();

    MapPresenter m_presenter;
    const genogram::Family* m_family = nullptr;
    std::set<genogram::PersonId> m_selected;
    MapHit m_line;
    genogram::PersonId m_hover = genogram::kNoId;

    double m_zoom = 1.0;
    wxPoint2DDouble m_offset{0, 0}; ///< window position of scene origin
    bool m_readOnly = false;
    bool m_userZoomed = false; ///< after a manual zoom, resizing keeps the view
    double m_gestureBaseZoom = 1.0;

    enum class Drag { None, Pan, Nudge } m_drag = Drag::None;
    wxPoint m_dragStart;
    wxPoint m_dragLast;
    bool m_dragMoved = false;
    genogram::PersonId m_dragPerson = genogram::kNoId;

    std::optional<genogram::RelationKind> m_relationKind;
    genogram::PersonId m_relationFrom = genogram::kNoId;

    TextExtentCache m_extents;
    double m_lastPaintMs = 0;
    int m_paintCount = 0;
    bool m_firstMapPainted = false;
};

} // namespace kartbok::app
