#pragma once
// Client > New relative's case: a relative or partner in parallel treatment is
// a client of their own. Asks for their pseudonymous code and who they are in
// the index client's map (so joint sessions there show as joint in theirs).

#include "kartbok/genogram/Family.h"

#include <wx/dialog.h>

#include <string>
#include <vector>

class wxChoice;
class wxTextCtrl;

namespace kartbok::app {

class RelativeCaseDialog : public wxDialog {
public:
    RelativeCaseDialog(wxWindow* parent, const genogram::Family& indexFamily);
    std::string Code() const;
    /// The person chosen in the index client's map; 0 for "not in the map".
    genogram::PersonId Person() const;
    void SetCode(const wxString& code);
    void SelectPerson(genogram::PersonId id);

private:
    wxTextCtrl* m_code = nullptr;
    wxChoice* m_person = nullptr;
    std::vector<genogram::PersonId> m_people; ///< parallel to m_person; 0 first
};

} // namespace kartbok::app
