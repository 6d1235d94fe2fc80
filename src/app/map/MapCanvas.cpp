#include "map/MapCanvas.h"

#include "common/Palette.h"
#include "common/Translations.h"
#include "map/MapKeys.h"

#include "kartbok/genogram/Queries.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace kartbok::app {

using namespace kartbok::genogram;

namespace {
constexpr double kMinZoom = 0.1;
constexpr double kMaxZoom = 8.0;
constexpr double kMaxFitZoom = 2.0; ///< a four-person map should not fill a wall
constexpr int kDragThreshold = 4;   ///< pixels before a press becomes a drag
constexpr double kHitTolerancePx = 6;
constexpr double kSmallestTextPx = 9; ///< at "Fit": below that the map scrolls instead
} // namespace

MapCanvas::MapCanvas(wxWindow* parent)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
               wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE | wxBORDER_NONE) {
    SetName("map_canvas");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetBackgroundColour(*wxWHITE);
    EnableTouchEvents(wxTOUCH_ZOOM_GESTURE);

    Bind(wxEVT_PAINT, &MapCanvas::OnPaint, this);
    Bind(wxEVT_SIZE, &MapCanvas::OnSize, this);
    Bind(wxEVT_LEFT_DOWN, &MapCanvas::OnLeftDown, this);
    Bind(wxEVT_LEFT_UP, &MapCanvas::OnLeftUp, this);
    Bind(wxEVT_MOTION, &MapCanvas::OnMotion, this);
    Bind(wxEVT_LEAVE_WINDOW, &MapCanvas::OnLeave, this);
    Bind(wxEVT_MOUSEWHEEL, &MapCanvas::OnWheel, this);
    Bind(wxEVT_RIGHT_DOWN, &MapCanvas::OnRightDown, this);
    Bind(wxEVT_KEY_DOWN, &MapCanvas::OnKeyDown, this);
    Bind(wxEVT_MOUSE_CAPTURE_LOST, &MapCanvas::OnCaptureLost, this);
    Bind(wxEVT_GESTURE_ZOOM, &MapCanvas::OnZoomGesture, this);
}

void MapCanvas::SetFamily(const Family* family) {
    m_family = family;
    m_presenter.Options().language = CurrentLanguage(); // roles and legend in the UI's language
    m_selected.clear();
    m_line = {};
    m_hover = kNoId;
    m_userZoomed = false;
    m_presenter.Invalidate();
    if (m_family)
        m_presenter.Update(*m_family);
    FitToWindow();
    Selected();
}

void MapCanvas::FamilyChanged() {
    if (!m_family)
        return;
    const Size before = m_presenter.Scene().size;
    m_presenter.Update(*m_family);
    // A map the user has not zoomed keeps fitting the window as it grows.
    if (!m_userZoomed && !(m_presenter.Scene().size == before))
        FitToWindow();
    // Drop selections of things an undo took away.
    std::erase_if(m_selected, [this](PersonId id) { return !m_family->FindPerson(id); });
    if (m_line.id != kNoId &&
        !std::any_of(
            m_presenter.Scene().items.begin(), m_presenter.Scene().items.end(),
            [this](const SceneItem& i) { return i.owner == m_line.owner && i.id == m_line.id; }))
        m_line = {};
    Refresh();
    Update(); // paint now: the therapist sees the change at once
}

void MapCanvas::SetReadOnly(bool readOnly) {
    m_readOnly = readOnly;
}

PersonId MapCanvas::SelectedPerson() const {
    return m_selected.size() == 1 ? *m_selected.begin() : kNoId;
}

void MapCanvas::SelectPerson(PersonId id, bool addToSelection) {
    if (!addToSelection)
        m_selected.clear();
    m_line = {};
    if (addToSelection && m_selected.count(id))
        m_selected.erase(id);
    else
        m_selected.insert(id);
    Selected();
}

void MapCanvas::SelectLine(const MapHit& hit) {
    m_selected.clear();
    m_line = hit;
    Selected();
}

void MapCanvas::ClearSelection() {
    m_selected.clear();
    m_line = {};
    Selected();
}

void MapCanvas::SelectNextCouple() {
    if (!m_family)
        return;
    PersonId person = SelectedPerson();
    UnionId current = kNoId;
    if (person == kNoId && m_line.owner == SceneItem::Owner::Union) {
        current = m_line.id; // cycle among the partners' lines from the line itself
        if (const Union* u = m_family->FindUnion(current))
            person = u->partnerA;
    }
    if (person == kNoId)
        return;
    std::vector<UnionId> unions = m_family->UnionsOf(person);
    std::erase_if(unions, [this](UnionId u) {
        return !std::any_of(
            m_presenter.Scene().items.begin(), m_presenter.Scene().items.end(),
            [u](const SceneItem& i) { return i.owner == SceneItem::Owner::Union && i.id == u; });
    });
    if (unions.empty()) {
        wxBell();
        return;
    }
    auto it = std::find(unions.begin(), unions.end(), current);
    const UnionId next =
        it == unions.end() || std::next(it) == unions.end() ? unions.front() : *std::next(it);
    SelectLine({SceneItem::Owner::Union, next});
}

