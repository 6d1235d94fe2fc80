#include "InterviewPresenter.h"

#include <algorithm>

namespace kartbok::app {

using journal::TopicEntry;
using journal::TopicState;

journal::TemplateSet LoadAppTemplates() {
    return journal::LoadTemplates(journal::ShippedTemplatesDir());
}

TopicState NextState(TopicState s) {
    switch (s) {
    case TopicState::NotYet:
        return TopicState::Partly;
    case TopicState::Partly:
        return TopicState::Covered;
    case TopicState::Covered:
        return TopicState::NotYet;
    }
    return TopicState::NotYet;
}

ChecklistView::ChecklistView(const journal::Case& c, const journal::Template& checklist)
    : m_case(c), m_template(checklist) {}

const journal::ChecklistRun* ChecklistView::Run() const {
    for (const auto& run : m_case.checklists)
        if (run.templateId == m_template.id)
            return &run;
    return nullptr;
}

TopicEntry ChecklistView::Entry(const std::string& itemId) const {
    if (const auto* run = Run())
        for (const auto& e : run->entries)
            if (e.itemId == itemId)
                return e;
    TopicEntry fresh;
    fresh.itemId = itemId;
    return fresh;
}

int ChecklistView::TopicCount() const {
    return static_cast<int>(m_template.Items().size());
}

int ChecklistView::CoveredCount() const {
    int n = 0;
    for (const auto* item : m_template.Items())
        n += Entry(item->id).state == TopicState::Covered ? 1 : 0;
    return n;
}

int ChecklistView::PartlyCount() const {
    int n = 0;
    for (const auto* item : m_template.Items())
        n += Entry(item->id).state == TopicState::Partly ? 1 : 0;
    return n;
}

journal::CaseCommandPtr ChecklistView::MakeSet(TopicEntry entry) const {
    const auto* run = Run();
    const int version = run ? run->templateVersion : m_template.version;
    return std::make_unique<journal::SetTopic>(m_template.id, version, std::move(entry));
}

journal::CaseCommandPtr ChecklistView::MakeToggleSession(const std::string& itemId,
                                                         const std::string& sessionId,
                                                         bool linked) const {
    TopicEntry entry = Entry(itemId);
    auto& ids = entry.sessionIds;
    const auto it = std::find(ids.begin(), ids.end(), sessionId);
    if (linked && it == ids.end()) {
        ids.push_back(sessionId);
        if (entry.state == TopicState::NotYet)
            entry.state = TopicState::Covered;
    } else if (!linked && it != ids.end()) {
        ids.erase(it);
    }
    return MakeSet(std::move(entry));
}

std::vector<PersonTopic> TopicsForPerson(const journal::Case& c,
                                         const journal::TemplateSet& templates,
                                         genogram::PersonId person, const std::string& language) {
    std::vector<PersonTopic> out;
    if (person == genogram::kNoId)
        return out;
    for (const auto& run : c.checklists) {
        const journal::Template* t = templates.Find(run.templateId);
        for (const auto& e : run.entries) {
            if (std::find(e.people.begin(), e.people.end(), person) == e.people.end())
                continue;
            PersonTopic topic{run.templateId, e.itemId, e.itemId, e.state, e.note};
            if (t)
                if (const auto* item = t->FindItem(e.itemId))
                    topic.title = item->title.In(language);
            out.push_back(std::move(topic));
        }
    }
    return out;
}

std::vector<genogram::PersonId> LinkablePeople(const genogram::Family& family) {
    std::vector<genogram::PersonId> out;
    for (const auto& p : family.people) {
        if (p.placeholder || (p.kind != genogram::PersonKind::Person &&
                              p.kind != genogram::PersonKind::SignificantOther))
            continue;
        if (p.isIndex)
            out.insert(out.begin(), p.id);
        else
            out.push_back(p.id);
    }
    return out;
}

} // namespace kartbok::app
