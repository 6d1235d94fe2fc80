#include "CaseJson.h"

#include "kartbok/genogram/EnumNames.h"
#include "kartbok/journal/Episodes.h"

#include <array>
#include <cstdio>
#include <ctime>

namespace kartbok::cli {

using nlohmann::json;
using nlohmann::ordered_json;
namespace g = kartbok::genogram;
namespace jn = kartbok::journal;

namespace {

// The genogram's enum names live with the enums (kartbok/genogram/EnumNames.h).

[[noreturn]] void Fail(const std::string& path, const std::string& what) {
    throw JsonError(path + ": " + what);
}

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

/// A condition bit set as a list of names, and back.
ordered_json ConditionsJson(std::uint8_t bits) {
    ordered_json out = ordered_json::array();
    for (g::Condition c : g::kAllConditions)
        if (bits & c)
            out.push_back(Name(c));
    return out;
}

const json& Member(const json& j, const char* key, const std::string& path) {
    if (!j.is_object())
        Fail(path, "expected an object");
    auto it = j.find(key);
    if (it == j.end())
        Fail(path + "." + key, "missing");
    return *it;
}

std::string Str(const json& j, const char* key, const std::string& path, bool required = false) {
    if (!j.contains(key)) {
        if (required)
            Fail(path + "." + key, "missing");
        return {};
    }
    const json& v = j.at(key);
    if (v.is_null())
        return {};
    if (!v.is_string())
        Fail(path + "." + key, "expected a string");
    return v.get<std::string>();
}

template <class T> T Int(const json& j, const char* key, const std::string& path, T fallback = 0) {
    if (!j.contains(key) || j.at(key).is_null())
        return fallback;
    const json& v = j.at(key);
    if (!v.is_number_integer())
        Fail(path + "." + key, "expected a whole number");
    return v.get<T>();
}

bool Bool(const json& j, const char* key, const std::string& path) {
    if (!j.contains(key) || j.at(key).is_null())
        return false;
    if (!j.at(key).is_boolean())
        Fail(path + "." + key, "expected true or false");
    return j.at(key).get<bool>();
}

const json& Array(const json& j, const char* key, const std::string& path) {
    static const json kEmpty = json::array();
    if (!j.contains(key) || j.at(key).is_null())
        return kEmpty;
    if (!j.at(key).is_array())
        Fail(path + "." + key, "expected a list");
    return j.at(key);
}

std::vector<std::string> Strings(const json& j, const char* key, const std::string& path) {
    std::vector<std::string> out;
    const json& a = Array(j, key, path);
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].is_string())
            Fail(path + "." + key + "[" + std::to_string(i) + "]", "expected a string");
        out.push_back(a[i].get<std::string>());
    }
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

std::vector<g::Id> Ids(const json& j, const char* key, const std::string& path) {
    std::vector<g::Id> out;
    const json& a = Array(j, key, path);
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].is_number_unsigned())
            Fail(path + "." + key + "[" + std::to_string(i) + "]", "expected an id");
        out.push_back(a[i].get<g::Id>());
    }
    return out;
}

std::string Index(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
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

jn::Date CivilFromJson(const json& j, const char* key, const std::string& path) {
    try {
        return jn::Date::FromIso(Str(j, key, path));
    } catch (const std::invalid_argument&) {
        Fail(path + "." + key, "not a date (YYYY-MM-DD)");
    }
}

jn::Timestamp TimeFromJson(const json& j, const char* key, const std::string& path) {
    try {
        return TimestampFromIso(Str(j, key, path));
    } catch (const std::invalid_argument&) {
        Fail(path + "." + key, "not a timestamp (YYYY-MM-DDTHH:MM:SSZ)");
    }
}

} // namespace

