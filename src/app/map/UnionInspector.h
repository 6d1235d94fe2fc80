#pragma once
// The inspector page for a couple: the kind of union and every event of its
// history (met, living together... divorced, married again), all printed on
// the couple line; a sequence that cannot be right is pointed out.

#include "map/InspectorActions.h"

#include <wx/panel.h>

class wxCheckBox;
class wxChoice;
class wxListBox;
class wxSizer;
class wxTextCtrl;
class wxStaticText;

namespace kartbok::app {

class UnionInspector : public wxPanel {
public:
    UnionInspector(wxWindow* parent, InspectorActions& actions);
    void ShowUnion(const genogram::Family& family, genogram::UnionId id, bool readOnly);
    /// The keyboard's way in (E on the map): the caret in the new event's kind.
    void FocusNewEvent();

private:
    void AddEventControls(wxSizer* outer);
    void Commit(const genogram::Union& updated);
    void OnAddEvent();
    void OnRemoveEvent();
    const genogram::Union* Current() const;

    InspectorActions& m_actions;
    const genogram::Family* m_family = nullptr;
    genogram::UnionId m_id = genogram::kNoId;
    genogram::UnionId m_shownId = genogram::kNoId; ///< the couple last shown, for resets
    wxStaticText* m_title = nullptr;
    wxChoice* m_kind = nullptr;
    wxListBox* m_events = nullptr;
    wxChoice* m_eventKind = nullptr;
    wxTextCtrl* m_eventYear = nullptr;
    wxStaticText* m_warning = nullptr;
    wxCheckBox* m_consanguineous = nullptr;
};

} // namespace kartbok::app
