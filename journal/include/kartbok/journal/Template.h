#pragma once
// Templates: session note templates, checklists and self-rating forms, read
// from human-editable YAML (templates/README.md). Items keep stable ids across
// versions and a new version maps old ids (`replaces`), so answers stay
// comparable over the years - the gap the KAST evaluation ran into.

#include "kartbok/journal/Case.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kartbok::journal {

/// Text in Swedish and English. Swedish is required; English falls back to it.
struct LocalText {
    std::string sv;
    std::string en;
    /// "en" gives English when present, anything else Swedish.
    const std::string& In(std::string_view language) const;
    bool operator==(const LocalText&) const = default;
};

enum class TemplateKind : std::uint8_t { Note, Checklist, Form };

enum class AnswerType : std::uint8_t {
    YesNo,     ///< "yes" / "no"
    Scale,     ///< ordered steps with labels; stored as the step's value
    Number,    ///< a whole number, optionally within min..max
    Frequency, ///< how often, one of the options; stored as the option's value
    FreeText,  ///< a short answer
    TextField, ///< a note field (the default for note and checklist items)
};

const char* ToString(TemplateKind k); ///< "note", "checklist", "form"
const char*
ToString(AnswerType t); ///< "yes-no", "scale", "number", "frequency", "free-text", "text-field"
bool FromString(const std::string& s, TemplateKind& out);
bool FromString(const std::string& s, AnswerType& out);

/// One step of a scale or one option of a frequency item. The value is what a
/// FormAnswer stores, so it must never change meaning across versions.
struct Choice {
    std::string value;
    LocalText label;
    bool operator==(const Choice&) const = default;
};

struct TemplateItem {
    std::string id; ///< stable, lowercase-kebab; TopicEntry/FormAnswer/NoteField ids
    LocalText title;
    LocalText help; ///< prompting questions for the therapist, or an explanation for the client
    AnswerType type = AnswerType::TextField;
    std::vector<Choice> choices; ///< scale labels or frequency options
    std::optional<int> min;      ///< number items
    std::optional<int> max;
    bool operator==(const TemplateItem&) const = default;
};

struct TemplateSection {
    std::string id;
    LocalText title;
    LocalText help;
    std::vector<TemplateItem> items;
    bool operator==(const TemplateSection&) const = default;
};

/// A method a therapist can tick on a note (family map, externalising...).
/// Session::methods stores the ids.
struct TemplateMethod {
    std::string id;
    LocalText title;
    bool operator==(const TemplateMethod&) const = default;
};

struct Template {
    std::string id; ///< stable, lowercase-kebab, e.g. "deep-interview"
    int version = 0;
    TemplateKind kind = TemplateKind::Note;
    LocalText title;
    LocalText description;
    std::optional<FormPhase> phase; ///< forms: the phase they are meant for
    std::vector<TemplateSection> sections;
    std::vector<TemplateMethod> methods;
    /// replaces[N] says how item ids changed from version N to the next
    /// version: {old id: new id}. Kept for every older version whose ids
    /// changed, so MapAnswers can follow the chain from any old version.
    std::map<int, std::map<std::string, std::string>> replaces;
    std::string sourceFile; ///< where it was loaded from, for messages

    const TemplateItem* FindItem(const std::string& itemId) const;
    std::vector<const TemplateItem*> Items() const; ///< all items, in order
    bool operator==(const Template&) const = default;
};

/// Where an old answer's item id lives in `newer`: follows replaces from
/// oldVersion up to newer.version. Returns nullopt when the item no longer
/// exists in `newer` (retired).
std::optional<std::string> MapItemId(const Template& newer, int oldVersion,
                                     const std::string& oldItemId);

/// Entries stored under an older version, moved to the ids of `newer`.
/// Entries whose item was retired are kept aside in `unmapped`, never lost.
struct MappedTopics {
    std::vector<TopicEntry> entries;
    std::vector<TopicEntry> unmapped;
};
struct MappedAnswers {
    std::vector<FormAnswer> answers;
    std::vector<FormAnswer> unmapped;
};

/// Opens checklist entries stored under (oldTemplateId, oldVersion) with
/// `newer`. When two old items were merged into one, their entries merge:
/// same state if they agree, else Partly; notes joined; sessions and people
/// united. Throws JournalError when the template id differs or oldVersion is
/// newer than `newer`.
MappedTopics MapAnswers(const Template& newer, const std::string& oldTemplateId, int oldVersion,
                        const std::vector<TopicEntry>& entries);
/// Same for form answers; when merged items both have an answer, the first
/// (in stored order) wins and the other is kept in `unmapped`.
MappedAnswers MapAnswers(const Template& newer, const std::string& oldTemplateId, int oldVersion,
                         const std::vector<FormAnswer>& answers);

/// A checklist run moved to `newer` (entries mapped; retired ones dropped
/// from the run - check MapAnswers first if they matter). For UpgradeChecklist.
ChecklistRun UpgradeRun(const Template& newer, const ChecklistRun& run);

} // namespace kartbok::journal
