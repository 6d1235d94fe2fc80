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

enum Field { kGiven, kSurname, kBirth, kDeath, kOccupation, kPlace, kNote, kOther };

void SetText(wxTextCtrl* ctrl, const std::string& value, wxWindow* skip) {
    const wxString v = wxString::FromUTF8(value);
    if (ctrl != skip && ctrl->GetValue() != v)
        ctrl->ChangeValue(v); // ChangeValue: no EVT_TEXT, so no edit loops back
}

const wxColour kInvalid(255, 220, 220);

} // namespace

PersonInspector::PersonInspector(wxWindow* parent, InspectorActions& actions)
    : wxPanel(parent), m_actions(actions) {
    SetName("person_inspector");
    auto* outer = new wxBoxSizer(wxVERTICAL);
    m_title = new WrappingText(this, wxString(), 1.2); // a long pair of names wraps
    outer->Add(m_title, 0, wxALL | wxEXPAND, 6);

    auto* grid = new wxFlexGridSizer(2, wxSize(6, 4));
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
    m_birth->SetHint(_("1950, ca 1950 or 1950-03-14"));
    row(_("Born"), m_birth);
    m_deceased = new wxCheckBox(this, wxID_ANY, _("Deceased"));
    m_deceased->SetName("deceased");
    row(wxString(), m_deceased);
    m_death = AddText("death", kDeath);
    m_death->SetHint(_("year or date"));
    row(_("Died"), m_death);
    m_occupation = AddText("occupation", kOccupation);
    row(_("Occupation"), m_occupation);
    m_place = AddText("place", kPlace);
    row(_("Place"), m_place);
    outer->Add(grid, 0, wxALL | wxEXPAND, 6);

    outer->Add(new wxStaticText(this, wxID_ANY, _("Note")), 0, wxLEFT | wxRIGHT | wxTOP, 6);
    m_note = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, 70),
                            wxTE_MULTILINE);
    m_note->SetName("note");
    BindText(m_note, kNote);
    outer->Add(m_note, 0, wxALL | wxEXPAND, 6);

    auto* conditions = new wxStaticBoxSizer(wxVERTICAL, this, _("Conditions (quarter shading)"));
    for (std::size_t i = 0; i < kConditions.size(); ++i) {
        m_conditions[i] =
            new wxCheckBox(conditions->GetStaticBox(), wxID_ANY, Name(kConditions[i]));
        m_conditions[i]->SetName(wxString::Format("condition_%zu", i));
        m_conditions[i]->Bind(wxEVT_CHECKBOX,
                              [this, i](wxCommandEvent&) { OnChoiceOrCheck(m_conditions[i]); });
        conditions->Add(m_conditions[i], 0, wxALL, 2);
    }
    outer->Add(conditions, 0, wxALL | wxEXPAND, 6);

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
    m_makeClient->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_family && m_id != kNoId)
            m_actions.perform(MakeSetIndexPerson(*m_family, m_id));
    });
    m_delete->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_id != kNoId)
            m_actions.removePerson(m_id);
    });
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
    std::uint8_t bits = 0;
    for (std::size_t i = 0; i < kConditions.size(); ++i)
        if (m_conditions[i]->GetValue())
            bits |= kConditions[i];
    p.conditions = bits;
    m_actions.endTyping();
    Commit(source, kOther, p);
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
    for (std::size_t i = 0; i < kConditions.size(); ++i)
        m_conditions[i]->SetValue((p->conditions & kConditions[i]) != 0);
    if (m_makeClient->IsShown() == p->isIndex) {
        m_makeClient->Show(!p->isIndex);
        relayout = true;
    }
    if (m_given->IsEnabled() == readOnly)
        for (wxWindow* w : GetChildren())
            if (w != m_title)
                w->Enable(!readOnly);
    if (relayout)
        Layout(); // not on every keystroke: only when the title or buttons changed
}

void PersonInspector::FocusName() {
    m_given->SetFocus();
    m_given->SelectAll();
}

} // namespace kartbok::app
