#include "dialogs/StatsDialog.h"

#include "common/ChecklistLabels.h"
#include "common/ClinicalNames.h"
#include "common/Labels.h"
#include "common/ListColumns.h"
#include "common/Palette.h"
#include "common/TemplateCatalog.h"
#include "common/Translations.h"
#include "shell/ExportFolders.h"

#include "kartbok/vault/Vault.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/datetime.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

namespace kartbok::app {

namespace {

wxString TableTitle(journal::FormPhase p) {
    switch (p) {
    case journal::FormPhase::Start:
        return _("Table 1. Answers at the start of treatment");
    case journal::FormPhase::End:
        return _("Table 2. Answers at the end of treatment");
    case journal::FormPhase::FollowUp:
        return _("Answers at the follow-up");
    }
    return {};
}

wxString FilledIn(journal::FormPhase p) {
    switch (p) {
    case journal::FormPhase::Start:
        return _("Filled in the self-rating form at the start of treatment");
    case journal::FormPhase::End:
        return _("Filled in the self-rating form at the end of treatment");
    case journal::FormPhase::FollowUp:
        return _("Filled in the self-rating form at the follow-up");
    }
    return {};
}

wxString Count(int n) {
    return wxString::FromUTF8(reports::Suppressed(n));
}

/// A table row's label: the evaluation's words, and a mark on what the clinic
/// wrote itself.
wxString RowLabel(const std::string& group, const std::string& label, bool clinicDefined) {
    wxString text = wxString::FromUTF8(group.empty() ? label : group + " – " + label);
    if (clinicDefined)
        text += " " + _("(clinic-defined)");
    return text;
}

/// Adds a row of cells; the first is the label. Heading rows are bold and blue.
void AddRow(wxListCtrl* list, const std::vector<wxString>& cells, bool heading = false) {
    const long row = list->InsertItem(list->GetItemCount(), cells.front());
    for (std::size_t i = 1; i < cells.size(); ++i)
        list->SetItem(row, static_cast<int>(i), cells[i]);
    if (heading) {
        list->SetItemTextColour(row, palette::kAccent);
        list->SetItemFont(row, list->GetFont().Bold());
    }
}

wxString Median(const std::optional<double>& m, int n) {
    if (n < 5 || !m)
        return wxString::FromUTF8("–");
    wxString text = wxString::Format("%.1f", *m);
    if (CurrentLanguage() == "sv")
        text.Replace(".", ","); // Swedish writes a decimal comma
    return text;
}

} // namespace

StatsDialog::StatsDialog(wxWindow* parent, vault::Vault& vault)
    : wxDialog(parent, wxID_ANY, _("Clinic statistics"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_vault(vault) {
    SetName("stats_dialog");
    m_templates = AppTemplates(this);

    const int thisYear = wxDateTime::Today().GetYear();
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    m_from = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxSP_ARROW_KEYS, 1990, 2100, thisYear);
    m_from->SetName("stats_from");
    m_to = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                          wxSP_ARROW_KEYS, 1990, 2100, thisYear);
    m_to->SetName("stats_to");
    m_buyersOnly = new wxCheckBox(this, wxID_ANY, _("Only clients who have bought sex"));
    m_buyersOnly->SetName("stats_buyers_only");
    m_buyersOnly->SetToolTip(_("The view of the KAST evaluation: it counted only clients who had "
                               "bought sexual services."));
    auto* compute = new wxButton(this, wxID_ANY, _("Count"));
    top->Add(new wxStaticText(this, wxID_ANY, _("From:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(m_from, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    top->Add(new wxStaticText(this, wxID_ANY, _("To:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(m_to, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 14);
    top->Add(m_buyersOnly, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 14);
    top->Add(compute, 0, wxALIGN_CENTER_VERTICAL);

    m_summary = new wxStaticText(
        this, wxID_ANY,
        _("Counts only: no codes, names or text. Counts from 1 to 4 are shown as <5, and a "
          "count that would give one away as x, so no client can be singled out."));
    m_summary->SetForegroundColour(palette::kMutedText);

    BuildPages();

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* exportCounts = new wxButton(this, wxID_ANY, _("Export counts (CSV)..."));
    auto* exportAnswers = new wxButton(this, wxID_ANY, _("Export answers for research (CSV)..."));
    buttons->Add(exportCounts, 0, wxRIGHT, 6);
    buttons->Add(exportAnswers, 0);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")), 0);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxALL, 10);
    sizer->Add(m_summary, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);
    sizer->Add(m_pages, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 10);
    SetSizerAndFit(sizer);

    compute->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!Compute(m_from->GetValue(), m_to->GetValue(), m_buyersOnly->GetValue()))
            wxMessageBox(m_problem, _("Clinic statistics"), wxOK | wxICON_WARNING, this);
    });
    m_buyersOnly->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        m_showBuyers = m_buyersOnly->GetValue();
        if (m_computed)
            Fill();
    });
    exportCounts->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskAndExport(false); });
    exportAnswers->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskAndExport(true); });
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); }, wxID_CLOSE);
}

