#pragma once
// The clinic lead's yearly statistics: counts over every case of the vault
// (each decrypted in memory only, never written out), small numbers shown as
// "<5" as the library suppresses them, exported as CSV together with the
// anonymised form answers for research. No code, name or text leaves a case.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/TemplateLoader.h"
#include "kartbok/reports/Statistics.h"

#include <wx/dialog.h>

#include <filesystem>
#include <vector>

class wxListCtrl;
class wxSpinCtrl;
class wxStaticText;

namespace kartbok::vault {
class Vault;
}

namespace kartbok::app {

class StatsDialog : public wxDialog {
public:
    StatsDialog(wxWindow* parent, vault::Vault& vault);

    /// Loads every case and computes the year's statistics; false (message in
    /// Problem()) when the vault refused a case.
    bool Compute(int year);
    const reports::YearStatistics& Statistics() const { return m_stats; }
    long Rows() const;
    wxString Cell(long row, int column) const;
    wxString Problem() const { return m_problem; }
    /// Writes the counts, or the anonymised answers, through vault::Export: the
    /// audit record first (nothing written without it), then the file, 0600.
    /// Throws vault::VaultError naming the file.
    void ExportCounts(const std::filesystem::path& file) const;
    void ExportAnswers(const std::filesystem::path& file) const;

private:
    void Fill();
    void AskAndExport(bool answers);

    vault::Vault& m_vault;
    journal::TemplateSet m_templates;
    std::vector<journal::Case> m_cases; ///< in memory only, dropped with the dialog
    reports::YearStatistics m_stats;
    wxString m_problem;
    wxSpinCtrl* m_year = nullptr;
    wxStaticText* m_summary = nullptr;
    wxListCtrl* m_table = nullptr;
};

} // namespace kartbok::app
