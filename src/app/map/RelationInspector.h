#pragma once
// The inspector page for an emotional relation: its kind, direction and note.

#include "map/InspectorActions.h"

#include <wx/panel.h>

class wxCheckBox;
class wxChoice;
class wxTextCtrl;
class wxStaticText;

namespace kartbok::app {

class RelationInspector : public wxPanel {
public:
    RelationInspector(wxWindow* parent, InspectorActions& actions);
    void ShowRelation(const genogram::Family& family, genogram::RelationId id, bool readOnly);

private:
    const genogram::Relation* Current() const;
    void Commit(const genogram::Relation& updated, const std::string& mergeKey = {});

    InspectorActions& m_actions;
    const genogram::Family* m_family = nullptr;
    genogram::RelationId m_id = genogram::kNoId;
    int m_focusSerial = 0;
    bool m_typing = false;
    wxStaticText* m_title = nullptr;
    wxChoice* m_kind = nullptr;
    wxCheckBox* m_directed = nullptr;
    wxTextCtrl* m_note = nullptr;
};

} // namespace kartbok::app
