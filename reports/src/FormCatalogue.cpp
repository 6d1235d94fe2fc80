#include "FormCatalogue.h"

#include <algorithm>

namespace kartbok::reports::detail {

namespace jn = kartbok::journal;

bool Countable(jn::AnswerType t) {
    return t == jn::AnswerType::YesNo || t == jn::AnswerType::Scale ||
           t == jn::AnswerType::Number || t == jn::AnswerType::Frequency ||
           t == jn::AnswerType::MultipleChoice;
}

FormCatalogue::FormCatalogue(const jn::TemplateSet& templates)
    : m_templates(templates), m_forms(templates.OfKind(jn::TemplateKind::Form)) {
    std::stable_sort(m_forms.begin(), m_forms.end(), [](auto* a, auto* b) {
        auto rank = [](const jn::Template* x) {
            return x->phase ? static_cast<int>(*x->phase) : 9;
        };
        return rank(a) < rank(b);
    });
    for (const jn::Template* f : m_forms)
        for (const jn::TemplateItem* item : f->Items())
            if (!m_items.count(item->id))
                m_items[item->id] = {static_cast<int>(m_items.size()), item};
}

const jn::TemplateItem* FormCatalogue::Find(const std::string& templateId,
                                            const std::string& itemId) const {
    if (const jn::Template* tpl = m_templates.Find(templateId))
        if (const jn::TemplateItem* item = tpl->FindItem(itemId))
            return item;
    auto it = m_items.find(itemId);
    return it == m_items.end() ? nullptr : it->second.second;
}

int FormCatalogue::Order(const std::string& itemId) const {
    auto it = m_items.find(itemId);
    return it == m_items.end() ? 1 << 20 : it->second.first;
}

const jn::Template* FormCatalogue::ForPhase(jn::FormPhase phase) const {
    for (const jn::Template* f : m_forms)
        if (f->phase == phase && !f->forRelatives)
            return f;
    return nullptr;
}

std::string FormCatalogue::Label(const std::string& itemId, const std::string& language) const {
    for (const jn::Template* f : m_forms)
        if (const jn::TemplateItem* item = f->FindItem(itemId); item && item->table)
            return item->table->label.In(language);
    auto it = m_items.find(itemId);
    return it == m_items.end() ? itemId : it->second.second->title.In(language);
}

} // namespace kartbok::reports::detail
