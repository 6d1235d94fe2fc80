#pragma once
// The right-hand panel of the map: shows and edits whatever is selected (a
// person, a union, a relation, a household, several people), or says how to start.

#include "map/InspectorActions.h"
#include "model/MapPresenter.h"

#include <wx/panel.h>

#include <set>

class wxSimplebook;
class wxStaticText;
class wxButton;

namespace kartbok::app {

class PersonInspector;
class UnionInspector;
class RelationInspector;

class InspectorPanel : public wxPanel {
public:
    InspectorPanel(wxWindow* parent, InspectorActions& actions);

    void ShowSelection(const genogram::Family* family, const std::set<genogram::PersonId>& people,
                       const MapHit& line, bool readOnly);
    PersonInspector& Person() { return *m_person; }
    UnionInspector& Union() { return *m_union; }

private:
    InspectorActions& m_actions;
    wxSimplebook* m_book = nullptr;
    PersonInspector* m_person = nullptr;
    UnionInspector* m_union = nullptr;
    RelationInspector* m_relation = nullptr;
    wxPanel* m_household = nullptr;
    wxButton* m_removeHousehold = nullptr;
    wxPanel* m_several = nullptr;
    wxStaticText* m_severalText = nullptr;
    genogram::HouseholdId m_householdId = genogram::kNoId;
};

} // namespace kartbok::app
