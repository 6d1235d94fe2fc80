#pragma once
// What the Overview tab shows, without wx: the course of the case as marks on a
// time axis, what was agreed last, and the deep-interview topics still open.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/Template.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kartbok::app {

enum class MarkKind : std::uint8_t {
    Session,
    FirstContact,
    Start,
    End,
    FollowUpDue,
    FormStart,
    FormEnd,
    FormFollowUp,
    NextAppointment,
};

struct TimelineMark {
    journal::Date date;
    MarkKind kind = MarkKind::Session;
    journal::SessionType type = journal::SessionType::Individual; ///< sessions only
    bool isSigned = false;                                        ///< sessions only
};

/// Marks in date order and the span to draw: from the first mark to the later of
/// the last mark and today, so "now" is always on the axis.
struct Timeline {
    journal::Date from;
    journal::Date to;
    journal::Date today;
    std::vector<TimelineMark> marks;
};

Timeline BuildTimeline(const journal::Case& c, journal::Date today);

struct TopicRow {
    std::string itemId;
    std::string title;
    journal::TopicState state = journal::TopicState::NotYet;
};

/// "x of y covered" and the topics not yet covered, in the template's order.
/// Items without an entry count as not yet; entries stored under an older
/// template version are mapped to the current ids first.
struct TopicProgress {
    int covered = 0;
    int total = 0;
    std::vector<TopicRow> open;
};
TopicProgress ChecklistProgress(const journal::Case& c, const journal::Template& checklist,
                                std::string_view language);
/// The same from checklist runs alone (runs of other templates are ignored), so
/// the client list counts from the index exactly as the Overview tab does.
TopicProgress ChecklistProgress(const std::vector<journal::ChecklistRun>& runs,
                                const journal::Template& checklist, std::string_view language);

/// What was agreed for next time in the latest session that says anything (as
/// it stands after corrections), and when that session was.
struct AgreedSteps {
    std::string text;
    journal::Timestamp sessionStart = 0;
    std::string sessionId;
};
AgreedSteps LatestAgreedSteps(const journal::Case& c);

} // namespace kartbok::app
