// The kartbok executable: everything lives in kartbok_app_core (src/app/App.h).
#include "App.h"

wxIMPLEMENT_APP(kartbok::app::App);
