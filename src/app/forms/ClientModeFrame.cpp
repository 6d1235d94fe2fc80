#include "forms/ClientModeFrame.h"

#include "common/ClinicalNames.h"
#include "common/Palette.h"
#include "common/Translations.h"

#include "kartbok/base/Uuid.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/datetime.h>
#include <wx/display.h>
#include <wx/radiobut.h>
#include <wx/scrolwin.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

namespace kartbok::app {

using journal::AnswerType;

namespace {

constexpr float kLargeType = 1.6f;

wxString Text(const journal::LocalText& t) {
    return wxString::FromUTF8(t.In(CurrentLanguage()));
}

/// The choices a client picks from: the template's for scales and
/// frequencies, yes / no for yes-no items.
std::vector<journal::Choice> ChoicesOf(const journal::TemplateItem& item) {
    if (item.type == AnswerType::YesNo) {
        journal::Choice yes{"yes", {"Ja", "Yes"}};
        journal::Choice no{"no", {"Nej", "No"}};
        return {yes, no};
    }
    return item.choices;
}

} // namespace

ClientModeFrame::ClientModeFrame(wxWindow* parent, const journal::Template& form,
                                 journal::FormPhase phase,
                                 std::function<bool(const std::string&)> checkPassword,
                                 std::function<void(journal::FormResponse)> onLeave)
    : wxFrame(parent, wxID_ANY, Text(form.title), wxDefaultPosition, wxDefaultSize,
              wxDEFAULT_FRAME_STYLE | wxSTAY_ON_TOP),
      m_form(form), m_phase(phase), m_checkPassword(std::move(checkPassword)),
      m_onLeave(std::move(onLeave)) {
    SetName("client_mode");
    SetBackgroundColour(*wxWHITE);
    Build();
    Bind(wxEVT_CLOSE_WINDOW, &ClientModeFrame::OnClose, this);
    // The whole screen, so nothing of the case shows behind the form.
    const wxRect screen =
        wxDisplay(static_cast<unsigned>(std::max(0, wxDisplay::GetFromWindow(parent))))
            .GetGeometry();
    SetSize(screen);
    ShowFullScreen(true, wxFULLSCREEN_ALL);
}

void ClientModeFrame::Build() {
    m_book = new wxSimplebook(this);
    m_book->AddPage(BuildQuestionsPage(), wxString()); // page 0
    m_book->AddPage(BuildHandBackPage(), wxString());  // page 1
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_book, 1, wxEXPAND);
    SetSizer(sizer);
}

wxWindow* ClientModeFrame::BuildQuestionsPage() {
    // The questions, one scrolling list in large type.
    m_questionsPage = new wxScrolledWindow(m_book);
    m_questionsPage->SetBackgroundColour(*wxWHITE);
    m_questionsPage->SetFont(GetFont().Scaled(kLargeType));
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(m_questionsPage, wxID_ANY, Text(m_form.title));
    title->SetFont(m_questionsPage->GetFont().Bold().Scaled(1.4f));
    column->Add(title, 0, wxBOTTOM, 10);
    const int wrap = FromDIP(900);
    if (!Text(m_form.description).empty()) {
        auto* description = new wxStaticText(m_questionsPage, wxID_ANY, Text(m_form.description));
        description->Wrap(wrap);
        column->Add(description, 0, wxBOTTOM, 20);
    }
    for (const auto& section : m_form.sections) {
        auto* heading = new wxStaticText(m_questionsPage, wxID_ANY, Text(section.title));
        heading->SetFont(m_questionsPage->GetFont().Bold().Scaled(1.15f));
        heading->SetForegroundColour(palette::kAccent);
        column->Add(heading, 0, wxTOP | wxBOTTOM, 14);
        for (const auto& item : section.items)
            AddQuestion(column, item, wrap);
    }
    auto* done = new wxButton(m_questionsPage, wxID_ANY, _("I am done"));
    done->SetName("client_done");
    done->SetFont(m_questionsPage->GetFont().Bold());
    column->Add(done, 0, wxTOP | wxBOTTOM, 40);
    auto* centred = new wxBoxSizer(wxHORIZONTAL);
    centred->AddStretchSpacer();
    centred->Add(column, 0, wxALL, 30);
    centred->AddStretchSpacer();
    m_questionsPage->SetSizer(centred);
    m_questionsPage->SetScrollRate(0, FromDIP(20));
    done->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskForPassword(); });
    return m_questionsPage;
}

