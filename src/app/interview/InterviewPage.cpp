#include "interview/InterviewPage.h"

#include "common/CheckRows.h"
#include "common/ChecklistLabels.h"
#include "common/Label.h"
#include "common/Labels.h"
#include "common/ListColumns.h"
#include "common/Palette.h"
#include "common/Perform.h"
#include "common/TemplateCatalog.h"
#include "common/Translations.h"
#include "common/Utf8.h"
#include "map/MapCanvas.h"
#include "map/MapPage.h"

#include <wx/bookctrl.h>
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/imaglist.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>
#include <wx/wrapsizer.h>

#include <algorithm>

namespace kartbok::app {

using journal::TopicEntry;
using journal::TopicState;

namespace {

const RoomKey kCycleKey{
    {WXK_SPACE}, wxTRANSLATE("In the topic list: step the topic through not yet, partly, covered")};

/// The checklist item behind a tree row (sections carry none).
class TopicData : public wxTreeItemData {
public:
    explicit TopicData(std::string id) : itemId(std::move(id)) {}
    std::string itemId;
};

std::string ItemOf(const wxTreeCtrl& tree, const wxTreeItemId& id) {
    if (!id.IsOk())
        return {};
    const auto* data = dynamic_cast<TopicData*>(tree.GetItemData(id));
    return data ? data->itemId : std::string();
}

wxString Text(const journal::LocalText& t) {
    return wxString::FromUTF8(t.In(CurrentLanguage()));
}

} // namespace

const std::vector<RoomKey>& InterviewPage::Keys() {
    static const std::vector<RoomKey> keys{kCycleKey};
    return keys;
}

InterviewPage::InterviewPage(wxWindow* parent, MapPage& map) : wxPanel(parent), m_map(map) {
    SetName("interview_page");
    m_templates = AppTemplates(this);

    BuildInfoBar();
    wxSizer* top = BuildTop();
    m_tree = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxTR_HAS_BUTTONS | wxTR_HIDE_ROOT | wxTR_NO_LINES |
                                wxTR_FULL_ROW_HIGHLIGHT | wxTR_SINGLE);
    m_tree->SetName("topic_tree");
    const int icon = FromDIP(16);
    auto* images = new wxImageList(icon, icon, false);
    for (TopicState s : kTopicStates)
        images->Add(TopicStateIcon(s, icon));
    m_tree->AssignImageList(images);

