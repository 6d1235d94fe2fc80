#include "map/UnionInspector.h"

#include "common/Label.h"
#include "common/Labels.h"
#include "common/Palette.h"
#include "map/FamilyEdits.h"

#include "kartbok/genogram/UnionEvents.h"

#include <wx/button.h>
#include <wx/checkbox.h>
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

    AddEventControls(outer);
    m_consanguineous = new wxCheckBox(this, wxID_ANY, _("Blood relatives (a double line)"));
    m_consanguineous->SetName("consanguineous");
    outer->Add(m_consanguineous, 0, wxALL, 6);
    SetSizer(outer);
    m_consanguineous->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        if (const Union* u = Current()) {
            Union updated = *u;
            updated.consanguineous = m_consanguineous->GetValue();
            Commit(updated);
        }
    });

    m_kind->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (const Union* u = Current()) {
            Union updated = *u;
            updated.kind =
                kUnionKinds[static_cast<std::size_t>(std::max(0, m_kind->GetSelection()))];
            Commit(updated);
        }
    });
}

void UnionInspector::AddEventControls(wxSizer* outer) {
    // The couple's events (married, separated...): listed, added with a year, removed;
    // and the partners' sides swapped.
    outer->Add(new wxStaticText(this, wxID_ANY, _("Events")), 0, wxLEFT | wxRIGHT | wxTOP, 6);
    m_events = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 110));
    m_events->SetName("union_events");
    outer->Add(m_events, 0, wxALL | wxEXPAND, 6);

    auto* addRow = new wxBoxSizer(wxHORIZONTAL);
    m_eventKind = new wxChoice(this, wxID_ANY);
    m_eventKind->SetName("event_kind");
    for (auto k : kUnionEvents)
        m_eventKind->Append(Name(k));
    m_eventKind->SetSelection(wxNOT_FOUND); // nothing chosen until the therapist chooses
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
    m_warning = new wxStaticText(this, wxID_ANY, wxString());
    m_warning->SetName("event_warning");
    m_warning->SetForegroundColour(palette::kWarning);
    outer->Add(m_warning, 0, wxALL | wxEXPAND, 6);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnAddEvent(); });
    m_eventYear->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        const std::size_t before = Current() ? Current()->events.size() : 0;
        OnAddEvent();
        if (Current() && Current()->events.size() > before)
            m_actions.backToMap(); // Enter commits: the next key is for the map again
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnRemoveEvent(); });
    swap->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const Union* u = Current()) {
            Union updated = *u;
            std::swap(updated.partnerA, updated.partnerB);
            Commit(updated);
        }
    });
}

namespace {

wxString EventProblemText(const EventProblem& p, const Union& u) {
    const UnionEvent& e = u.events[p.index];
    const wxString event = e.year ? wxString::Format("%s %d", Name(e.kind), e.year) : Name(e.kind);
    switch (p.kind) {
    case EventProblem::Kind::MarriedTwice:
        return wxString::Format(_("%s: married again without a divorce or death before it."),
                                event);
    case EventProblem::Kind::DivorcedUnmarried:
        return wxString::Format(_("%s: divorced, but not married at that time."), event);
    case EventProblem::Kind::ReunitedTogether:
        return wxString::Format(_("%s: reunited without a separation before it."), event);
    case EventProblem::Kind::SeparatedTwice:
        return wxString::Format(_("%s: already apart at that time."), event);
    case EventProblem::Kind::AfterWidowhood:
        return wxString::Format(_("%s: comes after one of them died."), event);
    case EventProblem::Kind::MetLate:
        return wxString::Format(_("%s: should be the first event."), event);
    case EventProblem::Kind::EngagedMarried:
        return wxString::Format(_("%s: engaged while married."), event);
    }
    return event;
}

} // namespace

void UnionInspector::FocusNewEvent() {
    m_eventKind->SetFocus();
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
        m_eventYear->SetBackgroundColour(palette::kErrorBackground);
        m_eventYear->Refresh();
        return;
    }
    m_eventYear->SetBackgroundColour(wxNullColour);
    if (m_eventKind->GetSelection() == wxNOT_FOUND) {
        wxBell(); // which event? the choice starts empty on purpose
        m_eventKind->SetFocus();
        return;
    }
    Union updated = *u;
    UnionEvent event;
    event.kind = kUnionEvents[static_cast<std::size_t>(m_eventKind->GetSelection())];
    event.year = static_cast<int>(year);
    InsertEvent(updated, event); // in time order; an unknown year after what is there
    m_eventYear->ChangeValue(wxString());
    m_eventKind->SetSelection(wxNOT_FOUND);
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
    // A sequence that cannot be right is said, never refused (the record may be incomplete).
    wxString warning;
    for (const EventProblem& p : EventProblems(*u))
        warning += (warning.empty() ? "" : "\n") + EventProblemText(p, *u);
    if (m_warning->GetLabel() != warning) {
        m_warning->SetLabel(warning);
        m_warning->Wrap(FromDIP(300));
    }
    m_consanguineous->SetValue(u->consanguineous);
    if (id != m_shownId) { // another couple: the new-event choice starts empty again
        m_shownId = id;
        m_eventKind->SetSelection(wxNOT_FOUND);
        m_eventYear->ChangeValue(wxString());
    }
    for (wxWindow* w : GetChildren())
        if (w != m_title)
            w->Enable(!readOnly);
    Layout();
}

} // namespace kartbok::app
