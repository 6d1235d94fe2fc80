#include "map/PersonInspector.h"

#include "common/Label.h"
#include "common/Labels.h"
#include "common/Utf8.h"
#include "map/FamilyEdits.h"
#include "model/FuzzyDateText.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace kartbok::app {

using namespace kartbok::genogram;

namespace {

enum Field { kGiven, kSurname, kBirth, kDeath, kCause, kOccupation, kPlace, kNote, kOther };

const std::vector<ChildKind> kChildKinds = Values<ChildKind>();
const std::vector<TwinKind> kTwinKinds = Values<TwinKind>();

void SetText(wxTextCtrl* ctrl, const std::string& value, wxWindow* skip) {
    const wxString v = wxString::FromUTF8(value);
    if (ctrl != skip && ctrl->GetValue() != v)
        ctrl->ChangeValue(v); // ChangeValue: no EVT_TEXT, so no edit loops back
}

const wxColour kInvalid(255, 220, 220);

} // namespace

PersonInspector::PersonInspector(wxWindow* parent, InspectorActions& actions)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL),
      m_actions(actions) {
    SetScrollRate(0, FromDIP(12));
    SetName("person_inspector");
    auto* outer = new wxBoxSizer(wxVERTICAL);
    m_title = new WrappingText(this, wxString(), 1.2); // a long pair of names wraps
    outer->Add(m_title, 0, wxALL | wxEXPAND, 6);

    outer->Add(BuildFacts(), 0, wxALL | wxEXPAND, 6);

    outer->Add(new wxStaticText(this, wxID_ANY, _("Note")), 0, wxLEFT | wxRIGHT | wxTOP, 6);
    m_note = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, 70),
                            wxTE_MULTILINE);
    m_note->SetName("note");
    BindText(m_note, kNote);
    outer->Add(m_note, 0, wxALL | wxEXPAND, 6);

    outer->Add(BuildConditions(), 0, wxALL | wxEXPAND, 4);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_makeClient = new wxButton(this, wxID_ANY, _("Make this the client"));
    m_makeClient->SetName("make_client");
    m_delete = new wxButton(this, wxID_ANY, _("Delete person..."));
    m_delete->SetName("delete_person");
    buttons->Add(m_makeClient, 0, wxRIGHT, 6);
    buttons->Add(m_delete, 0);
    outer->Add(buttons, 0, wxALL, 6);
    SetSizer(outer);

    m_gender->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { OnChoiceOrCheck(m_gender); });
    m_kind->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { OnChoiceOrCheck(m_kind); });
    m_deceased->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { OnChoiceOrCheck(m_deceased); });
    m_childKind->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { OnChildKind(); });
    m_twin->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { OnTwin(); });
    m_makeClient->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_family && m_id != kNoId)
            m_actions.perform(MakeSetIndexPerson(*m_family, m_id));
    });
    m_delete->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_id != kNoId)
            m_actions.removePerson(m_id);
    });
}

