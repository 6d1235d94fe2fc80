// Client > the clinical model's actions: treatment and follow-up (intake,
// closing, reopening as a new episode, follow-up outcomes), a relative's own
// case linked to the open one, moving an older case's relative content into
// one, and opening the linked case.
#include "shell/MainFrame.h"
#include "shell/MainFrameIds.h"

#include "common/Utf8.h"
#include "common/VaultMessage.h"
#include "dialogs/RelativeCaseDialog.h"
#include "dialogs/TreatmentDialog.h"
#include "shell/ClientListPanel.h"

#include "kartbok/base/Uuid.h"
#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Scaffold.h"
#include "kartbok/journal/CaseCommands.h"
#include "kartbok/journal/EpisodeCommands.h"
#include "kartbok/journal/RelativeSplit.h"

#include <wx/choicdlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>

namespace kartbok::app {

namespace {

/// The relative's own map: them as the client, named as the index client's map
/// names them (their own name is theirs to have in their record).
genogram::Family RelativeMap(const journal::Case& index, genogram::PersonId person) {
    const genogram::Person* p = person ? index.family.FindPerson(person) : nullptr;
    genogram::Family family = genogram::Scaffold(p ? p->givenNames : std::string(),
                                                 p ? p->gender : genogram::Gender::Unknown);
    if (p)
        for (genogram::Person& q : family.people)
            if (q.isIndex) {
                q.surname = p->surname;
                q.birth = p->birth;
            }
    return family;
}

} // namespace

wxMenu* MainFrame::NewClientMenu() {
    auto* client = new wxMenu;
    client->Append(kIdTreatment, _("&Treatment and follow-up..."));
    client->Append(kIdRelativeCase, _("New &relative's case..."));
    client->Append(kIdSplitRelative, _("&Move a relative's sessions to their own case..."));
    client->Append(kIdLinkedCase, _("Open &linked case"));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowTreatment(); }, kIdTreatment);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { AskRelativeCase(); }, kIdRelativeCase);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { AskSplitRelative(); }, kIdSplitRelative);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { OpenLinkedCase(); }, kIdLinkedCase);
    return client;
}

void MainFrame::ShowTreatment() {
    if (!m_doc)
        return;
    {
        TreatmentDialog dialog(this, *m_doc);
        dialog.ShowModal();
    }
    SaveNow();
    ReloadClientList(); // status and follow-up due changed
}

void MainFrame::AskRelativeCase() {
    if (!m_doc || !m_vault)
        return;
    RelativeCaseDialog dialog(this, m_doc->Family());
    if (dialog.ShowModal() == wxID_OK)
        CreateRelativeCase(dialog.Code(), dialog.Person());
}

bool MainFrame::CreateRelativeCase(const std::string& code, genogram::PersonId person) {
    if (!m_doc || !m_vault || m_doc->ReadOnly())
        return false;
    const wxString title = _("New relative's case");
    if (!m_doc->Case().relativeOf.empty()) {
        wxMessageBox(_("This is a relative's own case. Open the index client's case to add "
                       "another relative."),
                     title, wxOK | wxICON_INFORMATION, this);
        return false;
    }
    if (!SaveNow())
        return false;
    const journal::Case index = m_doc->Case();
    try {
        journal::Case relative = m_vault->CreateCase(code);
        journal::CaseFields fields = journal::FieldsOf(relative);
        fields.intake.reasons = {journal::SeekReason::Relative};
        std::vector<journal::CaseCommandPtr> parts;
        parts.push_back(std::make_unique<journal::SetRelativeLink>(index.id, person));
        parts.push_back(std::make_unique<journal::SetCaseFields>(fields));
        parts.push_back(
            std::make_unique<journal::FamilyEdit>(std::make_unique<genogram::ReplaceFamily>(
                RelativeMap(index, person), "Start family map")));
        journal::CompositeCaseCommand setup("Relative's own case", std::move(parts));
        setup.Apply(relative);
        m_vault->SaveCase(relative, vault::AuditActionFor(setup.Kind()), setup.Describe());
        m_doc->Execute(
            std::make_unique<CaseEdit>(std::make_unique<journal::AddRelativeCase>(relative.id),
                                       Utf8(_("Link relative's case"))));
        if (!SaveNow())
            return false;
        ReloadClientList();
        return OpenCase(relative.id);
    } catch (const vault::VaultError& e) {
        wxMessageBox(VaultMessage(e), title, wxOK | wxICON_ERROR, this);
    } catch (const std::exception& e) {
        wxMessageBox(FromUtf8(e.what()), title, wxOK | wxICON_WARNING, this);
    }
    return false;
}