    BuildDetail();
    BuildPersonTopics();

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(m_info, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    outer->Add(top, 0, wxEXPAND | wxALL, 8);
    // The tree as wide as its topics need; the topic beside it takes the rest,
    // everything in it wrapping and scrolling, so nothing is cut.
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    body->Add(m_tree, 2, wxEXPAND | wxRIGHT, 4);
    body->Add(m_detail, 3, wxEXPAND);
    outer->Add(body, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    outer->Add(m_personTitle, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    outer->Add(m_personTopics, 0, wxEXPAND | wxALL, 8);
    SetSizer(outer);

    BindControls();
    // The map's selection is read whenever this tab comes forward.
    parent->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, &InterviewPage::OnPageChanged, this);

    SetDocument(nullptr);
}

void InterviewPage::BuildInfoBar() {
    // Above all: why the answers are shown as they are (an older or newer version,
    // a template that is gone). A plain panel rather than wxInfoBar, as on the
    // Journal tab: GTK's info bar misdraws when the window is rebuilt.
    m_info = new wxPanel(this);
    m_info->SetName("checklist_info");
    m_info->SetBackgroundColour(palette::kNoticeBackground);
    m_infoText = new wxStaticText(m_info, wxID_ANY, wxString());
    m_infoText->SetName("checklist_info_text");
    m_upgrade = new wxButton(m_info, wxID_ANY, wxString());
    m_upgrade->SetName("checklist_upgrade");
    auto* infoSizer = new wxBoxSizer(wxHORIZONTAL);
    infoSizer->Add(m_infoText, 1, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(6));
    infoSizer->Add(m_upgrade, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(4));
    m_info->SetSizer(infoSizer);
    m_info->Hide();
}

wxSizer* InterviewPage::BuildTop() {
    // Which checklist, and how far it has come.
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    m_checklistChoice = new wxChoice(this, wxID_ANY);
    m_checklistChoice->SetName("checklist_choice");
    m_progress = NewHeading(this, wxString(), 1.2);
    m_progress->SetName("checklist_progress");
    top->Add(new wxStaticText(this, wxID_ANY, _("Checklist:")), 0,
             wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(m_checklistChoice, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 24);
    top->Add(m_progress, 1, wxALIGN_CENTER_VERTICAL);
    return top;
}

void InterviewPage::BindControls() {
    m_checklistChoice->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        if (e.GetSelection() >= 0 && e.GetSelection() < static_cast<int>(m_checklistIds.size()))
            ShowChecklist(m_checklistIds[e.GetSelection()]);
    });
    m_tree->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
        m_itemId = ItemOf(*m_tree, e.GetItem());
        ShowTopic();
    });
    m_tree->Bind(wxEVT_LEFT_DOWN, &InterviewPage::OnTreeClick, this);
    m_tree->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (Matches(kCycleKey.chord, e) && !m_itemId.empty())
            CycleState(m_itemId);
        else
            e.Skip();
    });
    m_state->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent& e) {
        EditShownTopic([&](TopicEntry& entry) { entry.state = kTopicStates[e.GetSelection()]; });
    });
    m_note->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        // Typing is one undo step per topic until the field is left.
        EditShownTopic([&](TopicEntry& entry) { entry.note = Utf8(m_note->GetValue()); },
                       "topic-note:" + m_templateId + ":" + m_itemId);
    });
    m_note->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        if (m_document)
            m_document->CloseMerge();
        e.Skip();
    });
    m_sessions->onToggle = [this](unsigned, bool) {
        EditShownTopic([&](TopicEntry& entry) {
            entry.sessionIds.clear();
            for (unsigned i = 0; i < m_sessions->GetCount(); ++i)
                if (m_sessions->IsChecked(i))
                    entry.sessionIds.push_back(m_sessionIds[i]);
        });
    };
    m_people->onToggle = [this](unsigned, bool) {
        EditShownTopic([&](TopicEntry& entry) {
            entry.people.clear();
            for (unsigned i = 0; i < m_people->GetCount(); ++i)
                if (m_people->IsChecked(i))
                    entry.people.push_back(m_peopleIds[i]);
        });
    };
    m_showOnMap->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowOnMap(); });
    m_pick->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { PickFromMap(); });
    m_upgrade->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { UpdateToCurrentVersion(); });
}

void InterviewPage::EditShownTopic(const std::function<void(TopicEntry&)>& change,
                                   const std::string& mergeKey) {
    if (m_updating || m_itemId.empty() || !Checklist())
        return;
    TopicEntry entry = ChecklistView(m_document->Case(), *Checklist()).Entry(m_itemId);
    change(entry);
    Apply(std::move(entry), mergeKey);
}

