#pragma once
// The edits of a family map (docs/architecture.md: every change is a Command). One
// class per gesture of the editor; the journal's undo stack, dirty flag,
// autosave and audit log all hang off Apply/Revert.
//
// Every command checks its input before it changes anything and throws
// CommandError with a sentence a therapist can act on; the family is then
// exactly as before. Apply and Revert alternate (an undo stack never calls
// Apply twice in a row); Revert restores the family bit for bit, nextId and
// vector positions included, so `family == before` holds afterwards, and a
// second Apply gives the same ids as the first.
//
// Describe() names people as they were when the command was applied (the
// command holds no family before that); a person without a name is
// "unnamed person".

#include "kartbok/genogram/Command.h"
#include "kartbok/genogram/Family.h"

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kartbok::genogram {

/// Records each change a command makes to a family, so Revert can undo them in
/// reverse order. Going through one log (instead of hand-written Revert code
/// per command) is what makes "Revert restores exactly" hold for every
/// command, including vector positions.
class EditLog {
public:
    /// Starts a new edit: forgets older steps and remembers nextId.
    void Begin(const Family& family);
    /// Undoes every recorded step, newest first, and restores nextId.
    void Undo(Family& family);
    bool Empty() const { return m_undo.empty(); }

    template <class T> void Append(Family& family, std::vector<T> Family::*member, T value) {
        (family.*member).push_back(std::move(value));
        m_undo.push_back([member](Family& f) { (f.*member).pop_back(); });
    }
    template <class T>
    void Erase(Family& family, std::vector<T> Family::*member, std::size_t index) {
        auto& vec = family.*member;
        T old = std::move(vec[index]);
        vec.erase(vec.begin() + static_cast<std::ptrdiff_t>(index));
        m_undo.push_back([member, index, old = std::move(old)](Family& f) {
            auto& v = f.*member;
            v.insert(v.begin() + static_cast<std::ptrdiff_t>(index), old);
        });
    }
    template <class T>
    void Assign(Family& family, std::vector<T> Family::*member, std::size_t index, T value) {
        auto& slot = (family.*member)[index];
        m_undo.push_back([member, index, old = slot](Family& f) { (f.*member)[index] = old; });
        slot = std::move(value);
    }

private:
    std::vector<std::function<void(Family&)>> m_undo;
    Id m_nextId = 1;
};

/// Base of the commands below: Apply runs DoApply against an EditLog and, if
/// DoApply throws halfway, undoes what it did, so a refusal never leaves a
/// half-made edit behind.
class LoggedCommand : public Command {
public:
    void Apply(Family& family) final;
    void Revert(Family& family) final;
    /// What the edit made that the editor selects next (the new person,
    /// relation or household), or kNoId for an edit that makes nothing.
    Id Created() const { return m_created; }
    /// The couple the edit made besides (a new partner's, new parents'), or kNoId.
    UnionId CreatedUnion() const { return m_createdUnion; }

protected:
    virtual void DoApply(Family& family, EditLog& log) = 0;

    /// Who the edit is about, named by DoApply as the family was then, for
    /// Describe ("Add partner to Anna").
    std::string m_subject = "unnamed person";
    Id m_created = kNoId;           ///< set by DoApply
    UnionId m_createdUnion = kNoId; ///< set by DoApply

private:
    EditLog m_log;
};

// ---- people ---------------------------------------------------------------

/// Adds a person who is not (yet) tied to anyone: a significant other
/// (friend, mentor, therapist) or someone to be linked later.
class AddPerson final : public LoggedCommand {
public:
    explicit AddPerson(Person person);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    Person m_person;
};

/// Adds a father, mother or parent of unknown gender. A child with no parents
/// gets a single-parent link; a child with one parent gets a union between
/// that parent and the new one (its link moves to the union). Only this
/// child's link changes: half-siblings through the first parent keep theirs.
/// A child with two parents is refused. CreatedUnion() is that union, if made.
class AddParent final : public LoggedCommand {
public:
    AddParent(PersonId child, Gender gender, Person parent = {},
              UnionKind kind = UnionKind::Marriage);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    PersonId m_child;
    Person m_parent;
    UnionKind m_kind;
};

/// Adds a new partner to a person with a union of the given kind, placed after
/// the person's other unions in time order. A man is drawn left by default.
class AddPartner final : public LoggedCommand {
public:
    AddPartner(PersonId person, Person partner, UnionKind kind = UnionKind::Marriage);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    PersonId m_person;
    Person m_partner;
    UnionKind m_kind;
};

/// Adds a child (or a pregnancy, miscarriage, abortion, stillbirth: set
/// child.kind) as the youngest of a sibship. `parents` is a union id or, for a
/// child whose other parent is unknown, a person id: ids come from one counter,
/// so the id alone says which.
class AddChild final : public LoggedCommand {
public:
    AddChild(Id parents, Person child, ChildKind kind = ChildKind::Biological);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    Id m_parents;
    Person m_child;
    ChildKind m_kind;
};

/// Adds a sibling, youngest of the person's sibship. When the person has no
/// parents yet, two placeholder parents (a man and a woman, hidden until
/// edited, like the scaffold's) and their union are created so the siblings
/// share a sibship line; Revert removes them again. CreatedUnion() is the
/// placeholder parents' union, if made.
class AddSibling final : public LoggedCommand {
public:
    AddSibling(PersonId person, Person sibling, ChildKind kind = ChildKind::Biological);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    PersonId m_person;
    Person m_sibling;
    ChildKind m_kind;
};

/// Removes a person and everything that hangs on them: their relations,
/// household memberships and own child link; each of their unions (children
/// of such a union stay and keep the other partner as single parent);
/// children linked to them alone lose that link. Revert puts every piece back
/// in its original position.
class RemovePerson final : public LoggedCommand {
public:
    explicit RemovePerson(PersonId person);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    PersonId m_person;
};

// ---- edits of existing objects --------------------------------------------

/// Replaces every field of a person (the inspector's edit); the id stays.
/// Editing any field of a scaffold placeholder makes it a real person (it
/// starts being drawn) unless keepPlaceholder is set.
class SetPerson final : public LoggedCommand {
public:
    SetPerson(PersonId id, Person newValue, bool keepPlaceholder = false);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    PersonId m_id;
    Person m_value;
    bool m_keepPlaceholder;
};

/// Replaces a union's kind, events and order. The partners may be swapped
/// (left/right) but not exchanged: that is a different union.
class SetUnion final : public LoggedCommand {
public:
    SetUnion(UnionId id, Union newValue);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    UnionId m_id;
    Union m_value;
};

/// Replaces one of a child's links (kind, twins, or its parents): the link to
/// `currentParents` (a union id or a single parent's id), or the primary link
/// (Family::ChildLinkOf) when that is kNoId. A person without parents gets
/// the link added, which is how an existing person is attached as a child. A
/// child arriving in a sibship (first link or new parents) is entered last
/// there and loses a dragged place. Refused: parents that would make someone
/// their own ancestor, a second birth family, the same parents twice.
class SetChildLink final : public LoggedCommand {
public:
    SetChildLink(PersonId child, ChildLink newValue, Id currentParents = kNoId);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    PersonId m_child;
    ChildLink m_value;
    Id m_current;
};

/// Gives a child one more family: adoptive, foster or step parents besides
/// the birth parents, or the birth parents of an adopted child. The same
/// checks as SetChildLink.
class AddChildLink final : public LoggedCommand {
public:
    AddChildLink(PersonId child, ChildLink link);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    PersonId m_child;
    ChildLink m_link;
};

/// Gives an adopted or fostered person their birth parents: an unknown man
/// and woman, a couple, linked as the birth family (the person keeps standing
/// with the family they grew up in). Refused when there is a birth family.
/// Created() is the birth mother (selected after the gesture).
class AddBirthParents final : public LoggedCommand {
public:
    explicit AddBirthParents(PersonId child);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    PersonId m_child;
};

/// Makes siblings twins (triplets...) of a kind, or, with TwinKind::None,
/// takes them out of their twin groups. They must hang from the same line
/// (same parents); a group left with one member is dissolved.
class SetTwins final : public LoggedCommand {
public:
    SetTwins(std::vector<PersonId> children, TwinKind kind);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    std::vector<PersonId> m_children;
    TwinKind m_kind;
};

/// Adds a twin of a child: a sibling born the same day, in the child's twin
/// group (a new one, or a third of existing twins). An identical twin has the
/// child's gender; a fraternal one the gender given.
class AddTwin final : public LoggedCommand {
public:
    AddTwin(PersonId child, TwinKind kind, Gender gender = Gender::Unknown);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    PersonId m_child;
    TwinKind m_kind;
    Gender m_gender;
};

/// Puts a child at place `newPosition` (0 = oldest) of its sibship as drawn:
/// the user's drag, kept as an exception to birth order (a pin) until "Reset
/// layout". Dropping a child back at its birth-order place removes the pin.
class MoveChild final : public LoggedCommand {
public:
    MoveChild(PersonId child, int newPosition);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    PersonId m_child;
    int m_position;
};

/// Shifts a person sideways by dx points on top of the layout (docs/design.md, "The family map":
/// nudges live in the model so the map never jumps).
class Nudge final : public LoggedCommand {
public:
    Nudge(PersonId person, double dx);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    PersonId m_person;
    double m_dx;
};

/// "Reset layout": every nudge back to zero and every dragged sibling back
/// to its birth-order place.
class ResetLayout final : public LoggedCommand {
public:
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;
};

/// Makes a person the client (index person); kNoId clears it. There is at most
/// one index person afterwards.
class SetIndexPerson final : public LoggedCommand {
public:
    explicit SetIndexPerson(PersonId person);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    PersonId m_person;
};

// ---- emotional relations and households ------------------------------------

class AddRelation final : public LoggedCommand {
public:
    explicit AddRelation(Relation relation);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    Relation m_relation;
};

class RemoveRelation final : public LoggedCommand {
public:
    explicit RemoveRelation(RelationId id);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    RelationId m_id;
};

class SetRelation final : public LoggedCommand {
public:
    SetRelation(RelationId id, Relation newValue);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    RelationId m_id;
    Relation m_value;
};

class AddHousehold final : public LoggedCommand {
public:
    explicit AddHousehold(Household household);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    Household m_household;
};

class RemoveHousehold final : public LoggedCommand {
public:
    explicit RemoveHousehold(HouseholdId id);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    HouseholdId m_id;
};

class SetHousehold final : public LoggedCommand {
public:
    SetHousehold(HouseholdId id, Household newValue);
    std::string Describe() const override;

protected:
    void DoApply(Family& family, EditLog& log) override;

private:
    HouseholdId m_id;
    Household m_value;
};

// ---- composition -----------------------------------------------------------

/// Several commands as one undo step ("Add parents" = two AddParent). Applied
/// in order, reverted in reverse; if one refuses, the ones already applied are
/// reverted and the error passes on.
class CompositeCommand final : public Command {
public:
    explicit CompositeCommand(std::string description, std::vector<CommandPtr> commands = {});
    void Add(CommandPtr command);
    void Apply(Family& family) override;
    void Revert(Family& family) override;
    std::string Describe() const override { return m_description; }
    std::size_t Size() const { return m_commands.size(); }

private:
    std::string m_description;
    std::vector<CommandPtr> m_commands;
};

/// Replaces the whole family, e.g. with a GEDCOM import, as one undoable step.
/// A family with structural errors (see Validate) is refused.
class ReplaceFamily final : public Command {
public:
    explicit ReplaceFamily(Family family, std::string description = "Replace family map");
    void Apply(Family& family) override;
    void Revert(Family& family) override;
    std::string Describe() const override { return m_description; }

private:
    Family m_new;
    Family m_old;
    std::string m_description;
};

} // namespace kartbok::genogram
