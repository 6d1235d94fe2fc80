#include "VaultTestSupport.h"

#include "kartbok/genogram/FamilyBuilder.h"

namespace kartbok::vault::test {
namespace {

using namespace genogram;

/// Who the rich case's sessions and checklist name.
struct RichPeople {
    PersonId client = kNoId;
    PersonId father = kNoId;
    PersonId mother = kNoId;
};

/// Index client, father, a placeholder mother and a stillbirth: every person
/// kind, date precision and condition field the archive writes, a union with
/// every kind of event, children of a couple and of a single parent, twins,
/// relations and a household.
Family RichFamily(RichPeople& who) {
    FamilyBuilder b;
    who.client = b.Man("Johan", "Andersson-Blom", FuzzyDate::Full(1978, 4, 12));
    Person& client = b.P(who.client);
    client.isIndex = true;
    b.About(who.client, "Ingenjör", "Göteborg");
    client.note = "Index \"quoted\" with\nnewline and trailing space ";
    client.conditions = kConditionProblemBehaviour | kConditionSubstance;
    client.nudgeX = -12.625;

    who.father = b.Man("Lars", FuzzyDate::About(1950));
    b.Died(who.father, FuzzyDate::Year(2019), "hjärtinfarkt");
    b.P(who.father).conditions = kConditionSubstance;
    b.P(who.father).recovering = kConditionSubstance;
    b.P(who.father).nudgeX = 0.1;

    who.mother = b.Woman("", FuzzyDate::Before(1955));
    b.P(who.mother).kind = PersonKind::SignificantOther;
    b.P(who.mother).placeholder = true;

    const PersonId loss = b.Add(Gender::Other, "", FuzzyDate{}, PersonKind::Stillbirth);

    const UnionId parents = b.Couple(who.father, who.mother,
                                     {{UnionEventKind::Met, 1970},
                                      {UnionEventKind::Married, 1975},
                                      {UnionEventKind::Divorced, 1990},
                                      {UnionEventKind::Reunited, 0}},
                                     UnionKind::Cohabitation, 2);
    b.family.FindUnion(parents)->consanguineous = true;

    ChildLink& adopted = b.Child(parents, who.client, 1, ChildKind::Adopted);
    adopted.twinGroup = 77;
    adopted.twinKind = TwinKind::Identical;
    adopted.pinnedPosition = 3;
    ChildLink& foster = b.Child(who.mother, loss, 2, ChildKind::Foster);
    foster.twinKind = TwinKind::Fraternal;

    b.Relate(who.client, who.father, RelationKind::FusedHostile, true);
    b.family.relations.back().note = "bråk";
    b.Relate(who.mother, who.client, RelationKind::Neglect);
    b.Home("Hemma 1980-talet", {who.client, who.father, who.mother}, 1978, 1996);
    return b.family;
}

/// Session i of the rich case: every field set, a note of at least
/// `noteBytes`; the even ones signed, with a correction and an addendum.
journal::Session RichSession(int i, const RichPeople& who, std::size_t noteBytes) {
    journal::Session s;
    s.id = "session-" + std::to_string(i);
    s.start = 1764000000 + i * 7 * 86400;
    s.minutes = 45 + i;
    s.type = static_cast<journal::SessionType>(i % 7);
    s.participants = {who.father, who.mother};
    s.templateId = "kast-first-visit";
    s.templateVersion = 3;
    std::string text = kNoteText;
    while (text.size() < noteBytes)
        text += " och sedan " + std::to_string(text.size()) + " ord till; ";
    s.fields = {{"observations", text}, {"plan", "Fortsätta ✓ med genogram"}, {"empty", ""}};
    s.themes = {"skam", "kontroll"};
    s.methods = {"KBT", "systemisk"};
    s.nextSteps = "Ta med mamma nästa gång";
    s.nextAppointment = s.start + 14 * 86400;
    s.author = "anna";
    s.created = s.start + 3600;
    s.isSigned = i % 2 == 0;
    s.signedBy = s.isSigned ? "anna" : "";
    s.signedAt = s.isSigned ? s.start + 7200 : 0;
    if (s.isSigned)
        s.addenda = {{"anna", s.start + 90000, "Rättelse", "fel datum", "plan"},
                     {"bo", s.start + 99000, "Tillägg", "", ""}};
    return s;
}

/// A deep interview with a topic in each state, one linked to a session and people.
journal::ChecklistRun RichChecklist(const RichPeople& who) {
    journal::ChecklistRun run;
    run.templateId = "deep-interview";
    run.templateVersion = 2;
    run.entries = {{"family-map",
                    journal::TopicState::Covered,
                    "tre generationer",
                    {"session-0"},
                    {who.client, who.father}},
                   {"puberty", journal::TopicState::Partly, "", {}, {}},
                   {"first-purchase", journal::TopicState::NotYet, "", {}, {}}};
    return run;
}

/// A follow-up self-rating with a choice, a number, free text and a blank.
journal::FormResponse RichForm() {
    journal::FormResponse form;
    form.id = "form-1";
    form.templateId = "self-rating";
    form.templateVersion = 4;
    form.phase = journal::FormPhase::FollowUp;
    form.date = {2026, 1, 15};
    form.answers = {{"q1", "yes"}, {"q2", "3"}, {"q3", "fritext med mellanslag"}, {"q4", ""}};
    return form;
}

} // namespace

journal::Case RichCase(const std::string& id, const std::string& code, int sessions,
                       std::size_t noteBytes) {
    journal::Case c;
    c.id = id;
    c.code = code;
    c.name = kClientName;
    c.contact = "070-123 45 67, Storgatan 1";
    c.reasonForContact = "Köper sex, vill sluta; orolig för relationen";
    c.status = journal::CaseStatus::Ongoing;
    c.firstContact = {2025, 11, 3};
    c.start = {2025, 11, 20};
    c.end = {2026, 10, 1};
    c.followUpDue = {2027, 4, 1};
    c.followUpMonths = 7;
    RichPeople who;
    c.family = RichFamily(who);
    for (int i = 0; i < sessions; ++i)
        c.sessions.push_back(RichSession(i, who, noteBytes));
    c.checklists = {RichChecklist(who)};
    c.forms = {RichForm()};
    return c;
}

} // namespace kartbok::vault::test
