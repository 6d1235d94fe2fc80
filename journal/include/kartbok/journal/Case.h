#pragma once
// The case record: one client, everything Kartbok keeps about them.
// Plain value types; serialisation lives in vault/, editing goes through commands.

#include "kartbok/genogram/Family.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kartbok::journal {

/// A civil date without time zone. year == 0 means "not set".
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    bool Set() const { return year != 0; }
    std::string Iso() const;                     ///< "2026-03-14", or "" when not set
    static Date FromIso(const std::string& iso); ///< throws std::invalid_argument
    Date AddMonths(int months) const;            ///< clamps the day to the month's length
    Date AddYears(int years) const;
    auto operator<=>(const Date&) const = default;
};

/// Seconds since 1970-01-01 UTC. 0 means "not set".
using Timestamp = std::int64_t;

enum class CaseStatus : std::uint8_t {
    Enquiry,
    Assessment,
    Ongoing,
    Ended,
    FollowUpDone,
    Archived
};

enum class SessionType : std::uint8_t {
    Individual,
    Couple, ///< joint: the client with a partner or relative; written in the index case
    /// A relative or partner alone. New ones belong in the relative's own case
    /// (a client of their own); older cases may still hold some in the index
    /// client's case, which reports leave out of that client's record.
    Relative,
    Group,
    Remote, ///< phone or video
    Closing,
    FollowUp,
};

/// One field of a note, as the template defines it ("observations", "plan"...).
struct NoteField {
    std::string id;
    std::string text;
    bool operator==(const NoteField&) const = default;
};

/// Something added to a signed note. A correction names the field it corrects
/// and carries the new text; the old text stays readable, shown struck through.
struct Addendum {
    std::string author;
    Timestamp time = 0;
    std::string text;
    std::string reason;
    std::string correctsField; ///< empty for a plain addendum
    bool operator==(const Addendum&) const = default;
};

struct Session {
    std::string id; ///< uuid
    Timestamp start = 0;
    int minutes = 60;
    SessionType type = SessionType::Individual;
    std::vector<genogram::PersonId> participants; ///< people from the map besides the client
    std::string templateId;
    int templateVersion = 0;
    std::vector<NoteField> fields;
    std::vector<std::string> themes;
    std::vector<std::string> methods;
    std::string nextSteps;
    Timestamp nextAppointment = 0;
    std::string author;
    Timestamp created = 0;
    bool isSigned = false;
    std::string signedBy;
    Timestamp signedAt = 0;
    std::vector<Addendum> addenda;

    const NoteField* Field(const std::string& fieldId) const;
    bool operator==(const Session&) const = default;
};

enum class TopicState : std::uint8_t { NotYet, Partly, Covered };

/// One checklist item as it stands in this case.
struct TopicEntry {
    std::string itemId;
    TopicState state = TopicState::NotYet;
    std::string note;
    std::vector<std::string> sessionIds;
    std::vector<genogram::PersonId> people;
    bool operator==(const TopicEntry&) const = default;
};

/// A checklist (deep interview, relatives' support...) as worked through in a case.
/// The template id + version say which item ids the entries refer to.
struct ChecklistRun {
    std::string templateId;
    int templateVersion = 0;
    std::vector<TopicEntry> entries;
    bool operator==(const ChecklistRun&) const = default;
};

enum class FormPhase : std::uint8_t { Start, End, FollowUp };

struct FormAnswer {
    std::string itemId;
    std::string value; ///< "yes"/"no", a scale step, a number, or free text
    bool operator==(const FormAnswer&) const = default;
};

struct FormResponse {
    std::string id;
    std::string templateId;
    int templateVersion = 0;
    FormPhase phase = FormPhase::Start;
    Date date;
    std::vector<FormAnswer> answers;
    /// The treatment episode the form belongs to, 1-based (see Episode). 0 in
    /// files written before episodes existed, which had only the first one;
    /// AddFormResponse fills in the current episode when it is 0.
    int episode = 0;
    bool operator==(const FormResponse&) const = default;
};

/// Why someone seeks help (sökorsak), as the clinic counts it. A person can
/// give several. The first two are KAST's target groups; a relative or
/// partner in parallel treatment is a client of their own.
enum class SeekReason : std::uint8_t { BuyingSex, CompulsiveSexualBehaviour, Relative, Other };

