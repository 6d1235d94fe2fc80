#pragma once
// The Deep-interview tab: a checklist (deep interview, or relatives' support)
// as a tree of sections and topics. Each topic has a state, a note, the
// sessions where it came up and the people on the map it concerns; the help
// text (the prompting questions) shows for the selected topic. Every change is
// one journal::SetTopic through the document; the page never edits the case.
// Topics link to the map both ways: "Show on map" selects a topic's people, and
// the person selected on the map gets their topics listed here.
// Answers stored under an older version of the checklist are shown under the
// loaded version's topics, with a bar offering to update them (one undoable
// journal::UpgradeChecklist); answers whose topic is gone, or whose template is
// not loaded at all, are shown as stored, read-only, never hidden.

#include "common/KeyHelp.h"
#include "model/CaseDocument.h"
#include "model/InterviewPresenter.h"

#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

class wxButton;
class wxCheckListBox;
class wxChoice;
class wxListCtrl;
class wxRadioBox;
class wxStaticText;
class wxTextCtrl;
class wxTreeCtrl;
class wxTreeEvent;
class wxBookCtrlEvent;
class wxScrolledWindow;

namespace kartbok::app {

class CheckRows;
class MapPage;
class WrappingText;

class InterviewPage : public wxPanel {
public:
    /// map: where topics are shown and whose selection this page follows.
    InterviewPage(wxWindow* parent, MapPage& map);

    /// The tab's keys outside the menus; its key handler and Help read this table.
    static const std::vector<RoomKey>& Keys();

    void SetDocument(CaseDocument* document);
    /// Refreshes states, progress and the selected topic after any change.
    void DocumentChanged();

    // For the tests and the frame -----------------------------------------
    /// Switches the checklist shown ("deep-interview", "relatives-support").
    void ShowChecklist(const std::string& templateId);
    const std::string& ChecklistId() const { return m_templateId; }
    void SelectTopic(const std::string& itemId);
    const std::string& SelectedTopic() const { return m_itemId; }
    /// "9 of 14 covered"
    wxString ProgressText() const;
    /// Click on a topic's icon: not yet -> partly -> covered -> not yet.
    void CycleState(const std::string& itemId);
    /// Selects the topic's people on the map and brings the map forward.
    void ShowOnMap();
    /// Adds the people selected on the map to the selected topic.
    void PickFromMap();
    /// Lists the topics linked to the person selected on the map.
    void FollowMapSelection();
    /// Rows of the "topics for this person" list, as shown.
    std::vector<wxString> PersonTopicRows() const;
    /// The bar above the checklist: why the answers are shown the way they are
    /// (older or newer version, template unavailable); empty when hidden.
    wxString InfoText() const;
    /// Moves the answers to the loaded version, as the bar's Update button does.
    void UpdateToCurrentVersion();
    /// Topics of the tree under "Earlier version" / "Saved answers", by stored id.
    const std::vector<std::string>& KeptTopics() const { return m_keptIds; }

private:
    void BuildInfoBar();
    wxSizer* BuildTop();
    void BindControls();
    /// Applies `change` to the shown topic's entry as one command (no-op while
    /// the controls are being filled or no topic is shown).
    void EditShownTopic(const std::function<void(journal::TopicEntry&)>& change,
                        const std::string& mergeKey = {});
    void BuildDetail();
    void BuildPersonTopics();
    void FitPersonTopicColumns();
    void FillChecklistChoice();
    void BuildTree();
    void UpdateInfo();
    void UpdateTreeStates();
    /// Entries shown apart from the template's topics (see KeptTopics).
    std::vector<journal::TopicEntry> KeptEntries() const;
    /// The entry behind a tree row: a topic of the template or a kept one.
    journal::TopicEntry ShownEntry(const std::string& itemId) const;
    void ShowTopic();
    void Apply(journal::TopicEntry entry, const std::string& mergeKey = {});
    const journal::Template* Checklist() const;
    void OnTreeClick(wxMouseEvent& event);
    void OnPageChanged(wxBookCtrlEvent& event);

    MapPage& m_map;
    CaseDocument* m_document = nullptr;
    journal::TemplateSet m_templates;
    std::vector<std::string> m_checklistIds; ///< parallel to m_checklistChoice
    std::string m_templateId = kDeepInterviewId;
    std::string m_itemId;
    std::vector<std::string> m_sessionIds;       ///< parallel to m_sessions
    std::vector<genogram::PersonId> m_peopleIds; ///< parallel to m_people
    std::vector<std::string> m_keptIds;          ///< rows of the kept group, as built
    bool m_updating = false;                     ///< true while filling controls

    wxPanel* m_info = nullptr;
    wxStaticText* m_infoText = nullptr;
    wxButton* m_upgrade = nullptr;
    wxChoice* m_checklistChoice = nullptr;
    wxStaticText* m_progress = nullptr;
    wxTreeCtrl* m_tree = nullptr;
    WrappingText* m_title = nullptr;
    WrappingText* m_help = nullptr;
    wxRadioBox* m_state = nullptr;
    wxTextCtrl* m_note = nullptr;
    CheckRows* m_sessions = nullptr;
    CheckRows* m_people = nullptr;
    wxButton* m_showOnMap = nullptr;
    wxButton* m_pick = nullptr;
    wxScrolledWindow* m_detail = nullptr;
    WrappingText* m_personTitle = nullptr;
    wxListCtrl* m_personTopics = nullptr;
};

} // namespace kartbok::app
