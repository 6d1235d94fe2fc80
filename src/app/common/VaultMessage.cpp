#include "common/VaultMessage.h"

#include <wx/intl.h>

namespace kartbok::app {

wxString VaultMessage(const vault::VaultError& e) {
    using Kind = vault::VaultError::Kind;
    switch (e.GetKind()) {
    case Kind::WrongPassword:
        return _("Wrong password. Check Caps Lock and try again.");
    case Kind::Damaged:
        return _("A vault file is damaged:") + "\n" + wxString::FromUTF8(e.what());
    case Kind::Tampered:
        return _("A vault file is not the one Kartbok saved last:") + "\n" +
               wxString::FromUTF8(e.what());
    case Kind::Io:
        return _("The disk refused:") + "\n" + wxString::FromUTF8(e.what());
    case Kind::Conflict:
        return _("Another program changed this client's file since it was opened. Your "
                 "changes were not saved; close and reopen the client.");
    case Kind::Locked:
        return _("Another Kartbok has this client open.");
    case Kind::Usage:
        return wxString::FromUTF8(e.what());
    }
    return wxString::FromUTF8(e.what());
}

} // namespace kartbok::app
