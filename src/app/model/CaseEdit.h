#pragma once
// One undoable change to the open case as the app's undo stack sees it: a
// journal::CaseCommand (the library's one command path over a whole case, map
// edits included via journal::FamilyEdit) plus what only the app knows - the
// translated menu label, whether the layout can move, and typing-merge grouping.

#include "kartbok/journal/CaseCommand.h"

#include <memory>
#include <string>

namespace kartbok::app {

class CaseEdit {
public:
    /// label: translated, for the Edit menu ("Add partner to Johan"); chosen by
    /// the app from the command's type when it builds the edit, never by parsing
    /// the library's English Describe().
    CaseEdit(journal::CaseCommandPtr command, std::string label, std::string mergeKey = {});

    /// Throws journal::JournalError / genogram::CommandError with the case unchanged.
    void Apply(journal::Case& c) { m_command->Apply(c); }
    void Revert(journal::Case& c) { m_command->Revert(c); }
    /// English, from the library; ids only. For tests, never shown.
    std::string Describe() const { return m_command->Describe(); }
    journal::CommandKind Kind() const { return m_command->Kind(); }
    const journal::CaseCommand& Command() const { return *m_command; }

    const std::string& Label() const { return m_label; }
    /// Edits with the same non-empty key, executed one after another, become one
    /// undo step (a name typed letter by letter is undone as a whole).
    const std::string& MergeKey() const { return m_mergeKey; }

    /// Appends an already applied later edit to this undo step.
    void Merge(CaseEdit&& later);

private:
    journal::CaseCommandPtr m_command;
    std::string m_label;
    std::string m_mergeKey;
    bool m_merged = false; ///< m_command is a composite this class made for merging
};

using CaseEditPtr = std::unique_ptr<CaseEdit>;

} // namespace kartbok::app