void StatsDialog::BuildPages() {
    // Tables 1-2, the paired change, and the clients and sessions: one list each.
    m_pages = new wxNotebook(this, wxID_ANY);
    auto makeList = [this](const char* name, std::vector<std::pair<wxString, int>> columns) {
        auto* list = new wxListCtrl(m_pages, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(820, 460)),
                                    wxLC_REPORT | wxLC_SINGLE_SEL);
        list->SetName(name);
        list->SetMinSize(FromDIP(wxSize(820, 460))); // fitted columns scroll sideways
        for (const auto& [title, width] : columns)
            list->AppendColumn(title, width == 0 ? wxLIST_FORMAT_LEFT : wxLIST_FORMAT_RIGHT,
                               FromDIP(width == 0 ? 520 : width));
        return list;
    };
    m_tables =
        makeList("stats_tables",
                 {{_("Question"), 0}, {_("Yes"), 80}, {_("No"), 80}, {_("Not answered"), 110}});
    m_paired = makeList("stats_paired", {{_("Question"), 0},
                                         {_("Yes -> yes"), 85},
                                         {_("Yes -> no"), 85},
                                         {_("No -> yes"), 85},
                                         {_("No -> no"), 85}});
    m_clients = makeList("stats_clients", {{_("Measure"), 0}, {_("Number"), 120}});
    m_pages->AddPage(m_tables, _("Tables 1-2"));
    m_pages->AddPage(m_paired, _("Change on the same clients"));
    m_pages->AddPage(m_clients, _("Clients and sessions"));
}

bool StatsDialog::Compute(int fromYear, int toYear, bool buyersOnly) {
    wxBusyCursor busy;
    m_problem.clear();
    m_cases.clear();
    m_computed = false;
    if (fromYear > toYear) {
        m_problem = _("The first year comes after the last one.");
        return false;
    }
    m_from->SetValue(fromYear);
    m_to->SetValue(toYear);
    m_buyersOnly->SetValue(buyersOnly);
    try {
        for (const auto& summary : m_vault.ListCases())
            m_cases.push_back(m_vault.LoadCase(summary.id));
    } catch (const vault::VaultError& e) {
        m_problem = _("A client's file could not be read, so the counts would be wrong:") + "\n" +
                    wxString::FromUTF8(e.what());
        m_cases.clear();
        for (auto* list : {m_tables, m_paired, m_clients})
            list->DeleteAllItems();
        return false;
    }
    reports::StatisticsOptions range;
    range.fromYear = fromYear;
    range.toYear = toYear;
    range.language = CurrentLanguage();
    m_all = reports::ComputeStatistics(m_cases, m_templates, range);
    range.buyersOnly = true;
    m_buyers = reports::ComputeStatistics(m_cases, m_templates, range);
    m_showBuyers = buyersOnly;
    m_computed = true;
    Fill();
    return true;
}

const reports::ClinicStatistics& StatsDialog::Statistics() const {
    return m_showBuyers ? m_buyers : m_all;
}

void StatsDialog::Fill() {
    for (auto* list : {m_tables, m_paired, m_clients}) {
        list->Freeze();
        list->DeleteAllItems();
    }
    FillTables();
    FillPaired();
    FillClients();
    for (auto* list : {m_tables, m_paired, m_clients}) {
        FitColumnsToContent(*list); // long questions scroll sideways, never cut
        list->Thaw();
    }
}

void StatsDialog::FillTables() {
    // Laid out like tables 1-2: how many filled in the form, then per question
    // how many answered yes (no, not answered) - never raw scale steps.
    for (const reports::PhaseTable& table : Statistics().tables) {
        AddRow(m_tables, {TableTitle(table.phase)}, true);
        AddRow(m_tables, {FilledIn(table.phase), Count(table.forms)});
        std::string group;
        for (const reports::TableRowCount& r : table.rows) {
            if (!r.group.empty() && r.group != group) // a multiple choice: the question once
                AddRow(m_tables, {RowLabel({}, r.group, r.clinicDefined)});
            group = r.group;
            const auto cells = reports::SuppressedRow({r.yes, r.no, r.unanswered});
            const wxString label = r.group.empty() ? RowLabel({}, r.label, r.clinicDefined)
                                                   : "    " + wxString::FromUTF8(r.label);
            AddRow(m_tables, {label, cells[0], cells[1], cells[2]});
        }
    }
}

void StatsDialog::FillPaired() {
    for (const reports::PairedTable* t :
         {&Statistics().startToEnd, &Statistics().startToFollowUp}) {
        AddRow(m_paired,
               {t->to == journal::FormPhase::End ? _("Start -> end of treatment, the same clients")
                                                 : _("Start -> follow-up, the same clients")},
               true);
        AddRow(m_paired, {_("Clients with both forms"), Count(t->clients)});
        std::string group;
        for (const reports::PairedRow& r : t->rows) {
            if (!r.group.empty() && r.group != group)
                AddRow(m_paired, {RowLabel({}, r.group, r.clinicDefined)});
            group = r.group;
            const auto cells = reports::SuppressedRow({r.yesYes, r.yesNo, r.noYes, r.noNo});
            const wxString label = r.group.empty() ? RowLabel({}, r.label, r.clinicDefined)
                                                   : "    " + wxString::FromUTF8(r.label);
            AddRow(m_paired, {label, cells[0], cells[1], cells[2], cells[3]});
        }
    }
}

