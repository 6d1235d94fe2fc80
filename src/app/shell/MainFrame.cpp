#include "shell/MainFrame.h"
#include "shell/MainFrameIds.h"

#include "common/Labels.h"
#include "common/NativeLayout.h"
#include "common/Palette.h"
#include "common/Translations.h"
#include "common/Utf8.h"
#include "common/VaultMessage.h"
#include "dialogs/NewCaseDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "dialogs/UnlockDialog.h"
#include "forms/FormsPage.h"
#include "interview/InterviewPage.h"
#include "journal/JournalPage.h"
#include "map/FamilyEdits.h"
#include "map/InspectorPanel.h"
#include "map/MapCanvas.h"
#include "map/MapPage.h"
#include "map/PersonInspector.h"
#include "overview/OverviewPage.h"
#include "shell/AppIcon.h"
#include "shell/CaseHeader.h"
#include "shell/ClientListPanel.h"
#include "shell/HelpFrame.h"

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Scaffold.h"
#include "kartbok/journal/CaseCommands.h"

#include <wx/button.h>
#include <wx/log.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/persist/toplevel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include <cstdlib>

namespace kartbok::app {

using namespace kartbok::genogram;

namespace {

enum StatePage { kPageLocked, kPageOpen };
enum CasePage { kPageNoCase, kPageCase };

constexpr int kAutosaveQuietMs = 1000; ///< save after a quiet second
constexpr int kSaveRetryMs = 10000;    ///< retry a failed save (vault folder gone)
constexpr int kIdleCheckMs = 5000;

} // namespace

MainFrame::MainFrame(const CommandLine& options, const Preferences& prefs)
    : wxFrame(nullptr, wxID_ANY, "Kartbok", wxDefaultPosition, wxSize(1280, 840)),
      m_options(options), m_prefs(prefs), m_autosave(this), m_idleCheck(this), m_lockRefresh(this) {
    m_clientListWanted = LayoutMemory::Load().clientList;
    SetName("main_frame");
    SetMinSize(wxSize(900, 600));
    SetIcons(AppIcons());
    LoadTemplateCatalog(); // before the pages: they copy it when built
    BuildMenus();
    BuildContent();
    ShowState();
    wxPersistentRegisterAndRestore(this, "main"); // size and position only

    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::OnClose, this);
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { SaveNow(); }, m_autosave.GetId());
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { OnIdleCheck(); }, m_idleCheck.GetId());
    Bind(
        wxEVT_TIMER,
        [this](wxTimerEvent&) {
            try {
                if (m_vault && !m_vault->IsLocked())
                    m_vault->RefreshCaseLocks();
            } catch (const std::exception&) {
                // A share that dropped away: the next save says so.
            }
        },
        m_lockRefresh.GetId());
    m_lockRefresh.Start(60000);
    // Every key pressed anywhere in the window passes here first: that is activity.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        Touch();
        e.Skip();
    });
    Touch();
    SetIdleLimit(std::chrono::minutes(m_prefs.idleLockMinutes));
}

void MainFrame::SetIdleLimit(std::chrono::seconds limit) {
    m_idleLimit = limit;
    m_idleCheck.Stop();
    if (limit.count() > 0) {
        // Check often enough that the lock comes within a few seconds of the limit.
        const auto every = std::min<long long>(kIdleCheckMs, limit.count() * 1000 / 2);
        m_idleCheck.Start(static_cast<int>(std::max<long long>(every, 200)));
    }
}

MainFrame::~MainFrame() {
    m_autosave.Stop();
    m_idleCheck.Stop();
    m_lockRefresh.Stop();
    m_doc.reset();
    if (m_vault)
        m_vault->Lock();
}

