#include "common/CheckRows.h"

#include "common/Label.h"

#include <wx/checkbox.h>
#include <wx/settings.h>
#include <wx/sizer.h>

namespace kartbok::app {

CheckRows::CheckRows(wxWindow* parent, int visibleRows)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxVSCROLL | wxBORDER_THEME) {
    SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX));
    SetScrollRate(0, GetCharHeight());
    SetSizer(new wxBoxSizer(wxVERTICAL));
    SetMinSize(wxSize(FromDIP(120), visibleRows * (GetCharHeight() + FromDIP(10))));
}

void CheckRows::Set(const wxArrayString& rows) {
    if (rows == m_strings)
        return;
    Freeze();
    DestroyChildren();
    m_rows.clear();
    m_strings = rows;
    auto* sizer = GetSizer();
    sizer->Clear();
    for (unsigned i = 0; i < rows.size(); ++i) {
        Row row;
        row.box = new wxCheckBox(this, wxID_ANY, wxString());
        row.box->SetName(wxString::Format("%s_%u", GetName(), i));
        row.text = new WrappingText(this, rows[i]);
        auto* line = new wxBoxSizer(wxHORIZONTAL);
        line->Add(row.box, 0, wxALIGN_TOP | wxRIGHT, FromDIP(4));
        line->Add(row.text, 1, wxALIGN_CENTER_VERTICAL);
        sizer->Add(line, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(3));
        row.box->Bind(wxEVT_CHECKBOX, [this, i](wxCommandEvent& e) {
            if (onToggle)
                onToggle(i, e.IsChecked());
        });
        // The words belong to the box: a click on them ticks it.
        row.text->Bind(wxEVT_LEFT_DOWN, [this, i](wxMouseEvent&) { Toggle(i); });
        m_rows.push_back(row);
    }
    Thaw();
    FitInside();
    Layout();
}

wxString CheckRows::GetString(unsigned i) const {
    return i < m_strings.size() ? m_strings[i] : wxString();
}

void CheckRows::Check(unsigned i, bool checked) {
    if (i < m_rows.size())
        m_rows[i].box->SetValue(checked);
}

bool CheckRows::IsChecked(unsigned i) const {
    return i < m_rows.size() && m_rows[i].box->GetValue();
}

void CheckRows::Toggle(unsigned i) {
    if (i >= m_rows.size() || !m_rows[i].box->IsEnabled())
        return;
    const bool checked = !m_rows[i].box->GetValue();
    m_rows[i].box->SetValue(checked);
    if (onToggle)
        onToggle(i, checked);
}

bool CheckRows::Enable(bool enable) {
    for (const Row& row : m_rows)
        row.box->Enable(enable);
    return wxScrolledWindow::Enable(enable);
}

} // namespace kartbok::app
