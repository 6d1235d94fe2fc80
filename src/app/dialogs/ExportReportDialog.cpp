#include "dialogs/ExportReportDialog.h"

#include "common/CheckRows.h"
#include "common/Label.h"
#include "common/Labels.h"
#include "common/Palette.h"
#include "common/Translations.h"
#include "common/Utf8.h"
#include "common/VaultMessage.h"

#include "kartbok/reports/Report.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datetime.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include <algorithm>

namespace kartbok::app {

using reporting::ReportKind;

namespace {

/// The rows of the kind choice, in order.
enum Row { kFollowUp, kSupervision, kSupervisionDeid, kRecord, kPack, kStatistics, kRows };

wxString RowText(int row) {
    switch (row) {
    case kFollowUp:
        return _("Follow-up brief");
    case kSupervision:
        return _("Supervisor summary");
    case kSupervisionDeid:
        return _("Supervisor summary, de-identified");
    case kRecord:
        return _("Full record (the client's copy)");
    case kPack:
        return _("Supervision pack: several clients, de-identified");
    default:
        return _("The year's statistics (CSV)");
    }
}

wxString RowHelp(int row) {
    switch (row) {
    case kFollowUp:
        return _("One or two pages before a follow-up: why the client came, key dates, the "
                 "family map, what was agreed at the end, the forms side by side and what to "
                 "ask now.");
    case kSupervision:
        return _("The structure of the case for supervision: map, sessions over time, "
                 "deep-interview coverage and forms, with names and dates.");
    case kSupervisionDeid:
        return _("As the supervisor summary, but with roles instead of names, months instead "
                 "of dates and no free text.");
    case kRecord:
        return _("Everything recorded about the client, corrections and addenda included, "
                 "for a request to see one's record.");
    case kPack:
        return _("The de-identified summaries of the clients ticked below in one PDF, each "
                 "on pages of its own, after a cover listing their codes.");
    default:
        return _("Counts for the year over every client, small numbers shown as <5: no code, "
                 "name or text.");
    }
}

const char* FileWord(int row, bool swedish) {
    static const char* const sv[] = {"uppfoljning",   "handledning",          "handledning-avid",
                                     "journalutdrag", "handledningsunderlag", "statistik"};
    static const char* const en[] = {"follow-up-brief", "supervision",      "supervision-deid",
                                     "record",          "supervision-pack", "statistics"};
    const int at = row < 0 || row >= kRows ? kRows - 1 : row;
    return (swedish ? sv : en)[at];
}

} // namespace

ExportReportDialog::ExportReportDialog(wxWindow* parent, vault::Vault& vault,
                                       journal::TemplateSet templates, std::string openCaseId,
                                       std::vector<std::string> packIds)
    : wxDialog(parent, wxID_ANY, _("Export report"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_vault(vault), m_templates(std::move(templates)), m_openCaseId(std::move(openCaseId)) {
    SetName("export_report_dialog");
    open = [](const std::filesystem::path& file) {
        wxLaunchDefaultApplication(wxString::FromUTF8(file.string()));
    };
    complain = [this](const wxString& message) {
        wxMessageBox(message, _("Export report"), wxOK | wxICON_WARNING, this);
    };
    Build();
    SetPackIds(packIds.empty() && !m_openCaseId.empty() ? std::vector{m_openCaseId} : packIds);
    SetKind(m_openCaseId.empty() ? ReportKind::SupervisionPack : ReportKind::FollowUp);
    Fit();
    CentreOnParent();
}

void ExportReportDialog::Build() {
    wxArrayString rows;
    for (int r = 0; r < kRows; ++r)
        rows.Add(RowText(r));
    m_kind = new wxRadioBox(this, wxID_ANY, _("Report"), wxDefaultPosition, wxDefaultSize, rows, 1,
                            wxRA_SPECIFY_COLS);
    m_kind->SetName("report_kind");
    m_about = new WrappingText(this, wxString());
    m_about->SetName("report_about");
    m_about->SetForegroundColour(palette::kMutedText);
    m_language = new wxChoice(this, wxID_ANY);
    m_language->SetName("report_language");
    m_language->Append("Svenska"); // each language in its own words
    m_language->Append("English");
    SetLanguage(CurrentLanguage());
    m_year = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxSP_ARROW_KEYS, 1990, 2100, wxDateTime::Today().GetYear());
    m_year->SetName("report_year");
    m_pack = new CheckRows(this, 6);
    m_pack->SetName("report_clients");
    wxArrayString codes;
    auto summaries = m_vault.ListCases();
    std::sort(summaries.begin(), summaries.end(),
              [](const auto& a, const auto& b) { return a.code < b.code; });
    for (const auto& s : summaries) {
        m_caseIds.push_back(s.id);
        codes.Add(FromUtf8(s.code) + wxString::FromUTF8(" · ") + Name(s.status));
    }
    m_pack->Set(codes);
    m_openWhenDone = new wxCheckBox(this, wxID_ANY, _("Open the file when it is done"));
    m_openWhenDone->SetName("report_open_when_done");
    m_openWhenDone->SetValue(true);
    auto* warning = new WrappingText(this, _("The file is not encrypted. Keep it, and destroy "
                                             "it, as the clinic requires."));
    warning->SetForegroundColour(palette::kWarning);

    auto* options = new wxFlexGridSizer(2, FromDIP(6), FromDIP(10));
    options->Add(new wxStaticText(this, wxID_ANY, _("Language")), 0, wxALIGN_CENTER_VERTICAL);
    options->Add(m_language);
    options->Add(new wxStaticText(this, wxID_ANY, _("Year")), 0, wxALIGN_CENTER_VERTICAL);
    options->Add(m_year);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_kind, 0, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(m_about, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    sizer->Add(options, 0, wxALL, FromDIP(10));
    sizer->Add(NewHeading(this, _("Clients in the pack")), 0, wxLEFT | wxRIGHT, FromDIP(10));
    sizer->Add(m_pack, 1, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(m_openWhenDone, 0, wxLEFT | wxRIGHT, FromDIP(10));
    sizer->Add(warning, 0, wxEXPAND | wxALL, FromDIP(10));
    auto* buttons = new wxStdDialogButtonSizer;
    auto* ok = new wxButton(this, wxID_OK, _("Export..."));
    ok->SetName("report_export");
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(this, wxID_CANCEL));
    buttons->Realize();
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(sizer);
    SetMinSize(FromDIP(wxSize(460, 560)));

    m_kind->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) { Update(); });
    ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskAndExport(); });
}

