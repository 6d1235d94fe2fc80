// The kartbok executable: everything lives in kartbok_app_core (shell/App.h).
#include "shell/App.h"

wxIMPLEMENT_APP(kartbok::app::App);
