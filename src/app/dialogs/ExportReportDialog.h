#pragma once
// File > Export report...: the follow-up brief, the supervisor summary
// (identified or de-identified), the full record, a supervision pack of
// several clients, or the year's statistics - in Swedish or English, with a
// progress window and the file opened when done. The report is made by
// reporting::MakeReport, exactly as `kartbok-cli report` and `stats` make it,
// audit record included.

#include "shared/ReportJob.h"

#include <wx/dialog.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

class wxCheckBox;
class wxChoice;
class wxRadioBox;
class wxSpinCtrl;
class wxStaticText;

namespace kartbok::app {

class CheckRows;
class WrappingText;

class ExportReportDialog : public wxDialog {
public:
    /// openCaseId: the client open in the window ("" when none: only the pack
    /// and the statistics can be made). packIds: clients selected in the
    /// client list, ticked for a pack at the start.
    ExportReportDialog(wxWindow* parent, vault::Vault& vault, journal::TemplateSet templates,
                       std::string openCaseId, std::vector<std::string> packIds = {});

    // The choices, for the frame and the tests ---------------------------------
    void SetKind(reporting::ReportKind kind, bool deidentify = false);
    reporting::ReportKind Kind() const;
    bool Deidentified() const;
    void SetLanguage(const std::string& language);
    void SetYear(int year);
    /// The clients ticked for a pack.
    std::vector<std::string> PackIds() const;
    void SetPackIds(const std::vector<std::string>& ids);
    void SetOpenWhenDone(bool open);
    /// The request as chosen, written to `out`.
    reporting::ReportRequest Request(const std::filesystem::path& out) const;
    /// A file name to offer: what and when, never a name ("uppfoljning-GBG-2025-017.pdf").
    wxString SuggestedFileName() const;

    /// Makes the report into `out` with a progress window; opens it when asked.
    /// False (message shown, or cancelled) when nothing was written.
    bool Export(const std::filesystem::path& out);

    /// Opens a finished file; the system's default application unless a test replaces it.
    std::function<void(const std::filesystem::path&)> open;
    /// Says what went wrong; a message box unless a test replaces it.
    std::function<void(const wxString&)> complain;

private:
    void Build();
    void Update();
    void AskAndExport();

    vault::Vault& m_vault;
    journal::TemplateSet m_templates;
    std::string m_openCaseId;
    std::vector<std::string> m_caseIds; ///< rows of m_pack
    wxRadioBox* m_kind = nullptr;
    wxChoice* m_language = nullptr;
    wxSpinCtrl* m_year = nullptr;
    CheckRows* m_pack = nullptr;
    WrappingText* m_about = nullptr;
    wxCheckBox* m_openWhenDone = nullptr;
};

} // namespace kartbok::app
