#include "map/MapPage.h"

#include "common/Labels.h"
#include "common/Perform.h"
#include "map/GrowthBar.h"
#include "map/InspectorPanel.h"
#include "map/MapCanvas.h"
#include "map/PersonInspector.h"
#include "map/UnionInspector.h"

#include "kartbok/journal/JournalError.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <algorithm>

namespace kartbok::app {

using namespace kartbok::genogram;

MapPage::MapPage(wxWindow* parent) : wxPanel(parent) {
    SetName("map_page");
    m_actions.perform = [this](CaseEditPtr edit) { return Perform(std::move(edit)); };
    m_actions.endTyping = [this] {
        if (m_document)
            m_document->CloseMerge();
    };
    m_actions.backToMap = [this] { m_canvas->SetFocus(); };
    m_actions.removePerson = [this](PersonId) { DeleteSelection(); };
    m_actions.markHousehold = [this] { MarkHousehold(); };

    BuildToolbar();
    m_growthBar = new GrowthBar(this, [this](Growth g) {
        if (m_canvas->SelectedPerson() == kNoId &&
            m_canvas->SelectedLine().owner == SceneItem::Owner::Union)
            GrowCouple(m_canvas->SelectedLine().id, g);
        else
            Grow(g);
    });
    m_canvas = new MapCanvas(this);
    m_inspector = new InspectorPanel(this, m_actions);
    m_inspector->SetMinSize(wxSize(FromDIP(330), -1));

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(m_toolbar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 4);
    left->Add(m_growthBar, 0, wxEXPAND | wxALL, 4); // docked: it never covers the drawing
    left->Add(m_canvas, 1, wxEXPAND);
    m_canvasSizer = left;
    body->Add(left, 1, wxEXPAND);
    body->Add(m_inspector, 0, wxEXPAND | wxLEFT, 2);
    SetSizer(body);
    // The docked bar wraps to two rows on a narrow map rather than cutting buttons off.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        const int width = e.GetSize().x - m_inspector->GetMinSize().x - FromDIP(16);
        m_growthBar->SetMinSize(m_growthBar->FitWithin(std::max(width, FromDIP(200))));
        e.Skip(); // and lay out the page
    });
    BindCanvas();
}

void MapPage::BuildToolbar() {
    m_toolbar = new wxPanel(this);
    auto* bar = new wxWrapSizer(wxHORIZONTAL); // two rows on a narrow window, nothing cut
    auto button = [&](const wxString& label, const wxString& tip, const char* name) {
        auto* b = new wxButton(m_toolbar, wxID_ANY, label, wxDefaultPosition, wxDefaultSize,
                               wxBU_EXACTFIT);
        b->SetToolTip(tip);
        b->SetName(name);
        bar->Add(b, 0, wxRIGHT, 4);
        return b;
    };
    auto* relation = button(_("Relation..."), _("Draw an emotional relation between two people"),
                            "relation_button");
    auto* household = button(_("Mark household"), _("Outline the selected people as one household"),
                             "household_button");
    auto* reset = button(_("Reset layout"), _("Undo every manual move"), "reset_layout");
    m_editButtons = {relation, household, reset};
    bar->AddStretchSpacer();
    // Big files: only the generations around the client.
    bar->Add(new wxStaticText(m_toolbar, wxID_ANY, _("Generations:")), 0,
             wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    m_generations = new wxChoice(m_toolbar, wxID_ANY);
    m_generations->SetName("generations");
    m_generations->SetToolTip(_("Show only this many generations up and down from the client"));
    m_generations->Append(_("All"));
    for (int n = 1; n <= 5; ++n)
        m_generations->Append(wxString::Format("%d", n));
    m_generations->SetSelection(0);
    bar->Add(m_generations, 0, wxRIGHT, 8);
    auto* fit = button(_("Fit"), _("Fit the map to the window (F)"), "fit_button");
    m_presentButton =
        button(_("Present"), _("Full screen with large type (F11)"), "present_button");
    m_toolbar->SetSizer(bar);

    relation->Bind(wxEVT_BUTTON, [this, relation](wxCommandEvent&) { ShowRelationMenu(relation); });
    household->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { MarkHousehold(); });
    reset->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ResetLayout(); });
    fit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_canvas->FitToWindow(); });
    m_generations->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        SetGenerations(m_generations->GetSelection() <= 0 ? -1 : m_generations->GetSelection());
    });
    m_presentButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (onTogglePresent)
            onTogglePresent();
    });
}

