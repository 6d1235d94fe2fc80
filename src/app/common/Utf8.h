#pragma once
// The libraries speak UTF-8 std::string, wx speaks wxString: wxString::FromUTF8
// one way, this the other, so no call site guesses the charset.

#include <wx/string.h>

#include <string>

namespace kartbok::app {

inline std::string Utf8(const wxString& s) {
    return s.ToStdString(wxConvUTF8);
}
inline wxString FromUtf8(const std::string& s) {
    return wxString::FromUTF8(s);
}

} // namespace kartbok::app
