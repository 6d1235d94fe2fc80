#pragma once
// Self-rating forms over time: which of the start / end / follow-up forms a
// client has filled in, and their answers side by side by item. Answers stored
// under older template versions are moved to today's item ids first, so a
// question asked in 2019 and in 2026 lands on the same row - the comparison
// the KAST evaluation could not make. Pure data: the reports and the app's
// Forms tab both draw from it.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/Template.h"
#include "kartbok/journal/TemplateLoader.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace kartbok::reports {

inline constexpr std::size_t kPhaseCount = 3;
/// Start, end, follow-up: the column order everywhere.
inline constexpr std::array<journal::FormPhase, kPhaseCount> kPhases = {
    journal::FormPhase::Start, journal::FormPhase::End, journal::FormPhase::FollowUp};

/// One phase of one treatment episode: is a form there, and should it be by
/// now? A form is expected only once it is due: the start form from the first
/// visit, the end form from the closing session or the end of treatment, the
/// follow-up form once a follow-up was held or the first planned one's date
/// has come. A declined or unreached follow-up has no form to miss. The
/// reports and the app's Forms tab both read this, so they always agree.
struct PhaseStatus {
    journal::FormPhase phase = journal::FormPhase::Start;
    bool expected = false;
    /// Expected, and the moment it belongs to has passed: the start form's
    /// once the end form is due, the end form's once the follow-up was held,
    /// the follow-up form's once the episode is closed (follow-up done, or a
    /// later episode began). Expected and not overdue: "fill it in now".
    bool overdue = false;
    bool present = false;
    /// Not expected yet, and from when it will be (the end, the follow-up's
    /// date); unset when nothing says when.
    journal::Date dueFrom;
    /// Follow-up phase: the outcome of the episode's first follow-up, so a
    /// view can say "declined" instead of "missing".
    std::optional<journal::FollowUpOutcome> followUpOutcome;
    std::string responseId; ///< the response used (the latest of the phase)
    journal::Date date;
    std::string templateId;
    int templateVersion = 0;
    bool Missing() const { return expected && !present; }
};

/// One item across phases. Values are the stored values after mapping to the
/// newest template version; display holds the choice label ("Stämmer ganska bra").
struct ItemRow {
    std::string itemId;       ///< id in the newest template version
    std::string title;        ///< in the requested language; the id when no template knows the item
    std::string sectionTitle; ///< section of the first form that has the item
    journal::AnswerType type = journal::AnswerType::FreeText;
    bool known = true;          ///< false: no loaded form template has this id (kept, never hidden)
    journal::Provenance source; ///< where the item comes from (clinic-defined or a publication)
    std::array<std::optional<std::string>, kPhaseCount> values;
    std::array<std::string, kPhaseCount> display;
    /// Scale steps, numbers, frequency options as an ordinal (0 = the first
    /// option, "never"): comparable points for charts. Empty for other types.
    std::array<std::optional<double>, kPhaseCount> ordinal;
    double low = 0, high = 0;            ///< ordinal range for chart axes
    std::vector<std::string> stepLabels; ///< one per ordinal step for scale/frequency
    bool Numeric() const;                ///< scale, number or frequency
    bool AnyValue() const;
};

/// An answer kept aside: its item was retired in a newer version.
struct RetiredAnswer {
    journal::FormPhase phase = journal::FormPhase::Start;
    std::string templateId;
    int templateVersion = 0;
    std::string itemId;
    std::string value;
};

struct FormsOverTime {
    int episode = 1; ///< the treatment episode shown
    std::array<PhaseStatus, kPhaseCount> phases;
    std::vector<ItemRow> items; ///< start form's order, then items new in the end / follow-up forms
    std::vector<RetiredAnswer> retired;
    int PresentCount() const;
    const ItemRow* Find(const std::string& itemId) const;
};

/// Collects the forms of one treatment episode (0: the current one) as they
/// stand on `today` (unset: today, UTC). Answers to items no loaded template
/// knows are kept as rows with known == false (title = id), so nothing is
/// hidden. Forms of templates meant for relatives are left out of an index
/// client's case: they belong in the relative's own.
FormsOverTime CollectForms(const journal::Case& c, const journal::TemplateSet& templates,
                           const std::string& language = "sv", journal::Date today = {},
                           int episode = 0);

/// How an answer reads: "Ja", a step's label, the chosen options joined.
std::string AnswerText(const journal::TemplateItem* item, const std::string& value,
                       const std::string& language);

/// The provenance of an item in words for a reader: the publication, or
/// "Klinikdefinierad (…)" - never presented as a validated instrument.
std::string ProvenanceText(const journal::Provenance& p, const std::string& language);

/// Answers of one response moved to the ids of the newest version of its
/// template (unchanged when the set does not have it). Retired ones go to
/// `retired` when given.
std::vector<journal::FormAnswer> MappedAnswers(const journal::FormResponse& response,
                                               const journal::TemplateSet& templates,
                                               std::vector<journal::FormAnswer>* retired = nullptr);

/// The ordinal of a stored value for an item (see ItemRow::ordinal); nullopt
/// for yes/no, free text or a value that is not one of the item's choices.
std::optional<double> Ordinal(const journal::TemplateItem& item, const std::string& value);

/// A numeric item with a published basis whose start and end answers differ
/// by at most a quarter of its range (one step on a five-step scale): worth
/// asking about again. Clinic-defined items never steer the follow-up.
bool ChangedLittle(const ItemRow& row);

/// The rows worth a chart: numeric items with a value in at least two phases.
std::vector<const ItemRow*> ChartableRows(const FormsOverTime& forms);

} // namespace kartbok::reports
