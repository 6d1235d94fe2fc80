#include "dialogs/AuditDialog.h"

#include "common/JournalNames.h"
#include "common/ListColumns.h"
#include "common/Palette.h"
#include "common/Utf8.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <array>

namespace kartbok::app {

using vault::AuditAction;

namespace {
constexpr std::array kActions{AuditAction::Unlock,
                              AuditAction::UnlockFailed,
                              AuditAction::Open,
                              AuditAction::Create,
                              AuditAction::Save,
                              AuditAction::Export,
                              AuditAction::Sign,
                              AuditAction::Addendum,
                              AuditAction::SlotAdded,
                              AuditAction::SlotRemoved,
                              AuditAction::PasswordChanged,
                              AuditAction::Archive,
                              AuditAction::Search,
                              AuditAction::Restore,
                              AuditAction::Repair,
                              AuditAction::KeyRotated};
static_assert(kActions.size() == static_cast<std::size_t>(vault::kLastAuditAction) + 1);
} // namespace

wxString AuditActionName(AuditAction action) {
    switch (action) {
    case AuditAction::Unlock:
        return _("Unlocked");
    case AuditAction::UnlockFailed:
        return _("Wrong password");
    case AuditAction::Open:
        return _("Opened client");
    case AuditAction::Create:
        return _("Created client");
    case AuditAction::Save:
        return _("Saved");
    case AuditAction::Export:
        return _("Exported");
    case AuditAction::Sign:
        return _("Signed note");
    case AuditAction::Addendum:
        return _("Addendum or correction");
    case AuditAction::SlotAdded:
        return _("User added");
    case AuditAction::SlotRemoved:
        return _("User removed");
    case AuditAction::PasswordChanged:
        return _("Password changed");
    case AuditAction::Archive:
        return _("Archived client");
    case AuditAction::Search:
        return _("Searched all notes");
    case AuditAction::Restore:
        return _("Previous version restored");
    case AuditAction::Repair:
        return _("Vault repaired");
    case AuditAction::KeyRotated:
        return _("Vault key changed");
    }
    return wxString();
}

AuditDialog::AuditDialog(wxWindow* parent, const vault::Vault& vault, std::string caseId)
    : wxDialog(parent, wxID_ANY, _("Audit log"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_caseId(std::move(caseId)) {
    SetName("audit_dialog");
    try {
        m_entries = vault.ReadAudit();
        for (const auto& s : vault.ListCases())
            m_codes[s.id] = s.code;
    } catch (const std::exception& e) {
        // A damaged or tampered log says so; the vault's message names no client.
        wxMessageBox(_("The audit log could not be read:") + "\n" + FromUtf8(e.what()),
                     _("Audit log"), wxOK | wxICON_WARNING, parent);
    }
    m_users = AuditUsers(m_entries);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* filters = new wxBoxSizer(wxHORIZONTAL);
    filters->Add(new wxStaticText(this, wxID_ANY, _("Action")), 0,
                 wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    m_action = new wxChoice(this, wxID_ANY);
    m_action->SetName("audit_action");
    m_action->Append(_("All actions"));
    for (auto a : kActions)
        m_action->Append(AuditActionName(a));
    m_action->SetSelection(0);
    filters->Add(m_action, 0, wxRIGHT, FromDIP(12));
    filters->Add(new wxStaticText(this, wxID_ANY, _("User")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                 FromDIP(4));
    m_user = new wxChoice(this, wxID_ANY);
    m_user->SetName("audit_user");
    m_user->Append(_("All users"));
    for (const auto& u : m_users)
        m_user->Append(FromUtf8(u));
    m_user->SetSelection(0);
    filters->Add(m_user, 0, wxRIGHT, FromDIP(12));
    m_thisCase = new wxCheckBox(this, wxID_ANY, _("This client only"));
    m_thisCase->SetName("audit_this_case");
    m_thisCase->Enable(!m_caseId.empty());
    filters->Add(m_thisCase, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(filters, 0, wxALL, FromDIP(8));

    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(760), FromDIP(420)),
                            wxLC_REPORT);
    m_list->SetName("audit_list");
    m_list->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, FromDIP(140));
    m_list->AppendColumn(_("User"), wxLIST_FORMAT_LEFT, FromDIP(100));
    m_list->AppendColumn(_("Action"), wxLIST_FORMAT_LEFT, FromDIP(170));
    m_list->AppendColumn(_("Client"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_list->AppendColumn(_("Details"), wxLIST_FORMAT_LEFT, FromDIP(220));
    sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(CreateStdDialogButtonSizer(wxCLOSE), 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);

    m_action->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Rebuild(); });
    m_user->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Rebuild(); });
    m_thisCase->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { Rebuild(); });
    Rebuild();
}

void AuditDialog::SetThisCaseOnly(bool on) {
    m_thisCase->SetValue(on && !m_caseId.empty());
    Rebuild();
}

void AuditDialog::SetActionFilter(std::optional<AuditAction> action) {
    int sel = 0;
    for (std::size_t i = 0; action && i < kActions.size(); ++i)
        if (kActions[i] == *action)
            sel = static_cast<int>(i) + 1;
    m_action->SetSelection(sel);
    Rebuild();
}

void AuditDialog::Rebuild() {
    AuditFilter filter;
    if (const int a = m_action->GetSelection(); a > 0)
        filter.action = kActions[static_cast<std::size_t>(a - 1)];
    if (const int u = m_user->GetSelection(); u > 0)
        filter.user = m_users[static_cast<std::size_t>(u - 1)];
    if (m_thisCase->GetValue())
        filter.caseId = m_caseId;
    m_rows = BuildAuditRows(m_entries, m_codes, filter);
    m_list->Freeze();
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const auto& r = m_rows[i];
        const long item = m_list->InsertItem(static_cast<long>(i), FormatTime(r.time));
        m_list->SetItem(item, 1, FromUtf8(r.user));
        m_list->SetItem(item, 2, AuditActionName(r.action));
        m_list->SetItem(item, 3, FromUtf8(r.caseCode));
        m_list->SetItem(item, 4, FromUtf8(r.detail));
        if (r.action == AuditAction::UnlockFailed)
            m_list->SetItemTextColour(item, palette::kError);
    }
    FitColumnsToContent(*m_list); // a long detail scrolls sideways, never cut to "…"
    m_list->Thaw();
}

} // namespace kartbok::app