void InterviewPage::BuildDetail() {
    // The selected topic: its title, prompting questions, state, note, the
    // sessions it came up in and the people it concerns, one under the other.
    m_detail = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    m_detail->SetName("topic_detail");
    m_detail->SetScrollRate(0, GetCharHeight());
    m_title = new WrappingText(m_detail, wxString(), 1.3);
    m_title->SetName("topic_title");
    auto* helpBox = new wxPanel(m_detail);
    helpBox->SetBackgroundColour(palette::kQuietBackground);
    m_help = new WrappingText(helpBox, wxString());
    m_help->SetName("topic_help");
    auto* helpSizer = new wxBoxSizer(wxVERTICAL);
    helpSizer->Add(m_help, 0, wxEXPAND | wxALL, FromDIP(6));
    helpBox->SetSizer(helpSizer);
    wxArrayString states;
    for (TopicState s : kTopicStates)
        states.Add(Name(s));
    m_state = new wxRadioBox(m_detail, wxID_ANY, Name(journal::Heading::TopicState),
                             wxDefaultPosition, wxDefaultSize, states, 3, wxRA_SPECIFY_COLS);
    m_state->SetName("topic_state");
    m_note = new wxTextCtrl(m_detail, wxID_ANY, wxString(), wxDefaultPosition,
                            wxSize(-1, FromDIP(80)), wxTE_MULTILINE | wxTE_WORDWRAP);
    m_note->SetName("topic_note");
    m_sessions = new CheckRows(m_detail, 4);
    m_sessions->SetName("topic_sessions");
    m_people = new CheckRows(m_detail, 5);
    m_people->SetName("topic_people");
    m_pick = new wxButton(m_detail, wxID_ANY, _("Add people selected on map"));
    m_pick->SetName("pick_on_map");
    m_showOnMap = new wxButton(m_detail, wxID_ANY, _("Show on map"));
    m_showOnMap->SetName("show_on_map");

    auto* detail = new wxBoxSizer(wxVERTICAL);
    auto label = [&](journal::Heading h) {
        detail->Add(NewHeading(m_detail, Name(h)), 0, wxBOTTOM | wxTOP, FromDIP(3));
    };
    detail->Add(m_title, 0, wxEXPAND | wxBOTTOM, 6);
    detail->Add(helpBox, 0, wxEXPAND | wxBOTTOM, 8);
    detail->Add(m_state, 0, wxBOTTOM, 8);
    label(journal::Heading::Note);
    detail->Add(m_note, 0, wxEXPAND | wxBOTTOM, 8);
    label(journal::Heading::CameUpIn);
    detail->Add(m_sessions, 0, wxEXPAND | wxBOTTOM, 8);
    label(journal::Heading::Concerns);
    detail->Add(m_people, 0, wxEXPAND);
    auto* mapButtons = new wxWrapSizer(wxHORIZONTAL);
    mapButtons->Add(m_pick, 0, wxRIGHT | wxTOP, 4);
    mapButtons->Add(m_showOnMap, 0, wxTOP, 4);
    detail->Add(mapButtons, 0, wxEXPAND | wxBOTTOM, 8);
    auto* padded = new wxBoxSizer(wxVERTICAL);
    padded->Add(detail, 1, wxEXPAND | wxALL, 8);
    m_detail->SetSizer(padded);
}

void InterviewPage::OnPageChanged(wxBookCtrlEvent& event) {
    event.Skip();
    auto* book = dynamic_cast<wxBookCtrlBase*>(event.GetEventObject());
    if (book && book->GetCurrentPage() == this)
        FollowMapSelection();
}

const journal::Template* InterviewPage::Checklist() const {
    return m_document ? m_templates.Find(m_templateId) : nullptr;
}

void InterviewPage::SetDocument(CaseDocument* document) {
    m_document = document;
    FillChecklistChoice();
    BuildTree();
    FollowMapSelection();
}

void InterviewPage::FillChecklistChoice() {
    // A case may hold answers to a checklist whose template is gone: offer it too,
    // so those answers can still be read.
    m_checklistIds = OfferedChecklists(m_document ? &m_document->Case() : nullptr, m_templates);
    wxArrayString labels;
    for (const auto& id : m_checklistIds)
        if (const auto* t = m_templates.Find(id))
            labels.Add(Text(t->title));
        else
            labels.Add(wxString::Format(_("%s (unavailable)"), wxString::FromUTF8(id)));
    if (m_checklistChoice->GetStrings() != labels) {
        // Which checklists are offered depends on the case (a relative's own
        // case gets the relatives' one): the choice grows to its longest title.
        m_checklistChoice->Set(labels);
        m_checklistChoice->InvalidateBestSize();
        m_checklistChoice->SetMinSize(m_checklistChoice->GetBestSize());
        Layout();
    }
    auto it = std::find(m_checklistIds.begin(), m_checklistIds.end(), m_templateId);
    if (it == m_checklistIds.end() && !m_checklistIds.empty()) {
        m_templateId = m_checklistIds.front();
        it = m_checklistIds.begin();
    }
    if (it != m_checklistIds.end())
        m_checklistChoice->SetSelection(static_cast<int>(it - m_checklistIds.begin()));
}

