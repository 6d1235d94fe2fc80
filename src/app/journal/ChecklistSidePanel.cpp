#include "journal/ChecklistSidePanel.h"

#include "common/ChecklistLabels.h"
#include "common/Label.h"
#include "common/Labels.h"
#include "common/Palette.h"
#include "common/Perform.h"
#include "common/TemplateCatalog.h"
#include "common/Translations.h"
#include "common/Utf8.h"
#include "model/InterviewPresenter.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace kartbok::app {

namespace {
constexpr int kFirstPersonId = wxID_HIGHEST + 300;
}

ChecklistSidePanel::ChecklistSidePanel(wxWindow* parent, CaseDocument& document,
                                       std::string sessionId)
    : wxPanel(parent), m_document(document), m_sessionId(std::move(sessionId)) {
    SetName("checklist_side_panel");
    m_templates = AppTemplates(this);
    m_choice = new wxChoice(this, wxID_ANY);
    m_choice->SetName("side_checklist_choice");
    // The same offer as the Deep-interview tab: in a relative's own case the
    // relatives' checklist first, in an index client's case none meant for relatives.
    for (const std::string& id : OfferedChecklists(&m_document.Case(), m_templates))
        if (const auto* t = m_templates.Find(id);
            t && (id == kDeepInterviewId || id == kRelativesSupportId)) {
            m_checklistIds.push_back(id);
            m_choice->Append(FromUtf8(t->title.In(CurrentLanguage())));
        }
    if (!m_checklistIds.empty())
        m_choice->SetSelection(0);
    auto* heading = NewHeading(this, _("Topics in this session"));
    auto* hide = new wxButton(this, wxID_ANY, wxString::FromUTF8("\u00BB"), wxDefaultPosition,
                              wxDefaultSize, wxBU_EXACTFIT);
    hide->SetName("hide_topics");
    hide->SetToolTip(_("Fold the topics away to give the note more room"));
    m_progress = new wxStaticText(this, wxID_ANY, wxString());
    m_progress->SetName("side_progress");
    m_progress->SetForegroundColour(palette::kMutedText);
    m_list = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                  wxVSCROLL | wxBORDER_THEME);
    m_list->SetName("side_topics");
    m_list->SetScrollRate(0, GetCharHeight());
    m_list->SetToolTip(_("Tick the topics that came up in this session"));

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(heading, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(hide, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(4));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    sizer->Add(m_choice, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    sizer->Add(m_progress, 0, wxBOTTOM, FromDIP(4));
    sizer->Add(m_list, 1, wxEXPAND);
    SetSizer(sizer);

    m_choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        if (e.GetSelection() >= 0 && e.GetSelection() < static_cast<int>(m_checklistIds.size())) {
            m_templateId = m_checklistIds[static_cast<std::size_t>(e.GetSelection())];
            Reload();
        }
    });
    hide->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (onHide)
            onHide();
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

void ChecklistSidePanel::BuildRows() {
    m_list->Freeze();
    m_list->DestroyChildren();
    m_rows.clear();
    m_items.clear();
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto* t = Checklist();
    const std::string language = CurrentLanguage();
    const int pad = FromDIP(4);
    for (const auto& section : t ? t->sections : std::vector<journal::TemplateSection>{}) {
        if (t->sections.size() > 1) {
            auto* head = new WrappingText(m_list, FromUtf8(section.title.In(language)));
            head->SetForegroundColour(palette::kAccent);
            sizer->Add(head, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, pad);
        }
        for (const auto& item : section.items) {
            Row row;
            row.itemId = item.id;
            row.tick = new wxCheckBox(m_list, wxID_ANY, wxString());
            row.tick->SetName(FromUtf8("topic_" + item.id));
            row.title = new WrappingText(m_list, FromUtf8(item.title.In(language)));
            row.detail = new WrappingText(m_list, wxString());
            row.detail->SetForegroundColour(palette::kMutedText);
            row.people = new wxButton(m_list, wxID_ANY, _("People..."), wxDefaultPosition,
                                      wxDefaultSize, wxBU_EXACTFIT);
            row.people->SetName(FromUtf8("topic_people_" + item.id));
            row.people->SetToolTip(_("Which people on the family map this topic concerns"));
            auto* text = new wxBoxSizer(wxVERTICAL);
            text->Add(row.title, 0, wxEXPAND);
            text->Add(row.detail, 0, wxEXPAND);
            text->Add(row.people, 0, wxTOP, FromDIP(2));
            auto* line = new wxBoxSizer(wxHORIZONTAL);
            line->Add(row.tick, 0, wxALIGN_TOP | wxRIGHT, pad);
            line->Add(text, 1);
            sizer->Add(line, 0, wxEXPAND | wxALL, pad);
            const std::string id = item.id;
            row.tick->Bind(wxEVT_CHECKBOX,
                           [this, id](wxCommandEvent& e) { Tick(id, e.IsChecked()); });
            // The words are part of the tick box: a click on them ticks too.
            row.title->Bind(wxEVT_LEFT_DOWN, [this, id](wxMouseEvent&) {
                if (const Row* r = RowOf(id); r && r->tick->IsEnabled())
                    Tick(id, !r->tick->GetValue());
            });
            row.people->Bind(wxEVT_BUTTON, [this, id](wxCommandEvent&) { ChoosePeople(id); });
            m_rows.push_back(row);
            m_items.push_back(id);
        }
    }
    m_list->SetSizer(sizer);
    m_list->Thaw();
    m_builtFor = m_templateId;
}

