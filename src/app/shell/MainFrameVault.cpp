// The main window's part in the vault's keys: unlocking (from --password-env or
// the unlock dialog, or creating a new vault), auto-lock after idle time,
// locking (unsaved changes sealed under the vault key and put back after the
// next unlock), resuming where the user was, and quitting (MainFrame.cpp has
// the layout).
#include "shell/MainFrame.h"

#include "common/Utf8.h"
#include "common/VaultMessage.h"
#include "dialogs/UnlockDialog.h"
#include "map/MapCanvas.h"
#include "map/MapPage.h"
#include "shell/ClientListPanel.h"

#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/utils.h>

#include <cstdlib>

namespace kartbok::app {

using namespace kartbok::genogram;

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