void MainFrame::BuildContent() {
    m_stateBook = new wxSimplebook(this);

    auto* locked = new wxPanel(m_stateBook);
    auto* lockedText = new wxStaticText(locked, wxID_ANY, _("Kartbok is locked."));
    lockedText->SetFont(lockedText->GetFont().Scaled(1.4f));
    lockedText->SetForegroundColour(palette::kMutedText);
    auto* lockedSizer = new wxBoxSizer(wxVERTICAL);
    lockedSizer->AddStretchSpacer();
    lockedSizer->Add(lockedText, 0, wxALIGN_CENTER);
    lockedSizer->AddStretchSpacer();
    locked->SetSizer(lockedSizer);
    m_stateBook->AddPage(locked, wxString());

    m_split = new wxSplitterWindow(m_stateBook, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                   wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_split->SetMinimumPaneSize(FromDIP(200));
    m_clients = new ClientListPanel(m_split);
    m_caseBook = new wxSimplebook(m_split);

    auto* noCase = new wxPanel(m_caseBook);
    auto* noCaseText = new wxStaticText(
        noCase, wxID_ANY,
        _("Choose a client on the left, or create a new one with File > New client."));
    noCaseText->SetForegroundColour(palette::kMutedText);
    auto* noCaseSizer = new wxBoxSizer(wxVERTICAL);
    noCaseSizer->AddStretchSpacer();
    noCaseSizer->Add(noCaseText, 0, wxALIGN_CENTER);
    noCaseSizer->AddStretchSpacer();
    noCase->SetSizer(noCaseSizer);
    m_caseBook->AddPage(noCase, wxString());

    auto* casePanel = new wxPanel(m_caseBook);
    m_header = new CaseHeader(casePanel);
    m_header->codeOf = [this](const std::string& id) { return CodeOf(id); };
    m_tabs = new wxNotebook(casePanel, wxID_ANY);
    m_tabs->SetName("case_tabs");
    m_map = new MapPage(m_tabs);
    m_tabs->AddPage(m_map, Name(journal::Heading::FamilyMap));
    m_journal = new JournalPage(
        m_tabs, [this] { return m_doc.get(); }, [this] { return m_vault.get(); });
    m_tabs->AddPage(m_journal, _("Journal"));
    m_journal->checkPassword = [this](const std::string& p) { return CheckSigningPassword(p); };
    m_journal->SetSignWithPassword(m_prefs.signWithPassword);
    m_interview = new InterviewPage(m_tabs, *m_map);
    m_tabs->AddPage(m_interview, Name(journal::Heading::DeepInterview));
    m_forms = new FormsPage(m_tabs);
    m_forms->checkPassword = [this](const std::string& p) {
        return CheckPassword(m_vault.get(), p);
    };
    m_tabs->AddPage(m_forms, _("Forms"));
    m_tabs->AddPage(new OverviewPage(m_tabs, [this] { return m_doc.get(); }), _("Overview"));
    m_saveBar = new wxPanel(casePanel);
    m_saveBar->SetName("save_problem");
    m_saveBar->SetBackgroundColour(palette::kErrorBackground);
    m_saveText = new wxStaticText(m_saveBar, wxID_ANY, wxString());
    auto* retry = new wxButton(m_saveBar, wxID_ANY, _("Try again now"));
    retry->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveNow(); });
    auto* barSizer = new wxBoxSizer(wxHORIZONTAL);
    barSizer->Add(m_saveText, 1, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(6));
    barSizer->Add(retry, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(4));
    m_saveBar->SetSizer(barSizer);
    m_saveBar->Hide();
    auto* caseSizer = new wxBoxSizer(wxVERTICAL);
    caseSizer->Add(m_saveBar, 0, wxEXPAND);
    caseSizer->Add(m_header, 0, wxEXPAND);
    caseSizer->Add(m_tabs, 1, wxEXPAND);
    casePanel->SetSizer(caseSizer);
    m_caseBook->AddPage(casePanel, wxString());

    m_split->SplitVertically(m_clients, m_caseBook, m_clients->NeededWidth());
    m_stateBook->AddPage(m_split, wxString());
    m_header->onToggleClientList = [this] { ShowClientList(!ClientListShown()); };

    m_clients->onOpen = [this](const std::string& id) { OpenCase(id); };
    m_clients->onNewCase = [this] { CreateNewCase(); };
    m_clients->onSearchNotes = [this] { ShowSearch(true); };
    m_clients->onSupervisionPack = [this] { ShowExportReport(true); };
    m_map->onTogglePresent = [this] { SetPresentMode(!m_present); };
    m_map->Canvas().onFirstMapPaint = [this] {
        if (onFirstMapPaint)
            onFirstMapPaint();
    };
}

