#pragma once
// Commands over checklist runs (deep interview, relatives' support...).

#include "kartbok/journal/CaseCommand.h"

#include <optional>

namespace kartbok::journal {

/// Records where one checklist item stands: covered / partly / not yet, a
/// note, the sessions where it came up and the people in the map it concerns.
/// Creates the case's run of that checklist on first use, so ticking the first
/// topic is all it takes to start a deep interview. Refuses unknown sessions
/// or people, and a version other than the one the run was started with
/// (answers are stored under one version; upgrade the run first).
class SetTopic final : public CaseCommand {
public:
    SetTopic(std::string templateId, int templateVersion, TopicEntry entry);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override;
    CommandKind Kind() const override { return CommandKind::Checklist; }

private:
    std::string m_templateId;
    int m_version;
    TopicEntry m_entry;
    std::optional<ChecklistRun> m_oldRun; ///< nullopt: Apply created the run
    std::size_t m_runIndex = 0;
};

/// Replaces a whole run with the same template id and an equal or higher
/// version; used after MapAnswers has moved the entries to a newer template
/// version, so the upgrade is one undoable, audited step.
class UpgradeChecklist final : public CaseCommand {
public:
    explicit UpgradeChecklist(ChecklistRun run);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override;
    CommandKind Kind() const override { return CommandKind::Checklist; }

private:
    ChecklistRun m_new;
    ChecklistRun m_old;
};

} // namespace kartbok::journal
