// The main window's menu bar: built once per language, and kept in step with
// the document (undo label, what is enabled) after every edit.
#include "shell/MainFrame.h"
#include "shell/MainFrameIds.h"

#include "dialogs/AuditDialog.h"
#include "dialogs/ExportReportDialog.h"
#include "dialogs/StatsDialog.h"
#include "dialogs/UsersDialog.h"
#include "journal/JournalPage.h"
#include "map/FamilyEdits.h"
#include "map/MapCanvas.h"
#include "map/MapPage.h"
#include "shell/ClientListPanel.h"
#include "shell/ExportActions.h"
#include "shell/HelpMenu.h"

#include "kartbok/journal/RelativeSplit.h"

#include <wx/menu.h>

namespace kartbok::app {

using namespace kartbok::genogram;

void MainFrame::BuildMenus() {
    auto* bar = new wxMenuBar;
    bar->Append(NewFileMenu(), _("&File"));
    bar->Append(NewEditMenu(), _("&Edit"));
    bar->Append(NewViewMenu(), _("&View"));
    bar->Append(NewClientMenu(), _("&Client"));
    bar->Append(NewMapMenu(), _("&Map"));
    bar->Append(NewHelpMenu(*this), _("&Help"));
    wxMenuBar* old = GetMenuBar();
    SetMenuBar(bar);
    delete old;
}

wxMenu* MainFrame::NewFileMenu() {
    auto* file = new wxMenu;
    file->Append(kIdNewCase, _("&New client...\tCtrl+N"));
    file->Append(kIdArchive, _("&Archive client"));
    file->AppendSeparator();
    file->Append(kIdExportReport, _("Export &report...\tCtrl+R"));
    file->Append(kIdExport, _("&Export map...\tCtrl+E"));
    file->Append(kIdExportDeidentified, _("Export map &de-identified..."));
    file->Append(wxID_PRINT, _("&Print map...\tCtrl+P"));
    file->AppendSeparator();
    file->Append(kIdStatistics, _("Clinic &statistics..."));
    file->AppendSeparator();
    file->Append(kIdLock, _("&Lock\tCtrl+L"));
    file->Append(kIdAuditLog, _("A&udit log..."));
    file->Append(kIdUsers, _("Users and pass&words..."));
    file->Append(wxID_PREFERENCES, _("P&references..."));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { CreateNewCase(); }, kIdNewCase);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ArchiveCase(); }, kIdArchive);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& e) {
            if (m_doc && m_vault)
                ExportMapInteractive(this, *m_doc, *m_vault, e.GetId() == kIdExportDeidentified);
        },
        kIdExport, kIdExportDeidentified);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_doc && m_vault)
                PrintMap(this, m_map->Canvas().Presenter().Scene(), *m_vault, m_doc->Id());
        },
        wxID_PRINT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowExportReport(false); }, kIdExportReport);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { LockNow(); }, kIdLock);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_vault && SaveNow()) { // the open client counts as saved
                StatsDialog dialog(this, *m_vault);
                dialog.ShowModal();
            }
        },
        kIdStatistics);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowPreferences(); }, wxID_PREFERENCES);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_vault)
                AuditDialog(this, *m_vault, m_doc ? m_doc->Id() : std::string()).ShowModal();
        },
        kIdAuditLog);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_vault && !m_vault->IsLocked())
                UsersDialog(this, *m_vault).ShowModal();
        },
        kIdUsers);
    return file;
}

wxMenu* MainFrame::NewEditMenu() {
    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, _("&Undo\tCtrl+Z"));
    edit->Append(wxID_REDO, _("&Redo\tCtrl+Shift+Z"));
    edit->AppendSeparator();
    edit->Append(kIdFindCase, _("&Find in this client's notes...\tCtrl+F"));
    edit->Append(kIdFindAll, _("Find in &all clients' notes...\tCtrl+Shift+F"));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Undo(); }, wxID_UNDO);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Redo(); }, wxID_REDO);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent& e) { ShowSearch(e.GetId() == kIdFindAll); }, kIdFindCase,
        kIdFindAll);
    return edit;
}

wxMenu* MainFrame::NewViewMenu() {
    // What is folded away to give the note room; remembered between sessions.
    auto* view = new wxMenu;
    view->AppendCheckItem(kIdViewClientList, _("&Client list\tF9"));
    view->AppendCheckItem(kIdViewTopics, _("&Topics beside the note"));
    view->AppendCheckItem(kIdViewTimeline, _("Sessions as a &timeline"));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent& e) { ShowClientList(e.IsChecked()); },
        kIdViewClientList);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& e) {
            m_journal->ShowTopics(e.IsChecked());
            UpdateViewMenu();
        },
        kIdViewTopics);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& e) {
            m_journal->SetTimeline(e.IsChecked());
            UpdateViewMenu();
        },
        kIdViewTimeline);
    return view;
}

