#pragma once
// The Family map tab: canvas, map toolbar and inspector. Turns the canvas's and
// the inspector's gestures into commands on the open document - the only place
// in the map editor that executes edits.

#include "map/FamilyEdits.h"
#include "map/InspectorActions.h"
#include "model/CaseDocument.h"

#include <wx/panel.h>

#include <functional>
#include <vector>

class wxButton;
class wxChoice;
class wxFrame;
class wxSizer;
class wxSplitterWindow;

namespace kartbok::app {

class MapCanvas;
class InspectorPanel;
class GrowthBar;

class MapPage : public wxPanel {
public:
    explicit MapPage(wxWindow* parent);

    /// The document to edit, or nullptr when no case is open.
    void SetDocument(CaseDocument* document);
    /// Redraws and refreshes the inspector after any change to the document.
    void DocumentChanged();

    MapCanvas& Canvas() { return *m_canvas; }
    InspectorPanel& Inspector() { return *m_inspector; }

    /// Executes an edit; shows the library's refusal and returns false when it fails.
    bool Perform(CaseEditPtr edit);
    void Grow(Growth growth);
    /// A child of a couple (the selected couple line).
    void GrowCouple(genogram::UnionId couple, Growth growth);
    /// The selected people become twins of that kind (or not twins: None).
    void MakeTwins(genogram::TwinKind kind);
    /// Shows only N generations around the client (-1: everyone).
    void SetGenerations(int generations);
    void DeleteSelection();
    void BeginRelation(genogram::RelationKind kind);
    void MarkHousehold();
    void ResetLayout();
    /// The map alone in large type on a full screen of its own (no tabs,
    /// toolbar, quick-add bar or inspector): for drawing together on a shared
    /// screen. The keys keep working; F11 or Esc ends it.
    void SetPresentMode(bool present);
    bool PresentMode() const { return m_present; }
    /// Popup with every relation kind; picking one starts drawing it.
    void ShowRelationMenu(wxWindow* over);

    /// Asked by the present button; the frame goes full screen and calls SetPresentMode.
    std::function<void()> onTogglePresent;

private:
    /// The buttons above the map: relation, household, reset, generations, fit, present.
    void BuildToolbar();
    void BindCanvas();
    /// Makes the growth (a refusal is explained), performs it, and puts the
    /// caret in the new person's name (or, presenting, keeps the keys on the map).
    void PerformGrowth(const std::function<GrowthEdit()>& make);
    void ShowContextMenu(wxPoint at);
    void SelectionChanged();

    CaseDocument* m_document = nullptr;
    InspectorActions m_actions;
    MapCanvas* m_canvas = nullptr;
    InspectorPanel* m_inspector = nullptr;
    wxPanel* m_toolbar = nullptr;
    GrowthBar* m_growthBar = nullptr;
    wxChoice* m_generations = nullptr;
    std::vector<wxWindow*> m_editButtons; ///< disabled on a read-only case
    wxButton* m_presentButton = nullptr;
    bool m_present = false;
    wxFrame* m_presentFrame = nullptr; ///< the full screen with the canvas alone
    wxSizer* m_canvasSizer = nullptr;  ///< where the canvas lives when not presenting
};

} // namespace kartbok::app
