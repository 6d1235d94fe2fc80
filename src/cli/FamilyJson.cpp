// The family part of the case JSON (docs/case-json.md, "family"): people,
// unions, children, relations and households, each written with every key
// and read back with the defaults of older files. A reference to a person or
// union that is not in the family is refused: it would draw nothing.
#include "CaseJson.h"
#include "JsonFields.h"

#include "kartbok/genogram/EnumNames.h"

#include <algorithm>

namespace kartbok::cli {

using nlohmann::json;
using nlohmann::ordered_json;
namespace g = kartbok::genogram;
using namespace json_fields;

namespace {

// The genogram's enum names live with the enums (kartbok/genogram/EnumNames.h).

template <class E> std::string Name(E value) {
    return std::string(g::NameOf(value));
}

template <class E> E Enum(const json& j, const std::string& path) {
    if (!j.is_string())
        Fail(path, "expected a string");
    if (auto e = g::FromName<E>(j.get_ref<const std::string&>()))
        return *e;
    Fail(path, "unknown value");
}

/// An optional enum key: `fallback` when absent.
template <class E> E EnumOr(const json& j, const char* key, const std::string& path, E fallback) {
    return j.contains(key) ? Enum<E>(j[key], path + "." + key) : fallback;
}

/// A condition bit set as a list of names, and back.
ordered_json ConditionsJson(std::uint8_t bits) {
    ordered_json out = ordered_json::array();
    for (g::Condition c : g::kAllConditions)
        if (bits & c)
            out.push_back(Name(c));
    return out;
}

std::uint8_t ConditionsFromJson(const json& j, const char* key, const std::string& path) {
    std::uint8_t bits = 0;
    for (const auto& name : Strings(j, key, path)) {
        auto c = g::FromName<g::Condition>(name);
        if (!c)
            Fail(path + "." + key, "unknown condition");
        bits |= *c;
    }
    return bits;
}

ordered_json DateJson(const g::FuzzyDate& d) {
    if (!d.Known())
        return nullptr;
    ordered_json j;
    j["precision"] = Name(d.precision);
    j["year"] = d.year;
    if (d.precision == g::DatePrecision::Full) {
        j["month"] = d.month;
        j["day"] = d.day;
    }
    return j;
}

g::FuzzyDate FuzzyFromJson(const json& j, const std::string& path) {
    g::FuzzyDate d;
    if (j.is_null())
        return d;
    d.precision = Enum<g::DatePrecision>(Member(j, "precision", path), path + ".precision");
    d.year = Int<int>(j, "year", path);
    if (d.precision == g::DatePrecision::Full) {
        d.month = Int<int>(j, "month", path);
        d.day = Int<int>(j, "day", path);
        if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
            Fail(path, "no such date");
    }
    if (d.Known() && (d.year < 1 || d.year > 9999))
        Fail(path + ".year", "out of range");
    return d;
}

ordered_json PersonJson(const g::Person& p) {
    ordered_json pj;
    pj["id"] = p.id;
    pj["gender"] = Name(p.gender);
    pj["kind"] = Name(p.kind);
    pj["given_names"] = p.givenNames;
    pj["surname"] = p.surname;
    pj["birth"] = DateJson(p.birth);
    pj["death"] = DateJson(p.death);
    pj["deceased"] = p.deceased;
    pj["index"] = p.isIndex;
    pj["placeholder"] = p.placeholder;
    pj["occupation"] = p.occupation;
    pj["place"] = p.place;
    pj["note"] = p.note;
    pj["conditions"] = ConditionsJson(p.conditions);
    pj["recovering"] = ConditionsJson(p.recovering);
    pj["cause_of_death"] = p.causeOfDeath;
    pj["nudge_x"] = p.nudgeX;
    return pj;
}

ordered_json UnionJson(const g::Union& u) {
    ordered_json uj;
    uj["id"] = u.id;
    uj["partners"] = {u.partnerA, u.partnerB};
    uj["kind"] = Name(u.kind);
    uj["events"] = ordered_json::array();
    for (const auto& e : u.events)
        uj["events"].push_back({{"kind", Name(e.kind)}, {"year", e.year}});
    uj["order"] = u.order;
    uj["consanguineous"] = u.consanguineous;
    return uj;
}

ordered_json ChildJson(const g::ChildLink& c) {
    ordered_json cj;
    cj["child"] = c.child;
    cj["union"] = c.parents;
    cj["single_parent"] = c.singleParent;
    cj["kind"] = Name(c.kind);
    cj["birth_order"] = c.birthOrder;
    cj["twin_group"] = c.twinGroup;
    cj["twin_kind"] = Name(c.twinKind);
    cj["pinned_position"] = c.pinnedPosition;
    return cj;
}

ordered_json RelationJson(const g::Relation& r) {
    ordered_json rj;
    rj["id"] = r.id;
    rj["from"] = r.from;
    rj["to"] = r.to;
    rj["kind"] = Name(r.kind);
    rj["directed"] = r.directed;
    rj["note"] = r.note;
    return rj;
}

ordered_json HouseholdJson(const g::Household& h) {
    ordered_json hj;
    hj["id"] = h.id;
    hj["label"] = h.label;
    hj["members"] = h.members;
    hj["from_year"] = h.fromYear;
    hj["to_year"] = h.toYear;
    return hj;
}

/// The ids a family's people, unions, relations and households carry: each
/// above 0, and the family's next id above them all.
struct IdsSeen {
    g::Id max = 0;
    g::Id See(g::Id id, const std::string& at) {
        if (id == g::kNoId)
            Fail(at, "id must be above 0");
        max = std::max(max, id);
        return id;
    }
};

g::Person PersonFromJson(const json& pj, const std::string& at, IdsSeen& ids) {
    g::Person p;
    p.id = ids.See(Int<g::Id>(pj, "id", at), at + ".id");
    p.gender = EnumOr(pj, "gender", at, g::Gender::Unknown);
    p.kind = EnumOr(pj, "kind", at, g::PersonKind::Person);
    p.givenNames = Str(pj, "given_names", at);
    p.surname = Str(pj, "surname", at);
    p.birth = FuzzyFromJson(pj.value("birth", json()), at + ".birth");
    p.death = FuzzyFromJson(pj.value("death", json()), at + ".death");
    p.deceased = Bool(pj, "deceased", at);
    p.isIndex = Bool(pj, "index", at);
    p.placeholder = Bool(pj, "placeholder", at);
    p.occupation = Str(pj, "occupation", at);
    p.place = Str(pj, "place", at);
    p.note = Str(pj, "note", at);
    p.conditions = ConditionsFromJson(pj, "conditions", at);
    p.recovering = ConditionsFromJson(pj, "recovering", at);
    if (p.recovering & ~p.conditions)
        Fail(at + ".recovering", "names a condition the person does not have");
    p.causeOfDeath = Str(pj, "cause_of_death", at);
    if (pj.contains("nudge_x") && !pj["nudge_x"].is_null()) {
        if (!pj["nudge_x"].is_number())
            Fail(at + ".nudge_x", "expected a number");
        p.nudgeX = pj["nudge_x"].get<double>();
    }
    return p;
}

g::Union UnionFromJson(const json& uj, const std::string& at, IdsSeen& ids) {
    g::Union u;
    u.id = ids.See(Int<g::Id>(uj, "id", at), at + ".id");
    auto partners = Ids(uj, "partners", at);
    if (partners.size() != 2)
        Fail(at + ".partners", "expected two ids");
    u.partnerA = partners[0];
    u.partnerB = partners[1];
    u.kind = EnumOr(uj, "kind", at, g::UnionKind::Marriage);
    const json& events = Array(uj, "events", at);
    for (std::size_t k = 0; k < events.size(); ++k) {
        const std::string eat = Index(at + ".events", k);
        g::UnionEvent e;
        e.kind = Enum<g::UnionEventKind>(Member(events[k], "kind", eat), eat + ".kind");
        e.year = Int<int>(events[k], "year", eat);
        u.events.push_back(e);
    }
    u.order = Int<int>(uj, "order", at);
    u.consanguineous = Bool(uj, "consanguineous", at);
    return u;
}

g::ChildLink ChildFromJson(const json& cj, const std::string& at, IdsSeen& ids) {
    g::ChildLink c;
    c.child = Int<g::Id>(cj, "child", at);
    c.parents = Int<g::Id>(cj, "union", at);
    c.singleParent = Int<g::Id>(cj, "single_parent", at);
    c.kind = EnumOr(cj, "kind", at, g::ChildKind::Biological);
    c.birthOrder = Int<int>(cj, "birth_order", at);
    c.twinGroup = Int<g::Id>(cj, "twin_group", at);
    c.twinKind = EnumOr(cj, "twin_kind", at, g::TwinKind::None);
    c.pinnedPosition = Int<int>(cj, "pinned_position", at, -1);
    if (c.pinnedPosition < -1)
        Fail(at + ".pinned_position", "expected -1 or a place from 0");
    ids.max = std::max(ids.max, c.twinGroup); // a twin group may be 0: no twins
    return c;
}

g::Relation RelationFromJson(const json& rj, const std::string& at, IdsSeen& ids) {
    g::Relation r;
    r.id = ids.See(Int<g::Id>(rj, "id", at), at + ".id");
    r.from = Int<g::Id>(rj, "from", at);
    r.to = Int<g::Id>(rj, "to", at);
    r.kind = Enum<g::RelationKind>(Member(rj, "kind", at), at + ".kind");
    r.directed = Bool(rj, "directed", at);
    r.note = Str(rj, "note", at);
    return r;
}

g::Household HouseholdFromJson(const json& hj, const std::string& at, IdsSeen& ids) {
    g::Household h;
    h.id = ids.See(Int<g::Id>(hj, "id", at), at + ".id");
    h.label = Str(hj, "label", at);
    h.members = Ids(hj, "members", at);
    h.fromYear = Int<int>(hj, "from_year", at);
    h.toYear = Int<int>(hj, "to_year", at);
    return h;
}

/// References must point at people (and unions) of this family: a dangling
/// id would crash nothing, but would silently draw nothing, so refuse it.
void CheckReferences(const g::Family& f, const std::string& path) {
    auto isPerson = [&](g::Id id) { return f.FindPerson(id) != nullptr; };
    for (std::size_t i = 0; i < f.unions.size(); ++i)
        if (!isPerson(f.unions[i].partnerA) || !isPerson(f.unions[i].partnerB))
            Fail(Index(path + ".unions", i) + ".partners",
                 "names a person who is not in the family");
    for (std::size_t i = 0; i < f.children.size(); ++i) {
        const auto& c = f.children[i];
        const std::string at = Index(path + ".children", i);
        if (!isPerson(c.child))
            Fail(at + ".child", "names a person who is not in the family");
        if (c.parents != g::kNoId && !f.FindUnion(c.parents))
            Fail(at + ".union", "names a union that is not in the family");
        if (c.singleParent != g::kNoId && !isPerson(c.singleParent))
            Fail(at + ".single_parent", "names a person who is not in the family");
    }
    for (std::size_t i = 0; i < f.relations.size(); ++i)
        if (!isPerson(f.relations[i].from) || !isPerson(f.relations[i].to))
            Fail(Index(path + ".relations", i), "names a person who is not in the family");
    for (std::size_t i = 0; i < f.households.size(); ++i)
        for (g::Id m : f.households[i].members)
            if (!isPerson(m))
                Fail(Index(path + ".households", i) + ".members",
                     "names a person who is not in the family");
}

} // namespace

ordered_json FamilyToJson(const g::Family& f) {
    ordered_json j;
    j["next_id"] = f.nextId;
    j["people"] = ListJson(f.people, PersonJson);
    j["unions"] = ListJson(f.unions, UnionJson);
    j["children"] = ListJson(f.children, ChildJson);
    j["relations"] = ListJson(f.relations, RelationJson);
    j["households"] = ListJson(f.households, HouseholdJson);
    return j;
}

g::Family FamilyFromJson(const json& j, const std::string& path) {
    if (!j.is_object())
        Fail(path, "expected an object");
    g::Family f;
    IdsSeen ids;
    // Each element is read with the ids seen so far (in this order: the
    // first problem found is the one reported).
    auto with = [&ids](auto read) {
        return [&ids, read](const json& e, const std::string& at) { return read(e, at, ids); };
    };
    ListFromJson(j, "people", path, f.people, with(PersonFromJson));
    ListFromJson(j, "unions", path, f.unions, with(UnionFromJson));
    ListFromJson(j, "children", path, f.children, with(ChildFromJson));
    ListFromJson(j, "relations", path, f.relations, with(RelationFromJson));
    ListFromJson(j, "households", path, f.households, with(HouseholdFromJson));
    f.nextId = std::max<g::Id>(Int<g::Id>(j, "next_id", path, 1), ids.max + 1);
    CheckReferences(f, path);
    return f;
}

} // namespace kartbok::cli
