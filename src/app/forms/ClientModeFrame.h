#pragma once
// Client mode: the therapist hands the screen to the client, who fills in one
// self-rating form in large type with nothing else of the case in view - a
// full-screen frame with no menus, no names, no case code. Only the therapist's
// vault password leaves it; then the answers are handed back as one
// FormResponse (template id and version recorded) for the caller to store
// through the document.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/Template.h"

#include <wx/frame.h>

#include <functional>
#include <string>
#include <vector>

class wxPanel;
class wxCheckBox;
class wxRadioButton;
class wxScrolledWindow;
class wxSimplebook;
class wxSizer;
class wxStaticText;
class wxTextCtrl;

namespace kartbok::app {

class ClientModeFrame : public wxFrame {
public:
    /// checkPassword: true when the password opens the vault (slow on purpose).
    /// onLeave: called once after the password was accepted, with the answers
    /// (an empty answer list when the client answered nothing).
    ClientModeFrame(wxWindow* parent, const journal::Template& form, journal::FormPhase phase,
                    std::function<bool(const std::string&)> checkPassword,
                    std::function<void(journal::FormResponse)> onLeave);

    /// Sets an answer as the client would ("yes", a scale value, a number, text).
    void SetAnswer(const std::string& itemId, const std::string& value);
    /// The answers given so far, as a response dated today.
    journal::FormResponse Collect() const;
    /// Shows the password step ("hand the screen back").
    void AskForPassword();
    /// Leaves when the password is right; false (message shown, still in client
    /// mode) otherwise.
    bool TryLeave(const std::string& password);
    wxString PasswordError() const;

private:
    struct Question {
        const journal::TemplateItem* item = nullptr;
        std::vector<wxRadioButton*> options; ///< [0] is the hidden "no answer" button
        std::vector<wxCheckBox*> checks;     ///< multiple-choice: one per option
        wxTextCtrl* text = nullptr;
    };
    void Build();
    wxWindow* BuildQuestionsPage();
    /// One question: its text, help and source, then how it is answered.
    void AddQuestion(wxSizer* column, const journal::TemplateItem& item, int wrap);
    void AddAnswer(wxSizer* column, Question& q, int wrap);
    wxWindow* BuildHandBackPage(); ///< "hand the screen back": the password to leave
    void OnClose(wxCloseEvent& event);

    journal::Template m_form;
    journal::FormPhase m_phase;
    std::function<bool(const std::string&)> m_checkPassword;
    std::function<void(journal::FormResponse)> m_onLeave;
    std::vector<Question> m_questions;
    wxSimplebook* m_book = nullptr;
    wxScrolledWindow* m_questionsPage = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxStaticText* m_passwordError = nullptr;
    bool m_leaving = false;
};

} // namespace kartbok::app
