#pragma once
// The clinic lead's statistics over a range of years: counts over every case of
// the vault (each decrypted in memory only, never written out), laid out like
// tables 1-2 of the KAST evaluation - for each form the people who answered
// yes, no or left it out, folded as the form's YAML declares - with a
// buyers-only view, the paired start -> end change, and the clients, sessions,
// waiting times and follow-up outcomes. Small numbers show as "<5" (and "x"
// where a cell would give one away), exactly as the CSV export has them. No
// code, name or text leaves a case.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/TemplateLoader.h"
#include "kartbok/reports/Statistics.h"
#include "shared/ReportJob.h"

#include <wx/dialog.h>

#include <filesystem>
#include <vector>

class wxCheckBox;
class wxListCtrl;
class wxNotebook;
class wxSpinCtrl;
class wxStaticText;

namespace kartbok::vault {
class Vault;
}

namespace kartbok::app {

class StatsDialog : public wxDialog {
public:
    /// The three pages, in order.
    enum Page { kTables, kPaired, kClients };

    StatsDialog(wxWindow* parent, vault::Vault& vault);

    /// Loads every case and computes the range's statistics (both views); false
    /// (message in Problem()) when the vault refused a case.
    bool Compute(int fromYear, int toYear, bool buyersOnly);
    bool Compute(int year) { return Compute(year, year, false); }
    /// The view shown (all clients, or buyers only).
    const reports::ClinicStatistics& Statistics() const;
    long Rows(Page page = kTables) const;
    wxString Cell(long row, int column, Page page = kTables) const;
    wxString Problem() const { return m_problem; }
    /// Writes the counts (both views), or the research answers (buyers only
    /// when that view is shown), as `kartbok-cli stats` does (ReportJob):
    /// through vault::Export, the audit record first, 0600. Throws
    /// vault::VaultError naming the file.
    void ExportCounts(const std::filesystem::path& file) const;
    void ExportAnswers(const std::filesystem::path& file) const;

private:
    void BuildPages();
    void Fill();
    void FillTables();
    void FillPaired();
    void FillClients();
    void AskAndExport(bool answers);
    void Export(reporting::ReportKind kind, const std::filesystem::path& file) const;
    wxListCtrl* List(Page page) const;

    vault::Vault& m_vault;
    journal::TemplateSet m_templates;
    std::vector<journal::Case> m_cases; ///< in memory only, dropped with the dialog
    reports::ClinicStatistics m_all;
    reports::ClinicStatistics m_buyers;
    bool m_showBuyers = false;
    bool m_computed = false;
    wxString m_problem;
    wxSpinCtrl* m_from = nullptr;
    wxSpinCtrl* m_to = nullptr;
    wxCheckBox* m_buyersOnly = nullptr;
    wxStaticText* m_summary = nullptr;
    wxNotebook* m_pages = nullptr;
    wxListCtrl* m_tables = nullptr;
    wxListCtrl* m_paired = nullptr;
    wxListCtrl* m_clients = nullptr;
};

} // namespace kartbok::app
