#include "common/DateControls.h"

#include "common/Palette.h"
#include "common/Translations.h"
#include "common/Utf8.h"

#include "kartbok/journal/Dates.h"

#include <wx/button.h>
#include <wx/dcbuffer.h>
#include <wx/popupwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include <array>

namespace kartbok::app {

using journal::Date;

namespace {

const wxColour kInvalid(253, 226, 214);

/// Calendar words, by UI language: month names and two-letter weekdays (Monday first).
struct CalendarWords {
    std::array<const char*, 12> months;
    std::array<const char*, 7> days;
    const char* week;
};
const CalendarWords& Words() {
    static const CalendarWords sv{{"januari", "februari", "mars", "april", "maj", "juni", "juli",
                                   "augusti", "september", "oktober", "november", "december"},
                                  {"må", "ti", "on", "to", "fr", "lö", "sö"},
                                  "v."};
    static const CalendarWords en{{"January", "February", "March", "April", "May", "June", "July",
                                   "August", "September", "October", "November", "December"},
                                  {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"},
                                  "wk"};
    return CurrentLanguage() == "sv" ? sv : en;
}

using journal::Today;

/// A month of days to click, Monday first, with ISO week numbers.
class CalendarGrid : public wxWindow {
public:
    CalendarGrid(wxWindow* parent, Date selected, std::function<void(Date)> picked,
                 std::function<void()> cancel)
        : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS),
          m_selected(selected.Set() ? selected : Today()), m_picked(std::move(picked)),
          m_cancel(std::move(cancel)) {
        SetName("calendar_grid");
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        m_cell = wxSize(GetTextExtent("00").x + FromDIP(14), GetCharHeight() + FromDIP(10));
        SetMinSize(wxSize(m_cell.x * 8, m_cell.y * 8));
        Bind(wxEVT_PAINT, &CalendarGrid::OnPaint, this);
        Bind(wxEVT_LEFT_DOWN, &CalendarGrid::OnClick, this);
        Bind(wxEVT_CHAR_HOOK, &CalendarGrid::OnKey, this);
        Bind(wxEVT_KEY_DOWN, &CalendarGrid::OnKey, this);
    }

    Date Selected() const { return m_selected; }
    /// Moves the highlight (keys, tests); the month follows.
    void Move(int days) {
        m_selected = AddDays(m_selected, days);
        Refresh();
    }
    void MoveMonths(int months) {
        m_selected = m_selected.AddMonths(months);
        Refresh();
    }
    void Pick() {
        if (m_picked)
            m_picked(m_selected);
    }

private:
    Date First() const { return {m_selected.year, m_selected.month, 1}; }
    /// The date drawn in row r (0-5), column c (0-6).
    Date At(int r, int c) const { return AddDays(First(), r * 7 + c - WeekdayOf(First())); }

    void OnPaint(wxPaintEvent&) {
        wxAutoBufferedPaintDC dc(this);
        dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
        dc.Clear();
        const auto& words = Words();
        const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
        const wxColour& grey = palette::kAxis;
        dc.SetFont(GetFont().Bold());
        dc.SetTextForeground(text);
        const wxString title =
            wxString::FromUTF8(words.months[static_cast<std::size_t>(m_selected.month - 1)]) +
            wxString::Format(" %d", m_selected.year);
        const int width = m_cell.x * 8;
        dc.DrawLabel(title, wxRect(0, 0, width, m_cell.y), wxALIGN_CENTER);
        dc.DrawLabel(wxString::FromUTF8("\u2039"), wxRect(0, 0, m_cell.x, m_cell.y),
                     wxALIGN_CENTER);
        dc.DrawLabel(wxString::FromUTF8("\u203A"), wxRect(width - m_cell.x, 0, m_cell.x, m_cell.y),
                     wxALIGN_CENTER);
        dc.SetFont(GetFont());
        dc.SetTextForeground(grey);
        dc.DrawLabel(wxString::FromUTF8(words.week), wxRect(0, m_cell.y, m_cell.x, m_cell.y),
                     wxALIGN_CENTER);
        for (int c = 0; c < 7; ++c)
            dc.DrawLabel(wxString::FromUTF8(words.days[static_cast<std::size_t>(c)]),
                         wxRect((c + 1) * m_cell.x, m_cell.y, m_cell.x, m_cell.y), wxALIGN_CENTER);
        const Date today = Today();
        for (int r = 0; r < 6; ++r) {
            const int y = (r + 2) * m_cell.y;
            dc.SetTextForeground(grey);
            dc.DrawLabel(wxString::Format("%d", IsoWeek(At(r, 0))),
                         wxRect(0, y, m_cell.x, m_cell.y), wxALIGN_CENTER);
            for (int c = 0; c < 7; ++c) {
                const Date d = At(r, c);
                wxRect cell((c + 1) * m_cell.x, y, m_cell.x, m_cell.y);
                if (d == m_selected) {
                    dc.SetBrush(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT)));
                    dc.SetPen(*wxTRANSPARENT_PEN);
                    dc.DrawRectangle(wxRect(cell).Deflate(1));
                    dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHTTEXT));
                } else {
                    dc.SetTextForeground(d.month == m_selected.month ? text : grey);
                }
                if (d == today) {
                    dc.SetBrush(*wxTRANSPARENT_BRUSH);
                    dc.SetPen(wxPen(grey));
                    dc.DrawRectangle(wxRect(cell).Deflate(2));
                }
                dc.DrawLabel(wxString::Format("%d", d.day), cell, wxALIGN_CENTER);
            }
        }
    }

    void OnClick(wxMouseEvent& e) {
        const int c = e.GetX() / m_cell.x, r = e.GetY() / m_cell.y;
        if (r == 0 && c == 0)
            MoveMonths(-1);
        else if (r == 0 && c == 7)
            MoveMonths(1);
        else if (r >= 2 && r < 8 && c >= 1) {
            m_selected = At(r - 2, c - 1);
            Pick();
        }
    }

    void OnKey(wxKeyEvent& e) {
        if (!HandleKey(e.GetKeyCode()))
            e.Skip();
    }

