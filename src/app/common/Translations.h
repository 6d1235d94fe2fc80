#pragma once
// Which language the UI speaks. English is the source language; Swedish comes
// from po/sv*.po compiled to share/locale/sv/LC_MESSAGES/kartbok.mo beside the
// executable (journal::ShippedDataDir).

#include <string>

namespace kartbok::app {

/// Installs the catalogues for "sv" or "en"; "" follows the system locale
/// (Swedish when the system is Swedish, otherwise English). Returns the
/// language now in effect. Safe to call again to switch.
std::string ApplyLanguage(const std::string& requested);

/// The language ApplyLanguage last put in effect ("sv" or "en").
std::string CurrentLanguage();

} // namespace kartbok::app