std::string TimestampToIso(jn::Timestamp t) {
    if (t == 0)
        return {};
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

jn::Timestamp TimestampFromIso(const std::string& iso) {
    if (iso.empty())
        return 0;
    std::tm tm{};
    char z = 0, tail = 0;
    if (iso.size() != 20 ||
        std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%c", &tm.tm_year, &tm.tm_mon,
                    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &z, &tail) != 7 ||
        z != 'Z')
        throw std::invalid_argument("not a timestamp");
    if (tm.tm_year < 1970 || tm.tm_year > 2300 || tm.tm_mon < 1 || tm.tm_mon > 12 ||
        tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
        throw std::invalid_argument("timestamp out of range");
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<jn::Timestamp>(timegm(&tm));
}

json ParseJson(const std::string& text, const std::string& what) {
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        // e.byte is an offset; never echo the content itself.
        throw JsonError(what + ": not valid JSON (at byte " + std::to_string(e.byte) + ")");
    } catch (const json::exception&) {
        // e.g. out_of_range.406 for "1e999"; its own message quotes the input.
        throw JsonError(what + ": not valid JSON (a number is out of range)");
    }
}

ordered_json FamilyToJson(const g::Family& f) {
    ordered_json j;
    j["next_id"] = f.nextId;
    j["people"] = ordered_json::array();
    for (const auto& p : f.people) {
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
        j["people"].push_back(pj);
    }
    j["unions"] = ordered_json::array();
    for (const auto& u : f.unions) {
        ordered_json uj;
        uj["id"] = u.id;
        uj["partners"] = {u.partnerA, u.partnerB};
        uj["kind"] = Name(u.kind);
        uj["events"] = ordered_json::array();
        for (const auto& e : u.events)
            uj["events"].push_back({{"kind", Name(e.kind)}, {"year", e.year}});
        uj["order"] = u.order;
        uj["consanguineous"] = u.consanguineous;
        j["unions"].push_back(uj);
    }
    j["children"] = ordered_json::array();
    for (const auto& c : f.children) {
        ordered_json cj;
        cj["child"] = c.child;
        cj["union"] = c.parents;
        cj["single_parent"] = c.singleParent;
        cj["kind"] = Name(c.kind);
        cj["birth_order"] = c.birthOrder;
        cj["twin_group"] = c.twinGroup;
        cj["twin_kind"] = Name(c.twinKind);
        cj["pinned_position"] = c.pinnedPosition;
        j["children"].push_back(cj);
    }
    j["relations"] = ordered_json::array();
    for (const auto& r : f.relations) {
        ordered_json rj;
        rj["id"] = r.id;
        rj["from"] = r.from;
        rj["to"] = r.to;
        rj["kind"] = Name(r.kind);
        rj["directed"] = r.directed;
        rj["note"] = r.note;
        j["relations"].push_back(rj);
    }
    j["households"] = ordered_json::array();
    for (const auto& h : f.households) {
        ordered_json hj;
        hj["id"] = h.id;
        hj["label"] = h.label;
        hj["members"] = h.members;
        hj["from_year"] = h.fromYear;
        hj["to_year"] = h.toYear;
        j["households"].push_back(hj);
    }
    return j;
}

