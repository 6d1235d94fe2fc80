#pragma once
// Treatment episodes and follow-ups as the reports, statistics and the app
// read them. A returning client reopens the case: the case's own dates,
// intake and follow-ups are the current episode, earlier ones are kept in
// Case::pastEpisodes. These functions give every episode one shape so nothing
// has to special-case "the current one".

#include "kartbok/journal/Case.h"

#include <optional>
#include <vector>

namespace kartbok::journal {

/// One episode, current or past, by value.
struct EpisodeView {
    int number = 1; ///< 1-based
    bool current = true;
    CaseStatus status = CaseStatus::Enquiry;
    Date firstContact;
    Date start;
    Date end;
    int followUpMonths = 6;
    Intake intake;
    std::vector<FollowUp> followUps; ///< sorted by due date
    /// From when dated things belong to this episode: first contact, else
    /// start; unset when neither is known.
    Date Opening() const { return firstContact.Set() ? firstContact : start; }
};

/// Every episode of the case, oldest first; the last is the current one.
std::vector<EpisodeView> Episodes(const Case& c);
EpisodeView CurrentEpisodeView(const Case& c);

/// The episode a date falls in: the latest whose opening is on or before it
/// (1 for anything before the first).
int EpisodeAt(const Case& c, Date d);
/// The episode of a form response: its own number, or for files written
/// before episodes (0) the first.
int EpisodeOf(const FormResponse& f);
/// The episode of a session, by its date.
int EpisodeOf(const Case& c, const Session& s);

/// The first visit of an episode: its earliest dated session, else its start.
Date FirstVisit(const Case& c, const EpisodeView& e);
/// Days from first contact to the first visit; nullopt when either is unknown.
std::optional<int> WaitingDays(const Case& c, const EpisodeView& e);
/// Days from start to end of treatment; nullopt while it goes on.
std::optional<int> TreatmentDays(const EpisodeView& e);

/// The earliest follow-up still planned, or null.
const FollowUp* NextPlanned(const std::vector<FollowUp>& followUps);
/// Case::followUpDue mirrors the next planned follow-up of the current
/// episode (the vault's index and the due list read it without opening the
/// case); every command that changes follow-ups calls this.
void SyncFollowUpDue(Case& c);
/// Cases saved before follow-ups had outcomes carry only followUpDue and a
/// status: make the one follow-up they stand for (held when the status is
/// "follow-up done", with the latest follow-up session; planned otherwise).
/// Does nothing when the case already has follow-ups.
void AdoptLegacyFollowUp(Case& c);
/// A new follow-up id for the current episode ("fu-3").
std::string NextFollowUpId(const Case& c);

/// A joint session seen from a relative's case: when it was, how long, and
/// its id in the index client's case. Never its text or type details: the
/// note is the index client's.
struct JointSession {
    std::string indexSessionId;
    Timestamp start = 0;
    int minutes = 0;
};
/// The joint (couple) sessions of the index client's case that concern this
/// relative: those naming the relative (Case::relativePerson) among the
/// participants, or every one when the link names nobody. Empty unless
/// `relative` links to `index`.
std::vector<JointSession> JointSessions(const Case& index, const Case& relative);

/// True for a relative's alone-session in someone else's case: the content
/// belongs in the relative's own record, never in the index client's.
bool IsRelativeAloneInIndexCase(const Case& c, const Session& s);

} // namespace kartbok::journal
