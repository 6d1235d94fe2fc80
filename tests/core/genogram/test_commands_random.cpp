// A long random editing session, undone step by step: every intermediate
// family must come back exactly, and no command may ever leave the family
// structurally broken (Validate finds no Error at any point).

#include "kartbok/genogram/Commands.h"
#include "kartbok/genogram/Scaffold.h"
#include "kartbok/genogram/Validate.h"

#include <catch2/catch.hpp>

#include <random>

using namespace kartbok::genogram;

namespace {

class Session {
public:
    explicit Session(std::uint32_t seed) : m_rnd(seed) {}

    CommandPtr Next(const Family& f) {
        Person p;
        p.givenNames = "P" + std::to_string(m_counter++);
        p.gender = static_cast<Gender>(Below(4));
        p.birth = FuzzyDate::Year(1900 + Below(120));
        const int kind = Below(18);
        if (CommandPtr c = kind < 10 ? PersonEdit(kind, f, p) : LinkEdit(kind, f, p))
            return c;
        return std::make_unique<AddPerson>(p);
    }

private:
    /// Kinds 0-9: people, their fields and relations.
    CommandPtr PersonEdit(int kind, const Family& f, const Person& p) {
        auto person = [&] { return Pick(f.people).id; };
        switch (kind) {
        case 0:
            return std::make_unique<AddParent>(person(), static_cast<Gender>(Below(3)), p);
        case 1:
            return std::make_unique<AddPartner>(person(), p, static_cast<UnionKind>(Below(5)));
        case 2:
            if (!f.unions.empty())
                return std::make_unique<AddChild>(Pick(f.unions).id, p,
                                                  static_cast<ChildKind>(Below(4)));
            return std::make_unique<AddChild>(person(), p);
        case 3:
            return std::make_unique<AddSibling>(person(), p);
        case 4:
            return std::make_unique<RemovePerson>(person());
        case 5: {
            Person edit = Pick(f.people);
            edit.surname = "S" + std::to_string(m_counter++);
            edit.deceased = Below(2) == 0;
            return std::make_unique<SetPerson>(edit.id, edit);
        }
        case 6:
            return std::make_unique<Nudge>(person(), Below(41) - 20);
        case 7:
            return std::make_unique<ResetLayout>();
        case 8:
            return std::make_unique<SetIndexPerson>(person());
        default: { // 9
            Relation r;
            r.from = person();
            r.to = person(); // sometimes the same: must be refused cleanly
            r.kind = static_cast<RelationKind>(Below(15));
            return std::make_unique<AddRelation>(r);
        }
        }
    }

    /// Kinds 10-17: links, households, twins and a composite; nullptr when
    /// the family has nothing to link yet.
    CommandPtr LinkEdit(int kind, const Family& f, const Person& p) {
        auto person = [&] { return Pick(f.people).id; };
        switch (kind) {
        case 10:
            if (!f.relations.empty())
                return std::make_unique<RemoveRelation>(Pick(f.relations).id);
            break;
        case 11: {
            Household h;
            h.members = {person(), person()};
            return std::make_unique<AddHousehold>(h);
        }
        case 12:
            if (!f.children.empty()) {
                const ChildLink& c = Pick(f.children);
                return std::make_unique<MoveChild>(c.child, Below(3));
            }
            break;
        case 13:
            if (!f.children.empty() && !f.unions.empty()) {
                ChildLink c = Pick(f.children);
                c.parents = Pick(f.unions).id; // may form a cycle: must be refused
                c.singleParent = kNoId;
                return std::make_unique<SetChildLink>(c.child, c);
            }
            break;
        case 14:
            if (!f.unions.empty()) {
                Union u = Pick(f.unions);
                u.events.push_back({UnionEventKind::Separated, 1950 + Below(70)});
                return std::make_unique<SetUnion>(u.id, u);
            }
            break;
        case 15:
            if (f.children.size() >= 2) {
                const ChildLink& a = Pick(f.children);
                const ChildLink& b = Pick(f.children); // often of other parents: refused
                return std::make_unique<SetTwins>(std::vector<PersonId>{a.child, b.child},
                                                  static_cast<TwinKind>(Below(3)));
            }
            break;
        case 16:
            if (!f.unions.empty()) {
                ChildLink extra;
                extra.parents = Pick(f.unions).id;
                extra.kind = static_cast<ChildKind>(Below(4)); // a second birth family: refused
                return std::make_unique<AddChildLink>(person(), extra);
            }
            break;
        default: {
            auto composite = std::make_unique<CompositeCommand>("two edits");
            composite->Add(std::make_unique<AddPartner>(person(), p));
            composite->Add(std::make_unique<RemovePerson>(person()));
            return composite;
        }
        }
        return nullptr;
    }

    int Below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_rnd); }
    template <class T> const T& Pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(Below(static_cast<int>(v.size())))];
    }

    std::mt19937 m_rnd;
    int m_counter = 0;
};

} // namespace

TEST_CASE("a long random session reverts step by step to the start", "[commands]") {
    for (std::uint32_t seed : {1u, 2u, 3u}) {
        Session session(seed);
        Family family = Scaffold("Klient", Gender::Woman);
        std::vector<std::pair<CommandPtr, Family>> done;
        int refused = 0;
        for (int step = 0; step < 600; ++step) {
            if (family.people.empty())
                break;
            CommandPtr cmd = session.Next(family);
            Family before = family;
            try {
                cmd->Apply(family);
            } catch (const CommandError&) {
                ++refused;
                REQUIRE(family == before);
                continue;
            }
            INFO(cmd->Describe() << ": "
                                 << (Validate(family).empty() ? "" : Validate(family)[0].message));
            REQUIRE(IsStructurallySound(family));
            done.emplace_back(std::move(cmd), std::move(before));
        }
        INFO("seed " << seed << ", applied " << done.size() << ", refused " << refused);
        CHECK(done.size() > 300);
        CHECK(refused > 0);
        for (auto it = done.rbegin(); it != done.rend(); ++it) {
            it->first->Revert(family);
            REQUIRE(family == it->second);
        }
        CHECK(family == Scaffold("Klient", Gender::Woman));
    }
}
