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
    /// Any number of the options ("which behaviours do you have problems
    /// with?"); stored as the chosen values joined by commas, in option order.
    MultipleChoice,
};

const char* ToString(TemplateKind k); ///< "note", "checklist", "form"
/// "yes-no", "scale", "number", "frequency", "free-text", "text-field", "multiple-choice"
const char* ToString(AnswerType t);
bool FromString(const std::string& s, TemplateKind& out);
bool FromString(const std::string& s, AnswerType& out);

/// One step of a scale or one option of a frequency item. The value is what a
/// FormAnswer stores, so it must never change meaning across versions.
struct Choice {
    std::string value;
    LocalText label;
    bool operator==(const Choice&) const = default;
};

/// Where an item comes from, so nothing the clinic wrote itself is ever
/// presented as a published or validated instrument. In YAML `source:` is
/// either words naming the publication and the place in it ("tabell 1 i KAST
/// i Göteborg (FoU i Väst, 2021)"), the word `clinic-defined`, or
/// `{clinic-defined: what it was written under}` - never a file name.
struct Provenance {
    std::string publication; ///< words naming the publication; empty when clinic-defined
    bool clinicDefined = false;
    std::string context; ///< clinic-defined: the heading or topic it was written under
    bool Known() const { return clinicDefined || !publication.empty(); }
    bool operator==(const Provenance&) const = default;
};

/// A row of table 1 or 2 of the KAST evaluation that an item rebuilds: the
/// statistics lay the item out as that row, with its wording.
struct TableRow {
    int number = 0; ///< 1 (start of treatment) or 2 (end)
    LocalText label;
    bool operator==(const TableRow&) const = default;
};

struct TemplateItem {
    std::string id; ///< stable, lowercase-kebab; TopicEntry/FormAnswer/NoteField ids
    LocalText title;
    LocalText help; ///< prompting questions for the therapist, or an explanation for the client
    AnswerType type = AnswerType::TextField;
    std::vector<Choice> choices; ///< scale labels, frequency or multiple-choice options
    std::optional<int> min;      ///< number items
    std::optional<int> max;
    Provenance source;
    std::optional<TableRow> table;
    /// How the steps of a scale or frequency item count as yes or no in the
    /// statistics (tables 1-2 count people who answered yes); every step is
    /// in exactly one list. Empty: the item has no yes/no reading (yes-no
    /// items always have one).
    std::vector<std::string> foldYes;
    std::vector<std::string> foldNo;
    /// A yes here means the client has bought sex: the buyers-only view of
    /// the statistics counts the clients with such an answer.
    bool buyer = false;
    bool operator==(const TemplateItem&) const = default;
};

/// The yes/no reading of an answer: "yes"/"no" for yes-no items, the fold for
/// scale and frequency items; nullopt when the item has none or the value is
/// not one of its steps.
std::optional<bool> FoldedYes(const TemplateItem& item, const std::string& value);
/// True when the item can be counted as yes/no (see FoldedYes).
bool Foldable(const TemplateItem& item);
/// A multiple-choice answer's values, and back.
std::vector<std::string> SplitChoices(const std::string& value);
std::string JoinChoices(const std::vector<std::string>& values);

struct TemplateSection {
    std::string id;
    LocalText title;
    LocalText help;
    Provenance source; ///< e.g. the national study's heading the items were written under
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
    /// Checklists and forms for a relative or partner (`audience: relative`):
    /// they belong in the relative's own case, never in the index client's.
    bool forRelatives = false;
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
