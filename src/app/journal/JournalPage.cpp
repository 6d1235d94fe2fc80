#include "journal/JournalPage.h"

#include "common/JournalNames.h"
#include "common/Labels.h"
#include "common/TemplateCatalog.h"
#include "common/Translations.h"
#include "common/Utf8.h"
#include "journal/AddendumDialog.h"
#include "journal/ChecklistSidePanel.h"
#include "journal/NoteEditor.h"
#include "journal/SignedNoteView.h"
#include "model/ClientListPresenter.h"

#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Lifecycle.h"
#include "kartbok/journal/SessionCommands.h"
#include "kartbok/vault/Vault.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/imaglist.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace kartbok::app {

using namespace kartbok::journal;

namespace {
enum BookPage { kPageEmpty, kPageDraft, kPageSigned };
constexpr int kQuietSaveMs = 1500; ///< a draft is saved after this long without typing
constexpr int kMarkerSize = 12;
} // namespace

JournalPage::JournalPage(wxWindow* parent, std::function<CaseDocument*()> document,
                         std::function<vault::Vault*()> vault)
    : wxPanel(parent), m_documentSource(std::move(document)), m_vaultSource(std::move(vault)),
      m_quietSave(this) {
    SetName("journal_page");
    m_templates = AppTemplates(this); // the frame's catalogue: shipped + clinic folder
    m_noteTemplates = m_templates.OfKind(TemplateKind::Note);

    // A plain panel rather than wxInfoBar: GTK's info bar misdraws when the window is
    // rebuilt for a language switch. Informative only, never blocking.
    m_info = new wxPanel(this);
    m_info->SetBackgroundColour(wxColour(252, 245, 214));
    m_infoText = new wxStaticText(m_info, wxID_ANY, wxString());
    m_infoText->SetName("journal_warnings");
    auto* infoSizer = new wxBoxSizer(wxHORIZONTAL);
    infoSizer->Add(m_infoText, 1, wxALL, FromDIP(6));
    m_info->SetSizer(infoSizer);
    m_info->Hide();

    // Left: what to write next, then the sessions ------------------------------------
    auto* left = new wxPanel(this);
    auto* leftSizer = new wxBoxSizer(wxVERTICAL);
    m_templateChoice = new wxChoice(left, wxID_ANY);
    m_templateChoice->SetName("note_template");
    m_templateChoice->SetToolTip(_("The template of the next new note"));
    leftSizer->Add(m_templateChoice, 0, wxEXPAND | wxALL, FromDIP(4));
    auto* newRow = new wxBoxSizer(wxHORIZONTAL);
    m_new = new wxButton(left, wxID_ANY, _("New note"));
    m_new->SetName("new_note");
    m_new->SetToolTip(_("Start a new session note from the chosen template"));
    m_fromLast = new wxButton(left, wxID_ANY, _("Start from last note"));
    m_fromLast->SetName("note_from_last");
    m_fromLast->SetToolTip(_("A new note with the fields of the latest session filled in"));
    newRow->Add(m_new, 1, wxRIGHT, FromDIP(4));
    newRow->Add(m_fromLast, 1);
    leftSizer->Add(newRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    m_list = new wxListCtrl(left, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("session_list");
    m_images = new wxImageList(kMarkerSize, kMarkerSize);
    for (auto t : kSessionTypes)
        m_images->Add(SessionTypeMarker(t, kMarkerSize));
    m_list->SetImageList(m_images, wxIMAGE_LIST_SMALL);
    m_list->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(140));
    m_list->AppendColumn(_("Type"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_list->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(70));
    m_list->AppendColumn(_("Author"), wxLIST_FORMAT_LEFT, FromDIP(80));
    leftSizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    left->SetSizer(leftSizer);
    left->SetMinSize(wxSize(FromDIP(400), -1));

    // Right: nothing chosen / a draft / a signed note -------------------------------
    m_book = new wxSimplebook(this);
    auto* empty = new wxPanel(m_book);
    auto* emptyText =
        new wxStaticText(empty, wxID_ANY, _("Choose a session on the left, or start a new note."));
    emptyText->SetForegroundColour(wxColour(110, 110, 110));
    auto* emptySizer = new wxBoxSizer(wxVERTICAL);
    emptySizer->AddStretchSpacer();
    emptySizer->Add(emptyText, 0, wxALIGN_CENTER);
    emptySizer->AddStretchSpacer();
    empty->SetSizer(emptySizer);
    m_book->AddPage(empty, wxString());

    auto* draft = new wxPanel(m_book);
    m_editor = new NoteEditor(draft);
    auto* draftBar = new wxBoxSizer(wxHORIZONTAL);
    m_save = new wxButton(draft, wxID_ANY, _("Save draft"));
    m_save->SetName("save_draft");
    m_delete = new wxButton(draft, wxID_ANY, _("Delete draft"));
    m_delete->SetName("delete_draft");
    m_sign = new wxButton(draft, wxID_ANY, _("Sign... (Ctrl+Enter)"));
    m_sign->SetName("sign_note");
    m_sign->SetToolTip(_("A signed note is locked; later changes become addenda"));
    draftBar->Add(m_save, 0, wxRIGHT, FromDIP(4));
    draftBar->Add(m_delete, 0);
    draftBar->AddStretchSpacer();
    draftBar->Add(m_sign, 0);
    auto* draftSizer = new wxBoxSizer(wxVERTICAL);
    // The checklist sits beside the note, so a topic is ticked while writing.
    m_draftPanel = draft;
    m_draftRow = new wxBoxSizer(wxHORIZONTAL);
    m_draftRow->Add(m_editor, 1, wxEXPAND);
    draftSizer->Add(m_draftRow, 1, wxEXPAND);
    draftSizer->Add(draftBar, 0, wxEXPAND | wxALL, FromDIP(4));
    draft->SetSizer(draftSizer);
    m_book->AddPage(draft, wxString());

    auto* signedPanel = new wxPanel(m_book);
    m_signed = new SignedNoteView(signedPanel);
    auto* signedBar = new wxBoxSizer(wxHORIZONTAL);
    m_addendum = new wxButton(signedPanel, wxID_ANY, _("Add addendum..."));
    m_addendum->SetName("add_addendum");
    m_correct = new wxButton(signedPanel, wxID_ANY, _("Correct field..."));
    m_correct->SetName("correct_field");
    signedBar->Add(m_addendum, 0, wxRIGHT, FromDIP(4));
    signedBar->Add(m_correct, 0);
    auto* signedSizer = new wxBoxSizer(wxVERTICAL);
    signedSizer->Add(m_signed, 1, wxEXPAND);
    signedSizer->Add(signedBar, 0, wxEXPAND | wxALL, FromDIP(4));
    signedPanel->SetSizer(signedSizer);
    m_book->AddPage(signedPanel, wxString());

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    body->Add(left, 0, wxEXPAND);
    body->Add(m_book, 1, wxEXPAND | wxLEFT, FromDIP(4));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_info, 0, wxEXPAND);
    sizer->Add(body, 1, wxEXPAND);
    SetSizer(sizer);

    confirm = [this](const wxString& question) {
        return wxMessageBox(question, _("Sign note"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION,
                            this) == wxYES;
    };
    m_new->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewNote({}, false); });
    m_fromLast->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewNote({}, true); });
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveDraft(); });
    m_delete->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DeleteDraft(); });
    m_sign->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Sign(); });
    m_addendum->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskAddendum(false); });
    m_correct->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskAddendum(true); });
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
    // Ctrl+Enter signs from anywhere in the tab, also from inside a note field.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        const bool enter = e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER;
        if (enter && e.GetModifiers() == wxMOD_CONTROL && m_book->GetSelection() == kPageDraft) {
            Sign();
            return;
        }
        e.Skip();
    });
    SetDocument(nullptr);
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

