#include "model/CaseEdit.h"

#include <vector>

namespace kartbok::app {

CaseEdit::CaseEdit(journal::CaseCommandPtr command, std::string label, std::string mergeKey)
    : m_command(std::move(command)), m_label(std::move(label)), m_mergeKey(std::move(mergeKey)) {}

void CaseEdit::Merge(CaseEdit&& later) {
    if (!m_merged) {
        std::vector<journal::CaseCommandPtr> parts;
        const std::string description = m_command->Describe();
        parts.push_back(std::move(m_command));
        m_command = std::make_unique<journal::CompositeCaseCommand>(description, std::move(parts));
        m_merged = true;
    }
    static_cast<journal::CompositeCaseCommand&>(*m_command).Add(std::move(later.m_command));
}

} // namespace kartbok::app