void ClientModeFrame::AddQuestion(wxSizer* column, const journal::TemplateItem& item, int wrap) {
    Question q;
    q.item = &item;
    auto* question = new wxStaticText(m_questionsPage, wxID_ANY, Text(item.title));
    question->SetFont(m_questionsPage->GetFont().Bold());
    question->Wrap(wrap);
    column->Add(question, 0, wxTOP, 12);
    const wxString help = Text(item.help);
    if (!help.empty() && item.type != AnswerType::Frequency) {
        auto* h = new wxStaticText(m_questionsPage, wxID_ANY, help);
        h->SetForegroundColour(palette::kMutedText);
        h->Wrap(wrap);
        column->Add(h, 0, wxTOP, 2);
    }
    // Where the question comes from, small and grey: a clinic-defined
    // question is never passed off as part of a validated instrument.
    auto* source = new wxStaticText(m_questionsPage, wxID_ANY,
                                    _("Source:") + " " + ProvenanceLabel(item.source));
    source->SetFont(m_questionsPage->GetFont().Scaled(0.7f));
    source->SetForegroundColour(palette::kMutedText);
    source->SetName("source_" + item.id);
    source->Wrap(wrap);
    column->Add(source, 0, wxTOP, 2);
    AddAnswer(column, q, wrap);
    m_questions.push_back(q);
}

void ClientModeFrame::AddAnswer(wxSizer* column, Question& q, int wrap) {
    const journal::TemplateItem& item = *q.item;
    const auto choices = ChoicesOf(item);
    if (item.type == AnswerType::MultipleChoice) {
        auto* list = new wxBoxSizer(wxVERTICAL);
        for (const auto& choice : choices) {
            auto* b = new wxCheckBox(m_questionsPage, wxID_ANY, Text(choice.label));
            b->SetName("answer_" + item.id + "_" + choice.value);
            list->Add(b, 0, wxTOP, 6);
            q.checks.push_back(b);
        }
        column->Add(list, 0, wxLEFT | wxTOP, 16);
    } else if (!choices.empty()) {
        // GTK always checks one button of a group: a hidden first one means
        // "not answered", so nothing is pre-filled for the client.
        auto* none = new wxRadioButton(m_questionsPage, wxID_ANY, wxString(), wxDefaultPosition,
                                       wxDefaultSize, wxRB_GROUP);
        none->SetValue(true);
        none->Hide();
        q.options.push_back(none);
        const bool across = item.type == AnswerType::YesNo;
        auto* row = new wxBoxSizer(across ? wxHORIZONTAL : wxVERTICAL);
        for (const auto& choice : choices) {
            auto* b = new wxRadioButton(m_questionsPage, wxID_ANY, Text(choice.label));
            b->SetName("answer_" + item.id + "_" + choice.value);
            row->Add(b, 0, across ? wxRIGHT : wxTOP, across ? 40 : 6);
            q.options.push_back(b);
        }
        column->Add(row, 0, wxLEFT | wxTOP, 16);
    } else {
        const bool multi = item.type == AnswerType::FreeText;
        q.text = new wxTextCtrl(m_questionsPage, wxID_ANY, wxString(), wxDefaultPosition,
                                wxSize(multi ? wrap : FromDIP(160), -1));
        q.text->SetName("answer_" + item.id);
        column->Add(q.text, 0, wxLEFT | wxTOP, 16);
    }
}

wxWindow* ClientModeFrame::BuildHandBackPage() {
    // Back to the therapist.
    auto* back = new wxPanel(m_book);
    back->SetBackgroundColour(*wxWHITE);
    back->SetFont(GetFont().Scaled(kLargeType));
    auto* thanks = new wxStaticText(back, wxID_ANY,
                                    _("Thank you. Please hand the screen back to your therapist."));
    thanks->SetFont(back->GetFont().Bold().Scaled(1.2f));
    auto* prompt = new wxStaticText(back, wxID_ANY,
                                    _("Therapist: enter the vault password to leave client mode."));
    m_password = new wxTextCtrl(back, wxID_ANY, wxString(), wxDefaultPosition,
                                wxSize(FromDIP(420), -1), wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    m_password->SetName("client_password");
    m_passwordError = new wxStaticText(back, wxID_ANY, wxString());
    m_passwordError->SetName("client_password_error");
    m_passwordError->SetForegroundColour(palette::kError);
    auto* leave = new wxButton(back, wxID_ANY, _("Leave client mode"));
    leave->SetName("client_leave");
    auto* more = new wxButton(back, wxID_ANY, _("Back to the questions"));
    more->SetName("client_back");
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(leave, 0, wxRIGHT, 16);
    buttons->Add(more, 0);
    auto* backColumn = new wxBoxSizer(wxVERTICAL);
    backColumn->AddStretchSpacer();
    backColumn->Add(thanks, 0, wxALIGN_CENTER | wxBOTTOM, 30);
    backColumn->Add(prompt, 0, wxALIGN_CENTER | wxBOTTOM, 10);
    backColumn->Add(m_password, 0, wxALIGN_CENTER | wxBOTTOM, 10);
    backColumn->Add(m_passwordError, 0, wxALIGN_CENTER | wxBOTTOM, 10);
    backColumn->Add(buttons, 0, wxALIGN_CENTER);
    backColumn->AddStretchSpacer();
    back->SetSizer(backColumn);

    more->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        m_password->Clear();
        m_passwordError->SetLabel(wxString());
        m_book->ChangeSelection(0);
    });
    auto leaveNow = [this](wxCommandEvent&) {
        TryLeave(m_password->GetValue().ToStdString(wxConvUTF8));
    };
    leave->Bind(wxEVT_BUTTON, leaveNow);
    m_password->Bind(wxEVT_TEXT_ENTER, leaveNow);
    return back;
}

