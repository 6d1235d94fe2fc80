#pragma once
// The one window: client list on the left, the open case (header + tabs) on the
// right. Owns the unlocked vault and the open CaseDocument; hangs the undo menu,
// the dirty marker, autosave, auto-lock and language switching off them.
// One class in several files: MainFrame.cpp (layout and state), MainFrameCases.cpp
// (the open client's file), MainFrameVault.cpp (unlock, lock, quit),
// MainFrameMenus.cpp, MainFrameClinical.cpp (Client menu), MainFrameSearch.cpp.

#include "common/Preferences.h"
#include "common/TemplateCatalog.h"
#include "model/CaseDocument.h"
#include "model/CommandLine.h"

#include "kartbok/journal/RelativeSplit.h"
#include "kartbok/vault/Vault.h"

#include <wx/frame.h>
#include <wx/timer.h>
#include <wx/weakref.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class wxMenu;
class wxNotebook;
class wxPanel;
class wxStaticText;
class wxSimplebook;
class wxSplitterWindow;

namespace kartbok::app {

class CaseHeader;
class ExportReportDialog;
class ClientListPanel;
class MapPage;
class InterviewPage;
class FormsPage;
class JournalPage;
class UnlockDialog;

class MainFrame : public wxFrame, public TemplateCatalogOwner {
public:
    /// The About box's text: what Kartbok is, and the unlocked vault's fingerprint.
    wxString AboutText() const;
    MainFrame(const CommandLine& options, const Preferences& prefs);
    ~MainFrame() override;

    /// Unlocks with --password-env at once, otherwise shows the unlock dialog.
    void BeginUnlock();

    // State, for the app, the tests and the screenshot hook -------------------
    vault::Vault* Vault() { return m_vault.get(); }
    CaseDocument* Document() { return m_doc.get(); }
    MapPage& Map() { return *m_map; }
    /// The interview and forms tabs, brought up to date with the case first
    /// (hidden, they wait for the next look: see RefreshTab).
    InterviewPage& Interview();
    FormsPage& Forms();
    JournalPage& Journal() { return *m_journal; }
    ClientListPanel& ClientList() { return *m_clients; }
    CaseHeader& Header() { return *m_header; }
    wxNotebook& Tabs() { return *m_tabs; }
    UnlockDialog* Unlock() { return m_unlock.get(); }
    bool IsLocked() const { return !m_vault; }
    const Preferences& Prefs() const { return m_prefs; }
    /// The templates every tab and dialog offers: shipped + the clinic folder of
    /// the preferences (pages reach it through AppTemplates).
    const TemplateCatalog& Catalog() const override { return m_catalog; }
    /// Milliseconds the last unlock spent in the key derivation (slow on purpose).
    double UnlockMs() const { return m_unlockMs; }

    // Actions ------------------------------------------------------------------
    /// Opens a case (saving and closing the current one first). False with a message
    /// shown when the vault refused.
    bool OpenCase(const std::string& caseId);
    /// Writes pending edits now. False (message shown) when the save failed.
    bool SaveNow();
    /// The bar saying unsaved changes are kept in memory ("" when hidden); for tests.
    wxString SaveProblem() const;
    bool HasPendingChanges() const { return m_pending.has_value(); }
    /// Saves, wipes the keys, hides every case detail and asks for the password.
    void LockNow();
    /// File > Export report...: modal; pack: a supervision pack of the clients
    /// selected in the client list. With modal false the dialog is returned
    /// unshown (for tests). Saves the open client first.
    ExportReportDialog* ShowExportReport(bool pack, bool modal = true);
    /// Edit > Find in notes: the dialog, modal (MainFrameSearch.cpp).
    void ShowSearch(bool allClients);
    /// What the dialog runs: the open client from memory, or every client through
    /// the vault with the open one's unsaved state merged in.
    vault::VaultSearchResult RunSearch(const std::string& query, bool allClients);
    /// Opens the hit's client at the tab and session where the text is.
    void OpenSearchHit(const vault::VaultSearchHit& hit);
    /// Applies new preferences; a language change rebuilds every window text.
    void ApplyPreferences(const Preferences& prefs);
    void SetPresentMode(bool present);
    /// Shows or folds away the client list beside an open case (remembered).
    /// With no case open the list is always shown: it is how one is opened.
    void ShowClientList(bool shown);
    bool ClientListShown() const;
    /// Creates a client with the three-generation scaffold and opens it (what
    /// File > New client does after its dialog). False with a message on failure.
    bool CreateCase(const std::string& code, genogram::Gender clientGender);
    /// Client > New relative's case: creates the relative's own case, linked to
    /// the open (index) one both ways by id, and opens it. False with a message.
    bool CreateRelativeCase(const std::string& code, genogram::PersonId person);
    /// Client > Move a relative's sessions to their own case: the migration for
    /// an older case that holds a relative's alone-sessions, the relatives'
    /// checklist or their forms. Moves them (signed ones unchanged) into a new
    /// linked case in one audited vault step (Vault::SplitCase) and opens it.
    /// person: only the sessions naming them (0: every alone-session). What
    /// moved, or nothing (message shown) when it could not be done.
    std::optional<journal::RelativeSplit> SplitRelativeCase(const std::string& code,
                                                            genogram::PersonId person);
    /// Opens the index client's case from a relative's, or a relative's from the
    /// index client's (asking which when there are several).
    bool OpenLinkedCase();
    /// The pseudonymous code of a case, from the vault's index; "" when unknown.
    std::string CodeOf(const std::string& caseId) const;
    /// Auto-lock after this much idle time; 0 = never. Preferences set it in
    /// minutes; tests use seconds.
    void SetIdleLimit(std::chrono::seconds limit);
    void Undo();
    void Redo();