g::Family FamilyFromJson(const json& j, const std::string& path) {
    if (!j.is_object())
        Fail(path, "expected an object");
    g::Family f;
    g::Id maxId = 0;
    auto seeId = [&](g::Id id, const std::string& at) {
        if (id == g::kNoId)
            Fail(at, "id must be above 0");
        maxId = std::max(maxId, id);
        return id;
    };
    const json& people = Array(j, "people", path);
    for (std::size_t i = 0; i < people.size(); ++i) {
        const std::string at = Index(path + ".people", i);
        const json& pj = people[i];
        g::Person p;
        p.id = seeId(Int<g::Id>(pj, "id", at), at + ".id");
        p.gender = pj.contains("gender") ? Enum<g::Gender>(pj["gender"], at + ".gender")
                                         : g::Gender::Unknown;
        p.kind = pj.contains("kind") ? Enum<g::PersonKind>(pj["kind"], at + ".kind")
                                     : g::PersonKind::Person;
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
        f.people.push_back(std::move(p));
    }
    const json& unions = Array(j, "unions", path);
    for (std::size_t i = 0; i < unions.size(); ++i) {
        const std::string at = Index(path + ".unions", i);
        const json& uj = unions[i];
        g::Union u;
        u.id = seeId(Int<g::Id>(uj, "id", at), at + ".id");
        auto partners = Ids(uj, "partners", at);
        if (partners.size() != 2)
            Fail(at + ".partners", "expected two ids");
        u.partnerA = partners[0];
        u.partnerB = partners[1];
        u.kind = uj.contains("kind") ? Enum<g::UnionKind>(uj["kind"], at + ".kind")
                                     : g::UnionKind::Marriage;
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
        f.unions.push_back(std::move(u));
    }
    const json& children = Array(j, "children", path);
    for (std::size_t i = 0; i < children.size(); ++i) {
        const std::string at = Index(path + ".children", i);
        const json& cj = children[i];
        g::ChildLink c;
        c.child = Int<g::Id>(cj, "child", at);
        c.parents = Int<g::Id>(cj, "union", at);
        c.singleParent = Int<g::Id>(cj, "single_parent", at);
        c.kind = cj.contains("kind") ? Enum<g::ChildKind>(cj["kind"], at + ".kind")
                                     : g::ChildKind::Biological;
        c.birthOrder = Int<int>(cj, "birth_order", at);
        c.twinGroup = Int<g::Id>(cj, "twin_group", at);
        c.twinKind = cj.contains("twin_kind")
                         ? Enum<g::TwinKind>(cj["twin_kind"], at + ".twin_kind")
                         : g::TwinKind::None;
        c.pinnedPosition = Int<int>(cj, "pinned_position", at, -1);
        if (c.pinnedPosition < -1)
            Fail(at + ".pinned_position", "expected -1 or a place from 0");
        maxId = std::max(maxId, c.twinGroup);
        f.children.push_back(c);
    }
    const json& relations = Array(j, "relations", path);
    for (std::size_t i = 0; i < relations.size(); ++i) {
        const std::string at = Index(path + ".relations", i);
        const json& rj = relations[i];
        g::Relation r;
        r.id = seeId(Int<g::Id>(rj, "id", at), at + ".id");
        r.from = Int<g::Id>(rj, "from", at);
        r.to = Int<g::Id>(rj, "to", at);
        r.kind = Enum<g::RelationKind>(Member(rj, "kind", at), at + ".kind");
        r.directed = Bool(rj, "directed", at);
        r.note = Str(rj, "note", at);
        f.relations.push_back(std::move(r));
    }
    const json& households = Array(j, "households", path);
    for (std::size_t i = 0; i < households.size(); ++i) {
        const std::string at = Index(path + ".households", i);
        const json& hj = households[i];
        g::Household h;
        h.id = seeId(Int<g::Id>(hj, "id", at), at + ".id");
        h.label = Str(hj, "label", at);
        h.members = Ids(hj, "members", at);
        h.fromYear = Int<int>(hj, "from_year", at);
        h.toYear = Int<int>(hj, "to_year", at);
        f.households.push_back(std::move(h));
    }
    f.nextId = std::max<g::Id>(Int<g::Id>(j, "next_id", path, 1), maxId + 1);
    // References must point at people of this family: a dangling id would
    // crash nothing, but would silently draw nothing, so refuse it here.
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
    return f;
}

ordered_json SessionToJson(const jn::Session& s) {
    ordered_json j;
    j["id"] = s.id;
    j["start"] = TimestampToIso(s.start);
    j["minutes"] = s.minutes;
    j["type"] = jn::ToString(s.type);
    j["participants"] = s.participants;
    j["template"] = {{"id", s.templateId}, {"version", s.templateVersion}};
    j["fields"] = ordered_json::array();
    for (const auto& f : s.fields)
        j["fields"].push_back({{"id", f.id}, {"text", f.text}});
    j["themes"] = s.themes;
    j["methods"] = s.methods;
    j["next_steps"] = s.nextSteps;
    j["next_appointment"] = TimestampToIso(s.nextAppointment);
    j["author"] = s.author;
    j["created"] = TimestampToIso(s.created);
    if (s.isSigned)
        j["signed"] = {{"by", s.signedBy}, {"at", TimestampToIso(s.signedAt)}};
    else
        j["signed"] = nullptr;
    j["addenda"] = ordered_json::array();
    for (const auto& a : s.addenda) {
        ordered_json aj;
        aj["author"] = a.author;
        aj["time"] = TimestampToIso(a.time);
        aj["text"] = a.text;
        aj["reason"] = a.reason;
        aj["corrects_field"] = a.correctsField;
        j["addenda"].push_back(aj);
    }
    return j;
}