wxSizer* PersonInspector::BuildFacts() {
    // Names, gender, kind, dates, how a child, twin, occupation and place: label | field.
    auto* grid = new wxFlexGridSizer(2, wxSize(6, 3));
    grid->AddGrowableCol(1, 1);
    auto row = [&](const wxString& label, wxWindow* ctrl) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(ctrl, 1, wxEXPAND);
    };
    m_given = AddText("given_names", kGiven);
    row(_("Given names"), m_given);
    m_surname = AddText("surname", kSurname);
    row(_("Surname"), m_surname);

    m_gender = new wxChoice(this, wxID_ANY);
    m_gender->SetName("gender");
    for (auto g : kGenders)
        m_gender->Append(Name(g));
    row(_("Gender"), m_gender);
    m_kind = new wxChoice(this, wxID_ANY);
    m_kind->SetName("kind");
    for (auto k : kPersonKinds)
        m_kind->Append(Name(k));
    row(_("Kind"), m_kind);

    m_birth = AddText("birth", kBirth);
    m_birth->SetHint(_("1950, ca 1950, before 1950 or 1950-03-14"));
    row(_("Born"), m_birth);
    m_deceased = new wxCheckBox(this, wxID_ANY, _("Deceased"));
    m_deceased->SetName("deceased");
    row(wxString(), m_deceased);
    m_death = AddText("death", kDeath);
    m_death->SetHint(_("year or date"));
    row(_("Died"), m_death);
    m_deathRows = {grid->GetItem(grid->GetItemCount() - 2)->GetWindow(), m_death};
    m_cause = AddText("cause_of_death", kCause);
    m_cause->SetHint(_("a word or two, shown under the symbol"));
    row(_("Cause of death"), m_cause);
    m_deathRows.push_back(grid->GetItem(grid->GetItemCount() - 2)->GetWindow());
    m_deathRows.push_back(m_cause);
    m_childKind = new wxChoice(this, wxID_ANY);
    m_childKind->SetName("child_kind");
    for (ChildKind k : kChildKinds)
        m_childKind->Append(Name(k));
    row(_("Child of the parents as"), m_childKind);
    m_twin = new wxChoice(this, wxID_ANY);
    m_twin->SetName("twin");
    for (TwinKind k : kTwinKinds)
        m_twin->Append(Name(k));
    m_twin->SetToolTip(_("A sibling born the same day becomes the twin; without one, a twin is "
                         "added (T on the map)"));
    row(_("Twin"), m_twin);
    m_occupation = AddText("occupation", kOccupation);
    row(_("Occupation"), m_occupation);
    m_place = AddText("place", kPlace);
    row(_("Place"), m_place);
    return grid;
}

wxSizer* PersonInspector::BuildConditions() {
    auto* conditions = new wxStaticBoxSizer(wxVERTICAL, this, _("Conditions (quarter shading)"));
    for (std::size_t i = 0; i < kConditions.size(); ++i) {
        m_conditions[i] =
            new wxCheckBox(conditions->GetStaticBox(), wxID_ANY, Name(kConditions[i]));
        m_conditions[i]->SetName(wxString::Format("condition_%zu", i));
        m_conditions[i]->Bind(wxEVT_CHECKBOX,
                              [this, i](wxCommandEvent&) { OnChoiceOrCheck(m_conditions[i]); });
        // Under its condition, and only there when the condition is set.
        m_recovering[i] = new wxCheckBox(conditions->GetStaticBox(), wxID_ANY, _("in recovery"));
        m_recovering[i]->SetName(wxString::Format("recovering_%zu", i));
        m_recovering[i]->SetToolTip(_("Drawn hatched instead of filled"));
        m_recovering[i]->Bind(wxEVT_CHECKBOX,
                              [this, i](wxCommandEvent&) { OnChoiceOrCheck(m_recovering[i]); });
        conditions->Add(m_conditions[i], 0, wxALL, 1);
        conditions->Add(m_recovering[i], 0, wxLEFT, FromDIP(22));
    }
    return conditions;
}

wxTextCtrl* PersonInspector::AddText(const char* name, int field) {
    auto* ctrl = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxTE_PROCESS_ENTER);
    ctrl->SetName(name);
    BindText(ctrl, field);
    return ctrl;
}

void PersonInspector::BindText(wxTextCtrl* ctrl, int field) {
    ctrl->Bind(wxEVT_TEXT, [this, ctrl, field](wxCommandEvent&) { OnTextChanged(ctrl, field); });
    ctrl->Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
        ++m_focusSerial; // each visit to a field is its own undo step
        e.Skip();
    });
    ctrl->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        m_actions.endTyping();
        e.Skip();
    });
    if (field != kNote)
        ctrl->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
            m_actions.endTyping();
            m_actions.backToMap();
        });
}

Person PersonInspector::Current() const {
    const Person* p = m_family ? m_family->FindPerson(m_id) : nullptr;
    return p ? *p : Person{};
}

