// The deep interview and the family map, side by side: the people a topic
// concerns are shown on or picked from the map, and the person selected on the
// map lists the topics that concern them.
#include "interview/InterviewPage.h"

#include "common/ChecklistLabels.h"
#include "common/Label.h"
#include "common/Labels.h"
#include "common/ListColumns.h"
#include "common/Translations.h"
#include "map/MapCanvas.h"
#include "map/MapPage.h"

#include <wx/bookctrl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>

#include <algorithm>

namespace kartbok::app {

using journal::TopicEntry;

void InterviewPage::BuildPersonTopics() {
    // Bottom: the person selected on the map and the topics that concern them.
    m_personTitle = new WrappingText(this, wxString(), 1.0);
    m_personTitle->SetName("person_topics_title");
    m_personTopics = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(110)),
                                    wxLC_REPORT | wxLC_SINGLE_SEL);
    m_personTopics->SetName("person_topics");
    m_personTopics->AppendColumn(Name(journal::Heading::Topic));
    m_personTopics->AppendColumn(Name(journal::Heading::TopicState));
    m_personTopics->AppendColumn(Name(journal::Heading::Note));
}

void InterviewPage::FitPersonTopicColumns() {
    FitColumnsToContent(*m_personTopics); // the list scrolls sideways rather than cut
}

void InterviewPage::ShowOnMap() {
    if (!m_document || m_itemId.empty())
        return;
    const TopicEntry entry = ShownEntry(m_itemId);
    auto* book = dynamic_cast<wxBookCtrlBase*>(GetParent());
    if (book) {
        const int page = book->FindPage(&m_map);
        if (page != wxNOT_FOUND)
            book->SetSelection(page);
    }
    MapCanvas& canvas = m_map.Canvas();
    canvas.ClearSelection();
    for (genogram::PersonId id : entry.people)
        canvas.SelectPerson(id, true);
    canvas.SetFocus();
}

void InterviewPage::PickFromMap() {
    const auto* t = Checklist();
    if (!t || !t->FindItem(m_itemId))
        return;
    TopicEntry entry = ChecklistView(m_document->Case(), *t).Entry(m_itemId);
    bool added = false;
    for (genogram::PersonId id : m_map.Canvas().SelectedPeople())
        if (std::count(entry.people.begin(), entry.people.end(), id) == 0) {
            entry.people.push_back(id);
            added = true;
        }
    if (!added) {
        wxMessageBox(_("Select one or more people on the family map first (Ctrl+click for "
                       "several), then come back and press this button."),
                     _("Deep interview"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    Apply(std::move(entry));
}

void InterviewPage::FollowMapSelection() {
    m_personTopics->DeleteAllItems();
    const genogram::PersonId person =
        m_document ? m_map.Canvas().SelectedPerson() : genogram::kNoId;
    if (person == genogram::kNoId || !m_document->Family().FindPerson(person)) {
        m_personTitle->SetLabel(
            _("Select a person on the family map to see the topics that concern them."));
        FitPersonTopicColumns();
        return;
    }
    const auto topics = TopicsForPerson(m_document->Case(), m_templates, person, CurrentLanguage());
    m_personTitle->SetLabel(wxString::Format(_("Topics that concern %s: %d"),
                                             PersonLabel(m_document->Family(), person),
                                             static_cast<int>(topics.size())));
    long row = 0;
    for (const auto& topic : topics) {
        m_personTopics->InsertItem(row, wxString::FromUTF8(topic.title));
        m_personTopics->SetItem(row, 1, Name(topic.state));
        wxString note = wxString::FromUTF8(topic.note);
        note.Replace("\n", " ");
        m_personTopics->SetItem(row, 2, note);
        ++row;
    }
    FitPersonTopicColumns();
}

std::vector<wxString> InterviewPage::PersonTopicRows() const {
    std::vector<wxString> rows;
    for (long i = 0; i < m_personTopics->GetItemCount(); ++i)
        rows.push_back(m_personTopics->GetItemText(i, 0) + " | " +
                       m_personTopics->GetItemText(i, 1));
    return rows;
}

} // namespace kartbok::app