jn::Session SessionFromJson(const json& j, const std::string& path) {
    if (!j.is_object())
        Fail(path, "expected an object");
    jn::Session s;
    s.id = Str(j, "id", path);
    s.start = TimeFromJson(j, "start", path);
    s.minutes = Int<int>(j, "minutes", path, 60);
    if (s.minutes < 0 || s.minutes > 24 * 60)
        Fail(path + ".minutes", "out of range");
    if (j.contains("type")) {
        jn::SessionType t;
        if (!jn::FromString(Str(j, "type", path), t))
            Fail(path + ".type", "unknown session type");
        s.type = t;
    }
    s.participants = Ids(j, "participants", path);
    if (j.contains("template") && !j["template"].is_null()) {
        s.templateId = Str(j["template"], "id", path + ".template");
        s.templateVersion = Int<int>(j["template"], "version", path + ".template");
    }
    const json& fields = Array(j, "fields", path);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string at = Index(path + ".fields", i);
        s.fields.push_back({Str(fields[i], "id", at, true), Str(fields[i], "text", at)});
    }
    s.themes = Strings(j, "themes", path);
    s.methods = Strings(j, "methods", path);
    s.nextSteps = Str(j, "next_steps", path);
    s.nextAppointment = TimeFromJson(j, "next_appointment", path);
    s.author = Str(j, "author", path);
    s.created = TimeFromJson(j, "created", path);
    if (j.contains("signed") && !j["signed"].is_null()) {
        s.isSigned = true;
        s.signedBy = Str(j["signed"], "by", path + ".signed", true);
        s.signedAt = TimeFromJson(j["signed"], "at", path + ".signed");
    }
    const json& addenda = Array(j, "addenda", path);
    for (std::size_t i = 0; i < addenda.size(); ++i) {
        const std::string at = Index(path + ".addenda", i);
        jn::Addendum a;
        a.author = Str(addenda[i], "author", at, true);
        a.time = TimeFromJson(addenda[i], "time", at);
        a.text = Str(addenda[i], "text", at);
        a.reason = Str(addenda[i], "reason", at);
        a.correctsField = Str(addenda[i], "corrects_field", at);
        s.addenda.push_back(std::move(a));
    }
    return s;
}

ordered_json CaseToJson(const jn::Case& c) {
    ordered_json j;
    j["format"] = "kartbok-case";
    j["version"] = 2;
    j["id"] = c.id;
    j["code"] = c.code;
    j["name"] = c.name;
    j["contact"] = c.contact;
    j["reason_for_contact"] = c.reasonForContact;
    j["status"] = jn::ToString(c.status);
    j["dates"] = {{"first_contact", c.firstContact.Iso()},
                  {"start", c.start.Iso()},
                  {"end", c.end.Iso()},
                  {"follow_up_due", c.followUpDue.Iso()}};
    j["follow_up_months"] = c.followUpMonths;
    j["family"] = FamilyToJson(c.family);
    j["sessions"] = ordered_json::array();
    for (const auto& s : c.sessions)
        j["sessions"].push_back(SessionToJson(s));
    j["checklists"] = ordered_json::array();
    for (const auto& run : c.checklists) {
        ordered_json rj;
        rj["template"] = run.templateId;
        rj["version"] = run.templateVersion;
        rj["entries"] = ordered_json::array();
        for (const auto& e : run.entries) {
            ordered_json ej;
            ej["item"] = e.itemId;
            ej["state"] = jn::ToString(e.state);
            ej["note"] = e.note;
            ej["sessions"] = e.sessionIds;
            ej["people"] = e.people;
            rj["entries"].push_back(ej);
        }
        j["checklists"].push_back(rj);
    }
    j["forms"] = ordered_json::array();
    for (const auto& f : c.forms) {
        ordered_json fj;
        fj["id"] = f.id;
        fj["template"] = f.templateId;
        fj["version"] = f.templateVersion;
        fj["phase"] = jn::ToString(f.phase);
        fj["date"] = f.date.Iso();
        fj["episode"] = jn::EpisodeOf(f);
        fj["answers"] = ordered_json::array();
        for (const auto& a : f.answers)
            fj["answers"].push_back({{"item", a.itemId}, {"value", a.value}});
        j["forms"].push_back(fj);
    }
    ClinicalToJson(c, j);
    return j;
}