void ExportReportDialog::Update() {
    const int row = m_kind->GetSelection();
    m_about->SetLabel(RowHelp(row));
    m_year->Enable(row == kStatistics);
    m_pack->Enable(row == kPack);
    m_language->Enable(row != kStatistics);
    // A case report needs an open client; a pack needs one ticked.
    const bool caseReport = row != kPack && row != kStatistics;
    if (auto* ok = FindWindow(wxID_OK))
        ok->Enable(!(caseReport && m_openCaseId.empty()) && !(row == kPack && PackIds().empty()));
    for (int r : {kFollowUp, kSupervision, kSupervisionDeid, kRecord})
        m_kind->Enable(r, !m_openCaseId.empty());
    Layout();
}

void ExportReportDialog::SetKind(ReportKind kind, bool deidentify) {
    int row = kStatistics;
    switch (kind) {
    case ReportKind::FollowUp:
        row = kFollowUp;
        break;
    case ReportKind::Supervision:
        row = deidentify ? kSupervisionDeid : kSupervision;
        break;
    case ReportKind::Record:
        row = kRecord;
        break;
    case ReportKind::SupervisionPack:
        row = kPack;
        break;
    case ReportKind::Statistics:
        break;
    }
    m_kind->SetSelection(row);
    Update();
}

ReportKind ExportReportDialog::Kind() const {
    switch (m_kind->GetSelection()) {
    case kFollowUp:
        return ReportKind::FollowUp;
    case kSupervision:
    case kSupervisionDeid:
        return ReportKind::Supervision;
    case kRecord:
        return ReportKind::Record;
    case kPack:
        return ReportKind::SupervisionPack;
    default:
        return ReportKind::Statistics;
    }
}

