#include "journal/NoteEditor.h"

#include "common/CheckRows.h"
#include "common/ChecklistLabels.h"
#include "common/DateControls.h"
#include "common/JournalNames.h"
#include "common/Label.h"
#include "common/Labels.h"
#include "common/NativeLayout.h"
#include "common/Palette.h"
#include "common/Utf8.h"

#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include <algorithm>

namespace kartbok::app {

using namespace kartbok::journal;

namespace {

/// Date from one field, time of day from the other, as seconds since 1970.
Timestamp Combine(const DateCtrl* date, const TimeCtrl* time) {
    return LocalTimestamp(date->GetDate(), time->GetMinutes());
}

/// Spell-checking where wx was built with it (GTK3 + gspell); this wx build has none, so it
/// is compiled out rather than failing.
void ProofCheck(wxTextCtrl* text) {
#if wxUSE_SPELLCHECK
    text->EnableProofCheck(wxTextProofOptions::Default());
#else
    (void)text;
#endif
}

} // namespace

NoteEditor::NoteEditor(wxWindow* parent)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL) {
    SetName("note_editor");
    // One scroll unit is one line of text: a wheel notch then moves the
    // platform's lines per notch (three), as everywhere else.
    SetScrollRate(0, GetCharHeight());
    // GTK would scroll the note by its own smooth amount (a few pixels a notch).
    Bind(wxEVT_MOUSEWHEEL, [this](wxMouseEvent& e) { ScrollByWheel(e); });
}

void NoteEditor::ScrollByWheel(wxMouseEvent& event) {
    m_wheel += event.GetWheelRotation();
    const int notches = m_wheel / std::max(1, event.GetWheelDelta());
    m_wheel -= notches * event.GetWheelDelta();
    if (notches == 0 || event.GetWheelAxis() != wxMOUSE_WHEEL_VERTICAL)
        return;
    int x = 0, y = 0;
    GetViewStart(&x, &y);
    Scroll(x, std::max(0, y - notches * event.GetLinesPerAction()));
}

void NoteEditor::ForwardWheel(wxWindow* child) {
    // A note field, list or label under the pointer that has nothing of its own
    // to scroll hands the wheel to the editor, so the note scrolls at the same
    // speed wherever the pointer is.
    child->Bind(wxEVT_MOUSEWHEEL, [this, child](wxMouseEvent& e) {
        if (CanScrollVertically(*child))
            e.Skip();
        else
            ScrollByWheel(e);
    });
}

void NoteEditor::Load(const Session& session, const Template* tmpl, const genogram::Family& family,
                      const std::string& language, bool readOnly) {
    m_loading = true;
    m_loaded = session;
    Freeze();
    DestroyChildren();
    m_fields.clear();
    Build(tmpl, family, language, readOnly);
    Thaw();
    Scroll(0, 0);
    m_loading = false;
}

wxTextCtrl* NoteEditor::AddText(const wxString& title, const wxString& help, const wxString& value,
                                const std::string& name, bool multiLine, bool readOnly) {
    auto* sizer = GetSizer();
    auto* label = NewHeading(this, title);
    sizer->Add(label, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    if (!help.empty()) {
        // The template's prompting questions, visible in full while writing (not
        // only on hover), wrapped to the editor's width.
        auto* hint = new WrappingText(this, help);
        hint->SetForegroundColour(palette::kMutedText);
        sizer->Add(hint, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
        ForwardWheel(hint);
    }
    long style = multiLine ? wxTE_MULTILINE | wxTE_WORDWRAP : 0;
    if (readOnly)
        style |= wxTE_READONLY;
    auto* text = new wxTextCtrl(this, wxID_ANY, value, wxDefaultPosition,
                                wxSize(-1, multiLine ? FromDIP(84) : -1), style);
    text->SetName(wxString::FromUTF8(name));
    if (!help.empty())
        text->SetToolTip(help);
    if (multiLine)
        ProofCheck(text);
    text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Changed(); });
    ForwardWheel(text);
    text->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        if (onLeave && !m_loading)
            onLeave();
        e.Skip();
    });
    sizer->Add(text, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(4));
    return text;
}

void NoteEditor::Build(const Template* tmpl, const genogram::Family& family,
                       const std::string& language, bool readOnly) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    SetSizer(sizer);
    const Session& s = m_loaded;

    wxStaticText* title = nullptr;
    if (tmpl) {
        title = NewHeading(this, FromUtf8(tmpl->title.In(language)), 1.2);
    } else {
        title = new WrappingText(
            this, wxString::Format(_("Template \"%s\" is not available; the note's fields are "
                                     "shown by their ids."),
                                   FromUtf8(s.templateId)));
    }
    title->SetName("note_template_title");
    sizer->Add(title, 0, wxEXPAND | wxALL, FromDIP(8));

    sizer->Add(BuildWhen(s), 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    AddParticipants(family);
    AddFields(tmpl, language, readOnly);

    // Themes, methods, what next ----------------------------------------------------
    m_themes = AddText(Name(journal::Heading::Themes), _("Separate themes with commas."),
                       FromUtf8(JoinThemes(s.themes)), "themes", false, readOnly);
    AddMethods(tmpl, language);
    m_nextSteps = AddText(Name(journal::Heading::NextSteps), wxString(), FromUtf8(s.nextSteps),
                          "next_steps", true, readOnly);
    AddNextAppointment();
    BindEdits(readOnly);
    FitInside();
}

