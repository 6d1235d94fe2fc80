#include "journal/SignedNoteView.h"

#include "common/JournalNames.h"
#include "common/Labels.h"
#include "common/Palette.h"
#include "common/Utf8.h"
#include "model/JournalPresenter.h"

#include "kartbok/journal/Lifecycle.h"
#include "kartbok/journal/SessionCommands.h"

#include <wx/sizer.h>
#include <wx/textctrl.h>

namespace kartbok::app {

using namespace kartbok::journal;

SignedNoteView::SignedNoteView(wxWindow* parent) : wxPanel(parent) {
    m_text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2 | wxTE_WORDWRAP);
    m_text->SetName("signed_note");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_text, 1, wxEXPAND);
    SetSizer(sizer);
}

void SignedNoteView::Put(const wxString& text, Style style) {
    wxFont font = m_text->GetFont();
    wxColour colour = palette::kText;
    switch (style) {
    case Style::Title:
        font = font.Scaled(1.25f).Bold();
        break;
    case Style::Heading:
        font = font.Bold();
        colour = palette::kAccent;
        break;
    case Style::Body:
        break;
    case Style::Struck:
        // Superseded, never hidden: struck through and greyed, still readable.
        font.SetStrikethrough(true);
        colour = palette::kAxis;
        break;
    case Style::Meta:
        font = font.Italic();
        colour = palette::kMutedText;
        break;
    case Style::Signature:
        font = font.Bold();
        colour = palette::kGood;
        break;
    }
    m_text->SetDefaultStyle(wxTextAttr(colour, wxNullColour, font));
    m_text->AppendText(text);
    m_runs.push_back({Utf8(text), style == Style::Struck});
}

void SignedNoteView::Show(const Session& s, const Template* tmpl, const genogram::Family& family,
                          const std::string& language, const std::vector<wxString>& topics) {
    m_text->Freeze();
    m_text->Clear();
    m_runs.clear();
    PutHeader(s, tmpl, family, language);
    PutFields(s, tmpl, language);
    PutDetails(s, tmpl, language, topics);
    PutAddenda(s);
    m_text->SetInsertionPoint(0);
    m_text->ShowPosition(0);
    m_text->Thaw();
}

void SignedNoteView::PutHeader(const Session& s, const Template* tmpl,
                               const genogram::Family& family, const std::string& language) {
    const wxString templateTitle =
        tmpl ? FromUtf8(tmpl->title.In(language)) : FromUtf8(s.templateId);
    Put(templateTitle + "\n", Style::Title);
    // Who signed and when, first: it is what makes the note a record.
    m_signature = s.isSigned ? wxString::FromUTF8("\u2713 ") +
                                   wxString::Format(_("Signed by %s, %s"), FromUtf8(s.signedBy),
                                                    FormatTime(s.signedAt))
                             : wxString();
    if (!m_signature.empty())
        Put(m_signature + "\n", Style::Signature);
    Put(wxString::Format(_("%s, %s, %d minutes"), Name(s.type), FormatTime(s.start), s.minutes) +
            "\n",
        Style::Meta);
    if (!s.participants.empty()) {
        wxString names;
        for (auto id : s.participants) {
            const auto* p = family.FindPerson(id);
            if (!names.empty())
                names += ", ";
            names += p ? FromUtf8(p->DisplayName()) : wxString(_("(removed from the map)"));
        }
        Put(_("Also taking part:") + " " + names + "\n", Style::Meta);
    }
}

void SignedNoteView::PutFields(const Session& s, const Template* tmpl,
                               const std::string& language) {
    wxString emptyFields; // listed once at the end, so a short note reads short
    auto field = [&](const std::string& id, const wxString& title) {
        if (!PutField(s, id, title))
            emptyFields += (emptyFields.empty() ? "" : ", ") + title;
    };
    for (const auto& f : NoteFields(s, tmpl, language))
        field(f.id, FromUtf8(f.title));
    field(kNextStepsField, _("Agreed for next time"));
    if (!emptyFields.empty())
        Put("\n" + _("Not filled in:") + " " + emptyFields + "\n", Style::Meta);
}

bool SignedNoteView::PutField(const Session& s, const std::string& id, const wxString& title) {
    const RenderedField rendered = RenderField(s, id);
    if (rendered.segments.empty() || (rendered.CurrentText().empty() && !rendered.Corrected()))
        return false;
    Put("\n" + title + "\n", Style::Heading);
    for (const auto& seg : rendered.segments) {
        if (seg.text.empty() && !seg.struck)
            continue;
        Put(FromUtf8(seg.text) + "\n", seg.struck ? Style::Struck : Style::Body);
        if (seg.isCorrection)
            Put(wxString::Format(_("Corrected by %s, %s. Reason: %s"), FromUtf8(seg.author),
                                 FormatTime(seg.time), FromUtf8(seg.reason)) +
                    "\n",
                Style::Meta);
    }
    return true;
}

void SignedNoteView::PutDetails(const Session& s, const Template* tmpl, const std::string& language,
                                const std::vector<wxString>& topics) {
    if (!s.themes.empty())
        Put("\n" + _("Themes:") + " " + FromUtf8(JoinThemes(s.themes)) + "\n", Style::Meta);
    if (!s.methods.empty()) {
        wxString methods;
        for (const auto& id : s.methods) {
            wxString title = FromUtf8(id);
            if (tmpl)
                for (const auto& m : tmpl->methods)
                    if (m.id == id)
                        title = FromUtf8(m.title.In(language));
            methods += (methods.empty() ? "" : ", ") + title;
        }
        Put(_("Methods:") + " " + methods + "\n", Style::Meta);
    }
    if (s.nextAppointment)
        Put(_("Next appointment:") + " " + FormatTime(s.nextAppointment) + "\n", Style::Meta);
    if (!topics.empty()) {
        Put("\n" + _("Topics covered in this session") + "\n", Style::Heading);
        for (const wxString& topic : topics)
            Put(wxString::FromUTF8("\u2022 ") + topic + "\n", Style::Body);
    }
}

void SignedNoteView::PutAddenda(const Session& s) {
    const auto addenda = PlainAddenda(s);
    if (addenda.empty())
        return;
    Put("\n" + _("Addenda") + "\n", Style::Heading);
    for (const Addendum* a : addenda) {
        wxString meta = wxString::Format(_("%s, %s"), FromUtf8(a->author), FormatTime(a->time));
        if (!a->reason.empty())
            meta += ". " + wxString::Format(_("Reason: %s"), FromUtf8(a->reason));
        Put(meta + "\n", Style::Meta);
        Put(FromUtf8(a->text) + "\n", Style::Body);
    }
}

} // namespace kartbok::app