void JournalPage::Rebuild() {
    m_rows = m_document ? BuildSessionRows(m_document->Case()) : std::vector<SessionRow>{};
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

    m_rebuilding = true;
    m_list->Freeze();
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const auto& row = m_rows[i];
        const int image =
            static_cast<int>(std::find(kSessionTypes.begin(), kSessionTypes.end(), row.type) -
                             kSessionTypes.begin());
        const long item = m_list->InsertItem(static_cast<long>(i), FormatTime(row.start), image);
        m_list->SetItem(item, 1, Name(row.type));
        m_list->SetItem(item, 2, row.isSigned ? _("Signed") : _("Draft"));
        m_list->SetItem(item, 3, FromUtf8(row.author));
        if (!row.isSigned)
            m_list->SetItemTextColour(item, wxColour(150, 90, 0));
        if (row.id == m_current) {
            m_list->SetItemState(item, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
            m_list->EnsureVisible(item);
        }
    }
    m_list->Thaw();
    m_rebuilding = false;
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
        m_signed->Show(*s, tmpl, m_document->Family(), Language());
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
        m_checklist->SetMinSize(FromDIP(wxSize(260, -1)));
        m_draftRow->Add(m_checklist, 0, wxEXPAND | wxLEFT, FromDIP(6));
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

bool JournalPage::Perform(CaseEditPtr edit) {
    if (!m_document || m_document->ReadOnly()) {
        wxBell();
        return false;
    }
    try {
        m_document->Execute(std::move(edit));
        DocumentChanged();
        return true;
    } catch (const std::exception& e) {
        // JournalError says what to do instead (e.g. "a signed note cannot be edited;
        // add an addendum") and never quotes client text; the lead-in is translated.
        wxMessageBox(_("This change cannot be made:") + "\n\n" + wxString::FromUTF8(e.what()),
                     _("Journal"), wxOK | wxICON_INFORMATION, this);
        return false;
    }
}

void JournalPage::SaveRecordFact() {
    if (!m_document || m_document->ReadOnly())
        return;
    try {
        m_document->Save();
    } catch (const std::exception&) {
        // The autosave tries again and says so when it cannot.
    }
}

bool JournalPage::NewNote(const std::string& templateId, bool fromLast) {
    Sync();
    if (!m_document || m_document->ReadOnly())
        return false;
    SaveDraft();
    const Case& c = m_document->Case();
    std::string id = templateId;
    const Session* last = fromLast ? LatestSession(c) : nullptr;
    if (id.empty() && last && TemplateOf(*last))
        id = last->templateId; // carrying a note over keeps its shape
    if (id.empty()) {
        const int sel = m_templateChoice->GetSelection();
        id = sel >= 0 ? m_noteTemplates[static_cast<std::size_t>(sel)]->id
                      : DefaultNoteTemplate(c, m_templates);
    }
    const Template* tmpl = m_templates.Find(id);
    const std::string author = m_vault ? m_vault->User() : std::string();
    Session s = NewDraft(c, tmpl, NewSessionId(), author, Now(), fromLast);
    const std::string previous = m_current;
    m_current = s.id;
    if (!Perform(std::make_unique<CaseEdit>(std::make_unique<AddSession>(std::move(s)),
                                            Utf8(_("New note"))))) {
        m_current = previous;
        return false;
    }
    if (tmpl && !tmpl->Items().empty())
        if (auto* first = wxWindow::FindWindowByName(FromUtf8("field_" + tmpl->Items().front()->id),
                                                     m_editor))
            first->SetFocus();
    return true;
}

bool JournalPage::SaveDraft() {
    Sync();
    m_quietSave.Stop();
    if (!m_document || m_document->ReadOnly() || m_shownKey != "draft:" + m_current)
        return true;
    const Session* s = m_document->Case().FindSession(m_current);
    if (!s || s->isSigned)
        return true;
    Session edited = m_editor->Collect();
    if (edited == *s)
        return true;
    if (!Perform(std::make_unique<CaseEdit>(std::make_unique<EditDraft>(std::move(edited)),
                                            Utf8(_("Edit note")), "draft:" + m_current)))
        return false;
    m_editor->MarkSaved();
    return true;
}

bool JournalPage::Sign() {
    Sync();
    if (!m_document || m_document->ReadOnly())
        return false;
    const Session* s = m_document->Case().FindSession(m_current);
    if (!s || s->isSigned || !SaveDraft())
        return false;
    if (!confirm(_("Sign this note? A signed note is locked: later changes can only be added as "
                   "addenda or corrections, and the old text stays readable.")))
        return false;
    const std::string user = m_vault ? m_vault->User() : s->author;
    const std::string id = m_current;
    m_document->CloseMerge();
    if (!Perform(std::make_unique<CaseEdit>(std::make_unique<SignSession>(id, user, Now()),
                                            Utf8(_("Sign note")))))
        return false;
    SaveRecordFact(); // saved at once: its audit record says Sign
    return true;
}

bool JournalPage::AddAddendum(const std::string& text, const std::string& reason) {
    Sync();
    if (!m_document)
        return false;
    Addendum a;
    a.author = m_vault ? m_vault->User() : std::string();
    a.time = Now();
    a.text = text;
    a.reason = reason;
    const std::string id = m_current;
    if (!Perform(std::make_unique<CaseEdit>(std::make_unique<journal::AddAddendum>(id, a),
                                            Utf8(_("Add addendum")))))
        return false;
    SaveRecordFact(); // saved at once: its audit record says Addendum
    return true;
}

bool JournalPage::CorrectField(const std::string& fieldId, const std::string& text,
                               const std::string& reason) {
    Sync();
    if (!m_document)
        return false;
    const std::string id = m_current;
    const std::string user = m_vault ? m_vault->User() : std::string();
    if (!Perform(std::make_unique<CaseEdit>(MakeCorrection(id, fieldId, text, reason, user, Now()),
                                            Utf8(_("Correct note")))))
        return false;
    SaveRecordFact(); // saved at once: its audit record says Addendum
    return true;
}

bool JournalPage::DeleteDraft() {
    Sync();
    const Session* s = m_document ? m_document->Case().FindSession(m_current) : nullptr;
    if (!s || s->isSigned)
        return false;
    if (wxMessageBox(_("Delete this draft? Undo brings it back."), _("Delete draft"),
                     wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) != wxYES)
        return false;
    m_quietSave.Stop();
    m_shownKey.clear(); // what is typed goes with the draft
    return Perform(std::make_unique<CaseEdit>(std::make_unique<journal::DeleteDraft>(m_current),
                                              Utf8(_("Delete draft"))));
}

void JournalPage::SelectSession(const std::string& sessionId) {
    Sync();
    if (sessionId == m_current)
        return;
    SaveDraft();
    m_current = sessionId;
    DocumentChanged();
}

void JournalPage::AskAddendum(bool correction) {
    Sync();
    const Session* s = m_document ? m_document->Case().FindSession(m_current) : nullptr;
    if (!s || !s->isSigned)
        return;
    std::vector<AddendumDialog::Field> fields;
    if (correction) {
        for (const auto& f : NoteFields(*s, TemplateOf(*s), Language()))
            fields.push_back({f.id, FromUtf8(f.title), FromUtf8(CurrentText(*s, f.id))});
        fields.push_back({kNextStepsField, _("Agreed for next time"),
                          FromUtf8(CurrentText(*s, kNextStepsField))});
    }
    AddendumDialog dialog(this, std::move(fields));
    if (dialog.ShowModal() != wxID_OK)
        return;
    if (correction)
        CorrectField(dialog.FieldId(), dialog.Text(), dialog.Reason());
    else
        AddAddendum(dialog.Text(), dialog.Reason());
}

} // namespace kartbok::app