void PersonInspector::OnTextChanged(wxTextCtrl* ctrl, int field) {
    if (!m_family || m_id == kNoId || !m_family->FindPerson(m_id))
        return;
    Person p = Current();
    const std::string value = Utf8(ctrl->GetValue());
    switch (field) {
    case kGiven:
        p.givenNames = value;
        break;
    case kSurname:
        p.surname = value;
        break;
    case kOccupation:
        p.occupation = value;
        break;
    case kPlace:
        p.place = value;
        break;
    case kCause:
        p.causeOfDeath = value;
        break;
    case kNote:
        p.note = value;
        break;
    case kBirth:
    case kDeath: {
        const auto date = ParseFuzzyDate(value);
        // Half-typed dates ("19") stay in the field, marked, until they parse.
        ctrl->SetBackgroundColour(date ? wxNullColour : kInvalid);
        ctrl->Refresh();
        if (!date)
            return;
        if (field == kBirth) {
            p.birth = *date;
        } else {
            p.death = *date;
            if (date->Known())
                p.deceased = true;
        }
        break;
    }
    default:
        return;
    }
    Commit(ctrl, field, p);
}

void PersonInspector::OnChoiceOrCheck(wxWindow* source) {
    if (!m_family || m_id == kNoId)
        return;
    Person p = Current();
    p.gender = kGenders[static_cast<std::size_t>(std::max(0, m_gender->GetSelection()))];
    p.kind = kPersonKinds[static_cast<std::size_t>(std::max(0, m_kind->GetSelection()))];
    p.deceased = m_deceased->GetValue();
    std::uint8_t bits = 0, recovering = 0;
    for (std::size_t i = 0; i < kConditions.size(); ++i) {
        // "In recovery" implies the condition; clearing the condition clears it.
        if (source == m_recovering[i] && m_recovering[i]->GetValue())
            m_conditions[i]->SetValue(true);
        if (m_conditions[i]->GetValue())
            bits |= kConditions[i];
        if (m_conditions[i]->GetValue() && m_recovering[i]->GetValue())
            recovering |= kConditions[i];
    }
    p.conditions = bits;
    p.recovering = recovering;
    m_actions.endTyping();
    Commit(source, kOther, p);
}

void PersonInspector::OnChildKind() {
    const ChildLink* link = m_family ? m_family->ChildLinkOf(m_id) : nullptr;
    if (!link || m_childKind->GetSelection() < 0)
        return;
    ChildLink updated = *link;
    updated.kind = kChildKinds[static_cast<std::size_t>(m_childKind->GetSelection())];
    if (updated == *link)
        return;
    m_actions.endTyping();
    m_source = m_childKind;
    m_actions.perform(MakeSetChildLink(*m_family, updated));
    m_source = nullptr;
}

void PersonInspector::OnTwin() {
    const ChildLink* link = m_family ? m_family->ChildLinkOf(m_id) : nullptr;
    if (!link || m_twin->GetSelection() < 0)
        return;
    const TwinKind kind = kTwinKinds[static_cast<std::size_t>(m_twin->GetSelection())];
    m_actions.endTyping();
    m_source = m_twin;
    if (link->twinGroup != kNoId) {
        // A twin already: change the kind for the whole group, or leave it.
        std::vector<genogram::PersonId> group;
        for (const ChildLink& c : m_family->children)
            if (c.twinGroup == link->twinGroup)
                group.push_back(c.child);
        m_actions.perform(MakeSetTwins(
            *m_family, kind == TwinKind::None ? std::vector<genogram::PersonId>{m_id} : group,
            kind));
    } else if (kind != TwinKind::None) {
        // A sibling born the same day is the twin; else a new twin is added.
        const Person* me = m_family->FindPerson(m_id);
        std::vector<genogram::PersonId> sameDay;
        for (const ChildLink& c : m_family->children)
            if (c.child != m_id && c.parents == link->parents &&
                c.singleParent == link->singleParent && c.twinGroup == kNoId)
                if (const Person* s = m_family->FindPerson(c.child);
                    s && me->birth.Known() && s->birth == me->birth)
                    sameDay.push_back(c.child);
        if (sameDay.size() == 1)
            m_actions.perform(MakeSetTwins(*m_family, {m_id, sameDay.front()}, kind));
        else
            m_actions.perform(MakeGrowth(*m_family, m_id,
                                         kind == TwinKind::Identical ? Growth::TwinIdentical
                                                                     : Growth::TwinFraternal)
                                  .edit);
    }
    m_source = nullptr;
}

