#include "kartbok/genogram/Validate.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace kartbok::genogram {

namespace {

std::string P(Id id) {
    return "person " + std::to_string(id);
}

/// Compares what is known of two dates: -1 a earlier, 1 later, 0 same or
/// cannot tell (only years known and equal).
int CompareDates(const FuzzyDate& a, const FuzzyDate& b) {
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.precision == DatePrecision::Full && b.precision == DatePrecision::Full) {
        auto ta = std::tie(a.month, a.day);
        auto tb = std::tie(b.month, b.day);
        if (ta != tb)
            return ta < tb ? -1 : 1;
    }
    return 0;
}

class Checker {
public:
    explicit Checker(const Family& f) : m_f(f) {}

    std::vector<Problem> Run() {
        Ids();
        Unions();
        Links();
        Cycles();
        Relations();
        Households();
        People();
        Dates();
        std::vector<Problem> out = std::move(m_errors);
        out.insert(out.end(), m_warnings.begin(), m_warnings.end());
        return out;
    }

private:
    static std::string Sentence(std::string message) {
        if (!message.empty() && message[0] >= 'a' && message[0] <= 'z')
            message[0] = static_cast<char>(message[0] - 'a' + 'A');
        return message;
    }
    void Error(std::string message, std::vector<Id> ids) {
        message = Sentence(std::move(message));
        m_errors.push_back({Problem::Severity::Error, std::move(message), std::move(ids)});
    }
    void Warning(std::string message, std::vector<Id> ids) {
        message = Sentence(std::move(message));
        m_warnings.push_back({Problem::Severity::Warning, std::move(message), std::move(ids)});
    }

    void Ids() {
        std::unordered_set<Id> seen;
        Id highest = 0;
        auto take = [&](Id id, const char* what) {
            if (id == kNoId) {
                Error(std::string("A ") + what + " has no id.", {});
                return;
            }
            highest = std::max(highest, id);
            if (!seen.insert(id).second)
                Error("Id " + std::to_string(id) + " is used twice.", {id});
        };
        for (const auto& p : m_f.people) {
            take(p.id, "person");
            m_people.emplace(p.id, &p);
        }
        for (const auto& u : m_f.unions) {
            take(u.id, "union");
            m_unions.emplace(u.id, &u);
        }
        for (const auto& r : m_f.relations)
            take(r.id, "relation");
        for (const auto& h : m_f.households)
            take(h.id, "household");
        if (highest >= m_f.nextId)
            Error("The id counter (" + std::to_string(m_f.nextId) + ") is not above every id (" +
                      std::to_string(highest) + "); new objects would reuse an id.",
                  {});
    }

    void Unions() {
        for (const auto& u : m_f.unions) {
            if (u.partnerA == kNoId || u.partnerB == kNoId)
                Error("Union " + std::to_string(u.id) + " has only one partner.", {u.id});
            for (PersonId p : {u.partnerA, u.partnerB})
                if (p != kNoId && !m_people.count(p))
                    Error("Union " + std::to_string(u.id) + " refers to " + P(p) +
                              ", who does not exist.",
                          {u.id, p});
            if (u.partnerA != kNoId && u.partnerA == u.partnerB)
                Error("Union " + std::to_string(u.id) + " has " + P(u.partnerA) + " twice.",
                      {u.id, u.partnerA});
        }
    }

    void Links() {
        std::unordered_map<PersonId, std::vector<const ChildLink*>> byChild;
        for (const auto& c : m_f.children) {
            const std::string who = P(c.child);
            if (!m_people.count(c.child))
                Error("A child link refers to " + who + ", who does not exist.", {c.child});
            byChild[c.child].push_back(&c);
            if (c.parents != kNoId && c.singleParent != kNoId)
                Error("The child link of " + who + " names both a couple and a single parent.",
                      {c.child});
            else if (c.parents == kNoId && c.singleParent == kNoId)
                Error("The child link of " + who + " names no parent.", {c.child});
            if (c.parents != kNoId && !m_unions.count(c.parents))
                Error("The child link of " + who + " refers to union " + std::to_string(c.parents) +
                          ", which does not exist.",
                      {c.child, c.parents});
            if (c.parents == kNoId && c.singleParent != kNoId && !m_people.count(c.singleParent))
                Error("The child link of " + who + " refers to parent " + P(c.singleParent) +
                          ", who does not exist.",
                      {c.child, c.singleParent});
            for (PersonId parent : ParentIds(c))
                m_parents[c.child].push_back(parent);
        }
        // One birth family; adoptive, foster and step parents besides, each once.
        for (const auto& c : m_f.children) {
            auto& links = byChild[c.child];
            if (links.size() < 2 || links.front() != &c)
                continue;
            int birth = 0;
            std::set<std::pair<UnionId, PersonId>> parents;
            bool twice = false;
            for (const ChildLink* l : links) {
                birth += l->kind == ChildKind::Biological ? 1 : 0;
                twice |= !parents.insert({l->parents, l->singleParent}).second;
            }
            if (birth > 1)
                Error(P(c.child) + " has " + std::to_string(birth) + " birth families.", {c.child});
            if (twice)
                Error(P(c.child) + " is linked twice to the same parents.", {c.child});
        }
    }