void StatsDialog::FillClients() {
    const reports::ClinicStatistics& st = Statistics();
    AddRow(m_clients, {_("Clients")}, true);
    AddRow(m_clients, {_("Clients seen (with a session in the years)"), Count(st.clientsSeen)});
    AddRow(m_clients, {_("of whom relatives in parallel treatment"), Count(st.relativesSeen)});
    for (auto r : kSeekReasons)
        AddRow(m_clients, {_("Seeking help for:") + " " + SeekReasonName(r),
                           Count(st.byReason.count(r) ? st.byReason.at(r) : 0)});
    AddRow(m_clients, {_("Seeking help for: not recorded"), Count(st.reasonNotRecorded)});
    for (auto r : kReferralRoutes)
        AddRow(m_clients, {_("Came through:") + " " + ReferralName(r),
                           Count(st.byReferral.count(r) ? st.byReferral.at(r) : 0)});
    AddRow(m_clients, {_("New treatment episodes"), Count(st.newEpisodes)});
    AddRow(m_clients, {_("of which returning clients"), Count(st.returningEpisodes)});
    AddRow(m_clients, {_("Sessions")}, true);
    for (const auto& [type, n] : st.sessionsByType)
        AddRow(m_clients, {Name(type), Count(n)});
    for (const auto& [therapist, n] : st.sessionsByTherapist)
        AddRow(m_clients, {_("Sessions by") + " " + wxString::FromUTF8(therapist), Count(n)});
    AddRow(m_clients, {_("Waiting and length")}, true);
    AddRow(m_clients,
           {wxString::Format(_("Median days from first contact to first visit (%s clients)"),
                             Count(st.waitingCount)),
            Median(st.medianWaitingDays, st.waitingCount)});
    AddRow(m_clients,
           {wxString::Format(_("Median months of treatment (%s ended)"), Count(st.treatmentCount)),
            Median(st.medianTreatmentMonths, st.treatmentCount)});
    AddRow(m_clients, {_("Follow-ups")}, true);
    for (auto o : {journal::FollowUpOutcome::Held, journal::FollowUpOutcome::Declined,
                   journal::FollowUpOutcome::NotReached, journal::FollowUpOutcome::Planned})
        AddRow(m_clients, {_("Follow-ups") + " " + OutcomeName(o), Count(st.followUps.at(o))});
    AddRow(m_clients, {_("Forms")}, true);
    const wxString phases[] = {_("Clients with a start form"), _("Clients with an end form"),
                               _("Clients with a follow-up form")};
    for (std::size_t p = 0; p < 3; ++p)
        AddRow(m_clients, {phases[p], Count(st.withForm[p])});
    AddRow(m_clients, {_("Clients with all three forms"), Count(st.withAllThree)});
}

wxListCtrl* StatsDialog::List(Page page) const {
    return page == kTables ? m_tables : page == kPaired ? m_paired : m_clients;
}

long StatsDialog::Rows(Page page) const {
    return List(page)->GetItemCount();
}

wxString StatsDialog::Cell(long row, int column, Page page) const {
    wxListItem item;
    item.SetId(row);
    item.SetColumn(column);
    item.SetMask(wxLIST_MASK_TEXT);
    return List(page)->GetItem(item) ? item.GetText() : wxString();
}

void StatsDialog::ExportCounts(const std::filesystem::path& file) const {
    Export(reporting::ReportKind::Statistics, file);
}

void StatsDialog::ExportAnswers(const std::filesystem::path& file) const {
    Export(reporting::ReportKind::ResearchAnswers, file);
}

void StatsDialog::Export(reporting::ReportKind kind, const std::filesystem::path& file) const {
    // Made as `kartbok-cli stats` makes it (ReportJob): the same file and the
    // same audit record, written through vault::Export.
    RememberExportFolder(file);
    reporting::ReportRequest request;
    request.kind = kind;
    request.fromYear = Statistics().options.fromYear;
    request.toYear = Statistics().options.toYear;
    request.buyersOnly = kind == reporting::ReportKind::ResearchAnswers && m_showBuyers;
    request.language = CurrentLanguage();
    request.out = file;
    reporting::MakeReport(m_vault, m_templates, request);
}

void StatsDialog::AskAndExport(bool answers) {
    if (!m_computed && !Compute(m_from->GetValue(), m_to->GetValue(), m_buyersOnly->GetValue()))
        return;
    const auto& range = Statistics().options;
    const wxString name =
        wxString::Format(answers ? "kartbok-answers-%d-%d.csv" : "kartbok-statistics-%d-%d.csv",
                         range.fromYear, range.toYear);
    wxFileDialog dialog(this, answers ? _("Export answers for research") : _("Export counts"),
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
                     _("Clinic statistics"), wxOK | wxICON_WARNING, this);
    }
}

} // namespace kartbok::app
