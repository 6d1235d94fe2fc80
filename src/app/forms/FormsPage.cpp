#include "forms/FormsPage.h"

#include "common/ClinicalNames.h"
#include "common/Label.h"
#include "common/Labels.h"
#include "common/ListColumns.h"
#include "common/Palette.h"
#include "common/TemplateCatalog.h"
#include "common/Translations.h"
#include "forms/ClientModeFrame.h"
#include "forms/FormChart.h"
#include "model/ClientListPresenter.h"

#include "kartbok/journal/FormCommands.h"
#include "kartbok/vault/Vault.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

namespace kartbok::app {

using journal::FormPhase;

bool CheckPassword(const vault::Vault* vault, const std::string& password) {
    if (!vault || vault->IsLocked() || password.empty())
        return false;
    try {
        return vault->CheckPassword(vault->User(), password);
    } catch (const std::exception&) {
        return false;
    }
}

FormsPage::FormsPage(wxWindow* parent) : wxPanel(parent) {
    SetName("forms_page");
    m_templates = AppTemplates(this);

    // The phases, then what to fill in; the second part moves under the first
    // when the window is narrow.
    auto* status = new wxWrapSizer(wxHORIZONTAL);
    auto* phases = new wxBoxSizer(wxHORIZONTAL);
    for (std::size_t i = 0; i < reports::kPhaseCount; ++i) {
        m_phaseText[i] = NewHeading(this, wxString());
        m_phaseText[i]->SetName(wxString::Format("phase_status_%d", static_cast<int>(i)));
        phases->Add(m_phaseText[i], 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 28);
    }
    status->Add(phases, 0, wxALIGN_CENTER_VERTICAL | wxBOTTOM, 4);
    auto* fill = new wxBoxSizer(wxHORIZONTAL);
    m_phaseChoice = new wxChoice(this, wxID_ANY);
    m_phaseChoice->SetName("form_phase");
    for (FormPhase p : reports::kPhases)
        m_phaseChoice->Append(Name(p));
    m_phaseChoice->SetSelection(0);
    m_fill = new wxButton(this, wxID_ANY, _("Fill in form..."));
    m_fill->SetName("fill_in_form");
    m_fill->SetToolTip(_("Hand the screen to the client: the form fills the screen and only "
                         "the vault password leaves it"));
    fill->Add(m_phaseChoice, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    fill->Add(m_fill, 0, wxALIGN_CENTER_VERTICAL);
    status->Add(fill, 0, wxALIGN_CENTER_VERTICAL | wxBOTTOM, 4);

    m_answers = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxLC_REPORT | wxLC_SINGLE_SEL);
    m_answers->SetName("form_answers");
    // Its columns fit their texts; the list scrolls sideways instead of taking the chart's room.
    m_answers->SetMinSize(FromDIP(wxSize(300, 200)));
    m_answers->AppendColumn(_("Question"), wxLIST_FORMAT_LEFT, FromDIP(270));
    for (FormPhase p : reports::kPhases)
        m_answers->AppendColumn(Name(p), wxLIST_FORMAT_LEFT, FromDIP(150));
    // Where each question comes from: a published table or description, or the
    // clinic's own (never a validated scale).
    m_answers->AppendColumn(_("Source"), wxLIST_FORMAT_LEFT, FromDIP(300));
    m_chart = new FormChart(this);

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(status, 0, wxEXPAND | wxALL, 8);
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    body->Add(m_answers, 2, wxEXPAND | wxRIGHT, 6);
    body->Add(m_chart, 1, wxEXPAND);
    outer->Add(body, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(outer);

    m_fill->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int i = m_phaseChoice->GetSelection();
        if (i >= 0)
            FillInForm(reports::kPhases[static_cast<std::size_t>(i)]);
    });
    SetDocument(nullptr);
}

FormsPage::~FormsPage() {
    if (m_clientMode)
        m_clientMode->Destroy();
}

void FormsPage::SetDocument(CaseDocument* document) {
    if (document != m_document && m_clientMode) {
        // A form begun for one client never stays on screen for another.
        m_clientMode->Destroy();
        m_clientMode = nullptr;
    }
    m_document = document;
    Update();
}

void FormsPage::DocumentChanged() {
    Update();
}

