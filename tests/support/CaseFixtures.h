#pragma once
// Cases, sessions and command checks built in code, the one way the journal,
// CLI and reports tests build them (fixtures in code, files only for
// formats): a session note, a signature, a small client case, and the
// apply / revert / redo check every case command must pass.

#include "kartbok/genogram/Command.h"
#include "kartbok/genogram/FamilyBuilder.h"
#include "kartbok/journal/Case.h"
#include "kartbok/journal/CaseCommand.h"
#include "kartbok/journal/Dates.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace kartbok::test {

/// Midnight UTC of a date plus hours.
inline journal::Timestamp At(journal::Date d, int hour) {
    return journal::StartOf(d) + hour * 3600;
}

inline journal::Timestamp At(int y, int m, int d, int hour = 10) {
    return At(journal::Date{y, m, d}, hour);
}

/// A session note, unsigned, of version 1 of its template.
inline journal::Session NoteSession(const std::string& id, journal::Timestamp start,
                                    journal::SessionType type, const std::string& templateId,
                                    std::vector<journal::NoteField> fields,
                                    const std::string& author) {
    journal::Session s;
    s.id = id;
    s.start = start;
    s.type = type;
    s.templateId = templateId;
    s.templateVersion = 1;
    s.fields = std::move(fields);
    s.author = author;
    return s;
}

/// The session signed by `who` at `when` (no checks: a fixture, not the
/// SignSession command).
inline journal::Session Signed(journal::Session s, const std::string& who,
                               journal::Timestamp when) {
    s.isSigned = true;
    s.signedBy = who;
    s.signedAt = when;
    return s;
}

/// A client with a small map: index person 1, mother 2, partner 3.
inline journal::Case SampleCase() {
    journal::Case c;
    c.id = "7f1c2d9e-0000-4000-8000-000000000001";
    c.code = "GBG-2026-014";
    c.reasonForContact = "Vill sluta köpa sex; partnern har fått veta. Ångest och skam.";
    c.status = journal::CaseStatus::Ongoing;
    c.firstContact = {2026, 1, 12};
    c.start = {2026, 1, 20};
    genogram::FamilyBuilder b;
    const genogram::PersonId client = b.Add(genogram::Gender::Unknown, "");
    b.P(client).isIndex = true;
    b.Add(genogram::Gender::Unknown, ""); // mother
    b.Add(genogram::Gender::Unknown, ""); // partner
    c.family = std::move(b.family);
    return c;
}

inline journal::TopicEntry Topic(std::string itemId,
                                 journal::TopicState state = journal::TopicState::NotYet) {
    journal::TopicEntry e;
    e.itemId = std::move(itemId);
    e.state = state;
    return e;
}

/// A SOAP note by terapeut.anna, written when the session started.
inline journal::Session DraftSession(const std::string& id, journal::Timestamp start) {
    journal::Session s = NoteSession(id, start, journal::SessionType::Individual, "note-soap",
                                     {{"subjective", "Berättar om en svår vecka på jobbet."},
                                      {"assessment", "Skammen styr; känslspråket växer."},
                                      {"plan", "Fortsätta med familjekartan."}},
                                     "terapeut.anna");
    s.themes = {"skam", "relationer"};
    s.methods = {"family-map"};
    s.nextSteps = "Ta med ett foto av Mormor.";
    s.created = start;
    return s;
}

/// A case with one signed session "s1" (participant: partner 3) and one draft "s2".
inline journal::Case CaseWithNotes() {
    journal::Case c = SampleCase();
    journal::Session s1 = DraftSession("s1", At(2026, 1, 20));
    s1.participants = {3};
    c.sessions.push_back(Signed(s1, "terapeut.anna", At(2026, 1, 20, 15)));
    c.sessions.push_back(DraftSession("s2", At(2026, 2, 3)));
    return c;
}

/// Applies `cmd` to `c`, checks that Revert gives back exactly the case it
/// started from and that applying again (redo) gives exactly what the first
/// Apply made; leaves the command applied.
inline void ApplyRevertRedo(journal::Case& c, journal::CaseCommand& cmd) {
    const journal::Case before = c;
    cmd.Apply(c);
    const journal::Case after = c;
    cmd.Revert(c);
    CHECK(c == before);
    cmd.Apply(c);
    CHECK(c == after);
}

/// A genogram edit for the tests: removes a person (and puts them back).
class RemovePersonForTest final : public genogram::Command {
public:
    explicit RemovePersonForTest(genogram::PersonId id) : m_id(id) {}
    void Apply(genogram::Family& f) override {
        auto it = std::find_if(f.people.begin(), f.people.end(),
                               [&](const genogram::Person& p) { return p.id == m_id; });
        if (it == f.people.end())
            throw genogram::CommandError("no such person");
        m_index = static_cast<std::size_t>(it - f.people.begin());
        m_old = *it;
        f.people.erase(it);
    }
    void Revert(genogram::Family& f) override {
        f.people.insert(f.people.begin() + static_cast<std::ptrdiff_t>(m_index), m_old);
    }
    std::string Describe() const override { return "Remove person"; }

private:
    genogram::PersonId m_id;
    genogram::Person m_old;
    std::size_t m_index = 0;
};

/// Adds a person with the next id.
class AddPersonForTest final : public genogram::Command {
public:
    void Apply(genogram::Family& f) override {
        genogram::Person p;
        p.id = f.NewId();
        f.people.push_back(p);
    }
    void Revert(genogram::Family& f) override {
        f.people.pop_back();
        --f.nextId;
    }
    std::string Describe() const override { return "Add person"; }
};

} // namespace kartbok::test
