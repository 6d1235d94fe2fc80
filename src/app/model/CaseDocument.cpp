#include "model/CaseDocument.h"

#include <tuple>

#include "kartbok/vault/Vault.h"

#include <cstdint>
#include <stdexcept>

namespace kartbok::app {

CaseDocument::CaseDocument(vault::Vault& vault, journal::Case c, bool readOnly, std::string holder)
    : m_vault(vault), m_case(std::move(c)), m_readOnly(readOnly), m_holder(std::move(holder)) {}

std::unique_ptr<CaseDocument> CaseDocument::Open(vault::Vault& vault, const std::string& caseId,
                                                 const TakeOverQuestion& askTakeOver) {
    std::string holder;
    bool ours = vault.TryLockCase(caseId, &holder);
    if (!ours && askTakeOver) {
        // Another computer's lock is never judged stale by itself: only after
        // its holder was silent past the timeout, and the user agrees.
        const vault::CaseLockState state = vault.LockStateOf(caseId);
        if (state.otherComputer && state.silentPastTimeout && askTakeOver(state.holder))
            ours = vault.TryLockCase(caseId, &holder, vault::TakeOver::StaleAfterTimeout);
    }
    try {
        return std::make_unique<CaseDocument>(vault, vault.LoadCase(caseId), !ours, holder);
    } catch (...) {
        if (ours)
            vault.UnlockCase(caseId);
        throw;
    }
}

CaseDocument::~CaseDocument() {
    if (m_readOnly || m_vault.IsLocked())
        return; // Vault::Lock released every case lock already
    try {
        m_vault.UnlockCase(m_case.id);
    } catch (...) {
        // A lock file we cannot remove goes stale and is taken over; nothing to do here.
    }
}

void CaseDocument::RestoreUnsaved(journal::Case c) {
    if (m_readOnly)
        throw std::logic_error("RestoreUnsaved on a read-only case");
    if (c.id != m_case.id)
        throw std::logic_error("RestoreUnsaved with another case");
    m_case = std::move(c);
    m_stack.clear();
    m_next = 0;
    m_savedAt = SIZE_MAX; // what is on disk is older than this
    m_mergeOpen = false;
    Changed();
}

void CaseDocument::ForgetHistory() {
    m_stack.clear();
    m_next = 0;
    m_savedAt = 0;
    m_mergeOpen = false;
}

namespace {
/// A signature, addendum or correction is a record fact (who, when): the
/// library can revert it for its own tests, but the app must never take it
/// back, so it ends the undo history.
bool EntersTheRecord(const journal::CaseCommand& command) {
    switch (command.Kind()) {
    case journal::CommandKind::Sign:
    case journal::CommandKind::Addendum:
    case journal::CommandKind::Correction:
        return true;
    case journal::CommandKind::Composite:
        if (auto* composite = dynamic_cast<const journal::CompositeCaseCommand*>(&command))
            for (const auto& part : composite->Parts())
                if (EntersTheRecord(*part))
                    return true;
        return false;
    default:
        return false;
    }
}
/// How much a save's audit action says: a signature over an addendum over an
/// archiving over an edit.
int Weight(vault::AuditAction a) {
    switch (a) {
    case vault::AuditAction::Sign:
        return 3;
    case vault::AuditAction::Addendum:
        return 2;
    case vault::AuditAction::Archive:
        return 1;
    default:
        return 0;
    }
}

/// The weightiest audit action among a command and its parts, with its description.
std::pair<vault::AuditAction, std::string> SaveActionOf(const journal::CaseCommand& command) {
    std::pair<vault::AuditAction, std::string> best{vault::AuditActionFor(command.Kind()),
                                                    command.Describe()};
    if (auto* composite = dynamic_cast<const journal::CompositeCaseCommand*>(&command))
        for (const auto& part : composite->Parts())
            if (auto p = SaveActionOf(*part); Weight(p.first) > Weight(best.first))
                best = p;
    return best;
}
} // namespace

void CaseDocument::Execute(CaseEditPtr edit) {
    if (m_readOnly)
        throw std::logic_error("case is read-only");
    edit->Apply(m_case); // throws with the case unchanged
    if (auto a = SaveActionOf(edit->Command());
        m_saveDetail.empty() || Weight(a.first) > Weight(m_saveAction))
        std::tie(m_saveAction, m_saveDetail) = a;

    const bool merge = m_mergeOpen && CanUndo() && !CanRedo() && !edit->MergeKey().empty() &&
                       m_stack[m_next - 1]->MergeKey() == edit->MergeKey() && m_savedAt != m_next;
    if (merge) {
        m_stack[m_next - 1]->Merge(std::move(*edit));
    } else {
        m_stack.resize(m_next); // drops the redo branch
        if (m_savedAt > m_next)
            m_savedAt = SIZE_MAX;
        m_stack.push_back(std::move(edit));
        ++m_next;
    }
    m_mergeOpen = !m_stack[m_next - 1]->MergeKey().empty();
    if (EntersTheRecord(m_stack[m_next - 1]->Command())) {
        // Nothing before or including it can be undone; still unsaved (dirty).
        m_stack.clear();
        m_next = 0;
        m_savedAt = SIZE_MAX;
        m_mergeOpen = false;
    }
    Changed();
}

void CaseDocument::Undo() {
    if (!CanUndo() || m_readOnly)
        return;
    m_mergeOpen = false;
    auto& edit = m_stack[m_next - 1];
    edit->Revert(m_case);
    --m_next;
    Changed();
}

void CaseDocument::Redo() {
    if (!CanRedo() || m_readOnly)
        return;
    m_mergeOpen = false;
    auto& edit = m_stack[m_next];
    edit->Apply(m_case);
    ++m_next;
    Changed();
}

void CaseDocument::Save() {
    if (m_readOnly || !IsDirty())
        return;
    // One audit record per save, saying what it was (ids only, never client text).
    m_vault.SaveCase(m_case, m_saveAction, m_saveDetail);
    m_savedAt = m_next;
    m_mergeOpen = false; // a saved state is a boundary: never merge across it
    m_saveAction = vault::AuditAction::Save;
    m_saveDetail.clear();
}

void CaseDocument::Changed() {
    ++m_revision;
    if (m_onChanged)
        m_onChanged();
}

} // namespace kartbok::app
