#include "common/ChecklistLabels.h"

#include "common/JournalNames.h"
#include "common/Labels.h"
#include "common/Palette.h"
#include "common/Translations.h"

#include "kartbok/genogram/Roles.h"

#include <wx/dcmemory.h>
#include <wx/graphics.h>

#include <memory>

namespace kartbok::app {

using journal::TopicState;

wxBitmap TopicStateIcon(TopicState s, int size) {
    wxBitmap bitmap(size, size, 24);
    wxMemoryDC dc(bitmap);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (gc) {
        const double r = size / 2.0 - 1.5;
        const double c = size / 2.0;
        const wxColour &green = palette::kGood, &amber = palette::kWarning, &grey = palette::kTick;
        const wxColour& ring = s == TopicState::Covered  ? green
                               : s == TopicState::Partly ? amber
                                                         : grey;
        gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(ring, 1.6)));
        gc->SetBrush(s == TopicState::Covered ? wxBrush(green) : *wxWHITE_BRUSH);
        gc->DrawEllipse(c - r, c - r, 2 * r, 2 * r);
        if (s == TopicState::Partly) {
            // The left half filled: half way there.
            wxGraphicsPath half = gc->CreatePath();
            half.MoveToPoint(c, c - r);
            half.AddArc(c, c, r, -M_PI / 2, M_PI / 2, false);
            half.CloseSubpath();
            gc->SetBrush(wxBrush(amber));
            gc->SetPen(*wxTRANSPARENT_PEN);
            gc->FillPath(half);
        } else if (s == TopicState::Covered) {
            gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(*wxWHITE, size / 8.0)));
            wxGraphicsPath tick = gc->CreatePath();
            tick.MoveToPoint(c - r * 0.5, c);
            tick.AddLineToPoint(c - r * 0.1, c + r * 0.4);
            tick.AddLineToPoint(c + r * 0.55, c - r * 0.4);
            gc->StrokePath(tick);
        }
    }
    dc.SelectObject(wxNullBitmap);
    return bitmap;
}

wxString SessionLabel(const journal::Session& s) {
    const wxString date = s.start ? FormatDay(s.start) : wxString("?");
    return date + wxString::FromUTF8(" · ") + Name(s.type);
}

wxString PersonLabel(const genogram::Family& family, genogram::PersonId id) {
    const genogram::Person* p = family.FindPerson(id);
    if (!p)
        return {};
    wxString role;
    if (const auto index = family.IndexPerson()) {
        const auto roles = genogram::RoleNames(family, *index, CurrentLanguage());
        if (auto it = roles.find(id); it != roles.end())
            role = wxString::FromUTF8(it->second);
    }
    const wxString name = wxString::FromUTF8(p->DisplayName());
    if (name.empty())
        return role.empty() ? _("unnamed person") : role;
    if (role.empty())
        return name;
    return name + " (" + role.Lower() + ")";
}

} // namespace kartbok::app