void NoteEditor::AddParticipants(const genogram::Family& family) {
    // Who took part: living people from the map besides the client (someone who
    // has died stays listed on a note that already names them).
    auto* sizer = GetSizer();
    const Session& s = m_loaded;
    m_people = ParticipantChoices(family, s.participants);
    wxArrayString names;
    for (auto id : m_people)
        names.Add(PersonLabel(family, id));
    auto* who = NewHeading(this, Name(journal::Heading::AlsoTakingPart));
    who->SetToolTip(_("People from the family map who took part besides the client"));
    sizer->Add(who, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    m_participants = new CheckRows(this, std::clamp(static_cast<int>(m_people.size()), 2, 5));
    m_participants->SetName("participants");
    m_participants->Set(names);
    ForwardWheel(m_participants);
    for (std::size_t i = 0; i < m_people.size(); ++i)
        if (std::find(s.participants.begin(), s.participants.end(), m_people[i]) !=
            s.participants.end())
            m_participants->Check(static_cast<unsigned>(i));
    sizer->Add(m_participants, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(4));
}

void NoteEditor::AddFields(const Template* tmpl, const std::string& language, bool readOnly) {
    // The note's fields, under their section's heading when the template has several.
    auto* sizer = GetSizer();
    const Session& s = m_loaded;
    std::string section;
    for (const auto& field : NoteFields(s, tmpl, language)) {
        if (!field.section.empty() && field.section != section && tmpl &&
            tmpl->sections.size() > 1) {
            section = field.section;
            auto* head = NewHeading(this, FromUtf8(section), 1.1);
            head->SetForegroundColour(palette::kAccent);
            sizer->Add(head, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
        }
        const NoteField* stored = s.Field(field.id);
        m_fields.emplace_back(field.id, AddText(FromUtf8(field.title), FromUtf8(field.help),
                                                FromUtf8(stored ? stored->text : std::string()),
                                                "field_" + field.id, true, readOnly));
    }
}

void NoteEditor::AddMethods(const Template* tmpl, const std::string& language) {
    const Session& s = m_loaded;
    m_methodIds.clear();
    wxArrayString methods;
    if (tmpl)
        for (const auto& m : tmpl->methods) {
            m_methodIds.push_back(m.id);
            methods.Add(FromUtf8(m.title.In(language)));
        }
    for (const auto& id : s.methods) // methods the template no longer lists stay ticked
        if (std::find(m_methodIds.begin(), m_methodIds.end(), id) == m_methodIds.end()) {
            m_methodIds.push_back(id);
            methods.Add(FromUtf8(id));
        }
    m_methods = nullptr;
    if (m_methodIds.empty())
        return;
    auto* sizer = GetSizer();
    auto* head = NewHeading(this, Name(journal::Heading::Methods));
    sizer->Add(head, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    m_methods = new CheckRows(this, std::min(static_cast<int>(m_methodIds.size()), 5));
    m_methods->SetName("methods");
    m_methods->Set(methods);
    ForwardWheel(m_methods);
    for (std::size_t i = 0; i < m_methodIds.size(); ++i)
        if (std::find(s.methods.begin(), s.methods.end(), m_methodIds[i]) != s.methods.end())
            m_methods->Check(static_cast<unsigned>(i));
    sizer->Add(m_methods, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(4));
}

void NoteEditor::AddNextAppointment() {
    const Session& s = m_loaded;
    auto* next = new wxWrapSizer(wxHORIZONTAL);
    m_hasNext = new wxCheckBox(this, wxID_ANY, _("Next appointment"));
    m_hasNext->SetName("has_next_appointment");
    m_hasNext->SetValue(s.nextAppointment != 0);
    const Timestamp nextAt = s.nextAppointment ? s.nextAppointment : s.start + 7 * 24 * 3600;
    m_nextDate = new DateCtrl(this, LocalDateOf(nextAt));
    m_nextDate->SetName("next_date");
    m_nextTime = new TimeCtrl(this, LocalMinutesOf(nextAt));
    m_nextTime->SetName("next_time");
    next->Add(m_hasNext, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    auto* nextWhen = new wxBoxSizer(wxHORIZONTAL);
    nextWhen->Add(m_nextDate, 0, wxALIGN_CENTER_VERTICAL);
    nextWhen->Add(m_nextTime, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    next->Add(nextWhen, 0, wxALIGN_CENTER_VERTICAL);
    GetSizer()->Add(next, 0, wxALL, FromDIP(8));
}

void NoteEditor::BindEdits(bool readOnly) {
    // The controls that are not text boxes (AddText binds those): enabled unless
    // the note is read-only, and every change reported.
    for (wxWindow* w :
         std::initializer_list<wxWindow*>{m_type, m_date, m_time, m_minutes, m_participants,
                                          m_methods, m_hasNext, m_nextDate, m_nextTime})
        if (w)
            w->Enable(!readOnly);
    const auto changed = [this](wxEvent&) { Changed(); };
    m_type->Bind(wxEVT_CHOICE, changed);
    m_date->onChanged = [this] { Changed(); };
    m_time->onChanged = [this] { Changed(); };
    m_minutes->Bind(wxEVT_SPINCTRL, changed);
    m_participants->onToggle = [this](unsigned, bool) { Changed(); };
    if (m_methods)
        m_methods->onToggle = [this](unsigned, bool) { Changed(); };
    m_hasNext->Bind(wxEVT_CHECKBOX, changed);
    m_nextDate->onChanged = [this] { Changed(); };
    m_nextTime->onChanged = [this] { Changed(); };
}

wxSizer* NoteEditor::BuildWhen(const Session& s) {
    // Type, when, how long: each under its own label, side by side while they
    // fit and under each other in a narrow editor.
    auto* when = new wxWrapSizer(wxHORIZONTAL);
    auto group = [&](const wxString& title, wxWindow* first, wxWindow* second = nullptr) {
        auto* box = new wxBoxSizer(wxVERTICAL);
        box->Add(new wxStaticText(this, wxID_ANY, title), 0, wxBOTTOM, FromDIP(2));
        auto* controls = new wxBoxSizer(wxHORIZONTAL);
        controls->Add(first, 0, wxALIGN_CENTER_VERTICAL);
        if (second)
            controls->Add(second, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
        box->Add(controls);
        when->Add(box, 0, wxRIGHT | wxBOTTOM, FromDIP(12));
    };
    m_type = new wxChoice(this, wxID_ANY);
    m_type->SetName("session_type");
    for (auto t : m_types)
        m_type->Append(Name(t));
    const auto shown = std::find(m_types.begin(), m_types.end(), s.type);
    m_type->SetSelection(shown == m_types.end() ? 0 : static_cast<int>(shown - m_types.begin()));
    group(_("Type"), m_type);
    m_date = new DateCtrl(this, LocalDateOf(s.start));
    m_date->SetName("session_date");
    m_time = new TimeCtrl(this, LocalMinutesOf(s.start));
    m_time->SetName("session_time");
    group(_("Date and time"), m_date, m_time);
    m_minutes = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                               wxSP_ARROW_KEYS, 5, 600, s.minutes);
    m_minutes->SetName("session_minutes");
    group(_("Length (minutes)"), m_minutes);
    return when;
}

Session NoteEditor::Collect() const {
    Session s = m_loaded;
    if (!m_type) // nothing loaded yet
        return s;
    const int type = m_type->GetSelection();
    if (type >= 0 && static_cast<std::size_t>(type) < m_types.size())
        s.type = m_types[static_cast<std::size_t>(type)];
    s.start = Combine(m_date, m_time);
    s.minutes = m_minutes->GetValue();
    s.participants.clear();
    for (std::size_t i = 0; i < m_people.size(); ++i)
        if (m_participants->IsChecked(static_cast<unsigned>(i)))
            s.participants.push_back(m_people[i]);
    // Participants not offered (a placeholder that was since renamed away) stay.
    for (auto id : m_loaded.participants)
        if (std::find(m_people.begin(), m_people.end(), id) == m_people.end())
            s.participants.push_back(id);
    for (const auto& [id, box] : m_fields) {
        const std::string text = Utf8(box->GetValue());
        auto it = std::find_if(s.fields.begin(), s.fields.end(),
                               [&](const NoteField& f) { return f.id == id; });
        if (it != s.fields.end())
            it->text = text;
        else
            s.fields.push_back({id, text});
    }
    s.themes = SplitThemes(Utf8(m_themes->GetValue()));
    s.methods.clear();
    for (std::size_t i = 0; m_methods && i < m_methodIds.size(); ++i)
        if (m_methods->IsChecked(static_cast<unsigned>(i)))
            s.methods.push_back(m_methodIds[i]);
    s.nextSteps = Utf8(m_nextSteps->GetValue());
    s.nextAppointment = m_hasNext->GetValue() ? Combine(m_nextDate, m_nextTime) : 0;
    return s;
}

void NoteEditor::Changed() {
    if (!m_loading && onModified)
        onModified();
}

} // namespace kartbok::app
