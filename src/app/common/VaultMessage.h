#pragma once

#include "kartbok/vault/Vault.h"

#include <wx/string.h>

namespace kartbok::app {

/// A user-facing sentence for a vault error. The vault's own message names the
/// file and problem without client text; the lead-in is translated.
wxString VaultMessage(const vault::VaultError& e);

} // namespace kartbok::app
