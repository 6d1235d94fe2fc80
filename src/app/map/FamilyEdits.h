#pragma once
// The editor's gestures as undoable case edits: each builds the library's
// genogram command, wraps it in journal::FamilyEdit (one undo history for the
// map and the notes) and gives it a translated label chosen by its type.

#include "model/CaseEdit.h"

#include "kartbok/genogram/Family.h"

#include <functional>

namespace kartbok::app {

/// One-gesture growth from a selected person (docs/design.md, "The family map").
enum class Growth {
    Father,
    Mother,
    Partner, ///< of the other gender (unknown for a person of unknown gender)
    PartnerSameGender,
    Son,
    Daughter,
    Brother,
    Sister,
    Pregnancy,
    TwinFraternal, ///< a sibling born the same day
    TwinIdentical, ///< the same, of the same gender, joined by a bar
};

struct GrowthEdit {
    CaseEditPtr edit;
    /// The person the gesture made (or brought out of the scaffold), valid after Execute.
    std::function<genogram::PersonId()> created;
};

/// Builds the edit that grows the family from `from`. A parent slot held by a
/// hidden scaffold placeholder is filled by bringing the placeholder out instead
/// of adding a third parent.
GrowthEdit MakeGrowth(const genogram::Family& family, genogram::PersonId from, Growth growth);
/// Son, daughter or pregnancy of a couple (the selected couple line).
GrowthEdit MakeCoupleGrowth(const genogram::Family& family, genogram::UnionId couple,
                            Growth growth);
/// Makes the chosen siblings twins (identical or fraternal), or not twins (None).
CaseEditPtr MakeSetTwins(const genogram::Family& family,
                         const std::vector<genogram::PersonId>& kids, genogram::TwinKind kind);
/// Gives an adopted or fostered person their birth parents (an unknown couple).
GrowthEdit MakeBirthParents(const genogram::Family& family, genogram::PersonId child);

/// The inspector's edit of one person. mergeKey groups a field's typing into one step.
CaseEditPtr MakeSetPerson(const genogram::Family& family, const genogram::Person& updated,
                          const std::string& mergeKey = {});
CaseEditPtr MakeSetUnion(const genogram::Family& family, const genogram::Union& updated);
CaseEditPtr MakeAddRelation(const genogram::Family& family, genogram::PersonId from,
                            genogram::PersonId to, genogram::RelationKind kind);
CaseEditPtr MakeSetRelation(const genogram::Family& family, const genogram::Relation& updated,
                            const std::string& mergeKey = {});
CaseEditPtr MakeRemoveRelation(const genogram::Family& family, genogram::RelationId id);
CaseEditPtr MakeAddHousehold(const genogram::Family& family,
                             const std::vector<genogram::PersonId>& members);
CaseEditPtr MakeRemoveHousehold(genogram::HouseholdId id);
CaseEditPtr MakeRemovePerson(const genogram::Family& family, genogram::PersonId id);
CaseEditPtr MakeNudge(const genogram::Family& family, genogram::PersonId id, double dx);
CaseEditPtr MakeResetLayout();
/// A child's family link changed (biological, adopted, foster, step).
CaseEditPtr MakeSetChildLink(const genogram::Family& family, const genogram::ChildLink& updated);
CaseEditPtr MakeSetIndexPerson(const genogram::Family& family, genogram::PersonId id);

/// What deleting a person would also remove, so the editor can ask first.
struct RemovalImpact {
    int unions = 0;
    int relations = 0;
    int childLinks = 0; ///< children who lose this person as a parent
    bool Any() const { return unions + relations + childLinks > 0; }
};
RemovalImpact ImpactOfRemoving(const genogram::Family& family, genogram::PersonId id);

/// The person's name as the app shows it: display name or "unnamed person", translated.
std::string ShownName(const genogram::Family& family, genogram::PersonId id);

} // namespace kartbok::app