public:
    /// Arrows move a day or a week, Page Up/Down a month, Enter or Space
    /// picks, Escape closes; false for any other key.
    bool HandleKey(int key) {
        switch (key) {
        case WXK_LEFT:
            Move(-1);
            return true;
        case WXK_RIGHT:
            Move(1);
            return true;
        case WXK_UP:
            Move(-7);
            return true;
        case WXK_DOWN:
            Move(7);
            return true;
        case WXK_PAGEUP:
            MoveMonths(-1);
            return true;
        case WXK_PAGEDOWN:
            MoveMonths(1);
            return true;
        case WXK_RETURN:
        case WXK_NUMPAD_ENTER:
        case WXK_SPACE:
            Pick();
            return true;
        case WXK_ESCAPE:
            if (m_cancel)
                m_cancel();
            return true;
        default:
            return false;
        }
    }

private:
    Date m_selected;
    std::function<void(Date)> m_picked;
    std::function<void()> m_cancel;
    wxSize m_cell;
};

class CalendarPopup : public wxPopupTransientWindow {
public:
    CalendarPopup(wxWindow* parent, Date date, std::function<void(Date)> picked,
                  std::function<void()> gone)
        : wxPopupTransientWindow(parent, wxBORDER_SIMPLE), m_gone(std::move(gone)) {
        SetName("calendar_popup");
        m_grid = new CalendarGrid(
            this, date,
            [this, picked](Date d) {
                picked(d);
                Close();
            },
            [this] { Close(); });
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(m_grid, 1, wxEXPAND | wxALL, FromDIP(4));
        SetSizerAndFit(sizer);
    }
    /// Keys typed in the date field while the calendar is open.
    bool HandleKey(int key) { return m_grid->HandleKey(key); }

    /// Closes the calendar from inside (a day picked, Escape); wx only calls
    /// OnDismiss when a click outside closes it.
    void Close() {
        Dismiss();
        OnDismiss();
    }

private:
    void OnDismiss() override {
        if (m_gone)
            m_gone();
        m_gone = nullptr;
        CallAfter([this] { Destroy(); });
    }

    CalendarGrid* m_grid = nullptr;
    std::function<void()> m_gone;
};

} // namespace

DateCtrl::DateCtrl(wxWindow* parent, const Date& date, bool allowEmpty)
    : wxPanel(parent), m_date(date), m_allowEmpty(allowEmpty) {
    m_text = new wxTextCtrl(this, wxID_ANY, FromUtf8(date.Iso()));
    m_text->SetName("date_text");
    m_text->SetHint("YYYY-MM-DD");
    m_text->SetToolTip(_("Date as year-month-day, e.g. 2026-12-05. Up and Down change the day, "
                         "Alt+Down opens the calendar."));
    // Wide enough for the date and the field's frame, never wider.
    m_text->SetInitialSize(wxSize(GetTextExtent("2026-12-31").x + FromDIP(24), wxDefaultCoord));
    m_button = new wxButton(this, wxID_ANY, wxString::FromUTF8("\u25BE"), wxDefaultPosition,
                            wxDefaultSize, wxBU_EXACTFIT);
    m_button->SetName("date_calendar");
    m_button->SetToolTip(_("Choose the date in a calendar"));
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(m_text, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(m_button, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(2));
    SetSizerAndFit(sizer);

    m_text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { TextChanged(); });
    m_text->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        // Leaving a half-typed date puts the last valid one back.
        if (!ParseIsoDate(Utf8(m_text->GetValue())) &&
            !(m_allowEmpty && m_text->GetValue().empty()))
            SetDate(m_date);
        e.Skip();
    });
    m_text->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        const int key = e.GetKeyCode();
        if (auto* popup = dynamic_cast<CalendarPopup*>(m_popup)) {
            if (!popup->HandleKey(key))
                e.Skip();
            return;
        }
        if (key == WXK_DOWN && e.AltDown()) {
            ShowCalendar();
        } else if ((key == WXK_UP || key == WXK_DOWN) && m_date.Set()) {
            Commit(AddDays(m_date, key == WXK_UP ? 1 : -1));
            SetDate(m_date);
        } else {
            e.Skip();
        }
    });
    m_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowCalendar(); });
}