void MainFrame::RebuildUi() {
    const int tab = m_tabs->GetSelection();
    const PersonId person = m_map->Canvas().SelectedPerson();
    wxWindow* old = m_stateBook;
    BuildMenus();
    BuildContent();
    old->Destroy(); // the frame's one remaining child fills it again
    if (m_vault)
        ReloadClientList();
    if (m_doc) {
        m_clients->SelectCase(m_doc->Id());
        m_header->ShowCase(m_doc->Case(), m_doc->ReadOnly(), m_doc->LockHolder());
        m_map->SetDocument(m_doc.get());
        m_interview->SetDocument(m_doc.get());
        m_forms->SetDocument(m_doc.get());
        m_tabs->SetSelection(tab);
        if (person != kNoId)
            m_map->Canvas().SelectPerson(person);
    }
    ShowState();
    SendSizeEvent();
    CallAfter([this] { RequestFullAllocation(*this); });
    // An open user guide follows the language too.
    if (auto* guide = dynamic_cast<HelpFrame*>(wxWindow::FindWindowByName("user_guide")))
        guide->ShowGuide();
}

void MainFrame::ShowState() {
    m_stateBook->ChangeSelection(m_vault ? kPageOpen : kPageLocked);
    m_caseBook->ChangeSelection(m_doc ? kPageCase : kPageNoCase);
    ApplyClientList();
    UpdateTitle();
    UpdateMenus();
}

void MainFrame::UpdateTitle() {
    wxString title = "Kartbok";
    if (m_doc) {
        // The pseudonymous code only: a title bar may be seen by anyone in the room.
        title += wxString::FromUTF8(" – ") + wxString::FromUTF8(m_doc->Case().code);
        if (m_doc->ReadOnly())
            title += " " + _("(read only)");
        else if (m_doc->IsDirty())
            title += " *";
    }
    if (GetTitle() != title)
        SetTitle(title);
}

void MainFrame::DocumentChanged() {
    m_map->DocumentChanged();
    m_interview->DocumentChanged();
    m_forms->DocumentChanged();
    m_header->ShowCase(m_doc->Case(), m_doc->ReadOnly(), m_doc->LockHolder());
    UpdateTitle();
    UpdateMenus();
    m_autosave.StartOnce(kAutosaveQuietMs);
}

void MainFrame::Undo() {
    if (!m_doc)
        return;
    try {
        m_doc->Undo();
    } catch (const std::exception& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Undo"), wxOK | wxICON_WARNING, this);
    }
}

void MainFrame::Redo() {
    if (!m_doc)
        return;
    try {
        m_doc->Redo();
    } catch (const std::exception& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Redo"), wxOK | wxICON_WARNING, this);
    }
}

bool MainFrame::SaveNow() {
    m_autosave.Stop();
    if (!m_doc || !m_vault || !m_doc->IsDirty())
        return true;
    try {
        m_doc->Save();
        m_saveFailing = false;
        ShowSaveProblem(wxString());
        // Status, follow-up and interview progress in the list come from the index.
        try {
            m_clients->SetCases(m_vault->ListCases());
        } catch (const vault::VaultError&) {
            // The case is saved; the list catches up at the next reload.
        }
        UpdateTitle();
        return true;
    } catch (const vault::VaultError& e) {
        // The case stays in memory (dirty) and saving is retried, so a vault
        // folder that dropped away (a network share) gets the changes once it
        // is back. A bar says so; a dialog would interrupt the session.
        ShowSaveProblem(VaultMessage(e) + "\n" +
                        _("The changes are kept in memory and saved as soon as the vault folder "
                          "can be written again. Until then this client stays open."));
        m_saveFailing = true;
        m_autosave.StartOnce(kSaveRetryMs);
    }
    return false;
}

void MainFrame::ShowSaveProblem(const wxString& message) {
    if (!m_saveBar || (message.empty() && !m_saveBar->IsShown()))
        return;
    m_saveText->SetLabel(message);
    m_saveBar->Show(!message.empty());
    m_saveBar->GetParent()->Layout();
}

wxString MainFrame::SaveProblem() const {
    return m_saveBar && m_saveBar->IsShown() ? m_saveText->GetLabel() : wxString();
}

void MainFrame::CloseCase() {
    SaveNow();
    if (m_present)
        SetPresentMode(false);
    m_map->SetDocument(nullptr);
    m_interview->SetDocument(nullptr);
    m_forms->SetDocument(nullptr);
    m_doc.reset();         // releases the case lock
    m_saveFailing = false; // what failed to save is gone, or sealed in m_pending
    ShowSaveProblem(wxString());
    ShowState();
}

