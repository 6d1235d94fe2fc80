// The Journal tab itself: builds the page (session list on the left, empty /
// draft / signed note on the right), follows the frame's document, and shows
// the chosen note with its warnings and buttons. The session list and what
// folds away are in JournalPageList.cpp; the note actions (new, save, sign,
// addendum, correction, delete) in JournalPageActions.cpp.
#include "journal/JournalPage.h"
#include "journal/JournalPageSizes.h"

#include "common/JournalNames.h"
#include "common/Label.h"
#include "common/Labels.h"
#include "common/Palette.h"
#include "common/TemplateCatalog.h"
#include "common/Translations.h"
#include "common/Utf8.h"
#include "journal/ChecklistSidePanel.h"
#include "journal/NoteEditor.h"
#include "journal/SignDialog.h"
#include "journal/SignedNoteView.h"
#include "model/ClientListPresenter.h"
#include "model/InterviewPresenter.h"

#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Lifecycle.h"
#include "kartbok/vault/Vault.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/imaglist.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/wrapsizer.h>

namespace kartbok::app {

using namespace kartbok::journal;

namespace {
enum BookPage { kPageEmpty, kPageDraft, kPageSigned };
constexpr int kQuietSaveMs = 1500; ///< a draft is saved after this long without typing
const RoomKey kSignKey{{WXK_RETURN, wxMOD_CONTROL}, wxTRANSLATE("Sign the note being written")};
} // namespace

const std::vector<RoomKey>& JournalPage::Keys() {
    static const std::vector<RoomKey> keys{kSignKey};
    return keys;
}

JournalPage::JournalPage(wxWindow* parent, std::function<CaseDocument*()> document,
                         std::function<vault::Vault*()> vault)
    : wxPanel(parent), m_documentSource(std::move(document)), m_vaultSource(std::move(vault)),
      m_quietSave(this), m_layout(LayoutMemory::Load()) {
    SetName("journal_page");
    m_templates = AppTemplates(this); // the frame's catalogue: shipped + clinic folder
    m_noteTemplates = m_templates.OfKind(TemplateKind::Note);

    // A plain panel rather than wxInfoBar: GTK's info bar misdraws when the window is
    // rebuilt for a language switch. Informative only, never blocking.
    m_info = new wxPanel(this);
    m_info->SetBackgroundColour(palette::kNoticeBackground);
    m_infoText = new WrappingText(m_info, wxString());
    m_infoText->SetName("journal_warnings");
    auto* infoSizer = new wxBoxSizer(wxHORIZONTAL);
    infoSizer->Add(m_infoText, 1, wxALL, FromDIP(6));
    m_info->SetSizer(infoSizer);
    m_info->Hide();

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    body->Add(BuildSessionList(), 0, wxEXPAND);
    body->Add(BuildNotePages(), 1, wxEXPAND | wxLEFT, FromDIP(4));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_info, 0, wxEXPAND);
    sizer->Add(body, 1, wxEXPAND);
    SetSizer(sizer);
    BindActions();
    SetDocument(nullptr);
}

