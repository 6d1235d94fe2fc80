#pragma once
// Asks for an addendum to a signed note, or for a correction of one field: the
// new text and why. The note itself never changes; JournalPage turns the answer
// into an AddAddendum command.

#include <wx/dialog.h>

#include <string>
#include <vector>

class wxChoice;
class wxTextCtrl;

namespace kartbok::app {

class AddendumDialog : public wxDialog {
public:
    struct Field {
        std::string id;
        wxString title;
        wxString current; ///< the text that stands now, to start the correction from
    };

    /// An empty `fields` asks for a plain addendum; otherwise for a correction of one of them.
    AddendumDialog(wxWindow* parent, std::vector<Field> fields);

    std::string FieldId() const;
    std::string Text() const;
    std::string Reason() const;

private:
    bool TransferDataFromWindow() override;

    std::vector<Field> m_fields;
    wxChoice* m_field = nullptr;
    wxTextCtrl* m_text = nullptr;
    wxTextCtrl* m_reason = nullptr;
};

} // namespace kartbok::app
