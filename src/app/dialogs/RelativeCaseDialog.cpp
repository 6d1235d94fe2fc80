#include "dialogs/RelativeCaseDialog.h"

#include "dialogs/NewCaseDialog.h"

#include "common/Utf8.h"

#include "kartbok/genogram/Queries.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace kartbok::app {

RelativeCaseDialog::RelativeCaseDialog(wxWindow* parent, const genogram::Family& family)
    : wxDialog(parent, wxID_ANY, _("New relative's case")) {
    SetName("relative_case_dialog");
    auto* outer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("A relative or partner in parallel treatment is a client of their own: their\n"
          "sessions, checklist and forms are kept in their own case, never in this one.\n"
          "Give them a pseudonymous code of their own."));
    outer->Add(intro, 0, wxALL, 12);
    auto* grid = new wxFlexGridSizer(2, wxSize(10, 8));
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Their client code")), 0, wxALIGN_CENTER_VERTICAL);
    m_code = new wxTextCtrl(this, wxID_ANY);
    m_code->SetName("relative_code");
    grid->Add(m_code, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Who they are in this map")), 0,
              wxALIGN_CENTER_VERTICAL);
    m_person = new wxChoice(this, wxID_ANY);
    m_person->SetName("relative_person");
    m_person->Append(_("(not in the map)"));
    m_people.push_back(0);
    const auto index = family.IndexPerson();
    for (const auto& p : family.people) {
        if (p.placeholder || (index && p.id == *index) || p.DisplayName().empty())
            continue;
        m_person->Append(FromUtf8(p.DisplayName()));
        m_people.push_back(p.id);
    }
    m_person->SetSelection(0);
    // The current partner is the usual relative in parallel treatment.
    if (index) {
        const auto partners = genogram::PartnersOf(family, *index);
        if (!partners.empty())
            SelectPerson(partners.back());
    }
    grid->Add(m_person, 1, wxEXPAND);
    outer->Add(grid, 0, wxLEFT | wxRIGHT | wxEXPAND, 12);
    FinishCodeDialog(*this, outer, m_code);
}

std::string RelativeCaseDialog::Code() const {
    return TypedCode(*m_code);
}

genogram::PersonId RelativeCaseDialog::Person() const {
    const int i = m_person->GetSelection();
    return i < 0 ? 0 : m_people[static_cast<std::size_t>(i)];
}

void RelativeCaseDialog::SetCode(const wxString& code) {
    m_code->ChangeValue(code);
}

void RelativeCaseDialog::SelectPerson(genogram::PersonId id) {
    for (std::size_t i = 0; i < m_people.size(); ++i)
        if (m_people[i] == id)
            m_person->SetSelection(static_cast<int>(i));
}

} // namespace kartbok::app