void DateCtrl::SetDate(const Date& date) {
    m_date = date;
    m_setting = true;
    m_text->ChangeValue(FromUtf8(date.Iso()));
    m_text->SetBackgroundColour(wxNullColour);
    m_text->Refresh();
    m_setting = false;
}

void DateCtrl::TextChanged() {
    if (m_setting)
        return;
    const std::string typed = Utf8(m_text->GetValue());
    const auto date = ParseIsoDate(typed);
    const bool ok = date || (m_allowEmpty && typed.empty());
    m_text->SetBackgroundColour(ok ? wxNullColour : kInvalid);
    m_text->Refresh();
    if (ok)
        Commit(date.value_or(Date{}));
}

void DateCtrl::Commit(const Date& date) {
    if (date == m_date)
        return;
    m_date = date;
    if (onChanged)
        onChanged();
}

void DateCtrl::ShowCalendar() {
    if (m_popup || !IsEnabled())
        return;
    auto* popup = new CalendarPopup(
        this, m_date,
        [this](Date d) {
            SetDate(d);
            m_date = Date{}; // so Commit below reports the change
            Commit(d);
            m_text->SetFocus();
        },
        [this] { m_popup = nullptr; });
    m_popup = popup;
    popup->Position(m_text->GetScreenPosition(), wxSize(0, m_text->GetSize().y));
    // The focus stays in the field; its keys steer the calendar (see the key handler).
    popup->Popup(m_text);
}

bool DateCtrl::Enable(bool enable) {
    m_text->Enable(enable);
    m_button->Enable(enable);
    return wxPanel::Enable(enable);
}

TimeCtrl::TimeCtrl(wxWindow* parent, int minutes) : wxPanel(parent), m_minutes(minutes) {
    m_text = new wxTextCtrl(this, wxID_ANY, FromUtf8(ClockText(minutes)));
    m_text->SetName("time_text");
    m_text->SetHint("HH:MM");
    m_text->SetToolTip(_("Time as hours:minutes, 24-hour clock. Up and Down change it by five "
                         "minutes."));
    m_text->SetInitialSize(wxSize(GetTextExtent("00:00").x + FromDIP(24), wxDefaultCoord));
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(m_text, 0, wxALIGN_CENTER_VERTICAL);
    SetSizerAndFit(sizer);
    m_text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { TextChanged(); });
    m_text->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        if (!ParseClock(Utf8(m_text->GetValue())))
            SetMinutes(m_minutes);
        e.Skip();
    });
    m_text->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        const int key = e.GetKeyCode();
        if (key != WXK_UP && key != WXK_DOWN) {
            e.Skip();
            return;
        }
        const int step = key == WXK_UP ? 5 : -5;
        SetMinutes(((m_minutes + step) % 1440 + 1440) % 1440);
        if (onChanged)
            onChanged();
    });
}

void TimeCtrl::SetMinutes(int minutes) {
    m_minutes = minutes;
    m_setting = true;
    m_text->ChangeValue(FromUtf8(ClockText(minutes)));
    m_text->SetBackgroundColour(wxNullColour);
    m_text->Refresh();
    m_setting = false;
}

void TimeCtrl::TextChanged() {
    if (m_setting)
        return;
    const auto minutes = ParseClock(Utf8(m_text->GetValue()));
    m_text->SetBackgroundColour(minutes ? wxNullColour : kInvalid);
    m_text->Refresh();
    if (minutes && *minutes != m_minutes) {
        m_minutes = *minutes;
        if (onChanged)
            onChanged();
    }
}

bool TimeCtrl::Enable(bool enable) {
    m_text->Enable(enable);
    return wxPanel::Enable(enable);
}

} // namespace kartbok::app
