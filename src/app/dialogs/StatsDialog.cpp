#include "dialogs/StatsDialog.h"

#include "common/ChecklistLabels.h"
#include "common/Labels.h"
#include "common/ListColumns.h"
#include "common/TemplateCatalog.h"
#include "common/Translations.h"
#include "shell/ExportFolders.h"

#include "kartbok/vault/Export.h"
#include "kartbok/vault/Vault.h"

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

namespace kartbok::app {

namespace {

wxString Count(int n) {
    return wxString::FromUTF8(reports::Suppressed(n));
}

} // namespace

StatsDialog::StatsDialog(wxWindow* parent, vault::Vault& vault)
    : wxDialog(parent, wxID_ANY, _("Yearly statistics"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_vault(vault) {
    SetName("stats_dialog");
    m_templates = AppTemplates(this);

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    m_year = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxSP_ARROW_KEYS, 1990, 2100, wxDateTime::Today().GetYear());
    m_year->SetName("stats_year");
    auto* compute = new wxButton(this, wxID_ANY, _("Count"));
    top->Add(new wxStaticText(this, wxID_ANY, _("Year:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(m_year, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(compute, 0, wxALIGN_CENTER_VERTICAL);

    m_summary = new wxStaticText(this, wxID_ANY,
                                 _("Counts only: no codes, names or text. Counts from 1 to 4 are "
                                   "shown as <5 so no client can be singled out."));
    m_summary->SetForegroundColour(wxColour(90, 90, 90));
    m_table = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(640, 420)),
                             wxLC_REPORT | wxLC_SINGLE_SEL);
    m_table->SetName("stats_table");
    m_table->SetMinSize(FromDIP(wxSize(640, 420))); // fitted columns scroll sideways
    m_table->AppendColumn(_("Measure"), wxLIST_FORMAT_LEFT, FromDIP(300));
    m_table->AppendColumn(_("Phase"), wxLIST_FORMAT_LEFT, FromDIP(100));
    m_table->AppendColumn(_("Answer"), wxLIST_FORMAT_LEFT, FromDIP(140));
    m_table->AppendColumn(_("Count"), wxLIST_FORMAT_RIGHT, FromDIP(70));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* exportCounts = new wxButton(this, wxID_ANY, _("Export counts (CSV)..."));
    auto* exportAnswers = new wxButton(this, wxID_ANY, _("Export anonymised answers (CSV)..."));
    buttons->Add(exportCounts, 0, wxRIGHT, 6);
    buttons->Add(exportAnswers, 0);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")), 0);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxALL, 10);
    sizer->Add(m_summary, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);
    sizer->Add(m_table, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 10);
    SetSizerAndFit(sizer);

    compute->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!Compute(m_year->GetValue()))
            wxMessageBox(m_problem, _("Yearly statistics"), wxOK | wxICON_WARNING, this);
    });
    exportCounts->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskAndExport(false); });
    exportAnswers->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskAndExport(true); });
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); }, wxID_CLOSE);
}

bool StatsDialog::Compute(int year) {
    wxBusyCursor busy;
    m_problem.clear();
    m_cases.clear();
    try {
        for (const auto& summary : m_vault.ListCases())
            m_cases.push_back(m_vault.LoadCase(summary.id));
    } catch (const vault::VaultError& e) {
        m_problem = _("A client's file could not be read, so the counts would be wrong:") + "\n" +
                    wxString::FromUTF8(e.what());
        m_cases.clear();
        m_table->DeleteAllItems();
        return false;
    }
    m_stats = reports::ComputeStatistics(m_cases, m_templates, year);
    Fill();
    return true;
}

void StatsDialog::Fill() {
    m_table->DeleteAllItems();
    long row = 0;
    auto add = [&](const wxString& measure, const wxString& phase, const wxString& value,
                   int count) {
        m_table->InsertItem(row, measure);
        m_table->SetItem(row, 1, phase);
        m_table->SetItem(row, 2, value);
        m_table->SetItem(row, 3, Count(count));
        ++row;
    };
    add(_("New clients"), {}, {}, m_stats.newCases);
    for (const auto& [type, n] : m_stats.sessionsByType)
        add(_("Sessions") + ": " + Name(type), {}, {}, n);
    add(_("Clients with a start form"), Name(journal::FormPhase::Start), {}, m_stats.withStartForm);
    add(_("Clients with an end form"), Name(journal::FormPhase::End), {}, m_stats.withEndForm);
    add(_("Clients with a follow-up form"), Name(journal::FormPhase::FollowUp), {},
        m_stats.withFollowUpForm);
    add(_("Clients with all three forms"), {}, {}, m_stats.withAllThree);
    add(_("Follow-ups held"), {}, {}, m_stats.followUpsHeld);
    add(_("Follow-ups due"), {}, {}, m_stats.followUpsDue);
    for (const auto& a : m_stats.answers) {
        wxString title = wxString::FromUTF8(a.itemId);
        for (const auto* t : m_templates.OfKind(journal::TemplateKind::Form))
            if (const auto* item = t->FindItem(a.itemId)) {
                title = wxString::FromUTF8(item->title.In(CurrentLanguage()));
                break;
            }
        add(title, Name(a.phase), wxString::FromUTF8(a.value), a.count);
    }
    FitColumnsToContent(*m_table); // long questions scroll sideways, never cut
}

long StatsDialog::Rows() const {
    return m_table->GetItemCount();
}

wxString StatsDialog::Cell(long row, int column) const {
    return m_table->GetItemText(row, column);
}

void StatsDialog::ExportCounts(const std::filesystem::path& file) const {
    RememberExportFolder(file);
    // The same audit record as `kartbok-cli stats`: what and over how many, no name.
    vault::Export(m_vault, file, reports::StatisticsCsv(m_stats), {},
                  "stats " + std::to_string(m_stats.year) + " over " +
                      std::to_string(m_cases.size()) + " cases");
}

void StatsDialog::ExportAnswers(const std::filesystem::path& file) const {
    RememberExportFolder(file);
    vault::Export(
        m_vault, file,
        reports::AnonymousAnswersCsv(reports::AnonymousAnswers(m_cases, m_templates, m_stats.year)),
        {},
        "stats " + std::to_string(m_stats.year) + " answers over " +
            std::to_string(m_cases.size()) + " cases");
}

void StatsDialog::AskAndExport(bool answers) {
    if (m_stats.year == 0 && !Compute(m_year->GetValue()))
        return;
    const wxString name = wxString::Format(
        answers ? "kartbok-answers-%d.csv" : "kartbok-statistics-%d.csv", m_stats.year);
    wxFileDialog dialog(this, answers ? _("Export anonymised answers") : _("Export counts"),
                        wxString(), name, _("CSV files (*.csv)|*.csv"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK)
        return;
    try {
        const std::filesystem::path file(dialog.GetPath().ToStdString(wxConvUTF8));
        if (answers)
            ExportAnswers(file);
        else
            ExportCounts(file);
    } catch (const std::exception& e) {
        wxMessageBox(_("The file could not be written:") + "\n" + wxString::FromUTF8(e.what()),
                     _("Yearly statistics"), wxOK | wxICON_WARNING, this);
    }
}

} // namespace kartbok::app