    /// Called once after the first paint of a case's map (the --screenshot hook).
    std::function<void()> onFirstMapPaint;
    /// Called when the user gives up unlocking and the window closes.
    std::function<void()> onQuit;

    /// Activity: postpones auto-lock (keys and clicks in any window, see App).
    void Touch() { m_lastActivity = std::chrono::steady_clock::now(); }

private:
    void BuildMenus();
    void BuildContent();
    wxWindow* BuildCasePanel(wxWindow* parent); ///< the save bar, header and tabs of a case
    void BuildTabs(wxWindow* casePanel);
    void BuildSaveBar(wxWindow* casePanel);
    void RebuildUi();
    void ShowState();
    void ApplyClientList();
    bool CheckSigningPassword(const std::string& password);
    void UpdateViewMenu();
    void DocumentChanged();
    void UpdateTitle();
    void UpdateMenus();
    void CloseCase();
    void ReloadClientList();
    void CreateNewCase();
    void ArchiveCase();
    void ShowTreatment(); ///< Client > Treatment and follow-up (MainFrameClinical.cpp)
    // Each menu, its items bound (MainFrameMenus.cpp; Client: MainFrameClinical.cpp).
    wxMenu* NewFileMenu();
    wxMenu* NewEditMenu();
    wxMenu* NewViewMenu();
    wxMenu* NewMapMenu();
    wxMenu* NewClientMenu();
    void AskRelativeCase();  ///< Client > New relative's case
    void AskSplitRelative(); ///< Client > Move a relative's sessions to their own case
    void ShowPreferences();
    /// (Re)loads the catalogue from the preferences; true when its templates changed.
    bool LoadTemplateCatalog();
    void OnIdleCheck();
    void OnClose(wxCloseEvent& event);
    void ShowUnlockDialog(bool folderFixed);
    wxString TryOpenVault(const wxString& folder, const wxString& password);
    wxString TryCreateVault(const wxString& folder, const wxString& user, const wxString& password);
    void AfterUnlock();
    void ShowSaveProblem(const wxString& message); ///< "" hides the bar
    void RestorePending();

    CommandLine m_options;
    Preferences m_prefs;
    TemplateCatalog m_catalog; ///< loaded before the pages are built, which copy it
    std::unique_ptr<vault::Vault> m_vault;
    std::unique_ptr<CaseDocument> m_doc; ///< declared after m_vault: destroyed before it

    // Where the user was when the vault locked, to resume there.
    std::string m_resumeCase;
    int m_resumeTab = 0;
    genogram::PersonId m_resumePerson = genogram::kNoId;

    wxSimplebook* m_stateBook = nullptr; ///< locked / no case / case
    wxSplitterWindow* m_split = nullptr;
    ClientListPanel* m_clients = nullptr;
    CaseHeader* m_header = nullptr;
    wxNotebook* m_tabs = nullptr;
    MapPage* m_map = nullptr;
    InterviewPage* m_interview = nullptr;
    FormsPage* m_forms = nullptr;
    JournalPage* m_journal = nullptr;
    /// The case changed since the interview / forms tab last rebuilt from it.
    /// Those tabs rebuild many widgets from the case; hidden, they wait until
    /// shown, so an edit on the map pays for the map only.
    bool m_interviewStale = false;
    bool m_formsStale = false;
    /// Brings `tab` up to date when it waits for a change (CaseTab).
    void RefreshTab(int tab);
    bool m_clientListWanted = true; ///< the user's choice (LayoutMemory)
    wxSimplebook* m_caseBook = nullptr;
    wxWeakRef<UnlockDialog> m_unlock;

    wxTimer m_autosave;
    bool m_saveFailing = false; ///< the last save failed; retrying quietly
    /// Says that the open client's changes are only in memory (the vault folder
    /// cannot be written), above the case; never a modal dialog mid-session.
    wxPanel* m_saveBar = nullptr;
    wxStaticText* m_saveText = nullptr;
    /// Changes that could not be saved when the app locked: sealed under the vault
    /// key (Vault::SealUnsaved), put back and saved after the next unlock.
    struct PendingSave {
        std::string vaultDir;
        std::vector<unsigned char> sealed;
    };
    std::optional<PendingSave> m_pending;
    wxTimer m_idleCheck;
    /// A sign of life in the open case's lock every minute, so other computers
    /// never take it for left behind while this one works.
    wxTimer m_lockRefresh;
    std::chrono::steady_clock::time_point m_lastActivity;
    std::chrono::seconds m_idleLimit{0};
    wxPoint m_lastMouse;
    double m_unlockMs = 0;
    bool m_present = false;
    bool m_relationsShown = true; ///< Map > Show relations; kept when the window is rebuilt
};

} // namespace kartbok::app
