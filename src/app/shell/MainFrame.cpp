// The main window's frame and layout: the locked page, the client list beside
// the open case (header, tabs, the save-problem bar), the title and the state
// they show, preferences and present mode. The open client's file (open, save,
// new, archive) is in MainFrameCases.cpp; locking and unlocking the vault in
// MainFrameVault.cpp; the menus in MainFrameMenus.cpp.
#include "shell/MainFrame.h"
#include "shell/MainFrameIds.h"

#include "common/Labels.h"
#include "common/NativeLayout.h"
#include "common/Palette.h"
#include "common/Translations.h"
#include "dialogs/PreferencesDialog.h"
#include "forms/FormsPage.h"
#include "interview/InterviewPage.h"
#include "journal/JournalPage.h"
#include "map/MapCanvas.h"
#include "map/MapPage.h"
#include "overview/OverviewPage.h"
#include "shell/AppIcon.h"
#include "shell/CaseHeader.h"
#include "shell/ClientListPanel.h"
#include "shell/HelpFrame.h"

#include <wx/button.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/persist/toplevel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

namespace kartbok::app {

using namespace kartbok::genogram;

namespace {

enum StatePage { kPageLocked, kPageOpen };
enum CasePage { kPageNoCase, kPageCase };

constexpr int kAutosaveQuietMs = 1000; ///< save after a quiet second
constexpr int kIdleCheckMs = 5000;

/// Adds a page with one line of muted text in its middle (locked, no client open).
void AddNotePage(wxSimplebook* book, const wxString& text, float scale = 1.0f) {
    auto* page = new wxPanel(book);
    auto* label = new wxStaticText(page, wxID_ANY, text);
    if (scale != 1.0f)
        label->SetFont(label->GetFont().Scaled(scale));
    label->SetForegroundColour(palette::kMutedText);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->AddStretchSpacer();
    sizer->Add(label, 0, wxALIGN_CENTER);
    sizer->AddStretchSpacer();
    page->SetSizer(sizer);
    book->AddPage(page, wxString());
}

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
    AddNotePage(m_stateBook, _("Kartbok is locked."), 1.4f);

    m_split = new wxSplitterWindow(m_stateBook, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                   wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_split->SetMinimumPaneSize(FromDIP(200));
    m_clients = new ClientListPanel(m_split);
    m_caseBook = new wxSimplebook(m_split);
    AddNotePage(m_caseBook,
                _("Choose a client on the left, or create a new one with File > New client."));
    m_caseBook->AddPage(BuildCasePanel(m_caseBook), wxString());

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

wxWindow* MainFrame::BuildCasePanel(wxWindow* parent) {
    auto* casePanel = new wxPanel(parent);
    m_header = new CaseHeader(casePanel);
    m_header->codeOf = [this](const std::string& id) { return CodeOf(id); };
    BuildTabs(casePanel);
    BuildSaveBar(casePanel);
    auto* caseSizer = new wxBoxSizer(wxVERTICAL);
    caseSizer->Add(m_saveBar, 0, wxEXPAND);
    caseSizer->Add(m_header, 0, wxEXPAND);
    caseSizer->Add(m_tabs, 1, wxEXPAND);
    casePanel->SetSizer(caseSizer);
    return casePanel;
}

void MainFrame::BuildTabs(wxWindow* casePanel) {
    // In the order of CaseTab (MainFrameIds.h).
    m_tabs = new wxNotebook(casePanel, wxID_ANY);
    m_tabs->SetName("case_tabs");
    m_map = new MapPage(m_tabs);
    if (!m_relationsShown)
        m_map->Canvas().SetRelationsShown(false);
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
    m_tabs->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        RefreshTab(e.GetSelection());
        e.Skip();
    });
}

void MainFrame::BuildSaveBar(wxWindow* casePanel) {
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
    m_interviewStale = true;
    m_formsStale = true;
    RefreshTab(m_tabs->GetSelection());
    m_header->ShowCase(m_doc->Case(), m_doc->ReadOnly(), m_doc->LockHolder());
    UpdateTitle();
    UpdateMenus();
    m_autosave.StartOnce(kAutosaveQuietMs);
}

void MainFrame::RefreshTab(int tab) {
    if (tab == kTabInterview && m_interviewStale) {
        m_interviewStale = false;
        m_interview->DocumentChanged();
    } else if (tab == kTabForms && m_formsStale) {
        m_formsStale = false;
        m_forms->DocumentChanged();
    }
}

InterviewPage& MainFrame::Interview() {
    RefreshTab(kTabInterview);
    return *m_interview;
}

FormsPage& MainFrame::Forms() {
    RefreshTab(kTabForms);
    return *m_forms;
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

} // namespace kartbok::app