void InterviewPage::ShowChecklist(const std::string& templateId) {
    m_templateId = templateId;
    const auto it = std::find(m_checklistIds.begin(), m_checklistIds.end(), templateId);
    if (it != m_checklistIds.end())
        m_checklistChoice->SetSelection(static_cast<int>(it - m_checklistIds.begin()));
    m_itemId.clear();
    BuildTree();
}

std::vector<TopicEntry> InterviewPage::KeptEntries() const {
    if (!m_document)
        return {};
    if (const auto* t = Checklist())
        return ChecklistView(m_document->Case(), *t).Kept();
    // No template loaded: every stored answer is shown as it was saved.
    const auto* run = FindRun(m_document->Case(), m_templateId);
    return run ? run->entries : std::vector<TopicEntry>{};
}

TopicEntry InterviewPage::ShownEntry(const std::string& itemId) const {
    const auto* t = Checklist();
    if (t && t->FindItem(itemId))
        return ChecklistView(m_document->Case(), *t).Entry(itemId);
    for (auto& e : KeptEntries())
        if (e.itemId == itemId)
            return e;
    TopicEntry fresh;
    fresh.itemId = itemId;
    return fresh;
}

void InterviewPage::UpdateInfo() {
    wxString text;
    bool canUpgrade = false;
    const auto* t = Checklist();
    const auto* run = m_document ? FindRun(m_document->Case(), m_templateId) : nullptr;
    if (run && !t) {
        text = wxString::Format(_("The template \"%s\" is not available. Its answers are shown "
                                  "as they were saved and cannot be changed."),
                                wxString::FromUTF8(m_templateId));
    } else if (run) {
        const ChecklistView view(m_document->Case(), *t);
        if (view.Age() == RunAge::Older) {
            text = wxString::Format(
                _("These answers were written with version %d of %s; shown with version %d."),
                view.StoredVersion(), Text(t->title), t->version);
            canUpgrade = !m_document->ReadOnly();
            const wxString label = wxString::Format(_("Update to version %d"), t->version);
            if (m_upgrade->GetLabel() != label)
                m_upgrade->SetLabel(label);
        } else if (view.Age() == RunAge::Newer) {
            text = wxString::Format(_("These answers were written with version %d of %s, newer "
                                      "than version %d here. They are shown read-only."),
                                    view.StoredVersion(), Text(t->title), t->version);
        }
    }
    const bool show = !text.empty();
    const bool changed = m_info->IsShown() != show || m_infoText->GetLabelText() != text ||
                         m_upgrade->IsShown() != canUpgrade;
    if (!changed)
        return;
    m_infoText->SetLabelText(text);
    m_upgrade->Show(canUpgrade);
    m_info->Show(show);
    m_info->Layout();
    Layout();
}

wxString InterviewPage::InfoText() const {
    return m_info->IsShown() ? m_infoText->GetLabelText() : wxString();
}

void InterviewPage::UpdateToCurrentVersion() {
    const auto* t = Checklist();
    if (!t || m_document->ReadOnly())
        return;
    auto upgrade = ChecklistView(m_document->Case(), *t).MakeUpgrade();
    if (!upgrade)
        return;
    Perform(this, m_document,
            std::make_unique<CaseEdit>(
                std::move(upgrade),
                Utf8(wxString::Format(_("Update %s to version %d"), Text(t->title), t->version))),
            _("Deep interview"));
}

