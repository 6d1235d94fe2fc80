#pragma once
// Dates and times as a Swedish record writes them, whatever the locale:
// 2026-12-05 and 14:25 (ISO 8601). GTK's date picker follows the system
// locale (12/05/2026 on an English system, read as 12 May by a Swede), so the
// app has its own: a text field that takes an ISO date, Up/Down for a day
// earlier or later, and a calendar popup with weeks starting on Monday, ISO
// week numbers and month and day names in the UI's language. The time field
// takes 24-hour HH:MM.

#include "model/DateText.h"

#include <wx/panel.h>

#include <functional>
#include <optional>
#include <string>

class wxButton;
class wxTextCtrl;

namespace kartbok::app {

class DateCtrl : public wxPanel {
public:
    /// allowEmpty: the field may be cleared, and GetDate() is then unset.
    DateCtrl(wxWindow* parent, const journal::Date& date, bool allowEmpty = false);

    void SetDate(const journal::Date& date);
    /// The last valid date typed or picked (unset only when empty is allowed).
    journal::Date GetDate() const { return m_date; }
    /// Opens the calendar beside the field (also Alt+Down and the button).
    void ShowCalendar();
    /// The calendar popup while it is open, for tests.
    wxWindow* Calendar() const { return m_popup; }

    /// Called after every change to a valid date, typed or picked.
    std::function<void()> onChanged;

    bool Enable(bool enable = true) override;

private:
    void TextChanged();
    void Commit(const journal::Date& date);

    journal::Date m_date;
    bool m_allowEmpty = false;
    bool m_setting = false;
    wxTextCtrl* m_text = nullptr;
    wxButton* m_button = nullptr;
    wxWindow* m_popup = nullptr;
};

class TimeCtrl : public wxPanel {
public:
    TimeCtrl(wxWindow* parent, int minutes);
    void SetMinutes(int minutes);
    /// Minutes after midnight, the last valid time typed.
    int GetMinutes() const { return m_minutes; }
    std::function<void()> onChanged;
    bool Enable(bool enable = true) override;

private:
    void TextChanged();

    int m_minutes = 0;
    bool m_setting = false;
    wxTextCtrl* m_text = nullptr;
};

} // namespace kartbok::app
