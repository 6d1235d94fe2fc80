#pragma once
// The inspector page for one person: every field of the model, each change an
// undoable SetPerson with instant redraw. Typing in a field is one undo step
// per visit to the field.

#include "map/InspectorActions.h"

#include <wx/scrolwin.h>

#include <array>
#include <vector>

class wxCheckBox;
class wxChoice;
class wxSizer;
class wxTextCtrl;
class wxButton;
class wxStaticText;

namespace kartbok::app {

/// Scrolls when the window is too short for all of a person (a laptop at
/// 1280x800 with the case header wrapped): nothing in it is ever cut.
class PersonInspector : public wxScrolledWindow {
public:
    PersonInspector(wxWindow* parent, InspectorActions& actions);

    /// Shows the person as the model has it now. The field being typed in is left
    /// alone so the caret never jumps.
    void ShowPerson(const genogram::Family& family, genogram::PersonId id, bool readOnly);
    genogram::PersonId PersonId() const { return m_id; }
    /// Puts the caret in the given-names field (after a gesture made a new person).
    void FocusName();

private:
    wxSizer* BuildFacts();
    wxSizer* BuildConditions(); ///< each condition with its "in recovery" below it
    wxTextCtrl* AddText(const char* name, int field);
    void BindText(wxTextCtrl* ctrl, int field);
    void Commit(wxWindow* source, int field, const genogram::Person& updated);
    void OnTextChanged(wxTextCtrl* ctrl, int field);
    void OnChoiceOrCheck(wxWindow* source);
    void OnChildKind();
    void OnTwin();
    genogram::Person Current() const;

    InspectorActions& m_actions;
    const genogram::Family* m_family = nullptr;
    genogram::PersonId m_id = genogram::kNoId;
    wxWindow* m_source = nullptr; ///< control whose edit is being executed: not refreshed
    int m_focusSerial = 0;        ///< bumps on each field visit, part of the merge key

    wxStaticText* m_title = nullptr;
    wxTextCtrl* m_given = nullptr;
    wxTextCtrl* m_surname = nullptr;
    wxChoice* m_gender = nullptr;
    wxChoice* m_kind = nullptr;
    wxTextCtrl* m_birth = nullptr;
    wxCheckBox* m_deceased = nullptr;
    wxTextCtrl* m_death = nullptr;
    wxTextCtrl* m_cause = nullptr;
    /// "Died" and "Cause of death" with their labels: shown for the deceased only.
    std::vector<wxWindow*> m_deathRows;
    wxChoice* m_childKind = nullptr; ///< how the person is a child of the parents drawn
    wxChoice* m_twin = nullptr;      ///< not a twin, fraternal, identical
    wxTextCtrl* m_occupation = nullptr;
    wxTextCtrl* m_place = nullptr;
    wxTextCtrl* m_note = nullptr;
    std::array<wxCheckBox*, 4> m_conditions{};
    std::array<wxCheckBox*, 4> m_recovering{}; ///< "in recovery" beside each condition
    wxButton* m_makeClient = nullptr;
    wxButton* m_delete = nullptr;
};

} // namespace kartbok::app
