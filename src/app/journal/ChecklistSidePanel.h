#pragma once
// The checklist beside the note editor: while writing a session's note the
// therapist ticks the topics that came up, which links them to that session
// (and marks an untouched topic covered), and says which people on the map a
// ticked topic concerns - without leaving the journal. Topics are wrapped in
// full, whatever the panel's width. Each change is one journal::SetTopic
// through the document, exactly as on the Deep-interview tab.

#include "model/CaseDocument.h"
#include "model/InterviewPresenter.h"

#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxScrolledWindow;
class wxStaticText;

namespace kartbok::app {

class WrappingText;

class ChecklistSidePanel : public wxPanel {
public:
    /// sessionId: the session being written; it must already be in the case
    /// (SetTopic refuses links to unknown sessions).
    ChecklistSidePanel(wxWindow* parent, CaseDocument& document, std::string sessionId);

    /// Re-reads the case (call after any change to the document).
    void Reload();
    void SetSession(std::string sessionId);

    /// Links (or unlinks) the topic to this session, as its tick box does.
    void Tick(const std::string& itemId, bool linked);
    /// Says the topic concerns (or no longer concerns) a person on the map.
    void SetPerson(const std::string& itemId, genogram::PersonId person, bool concerns);
    /// Opens the menu of people for a topic (what its People... button does).
    void ChoosePeople(const std::string& itemId);
    /// Topic ids in list order, for tests.
    const std::vector<std::string>& Items() const { return m_items; }
    /// Whether the topic's tick box is ticked (linked to this session).
    bool IsTicked(const std::string& itemId) const;
    /// The line under a topic: its state and the people it concerns.
    wxString DetailText(const std::string& itemId) const;

    /// The hide button was pressed; the page folds the panel away.
    std::function<void()> onHide;

private:
    struct Row {
        std::string itemId;
        wxCheckBox* tick = nullptr;
        WrappingText* title = nullptr;
        WrappingText* detail = nullptr;
        wxButton* people = nullptr;
    };
    const journal::Template* Checklist() const;
    void BuildRows();
    void Execute(journal::CaseCommandPtr command, const wxString& title);
    const Row* RowOf(const std::string& itemId) const;

    CaseDocument& m_document;
    std::string m_sessionId;
    journal::TemplateSet m_templates;
    std::vector<std::string> m_checklistIds;
    std::string m_templateId = kDeepInterviewId;
    std::string m_builtFor; ///< the template the rows were made for
    std::vector<std::string> m_items;
    std::vector<Row> m_rows;
    wxChoice* m_choice = nullptr;
    wxStaticText* m_progress = nullptr;
    wxScrolledWindow* m_list = nullptr;
};

} // namespace kartbok::app
