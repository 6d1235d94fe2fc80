#include "map/FamilyEdits.h"

#include "common/Utf8.h"
#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Queries.h"
#include "kartbok/journal/CaseCommands.h"

#include <wx/intl.h>
#include <wx/string.h>

namespace kartbok::app {

using namespace kartbok::genogram;

namespace {

std::string Label(const wxString& format, const std::string& name) {
    return Utf8(wxString::Format(format, wxString::FromUTF8(name)));
}

CaseEditPtr Wrap(CommandPtr command, std::string label, std::string mergeKey = {}) {
    return std::make_unique<CaseEdit>(std::make_unique<journal::FamilyEdit>(std::move(command)),
                                      std::move(label), std::move(mergeKey));
}

Gender Other(Gender g) {
    switch (g) {
    case Gender::Man:
        return Gender::Woman;
    case Gender::Woman:
        return Gender::Man;
    default:
        return Gender::Unknown;
    }
}

Person NewPerson(Gender g, PersonKind kind = PersonKind::Person) {
    Person p;
    p.gender = g;
    p.kind = kind;
    return p;
}

/// The union a new child of `parent` hangs from: the latest union, or the
/// person alone (AddChild takes a person id for a single parent).
Id ChildParents(const Family& family, PersonId parent) {
    const auto unions = family.UnionsOf(parent);
    return unions.empty() ? parent : unions.back();
}

/// A hidden scaffold parent of the given gender, if the slot is held by one.
PersonId PlaceholderParent(const Family& family, PersonId child, Gender gender) {
    for (PersonId id : ParentsOf(family, child)) {
        const Person* p = family.FindPerson(id);
        if (p && p->placeholder && p->gender == gender)
            return id;
    }
    return kNoId;
}

template <class Cmd> GrowthEdit Made(std::unique_ptr<Cmd> cmd, std::string label) {
    Cmd* raw = cmd.get();
    return {Wrap(std::move(cmd), std::move(label)), [raw] { return raw->Created(); }};
}

} // namespace

std::string ShownName(const Family& family, PersonId id) {
    const Person* p = family.FindPerson(id);
    if (!p || p->DisplayName().empty())
        return Utf8(_("unnamed person"));
    return p->DisplayName();
}

GrowthEdit MakeGrowth(const Family& family, PersonId from, Growth growth) {
    const Person* person = family.FindPerson(from);
    if (!person)
        throw CommandError("no such person");
    const std::string name = ShownName(family, from);
    switch (growth) {
    case Growth::Father:
    case Growth::Mother: {
        const Gender g = growth == Growth::Father ? Gender::Man : Gender::Woman;
        const wxString format = g == Gender::Man ? _("Add father to %s") : _("Add mother to %s");
        if (PersonId hidden = PlaceholderParent(family, from, g)) {
            // Bring the scaffold parent out: editing a placeholder makes it real.
            Person shown = *family.FindPerson(hidden);
            shown.placeholder = false;
            return {Wrap(std::make_unique<SetPerson>(hidden, shown), Label(format, name)),
                    [hidden] { return hidden; }};
        }
        return Made(std::make_unique<AddParent>(from, g, NewPerson(g)), Label(format, name));
    }
    case Growth::Partner:
    case Growth::PartnerSameGender: {
        const Gender g = growth == Growth::Partner ? Other(person->gender) : person->gender;
        return Made(std::make_unique<AddPartner>(from, NewPerson(g), UnionKind::Marriage),
                    Label(_("Add partner to %s"), name));
    }
    case Growth::Son:
        return Made(std::make_unique<AddChild>(ChildParents(family, from), NewPerson(Gender::Man)),
                    Label(_("Add son to %s"), name));
    case Growth::Daughter:
        return Made(
            std::make_unique<AddChild>(ChildParents(family, from), NewPerson(Gender::Woman)),
            Label(_("Add daughter to %s"), name));
    case Growth::Pregnancy:
        return Made(std::make_unique<AddChild>(ChildParents(family, from),
                                               NewPerson(Gender::Unknown, PersonKind::Pregnancy)),
                    Label(_("Add pregnancy to %s"), name));
    case Growth::Brother:
        return Made(std::make_unique<AddSibling>(from, NewPerson(Gender::Man)),
                    Label(_("Add brother to %s"), name));
    case Growth::Sister:
        return Made(std::make_unique<AddSibling>(from, NewPerson(Gender::Woman)),
                    Label(_("Add sister to %s"), name));
    case Growth::TwinFraternal:
    case Growth::TwinIdentical:
        return Made(std::make_unique<AddTwin>(from, growth == Growth::TwinIdentical
                                                        ? TwinKind::Identical
                                                        : TwinKind::Fraternal),
                    Label(_("Add twin of %s"), name));
    }
    throw CommandError("unknown gesture");
}

GrowthEdit MakeCoupleGrowth(const Family& family, UnionId couple, Growth growth) {
    const Union* u = family.FindUnion(couple);
    if (!u)
        throw CommandError("no such couple");
    const wxString a = wxString::FromUTF8(ShownName(family, u->partnerA));
    const wxString b = wxString::FromUTF8(ShownName(family, u->partnerB));
    switch (growth) {
    case Growth::Son:
        return Made(std::make_unique<AddChild>(couple, NewPerson(Gender::Man)),
                    Utf8(wxString::Format(_("Add son to %s and %s"), a, b)));
    case Growth::Daughter:
        return Made(std::make_unique<AddChild>(couple, NewPerson(Gender::Woman)),
                    Utf8(wxString::Format(_("Add daughter to %s and %s"), a, b)));
    case Growth::Pregnancy:
        return Made(
            std::make_unique<AddChild>(couple, NewPerson(Gender::Unknown, PersonKind::Pregnancy)),
            Utf8(wxString::Format(_("Add pregnancy to %s and %s"), a, b)));
    default:
        throw CommandError("A couple can only be given children.");
    }
}

CaseEditPtr MakeSetTwins(const Family& family, const std::vector<PersonId>& kids, TwinKind kind) {
    const std::string name = kids.empty() ? std::string() : ShownName(family, kids.front());
    return Wrap(std::make_unique<SetTwins>(kids, kind), kind == TwinKind::None
                                                            ? Label(_("Undo twins of %s"), name)
                                                            : Label(_("Make twins of %s"), name));
}

GrowthEdit MakeBirthParents(const Family& family, PersonId child) {
    return Made(std::make_unique<AddBirthParents>(child),
                Label(_("Add birth parents of %s"), ShownName(family, child)));
}

CaseEditPtr MakeSetChildLink(const Family& family, const ChildLink& updated) {
    return Wrap(std::make_unique<SetChildLink>(updated.child, updated,
                                               updated.parents != kNoId ? updated.parents
                                                                        : updated.singleParent),
                Label(_("Edit parents of %s"), ShownName(family, updated.child)));
}

CaseEditPtr MakeSetPerson(const Family& family, const Person& updated,
                          const std::string& mergeKey) {
    std::string name = updated.DisplayName();
    if (name.empty())
        name = ShownName(family, updated.id);
    return Wrap(std::make_unique<SetPerson>(updated.id, updated), Label(_("Edit %s"), name),
                mergeKey);
}

CaseEditPtr MakeSetUnion(const Family& family, const Union& updated) {
    const std::string a = ShownName(family, updated.partnerA);
    const std::string b = ShownName(family, updated.partnerB);
    return Wrap(std::make_unique<SetUnion>(updated.id, updated),
                Utf8(wxString::Format(_("Edit the union of %s and %s"), wxString::FromUTF8(a),
                                      wxString::FromUTF8(b))));
}

namespace {
bool DirectedByDefault(RelationKind kind) {
    switch (kind) {
    case RelationKind::FocusedOn:
    case RelationKind::PhysicalAbuse:
    case RelationKind::SexualAbuse:
    case RelationKind::EmotionalAbuse:
    case RelationKind::Neglect:
        return true;
    default:
        return false;
    }
}
} // namespace

CaseEditPtr MakeAddRelation(const Family& family, PersonId from, PersonId to, RelationKind kind) {
    Relation r;
    r.from = from;
    r.to = to;
    r.kind = kind;
    r.directed = DirectedByDefault(kind);
    return Wrap(std::make_unique<AddRelation>(r),
                Utf8(wxString::Format(_("Add relation between %s and %s"),
                                      wxString::FromUTF8(ShownName(family, from)),
                                      wxString::FromUTF8(ShownName(family, to)))));
}

CaseEditPtr MakeSetRelation(const Family& family, const Relation& updated,
                            const std::string& mergeKey) {
    return Wrap(std::make_unique<SetRelation>(updated.id, updated),
                Utf8(wxString::Format(_("Edit relation between %s and %s"),
                                      wxString::FromUTF8(ShownName(family, updated.from)),
                                      wxString::FromUTF8(ShownName(family, updated.to)))),
                mergeKey);
}

CaseEditPtr MakeRemoveRelation(const Family& family, RelationId id) {
    std::string a, b;
    for (const auto& r : family.relations)
        if (r.id == id) {
            a = ShownName(family, r.from);
            b = ShownName(family, r.to);
        }
    return Wrap(std::make_unique<RemoveRelation>(id),
                Utf8(wxString::Format(_("Remove relation between %s and %s"), wxString::FromUTF8(a),
                                      wxString::FromUTF8(b))));
}

CaseEditPtr MakeAddHousehold(const Family& family, const std::vector<PersonId>& members) {
    (void)family;
    Household h;
    h.members = members;
    return Wrap(std::make_unique<AddHousehold>(h), Utf8(_("Mark household")));
}

CaseEditPtr MakeRemoveHousehold(HouseholdId id) {
    return Wrap(std::make_unique<RemoveHousehold>(id), Utf8(_("Remove household")));
}

CaseEditPtr MakeRemovePerson(const Family& family, PersonId id) {
    return Wrap(std::make_unique<RemovePerson>(id), Label(_("Delete %s"), ShownName(family, id)));
}

CaseEditPtr MakeNudge(const Family& family, PersonId id, double dx) {
    return Wrap(std::make_unique<Nudge>(id, dx), Label(_("Move %s"), ShownName(family, id)));
}

CaseEditPtr MakeResetLayout() {
    return Wrap(std::make_unique<ResetLayout>(), Utf8(_("Reset layout")));
}

CaseEditPtr MakeSetIndexPerson(const Family& family, PersonId id) {
    return Wrap(std::make_unique<SetIndexPerson>(id),
                Label(_("Make %s the client"), ShownName(family, id)));
}

RemovalImpact ImpactOfRemoving(const Family& family, PersonId id) {
    RemovalImpact impact;
    for (const auto& u : family.unions)
        if (u.partnerA == id || u.partnerB == id)
            ++impact.unions;
    for (const auto& r : family.relations)
        if (r.from == id || r.to == id)
            ++impact.relations;
    for (const auto& c : family.children) {
        if (c.singleParent == id)
            ++impact.childLinks;
        else if (const Union* u = family.FindUnion(c.parents);
                 u && (u->partnerA == id || u->partnerB == id))
            ++impact.childLinks;
    }
    return impact;
}

} // namespace kartbok::app
