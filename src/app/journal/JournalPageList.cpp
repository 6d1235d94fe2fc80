// The Journal tab's left side and what folds away: the case's sessions as a
// table or a narrow timeline (columns as wide as their texts), the template
// of the next note, and whether the topics sit beside the note - switched by
// the user or forced by a narrow window (JournalPage.cpp builds the page).
#include "journal/JournalPage.h"
#include "journal/JournalPageSizes.h"

#include "common/JournalNames.h"
#include "common/Labels.h"
#include "common/Palette.h"
#include "common/Utf8.h"
#include "journal/ChecklistSidePanel.h"
#include "model/ClientListPresenter.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/settings.h>

#include <algorithm>

namespace kartbok::app {

using namespace kartbok::journal;

namespace {
enum ListColumn { kColumnDate, kColumnType, kColumnStatus, kColumnAuthor, kListColumns };
constexpr int kListPadding = 12; ///< a list column's margins around its text
} // namespace

void JournalPage::Rebuild() {
    m_rows = m_document ? BuildSessionRows(m_document->Case(), m_joint) : std::vector<SessionRow>{};
    if (m_document && m_document->Case().sessions.size() != m_sessionsSeen) {
        // The default template follows the case: first visit first, then SOAP.
        m_sessionsSeen = m_document->Case().sessions.size();
        const std::string wanted = DefaultNoteTemplate(m_document->Case(), m_templates);
        m_templateChoice->Clear();
        for (const Template* t : m_noteTemplates)
            m_templateChoice->Append(FromUtf8(t->title.In(Language())));
        for (std::size_t i = 0; i < m_noteTemplates.size(); ++i)
            if (m_noteTemplates[i]->id == wanted)
                m_templateChoice->SetSelection(static_cast<int>(i));
    }
    if (m_document && !m_document->Case().FindSession(m_current))
        m_current.clear();

    FillList();
}

void JournalPage::FillList() {
    // A timeline is one column: the date with the type's colour, drafts in orange.
    const bool timeline = TimelineShown();
    const int columns = timeline ? 1 : kListColumns;
    m_rebuilding = true;
    m_list->Freeze();
    m_list->DeleteAllItems();
    if (m_list->GetColumnCount() != columns) {
        m_list->DeleteAllColumns();
        m_list->AppendColumn(_("Date"));
        if (!timeline) {
            m_list->AppendColumn(_("Type"));
            m_list->AppendColumn(_("Status"));
            m_list->AppendColumn(_("Author"));
        }
    }
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const auto& row = m_rows[i];
        const int image =
            static_cast<int>(std::find(kSessionTypes.begin(), kSessionTypes.end(), row.type) -
                             kSessionTypes.begin());
        if (row.joint) {
            // Written in the index client's case: there, not here - date and type only.
            const wxString where = wxString::Format(_("in %s"), FromUtf8(m_indexCode));
            const long item = m_list->InsertItem(
                static_cast<long>(i),
                timeline ? FormatDay(row.start) + wxString::FromUTF8(" · ") + _("Joint session")
                         : FormatTime(row.start),
                image);
            if (!timeline) {
                m_list->SetItem(item, kColumnType, _("Joint session"));
                m_list->SetItem(item, kColumnStatus, where);
            }
            m_list->SetItemTextColour(item, palette::kAxis);
            continue;
        }
        const wxString draft = row.isSigned ? wxString() : _("Draft");
        const long item = m_list->InsertItem(
            static_cast<long>(i),
            timeline
                ? FormatDay(row.start) + (draft.empty() ? "" : wxString::FromUTF8(" · ") + draft)
                : FormatTime(row.start),
            image);
        if (!timeline) {
            m_list->SetItem(item, kColumnType, Name(row.type));
            m_list->SetItem(item, kColumnStatus, row.isSigned ? _("Signed") : draft);
            m_list->SetItem(item, kColumnAuthor, FromUtf8(row.author));
        }
        if (!row.isSigned)
            m_list->SetItemTextColour(item, palette::kWarning);
        if (row.id == m_current) {
            m_list->SetItemState(item, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
            m_list->EnsureVisible(item);
        }
    }
    FitListColumns();
    m_list->Thaw();
    m_rebuilding = false;
}

int JournalPage::ListWidth(bool timeline) const {
    // Each column as wide as its title and its widest text (the marker in the first).
    const int columns = timeline ? 1 : kListColumns;
    std::vector<int> widths(static_cast<std::size_t>(columns), 0);
    auto fit = [&](int column, const wxString& text, int extra = 0) {
        auto& w = widths[static_cast<std::size_t>(column)];
        w = std::max(w, m_list->GetTextExtent(text).x + FromDIP(kListPadding) + extra);
    };
    const int marker = kMarkerSize + FromDIP(6);
    fit(kColumnDate, _("Date"));
    fit(kColumnDate,
        timeline ? wxString::FromUTF8("2026-12-31 · ") + _("Draft") : wxString("2026-12-31 00:00"),
        marker);
    if (timeline && !m_joint.empty())
        fit(kColumnDate, wxString::FromUTF8("2026-12-31 · ") + _("Joint session"), marker);
    if (!timeline) {
        fit(kColumnType, _("Type"));
        for (auto t : kSessionTypes)
            fit(kColumnType, Name(t));
        fit(kColumnType, _("Joint session"));
        fit(kColumnStatus, wxString::Format(_("in %s"), FromUtf8(m_indexCode)));
        fit(kColumnStatus, _("Status"));
        fit(kColumnStatus, _("Signed"));
        fit(kColumnStatus, _("Draft"));
        fit(kColumnAuthor, _("Author"));
        for (const auto& row : m_rows)
            fit(kColumnAuthor, FromUtf8(row.author));
    }
    int total = 0;
    for (int w : widths)
        total += w;
    return total;
}

void JournalPage::FitListColumns() {
    const bool timeline = TimelineShown();
    const int marker = kMarkerSize + FromDIP(6);
    auto width = [&](const wxString& text, int extra = 0) {
        return m_list->GetTextExtent(text).x + FromDIP(kListPadding) + extra;
    };
    std::vector<int> widths;
    if (timeline) {
        widths.push_back(ListWidth(true));
    } else {
        widths.push_back(std::max(width(_("Date")), width("2026-12-31 00:00", marker)));
        int type = width(_("Type"));
        for (auto t : kSessionTypes)
            type = std::max(type, width(Name(t)));
        widths.push_back(type);
        widths.push_back(std::max({width(_("Status")), width(_("Signed")), width(_("Draft"))}));
        int author = width(_("Author"));
        for (const auto& row : m_rows)
            author = std::max(author, width(FromUtf8(row.author)));
        widths.push_back(author);
    }
    for (int c = 0; c < m_list->GetColumnCount() && c < static_cast<int>(widths.size()); ++c)
        if (m_list->GetColumnWidth(c) != widths[static_cast<std::size_t>(c)])
            m_list->SetColumnWidth(c, widths[static_cast<std::size_t>(c)]);
    // The list asks for what its columns need; the panel follows.
    const int scrollbar = wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, m_list) + FromDIP(8);
    m_list->SetMinSize(wxSize(ListWidth(timeline) + scrollbar, -1));
}