void InterviewPage::BuildTree() {
    m_updating = true;
    m_tree->DeleteAllItems();
    const wxTreeItemId root = m_tree->AddRoot(wxString());
    wxTreeItemId first;
    if (const auto* t = Checklist()) {
        for (const auto& section : t->sections) {
            const wxTreeItemId s = m_tree->AppendItem(root, Text(section.title));
            m_tree->SetItemBold(s);
            for (const auto& item : section.items) {
                const wxTreeItemId i =
                    m_tree->AppendItem(s, Text(item.title), 0, -1, new TopicData(item.id));
                if (!first.IsOk() || item.id == m_itemId)
                    first = i;
            }
        }
    }
    // Answers with no topic in this version (or no template at all): apart, as stored.
    m_keptIds.clear();
    const auto kept = KeptEntries();
    if (!kept.empty()) {
        const wxTreeItemId s =
            m_tree->AppendItem(root, Checklist() ? _("Earlier version") : _("Saved answers"));
        m_tree->SetItemBold(s);
        for (const auto& e : kept) {
            m_keptIds.push_back(e.itemId);
            const wxTreeItemId i =
                m_tree->AppendItem(s, wxString::FromUTF8(e.itemId), 0, -1, new TopicData(e.itemId));
            if (!first.IsOk() || e.itemId == m_itemId)
                first = i;
        }
    }
    m_tree->ExpandAll();
    m_updating = false;
    if (first.IsOk()) {
        m_tree->SelectItem(first); // fires SEL_CHANGED, which shows the topic
        m_itemId = ItemOf(*m_tree, first);
    } else {
        m_itemId.clear();
    }
    UpdateTreeStates();
    ShowTopic();
}

void InterviewPage::UpdateTreeStates() {
    UpdateInfo();
    if (!m_document) {
        SetHeading(m_progress, wxString(), 1.2);
        return;
    }
    wxTreeItemIdValue c1, c2;
    for (auto s = m_tree->GetFirstChild(m_tree->GetRootItem(), c1); s.IsOk();
         s = m_tree->GetNextChild(m_tree->GetRootItem(), c1))
        for (auto i = m_tree->GetFirstChild(s, c2); i.IsOk(); i = m_tree->GetNextChild(s, c2)) {
            const TopicEntry e = ShownEntry(ItemOf(*m_tree, i));
            const int image = static_cast<int>(e.state);
            if (m_tree->GetItemImage(i) != image)
                m_tree->SetItemImage(i, image);
        }
    const wxString progress = ProgressText();
    if (m_progress->GetLabelText() != progress)
        SetHeading(m_progress, progress, 1.2);
}

wxString InterviewPage::ProgressText() const {
    const auto* t = Checklist();
    if (!t)
        return {};
    const ChecklistView view(m_document->Case(), *t);
    wxString text = wxString::Format(_("%d of %d covered"), view.CoveredCount(), view.TopicCount());
    if (view.PartlyCount() > 0)
        text += wxString::FromUTF8(" · ") + wxString::Format(_("%d partly"), view.PartlyCount());
    return text;
}

void InterviewPage::ShowTopic() {
    const auto* t = Checklist();
    const journal::TemplateItem* item = t ? t->FindItem(m_itemId) : nullptr;
    const bool kept =
        !item && !m_itemId.empty() && std::count(m_keptIds.begin(), m_keptIds.end(), m_itemId) > 0;
    const bool editable = item && m_document && !m_document->ReadOnly() &&
                          ChecklistView(m_document->Case(), *t).Editable();
    for (wxWindow* w :
         std::initializer_list<wxWindow*>{m_state, m_note, m_sessions, m_people, m_pick})
        w->Enable(editable);
    m_showOnMap->Enable(item != nullptr || kept);
    m_updating = true;
    if (!item && !kept) {
        m_title->SetLabel(m_document ? _("Choose a topic on the left.") : wxString());
        m_help->SetLabel(wxString());
        m_note->ChangeValue(wxString());
        m_sessions->Set({});
        m_people->Set({});
        m_updating = false;
        return;
    }
    const TopicEntry entry = ShownEntry(m_itemId);
    const wxString title = item ? Text(item->title) : wxString::FromUTF8(m_itemId);
    m_title->SetLabel(title);
    wxString help;
    if (item)
        help = Text(item->help);
    else if (t)
        help = wxString::Format(
            _("This topic is not in version %d of %s. Its answer is kept as it was saved."),
            t->version, Text(t->title));
    else
        help = _("The template of this topic is not available. The answer is shown as it "
                 "was saved.");
    if (help.empty())
        help = _("No prompting questions for this topic.");
    m_help->SetLabel(help);
    m_state->SetSelection(static_cast<int>(entry.state));
    const wxString note = wxString::FromUTF8(entry.note);
    if (m_note->GetValue() != note) // never reset the caret while the therapist types
        m_note->ChangeValue(note);

    const auto& c = m_document->Case();
    m_sessionIds.clear();
    wxArrayString sessionRows;
    for (const auto& s : c.sessions) {
        m_sessionIds.push_back(s.id);
        sessionRows.Add(SessionLabel(s));
    }
    m_sessions->Set(sessionRows);
    for (unsigned i = 0; i < m_sessionIds.size(); ++i)
        m_sessions->Check(
            i, std::count(entry.sessionIds.begin(), entry.sessionIds.end(), m_sessionIds[i]) > 0);

    m_peopleIds = LinkablePeople(c.family);
    wxArrayString peopleRows;
    for (genogram::PersonId id : m_peopleIds)
        peopleRows.Add(PersonLabel(c.family, id));
    m_people->Set(peopleRows);
    for (unsigned i = 0; i < m_peopleIds.size(); ++i)
        m_people->Check(i,
                        std::count(entry.people.begin(), entry.people.end(), m_peopleIds[i]) > 0);
    m_updating = false;
    m_detail->Layout();
    m_detail->FitInside();
}

