#pragma once
// A narrow checklist beside the note editor: while writing a session's note the
// therapist ticks the topics that came up, which links them to that session
// (and marks an untouched topic covered). Each tick is one journal::SetTopic
// through the document, exactly as on the Deep-interview tab.

#include "model/CaseDocument.h"
#include "model/InterviewPresenter.h"

#include <wx/panel.h>

#include <string>
#include <vector>

class wxCheckListBox;
class wxChoice;
class wxStaticText;

namespace kartbok::app {

class ChecklistSidePanel : public wxPanel {
public:
    /// sessionId: the session being written; it must already be in the case
    /// (SetTopic refuses links to unknown sessions).
    ChecklistSidePanel(wxWindow* parent, CaseDocument& document, std::string sessionId);

    /// Re-reads the case (call after any change to the document).
    void Reload();
    void SetSession(std::string sessionId);

    /// Links (or unlinks) the topic to this session, as a tick in the list does.
    void Tick(const std::string& itemId, bool linked);
    /// Topic ids in list order, for tests.
    const std::vector<std::string>& Items() const { return m_items; }

private:
    const journal::Template* Checklist() const;

    CaseDocument& m_document;
    std::string m_sessionId;
    journal::TemplateSet m_templates;
    std::vector<std::string> m_checklistIds;
    std::string m_templateId = kDeepInterviewId;
    std::vector<std::string> m_items;
    wxChoice* m_choice = nullptr;
    wxStaticText* m_progress = nullptr;
    wxCheckListBox* m_list = nullptr;
};

} // namespace kartbok::app
