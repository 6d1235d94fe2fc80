#include "VaultTestSupport.h"

namespace kartbok::vault::test {

journal::Case RichCase(const std::string& id, const std::string& code, int sessions,
                       std::size_t noteBytes) {
    using namespace genogram;
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

    Family& f = c.family;
    Person client;
    client.id = f.NewId();
    client.gender = Gender::Man;
    client.givenNames = "Johan";
    client.surname = "Andersson-Blom";
    client.birth = FuzzyDate::Full(1978, 4, 12);
    client.isIndex = true;
    client.occupation = "Ingenjör";
    client.place = "Göteborg";
    client.note = "Index \"quoted\" with\nnewline and trailing space ";
    client.conditions = kConditionProblemBehaviour | kConditionSubstance;
    client.nudgeX = -12.625;
    Person father;
    father.id = f.NewId();
    father.gender = Gender::Man;
    father.kind = PersonKind::Person;
    father.givenNames = "Lars";
    father.birth = FuzzyDate::About(1950);
    father.death = FuzzyDate::Year(2019);
    father.deceased = true;
    father.conditions = kConditionSubstance;
    father.recovering = kConditionSubstance;
    father.causeOfDeath = "hjärtinfarkt";
    father.nudgeX = 0.1;
    Person mother;
    mother.id = f.NewId();
    mother.gender = Gender::Woman;
    mother.kind = PersonKind::SignificantOther;
    mother.placeholder = true;
    mother.givenNames = "";
    mother.birth = FuzzyDate::Before(1955);
    Person loss;
    loss.id = f.NewId();
    loss.gender = Gender::Other;
    loss.kind = PersonKind::Stillbirth;
    f.people = {client, father, mother, loss};

    Union parents;
    parents.id = f.NewId();
    parents.partnerA = father.id;
    parents.partnerB = mother.id;
    parents.kind = UnionKind::Cohabitation;
    parents.events = {{UnionEventKind::Met, 1970},
                      {UnionEventKind::Married, 1975},
                      {UnionEventKind::Divorced, 1990},
                      {UnionEventKind::Reunited, 0}};
    parents.order = 2;
    parents.consanguineous = true;
    f.unions = {parents};
    f.children = {
        {client.id, parents.id, kNoId, ChildKind::Adopted, 1, 77, TwinKind::Identical, 3},
        {loss.id, kNoId, mother.id, ChildKind::Foster, 2, kNoId, TwinKind::Fraternal, -1}};
    f.relations = {{f.NewId(), client.id, father.id, RelationKind::FusedHostile, true, "bråk"},
                   {f.NewId(), mother.id, client.id, RelationKind::Neglect, false, ""}};
    f.households = {{f.NewId(), "Hemma 1980-talet", {client.id, father.id, mother.id}, 1978, 1996}};

    for (int i = 0; i < sessions; ++i) {
        journal::Session s;
        s.id = "session-" + std::to_string(i);
        s.start = 1764000000 + i * 7 * 86400;
        s.minutes = 45 + i;
        s.type = static_cast<journal::SessionType>(i % 7);
        s.participants = {father.id, mother.id};
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
        c.sessions.push_back(std::move(s));
    }

    journal::ChecklistRun run;
    run.templateId = "deep-interview";
    run.templateVersion = 2;
    run.entries = {{"family-map",
                    journal::TopicState::Covered,
                    "tre generationer",
                    {"session-0"},
                    {client.id, father.id}},
                   {"puberty", journal::TopicState::Partly, "", {}, {}},
                   {"first-purchase", journal::TopicState::NotYet, "", {}, {}}};
    c.checklists = {run};

    journal::FormResponse form;
    form.id = "form-1";
    form.templateId = "self-rating";
    form.templateVersion = 4;
    form.phase = journal::FormPhase::FollowUp;
    form.date = {2026, 1, 15};
    form.answers = {{"q1", "yes"}, {"q2", "3"}, {"q3", "fritext med mellanslag"}, {"q4", ""}};
    c.forms = {form};
    return c;
}

} // namespace kartbok::vault::test
