#pragma once
// The open case and the one path every change takes (docs/architecture.md): Execute /
// Undo / Redo apply CaseEdits, keep the dirty flag, and Save writes through the
// vault with an audit entry. wx-free, so it is tested without a display; the
// frame owns the autosave timer and calls Save.

#include "model/CaseEdit.h"

#include "kartbok/journal/Case.h"
#include "kartbok/vault/Vault.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kartbok::vault {
class Vault;
}

namespace kartbok::app {

class CaseDocument {
public:
    /// readOnly: another instance holds the case (holder names it); edits are refused.
    CaseDocument(vault::Vault& vault, journal::Case c, bool readOnly = false,
                 std::string holder = {});
    /// Opens a case for editing: takes the vault's per-case lock, or, when another
    /// Kartbok holds it, opens read-only naming the holder. Throws vault::VaultError.
    /// Asked when another computer's lock on the case showed no sign of life
    /// for the takeover timeout; gets the holder's description, true = take it over.
    using TakeOverQuestion = std::function<bool(const std::string& holder)>;
    static std::unique_ptr<CaseDocument> Open(vault::Vault& vault, const std::string& caseId,
                                              const TakeOverQuestion& askTakeOver = {});
    /// Releases the case lock this document took (never saves: call Save first).
    ~CaseDocument();
    CaseDocument(const CaseDocument&) = delete;
    CaseDocument& operator=(const CaseDocument&) = delete;

    const journal::Case& Case() const { return m_case; }
    const genogram::Family& Family() const { return m_case.family; }
    const std::string& Id() const { return m_case.id; }
    bool ReadOnly() const { return m_readOnly; }
    const std::string& LockHolder() const { return m_holder; }

    /// Applies the edit and puts it on the undo stack (merging with the previous
    /// edit when both carry the same merge key). A signature, addendum or
    /// correction cannot be undone: it clears the history up to and including
    /// it. Throws what the edit throws, with the case unchanged; throws
    /// std::logic_error on a read-only case.
    void Execute(CaseEditPtr edit);
    /// Ends merging, so the next edit with the same key starts a new undo step
    /// (called when a text field loses focus or Enter is pressed).
    void CloseMerge() { m_mergeOpen = false; }

    bool CanUndo() const { return m_next > 0; }
    bool CanRedo() const { return m_next < m_stack.size(); }
    const CaseEdit* NextUndo() const { return CanUndo() ? m_stack[m_next - 1].get() : nullptr; }
    const CaseEdit* NextRedo() const { return CanRedo() ? m_stack[m_next].get() : nullptr; }
    void Undo();
    void Redo();

    /// Changed since the last save (undoing back to the saved state is clean again).
    bool IsDirty() const { return m_savedAt != m_next; }
    /// Counts every change to the model, for views and autosave to notice edits.
    std::uint64_t Revision() const { return m_revision; }
    /// Writes the case through the vault and audits it. No-op when clean or read-only.
    /// Throws vault::VaultError (Conflict, Io...) and stays dirty then.
    void Save();

    /// Puts back changes that could not be saved before an auto-lock (kept sealed
    /// meanwhile, see Vault::SealUnsaved) over the case as loaded again: the case
    /// becomes c, dirty, with no undo history. Refused (std::logic_error) on a
    /// read-only document or for another case.
    void RestoreUnsaved(journal::Case c);

    /// Forgets the undo history, keeping the current state as the saved one: a new
    /// case's scaffold, saved at once, is where its history starts.
    void ForgetHistory();

    /// Called after every change (execute, undo, redo).
    void SetOnChanged(std::function<void()> onChanged) { m_onChanged = std::move(onChanged); }

private:
    void Changed();

    vault::Vault& m_vault;
    journal::Case m_case;
    bool m_readOnly;
    std::string m_holder;
    std::vector<CaseEditPtr> m_stack; ///< [0, m_next) undoable, [m_next, end) redoable
    std::size_t m_next = 0;
    /// Stack position matching the file on disk; SIZE_MAX when that state was discarded.
    std::size_t m_savedAt = 0;
    bool m_mergeOpen = false;
    /// What the next save is, for its one audit record: the weightiest command
    /// since the last save (a signature over an addendum over any edit).
    vault::AuditAction m_saveAction = vault::AuditAction::Save;
    std::string m_saveDetail;
    std::uint64_t m_revision = 0;
    std::function<void()> m_onChanged;
};

} // namespace kartbok::app