wxWindow* JournalPage::BuildSessionList() {
    // What to write next, then the sessions, as a table or a narrow timeline.
    m_left = new wxPanel(this);
    m_left->SetName("session_list_panel");
    auto* leftSizer = new wxBoxSizer(wxVERTICAL);
    m_templateChoice = new wxChoice(m_left, wxID_ANY);
    m_templateChoice->SetName("note_template");
    m_templateChoice->SetToolTip(_("The template of the next new note"));
    leftSizer->Add(m_templateChoice, 0, wxEXPAND | wxALL, FromDIP(4));
    // The two buttons side by side, or one above the other when the list is narrow.
    auto* newRow = new wxWrapSizer(wxHORIZONTAL);
    m_new = new wxButton(m_left, wxID_ANY, _("New note"));
    m_new->SetName("new_note");
    m_new->SetToolTip(_("Start a new session note from the chosen template"));
    m_fromLast = new wxButton(m_left, wxID_ANY, _("From last note"));
    m_fromLast->SetName("note_from_last");
    m_fromLast->SetToolTip(_("A new note with the fields of the latest session filled in"));
    newRow->Add(m_new, 0, wxRIGHT | wxBOTTOM, FromDIP(4));
    newRow->Add(m_fromLast, 0, wxBOTTOM, FromDIP(4));
    leftSizer->Add(newRow, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(4));
    m_timeline = new wxCheckBox(m_left, wxID_ANY, _("As a timeline"));
    m_timeline->SetName("session_timeline");
    m_timeline->SetToolTip(_("Show the sessions as a narrow list of dates, to give the note room"));
    m_timeline->SetValue(m_layout.timeline);
    leftSizer->Add(m_timeline, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    m_list = new wxListCtrl(m_left, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("session_list");
    m_images = new wxImageList(kMarkerSize, kMarkerSize);
    for (auto t : kSessionTypes)
        m_images->Add(SessionTypeMarker(t, kMarkerSize));
    m_list->SetImageList(m_images, wxIMAGE_LIST_SMALL);
    leftSizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    m_left->SetSizer(leftSizer);
    return m_left;
}

wxWindow* JournalPage::BuildNotePages() {
    // Nothing chosen / a draft / a signed note.
    m_book = new wxSimplebook(this);
    auto* empty = new wxPanel(m_book);
    auto* emptyText =
        new WrappingText(empty, _("Choose a session on the left, or start a new note."));
    emptyText->SetForegroundColour(palette::kMutedText);
    auto* emptySizer = new wxBoxSizer(wxVERTICAL);
    emptySizer->AddStretchSpacer();
    emptySizer->Add(emptyText, 0, wxEXPAND | wxALL, FromDIP(12));
    emptySizer->AddStretchSpacer();
    empty->SetSizer(emptySizer);
    m_book->AddPage(empty, wxString());

    auto* draft = new wxPanel(m_book);
    m_editor = new NoteEditor(draft);
    m_editor->SetMinSize(wxSize(FromDIP(kEditorMinWidth), -1));
    auto* draftBar = new wxWrapSizer(wxHORIZONTAL);
    m_save = new wxButton(draft, wxID_ANY, _("Save draft"));
    m_save->SetName("save_draft");
    m_delete = new wxButton(draft, wxID_ANY, _("Delete draft"));
    m_delete->SetName("delete_draft");
    m_sign = new wxButton(draft, wxID_ANY, _("Sign... (Ctrl+Enter)"));
    m_sign->SetName("sign_note");
    m_sign->SetToolTip(_("A signed note is locked; later changes become addenda"));
    for (wxButton* b : {m_save, m_delete, m_sign})
        draftBar->Add(b, 0, wxRIGHT | wxBOTTOM, FromDIP(4));
    // The topics sit beside the note, so a topic is ticked while writing; folded
    // away, a narrow button brings them back.
    m_draftPanel = draft;
    m_draftRow = new wxBoxSizer(wxHORIZONTAL);
    m_draftRow->Add(m_editor, 1, wxEXPAND);
    m_showTopics = new wxButton(draft, wxID_ANY, wxString::FromUTF8("«"), wxDefaultPosition,
                                wxDefaultSize, wxBU_EXACTFIT);
    m_showTopics->SetName("show_topics");
    m_showTopics->SetToolTip(_("Show the deep-interview topics beside the note"));
    m_draftRow->Add(m_showTopics, 0, wxLEFT, FromDIP(4));
    auto* draftSizer = new wxBoxSizer(wxVERTICAL);
    draftSizer->Add(m_draftRow, 1, wxEXPAND);
    draftSizer->Add(draftBar, 0, wxEXPAND | wxALL, FromDIP(4));
    draft->SetSizer(draftSizer);
    m_book->AddPage(draft, wxString());

    auto* signedPanel = new wxPanel(m_book);
    m_signed = new SignedNoteView(signedPanel);
    auto* signedBar = new wxWrapSizer(wxHORIZONTAL);
    m_addendum = new wxButton(signedPanel, wxID_ANY, _("Add addendum..."));
    m_addendum->SetName("add_addendum");
    m_correct = new wxButton(signedPanel, wxID_ANY, _("Correct field..."));
    m_correct->SetName("correct_field");
    signedBar->Add(m_addendum, 0, wxRIGHT | wxBOTTOM, FromDIP(4));
    signedBar->Add(m_correct, 0, wxBOTTOM, FromDIP(4));
    auto* signedSizer = new wxBoxSizer(wxVERTICAL);
    signedSizer->Add(m_signed, 1, wxEXPAND);
    signedSizer->Add(signedBar, 0, wxEXPAND | wxALL, FromDIP(4));
    signedPanel->SetSizer(signedSizer);
    m_book->AddPage(signedPanel, wxString());
    return m_book;
}

void JournalPage::BindActions() {
    confirm = [this](const wxString& question) {
        return wxMessageBox(question, _("Sign note"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION,
                            this) == wxYES;
    };
    askSignaturePassword = [this](const wxString& user) {
        SignDialog dialog(this, user, checkPassword);
        return dialog.ShowModal() == wxID_OK;
    };
    m_new->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewNote({}, false); });
    m_fromLast->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewNote({}, true); });
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveDraft(); });
    m_delete->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DeleteDraft(); });
    m_sign->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Sign(); });
    m_addendum->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskAddendum(false); });
    m_correct->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskAddendum(true); });
    m_timeline->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent& e) { SetTimeline(e.IsChecked()); });
    m_showTopics->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowTopics(true); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        if (!m_rebuilding && e.GetIndex() >= 0 &&
            static_cast<std::size_t>(e.GetIndex()) < m_rows.size())
            SelectSession(m_rows[static_cast<std::size_t>(e.GetIndex())].id);
    });
    m_editor->onModified = [this] { m_quietSave.StartOnce(kQuietSaveMs); };
    // Leaving a field saves at once: clicking another client must not lose the last words.
    m_editor->onLeave = [this] { SaveDraft(); };
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { SaveDraft(); }, m_quietSave.GetId());
    Bind(wxEVT_IDLE, [this](wxIdleEvent& e) {
        Sync();
        e.Skip();
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { FitLayout(); });
    });
    // Ctrl+Enter signs from anywhere in the tab, also from inside a note field.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (Matches(kSignKey.chord, e) && m_book->GetSelection() == kPageDraft) {
            Sign();
            return;
        }
        e.Skip();
    });
}