bool JournalPage::TimelineShown() const {
    return m_layout.timeline || m_narrow;
}

void JournalPage::SetTimeline(bool timeline) {
    m_layout.timeline = timeline;
    LayoutMemory::RememberTimeline(timeline);
    FillList();
    Layout();
    FitLayout();
}

void JournalPage::ShowTopics(bool shown) {
    m_layout.topicPanel = shown;
    LayoutMemory::RememberTopicPanel(shown);
    if (m_checklist)
        m_checklist->Show(shown);
    m_showTopics->Show(!shown);
    m_draftPanel->Layout();
    FitLayout();
}

void JournalPage::FitLayout() {
    // The note gets the width: when the table, the note and the topics do not
    // fit side by side, the sessions become a timeline until the window is
    // wide enough again (the user's own choice is kept and comes back).
    const int scrollbar = wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, m_list) + FromDIP(8);
    const int topics = m_layout.topicPanel ? FromDIP(kTopicPanelWidth + 10) : FromDIP(30);
    const int needed =
        ListWidth(false) + scrollbar + FromDIP(16) + FromDIP(kEditorMinWidth) + topics;
    const bool narrow = GetClientSize().x > 0 && GetClientSize().x < needed;
    m_timeline->Enable(!narrow);
    m_timeline->SetValue(m_layout.timeline || narrow);
    if (narrow == m_narrow)
        return;
    m_narrow = narrow;
    FillList();
    Layout();
}

} // namespace kartbok::app
