#include "common/Perform.h"

#include <wx/msgdlg.h>
#include <wx/utils.h>

namespace kartbok::app {

bool Perform(wxWindow* parent, CaseDocument* document, CaseEditPtr edit, const wxString& title) {
    if (document == nullptr || document->ReadOnly()) {
        wxBell();
        return false;
    }
    try {
        document->Execute(std::move(edit));
        return true;
    } catch (const std::exception& e) {
        // Library errors (CommandError, JournalError) are English and name no
        // client text; a translated lead-in frames them.
        wxMessageBox(_("This change cannot be made:") + "\n\n" + wxString::FromUTF8(e.what()),
                     title, wxOK | wxICON_INFORMATION, parent);
        return false;
    }
}

} // namespace kartbok::app
