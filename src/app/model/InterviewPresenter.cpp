#include "model/InterviewPresenter.h"

#include <algorithm>
#include <optional>

namespace kartbok::app {

using journal::TopicEntry;
using journal::TopicState;

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

const journal::ChecklistRun* FindRun(const journal::Case& c, const std::string& templateId) {
    for (const auto& run : c.checklists)
        if (run.templateId == templateId)
            return &run;
    return nullptr;
}

ChecklistView::ChecklistView(const journal::Case& c, const journal::Template& checklist)
    : m_case(c), m_template(checklist), m_run(FindRun(c, checklist.id)) {
    if (!m_run)
        return;
    if (m_run->templateVersion < m_template.version) {
        m_age = RunAge::Older;
        auto mapped = journal::MapAnswers(m_template, m_run->templateId, m_run->templateVersion,
                                          m_run->entries);
        m_entries = std::move(mapped.entries);
        m_kept = std::move(mapped.unmapped);
        return;
    }
    m_age = m_run->templateVersion == m_template.version ? RunAge::Same : RunAge::Newer;
    for (const auto& e : m_run->entries)
        (m_template.FindItem(e.itemId) ? m_entries : m_kept).push_back(e);
}

TopicEntry ChecklistView::Entry(const std::string& itemId) const {
    for (const auto& e : m_entries)
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

journal::CaseCommandPtr ChecklistView::MakeUpgrade() const {
    if (m_age != RunAge::Older)
        return nullptr;
    journal::ChecklistRun run{m_template.id, m_template.version, m_entries};
    run.entries.insert(run.entries.end(), m_kept.begin(), m_kept.end());
    return std::make_unique<journal::UpgradeChecklist>(std::move(run));
}

journal::CaseCommandPtr ChecklistView::MakeSet(TopicEntry entry) const {
    switch (m_age) {
    case RunAge::None:
    case RunAge::Same:
        return std::make_unique<journal::SetTopic>(m_template.id, m_template.version,
                                                   std::move(entry));
    case RunAge::Older: {
        std::vector<journal::CaseCommandPtr> parts;
        parts.push_back(MakeUpgrade());
        parts.push_back(std::make_unique<journal::SetTopic>(m_template.id, m_template.version,
                                                            std::move(entry)));
        return std::make_unique<journal::CompositeCaseCommand>(
            "Upgrade checklist " + m_template.id + " and set a topic", std::move(parts));
    }
    case RunAge::Newer:
        break;
    }
    throw journal::JournalError("These answers were saved with version " +
                                std::to_string(StoredVersion()) + " of checklist " + m_template.id +
                                ", newer than the version " + std::to_string(m_template.version) +
                                " loaded here; they cannot be changed with it.");
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

std::vector<std::string> OfferedChecklists(const journal::Case* c,
                                           const journal::TemplateSet& templates) {
    std::vector<std::string> out;
    auto add = [&](const std::string& id) {
        if (std::find(out.begin(), out.end(), id) == out.end())
            out.push_back(id);
    };
    for (const char* id : {kDeepInterviewId, kRelativesSupportId})
        if (const auto* t = templates.Find(id); t && t->kind == journal::TemplateKind::Checklist)
            add(id);
    for (const auto* t : templates.OfKind(journal::TemplateKind::Checklist))
        add(t->id);
    if (c)
        for (const auto& run : c->checklists)
            if (!templates.Find(run.templateId))
                add(run.templateId);
    return out;
}

namespace {

/// Every topic entry of every run that `wanted` accepts, titled in the language.
template <class Wanted>
std::vector<PersonTopic> TopicsWhere(const journal::Case& c, const journal::TemplateSet& templates,
                                     const std::string& language, Wanted wanted) {
    std::vector<PersonTopic> out;
    for (const auto& run : c.checklists) {
        const journal::Template* t = templates.Find(run.templateId);
        for (const auto& e : run.entries) {
            if (!wanted(e))
                continue;
            PersonTopic topic{run.templateId, e.itemId, e.itemId, e.state, e.note};
            if (t) {
                // An answer stored under an older version is titled by the topic it
                // maps to now.
                std::optional<std::string> id = e.itemId;
                if (run.templateVersion < t->version)
                    id = journal::MapItemId(*t, run.templateVersion, e.itemId);
                if (const auto* item = id ? t->FindItem(*id) : nullptr)
                    topic.title = item->title.In(language);
            }
            out.push_back(std::move(topic));
        }
    }
    return out;
}

} // namespace

std::vector<PersonTopic> TopicsForPerson(const journal::Case& c,
                                         const journal::TemplateSet& templates,
                                         genogram::PersonId person, const std::string& language) {
    if (person == genogram::kNoId)
        return {};
    return TopicsWhere(c, templates, language, [person](const journal::TopicEntry& e) {
        return std::find(e.people.begin(), e.people.end(), person) != e.people.end();
    });
}

std::vector<PersonTopic> TopicsOfSession(const journal::Case& c,
                                         const journal::TemplateSet& templates,
                                         const std::string& sessionId,
                                         const std::string& language) {
    return TopicsWhere(c, templates, language, [&sessionId](const journal::TopicEntry& e) {
        return std::find(e.sessionIds.begin(), e.sessionIds.end(), sessionId) != e.sessionIds.end();
    });
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
