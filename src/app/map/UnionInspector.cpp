#include "map/UnionInspector.h"

#include "common/Label.h"
#include "common/Labels.h"
#include "map/FamilyEdits.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace kartbok::app {

using namespace kartbok::genogram;

UnionInspector::UnionInspector(wxWindow* parent, InspectorActions& actions)
    : wxPanel(parent), m_actions(actions) {
    SetName("union_inspector");
    auto* outer = new wxBoxSizer(wxVERTICAL);
    m_title = new WrappingText(this, wxString(), 1.2); // a long pair of names wraps
    outer->Add(m_title, 0, wxALL | wxEXPAND, 6);

    auto* kindRow = new wxBoxSizer(wxHORIZONTAL);
    kindRow->Add(new wxStaticText(this, wxID_ANY, _("Kind")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                 6);
    m_kind = new wxChoice(this, wxID_ANY);
    m_kind->SetName("union_kind");
    for (auto k : kUnionKinds)
        m_kind->Append(Name(k));
    kindRow->Add(m_kind, 1);
    outer->Add(kindRow, 0, wxALL | wxEXPAND, 6);

    outer->Add(new wxStaticText(this, wxID_ANY, _("Events")), 0, wxLEFT | wxRIGHT | wxTOP, 6);
    m_events = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 110));
    m_events->SetName("union_events");
    outer->Add(m_events, 0, wxALL | wxEXPAND, 6);

    auto* addRow = new wxBoxSizer(wxHORIZONTAL);
    m_eventKind = new wxChoice(this, wxID_ANY);
    m_eventKind->SetName("event_kind");
    for (auto k : kUnionEvents)
        m_eventKind->Append(Name(k));
    m_eventKind->SetSelection(IndexOf(kUnionEvents, UnionEventKind::Separated));
    m_eventYear = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(70, -1),
                                 wxTE_PROCESS_ENTER);
    m_eventYear->SetName("event_year");
    m_eventYear->SetHint(_("year"));
    auto* add = new wxButton(this, wxID_ANY, _("Add event"), wxDefaultPosition, wxDefaultSize,
                             wxBU_EXACTFIT);
    add->SetName("add_event");
    addRow->Add(m_eventKind, 1, wxRIGHT, 4);
    addRow->Add(m_eventYear, 0, wxRIGHT, 4);
    addRow->Add(add, 0);
    outer->Add(addRow, 0, wxLEFT | wxRIGHT | wxEXPAND, 6);

    auto* remove = new wxButton(this, wxID_ANY, _("Remove event"));
    remove->SetName("remove_event");
    auto* swap = new wxButton(this, wxID_ANY, _("Swap sides"));
    swap->SetName("swap_sides");
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(remove, 0, wxRIGHT, 6);
    buttons->Add(swap, 0);
    outer->Add(buttons, 0, wxALL, 6);
    SetSizer(outer);

    m_kind->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (const Union* u = Current()) {
            Union updated = *u;
            updated.kind =
                kUnionKinds[static_cast<std::size_t>(std::max(0, m_kind->GetSelection()))];
            Commit(updated);
        }
    });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnAddEvent(); });
    m_eventYear->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { OnAddEvent(); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnRemoveEvent(); });
    swap->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const Union* u = Current()) {
            Union updated = *u;
            std::swap(updated.partnerA, updated.partnerB);
            Commit(updated);
        }
    });
}

const Union* UnionInspector::Current() const {
    return m_family ? m_family->FindUnion(m_id) : nullptr;
}

void UnionInspector::Commit(const Union& updated) {
    if (const Union* u = Current(); u && !(*u == updated))
        m_actions.perform(MakeSetUnion(*m_family, updated));
}

void UnionInspector::OnAddEvent() {
    const Union* u = Current();
    if (!u)
        return;
    long year = 0;
    const wxString text = m_eventYear->GetValue().Trim().Trim(false);
    if (!text.empty() && (!text.ToLong(&year) || year < 1000 || year > 2999)) {
        m_eventYear->SetBackgroundColour(wxColour(255, 220, 220));
        m_eventYear->Refresh();
        return;
    }
    m_eventYear->SetBackgroundColour(wxNullColour);
    Union updated = *u;
    UnionEvent event;
    event.kind = kUnionEvents[static_cast<std::size_t>(std::max(0, m_eventKind->GetSelection()))];
    event.year = static_cast<int>(year);
    updated.events.push_back(event);
    // Events stay in time order; unknown years keep their place at the end.
    std::stable_sort(updated.events.begin(), updated.events.end(),
                     [](const UnionEvent& a, const UnionEvent& b) {
                         return a.year != 0 && b.year != 0 && a.year < b.year;
                     });
    m_eventYear->ChangeValue(wxString());
    Commit(updated);
}

void UnionInspector::OnRemoveEvent() {
    const Union* u = Current();
    const int sel = m_events->GetSelection();
    if (!u || sel == wxNOT_FOUND || sel >= static_cast<int>(u->events.size()))
        return;
    Union updated = *u;
    updated.events.erase(updated.events.begin() + sel);
    Commit(updated);
}

void UnionInspector::ShowUnion(const Family& family, UnionId id, bool readOnly) {
    m_family = &family;
    m_id = id;
    const Union* u = family.FindUnion(id);
    if (!u)
        return;
    m_title->SetLabel(wxString::Format(_("%s and %s"),
                                       wxString::FromUTF8(ShownName(family, u->partnerA)),
                                       wxString::FromUTF8(ShownName(family, u->partnerB))));
    m_kind->SetSelection(IndexOf(kUnionKinds, u->kind));
    wxArrayString events;
    for (const auto& e : u->events)
        events.Add(e.year ? wxString::Format("%s %d", Name(e.kind), e.year) : Name(e.kind));
    if (m_events->GetStrings() != events)
        m_events->Set(events);
    for (wxWindow* w : GetChildren())
        if (w != m_title)
            w->Enable(!readOnly);
    Layout();
}

} // namespace kartbok::app