void MapCanvas::Selected() {
    Refresh();
    if (onSelectionChanged)
        onSelectionChanged();
}

void MapCanvas::FitToWindow() {
    const wxSize client = GetClientSize();
    if (!m_presenter.HasScene() || client.x < 20 || client.y < 20)
        return;
    const Size size = m_presenter.Scene().size;
    if (size.width <= 0 || size.height <= 0)
        return;
    const double margin = 24;
    const double fit = std::clamp(
        std::min((client.x - 2 * margin) / size.width, (client.y - 2 * margin) / size.height),
        kMinZoom, kMaxFitZoom);
    const double smallest = m_presenter.Scene().smallestText;
    const double floor = smallest > 0 ? kSmallestTextPx / smallest : kMinZoom;
    m_zoom = std::max(fit, floor);
    m_offset = {(client.x - size.width * m_zoom) / 2, (client.y - size.height * m_zoom) / 2};
    if (m_zoom > fit + 1e-9) {
        // Too big to read whole: show the client (or the top left) and let it scroll.
        Point at{size.width / 2, size.height / 2};
        const auto& centres = m_presenter.Scene().personCentres;
        if (auto index = m_family ? m_family->IndexPerson() : std::nullopt;
            index && centres.count(*index))
            at = centres.at(*index);
        else
            at = {0, 0};
        auto place = [&](double view, double extent, double point) {
            const double want = view / 2 - point * m_zoom;
            return std::clamp(want, view - margin - extent * m_zoom, margin);
        };
        m_offset = {place(client.x, size.width, at.x), place(client.y, size.height, at.y)};
    }
    m_userZoomed = false;
    Refresh();
}

void MapCanvas::ZoomBy(double factor, wxPoint around) {
    const double zoom = std::clamp(m_zoom * factor, kMinZoom, kMaxZoom);
    const Point anchor = ClientToScene(around);
    m_zoom = zoom;
    m_offset = {around.x - anchor.x * m_zoom, around.y - anchor.y * m_zoom};
    m_userZoomed = true;
    Refresh();
}

void MapCanvas::SetLargeType(bool large) {
    m_presenter.Options().fontScale = large ? kLargeType : 1.0;
    m_presenter.Invalidate();
    if (m_family)
        m_presenter.Update(*m_family);
    FitToWindow();
}

void MapCanvas::SetRelationsShown(bool shown) {
    m_presenter.Options().relations = shown;
    m_presenter.Invalidate();
    if (m_family)
        m_presenter.Update(*m_family);
    Refresh();
}

void MapCanvas::BeginRelation(RelationKind kind) {
    m_relationKind = kind;
    m_relationFrom = SelectedPerson();
    SetCursor(wxCursor(wxCURSOR_CROSS));
    Refresh();
}

wxPoint MapCanvas::SceneToClient(Point p) const {
    return wxPoint(static_cast<int>(std::lround(m_offset.m_x + p.x * m_zoom)),
                   static_cast<int>(std::lround(m_offset.m_y + p.y * m_zoom)));
}

Point MapCanvas::ClientToScene(wxPoint p) const {
    return {(p.x - m_offset.m_x) / m_zoom, (p.y - m_offset.m_y) / m_zoom};
}

wxPoint MapCanvas::PersonOnScreen(PersonId id) const {
    const auto& centres = m_presenter.Scene().personCentres;
    auto it = centres.find(id);
    return it == centres.end() ? wxPoint(-1, -1) : SceneToClient(it->second);
}

MapHit MapCanvas::HitAt(wxPoint p) const {
    return m_presenter.HitTest(ClientToScene(p), kHitTolerancePx / m_zoom);
}

