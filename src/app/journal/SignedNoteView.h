#pragma once
// A signed note as a reader sees it: fields with every correction shown as the
// old text struck through (still readable) followed by the new text, who
// corrected it, when and why; the signature line; the addenda. Read only.

#include "kartbok/genogram/Family.h"
#include "kartbok/journal/Case.h"
#include "kartbok/journal/Template.h"

#include <wx/panel.h>

#include <string>
#include <vector>

class wxTextCtrl;

namespace kartbok::app {

class SignedNoteView : public wxPanel {
public:
    explicit SignedNoteView(wxWindow* parent);

    /// Shows a note. tmpl may be nullptr: fields are then titled by their ids.
    /// topics: the checklist topics linked to this session ("Childhood - covered").
    void Show(const journal::Session& session, const journal::Template* tmpl,
              const genogram::Family& family, const std::string& language,
              const std::vector<wxString>& topics = {});
    /// The signature line as shown at the top ("" for a draft).
    wxString SignatureText() const { return m_signature; }

    /// One piece of text as shown, for tests: was it drawn struck through?
    struct Run {
        std::string text;
        bool struck = false;
    };
    const std::vector<Run>& Runs() const { return m_runs; }

private:
    enum class Style { Title, Heading, Body, Struck, Meta, Signature };
    void Put(const wxString& text, Style style);
    // The note top to bottom: title, signature, when and who; the fields with
    // their corrections; themes, methods, next appointment, topics; addenda.
    void PutHeader(const journal::Session& s, const journal::Template* tmpl,
                   const genogram::Family& family, const std::string& language);
    void PutFields(const journal::Session& s, const journal::Template* tmpl,
                   const std::string& language);
    /// False (nothing written) when the field is empty and was never corrected.
    bool PutField(const journal::Session& s, const std::string& id, const wxString& title);
    void PutDetails(const journal::Session& s, const journal::Template* tmpl,
                    const std::string& language, const std::vector<wxString>& topics);
    void PutAddenda(const journal::Session& s);

    wxTextCtrl* m_text = nullptr;
    std::vector<Run> m_runs;
    wxString m_signature;
};

} // namespace kartbok::app
