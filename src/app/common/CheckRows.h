#pragma once
// A list of tick boxes whose words wrap to the list's width instead of being
// cut: a session "2025-09-23 · Relative or partner alone", a person "Karin
// Lindqvist (maternal grandmother)" or a long method name reads in full in a
// narrow column. Works like wxCheckListBox (Set, Check, IsChecked) and scrolls
// when there are more rows than room.

#include <wx/arrstr.h>
#include <wx/scrolwin.h>

#include <functional>
#include <vector>

class wxCheckBox;

namespace kartbok::app {

class WrappingText;

class CheckRows : public wxScrolledWindow {
public:
    /// visibleRows: how many one-line rows the list asks room for before it scrolls.
    CheckRows(wxWindow* parent, int visibleRows = 4);

    /// Replaces the rows (all unticked); keeps them when the words are the same.
    void Set(const wxArrayString& rows);
    unsigned GetCount() const { return static_cast<unsigned>(m_rows.size()); }
    wxString GetString(unsigned i) const;
    void Check(unsigned i, bool checked = true);
    bool IsChecked(unsigned i) const;
    bool Enable(bool enable = true) override;

    /// A row was ticked or unticked by the user (not by Check).
    std::function<void(unsigned row, bool checked)> onToggle;

private:
    struct Row {
        wxCheckBox* box = nullptr;
        WrappingText* text = nullptr;
    };
    void Toggle(unsigned i);

    std::vector<Row> m_rows;
    wxArrayString m_strings;
};

} // namespace kartbok::app