bool ExportReportDialog::Deidentified() const {
    return m_kind->GetSelection() == kSupervisionDeid || m_kind->GetSelection() == kPack;
}

void ExportReportDialog::SetLanguage(const std::string& language) {
    m_language->SetSelection(language == "en" ? 1 : 0);
}

void ExportReportDialog::SetYear(int year) {
    m_year->SetValue(year);
}

std::vector<std::string> ExportReportDialog::PackIds() const {
    std::vector<std::string> ids;
    for (unsigned i = 0; i < m_pack->GetCount(); ++i)
        if (m_pack->IsChecked(i))
            ids.push_back(m_caseIds[i]);
    return ids;
}

void ExportReportDialog::SetPackIds(const std::vector<std::string>& ids) {
    for (std::size_t i = 0; i < m_caseIds.size(); ++i)
        m_pack->Check(static_cast<unsigned>(i),
                      std::find(ids.begin(), ids.end(), m_caseIds[i]) != ids.end());
    m_pack->onToggle = [this](unsigned, bool) { Update(); };
    if (m_kind)
        Update();
}

void ExportReportDialog::SetOpenWhenDone(bool openIt) {
    m_openWhenDone->SetValue(openIt);
}

reporting::ReportRequest ExportReportDialog::Request(const std::filesystem::path& out) const {
    reporting::ReportRequest r;
    r.kind = Kind();
    r.deidentify = Deidentified();
    r.language = m_language->GetSelection() == 1 ? "en" : "sv";
    r.year = m_year->GetValue();
    r.out = out;
    if (r.kind == ReportKind::SupervisionPack)
        r.caseIds = PackIds();
    else if (r.kind != ReportKind::Statistics)
        r.caseIds = {m_openCaseId};
    return r;
}

wxString ExportReportDialog::SuggestedFileName() const {
    const int row = m_kind->GetSelection();
    const bool swedish = m_language->GetSelection() != 1;
    wxString name = FileWord(row, swedish);
    if (row == kStatistics)
        return name + wxString::Format("-%d.csv", m_year->GetValue());
    if (row != kPack) // the pseudonymous code, as on every page of the report
        for (const auto& s : m_vault.ListCases())
            if (s.id == m_openCaseId)
                name += "-" + FromUtf8(s.code);
    return name + "-" + wxDateTime::Today().FormatISODate() + ".pdf";
}

void ExportReportDialog::AskAndExport() {
    const bool csv = m_kind->GetSelection() == kStatistics;
    wxFileDialog files(this, _("Export report"), wxString(), SuggestedFileName(),
                       csv ? _("CSV files (*.csv)|*.csv") : _("PDF documents (*.pdf)|*.pdf"),
                       wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (files.ShowModal() != wxID_OK)
        return;
    std::filesystem::path out(Utf8(files.GetPath()));
    if (out.extension().empty())
        out += csv ? ".csv" : ".pdf";
    if (Export(out))
        EndModal(wxID_OK);
}

bool ExportReportDialog::Export(const std::filesystem::path& out) {
    const reporting::ReportRequest request = Request(out);
    wxProgressDialog progress(_("Export report"),
                              _("Reading the clients and drawing the report..."), 100, this,
                              wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_AUTO_HIDE);
    bool made = false;
    try {
        made = reporting::MakeReport(m_vault, m_templates, request, [&](int done, int total) {
            return progress.Update(done * 100 / std::max(1, total));
        });
    } catch (const vault::VaultError& e) {
        complain(_("The report was not written:") + "\n" + VaultMessage(e));
        return false;
    } catch (const std::exception& e) {
        // Report and request errors name the file or the problem, never client text.
        complain(_("The report was not written:") + "\n" + wxString::FromUTF8(e.what()));
        return false;
    }
    if (made && m_openWhenDone->GetValue() && open)
        open(out);
    return made;
}

} // namespace kartbok::app
