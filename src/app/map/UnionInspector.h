#pragma once
// The inspector page for a couple: the kind of union and its events
// (separated 2012, divorced 2014...), which decide how the partner line is drawn.

#include "map/InspectorActions.h"

#include <wx/panel.h>

class wxChoice;
class wxListBox;
class wxTextCtrl;
class wxStaticText;

namespace kartbok::app {

class UnionInspector : public wxPanel {
public:
    UnionInspector(wxWindow* parent, InspectorActions& actions);
    void ShowUnion(const genogram::Family& family, genogram::UnionId id, bool readOnly);

private:
    void Commit(const genogram::Union& updated);
    void OnAddEvent();
    void OnRemoveEvent();
    const genogram::Union* Current() const;

    InspectorActions& m_actions;
    const genogram::Family* m_family = nullptr;
    genogram::UnionId m_id = genogram::kNoId;
    wxStaticText* m_title = nullptr;
    wxChoice* m_kind = nullptr;
    wxListBox* m_events = nullptr;
    wxChoice* m_eventKind = nullptr;
    wxTextCtrl* m_eventYear = nullptr;
};

} // namespace kartbok::app
