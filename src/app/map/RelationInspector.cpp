#include "map/RelationInspector.h"

#include "common/Label.h"
#include "common/Labels.h"
#include "common/Utf8.h"
#include "map/FamilyEdits.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace kartbok::app {

using namespace kartbok::genogram;

RelationInspector::RelationInspector(wxWindow* parent, InspectorActions& actions)
    : wxPanel(parent), m_actions(actions) {
    SetName("relation_inspector");
    auto* outer = new wxBoxSizer(wxVERTICAL);
    m_title = new WrappingText(this, wxString(), 1.2); // a long pair of names wraps
    outer->Add(m_title, 0, wxALL | wxEXPAND, 6);

    m_kind = new wxChoice(this, wxID_ANY);
    m_kind->SetName("relation_kind");
    for (auto k : kRelationKinds)
        m_kind->Append(Name(k));
    outer->Add(m_kind, 0, wxALL | wxEXPAND, 6);
    m_directed = new wxCheckBox(this, wxID_ANY, _("Directed (arrow from the first person)"));
    m_directed->SetName("relation_directed");
    outer->Add(m_directed, 0, wxALL, 6);
    outer->Add(new wxStaticText(this, wxID_ANY, _("Note")), 0, wxLEFT | wxRIGHT | wxTOP, 6);
    m_note = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, 70),
                            wxTE_MULTILINE);
    m_note->SetName("relation_note");
    outer->Add(m_note, 0, wxALL | wxEXPAND, 6);
    auto* remove = new wxButton(this, wxID_ANY, _("Delete relation"));
    remove->SetName("delete_relation");
    outer->Add(remove, 0, wxALL, 6);
    SetSizer(outer);

    m_kind->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (const Relation* r = Current()) {
            Relation updated = *r;
            updated.kind =
                kRelationKinds[static_cast<std::size_t>(std::max(0, m_kind->GetSelection()))];
            Commit(updated);
        }
    });
    m_directed->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        if (const Relation* r = Current()) {
            Relation updated = *r;
            updated.directed = m_directed->GetValue();
            Commit(updated);
        }
    });
    m_note->Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
        ++m_focusSerial;
        e.Skip();
    });
    m_note->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        m_actions.endTyping();
        e.Skip();
    });
    m_note->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (const Relation* r = Current()) {
            Relation updated = *r;
            updated.note = Utf8(m_note->GetValue());
            m_typing = true;
            Commit(updated,
                   "relation:" + std::to_string(m_id) + ":" + std::to_string(m_focusSerial));
            m_typing = false;
        }
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (Current())
            m_actions.perform(MakeRemoveRelation(*m_family, m_id));
    });
}

const Relation* RelationInspector::Current() const {
    if (!m_family)
        return nullptr;
    for (const auto& r : m_family->relations)
        if (r.id == m_id)
            return &r;
    return nullptr;
}

void RelationInspector::Commit(const Relation& updated, const std::string& mergeKey) {
    if (const Relation* r = Current(); r && !(*r == updated))
        m_actions.perform(MakeSetRelation(*m_family, updated, mergeKey));
}

void RelationInspector::ShowRelation(const Family& family, RelationId id, bool readOnly) {
    m_family = &family;
    m_id = id;
    const Relation* r = Current();
    if (!r)
        return;
    m_title->SetLabel(wxString::Format(_("%s and %s"),
                                       wxString::FromUTF8(ShownName(family, r->from)),
                                       wxString::FromUTF8(ShownName(family, r->to))));
    m_kind->SetSelection(IndexOf(kRelationKinds, r->kind));
    m_directed->SetValue(r->directed);
    const wxString note = wxString::FromUTF8(r->note);
    if (!m_typing && m_note->GetValue() != note)
        m_note->ChangeValue(note);
    for (wxWindow* w : GetChildren())
        if (w != m_title)
            w->Enable(!readOnly);
    Layout();
}

} // namespace kartbok::app
