#include "map/InspectorPanel.h"

#include "map/FamilyEdits.h"
#include "map/MapKeys.h"
#include "map/PersonInspector.h"
#include "map/RelationInspector.h"
#include "map/UnionInspector.h"

#include <wx/button.h>
#include <wx/scrolwin.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kartbok::app {

using namespace kartbok::genogram;

namespace {
enum Page { kEmpty, kPerson, kUnion, kRelation, kHousehold, kSeveral };
}

InspectorPanel::InspectorPanel(wxWindow* parent, InspectorActions& actions)
    : wxPanel(parent), m_actions(actions) {
    SetName("inspector");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_book = new wxSimplebook(this);

    auto* empty = new wxScrolledWindow(m_book, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                       wxVSCROLL); // the key list is longer than a laptop is high
    empty->SetScrollRate(0, FromDIP(12));
    // The keys come from the one table Help lists too.
    wxString keys = _("Click a symbol to see and edit the person; click a couple line to edit "
                      "the couple.") +
                    "\n";
    for (const auto& [chords, what] : MapKeyHelp())
        keys += "\n" + chords + "   " + what;
    auto* hint = new wxStaticText(empty, wxID_ANY, keys);
    hint->SetName("inspector_hint");
    hint->Wrap(FromDIP(310));
    auto* emptySizer = new wxBoxSizer(wxVERTICAL);
    emptySizer->Add(hint, 0, wxALL, 10);
    empty->SetSizer(emptySizer);
    m_book->AddPage(empty, wxString());

    // Esc anywhere in the panel: typing is done, back to the map for the next key.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() != WXK_ESCAPE || e.HasAnyModifiers()) {
            e.Skip();
            return;
        }
        m_actions.endTyping();
        m_actions.backToMap();
    });

    m_person = new PersonInspector(m_book, m_actions);
    m_book->AddPage(m_person, wxString());
    m_union = new UnionInspector(m_book, m_actions);
    m_book->AddPage(m_union, wxString());
    m_relation = new RelationInspector(m_book, m_actions);
    m_book->AddPage(m_relation, wxString());

    m_household = new wxPanel(m_book);
    auto* householdSizer = new wxBoxSizer(wxVERTICAL);
    householdSizer->Add(new wxStaticText(m_household, wxID_ANY, _("Household")), 0, wxALL, 8);
    m_removeHousehold = new wxButton(m_household, wxID_ANY, _("Remove household outline"));
    m_removeHousehold->SetName("remove_household");
    householdSizer->Add(m_removeHousehold, 0, wxALL, 8);
    m_household->SetSizer(householdSizer);
    m_book->AddPage(m_household, wxString());
    m_removeHousehold->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_householdId != kNoId)
            m_actions.perform(MakeRemoveHousehold(m_householdId));
    });

    m_several = new wxPanel(m_book);
    auto* severalSizer = new wxBoxSizer(wxVERTICAL);
    m_severalText = new wxStaticText(m_several, wxID_ANY, wxString());
    severalSizer->Add(m_severalText, 0, wxALL, 8);
    auto* mark = new wxButton(m_several, wxID_ANY, _("Mark household"));
    mark->SetName("mark_household");
    severalSizer->Add(mark, 0, wxALL, 8);
    m_several->SetSizer(severalSizer);
    m_book->AddPage(m_several, wxString());
    mark->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_actions.markHousehold(); });

    sizer->Add(m_book, 1, wxEXPAND);
    SetSizer(sizer);
}

void InspectorPanel::ShowSelection(const Family* family, const std::set<PersonId>& people,
                                   const MapHit& line, bool readOnly) {
    if (!family) {
        m_book->ChangeSelection(kEmpty);
        return;
    }
    if (people.size() == 1) {
        m_person->ShowPerson(*family, *people.begin(), readOnly);
        m_book->ChangeSelection(kPerson);
    } else if (people.size() > 1) {
        m_severalText->SetLabel(wxString::Format(
            wxPLURAL("%zu person selected", "%zu people selected", people.size()), people.size()));
        m_several->Enable(!readOnly);
        m_book->ChangeSelection(kSeveral);
    } else if (line.owner == SceneItem::Owner::Union && family->FindUnion(line.id)) {
        m_union->ShowUnion(*family, line.id, readOnly);
        m_book->ChangeSelection(kUnion);
    } else if (line.owner == SceneItem::Owner::Relation) {
        m_relation->ShowRelation(*family, line.id, readOnly);
        m_book->ChangeSelection(kRelation);
    } else if (line.owner == SceneItem::Owner::Household) {
        m_householdId = line.id;
        m_household->Enable(!readOnly);
        m_book->ChangeSelection(kHousehold);
    } else {
        m_book->ChangeSelection(kEmpty);
    }
}

} // namespace kartbok::app
