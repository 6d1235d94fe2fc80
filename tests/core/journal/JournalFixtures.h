#pragma once
// Cases built in code for the journal tests (fixtures in code,
// files only for formats).

#include "kartbok/genogram/Command.h"
#include "kartbok/journal/Case.h"
#include "kartbok/journal/Dates.h"

#include <algorithm>
#include <string>

namespace kartbok::journal::test {

inline Timestamp At(int y, int m, int d, int hour = 10) {
    return StartOf(Date{y, m, d}) + hour * 3600;
}

/// A client with a small map: index person 1, mother 2, partner 3.
inline Case SampleCase() {
    Case c;
    c.id = "7f1c2d9e-0000-4000-8000-000000000001";
    c.code = "GBG-2026-014";
    c.reasonForContact = "Vill sluta köpa sex; partnern har fått veta. Ångest och skam.";
    c.status = CaseStatus::Ongoing;
    c.firstContact = {2026, 1, 12};
    c.start = {2026, 1, 20};
    for (genogram::PersonId id : {1u, 2u, 3u}) {
        genogram::Person p;
        p.id = id;
        p.isIndex = id == 1;
        c.family.people.push_back(p);
    }
    c.family.nextId = 4;
    return c;
}

inline TopicEntry Topic(std::string itemId, TopicState state = TopicState::NotYet) {
    TopicEntry e;
    e.itemId = std::move(itemId);
    e.state = state;
    return e;
}

inline Session DraftSession(const std::string& id, Timestamp start) {
    Session s;
    s.id = id;
    s.start = start;
    s.templateId = "note-soap";
    s.templateVersion = 1;
    s.fields = {{"subjective", "Berättar om en svår vecka på jobbet."},
                {"assessment", "Skammen styr; känslspråket växer."},
                {"plan", "Fortsätta med familjekartan."}};
    s.themes = {"skam", "relationer"};
    s.methods = {"family-map"};
    s.nextSteps = "Ta med ett foto av Mormor.";
    s.author = "terapeut.anna";
    s.created = start;
    return s;
}

/// A case with one signed session "s1" (participant: partner 3) and one draft "s2".
inline Case CaseWithNotes() {
    Case c = SampleCase();
    Session s1 = DraftSession("s1", At(2026, 1, 20));
    s1.participants = {3};
    s1.isSigned = true;
    s1.signedBy = "terapeut.anna";
    s1.signedAt = At(2026, 1, 20, 15);
    c.sessions.push_back(s1);
    c.sessions.push_back(DraftSession("s2", At(2026, 2, 3)));
    return c;
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

} // namespace kartbok::journal::test
