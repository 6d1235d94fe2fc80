#include "kartbok/journal/Template.h"

#include "kartbok/journal/JournalError.h"

#include "EnumNames.h"

#include <algorithm>
#include <array>

namespace kartbok::journal {

const std::string& LocalText::In(std::string_view language) const {
    return language == "en" && !en.empty() ? en : sv;
}

namespace {
constexpr std::array kKindNames{"note", "checklist", "form"};
constexpr std::array kAnswerNames{"yes-no",    "scale",      "number",         "frequency",
                                  "free-text", "text-field", "multiple-choice"};

template <class T> void AppendUnique(std::vector<T>& to, const std::vector<T>& from) {
    for (const T& x : from)
        if (std::find(to.begin(), to.end(), x) == to.end())
            to.push_back(x);
}

void RequireSameTemplate(const Template& newer, const std::string& oldId, int oldVersion) {
    if (oldId != newer.id)
        throw JournalError("Answers stored for template " + oldId + " cannot be opened with " +
                           newer.id + ".");
    if (oldVersion > newer.version)
        throw JournalError("Answers were stored with version " + std::to_string(oldVersion) +
                           " of " + newer.id + ", newer than the installed version " +
                           std::to_string(newer.version) + "; install the newer template.");
}
} // namespace

const char* ToString(TemplateKind k) {
    return detail::NameIn(kKindNames, k);
}
const char* ToString(AnswerType t) {
    return detail::NameIn(kAnswerNames, t);
}
bool FromString(const std::string& s, TemplateKind& out) {
    return detail::ValueIn(kKindNames, s, out);
}
bool FromString(const std::string& s, AnswerType& out) {
    return detail::ValueIn(kAnswerNames, s, out);
}

std::optional<bool> FoldedYes(const TemplateItem& item, const std::string& value) {
    if (item.type == AnswerType::YesNo) {
        if (value == "yes")
            return true;
        if (value == "no")
            return false;
        return std::nullopt;
    }
    if (std::find(item.foldYes.begin(), item.foldYes.end(), value) != item.foldYes.end())
        return true;
    if (std::find(item.foldNo.begin(), item.foldNo.end(), value) != item.foldNo.end())
        return false;
    return std::nullopt;
}

bool Foldable(const TemplateItem& item) {
    return item.type == AnswerType::YesNo || !item.foldYes.empty();
}

std::vector<std::string> SplitChoices(const std::string& value) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= value.size()) {
        std::size_t comma = value.find(',', from);
        std::string part =
            value.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
        if (!part.empty())
            out.push_back(part);
        if (comma == std::string::npos)
            break;
        from = comma + 1;
    }
    return out;
}

std::string JoinChoices(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values)
        out += (out.empty() ? "" : ",") + v;
    return out;
}

const TemplateItem* Template::FindItem(const std::string& itemId) const {
    for (const TemplateSection& section : sections)
        for (const TemplateItem& item : section.items)
            if (item.id == itemId)
                return &item;
    return nullptr;
}

std::vector<const TemplateItem*> Template::Items() const {
    std::vector<const TemplateItem*> out;
    for (const TemplateSection& section : sections)
        for (const TemplateItem& item : section.items)
            out.push_back(&item);
    return out;
}

std::optional<std::string> MapItemId(const Template& newer, int oldVersion,
                                     const std::string& oldItemId) {
    std::string id = oldItemId;
    // Each step renames ids of its version to the next; later steps see the result.
    for (auto it = newer.replaces.lower_bound(oldVersion); it != newer.replaces.end(); ++it) {
        if (it->first >= newer.version)
            break;
        if (auto found = it->second.find(id); found != it->second.end())
            id = found->second;
    }
    if (!newer.FindItem(id))
        return std::nullopt;
    return id;
}

MappedTopics MapAnswers(const Template& newer, const std::string& oldTemplateId, int oldVersion,
                        const std::vector<TopicEntry>& entries) {
    RequireSameTemplate(newer, oldTemplateId, oldVersion);
    MappedTopics out;
    for (const TopicEntry& old : entries) {
        auto id = MapItemId(newer, oldVersion, old.itemId);
        if (!id) {
            out.unmapped.push_back(old);
            continue;
        }
        auto it = std::find_if(out.entries.begin(), out.entries.end(),
                               [&](const TopicEntry& e) { return e.itemId == *id; });
        if (it == out.entries.end()) {
            TopicEntry moved = old;
            moved.itemId = *id;
            out.entries.push_back(std::move(moved));
            continue;
        }
        // Two old items merged into one: partly covered unless both agree.
        if (it->state != old.state)
            it->state = TopicState::Partly;
        if (!old.note.empty())
            it->note = it->note.empty() ? old.note : it->note + "\n\n" + old.note;
        AppendUnique(it->sessionIds, old.sessionIds);
        AppendUnique(it->people, old.people);
    }
    return out;
}

MappedAnswers MapAnswers(const Template& newer, const std::string& oldTemplateId, int oldVersion,
                         const std::vector<FormAnswer>& answers) {
    RequireSameTemplate(newer, oldTemplateId, oldVersion);
    MappedAnswers out;
    for (const FormAnswer& old : answers) {
        auto id = MapItemId(newer, oldVersion, old.itemId);
        const bool taken = id && std::any_of(out.answers.begin(), out.answers.end(),
                                             [&](const FormAnswer& a) { return a.itemId == *id; });
        if (!id || taken)
            out.unmapped.push_back(old);
        else
            out.answers.push_back({*id, old.value});
    }
    return out;
}

ChecklistRun UpgradeRun(const Template& newer, const ChecklistRun& run) {
    return {newer.id, newer.version,
            MapAnswers(newer, run.templateId, run.templateVersion, run.entries).entries};
}

} // namespace kartbok::journal