void InterviewPage::Apply(TopicEntry entry, const std::string& mergeKey) {
    const auto* t = Checklist();
    if (!t || !m_document || m_document->ReadOnly())
        return;
    const auto* item = t->FindItem(entry.itemId);
    if (!item)
        return; // a kept answer (no topic in this version) stays as it was saved
    Perform(this, m_document,
            std::make_unique<CaseEdit>(
                ChecklistView(m_document->Case(), *t).MakeSet(std::move(entry)),
                Utf8(wxString::Format(_("Topic %s"), Text(item->title))), mergeKey),
            _("Deep interview"));
}

void InterviewPage::DocumentChanged() {
    if (!m_document)
        return;
    std::vector<std::string> keptIds;
    for (const auto& e : KeptEntries())
        keptIds.push_back(e.itemId);
    if (keptIds != m_keptIds) { // an update or its undo moved answers in or out of the group
        BuildTree();
        FollowMapSelection();
        return;
    }
    UpdateTreeStates();
    ShowTopic();
    FollowMapSelection();
}

void InterviewPage::SelectTopic(const std::string& itemId) {
    wxTreeItemIdValue c1, c2;
    for (auto s = m_tree->GetFirstChild(m_tree->GetRootItem(), c1); s.IsOk();
         s = m_tree->GetNextChild(m_tree->GetRootItem(), c1))
        for (auto i = m_tree->GetFirstChild(s, c2); i.IsOk(); i = m_tree->GetNextChild(s, c2))
            if (ItemOf(*m_tree, i) == itemId) {
                m_tree->SelectItem(i);
                m_tree->EnsureVisible(i);
                m_itemId = itemId;
                ShowTopic();
                return;
            }
}

void InterviewPage::CycleState(const std::string& itemId) {
    const auto* t = Checklist();
    if (!t || !t->FindItem(itemId) || !ChecklistView(m_document->Case(), *t).Editable())
        return;
    TopicEntry entry = ChecklistView(m_document->Case(), *t).Entry(itemId);
    entry.state = NextState(entry.state);
    Apply(std::move(entry));
}

void InterviewPage::OnTreeClick(wxMouseEvent& event) {
    int flags = 0;
    const wxTreeItemId hit = m_tree->HitTest(event.GetPosition(), flags);
    const std::string itemId = ItemOf(*m_tree, hit);
    if (!itemId.empty() && (flags & wxTREE_HITTEST_ONITEMICON)) {
        // One click on the icon cycles the state and selects the topic.
        m_tree->SelectItem(hit);
        CycleState(itemId);
        return;
    }
    event.Skip();
}

} // namespace kartbok::app
