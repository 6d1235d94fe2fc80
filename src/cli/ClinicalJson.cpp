// The clinical parts of the case JSON (docs/case-json.md, version 2): intake,
// follow-ups with outcomes, earlier episodes and the content-free links
// between a relative's case and the index client's.
#include "CaseJson.h"
#include "JsonFields.h"

#include "kartbok/journal/Episodes.h"

namespace kartbok::cli {

using nlohmann::json;
using nlohmann::ordered_json;
namespace jn = kartbok::journal;
using namespace json_fields;

namespace {

template <class E> E Named(const json& j, const char* key, const std::string& path, E fallback) {
    const std::string s = Str(j, key, path);
    if (s.empty())
        return fallback;
    E out{};
    if (!jn::FromString(s, out))
        Fail(path + "." + key, "unknown value");
    return out;
}

ordered_json IntakeJson(const jn::Intake& in) {
    ordered_json j;
    j["reasons"] = ordered_json::array();
    for (jn::SeekReason r : in.reasons)
        j["reasons"].push_back(jn::ToString(r));
    j["referral"] = jn::ToString(in.referral);
    return j;
}

jn::Intake IntakeFrom(const json& j, const std::string& path) {
    jn::Intake in;
    if (j.is_null())
        return in;
    if (!j.is_object())
        Fail(path, "expected an object");
    const json& reasons = Array(j, "reasons", path);
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        jn::SeekReason r{};
        if (!reasons[i].is_string() || !jn::FromString(reasons[i].get<std::string>(), r))
            Fail(Index(path + ".reasons", i), "unknown reason");
        if (in.Has(r))
            Fail(Index(path + ".reasons", i), "listed twice");
        in.reasons.push_back(r);
    }
    in.referral = Named(j, "referral", path, jn::ReferralRoute::NotRecorded);
    return in;
}

ordered_json FollowUpsJson(const std::vector<jn::FollowUp>& followUps) {
    ordered_json out = ordered_json::array();
    for (const jn::FollowUp& f : followUps)
        out.push_back({{"id", f.id},
                       {"due", f.due.Iso()},
                       {"outcome", jn::ToString(f.outcome)},
                       {"outcome_date", f.outcomeDate.Iso()},
                       {"session", f.sessionId}});
    return out;
}

std::vector<jn::FollowUp> FollowUpsFrom(const json& j, const char* key, const std::string& path) {
    std::vector<jn::FollowUp> out;
    const json& list = Array(j, key, path);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = Index(path + "." + key, i);
        if (!list[i].is_object())
            Fail(at, "expected an object");
        jn::FollowUp f;
        f.id = Str(list[i], "id", at);
        if (f.id.empty())
            Fail(at + ".id", "missing");
        f.due = CivilFromJson(list[i], "due", at);
        if (!f.due.Set())
            Fail(at + ".due", "missing");
        f.outcome = Named(list[i], "outcome", at, jn::FollowUpOutcome::Planned);
        f.outcomeDate = CivilFromJson(list[i], "outcome_date", at);
        f.sessionId = Str(list[i], "session", at);
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace

void ClinicalToJson(const jn::Case& c, ordered_json& j) {
    j["intake"] = IntakeJson(c.intake);
    j["follow_ups"] = FollowUpsJson(c.followUps);
    j["past_episodes"] = ordered_json::array();
    for (const jn::Episode& e : c.pastEpisodes) {
        ordered_json ej;
        ej["status"] = jn::ToString(e.status);
        ej["dates"] = {{"first_contact", e.firstContact.Iso()},
                       {"start", e.start.Iso()},
                       {"end", e.end.Iso()}};
        ej["follow_up_months"] = e.followUpMonths;
        ej["intake"] = IntakeJson(e.intake);
        ej["follow_ups"] = FollowUpsJson(e.followUps);
        j["past_episodes"].push_back(ej);
    }
    j["relative_of"] = c.relativeOf;
    j["relative_person"] = c.relativePerson;
    j["relative_cases"] = c.relativeCaseIds;
}

void ClinicalFromJson(const json& j, jn::Case& c, const std::string& path) {
    c.intake = IntakeFrom(j.value("intake", json()), path + ".intake");
    if (j.contains("follow_ups")) {
        // The follow-ups decide; dates.follow_up_due is their mirror (what
        // Kartbok writes is already in step, so show --json round-trips).
        c.followUps = FollowUpsFrom(j, "follow_ups", path);
        jn::SyncFollowUpDue(c);
    } else {
        jn::AdoptLegacyFollowUp(c); // a version 1 file: one follow-up, from its due date
    }
    const json& episodes = Array(j, "past_episodes", path);
    for (std::size_t i = 0; i < episodes.size(); ++i) {
        const std::string at = Index(path + ".past_episodes", i);
        const json& ej = episodes[i];
        if (!ej.is_object())
            Fail(at, "expected an object");
        jn::Episode e;
        e.status = Named(ej, "status", at, jn::CaseStatus::Ended);
        if (ej.contains("dates")) {
            e.firstContact = CivilFromJson(ej["dates"], "first_contact", at + ".dates");
            e.start = CivilFromJson(ej["dates"], "start", at + ".dates");
            e.end = CivilFromJson(ej["dates"], "end", at + ".dates");
        }
        e.followUpMonths = ej.value("follow_up_months", 6);
        e.intake = IntakeFrom(ej.value("intake", json()), at + ".intake");
        e.followUps = FollowUpsFrom(ej, "follow_ups", at);
        c.pastEpisodes.push_back(std::move(e));
    }
    c.relativeOf = Str(j, "relative_of", path);
    if (j.contains("relative_person") && !j["relative_person"].is_null()) {
        if (!j["relative_person"].is_number_unsigned())
            Fail(path + ".relative_person", "expected a person id");
        c.relativePerson = j["relative_person"].get<genogram::PersonId>();
    }
    const json& relatives = Array(j, "relative_cases", path);
    for (std::size_t i = 0; i < relatives.size(); ++i) {
        if (!relatives[i].is_string())
            Fail(Index(path + ".relative_cases", i), "expected a case id");
        c.relativeCaseIds.push_back(relatives[i].get<std::string>());
    }
    if (!c.relativeOf.empty() && !c.relativeCaseIds.empty())
        Fail(path + ".relative_of", "a relative's case cannot have relatives' cases of its own");
    for (std::size_t i = 0; i < c.forms.size(); ++i)
        if (c.forms[i].episode < 0 || c.forms[i].episode > c.CurrentEpisode())
            Fail(Index(path + ".forms", i) + ".episode", "names an episode the case does not have");
}

} // namespace kartbok::cli
