// The main window's part in the open client's file: opening a client (taking
// over a silent lock only when the user says so), saving it (a failure keeps
// the changes in memory, says so in a bar and retries), closing it, a new
// client with its three-generation scaffold, archiving (MainFrame.cpp has the
// layout).
#include "shell/MainFrame.h"

#include "common/Utf8.h"
#include "common/VaultMessage.h"
#include "dialogs/NewCaseDialog.h"
#include "forms/FormsPage.h"
#include "interview/InterviewPage.h"
#include "map/InspectorPanel.h"
#include "map/MapCanvas.h"
#include "map/MapPage.h"
#include "map/PersonInspector.h"
#include "shell/CaseHeader.h"
#include "shell/ClientListPanel.h"

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Scaffold.h"
#include "kartbok/journal/CaseCommands.h"

#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/utils.h>

namespace kartbok::app {

using namespace kartbok::genogram;

namespace {
constexpr int kSaveRetryMs = 10000; ///< retry a failed save (vault folder gone)
} // namespace

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
    m_interviewStale = false;
    m_formsStale = false;
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

} // namespace kartbok::app
