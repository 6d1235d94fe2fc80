// The Journal tab's note actions: a new note (from a template or the last
// note), saving a draft, signing it, an addendum or a correction to a signed
// note, deleting a draft. Each is one command through the document; a
// signature, addendum or correction is saved at once so its audit record says
// what it was (JournalPage.cpp builds the page and shows the note).
#include "journal/JournalPage.h"

#include "common/JournalNames.h"
#include "common/Perform.h"
#include "common/Utf8.h"
#include "journal/AddendumDialog.h"
#include "journal/NoteEditor.h"
#include "model/ClientListPresenter.h"

#include "kartbok/base/Uuid.h"
#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Lifecycle.h"
#include "kartbok/journal/SessionCommands.h"
#include "kartbok/vault/Vault.h"

#include <wx/choice.h>
#include <wx/msgdlg.h>

namespace kartbok::app {

using namespace kartbok::journal;

bool JournalPage::Perform(CaseEditPtr edit) {
    if (!app::Perform(this, m_document, std::move(edit), _("Journal")))
        return false;
    DocumentChanged();
    return true;
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
    Session s = NewDraft(c, tmpl, base::NewUuid(), author, Now(), fromLast);
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
    const std::string user = m_vault ? m_vault->User() : s->author;
    const bool asked =
        m_signWithPassword && checkPassword
            ? askSignaturePassword(FromUtf8(user))
            : confirm(_("Sign this note? A signed note is locked: later changes can only be "
                        "added as addenda or corrections, and the old text stays readable."));
    if (!asked)
        return false;
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