bool MainFrame::OpenCase(const std::string& caseId) {
    if (!m_vault)
        return false;
    if (m_doc && m_doc->Id() == caseId)
        return true;
    if (!SaveNow())
        return false; // never drop unsaved changes to open another client
    CloseCase();
    wxBusyCursor busy;
    try {
        // Another computer's lock that went silent: take it over only if the user says so.
        m_doc = CaseDocument::Open(*m_vault, caseId, [this](const std::string& holder) {
            return wxMessageBox(
                       wxString::Format(
                           _("%s has this client open, but that computer has shown no sign of "
                             "life for over ten minutes (it may have crashed or lost the "
                             "network).\n\nTake the client over? If that computer is still in "
                             "use, its unsaved changes are lost."),
                           wxString::FromUTF8(holder)),
                       _("Client open on another computer"),
                       wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) == wxYES;
        });
    } catch (const vault::VaultError& e) {
        wxMessageBox(VaultMessage(e), _("Could not open the client"), wxOK | wxICON_ERROR, this);
        ShowState();
        return false;
    }
    m_doc->SetOnChanged([this] { DocumentChanged(); });
    m_clients->SelectCase(caseId);
    m_header->ShowCase(m_doc->Case(), m_doc->ReadOnly(), m_doc->LockHolder());
    ShowState();
    m_tabs->SetSelection(0);
    m_map->SetDocument(m_doc.get());
    m_interview->SetDocument(m_doc.get());
    m_forms->SetDocument(m_doc.get());
    return true;
}

void MainFrame::ReloadClientList() {
    try {
        m_clients->SetTemplates(m_catalog.Templates());
        m_clients->SetCases(m_vault->ListCases());
        ApplyClientList();
    } catch (const vault::VaultError& e) {
        wxMessageBox(VaultMessage(e), _("Client list"), wxOK | wxICON_ERROR, this);
    }
}

void MainFrame::CreateNewCase() {
    if (!m_vault)
        return;
    NewCaseDialog dialog(this);
    if (dialog.ShowModal() == wxID_OK)
        CreateCase(dialog.Code(), dialog.Gender());
}

bool MainFrame::CreateCase(const std::string& code, Gender clientGender) {
    if (!m_vault)
        return false;
    std::string id;
    try {
        id = m_vault->CreateCase(code).id;
    } catch (const vault::VaultError& e) {
        wxMessageBox(VaultMessage(e), _("New client"), wxOK | wxICON_ERROR, this);
        return false;
    }
    ReloadClientList();
    if (!OpenCase(id) || m_doc->ReadOnly())
        return false;
    // The new case starts with the three-generation scaffold, saved at once as the
    // start of its history (there is nothing before it worth undoing to).
    m_doc->Execute(std::make_unique<CaseEdit>(
        std::make_unique<journal::FamilyEdit>(std::make_unique<ReplaceFamily>(
            Scaffold(std::string(), clientGender), "Start family map")),
        Utf8(_("Start family map"))));
    if (!SaveNow())
        return false;
    m_doc->ForgetHistory();
    m_map->Canvas().SelectPerson(m_doc->Family().IndexPerson().value_or(kNoId));
    m_map->Inspector().Person().FocusName(); // the client's name (or nickname) first
    UpdateMenus();
    return true;
}

void MainFrame::ArchiveCase() {
    if (!m_doc || m_doc->ReadOnly() || !m_vault)
        return;
    if (wxMessageBox(_("Archive this client? The file is kept; the client leaves the active list."),
                     _("Archive client"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) != wxYES)
        return;
    auto fields = journal::FieldsOf(m_doc->Case());
    fields.status = journal::CaseStatus::Archived;
    try {
        m_doc->Execute(std::make_unique<CaseEdit>(std::make_unique<journal::SetCaseFields>(fields),
                                                  Utf8(_("Archive client"))));
        if (!SaveNow()) // one record: the save, audited as archive (SetCaseFields::Kind)
            return;
    } catch (const std::exception& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Archive client"), wxOK | wxICON_WARNING,
                     this);
        return;
    }
    CloseCase();
    ReloadClientList();
}

void MainFrame::ShowPreferences() {
    PreferencesDialog dialog(this, m_prefs, m_catalog.ShippedDir());
    if (dialog.ShowModal() == wxID_OK)
        ApplyPreferences(dialog.Result());
}

bool MainFrame::LoadTemplateCatalog() {
    const bool changed = m_catalog.Load(m_prefs.clinicTemplates);
    if (!changed)
        return false;
    // File names and ids only, never client data.
    for (const auto& notice : m_catalog.Templates().notices)
        wxLogInfo("%s", wxString::FromUTF8(notice));
    for (const auto& u : m_catalog.Templates().unavailable)
        for (const auto& p : u.problems)
            wxLogInfo("template unavailable: %s", wxString::FromUTF8(p.ToString()));
    return changed;
}

