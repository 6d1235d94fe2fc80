#include "kartbok/journal/Case.h"

#include "EnumNames.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>

namespace kartbok::journal {

namespace {
bool IsLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
int DaysInMonth(int y, int m) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && IsLeap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}
} // namespace

std::string Date::Iso() const {
    if (!Set())
        return {};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

Date Date::FromIso(const std::string& iso) {
    Date d;
    if (iso.empty())
        return d;
    char tail = 0;
    if (iso.size() != 10 ||
        std::sscanf(iso.c_str(), "%4d-%2d-%2d%c", &d.year, &d.month, &d.day, &tail) != 3)
        throw std::invalid_argument("not a date (YYYY-MM-DD): " + iso);
    if (d.year < 1800 || d.year > 2300 || d.month < 1 || d.month > 12 || d.day < 1 ||
        d.day > DaysInMonth(d.year, d.month))
        throw std::invalid_argument("no such date: " + iso);
    return d;
}

Date Date::AddMonths(int months) const {
    if (!Set())
        return *this;
    int total = year * 12 + (month - 1) + months;
    Date d{total / 12, total % 12 + 1, day};
    d.day = std::min(d.day, DaysInMonth(d.year, d.month));
    return d;
}

Date Date::AddYears(int years) const {
    return AddMonths(years * 12);
}

const NoteField* Session::Field(const std::string& fieldId) const {
    auto it = std::find_if(fields.begin(), fields.end(),
                           [&](const NoteField& f) { return f.id == fieldId; });
    return it == fields.end() ? nullptr : &*it;
}

bool Intake::Has(SeekReason r) const {
    return std::find(reasons.begin(), reasons.end(), r) != reasons.end();
}

Session* Case::FindSession(const std::string& sessionId) {
    auto it = std::find_if(sessions.begin(), sessions.end(),
                           [&](const Session& s) { return s.id == sessionId; });
    return it == sessions.end() ? nullptr : &*it;
}

const Session* Case::FindSession(const std::string& sessionId) const {
    return const_cast<Case*>(this)->FindSession(sessionId);
}

namespace {
constexpr std::array kStatusNames{"enquiry", "assessment",     "ongoing",
                                  "ended",   "follow-up-done", "archived"};
constexpr std::array kSessionNames{"individual", "couple",  "relative", "group",
                                   "remote",     "closing", "follow-up"};
constexpr std::array kTopicNames{"not-yet", "partly", "covered"};
constexpr std::array kPhaseNames{"start", "end", "follow-up"};
constexpr std::array kReasonNames{"buying-sex", "compulsive-sexual-behaviour", "relative", "other"};
constexpr std::array kReferralNames{"not-recorded",    "own-initiative", "partner", "police",
                                    "social-services", "health-care",    "other"};
constexpr std::array kOutcomeNames{"planned", "held", "declined", "not-reached"};
} // namespace

const char* ToString(CaseStatus s) {
    return detail::NameIn(kStatusNames, s);
}
const char* ToString(SessionType t) {
    return detail::NameIn(kSessionNames, t);
}
const char* ToString(TopicState s) {
    return detail::NameIn(kTopicNames, s);
}
const char* ToString(FormPhase p) {
    return detail::NameIn(kPhaseNames, p);
}
const char* ToString(SeekReason r) {
    return detail::NameIn(kReasonNames, r);
}
const char* ToString(ReferralRoute r) {
    return detail::NameIn(kReferralNames, r);
}
const char* ToString(FollowUpOutcome o) {
    return detail::NameIn(kOutcomeNames, o);
}
bool FromString(const std::string& s, SeekReason& out) {
    return detail::ValueIn(kReasonNames, s, out);
}
bool FromString(const std::string& s, ReferralRoute& out) {
    return detail::ValueIn(kReferralNames, s, out);
}
bool FromString(const std::string& s, FollowUpOutcome& out) {
    return detail::ValueIn(kOutcomeNames, s, out);
}
bool FromString(const std::string& s, CaseStatus& out) {
    return detail::ValueIn(kStatusNames, s, out);
}
bool FromString(const std::string& s, SessionType& out) {
    return detail::ValueIn(kSessionNames, s, out);
}
bool FromString(const std::string& s, TopicState& out) {
    return detail::ValueIn(kTopicNames, s, out);
}
bool FromString(const std::string& s, FormPhase& out) {
    return detail::ValueIn(kPhaseNames, s, out);
}

} // namespace kartbok::journal
