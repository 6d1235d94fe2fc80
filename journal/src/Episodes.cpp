#include "kartbok/journal/Episodes.h"

#include "kartbok/journal/Dates.h"

#include <algorithm>

namespace kartbok::journal {

namespace {
std::vector<FollowUp> SortedByDue(std::vector<FollowUp> f) {
    std::stable_sort(f.begin(), f.end(),
                     [](const FollowUp& a, const FollowUp& b) { return a.due < b.due; });
    return f;
}
} // namespace

std::vector<EpisodeView> Episodes(const Case& c) {
    std::vector<EpisodeView> out;
    int n = 0;
    for (const Episode& e : c.pastEpisodes)
        out.push_back({++n, false, e.status, e.firstContact, e.start, e.end, e.followUpMonths,
                       e.intake, SortedByDue(e.followUps)});
    out.push_back(CurrentEpisodeView(c));
    return out;
}

EpisodeView CurrentEpisodeView(const Case& c) {
    return {c.CurrentEpisode(), true,     c.status,
            c.firstContact,     c.start,  c.end,
            c.followUpMonths,   c.intake, SortedByDue(c.followUps)};
}

int EpisodeAt(const Case& c, Date d) {
    int episode = 1;
    int n = 0;
    auto consider = [&](Date opening) {
        ++n;
        if (opening.Set() && d.Set() && !(d < opening))
            episode = n;
    };
    for (const Episode& e : c.pastEpisodes)
        consider(e.firstContact.Set() ? e.firstContact : e.start);
    consider(c.firstContact.Set() ? c.firstContact : c.start);
    return episode;
}

int EpisodeOf(const FormResponse& f) {
    return f.episode > 0 ? f.episode : 1;
}

int EpisodeOf(const Case& c, const Session& s) {
    return EpisodeAt(c, DateOf(s.start));
}

Date FirstVisit(const Case& c, const EpisodeView& e) {
    Date first;
    for (const Session& s : c.sessions) {
        if (!s.start || EpisodeOf(c, s) != e.number)
            continue;
        Date d = DateOf(s.start);
        if (!first.Set() || d < first)
            first = d;
    }
    return first.Set() ? first : e.start;
}

std::optional<int> WaitingDays(const Case& c, const EpisodeView& e) {
    Date visit = FirstVisit(c, e);
    if (!e.firstContact.Set() || !visit.Set() || visit < e.firstContact)
        return std::nullopt;
    return DaysBetween(e.firstContact, visit);
}

std::optional<int> TreatmentDays(const EpisodeView& e) {
    if (!e.start.Set() || !e.end.Set() || e.end < e.start)
        return std::nullopt;
    return DaysBetween(e.start, e.end);
}

const FollowUp* NextPlanned(const std::vector<FollowUp>& followUps) {
    const FollowUp* best = nullptr;
    for (const FollowUp& f : followUps)
        if (f.outcome == FollowUpOutcome::Planned && f.due.Set() && (!best || f.due < best->due))
            best = &f;
    return best;
}

void SyncFollowUpDue(Case& c) {
    const FollowUp* next = NextPlanned(c.followUps);
    c.followUpDue = next ? next->due : Date{};
}

void AdoptLegacyFollowUp(Case& c) {
    if (!c.followUps.empty() || !c.followUpDue.Set())
        return;
    FollowUp f;
    f.id = "fu-1";
    f.due = c.followUpDue;
    if (c.status == CaseStatus::FollowUpDone) {
        f.outcome = FollowUpOutcome::Held;
        const Session* latest = nullptr;
        for (const Session& s : c.sessions)
            if (s.type == SessionType::FollowUp && (!latest || s.start >= latest->start))
                latest = &s;
        if (latest) {
            f.sessionId = latest->id;
            f.outcomeDate = DateOf(latest->start);
        }
    }
    c.followUps.push_back(f);
    SyncFollowUpDue(c);
}

std::string NextFollowUpId(const Case& c) {
    int highest = 0;
    for (const FollowUp& f : c.followUps)
        if (f.id.rfind("fu-", 0) == 0) {
            try {
                highest = std::max(highest, std::stoi(f.id.substr(3)));
            } catch (const std::exception&) {
            }
        }
    return "fu-" + std::to_string(std::max<int>(highest, static_cast<int>(c.followUps.size())) + 1);
}

std::vector<JointSession> JointSessions(const Case& index, const Case& relative) {
    std::vector<JointSession> out;
    if (relative.relativeOf.empty() || relative.relativeOf != index.id)
        return out;
    for (const Session& s : index.sessions) {
        if (s.type != SessionType::Couple)
            continue;
        bool names = relative.relativePerson == 0 ||
                     std::find(s.participants.begin(), s.participants.end(),
                               relative.relativePerson) != s.participants.end();
        if (names)
            out.push_back({s.id, s.start, s.minutes});
    }
    std::stable_sort(out.begin(), out.end(), [](const JointSession& a, const JointSession& b) {
        return a.start < b.start;
    });
    return out;
}

bool IsRelativeAloneInIndexCase(const Case& c, const Session& s) {
    return s.type == SessionType::Relative && c.relativeOf.empty();
}

} // namespace kartbok::journal