jn::Case CaseFromJson(const json& j) {
    const std::string path = "case";
    if (!j.is_object())
        Fail(path, "expected an object");
    if (Str(j, "format", path) != "kartbok-case")
        Fail(path + ".format", "expected \"kartbok-case\"");
    const int version = Int<int>(j, "version", path);
    if (version != 1 && version != 2)
        Fail(path + ".version", "unsupported version (this program reads versions 1 and 2)");
    jn::Case c;
    c.id = Str(j, "id", path);
    c.code = Str(j, "code", path, true);
    if (c.code.empty())
        Fail(path + ".code", "must not be empty");
    c.name = Str(j, "name", path);
    c.contact = Str(j, "contact", path);
    c.reasonForContact = Str(j, "reason_for_contact", path);
    if (!jn::FromString(Str(j, "status", path, true), c.status))
        Fail(path + ".status", "unknown status");
    if (j.contains("dates")) {
        const json& d = j["dates"];
        const std::string at = path + ".dates";
        if (!d.is_object())
            Fail(at, "expected an object");
        c.firstContact = CivilFromJson(d, "first_contact", at);
        c.start = CivilFromJson(d, "start", at);
        c.end = CivilFromJson(d, "end", at);
        c.followUpDue = CivilFromJson(d, "follow_up_due", at);
    }
    c.followUpMonths = Int<int>(j, "follow_up_months", path, 6);
    if (c.followUpMonths < 4 || c.followUpMonths > 8)
        Fail(path + ".follow_up_months", "must be 4 to 8");
    if (j.contains("family"))
        c.family = FamilyFromJson(j["family"], path + ".family");
    const json& sessions = Array(j, "sessions", path);
    for (std::size_t i = 0; i < sessions.size(); ++i)
        c.sessions.push_back(SessionFromJson(sessions[i], Index(path + ".sessions", i)));
    const json& checklists = Array(j, "checklists", path);
    for (std::size_t i = 0; i < checklists.size(); ++i) {
        const std::string at = Index(path + ".checklists", i);
        jn::ChecklistRun run;
        run.templateId = Str(checklists[i], "template", at, true);
        run.templateVersion = Int<int>(checklists[i], "version", at);
        const json& entries = Array(checklists[i], "entries", at);
        for (std::size_t k = 0; k < entries.size(); ++k) {
            const std::string eat = Index(at + ".entries", k);
            jn::TopicEntry e;
            e.itemId = Str(entries[k], "item", eat, true);
            if (!jn::FromString(Str(entries[k], "state", eat, true), e.state))
                Fail(eat + ".state", "unknown state");
            e.note = Str(entries[k], "note", eat);
            e.sessionIds = Strings(entries[k], "sessions", eat);
            e.people = Ids(entries[k], "people", eat);
            run.entries.push_back(std::move(e));
        }
        c.checklists.push_back(std::move(run));
    }
    const json& forms = Array(j, "forms", path);
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const std::string at = Index(path + ".forms", i);
        jn::FormResponse f;
        f.id = Str(forms[i], "id", at);
        f.templateId = Str(forms[i], "template", at, true);
        f.templateVersion = Int<int>(forms[i], "version", at);
        if (!jn::FromString(Str(forms[i], "phase", at, true), f.phase))
            Fail(at + ".phase", "unknown phase");
        f.date = CivilFromJson(forms[i], "date", at);
        f.episode = Int<int>(forms[i], "episode", at, 1);
        const json& answers = Array(forms[i], "answers", at);
        for (std::size_t k = 0; k < answers.size(); ++k) {
            const std::string aat = Index(at + ".answers", k);
            f.answers.push_back(
                {Str(answers[k], "item", aat, true), Str(answers[k], "value", aat)});
        }
        c.forms.push_back(std::move(f));
    }
    ClinicalFromJson(j, c, path);
    return c;
}

} // namespace kartbok::cli