JournalPage::~JournalPage() {
    m_quietSave.Stop();
    // Children die after this body: their focus events must not reach a half-gone page.
    m_editor->onLeave = nullptr;
    m_editor->onModified = nullptr;
    delete m_images;
}

std::string JournalPage::Language() const {
    return CurrentLanguage();
}

const Template* JournalPage::TemplateOf(const Session& s) const {
    const Template* t = m_templates.Find(s.templateId);
    return t && t->kind == TemplateKind::Note ? t : nullptr;
}

void JournalPage::Sync() {
    CaseDocument* now = m_documentSource ? m_documentSource() : nullptr;
    m_vault = m_vaultSource ? m_vaultSource() : nullptr;
    // A new document may reuse the old one's address: the id and revision tell them apart.
    if (now != m_document ||
        (now && (now->Id() != m_documentId || now->Revision() < m_seenRevision))) {
        SetDocument(now);
        return;
    }
    if (now && now->Revision() != m_seenRevision)
        DocumentChanged();
}

void JournalPage::SetDocument(CaseDocument* document) {
    m_quietSave.Stop();
    if (m_checklist) { // it refers to the previous document
        m_checklist->Destroy();
        m_checklist = nullptr;
    }
    m_document = document;
    m_documentId = document ? document->Id() : std::string();
    m_current.clear();
    m_joint.clear();
    m_indexCode.clear();
    if (m_document && !m_document->Case().relativeOf.empty() && m_vault) {
        try {
            const journal::Case index = m_vault->LoadCase(m_document->Case().relativeOf);
            m_indexCode = index.code;
            m_joint = journal::JointSessions(index, m_document->Case());
        } catch (const std::exception&) {
            // The index client's case is gone or unreadable: the relative's own notes still show.
        }
    }
    m_shownKey.clear();
    m_sessionsSeen = static_cast<std::size_t>(-1);
    if (m_document) {
        const auto* latest = LatestSession(m_document->Case());
        if (latest)
            m_current = latest->id;
    }
    DocumentChanged();
}