    std::vector<PersonId> ParentIds(const ChildLink& c) const {
        if (c.parents != kNoId) {
            auto it = m_unions.find(c.parents);
            if (it == m_unions.end())
                return {};
            std::vector<PersonId> out;
            for (PersonId p : {it->second->partnerA, it->second->partnerB})
                if (p != kNoId)
                    out.push_back(p);
            return out;
        }
        if (c.singleParent != kNoId)
            return {c.singleParent};
        return {};
    }

    /// Depth-first over child -> parent edges; a grey parent closes a cycle.
    void Cycles() {
        enum Color : std::uint8_t { White, Grey, Black };
        std::unordered_map<PersonId, Color> color;
        std::set<PersonId> reported;
        for (const auto& start : m_f.people) {
            if (color[start.id] != White)
                continue;
            std::vector<std::pair<PersonId, std::size_t>> stack{{start.id, 0}};
            color[start.id] = Grey;
            while (!stack.empty()) {
                auto& [person, next] = stack.back();
                const auto& parents = m_parents[person];
                if (next == parents.size()) {
                    color[person] = Black;
                    stack.pop_back();
                    continue;
                }
                PersonId parent = parents[next++];
                if (color[parent] == Grey) {
                    if (reported.insert(parent).second)
                        Error(P(parent) + " is their own ancestor.", {parent, person});
                } else if (color[parent] == White) {
                    color[parent] = Grey;
                    stack.push_back({parent, 0});
                }
            }
        }
    }

    void Relations() {
        for (const auto& r : m_f.relations) {
            for (PersonId p : {r.from, r.to})
                if (!m_people.count(p))
                    Error("Relation " + std::to_string(r.id) + " refers to " + P(p) +
                              ", who does not exist.",
                          {r.id, p});
            if (r.from == r.to)
                Error("Relation " + std::to_string(r.id) + " joins " + P(r.from) +
                          " to themselves.",
                      {r.id, r.from});
        }
    }

    void Households() {
        for (const auto& h : m_f.households) {
            std::set<PersonId> seen;
            for (PersonId m : h.members) {
                if (!m_people.count(m))
                    Error("Household " + std::to_string(h.id) + " lists " + P(m) +
                              ", who does not exist.",
                          {h.id, m});
                else if (!seen.insert(m).second)
                    Warning("Household " + std::to_string(h.id) + " lists " + P(m) + " twice.",
                            {h.id, m});
            }
        }
    }

    void People() {
        std::vector<Id> index;
        for (const auto& p : m_f.people)
            if (p.isIndex)
                index.push_back(p.id);
        if (index.empty())
            Warning("No one is marked as the client (index person).", {});
        else if (index.size() > 1)
            Warning(std::to_string(index.size()) + " people are marked as the client; there "
                                                   "should be one.",
                    index);
    }

    void Dates() {
        for (const auto& p : m_f.people)
            if (p.birth.Known() && p.death.Known() && CompareDates(p.death, p.birth) < 0)
                Warning(P(p.id) + " dies (" + std::to_string(p.death.year) +
                            ") before being born (" + std::to_string(p.birth.year) + ").",
                        {p.id});
        for (const auto& c : m_f.children) {
            auto child = m_people.find(c.child);
            if (child == m_people.end() || !child->second->birth.Known())
                continue;
            const FuzzyDate& born = child->second->birth;
            for (PersonId parentId : ParentIds(c)) {
                auto parent = m_people.find(parentId);
                if (parent == m_people.end() || !parent->second->birth.Known())
                    continue;
                const FuzzyDate& parentBorn = parent->second->birth;
                if (CompareDates(born, parentBorn) < 0)
                    Warning(P(c.child) + " is born (" + std::to_string(born.year) +
                                ") before their parent " + P(parentId) + " (" +
                                std::to_string(parentBorn.year) + ").",
                            {c.child, parentId});
                else if (born.year - parentBorn.year < 12 &&
                         (c.kind == ChildKind::Biological || c.kind == ChildKind::Step))
                    Warning(P(parentId) + " is only " +
                                std::to_string(born.year - parentBorn.year) +
                                " at the birth of their child " + P(c.child) + ".",
                            {parentId, c.child});
            }
        }
    }

    const Family& m_f;
    std::unordered_map<PersonId, const Person*> m_people;
    std::unordered_map<UnionId, const Union*> m_unions;
    std::unordered_map<PersonId, std::vector<PersonId>> m_parents;
    std::vector<Problem> m_errors;
    std::vector<Problem> m_warnings;
};

} // namespace

std::vector<Problem> Validate(const Family& family) {
    return Checker(family).Run();
}

bool IsStructurallySound(const Family& family) {
    for (const Problem& p : Validate(family))
        if (p.severity == Problem::Severity::Error)
            return false;
    return true;
}

} // namespace kartbok::genogram
