#include "kartbok/journal/ChecklistCommands.h"

#include "Checks.h"

#include <algorithm>

namespace kartbok::journal {

using detail::Fail;

namespace {
ChecklistRun* FindRun(Case& c, const std::string& templateId) {
    auto it = std::find_if(c.checklists.begin(), c.checklists.end(),
                           [&](const ChecklistRun& r) { return r.templateId == templateId; });
    return it == c.checklists.end() ? nullptr : &*it;
}
} // namespace

// --- SetTopic ------------------------------------------------------------------

SetTopic::SetTopic(std::string templateId, int templateVersion, TopicEntry entry)
    : m_templateId(std::move(templateId)), m_version(templateVersion), m_entry(std::move(entry)) {}

std::string SetTopic::Describe() const {
    return "Set topic " + m_entry.itemId + " of " + m_templateId + " to " + ToString(m_entry.state);
}

void SetTopic::Apply(Case& c) {
    if (detail::Blank(m_templateId) || m_version < 1)
        Fail("A checklist entry needs the checklist's template id and version.");
    if (detail::Blank(m_entry.itemId))
        Fail("A checklist entry needs the id of its item.");
    for (const std::string& sid : m_entry.sessionIds)
        if (!c.FindSession(sid))
            Fail("Checklist item " + m_entry.itemId + " links session " + sid +
                 ", which is not in this case.");
    if (detail::HasDuplicates(m_entry.sessionIds))
        Fail("Checklist item " + m_entry.itemId + " links the same session twice.");
    detail::RequirePeople(c.family, m_entry.people, ("Checklist item " + m_entry.itemId).c_str());

    ChecklistRun* run = FindRun(c, m_templateId);
    if (run && run->templateVersion != m_version)
        Fail("Checklist " + m_templateId + " in this case is kept under version " +
             std::to_string(run->templateVersion) +
             "; upgrade it before recording answers for "
             "version " +
             std::to_string(m_version) + ".");
    if (!run) {
        m_oldRun.reset();
        m_runIndex = c.checklists.size();
        c.checklists.push_back({m_templateId, m_version, {}});
        run = &c.checklists.back();
    } else {
        m_oldRun = *run;
        m_runIndex = static_cast<std::size_t>(run - c.checklists.data());
    }
    auto it = std::find_if(run->entries.begin(), run->entries.end(),
                           [&](const TopicEntry& e) { return e.itemId == m_entry.itemId; });
    if (it == run->entries.end())
        run->entries.push_back(m_entry);
    else
        *it = m_entry;
}

void SetTopic::Revert(Case& c) {
    if (m_runIndex >= c.checklists.size())
        return;
    if (m_oldRun)
        c.checklists[m_runIndex] = *m_oldRun;
    else
        c.checklists.erase(c.checklists.begin() + static_cast<std::ptrdiff_t>(m_runIndex));
}

// --- UpgradeChecklist ----------------------------------------------------------

UpgradeChecklist::UpgradeChecklist(ChecklistRun run) : m_new(std::move(run)) {}

std::string UpgradeChecklist::Describe() const {
    return "Upgrade checklist " + m_new.templateId + " to version " +
           std::to_string(m_new.templateVersion);
}

void UpgradeChecklist::Apply(Case& c) {
    ChecklistRun* run = FindRun(c, m_new.templateId);
    if (!run)
        Fail("This case has no checklist " + m_new.templateId + " to upgrade.");
    if (m_new.templateVersion < run->templateVersion)
        Fail("Checklist " + m_new.templateId + " is at version " +
             std::to_string(run->templateVersion) + "; it cannot go back to version " +
             std::to_string(m_new.templateVersion) + ".");
    std::vector<std::string> ids;
    for (const TopicEntry& e : m_new.entries)
        ids.push_back(e.itemId);
    if (detail::HasDuplicates(ids))
        Fail("The upgraded checklist " + m_new.templateId + " has an item twice.");
    m_old = *run;
    *run = m_new;
}

void UpgradeChecklist::Revert(Case& c) {
    if (ChecklistRun* run = FindRun(c, m_new.templateId))
        *run = m_old;
}

} // namespace kartbok::journal