void ChecklistSidePanel::Reload() {
    if (m_builtFor != m_templateId || m_rows.empty())
        BuildRows();
    const auto* t = Checklist();
    if (!t) {
        m_progress->SetLabel(wxString());
        return;
    }
    const ChecklistView view(m_document.Case(), *t);
    const bool editable = !m_document.ReadOnly() && view.Editable() &&
                          m_document.Case().FindSession(m_sessionId) != nullptr;
    const auto& family = m_document.Family();
    for (const Row& row : m_rows) {
        const auto entry = view.Entry(row.itemId);
        const bool linked =
            std::count(entry.sessionIds.begin(), entry.sessionIds.end(), m_sessionId) > 0;
        row.tick->SetValue(linked);
        row.tick->Enable(editable);
        wxString detail;
        if (entry.state != journal::TopicState::NotYet)
            detail = Name(entry.state);
        wxString people;
        for (auto person : entry.people)
            if (family.FindPerson(person))
                people += (people.empty() ? "" : ", ") + PersonLabel(family, person);
        if (!people.empty())
            detail += (detail.empty() ? "" : wxString::FromUTF8(" · ")) + people;
        row.detail->SetLabel(detail);
        row.detail->Show(!detail.empty());
        // People are said for the topics of this session; others keep their line.
        row.people->Show(linked);
        row.people->Enable(editable);
    }
    const wxString progress =
        wxString::Format(_("%d of %d covered"), view.CoveredCount(), view.TopicCount());
    if (m_progress->GetLabel() != progress)
        m_progress->SetLabel(progress);
    m_list->FitInside();
    m_list->Layout();
    Layout();
}

const ChecklistSidePanel::Row* ChecklistSidePanel::RowOf(const std::string& itemId) const {
    for (const Row& row : m_rows)
        if (row.itemId == itemId)
            return &row;
    return nullptr;
}

bool ChecklistSidePanel::IsTicked(const std::string& itemId) const {
    const Row* row = RowOf(itemId);
    return row && row->tick->GetValue();
}

wxString ChecklistSidePanel::DetailText(const std::string& itemId) const {
    const Row* row = RowOf(itemId);
    return row ? row->detail->Text() : wxString();
}

void ChecklistSidePanel::Execute(journal::CaseCommandPtr command, const wxString& title) {
    Perform(this, &m_document,
            std::make_unique<CaseEdit>(std::move(command),
                                       Utf8(wxString::Format(_("Topic %s"), title))),
            _("Deep interview"));
    Reload();
}

void ChecklistSidePanel::Tick(const std::string& itemId, bool linked) {
    const auto* t = Checklist();
    if (!t || m_document.ReadOnly())
        return;
    const auto* item = t->FindItem(itemId);
    Execute(ChecklistView(m_document.Case(), *t).MakeToggleSession(itemId, m_sessionId, linked),
            FromUtf8(item ? item->title.In(CurrentLanguage()) : itemId));
}

void ChecklistSidePanel::SetPerson(const std::string& itemId, genogram::PersonId person,
                                   bool concerns) {
    const auto* t = Checklist();
    if (!t || m_document.ReadOnly())
        return;
    const ChecklistView view(m_document.Case(), *t);
    journal::TopicEntry entry = view.Entry(itemId);
    auto& people = entry.people;
    const bool has = std::find(people.begin(), people.end(), person) != people.end();
    if (has == concerns)
        return;
    if (concerns)
        people.push_back(person);
    else
        people.erase(std::remove(people.begin(), people.end(), person), people.end());
    const auto* item = t->FindItem(itemId);
    Execute(view.MakeSet(std::move(entry)),
            FromUtf8(item ? item->title.In(CurrentLanguage()) : itemId));
}

void ChecklistSidePanel::ChoosePeople(const std::string& itemId) {
    const auto* t = Checklist();
    const Row* row = RowOf(itemId);
    if (!t || !row)
        return;
    const auto& family = m_document.Family();
    const auto entry = ChecklistView(m_document.Case(), *t).Entry(itemId);
    const auto people = LinkablePeople(family);
    wxMenu menu;
    for (std::size_t i = 0; i < people.size(); ++i) {
        auto* mi = menu.AppendCheckItem(kFirstPersonId + static_cast<int>(i),
                                        PersonLabel(family, people[i]));
        mi->Check(std::count(entry.people.begin(), entry.people.end(), people[i]) > 0);
    }
    menu.Bind(wxEVT_MENU, [&](wxCommandEvent& e) {
        const auto i = static_cast<std::size_t>(e.GetId() - kFirstPersonId);
        if (i < people.size())
            SetPerson(itemId, people[i], e.IsChecked());
    });
    row->people->PopupMenu(&menu, 0, row->people->GetSize().y);
}

} // namespace kartbok::app
