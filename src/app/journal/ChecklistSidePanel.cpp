#include "journal/ChecklistSidePanel.h"

#include "common/Label.h"
#include "common/Labels.h"

#include "common/ChecklistLabels.h"
#include "common/TemplateCatalog.h"
#include "common/Translations.h"

#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace kartbok::app {

ChecklistSidePanel::ChecklistSidePanel(wxWindow* parent, CaseDocument& document,
                                       std::string sessionId)
    : wxPanel(parent), m_document(document), m_sessionId(std::move(sessionId)) {
    SetName("checklist_side_panel");
    m_templates = AppTemplates(this);
    m_choice = new wxChoice(this, wxID_ANY);
    m_choice->SetName("side_checklist_choice");
    for (const char* id : {kDeepInterviewId, kRelativesSupportId})
        if (const auto* t = m_templates.Find(id)) {
            m_checklistIds.push_back(id);
            m_choice->Append(wxString::FromUTF8(t->title.In(CurrentLanguage())));
        }
    if (!m_checklistIds.empty())
        m_choice->SetSelection(0);
    auto* heading = NewHeading(this, _("Topics in this session"));
    m_progress = new wxStaticText(this, wxID_ANY, wxString());
    m_progress->SetForegroundColour(wxColour(90, 90, 90));
    m_list = new wxCheckListBox(this, wxID_ANY);
    m_list->SetName("side_topics");
    m_list->SetToolTip(_("Tick the topics that came up in this session"));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading, 0, wxBOTTOM, 4);
    sizer->Add(m_choice, 0, wxEXPAND | wxBOTTOM, 4);
    sizer->Add(m_progress, 0, wxBOTTOM, 4);
    sizer->Add(m_list, 1, wxEXPAND);
    SetSizer(sizer);

    m_choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        if (e.GetSelection() >= 0 && e.GetSelection() < static_cast<int>(m_checklistIds.size())) {
            m_templateId = m_checklistIds[e.GetSelection()];
            Reload();
        }
    });
    m_list->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& e) {
        const int i = e.GetInt();
        if (i >= 0 && i < static_cast<int>(m_items.size()))
            Tick(m_items[i], m_list->IsChecked(i));
    });
    Reload();
}

const journal::Template* ChecklistSidePanel::Checklist() const {
    return m_templates.Find(m_templateId);
}

void ChecklistSidePanel::SetSession(std::string sessionId) {
    m_sessionId = std::move(sessionId);
    Reload();
}

void ChecklistSidePanel::Reload() {
    const auto* t = Checklist();
    m_items.clear();
    wxArrayString rows;
    std::vector<bool> checked;
    if (t) {
        const ChecklistView view(m_document.Case(), *t);
        for (const auto* item : t->Items()) {
            const auto entry = view.Entry(item->id);
            m_items.push_back(item->id);
            wxString row = wxString::FromUTF8(item->title.In(CurrentLanguage()));
            if (entry.state != journal::TopicState::NotYet)
                row += wxString::FromUTF8(" – ") + Name(entry.state).Lower();
            rows.Add(row);
            checked.push_back(
                std::count(entry.sessionIds.begin(), entry.sessionIds.end(), m_sessionId) > 0);
        }
        m_progress->SetLabel(
            wxString::Format(_("%d of %d covered"), view.CoveredCount(), view.TopicCount()));
    }
    if (m_list->GetStrings() != rows)
        m_list->Set(rows);
    for (unsigned i = 0; i < checked.size(); ++i)
        m_list->Check(i, checked[i]);
    const bool editable = !m_document.ReadOnly() && m_document.Case().FindSession(m_sessionId);
    m_list->Enable(editable);
}

void ChecklistSidePanel::Tick(const std::string& itemId, bool linked) {
    const auto* t = Checklist();
    if (!t || m_document.ReadOnly())
        return;
    const auto* item = t->FindItem(itemId);
    const wxString title = wxString::FromUTF8(item ? item->title.In(CurrentLanguage()) : itemId);
    try {
        m_document.Execute(std::make_unique<CaseEdit>(
            ChecklistView(m_document.Case(), *t).MakeToggleSession(itemId, m_sessionId, linked),
            wxString::Format(_("Topic %s"), title).ToStdString(wxConvUTF8)));
    } catch (const std::exception& e) {
        wxMessageBox(_("This change cannot be made:") + "\n\n" + wxString::FromUTF8(e.what()),
                     _("Deep interview"), wxOK | wxICON_INFORMATION, this);
    }
    Reload();
}

} // namespace kartbok::app