void MapPage::BindCanvas() {
    // What is done on the map itself: keys, clicks, drags and its context menu.
    m_canvas->onSelectionChanged = [this] { SelectionChanged(); };
    m_canvas->onGrow = [this](Growth g) { Grow(g); };
    m_canvas->onGrowCouple = [this](UnionId u, Growth g) { GrowCouple(u, g); };
    m_canvas->onTwins = [this](TwinKind kind) { MakeTwins(kind); };
    m_canvas->onCoupleEvent = [this] { m_inspector->Union().FocusNewEvent(); };
    m_canvas->onNudge = [this](PersonId id, double dx) {
        if (m_document)
            Perform(MakeNudge(m_document->Family(), id, dx));
    };
    m_canvas->onRelation = [this](PersonId a, PersonId b, RelationKind kind) {
        if (m_document)
            Perform(MakeAddRelation(m_document->Family(), a, b, kind));
    };
    m_canvas->onContextMenu = [this](wxPoint at) { ShowContextMenu(at); };
    m_canvas->onDelete = [this] { DeleteSelection(); };
}

void MapPage::SetDocument(CaseDocument* document) {
    m_document = document;
    m_canvas->SetFamily(document ? &document->Family() : nullptr);
    const bool editable = document && !document->ReadOnly();
    m_canvas->SetReadOnly(!editable);
    for (wxWindow* b : m_editButtons)
        b->Enable(editable);
    SelectionChanged();
}

void MapPage::DocumentChanged() {
    if (!m_document)
        return;
    m_canvas->FamilyChanged();
    SelectionChanged();
}

void MapPage::SelectionChanged() {
    const bool editable = m_document && !m_document->ReadOnly();
    m_growthBar->UpdateFor(m_canvas->SelectedPerson() != kNoId,
                           m_canvas->SelectedPeople().empty() &&
                               m_canvas->SelectedLine().owner == SceneItem::Owner::Union,
                           editable);
    m_inspector->ShowSelection(m_document ? &m_document->Family() : nullptr,
                               m_canvas->SelectedPeople(), m_canvas->SelectedLine(), !editable);
}

void MapPage::SetGenerations(int generations) {
    m_canvas->Presenter().SetGenerations(generations);
    const int index = generations < 0 ? 0 : std::min(generations, 5);
    if (m_generations->GetSelection() != index)
        m_generations->SetSelection(index);
    if (m_document) {
        if (generations >= 0 && !m_document->Family().IndexPerson())
            wxMessageBox(_("Mark a client first: the generations are counted from the client."),
                         _("Family map"), wxOK | wxICON_INFORMATION, this);
        m_canvas->FamilyChanged();
        m_canvas->FitToWindow();
    }
}

bool MapPage::Perform(CaseEditPtr edit) {
    return app::Perform(this, m_document, std::move(edit), _("Family map"));
}

void MapPage::Grow(Growth growth) {
    const PersonId from = m_canvas->SelectedPerson();
    if (m_document && from != kNoId)
        PerformGrowth([&] { return MakeGrowth(m_document->Family(), from, growth); });
}

void MapPage::GrowCouple(UnionId couple, Growth growth) {
    if (m_document)
        PerformGrowth([&] { return MakeCoupleGrowth(m_document->Family(), couple, growth); });
}

void MapPage::PerformGrowth(const std::function<GrowthEdit()>& make) {
    GrowthEdit g;
    try {
        g = make();
    } catch (const std::exception& e) { // the person or couple is gone, or takes no such gesture
        wxMessageBox(wxString::FromUTF8(e.what()), _("Family map"), wxOK | wxICON_INFORMATION,
                     this);
        return;
    }
    if (!Perform(std::move(g.edit)))
        return;
    // The new person is selected with the caret in the name: the therapist just types.
    m_canvas->SelectPerson(g.created());
    if (m_present) // the panel is not on the client's screen: the keys stay with the map
        m_canvas->SetFocus();
    else
        m_inspector->Person().FocusName();
}

