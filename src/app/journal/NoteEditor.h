#pragma once
// The draft editor of the Journal tab: one text box per field of the note's
// template (the item's prompting questions beside it), then type, date, length,
// participants from the family map, themes, methods, what was agreed and the
// next appointment. It only edits a copy: JournalPage turns Collect() into
// AddSession/EditDraft commands, so the model changes on the one command path.

#include "model/JournalPresenter.h"

#include "kartbok/genogram/Family.h"
#include "kartbok/journal/Template.h"

#include <wx/scrolwin.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

class wxCheckBox;
class wxCheckListBox;
class wxChoice;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace kartbok::app {

class CheckRows;
class DateCtrl;
class TimeCtrl;

class NoteEditor : public wxScrolledWindow {
public:
    explicit NoteEditor(wxWindow* parent);

    /// Shows a draft. tmpl may be nullptr (template missing): stored fields by id.
    void Load(const journal::Session& session, const journal::Template* tmpl,
              const genogram::Family& family, const std::string& language, bool readOnly);
    /// The draft as edited now (same id, author and creation time as loaded).
    journal::Session Collect() const;
    /// The loaded draft differs from what the controls show.
    bool Modified() const { return !(Collect() == m_loaded); }
    /// Takes what is shown as the new baseline (after it was saved).
    void MarkSaved() { m_loaded = Collect(); }
    const std::string& SessionId() const { return m_loaded.id; }
    /// The draft as last loaded or saved.
    const journal::Session& Loaded() const { return m_loaded; }

    /// The types the Type choice offers from the next Load (SessionTypesFor).
    void SetSessionTypes(std::vector<journal::SessionType> types) { m_types = std::move(types); }

    /// Called on every edit (typing, ticking), for the page's quiet-save timer.
    std::function<void()> onModified;
    /// Called when a text box loses the focus.
    std::function<void()> onLeave;

private:
    /// Scrolls the note by a wheel event's notches, lines per notch as the platform says.
    void ScrollByWheel(wxMouseEvent& event);
    void ForwardWheel(wxWindow* child);
    wxSizer* BuildWhen(const journal::Session& s);
    void Build(const journal::Template* tmpl, const genogram::Family& family,
               const std::string& language, bool readOnly);
    // The parts of the note below its title and time, top to bottom.
    void AddParticipants(const genogram::Family& family);
    void AddFields(const journal::Template* tmpl, const std::string& language, bool readOnly);
    void AddMethods(const journal::Template* tmpl, const std::string& language);
    void AddNextAppointment();
    void BindEdits(bool readOnly);
    wxTextCtrl* AddText(const wxString& title, const wxString& help, const wxString& value,
                        const std::string& name, bool multiLine, bool readOnly);
    void Changed();

    journal::Session m_loaded;
    std::vector<journal::SessionType> m_types{kSessionTypes.begin(), kSessionTypes.end()};
    std::vector<std::pair<std::string, wxTextCtrl*>> m_fields; ///< field id -> box
    std::vector<genogram::PersonId> m_people;                  ///< rows of m_participants
    std::vector<std::string> m_methodIds;                      ///< rows of m_methods
    wxChoice* m_type = nullptr;
    DateCtrl* m_date = nullptr;
    TimeCtrl* m_time = nullptr;
    wxSpinCtrl* m_minutes = nullptr;
    CheckRows* m_participants = nullptr;
    wxTextCtrl* m_themes = nullptr;
    CheckRows* m_methods = nullptr;
    wxTextCtrl* m_nextSteps = nullptr;
    wxCheckBox* m_hasNext = nullptr;
    DateCtrl* m_nextDate = nullptr;
    TimeCtrl* m_nextTime = nullptr;
    bool m_loading = false;
    int m_wheel = 0; ///< wheel rotation not yet a whole notch (smooth scrolling)
};

} // namespace kartbok::app