void ClientModeFrame::SetAnswer(const std::string& itemId, const std::string& value) {
    for (auto& q : m_questions) {
        if (q.item->id != itemId)
            continue;
        if (q.text)
            q.text->ChangeValue(wxString::FromUTF8(value));
        const auto choices = ChoicesOf(*q.item);
        const auto chosen = journal::SplitChoices(value);
        for (std::size_t i = 0; i < choices.size(); ++i) {
            const bool on =
                std::find(chosen.begin(), chosen.end(), choices[i].value) != chosen.end();
            if (!q.checks.empty())
                q.checks[i]->SetValue(on);
            else if (choices[i].value == value)
                q.options[i + 1]->SetValue(true);
        }
    }
}

journal::FormResponse ClientModeFrame::Collect() const {
    journal::FormResponse r;
    r.id = base::NewUuid();
    r.templateId = m_form.id;
    r.templateVersion = m_form.version;
    r.phase = m_phase;
    const wxDateTime today = wxDateTime::Today();
    r.date = {today.GetYear(), static_cast<int>(today.GetMonth()) + 1, today.GetDay()};
    for (const auto& q : m_questions) {
        std::string value;
        if (q.text) {
            value = q.text->GetValue().Strip(wxString::both).ToStdString(wxConvUTF8);
            long number = 0;
            if (q.item->type == AnswerType::Number && !value.empty() &&
                !wxString::FromUTF8(value).ToLong(&number))
                value.clear(); // not a number: left unanswered rather than stored wrong
        } else if (!q.checks.empty()) {
            std::vector<std::string> chosen;
            const auto choices = ChoicesOf(*q.item);
            for (std::size_t i = 0; i < choices.size(); ++i)
                if (q.checks[i]->GetValue())
                    chosen.push_back(choices[i].value);
            value = journal::JoinChoices(chosen);
        } else {
            const auto choices = ChoicesOf(*q.item);
            for (std::size_t i = 0; i < choices.size(); ++i)
                if (q.options[i + 1]->GetValue())
                    value = choices[i].value;
        }
        if (!value.empty())
            r.answers.push_back({q.item->id, value});
    }
    return r;
}

void ClientModeFrame::AskForPassword() {
    m_password->Clear();
    m_passwordError->SetLabel(wxString());
    m_book->ChangeSelection(1);
    m_password->SetFocus();
}

bool ClientModeFrame::TryLeave(const std::string& password) {
    if (m_book->GetSelection() != 1)
        AskForPassword();
    bool ok = false;
    {
        wxBusyCursor busy;
        ok = !password.empty() && m_checkPassword && m_checkPassword(password);
    }
    if (!ok) {
        m_password->Clear();
        m_passwordError->SetLabel(_("That is not the password. Client mode stays on."));
        m_book->GetPage(1)->Layout();
        return false;
    }
    m_leaving = true;
    auto onLeave = std::move(m_onLeave);
    const journal::FormResponse response = Collect();
    ShowFullScreen(false);
    Destroy();
    if (onLeave)
        onLeave(response);
    return true;
}

wxString ClientModeFrame::PasswordError() const {
    return m_passwordError->GetLabel();
}

void ClientModeFrame::OnClose(wxCloseEvent& event) {
    // Closing the window is leaving client mode: only with the password.
    if (!m_leaving && event.CanVeto()) {
        event.Veto();
        AskForPassword();
        return;
    }
    Destroy();
}

} // namespace kartbok::app