void MapCanvas::OnPaint(wxPaintEvent&) {
    const auto start = std::chrono::steady_clock::now();
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    if (m_family && m_presenter.HasScene()) {
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        if (gc) {
            gc->Translate(m_offset.m_x, m_offset.m_y);
            gc->Scale(m_zoom, m_zoom);
            PaintView view;
            view.highlights.people = m_selected;
            view.highlights.line = m_line.id;
            view.highlights.hover = m_hover;
            view.extents = &m_extents;
            view.pixelsPerPoint = m_zoom * GetContentScaleFactor();
            const wxSize client = GetClientSize();
            const Point topLeft = ClientToScene(wxPoint(0, 0));
            const Point bottomRight = ClientToScene(wxPoint(client.x, client.y));
            view.visible = std::array{topLeft.x, topLeft.y, bottomRight.x, bottomRight.y};
            PaintScene(*gc, m_presenter.Scene(), view);
            if (m_drag == Drag::Nudge && m_dragMoved) {
                // Where the symbol will go: a dashed box, moved sideways only.
                const auto& centres = m_presenter.Scene().personCentres;
                if (auto it = centres.find(m_dragPerson); it != centres.end()) {
                    const double side = m_presenter.Scene().symbolSize * 1.2;
                    const double dx = (m_dragLast.x - m_dragStart.x) / m_zoom;
                    gc->SetPen(gc->CreatePen(
                        wxGraphicsPenInfo(palette::kSelection, 1.5).Style(wxPENSTYLE_SHORT_DASH)));
                    gc->SetBrush(*wxTRANSPARENT_BRUSH);
                    gc->DrawRectangle(it->second.x + dx - side / 2, it->second.y - side / 2, side,
                                      side);
                }
            }
        }
    }
    PaintOverlay(dc);
    m_lastPaintMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ++m_paintCount;
    if (m_family && m_presenter.HasScene() && !m_firstMapPainted) {
        m_firstMapPainted = true;
        if (onFirstMapPaint)
            CallAfter([this] {
                if (onFirstMapPaint)
                    onFirstMapPaint();
            });
    }
}

void MapCanvas::PaintOverlay(wxDC& dc) {
    wxString hint;
    if (m_relationKind)
        hint = m_relationFrom == kNoId ? _("Click the first person of the relation (Esc cancels)")
                                       : _("Click the second person of the relation (Esc cancels)");
    if (hint.empty())
        return;
    wxFont font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    font.SetPointSize(font.GetPointSize() + 1);
    dc.SetFont(font);
    const wxSize text = dc.GetTextExtent(hint);
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(palette::kNoticeBackground));
    dc.DrawRoundedRectangle(8, 8, text.x + 20, text.y + 12, 4);
    dc.SetTextForeground(palette::kNoticeText);
    dc.DrawText(hint, 18, 14);
}

void MapCanvas::OnSize(wxSizeEvent& event) {
    if (!m_userZoomed)
        FitToWindow();
    event.Skip();
}

void MapCanvas::OnLeftDown(wxMouseEvent& event) {
    SetFocus();
    const MapHit hit = HitAt(event.GetPosition());
    m_dragStart = m_dragLast = event.GetPosition();
    m_dragMoved = false;

    if (m_relationKind) {
        if (hit.owner == SceneItem::Owner::Person) {
            if (m_relationFrom == kNoId) {
                m_relationFrom = hit.id;
                SelectPerson(hit.id);
            } else if (hit.id != m_relationFrom) {
                const PersonId from = m_relationFrom;
                const RelationKind kind = *m_relationKind;
                m_relationKind.reset();
                m_relationFrom = kNoId;
                SetCursor(wxNullCursor);
                if (onRelation)
                    onRelation(from, hit.id, kind);
            }
        }
        Refresh();
        return;
    }

    if (hit.owner == SceneItem::Owner::Person) {
        if (event.ControlDown()) {
            SelectPerson(hit.id, true);
            return;
        }
        if (!m_selected.count(hit.id) || m_selected.size() != 1)
            SelectPerson(hit.id);
        if (m_readOnly)
            return;
        m_drag = Drag::Nudge;
        m_dragPerson = hit.id;
    } else if (hit.id != kNoId) {
        SelectLine(hit);
        return;
    } else {
        m_drag = Drag::Pan;
    }
    if (!HasCapture())
        CaptureMouse();
}

void MapCanvas::OnLeftUp(wxMouseEvent& event) {
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (HasCapture())
        ReleaseMouse();
    if (drag == Drag::Nudge && m_dragMoved) {
        const double dx = (event.GetPosition().x - m_dragStart.x) / m_zoom;
        Refresh();
        if (onNudge)
            onNudge(m_dragPerson, dx);
    } else if (drag == Drag::Pan && !m_dragMoved) {
        ClearSelection(); // a plain click on empty paper
    }
}

