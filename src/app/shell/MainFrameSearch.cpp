// Edit > Find in notes: MainFrame's part (the dialog is SearchDialog).
#include "shell/MainFrame.h"
#include "shell/MainFrameIds.h"

#include "common/VaultMessage.h"
#include "dialogs/SearchDialog.h"
#include "interview/InterviewPage.h"
#include "journal/JournalPage.h"
#include "model/CaseDocument.h"
#include "model/SearchPresenter.h"

#include <wx/msgdlg.h>
#include <wx/notebook.h>

namespace kartbok::app {

vault::VaultSearchResult MainFrame::RunSearch(const std::string& query, bool allClients) {
    if (!allClients)
        return m_doc ? SearchOpenCase(m_doc->Case(), query) : vault::VaultSearchResult{};
    if (!m_vault)
        return {};
    vault::VaultSearchResult result = m_vault->SearchCases(query);
    if (m_doc)
        MergeOpenCase(result, m_doc->Case(), query);
    return result;
}

void MainFrame::ShowSearch(bool allClients) {
    if (!m_vault)
        return;
    SearchDialog::Callbacks callbacks;
    callbacks.search = [this](const std::string& query, bool all) {
        try {
            return RunSearch(query, all);
        } catch (const vault::VaultError& e) {
            wxMessageBox(VaultMessage(e), _("Find in notes"), wxOK | wxICON_ERROR, this);
            return vault::VaultSearchResult{};
        }
    };
    // After the dialog has closed: opening may ask about unsaved changes.
    callbacks.open = [this](const vault::VaultSearchHit& hit) {
        CallAfter([this, hit] { OpenSearchHit(hit); });
    };
    SearchDialog dialog(this, allClients, m_doc != nullptr, std::move(callbacks));
    dialog.ShowModal();
}

void MainFrame::OpenSearchHit(const vault::VaultSearchHit& hit) {
    if (!OpenCase(hit.caseId))
        return;
    switch (TargetOf(hit.hit)) {
    case HitTarget::Session:
        m_tabs->SetSelection(kTabJournal);
        if (auto* journal = dynamic_cast<JournalPage*>(m_tabs->GetPage(kTabJournal)))
            journal->SelectSession(hit.hit.sessionId);
        break;
    case HitTarget::Interview:
        m_tabs->SetSelection(kTabInterview);
        m_interview->SelectTopic(hit.hit.fieldId);
        break;
    case HitTarget::Overview:
        m_tabs->SetSelection(kTabOverview);
        break;
    }
}

} // namespace kartbok::app