void MainFrame::ApplyPreferences(const Preferences& prefs) {
    const bool languageChanged = prefs.language != m_prefs.language;
    m_prefs = prefs;
    m_prefs.Save();
    SetIdleLimit(std::chrono::minutes(m_prefs.idleLockMinutes));
    // The folder is read again even when unchanged: a clinic template may have
    // been fixed since. The pages copy the catalogue, so they are rebuilt when it
    // changed, after it was reloaded.
    const bool templatesChanged = LoadTemplateCatalog();
    if (languageChanged)
        ApplyLanguage(m_prefs.language);
    m_journal->SetSignWithPassword(m_prefs.signWithPassword);
    if (languageChanged || templatesChanged)
        RebuildUi();
}

void MainFrame::SetPresentMode(bool present) {
    if (present && !m_doc)
        return;
    m_present = present;
    if (present)
        m_tabs->SetSelection(0);
    // The map page shows the map alone on a full screen of its own: no
    // client list, tabs or panels where the client can see them.
    m_map->SetPresentMode(present);
}

bool MainFrame::CheckSigningPassword(const std::string& password) {
    // The signing user's own password, checked against that user's key slot.
    return CheckPassword(m_vault.get(), password);
}

bool MainFrame::ClientListShown() const {
    return m_split && m_split->IsSplit();
}

void MainFrame::ShowClientList(bool shown) {
    m_clientListWanted = shown;
    LayoutMemory::RememberClientList(shown);
    ApplyClientList();
}

void MainFrame::ApplyClientList() {
    if (!m_split)
        return;
    const bool shown = !m_present && (m_clientListWanted || !m_doc);
    if (shown && !m_split->IsSplit()) {
        m_clients->Show();
        m_split->SplitVertically(m_clients, m_caseBook, m_clients->NeededWidth());
    } else if (!shown && m_split->IsSplit()) {
        m_split->Unsplit(m_clients);
    } else if (shown && m_split->GetSashPosition() < m_clients->NeededWidth()) {
        m_split->SetSashPosition(m_clients->NeededWidth()); // longer texts came in
    }
    m_header->SetClientListShown(shown);
    UpdateViewMenu();
}

void MainFrame::OnIdleCheck() {
    // The mouse moving counts as activity too (wx has no global mouse hook).
    const wxPoint mouse = wxGetMousePosition();
    if (mouse != m_lastMouse) {
        m_lastMouse = mouse;
        Touch();
    }
    if (!m_vault || m_idleLimit.count() <= 0)
        return;
    if (std::chrono::steady_clock::now() - m_lastActivity >= m_idleLimit)
        LockNow();
}

void MainFrame::LockNow() {
    if (!m_vault)
        return;
    if (!SaveNow() && m_doc && !m_doc->ReadOnly()) {
        // The plaintext must go with the keys, and the changes must not be lost:
        // keep them sealed under the vault key until the next unlock.
        m_pending = PendingSave{m_options.vault, m_vault->SealUnsaved(m_doc->Case())};
    }
    m_resumeCase = m_doc ? m_doc->Id() : std::string();
    m_resumeTab = m_tabs->GetSelection();
    m_resumePerson = m_map->Canvas().SelectedPerson();
    CloseCase();
    m_clients->SetCases({});
    m_vault->Lock(); // wipes the keys; the case in memory was dropped above
    m_vault.reset();
    ShowState();
    ShowUnlockDialog(true);
}

void MainFrame::BeginUnlock() {
    if (!m_options.passwordEnv.empty()) {
        const char* password = std::getenv(m_options.passwordEnv.c_str());
        if (password) {
            const wxString error =
                TryOpenVault(wxString::FromUTF8(m_options.vault), wxString::FromUTF8(password));
            if (error.empty()) {
                AfterUnlock();
                return;
            }
            ShowUnlockDialog(false);
            m_unlock->ShowError(error);
            return;
        }
    }
    ShowUnlockDialog(false);
}

