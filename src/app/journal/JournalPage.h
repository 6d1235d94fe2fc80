#pragma once
// The Journal tab: the case's sessions in time order on the left, the chosen
// note on the right - a draft in the NoteEditor, a signed note read-only with its
// corrections and addenda. The only place in the journal that executes edits:
// every save, signature and addendum is a command through CaseDocument::Execute,
// so undo, autosave and the audit log see it. In three files: JournalPage.cpp
// (the page, the note shown), JournalPageList.cpp (the session list, what folds
// away), JournalPageActions.cpp (new, save, sign, addendum, correction, delete).

#include "common/KeyHelp.h"
#include "common/Preferences.h"
#include "model/CaseDocument.h"
#include "model/JournalPresenter.h"

#include "kartbok/journal/Episodes.h"

#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/timer.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxImageList;
class wxStaticText;
class wxListCtrl;
class wxSimplebook;

namespace kartbok::vault {
class Vault;
}

namespace kartbok::app {

class NoteEditor;
class SignedNoteView;

class ChecklistSidePanel;
class WrappingText;

class JournalPage : public wxPanel {
public:
    /// document: the frame's open case (nullptr when none); vault: whose user signs
    /// and whose audit log records signatures. Asked again before every action and on
    /// idle, so the page follows opening, closing, undo and map edits without the
    /// frame having to call it (CaseDocument::Revision tells what changed).
    JournalPage(wxWindow* parent, std::function<CaseDocument*()> document,
                std::function<vault::Vault*()> vault);
    ~JournalPage() override;

    /// The tab's keys outside the menus; its key handler and Help read this table.
    static const std::vector<RoomKey>& Keys();

    /// Catches up with the frame's document now (also done on idle).
    void Sync();

    // Actions, for the buttons, the keyboard and the tests ------------------------------
    /// Adds a new draft from a template ("" = the default for this case) and shows it.
    bool NewNote(const std::string& templateId, bool fromLast);
    /// Writes the editor's draft through EditDraft (no-op when unchanged).
    bool SaveDraft();
    /// Saves, asks for confirmation, then signs as the vault's user (Ctrl+Enter).
    bool Sign();
    bool AddAddendum(const std::string& text, const std::string& reason);
    bool CorrectField(const std::string& fieldId, const std::string& text,
                      const std::string& reason);
    bool DeleteDraft();
    void SelectSession(const std::string& sessionId);
    const std::string& CurrentSessionId() const { return m_current; }

    NoteEditor& Editor() { return *m_editor; }
    SignedNoteView& SignedView() { return *m_signed; }
    /// The deep-interview checklist beside a draft (null until a draft is shown).
    ChecklistSidePanel* Checklist() { return m_checklist; }

    /// Asks a yes/no question; a message box by default, replaced by tests.
    std::function<bool(const wxString& question)> confirm;
    /// Signing with a password (the preference, on by default): asks the
    /// signing user's password in a SignDialog and checks it with
    /// checkPassword; true when it was right. Replaced by tests.
    std::function<bool(const wxString& user)> askSignaturePassword;
    /// True when the password is the signing user's (the frame asks the vault).
    std::function<bool(const std::string& password)> checkPassword;
    void SetSignWithPassword(bool ask) { m_signWithPassword = ask; }

    // Layout: what is folded away to give the note room (remembered) ----------------
    /// The sessions as a narrow timeline (the user's choice; a narrow window forces it).
    void SetTimeline(bool timeline);
    bool TimelineShown() const;
    /// The deep-interview topics beside a draft.
    void ShowTopics(bool shown);
    bool TopicsShown() const { return m_layout.topicPanel; }

private:
    wxWindow* BuildSessionList();
    wxWindow* BuildNotePages();
    void BindActions();
    void FillList();
    void FitListColumns();
    /// What the list's columns need, as a table or as a timeline.
    int ListWidth(bool timeline) const;
    void FitLayout();
    void SetDocument(CaseDocument* document);
    void DocumentChanged();
    void Rebuild();
    void ShowCurrent();
    void SyncChecklist(const std::string& sessionId);
    void ShowWarnings();
    void UpdateButtons();
    bool Perform(CaseEditPtr edit);
    /// A signature, addendum or correction is a fact of the record: saved at
    /// once, so its one audit record says what it was.
    void SaveRecordFact();
    std::string Language() const;
    const journal::Template* TemplateOf(const journal::Session& s) const;
    void AskAddendum(bool correction);

    std::function<CaseDocument*()> m_documentSource;
    std::function<vault::Vault*()> m_vaultSource;
    /// Never dereferenced before Sync() confirmed it is still the frame's document.
    CaseDocument* m_document = nullptr;
    std::string m_documentId;
    std::uint64_t m_seenRevision = 0;
    vault::Vault* m_vault = nullptr;
    /// A relative's case: the joint sessions of the index client's case, read
    /// once per document (date and length only; the notes stay there).
    std::vector<journal::JointSession> m_joint;
    std::string m_indexCode; ///< where the joint notes are written
    journal::TemplateSet m_templates;
    std::vector<const journal::Template*> m_noteTemplates; ///< rows of m_templateChoice
    std::vector<SessionRow> m_rows;
    std::string m_current;          ///< session shown on the right, "" for none
    std::string m_shownKey;         ///< what the right side shows, to avoid needless reloads
    std::size_t m_sessionsSeen = 0; ///< the default template follows the session count
    wxTimer m_quietSave;            ///< saves a draft after a pause in typing

    LayoutMemory m_layout;
    bool m_narrow = false;     ///< too narrow for the table beside the note: a timeline
    wxPanel* m_info = nullptr; ///< the warnings bar
    WrappingText* m_infoText = nullptr;
    wxPanel* m_left = nullptr;
    wxCheckBox* m_timeline = nullptr;
    wxButton* m_showTopics = nullptr;
    wxListCtrl* m_list = nullptr;
    wxImageList* m_images = nullptr;
    wxChoice* m_templateChoice = nullptr;
    wxButton* m_new = nullptr;
    wxButton* m_fromLast = nullptr;
    wxSimplebook* m_book = nullptr; ///< empty / draft / signed note
    NoteEditor* m_editor = nullptr;
    wxPanel* m_draftPanel = nullptr;
    wxBoxSizer* m_draftRow = nullptr;
    /// Holds a reference to the document it was made for: rebuilt with it.
    ChecklistSidePanel* m_checklist = nullptr;
    SignedNoteView* m_signed = nullptr;
    wxButton* m_save = nullptr;
    wxButton* m_sign = nullptr;
    wxButton* m_delete = nullptr;
    wxButton* m_addendum = nullptr;
    wxButton* m_correct = nullptr;
    bool m_rebuilding = false;
    bool m_signWithPassword = true;
};

} // namespace kartbok::app
