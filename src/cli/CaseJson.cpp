// The case JSON (docs/case-json.md): the record itself - dates, sessions
// with their addenda, checklist runs and forms - around the family
// (FamilyJson.cpp) and the clinical parts (ClinicalJson.cpp).
#include "CaseJson.h"
#include "JsonFields.h"

#include "kartbok/journal/Episodes.h"

#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace kartbok::cli {

using nlohmann::json;
using nlohmann::ordered_json;
namespace jn = kartbok::journal;
using namespace json_fields;

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

namespace {

ordered_json AddendumJson(const jn::Addendum& a) {
    ordered_json aj;
    aj["author"] = a.author;
    aj["time"] = TimestampToIso(a.time);
    aj["text"] = a.text;
    aj["reason"] = a.reason;
    aj["corrects_field"] = a.correctsField;
    return aj;
}

jn::Addendum AddendumFromJson(const json& aj, const std::string& at) {
    jn::Addendum a;
    a.author = Str(aj, "author", at, true);
    a.time = TimeFromJson(aj, "time", at);
    a.text = Str(aj, "text", at);
    a.reason = Str(aj, "reason", at);
    a.correctsField = Str(aj, "corrects_field", at);
    return a;
}

ordered_json TopicJson(const jn::TopicEntry& e) {
    ordered_json ej;
    ej["item"] = e.itemId;
    ej["state"] = jn::ToString(e.state);
    ej["note"] = e.note;
    ej["sessions"] = e.sessionIds;
    ej["people"] = e.people;
    return ej;
}

jn::TopicEntry TopicFromJson(const json& ej, const std::string& at) {
    jn::TopicEntry e;
    e.itemId = Str(ej, "item", at, true);
    if (!jn::FromString(Str(ej, "state", at, true), e.state))
        Fail(at + ".state", "unknown state");
    e.note = Str(ej, "note", at);
    e.sessionIds = Strings(ej, "sessions", at);
    e.people = Ids(ej, "people", at);
    return e;
}

ordered_json ChecklistJson(const jn::ChecklistRun& run) {
    ordered_json rj;
    rj["template"] = run.templateId;
    rj["version"] = run.templateVersion;
    rj["entries"] = ListJson(run.entries, TopicJson);
    return rj;
}

jn::ChecklistRun ChecklistFromJson(const json& rj, const std::string& at) {
    jn::ChecklistRun run;
    run.templateId = Str(rj, "template", at, true);
    run.templateVersion = Int<int>(rj, "version", at);
    ListFromJson(rj, "entries", at, run.entries, TopicFromJson);
    return run;
}

ordered_json FormJson(const jn::FormResponse& f) {
    ordered_json fj;
    fj["id"] = f.id;
    fj["template"] = f.templateId;
    fj["version"] = f.templateVersion;
    fj["phase"] = jn::ToString(f.phase);
    fj["date"] = f.date.Iso();
    fj["episode"] = jn::EpisodeOf(f);
    fj["answers"] = ListJson(f.answers, [](const jn::FormAnswer& a) {
        return ordered_json{{"item", a.itemId}, {"value", a.value}};
    });
    return fj;
}

jn::FormResponse FormFromJson(const json& fj, const std::string& at) {
    jn::FormResponse f;
    f.id = Str(fj, "id", at);
    f.templateId = Str(fj, "template", at, true);
    f.templateVersion = Int<int>(fj, "version", at);
    if (!jn::FromString(Str(fj, "phase", at, true), f.phase))
        Fail(at + ".phase", "unknown phase");
    f.date = CivilFromJson(fj, "date", at);
    f.episode = Int<int>(fj, "episode", at, 1);
    ListFromJson(fj, "answers", at, f.answers, [](const json& aj, const std::string& aat) {
        return jn::FormAnswer{Str(aj, "item", aat, true), Str(aj, "value", aat)};
    });
    return f;
}

/// The record's own keys: format, version, code, names, status, dates.
void RecordFromJson(const json& j, const std::string& path, jn::Case& c) {
    if (!j.is_object())
        Fail(path, "expected an object");
    if (Str(j, "format", path) != "kartbok-case")
        Fail(path + ".format", "expected \"kartbok-case\"");
    const int version = Int<int>(j, "version", path);
    if (version != 1 && version != 2)
        Fail(path + ".version", "unsupported version (this program reads versions 1 and 2)");
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
}

} // namespace

ordered_json SessionToJson(const jn::Session& s) {
    ordered_json j;
    j["id"] = s.id;
    j["start"] = TimestampToIso(s.start);
    j["minutes"] = s.minutes;
    j["type"] = jn::ToString(s.type);
    j["participants"] = s.participants;
    j["template"] = {{"id", s.templateId}, {"version", s.templateVersion}};
    j["fields"] = ListJson(s.fields, [](const jn::NoteField& f) {
        return ordered_json{{"id", f.id}, {"text", f.text}};
    });
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
    j["addenda"] = ListJson(s.addenda, AddendumJson);
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
    ListFromJson(j, "fields", path, s.fields, [](const json& fj, const std::string& at) {
        return jn::NoteField{Str(fj, "id", at, true), Str(fj, "text", at)};
    });
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
    ListFromJson(j, "addenda", path, s.addenda, AddendumFromJson);
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
    j["sessions"] = ListJson(c.sessions, SessionToJson);
    j["checklists"] = ListJson(c.checklists, ChecklistJson);
    j["forms"] = ListJson(c.forms, FormJson);
    ClinicalToJson(c, j);
    return j;
}

jn::Case CaseFromJson(const json& j) {
    const std::string path = "case";
    jn::Case c;
    RecordFromJson(j, path, c);
    if (j.contains("family"))
        c.family = FamilyFromJson(j["family"], path + ".family");
    ListFromJson(j, "sessions", path, c.sessions, SessionFromJson);
    ListFromJson(j, "checklists", path, c.checklists, ChecklistFromJson);
    ListFromJson(j, "forms", path, c.forms, FormFromJson);
    ClinicalFromJson(j, c, path);
    return c;
}

} // namespace kartbok::cli
