#pragma once
// The audit viewer (File > Audit log): every unlock, open, save, signature and
// export in the vault, read only, filterable by action, user and the open case.

#include "model/AuditPresenter.h"

#include <wx/dialog.h>

class wxCheckBox;
class wxChoice;
class wxListCtrl;

namespace kartbok::app {

class AuditDialog : public wxDialog {
public:
    /// caseId: the open case for "this case only" ("" when none is open).
    AuditDialog(wxWindow* parent, const vault::Vault& vault, std::string caseId);

    const std::vector<AuditRow>& Rows() const { return m_rows; }
    void SetThisCaseOnly(bool on);
    void SetActionFilter(std::optional<vault::AuditAction> action);

private:
    void Rebuild();

    std::vector<vault::AuditEntry> m_entries;
    std::map<std::string, std::string> m_codes;
    std::vector<std::string> m_users;
    std::string m_caseId;
    std::vector<AuditRow> m_rows;
    wxChoice* m_action = nullptr;
    wxChoice* m_user = nullptr;
    wxCheckBox* m_thisCase = nullptr;
    wxListCtrl* m_list = nullptr;
};

/// Translated name of an audit action ("Signed note", "Unlocked"...).
wxString AuditActionName(vault::AuditAction action);

} // namespace kartbok::app
