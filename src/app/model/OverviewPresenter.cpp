#include "model/OverviewPresenter.h"

#include "kartbok/journal/Dates.h"
#include "kartbok/journal/Lifecycle.h"
#include "kartbok/journal/SessionCommands.h"

#include <algorithm>
#include <map>

namespace kartbok::app {

using namespace kartbok::journal;

Timeline BuildTimeline(const Case& c, Date today) {
    Timeline t;
    t.today = today;
    auto add = [&](Date d, MarkKind kind) {
        if (d.Set())
            t.marks.push_back({d, kind, {}, false});
    };
    add(c.firstContact, MarkKind::FirstContact);
    add(c.start, MarkKind::Start);
    add(c.end, MarkKind::End);
    add(c.followUpDue, MarkKind::FollowUpDue);
    for (const auto& s : c.sessions) {
        if (s.start)
            t.marks.push_back({DateOf(s.start), MarkKind::Session, s.type, s.isSigned});
    }
    for (const auto& f : c.forms) {
        const MarkKind kind = f.phase == FormPhase::Start ? MarkKind::FormStart
                              : f.phase == FormPhase::End ? MarkKind::FormEnd
                                                          : MarkKind::FormFollowUp;
        add(f.date, kind);
    }
    if (const Session* latest = c.sessions.empty() ? nullptr : &c.sessions.front()) {
        for (const auto& s : c.sessions)
            if (s.start > latest->start)
                latest = &s;
        if (latest->nextAppointment)
            add(DateOf(latest->nextAppointment), MarkKind::NextAppointment);
    }
    std::stable_sort(t.marks.begin(), t.marks.end(),
                     [](const TimelineMark& a, const TimelineMark& b) { return a.date < b.date; });
    t.from = t.marks.empty() ? today.AddMonths(-1) : std::min(t.marks.front().date, today);
    t.to = t.marks.empty() ? today : std::max(t.marks.back().date, today);
    if (DaysBetween(t.from, t.to) < 28) // a week's worth of marks still gets a readable axis
        t.to = t.from.AddMonths(1);
    return t;
}

TopicProgress ChecklistProgress(const Case& c, const Template& checklist,
                                std::string_view language) {
    return ChecklistProgress(c.checklists, checklist, language);
}

TopicProgress ChecklistProgress(const std::vector<ChecklistRun>& runs, const Template& checklist,
                                std::string_view language) {
    std::map<std::string, TopicState> states;
    for (const auto& run : runs) {
        if (run.templateId != checklist.id)
            continue;
        std::vector<TopicEntry> entries = run.entries;
        if (run.templateVersion < checklist.version)
            entries =
                MapAnswers(checklist, run.templateId, run.templateVersion, run.entries).entries;
        for (const auto& e : entries)
            states[e.itemId] = e.state;
    }
    TopicProgress p;
    for (const TemplateItem* item : checklist.Items()) {
        ++p.total;
        const auto it = states.find(item->id);
        const TopicState state = it == states.end() ? TopicState::NotYet : it->second;
        if (state == TopicState::Covered)
            ++p.covered;
        else
            p.open.push_back({item->id, item->title.In(language), state});
    }
    return p;
}

AgreedSteps LatestAgreedSteps(const Case& c) {
    AgreedSteps best;
    for (const auto& s : c.sessions) {
        const std::string text = CurrentText(s, kNextStepsField);
        if (!text.empty() && (best.sessionId.empty() || s.start >= best.sessionStart))
            best = {text, s.start, s.id};
    }
    return best;
}

} // namespace kartbok::app