void MapPage::MakeTwins(TwinKind kind) {
    if (!m_document)
        return;
    const auto& people = m_canvas->SelectedPeople();
    if (people.size() < 2) {
        wxMessageBox(_("Ctrl+click the siblings who are twins, then press T (Shift+T: identical)."),
                     _("Twins"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    Perform(MakeSetTwins(m_document->Family(), {people.begin(), people.end()}, kind));
}

void MapPage::DeleteSelection() {
    if (!m_document || m_document->ReadOnly())
        return;
    const Family& family = m_document->Family();
    if (const PersonId id = m_canvas->SelectedPerson(); id != kNoId) {
        const RemovalImpact impact = ImpactOfRemoving(family, id);
        if (impact.Any()) {
            const wxString question = wxString::Format(
                _("Delete %s?\n\nThis also removes %d partner line(s) and %d emotional "
                  "relation(s). Children stay in the map. You can undo this."),
                wxString::FromUTF8(ShownName(family, id)), impact.unions, impact.relations);
            if (wxMessageBox(question, _("Delete person"),
                             wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) != wxYES)
                return;
        }
        if (Perform(MakeRemovePerson(family, id)))
            m_canvas->ClearSelection();
        return;
    }
    const MapHit line = m_canvas->SelectedLine();
    if (line.owner == SceneItem::Owner::Relation && Perform(MakeRemoveRelation(family, line.id)))
        m_canvas->ClearSelection();
    else if (line.owner == SceneItem::Owner::Household && Perform(MakeRemoveHousehold(line.id)))
        m_canvas->ClearSelection();
}

void MapPage::BeginRelation(RelationKind kind) {
    if (m_document && !m_document->ReadOnly()) {
        m_canvas->BeginRelation(kind);
        m_canvas->SetFocus();
    }
}

void MapPage::MarkHousehold() {
    if (!m_document)
        return;
    const auto& people = m_canvas->SelectedPeople();
    if (people.size() < 2) {
        wxMessageBox(_("Ctrl+click the people who live together, then mark the household."),
                     _("Mark household"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    Perform(MakeAddHousehold(m_document->Family(), {people.begin(), people.end()}));
}

void MapPage::ResetLayout() {
    if (m_document)
        Perform(MakeResetLayout());
}

void MapPage::SetPresentMode(bool present) {
    if (present == m_present)
        return;
    m_present = present;
    if (present) {
        m_presentFrame =
            new wxFrame(wxGetTopLevelParent(this), wxID_ANY, _("Family map"), wxDefaultPosition,
                        wxDefaultSize, wxFRAME_FLOAT_ON_PARENT | wxDEFAULT_FRAME_STYLE);
        m_presentFrame->SetName("present_frame");
        m_presentFrame->SetBackgroundColour(*wxWHITE);
        m_canvasSizer->Detach(m_canvas);
        m_canvas->Reparent(m_presentFrame);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(m_canvas, 1, wxEXPAND);
        m_presentFrame->SetSizer(sizer);
        // F11 and Esc end presenting (the main window's menu is not here).
        m_presentFrame->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
            if ((e.GetKeyCode() == WXK_F11 || e.GetKeyCode() == WXK_ESCAPE) && onTogglePresent &&
                !m_canvas->PickingRelation())
                onTogglePresent();
            else
                e.Skip();
        });
        m_presentFrame->Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
            e.Veto();
            if (onTogglePresent)
                onTogglePresent();
        });
        m_presentFrame->ShowFullScreen(true, wxFULLSCREEN_ALL);
        m_canvas->SetFocus();
    } else {
        m_presentFrame->GetSizer()->Detach(m_canvas);
        m_canvas->Reparent(this);
        m_canvasSizer->Add(m_canvas, 1, wxEXPAND);
        m_presentFrame->Destroy();
        m_presentFrame = nullptr;
    }
    m_canvas->SetLargeType(present);
    m_inspector->Show(!present); // nothing of the record stays up behind the map either
    m_presentButton->SetLabel(present ? _("End presenting") : _("Present"));
    Layout();
    m_canvas->FitToWindow();
    m_canvas->SetFocus();
}

void MapPage::ShowRelationMenu(wxWindow* over) {
    wxMenu menu;
    for (std::size_t i = 0; i < kRelationKinds.size(); ++i)
        menu.Append(static_cast<int>(wxID_HIGHEST + 100 + i), Name(kRelationKinds[i]));
    menu.Bind(wxEVT_MENU, [this](wxCommandEvent& e) {
        BeginRelation(kRelationKinds[static_cast<std::size_t>(e.GetId() - wxID_HIGHEST - 100)]);
    });
    over->PopupMenu(&menu, 0, over->GetSize().y);
}

void MapPage::ShowContextMenu(wxPoint at) {
    if (!m_document || m_document->ReadOnly())
        return;
    wxMenu menu;
    std::vector<std::function<void()>> actions;
    auto add = [&](wxMenu& m, const wxString& label, std::function<void()> action) {
        m.Append(static_cast<int>(wxID_HIGHEST + 1 + actions.size()), label);
        actions.push_back(std::move(action));
    };
    if (m_canvas->SelectedPerson() != kNoId) {
        add(menu, _("Add father\tP"), [this] { Grow(Growth::Father); });
        add(menu, _("Add mother\tShift+P"), [this] { Grow(Growth::Mother); });
        add(menu, _("Add partner\tS"), [this] { Grow(Growth::Partner); });
        add(menu, _("Add son\tC"), [this] { Grow(Growth::Son); });
        add(menu, _("Add daughter\tShift+C"), [this] { Grow(Growth::Daughter); });
        add(menu, _("Add brother\tB"), [this] { Grow(Growth::Brother); });
        add(menu, _("Add sister\tShift+B"), [this] { Grow(Growth::Sister); });
        add(menu, _("Add pregnancy\tG"), [this] { Grow(Growth::Pregnancy); });
        add(menu, _("Add twin\tT"), [this] { Grow(Growth::TwinFraternal); });
        add(menu, _("Add identical twin\tShift+T"), [this] { Grow(Growth::TwinIdentical); });
        const ChildLink* link = m_document->Family().ChildLinkOf(m_canvas->SelectedPerson());
        bool birthFamily = false;
        for (const ChildLink* l : m_document->Family().ChildLinksOf(m_canvas->SelectedPerson()))
            birthFamily |= l->kind == ChildKind::Biological;
        if (link && !birthFamily)
            add(menu, _("Add birth parents"), [this] {
                GrowthEdit g = MakeBirthParents(m_document->Family(), m_canvas->SelectedPerson());
                if (Perform(std::move(g.edit)))
                    m_canvas->SelectPerson(g.created());
            });
        menu.AppendSeparator();
        auto* relations = new wxMenu;
        for (auto kind : kRelationKinds)
            add(*relations, Name(kind), [this, kind] { BeginRelation(kind); });
        menu.AppendSubMenu(relations, _("Draw relation from here"));
        menu.AppendSeparator();
        add(menu, _("Delete person..."), [this] { DeleteSelection(); });
    } else if (m_canvas->SelectedPeople().size() > 1) {
        add(menu, _("Mark household"), [this] { MarkHousehold(); });
        add(menu, _("Twins\tT"), [this] { MakeTwins(TwinKind::Fraternal); });
        add(menu, _("Identical twins\tShift+T"), [this] { MakeTwins(TwinKind::Identical); });
        add(menu, _("Not twins"), [this] { MakeTwins(TwinKind::None); });
    } else if (m_canvas->SelectedLine().owner == SceneItem::Owner::Union) {
        const UnionId couple = m_canvas->SelectedLine().id;
        add(menu, _("Add son\tC"), [this, couple] { GrowCouple(couple, Growth::Son); });
        add(menu, _("Add daughter\tShift+C"),
            [this, couple] { GrowCouple(couple, Growth::Daughter); });
        add(menu, _("Add event...\tE"), [this] { m_inspector->Union().FocusNewEvent(); });
    } else if (m_canvas->SelectedLine().id != kNoId &&
               m_canvas->SelectedLine().owner != SceneItem::Owner::Union) {
        add(menu, _("Delete"), [this] { DeleteSelection(); });
    }
    if (menu.GetMenuItemCount() > 0)
        menu.AppendSeparator();
    add(menu, _("Reset layout"), [this] { ResetLayout(); });
    add(menu, _("Fit to window\tF"), [this] { m_canvas->FitToWindow(); });
    // One handler for the menu and its submenu: events from a submenu reach the top menu.
    menu.Bind(wxEVT_MENU, [&actions](wxCommandEvent& e) {
        const auto index = static_cast<std::size_t>(e.GetId() - wxID_HIGHEST - 1);
        if (index < actions.size())
            actions[index]();
    });
    m_canvas->PopupMenu(&menu, at);
}

} // namespace kartbok::app
