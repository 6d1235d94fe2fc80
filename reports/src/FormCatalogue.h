#pragma once
// The form templates of a set as the statistics read them: an item by id
// (in the response's own template first), its place in the forms' order, and
// the label of the evaluation's table row it rebuilds. Private to reports.

#include "kartbok/journal/TemplateLoader.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kartbok::reports::detail {

/// Answers that can be counted: never free text or note fields.
bool Countable(journal::AnswerType t);

class FormCatalogue {
public:
    explicit FormCatalogue(const journal::TemplateSet& templates);
    /// The item as the response's own template knows it, else any form's.
    const journal::TemplateItem* Find(const std::string& templateId,
                                      const std::string& itemId) const;
    int Order(const std::string& itemId) const;
    /// The newest form template meant for a phase, or null.
    const journal::Template* ForPhase(journal::FormPhase phase) const;
    /// The evaluation's row text for the item when any form rebuilds a table
    /// row with it, else its title in the first form that has it.
    std::string Label(const std::string& itemId, const std::string& language) const;

private:
    const journal::TemplateSet& m_templates;
    std::vector<const journal::Template*> m_forms; ///< start, end, follow-up, others
    std::map<std::string, std::pair<int, const journal::TemplateItem*>> m_items;
};

} // namespace kartbok::reports::detail