void MapCanvas::OnMotion(wxMouseEvent& event) {
    const wxPoint pos = event.GetPosition();
    if (m_drag != Drag::None && event.LeftIsDown()) {
        if (!m_dragMoved && (std::abs(pos.x - m_dragStart.x) > kDragThreshold ||
                             std::abs(pos.y - m_dragStart.y) > kDragThreshold)) {
            m_dragMoved = true;
        }
        if (m_drag == Drag::Pan && m_dragMoved) {
            m_offset.m_x += pos.x - m_dragLast.x;
            m_offset.m_y += pos.y - m_dragLast.y;
            m_userZoomed = true;
        }
        m_dragLast = pos;
        Refresh();
        return;
    }
    const MapHit hit = HitAt(pos);
    const PersonId hover = hit.owner == SceneItem::Owner::Person ? hit.id : kNoId;
    if (hover != m_hover) {
        m_hover = hover;
        SetCursor(m_relationKind || hover != kNoId
                      ? wxCursor(m_relationKind ? wxCURSOR_CROSS : wxCURSOR_HAND)
                      : wxNullCursor);
        Refresh();
    }
}

void MapCanvas::OnLeave(wxMouseEvent&) {
    if (m_hover != kNoId) {
        m_hover = kNoId;
        Refresh();
    }
}

void MapCanvas::OnWheel(wxMouseEvent& event) {
    if (event.ControlDown()) {
        const double steps = event.GetWheelRotation() / static_cast<double>(event.GetWheelDelta());
        ZoomBy(std::pow(1.15, steps), event.GetPosition());
        return;
    }
    const int delta = event.GetWheelRotation() / 2;
    if (event.GetWheelAxis() == wxMOUSE_WHEEL_HORIZONTAL || event.ShiftDown())
        m_offset.m_x -= delta;
    else
        m_offset.m_y += delta;
    m_userZoomed = true;
    Refresh();
}

void MapCanvas::OnZoomGesture(wxZoomGestureEvent& event) {
    if (event.IsGestureStart())
        m_gestureBaseZoom = m_zoom;
    const double target = m_gestureBaseZoom * event.GetZoomFactor();
    ZoomBy(target / m_zoom, event.GetPosition());
}

void MapCanvas::OnRightDown(wxMouseEvent& event) {
    SetFocus();
    const MapHit hit = HitAt(event.GetPosition());
    if (hit.owner == SceneItem::Owner::Person && !m_selected.count(hit.id))
        SelectPerson(hit.id);
    else if (hit.id != kNoId && hit.owner != SceneItem::Owner::Person)
        SelectLine(hit);
    if (onContextMenu)
        onContextMenu(event.GetPosition());
}

void MapCanvas::OnCaptureLost(wxMouseCaptureLostEvent&) {
    m_drag = Drag::None;
    Refresh();
}

void MapCanvas::OnKeyDown(wxKeyEvent& event) {
    const std::optional<MapKey> key = MapKeyFor(event); // map/MapKeys.cpp: the one table
    if (!key) {
        event.Skip(); // menu accelerators, text keys
        return;
    }
    const bool couple = m_selected.empty() && m_line.owner == SceneItem::Owner::Union;
    auto grow = [&](Growth g) {
        if (SelectedPerson() != kNoId && onGrow)
            onGrow(g);
        else if (couple && onGrowCouple &&
                 (g == Growth::Son || g == Growth::Daughter || g == Growth::Pregnancy))
            onGrowCouple(m_line.id, g);
        else
            wxBell(); // nothing selected that can grow this way
    };
    const wxPoint centre(GetClientSize().x / 2, GetClientSize().y / 2);
    switch (key->action) {
    case MapKeyAction::Grow:
        grow(key->growth);
        return;
    case MapKeyAction::Twin:
        if (m_selected.size() > 1 && onTwins)
            onTwins(key->growth == Growth::TwinIdentical ? TwinKind::Identical
                                                         : TwinKind::Fraternal);
        else
            grow(key->growth);
        return;
    case MapKeyAction::NextCouple:
        SelectNextCouple();
        return;
    case MapKeyAction::CoupleEvent:
        if (SelectedPerson() != kNoId)
            SelectNextCouple();
        if (m_line.owner == SceneItem::Owner::Union && onCoupleEvent)
            onCoupleEvent();
        return;
    case MapKeyAction::Fit:
        FitToWindow();
        return;
    case MapKeyAction::ZoomIn:
        ZoomBy(1.2, centre);
        return;
    case MapKeyAction::ZoomOut:
        ZoomBy(1 / 1.2, centre);
        return;
    case MapKeyAction::Delete:
        if (onDelete)
            onDelete();
        return;
    case MapKeyAction::Cancel:
        if (m_relationKind) {
            m_relationKind.reset();
            m_relationFrom = kNoId;
            SetCursor(wxNullCursor);
            Refresh();
        } else {
            ClearSelection();
        }
        return;
    }
}

} // namespace kartbok::app
