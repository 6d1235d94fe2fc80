#include "kartbok/journal/RelativeSplit.h"

#include "Checks.h"
#include "kartbok/genogram/Scaffold.h"
#include "kartbok/journal/Dates.h"

#include <algorithm>
#include <set>

namespace kartbok::journal {

using detail::Fail;

namespace {

bool Contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

bool Moves(const Session& s, genogram::PersonId person) {
    if (s.type != SessionType::Relative)
        return false;
    if (person == 0)
        return true;
    return std::find(s.participants.begin(), s.participants.end(), person) != s.participants.end();
}

/// Keeps only the session links in `keep` (ids of sessions in the same case).
void KeepLinks(std::vector<ChecklistRun>& runs, const std::set<std::string>& keep) {
    for (ChecklistRun& run : runs)
        for (TopicEntry& e : run.entries)
            std::erase_if(e.sessionIds, [&](const std::string& id) { return !keep.count(id); });
}

/// The relative's new case: their own map (seeded with what the index
/// client's map says about them), dated from their first moved entry.
Case NewRelativeCase(const Case& source, const RelativeSplitRequest& request) {
    Case r;
    r.id = request.newCaseId;
    r.code = request.newCode;
    r.relativeOf = source.id;
    r.relativePerson = request.relativePerson;
    r.status = CaseStatus::Ongoing;
    r.intake.reasons = {SeekReason::Relative};
    const genogram::Person* p =
        request.relativePerson ? source.family.FindPerson(request.relativePerson) : nullptr;
    r.family =
        genogram::Scaffold(p ? p->givenNames : "", p ? p->gender : genogram::Gender::Unknown);
    if (p)
        for (genogram::Person& q : r.family.people)
            if (q.isIndex) {
                q.surname = p->surname;
                q.birth = p->birth;
            }
    return r;
}

void DateFromEntries(Case& r) {
    Date first;
    auto earlier = [&](Date d) {
        if (d.Set() && (!first.Set() || d < first))
            first = d;
    };
    for (const Session& s : r.sessions)
        earlier(DateOf(s.start));
    for (const FormResponse& f : r.forms)
        earlier(f.date);
    r.firstContact = first;
    r.start = first;
}

} // namespace

std::vector<std::string> RelativeTemplateIds(const TemplateSet& templates) {
    std::vector<std::string> ids;
    for (const Template& t : templates.templates)
        if (t.forRelatives)
            ids.push_back(t.id);
    return ids;
}

bool HoldsRelativeContent(const Case& c, const std::vector<std::string>& relativeTemplateIds) {
    if (!c.relativeOf.empty())
        return false; // a relative's own case: this is where it belongs
    return std::any_of(c.sessions.begin(), c.sessions.end(),
                       [](const Session& s) { return s.type == SessionType::Relative; }) ||
           std::any_of(c.checklists.begin(), c.checklists.end(),
                       [&](const ChecklistRun& r) {
                           return Contains(relativeTemplateIds, r.templateId);
                       }) ||
           std::any_of(c.forms.begin(), c.forms.end(), [&](const FormResponse& f) {
               return Contains(relativeTemplateIds, f.templateId);
           });
}

RelativeSplit SplitRelative(const Case& source, const RelativeSplitRequest& request) {
    if (!source.relativeOf.empty())
        Fail("Case " + source.code + " is itself a relative's case; nothing to move out of it.");
    if (detail::Blank(request.newCode) || detail::Blank(request.newCaseId))
        Fail("The relative's new case needs a code and an id.");
    if (request.newCaseId == source.id || request.newCode == source.code)
        Fail("The relative's case needs a code and id of its own.");
    if (request.relativePerson && !source.family.FindPerson(request.relativePerson))
        Fail("Person " + std::to_string(request.relativePerson) +
             " is not in the index client's family map.");

    RelativeSplit out;
    out.source = source;
    out.relative = NewRelativeCase(source, request);
    const auto& relTemplates = request.relativeTemplateIds;

    std::vector<Session> stay;
    for (const Session& s : source.sessions) {
        if (Moves(s, request.relativePerson)) {
            out.relative.sessions.push_back(s); // unchanged: signed content moves as it is
            out.movedSessionIds.push_back(s.id);
            continue;
        }
        if (s.type == SessionType::Relative)
            out.leftSessionIds.push_back(s.id);
        stay.push_back(s);
    }
    out.source.sessions = std::move(stay);

    std::vector<ChecklistRun> keepRuns;
    for (const ChecklistRun& run : source.checklists) {
        if (!Contains(relTemplates, run.templateId)) {
            keepRuns.push_back(run);
            continue;
        }
        ChecklistRun moved = run;
        for (TopicEntry& e : moved.entries)
            e.people.clear(); // people of the index client's map mean nothing there
        out.relative.checklists.push_back(std::move(moved));
        out.movedChecklists.push_back(run.templateId);
    }
    out.source.checklists = std::move(keepRuns);

    std::vector<FormResponse> keepForms;
    for (const FormResponse& f : source.forms) {
        if (Contains(relTemplates, f.templateId)) {
            out.relative.forms.push_back(f);
            out.relative.forms.back().episode = 1;
            out.movedFormIds.push_back(f.id);
        } else {
            keepForms.push_back(f);
        }
    }
    out.source.forms = std::move(keepForms);

    if (out.movedSessionIds.empty() && out.movedChecklists.empty() && out.movedFormIds.empty())
        Fail("Case " + source.code +
             " holds no relative-alone sessions, relatives' checklists or relatives' forms" +
             (request.relativePerson ? " for that person" : "") + "; nothing to move.");

    std::set<std::string> sourceIds,
        movedIds(out.movedSessionIds.begin(), out.movedSessionIds.end());
    for (const Session& s : out.source.sessions)
        sourceIds.insert(s.id);
    KeepLinks(out.source.checklists, sourceIds);
    KeepLinks(out.relative.checklists, movedIds);

    DateFromEntries(out.relative);
    out.source.relativeCaseIds.push_back(out.relative.id);
    for (const Session& s : out.source.sessions)
        if (s.type == SessionType::Couple &&
            (request.relativePerson == 0 ||
             std::find(s.participants.begin(), s.participants.end(), request.relativePerson) !=
                 s.participants.end()))
            out.jointSessionIds.push_back(s.id);
    return out;
}

} // namespace kartbok::journal