void MainFrame::ShowUnlockDialog(bool folderFixed) {
    if (m_unlock)
        return;
    wxString folder =
        wxString::FromUTF8(m_options.vault.empty() ? m_prefs.lastVault : m_options.vault);
    UnlockDialog::Callbacks callbacks;
    callbacks.unlock = [this](const wxString& f, const wxString& p) {
        const wxString error = TryOpenVault(f, p);
        if (error.empty())
            CallAfter([this] { AfterUnlock(); });
        return error;
    };
    callbacks.create = [this](const wxString& f, const wxString& u, const wxString& p) {
        const wxString error = TryCreateVault(f, u, p);
        if (error.empty())
            CallAfter([this] { AfterUnlock(); });
        return error;
    };
    callbacks.cancel = [this] { CallAfter([this] { Close(true); }); };
    m_unlock = new UnlockDialog(this, folder, folderFixed, std::move(callbacks));
    m_unlock->Show();
    m_unlock->Raise();
}

wxString MainFrame::TryOpenVault(const wxString& folder, const wxString& password) {
    const auto start = std::chrono::steady_clock::now();
    try {
        m_vault = std::make_unique<vault::Vault>(
            vault::Vault::Open(std::filesystem::path(Utf8(folder)), Utf8(password)));
    } catch (const vault::VaultError& e) {
        return VaultMessage(e);
    } catch (const std::exception&) {
        return _("This folder is not a Kartbok vault.");
    }
    m_unlockMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    m_options.vault = Utf8(folder);
    m_prefs.lastVault = Utf8(folder);
    m_prefs.Save();
    return {};
}

wxString MainFrame::TryCreateVault(const wxString& folder, const wxString& user,
                                   const wxString& password) {
    try {
        m_vault = std::make_unique<vault::Vault>(
            vault::Vault::Create(std::filesystem::path(Utf8(folder)), Utf8(user), Utf8(password)));
    } catch (const vault::VaultError& e) {
        return VaultMessage(e);
    }
    m_options.vault = Utf8(folder);
    m_prefs.lastVault = Utf8(folder);
    m_prefs.Save();
    return {};
}

void MainFrame::AfterUnlock() {
    if (!m_vault)
        return;
    Touch();
    ReloadClientList();
    ShowState();
    // Resume after an auto-lock; else the case asked for on the command line. Never
    // open some client unasked: the screen may be shared with the next client.
    RestorePending();
    std::string caseId = m_resumeCase;
    if (caseId.empty() && !m_options.caseCode.empty()) {
        try {
            caseId = m_vault->FindCaseIdByCode(m_options.caseCode);
        } catch (const vault::VaultError& e) {
            wxMessageBox(VaultMessage(e), _("Open client"), wxOK | wxICON_WARNING, this);
        }
        m_options.caseCode.clear();
    }
    if (caseId.empty() && !m_options.screenshot.empty() && !m_clients->Rows().empty())
        caseId = m_clients->Rows().front().id;
    if (!caseId.empty() && OpenCase(caseId) && caseId == m_resumeCase) {
        m_tabs->SetSelection(m_resumeTab);
        if (m_resumePerson != kNoId && m_doc->Family().FindPerson(m_resumePerson))
            m_map->Canvas().SelectPerson(m_resumePerson);
    }
    m_resumeCase.clear();
    m_resumePerson = kNoId;
}

void MainFrame::RestorePending() {
    if (!m_pending || m_pending->vaultDir != m_options.vault)
        return; // another vault was unlocked: keep them for their own
    try {
        journal::Case c = m_vault->OpenUnsaved(m_pending->sealed);
        const std::string id = c.id;
        if (!OpenCase(id))
            return; // said why; kept for the next unlock
        if (m_doc->ReadOnly()) {
            wxMessageBox(_("Changes made before Kartbok locked could not be saved, and another "
                           "Kartbok has this client open now. They are kept until this client "
                           "can be opened for editing here."),
                         _("Unsaved changes"), wxOK | wxICON_WARNING, this);
            return;
        }
        m_doc->RestoreUnsaved(std::move(c));
        m_pending.reset();
        SaveNow(); // a failure shows the bar and retries, as before the lock
    } catch (const vault::VaultError& e) {
        wxMessageBox(VaultMessage(e), _("Unsaved changes"), wxOK | wxICON_ERROR, this);
    }
}

void MainFrame::OnClose(wxCloseEvent& event) {
    if ((!SaveNow() || m_pending) && event.CanVeto()) {
        if (wxMessageBox(_("The last changes could not be saved. Quit anyway?"), _("Quit"),
                         wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) != wxYES) {
            event.Veto();
            return;
        }
    }
    if (m_unlock)
        m_unlock->Destroy();
    m_doc.reset();
    if (m_vault)
        m_vault->Lock();
    if (onQuit)
        onQuit();
    Destroy();
}

} // namespace kartbok::app