wxMenu* MainFrame::NewMapMenu() {
    auto* map = new wxMenu;
    map->Append(kIdFather, _("Add &father (P)"));
    map->Append(kIdMother, _("Add &mother (Shift+P)"));
    map->Append(kIdPartner, _("Add &partner (S)"));
    map->Append(kIdSon, _("Add &son (C)"));
    map->Append(kIdDaughter, _("Add &daughter (Shift+C)"));
    map->Append(kIdBrother, _("Add &brother (B)"));
    map->Append(kIdSister, _("Add s&ister (Shift+B)"));
    map->Append(kIdPregnancy, _("Add pre&gnancy (G)"));
    map->AppendSeparator();
    map->Append(kIdRelation, _("Draw &relation..."));
    map->Append(kIdHousehold, _("Mark &household"));
    map->Append(kIdDelete, _("De&lete selected (Del)"));
    map->AppendSeparator();
    map->Append(kIdResetLayout, _("Reset &layout"));
    map->Append(kIdFit, _("&Fit to window (F)"));
    map->AppendCheckItem(kIdShowRelations, _("Show &relations"));
    map->Check(kIdShowRelations, m_relationsShown);
    map->Append(kIdPresent, _("Presen&t\tF11"));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { SetPresentMode(!m_present); }, kIdPresent);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& e) {
            static constexpr Growth kGrowth[] = {Growth::Father, Growth::Mother,   Growth::Partner,
                                                 Growth::Son,    Growth::Daughter, Growth::Brother,
                                                 Growth::Sister, Growth::Pregnancy};
            m_map->Grow(kGrowth[e.GetId() - kIdFather]);
        },
        kIdFather, kIdPregnancy);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_map->ShowRelationMenu(&m_map->Canvas()); },
        kIdRelation);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_map->MarkHousehold(); }, kIdHousehold);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_map->DeleteSelection(); }, kIdDelete);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_map->ResetLayout(); }, kIdResetLayout);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_map->Canvas().FitToWindow(); }, kIdFit);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& e) {
            m_relationsShown = e.IsChecked();
            m_map->Canvas().SetRelationsShown(m_relationsShown);
        },
        kIdShowRelations);
    return map;
}

wxString MainFrame::AboutText() const {
    wxString text = _("Session journal, family map and deep-interview checklist for "
                      "therapists. Everything stays on this computer, encrypted.");
    if (m_vault && !m_vault->IsLocked()) {
        try {
            text += "\n\n" + wxString::Format(_("Vault fingerprint: %s"),
                                              wxString::FromUTF8(m_vault->Fingerprint()));
        } catch (const vault::VaultError&) {
        }
    }
    return text;
}

ExportReportDialog* MainFrame::ShowExportReport(bool pack, bool modal) {
    if (!m_vault || !SaveNow()) // the report is made from the vault: the open client first
        return nullptr;
    auto* dialog =
        new ExportReportDialog(this, *m_vault, m_catalog.Templates(),
                               m_doc ? m_doc->Id() : std::string(), m_clients->SelectedIds());
    if (pack)
        dialog->SetKind(reporting::ReportKind::SupervisionPack);
    if (!modal)
        return dialog; // the caller (a test) shows and destroys it
    dialog->ShowModal();
    dialog->Destroy();
    return nullptr;
}

void MainFrame::UpdateViewMenu() {
    wxMenuBar* bar = GetMenuBar();
    if (!bar || !m_journal)
        return;
    auto check = [bar](int id, bool on) {
        if (bar->IsChecked(id) != on)
            bar->Check(id, on);
    };
    check(kIdViewClientList, ClientListShown());
    check(kIdViewTopics, m_journal->TopicsShown());
    check(kIdViewTimeline, m_journal->TimelineShown());
    if (bar->IsEnabled(kIdViewClientList) != (m_doc != nullptr))
        bar->Enable(kIdViewClientList, m_doc != nullptr);
}

void MainFrame::UpdateMenus() {
    wxMenuBar* bar = GetMenuBar();
    const bool editable = m_doc && !m_doc->ReadOnly();
    const CaseEdit* undo = editable ? m_doc->NextUndo() : nullptr;
    const CaseEdit* redo = editable ? m_doc->NextRedo() : nullptr;
    // Runs after every edit: touch GTK menu items only when they really change.
    auto label = [bar](int id, const wxString& text) {
        if (bar->GetLabel(id) != text)
            bar->SetLabel(id, text);
    };
    auto enable = [bar](int id, bool on) {
        if (bar->IsEnabled(id) != on)
            bar->Enable(id, on);
    };
    label(wxID_UNDO,
          (undo ? wxString::Format(_("&Undo %s"), wxString::FromUTF8(undo->Label())) : _("&Undo")) +
              "\tCtrl+Z");
    label(wxID_REDO,
          (redo ? wxString::Format(_("&Redo %s"), wxString::FromUTF8(redo->Label())) : _("&Redo")) +
              "\tCtrl+Shift+Z");
    enable(wxID_UNDO, undo != nullptr);
    enable(wxID_REDO, redo != nullptr);
    for (int id = kIdFather; id <= kIdDelete; ++id)
        enable(id, editable);
    for (int id :
         {static_cast<int>(kIdExport), static_cast<int>(kIdExportDeidentified),
          static_cast<int>(wxID_PRINT), static_cast<int>(kIdPresent), static_cast<int>(kIdFit)})
        enable(id, m_doc != nullptr);
    enable(kIdArchive, editable);
    enable(kIdNewCase, m_vault != nullptr);
    enable(kIdLock, m_vault != nullptr);
    enable(kIdStatistics, m_vault != nullptr);
    enable(kIdExportReport, m_vault != nullptr);
    enable(kIdFindCase, m_doc != nullptr);
    enable(kIdTreatment, m_doc != nullptr);
    enable(kIdRelativeCase, editable && m_doc->Case().relativeOf.empty());
    // Only an older case that still holds a relative's content has something to move.
    enable(kIdSplitRelative,
           editable && m_doc->Case().relativeOf.empty() &&
               journal::HoldsRelativeContent(m_doc->Case(),
                                             journal::RelativeTemplateIds(m_catalog.Templates())));
    enable(kIdLinkedCase,
           m_doc && (!m_doc->Case().relativeOf.empty() || !m_doc->Case().relativeCaseIds.empty()));
    enable(kIdFindAll, m_vault != nullptr);
}

} // namespace kartbok::app