void MainFrame::AskSplitRelative() {
    if (!m_doc || !m_vault)
        return;
    RelativeCaseDialog dialog(this, m_doc->Family());
    dialog.SetTitle(_("Move a relative's sessions to their own case"));
    if (dialog.ShowModal() != wxID_OK)
        return;
    if (const auto split = SplitRelativeCase(dialog.Code(), dialog.Person()))
        wxMessageBox(wxString::Format(_("Moved %zu sessions, %zu checklists and %zu forms into "
                                        "%s. %zu joint sessions stay in the index client's "
                                        "case and show here as joint."),
                                      split->movedSessionIds.size(), split->movedChecklists.size(),
                                      split->movedFormIds.size(), FromUtf8(split->relative.code),
                                      split->jointSessionIds.size()),
                     _("Move a relative's sessions to their own case"), wxOK | wxICON_INFORMATION,
                     this);
}

std::optional<journal::RelativeSplit> MainFrame::SplitRelativeCase(const std::string& code,
                                                                   genogram::PersonId person) {
    if (!m_doc || !m_vault || m_doc->ReadOnly() || !SaveNow())
        return std::nullopt;
    const wxString title = _("Move a relative's sessions to their own case");
    try {
        journal::RelativeSplitRequest request;
        request.newCaseId = base::NewUuid();
        request.newCode = code;
        request.relativePerson = person;
        request.relativeTemplateIds = journal::RelativeTemplateIds(m_catalog.Templates());
        journal::RelativeSplit split = journal::SplitRelative(m_doc->Case(), request);
        // The document is saved and unchanged: the vault writes both cases, then
        // the index case is read again from the vault when it is next opened.
        m_vault->SplitCase(split.source, split.relative);
        CloseCase();
        ReloadClientList();
        if (!OpenCase(split.relative.id))
            return std::nullopt;
        return split;
    } catch (const vault::VaultError& e) {
        wxMessageBox(VaultMessage(e), title, wxOK | wxICON_ERROR, this);
    } catch (const std::exception& e) {
        wxMessageBox(FromUtf8(e.what()), title, wxOK | wxICON_WARNING, this);
    }
    return std::nullopt;
}

bool MainFrame::OpenLinkedCase() {
    if (!m_doc)
        return false;
    // Copies: opening another case closes this document, and its strings with it.
    const std::string index = m_doc->Case().relativeOf;
    const std::vector<std::string> relatives = m_doc->Case().relativeCaseIds;
    if (!index.empty())
        return OpenCase(index);
    if (relatives.empty())
        return false;
    if (relatives.size() == 1)
        return OpenCase(relatives.front());
    wxArrayString codes;
    for (const auto& id : relatives)
        codes.Add(FromUtf8(CodeOf(id)));
    const int chosen =
        wxGetSingleChoiceIndex(_("Which relative's case?"), _("Open linked case"), codes, this);
    return chosen >= 0 && OpenCase(relatives[static_cast<std::size_t>(chosen)]);
}

std::string MainFrame::CodeOf(const std::string& caseId) const {
    if (!m_vault)
        return {};
    try {
        for (const auto& s : m_vault->ListCases())
            if (s.id == caseId)
                return s.code;
    } catch (const vault::VaultError&) {
    }
    return {};
}

} // namespace kartbok::app