void PersonInspector::Commit(wxWindow* source, int field, const Person& updated) {
    if (updated == Current())
        return;
    const std::string key = field == kOther
                                ? std::string()
                                : "person:" + std::to_string(m_id) + ":" + std::to_string(field) +
                                      ":" + std::to_string(m_focusSerial);
    m_source = source;
    m_actions.perform(MakeSetPerson(*m_family, updated, key));
    m_source = nullptr;
}

void PersonInspector::ShowPerson(const Family& family, genogram::PersonId id, bool readOnly) {
    m_family = &family;
    if (id != m_id) {
        m_id = id;
        m_source = nullptr;
    }
    const Person* p = family.FindPerson(id);
    if (!p)
        return;
    wxString title =
        p->DisplayName().empty() ? _("Unnamed person") : wxString::FromUTF8(p->DisplayName());
    if (p->isIndex)
        title += " " + _("(client)");
    bool relayout = false;
    if (m_title->GetLabel() != title) {
        m_title->SetLabel(title);
        relayout = true;
    }

    SetText(m_given, p->givenNames, m_source);
    SetText(m_surname, p->surname, m_source);
    SetText(m_occupation, p->occupation, m_source);
    SetText(m_place, p->place, m_source);
    SetText(m_cause, p->causeOfDeath, m_source);
    SetText(m_note, p->note, m_source);
    // A date field being typed in keeps its text; others show the model's value.
    for (auto [ctrl, date] : {std::pair{m_birth, &p->birth}, std::pair{m_death, &p->death}}) {
        if (ctrl == m_source)
            continue;
        SetText(ctrl, FormatFuzzyDate(*date), nullptr);
        ctrl->SetBackgroundColour(wxNullColour);
    }
    m_gender->SetSelection(IndexOf(kGenders, p->gender));
    m_kind->SetSelection(IndexOf(kPersonKinds, p->kind));
    m_deceased->SetValue(p->deceased);
    // The death rows only for the deceased: the panel fits a 1280x800 screen.
    const bool dead = p->deceased || p->death.Known() || !p->causeOfDeath.empty();
    for (wxWindow* w : m_deathRows)
        if (w->IsShown() != dead) {
            w->Show(dead);
            relayout = true;
        }
    for (std::size_t i = 0; i < kConditions.size(); ++i) {
        const bool has = (p->conditions & kConditions[i]) != 0;
        m_conditions[i]->SetValue(has);
        m_recovering[i]->SetValue((p->recovering & kConditions[i]) != 0);
        if (m_recovering[i]->IsShown() != has) {
            m_recovering[i]->Show(has);
            relayout = true;
        }
    }
    const ChildLink* link = family.ChildLinkOf(id);
    m_childKind->SetSelection(link ? IndexOf(kChildKinds, link->kind) : wxNOT_FOUND);
    m_twin->SetSelection(link ? IndexOf(kTwinKinds, link->twinKind) : wxNOT_FOUND);
    if (m_makeClient->IsShown() == p->isIndex) {
        m_makeClient->Show(!p->isIndex);
        relayout = true;
    }
    if (m_given->IsEnabled() == readOnly)
        for (wxWindow* w : GetChildren())
            if (w != m_title)
                w->Enable(!readOnly);
    // Without parents on the map there is no family link or twin to set.
    m_childKind->Enable(!readOnly && link);
    m_twin->Enable(!readOnly && link);
    if (relayout)
        Layout(); // not on every keystroke: only when the title or buttons changed
}

void PersonInspector::FocusName() {
    m_given->SetFocus();
    m_given->SelectAll();
}

} // namespace kartbok::app