void JournalPage::DocumentChanged() {
    m_seenRevision = m_document ? m_document->Revision() : 0;
    Rebuild();
    ShowCurrent();
    ShowWarnings();
    UpdateButtons();
}

void JournalPage::ShowCurrent() {
    const Session* s = m_document ? m_document->Case().FindSession(m_current) : nullptr;
    if (!s) {
        m_book->ChangeSelection(kPageEmpty);
        m_shownKey.clear();
        return;
    }
    const Template* tmpl = TemplateOf(*s);
    if (s->isSigned) {
        m_quietSave.Stop();
        std::vector<wxString> topics;
        for (const auto& t : TopicsOfSession(m_document->Case(), m_templates, s->id, Language()))
            topics.push_back(FromUtf8(t.title) + wxString::FromUTF8(" \u2013 ") +
                             Name(t.state).Lower());
        m_signed->Show(*s, tmpl, m_document->Family(), Language(), topics);
        m_book->ChangeSelection(kPageSigned);
        m_shownKey = "signed:" + s->id;
        return;
    }
    SyncChecklist(s->id);
    // A draft: keep what is being typed unless the model itself moved (undo, redo).
    if (m_shownKey == "draft:" + s->id) {
        if (*s == m_editor->Collect()) {
            m_editor->MarkSaved();
            return;
        }
        if (*s == m_editor->Loaded())
            return; // unsaved typing; the quiet-save timer will write it
    }
    m_editor->SetSessionTypes(SessionTypesFor(m_document->Case(), s->type));
    m_editor->Load(*s, tmpl, m_document->Family(), Language(), m_document->ReadOnly());
    m_book->ChangeSelection(kPageDraft);
    m_shownKey = "draft:" + s->id;
}

void JournalPage::SyncChecklist(const std::string& sessionId) {
    if (!m_document)
        return;
    if (!m_checklist) {
        m_checklist = new ChecklistSidePanel(m_draftPanel, *m_document, sessionId);
        m_checklist->SetName("note_checklist");
        m_checklist->SetMinSize(wxSize(FromDIP(kTopicPanelWidth), -1));
        m_checklist->onHide = [this] { ShowTopics(false); };
        m_draftRow->Add(m_checklist, 0, wxEXPAND | wxLEFT, FromDIP(6));
        m_checklist->Show(m_layout.topicPanel);
        m_showTopics->Show(!m_layout.topicPanel);
        m_draftPanel->Layout();
        return;
    }
    m_checklist->SetSession(sessionId); // reloads from the document
}

void JournalPage::ShowWarnings() {
    if (!m_document) {
        m_info->Hide();
        return;
    }
    // Worth a second look, never blocking: the library's checks, said in the user's language.
    wxString text;
    for (const auto& w : ValidateCase(m_document->Case(), Today())) {
        wxString line;
        switch (w.kind) {
        case WarningKind::SessionInFuture:
            line = _("A session is dated in the future.");
            break;
        case WarningKind::SessionBeforeFirstContact:
            line = _("A session is dated before the first contact.");
            break;
        case WarningKind::UnknownParticipant:
            line = _("A session names a person who is no longer in the family map.");
            break;
        default:
            continue; // case dates: the header's business, not the journal's
        }
        if (!text.Contains(line))
            text += (text.empty() ? "" : " ") + line;
    }
    if (m_infoText->GetLabel() != text)
        m_infoText->SetLabel(text);
    if (m_info->IsShown() != !text.empty()) {
        m_info->Show(!text.empty());
        Layout();
    }
}

void JournalPage::UpdateButtons() {
    const bool editable = m_document && !m_document->ReadOnly();
    m_new->Enable(editable && !m_noteTemplates.empty());
    m_fromLast->Enable(editable && m_document && !m_document->Case().sessions.empty());
    m_templateChoice->Enable(editable);
    for (wxButton* b : {m_save, m_sign, m_delete, m_addendum, m_correct})
        b->Enable(editable);
}

} // namespace kartbok::app