/// How the client came to the clinic (the routes the KAST sources name).
enum class ReferralRoute : std::uint8_t {
    NotRecorded,
    OwnInitiative,
    Partner,              ///< a partner who found out and asked them to seek help
    PoliceAfterDiscovery, ///< referred by the police after being caught buying sex
    SocialServices,
    HealthCare,
    Other,
};

/// What is known when a client first gets in touch, per treatment episode,
/// so statistics can count reasons and routes without reading any note.
struct Intake {
    std::vector<SeekReason> reasons;
    ReferralRoute referral = ReferralRoute::NotRecorded;
    bool Has(SeekReason r) const;
    bool operator==(const Intake&) const = default;
};

/// A follow-up is planned for a date and then has an outcome. The first
/// comes 4-8 months after the end (default 6); further ones (a long-term
/// follow-up after two years) can be planned after it.
enum class FollowUpOutcome : std::uint8_t { Planned, Held, Declined, NotReached };

struct FollowUp {
    std::string id; ///< stable within the case ("fu-1", "fu-2"...)
    Date due;       ///< due from this date on
    FollowUpOutcome outcome = FollowUpOutcome::Planned;
    Date outcomeDate;      ///< when it was held, declined, or given up; unset while planned
    std::string sessionId; ///< the follow-up session, when held and written
    bool operator==(const FollowUp&) const = default;
};

/// A closed earlier treatment of the same client: a returning client reopens
/// the case as a new episode with its own dates, intake, forms and follow-ups.
/// The case's own dates, intake and follow-ups are always the current episode.
struct Episode {
    CaseStatus status = CaseStatus::Ended; ///< as it stood when the case was reopened
    Date firstContact;
    Date start;
    Date end;
    int followUpMonths = 6;
    Intake intake;
    std::vector<FollowUp> followUps;
    bool operator==(const Episode&) const = default;
};

/// One client. The pseudonymous code is the name shown everywhere by default.
struct Case {
    std::string id;   ///< uuid; also the file name on disk
    std::string code; ///< pseudonymous client code, e.g. "GBG-2026-014"
    std::string name; ///< optional real name
    std::string contact;
    std::string reasonForContact;
    CaseStatus status = CaseStatus::Enquiry;
    Date firstContact;
    Date start;
    Date end;
    Date followUpDue;
    int followUpMonths = 6; ///< 4-8 per the method
    genogram::Family family;
    std::vector<Session> sessions;
    std::vector<ChecklistRun> checklists;
    std::vector<FormResponse> forms;

    /// Intake and follow-ups of the current episode (see Episode).
    Intake intake;
    std::vector<FollowUp> followUps;
    /// Earlier episodes, oldest first; the current one is number size() + 1.
    std::vector<Episode> pastEpisodes;

    /// A relative or partner in parallel treatment is a client of their own.
    /// Their case links to the index client's case by id only - the link
    /// carries no content - and says who they are in the index client's map
    /// (0 when not given), so joint sessions there can be shown as "joint".
    std::string relativeOf;
    genogram::PersonId relativePerson = 0;
    /// On the index client's case: the ids of the relatives' own cases.
    std::vector<std::string> relativeCaseIds;

    int CurrentEpisode() const { return static_cast<int>(pastEpisodes.size()) + 1; }
    Session* FindSession(const std::string& sessionId);
    const Session* FindSession(const std::string& sessionId) const;
    bool operator==(const Case&) const = default;
};

const char* ToString(CaseStatus s);  ///< stable identifiers: "enquiry", "ongoing"...
const char* ToString(SessionType t); ///< "individual", "couple"...
const char* ToString(TopicState s);  ///< "not-yet", "partly", "covered"
const char* ToString(FormPhase p);   ///< "start", "end", "follow-up"
const char*
ToString(SeekReason r); ///< "buying-sex", "compulsive-sexual-behaviour", "relative", "other"
const char*
ToString(ReferralRoute r); ///< "not-recorded", "own-initiative", "partner", "police", ...
const char* ToString(FollowUpOutcome o); ///< "planned", "held", "declined", "not-reached"
bool FromString(const std::string& s, CaseStatus& out);
bool FromString(const std::string& s, SeekReason& out);
bool FromString(const std::string& s, ReferralRoute& out);
bool FromString(const std::string& s, FollowUpOutcome& out);
bool FromString(const std::string& s, SessionType& out);
bool FromString(const std::string& s, TopicState& out);
bool FromString(const std::string& s, FormPhase& out);

} // namespace kartbok::journal
