#pragma once
// The Forms tab: which self-rating forms (start / end / follow-up) the client
// has filled in and which are missing, the answers side by side, a small line
// chart per scale and frequency item, and "Fill in form..." which hands the
// screen to the client (ClientModeFrame). All numbers come from
// reports::CollectForms, so the tab and the follow-up brief never disagree.

#include "forms/ClientModeFrame.h"
#include "model/CaseDocument.h"
#include "model/FormsPresenter.h"

#include "kartbok/journal/TemplateLoader.h"
#include "kartbok/reports/Forms.h"

#include <wx/panel.h>
#include <wx/weakref.h>

#include <array>
#include <functional>
#include <string>

class wxButton;
class wxChoice;
class wxListCtrl;
class wxStaticText;

namespace kartbok::vault {
class Vault;
}

namespace kartbok::app {

/// True when the password opens the vault the app has unlocked: opens a second,
/// throw-away Vault on the same folder (~0.7 s of Argon2id, on purpose). Used to
/// leave client mode, so a client cannot reach the case by closing the form.
bool CheckPassword(const vault::Vault* vault, const std::string& password);

class FormChart;

class FormsPage : public wxPanel {
public:
    explicit FormsPage(wxWindow* parent);
    /// Client mode never outlives the page whose case it stores into.
    ~FormsPage() override;

    void SetDocument(CaseDocument* document);
    void DocumentChanged();

    /// True when the password opens the vault; set by the frame.
    std::function<bool(const std::string&)> checkPassword;

    /// Opens client mode with the form meant for the phase. Returns the frame
    /// (owned by wx), or nullptr when no form template exists for it.
    ClientModeFrame* FillInForm(journal::FormPhase phase);
    ClientModeFrame* ClientMode() { return m_clientMode.get(); }
    const reports::FormsOverTime& Forms() const { return m_forms; }
    /// The status line of one phase, as shown ("Start: 2026-03-01").
    wxString PhaseText(std::size_t phase) const;
    /// Whether the phase's form is filled in, due now, missing or not yet due.
    FormDue DueOf(std::size_t phase) const;
    /// Rows of the answers table: question, start, end, follow-up.
    long AnswerRows() const;
    wxString AnswerCell(long row, int column) const;

private:
    void Update();
    void Store(journal::FormResponse response);

    CaseDocument* m_document = nullptr;
    journal::TemplateSet m_templates;
    reports::FormsOverTime m_forms;
    std::array<wxStaticText*, reports::kPhaseCount> m_phaseText{};
    wxChoice* m_phaseChoice = nullptr;
    wxButton* m_fill = nullptr;
    wxListCtrl* m_answers = nullptr;
    FormChart* m_chart = nullptr;
    wxWeakRef<ClientModeFrame> m_clientMode;
};

} // namespace kartbok::app