void FormsPage::Update() {
    m_forms = m_document ? reports::CollectForms(m_document->Case(), m_templates, CurrentLanguage())
                         : reports::FormsOverTime{};
    for (std::size_t i = 0; i < reports::kPhaseCount; ++i) {
        const wxString text = m_document ? PhaseText(i) : wxString();
        if (m_phaseText[i]->GetLabelText() != text)
            SetHeading(m_phaseText[i], text);
        const FormDue due = DueOf(i);
        m_phaseText[i]->SetForegroundColour(due == FormDue::Present   ? palette::kGood
                                            : due == FormDue::Missing ? palette::kError
                                            : due == FormDue::Due     ? palette::kWarning
                                                                      : palette::kAxis);
    }
    m_fill->Enable(m_document && !m_document->ReadOnly());

    m_answers->Freeze();
    m_answers->DeleteAllItems();
    long row = 0;
    std::string section;
    for (const auto& item : m_forms.items) {
        if (!item.AnyValue())
            continue;
        if (item.sectionTitle != section) {
            section = item.sectionTitle;
            m_answers->InsertItem(row, wxString::FromUTF8(section));
            m_answers->SetItemTextColour(row, palette::kAccent);
            m_answers->SetItemFont(row, m_answers->GetFont().Bold());
            ++row;
        }
        m_answers->InsertItem(row, wxString::FromUTF8(item.title));
        for (std::size_t p = 0; p < reports::kPhaseCount; ++p)
            m_answers->SetItem(row, static_cast<int>(p) + 1, wxString::FromUTF8(item.display[p]));
        if (item.known)
            m_answers->SetItem(row, static_cast<int>(reports::kPhaseCount) + 1,
                               ProvenanceLabel(item.source));
        if (reports::ChangedLittle(item))
            m_answers->SetItemBackgroundColour(row, palette::kNoticeBackground);
        ++row;
    }
    if (row == 0 && m_document)
        m_answers->InsertItem(0, _("No form has been filled in yet."));
    FitColumnsToContent(*m_answers); // long questions scroll sideways, never cut
    m_answers->Thaw();
    m_chart->SetForms(m_forms);
    Layout();
}

FormDue FormsPage::DueOf(std::size_t phase) const {
    return m_document ? FormDueState(m_forms.phases[phase]) : FormDue::NotYetDue;
}

wxString FormsPage::PhaseText(std::size_t phase) const {
    const auto& s = m_forms.phases[phase];
    const wxString name = Name(s.phase);
    switch (DueOf(phase)) {
    case FormDue::NotNeeded: // a follow-up declined or that never reached them
        return name + ": " +
               wxString::Format(_("none (follow-up %s)"), OutcomeName(*s.followUpOutcome));
    case FormDue::Present:
        return name + ": " + wxString::FromUTF8(s.date.Iso()) + wxString::FromUTF8(" ✓");
    case FormDue::Due:
        return name + ": " + _("to fill in now");
    case FormDue::Missing:
        return name + ": " + _("missing");
    case FormDue::NotYetDue:
        break;
    }
    if (s.dueFrom.Set())
        return name + ": " +
               wxString::Format(_("due from %s"), wxString::FromUTF8(s.dueFrom.Iso()));
    return name + ": " + _("not yet due");
}

long FormsPage::AnswerRows() const {
    return m_answers->GetItemCount();
}

wxString FormsPage::AnswerCell(long row, int column) const {
    return m_answers->GetItemText(row, column);
}

ClientModeFrame* FormsPage::FillInForm(FormPhase phase) {
    if (!m_document || m_document->ReadOnly() || m_clientMode)
        return m_clientMode.get();
    const journal::Template* form = nullptr;
    for (const auto* t : m_templates.OfKind(journal::TemplateKind::Form))
        if (t->phase == phase)
            form = t;
    if (!form) {
        wxMessageBox(_("No self-rating form is installed for this phase."), _("Forms"),
                     wxOK | wxICON_INFORMATION, this);
        return nullptr;
    }
    m_clientMode = new ClientModeFrame(
        wxGetTopLevelParent(this), *form, phase,
        [this](const std::string& password) { return checkPassword && checkPassword(password); },
        [this](journal::FormResponse response) { Store(std::move(response)); });
    m_clientMode->Show();
    m_clientMode->Raise();
    return m_clientMode.get();
}

void FormsPage::Store(journal::FormResponse response) {
    m_clientMode = nullptr;
    if (!m_document || response.answers.empty())
        return;
    try {
        m_document->Execute(std::make_unique<CaseEdit>(
            std::make_unique<journal::AddFormResponse>(std::move(response)),
            _("Add form").ToStdString(wxConvUTF8)));
    } catch (const std::exception& e) {
        wxMessageBox(_("The form could not be stored:") + "\n\n" + wxString::FromUTF8(e.what()),
                     _("Forms"), wxOK | wxICON_WARNING, this);
    }
}

} // namespace kartbok::app
