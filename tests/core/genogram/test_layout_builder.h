#pragma once
// Builds families directly in code for layout, scene and render tests (the
// commands are a separate concern with their own tests).

#include "kartbok/genogram/Family.h"
#include "kartbok/genogram/Layout.h"

#include <cmath>
#include <string>

namespace kartbok::genogram::testing {

class FamilyBuilder {
public:
    PersonId Man(const std::string& name, int born = 0) { return Add(Gender::Man, name, born); }
    PersonId Woman(const std::string& name, int born = 0) { return Add(Gender::Woman, name, born); }
    PersonId Add(Gender gender, const std::string& name, int born = 0,
                 PersonKind kind = PersonKind::Person) {
        Person p;
        p.id = family.NewId();
        p.gender = gender;
        p.kind = kind;
        p.givenNames = name;
        p.surname = "Testsson";
        if (born)
            p.birth = FuzzyDate::Year(born);
        family.people.push_back(p);
        return p.id;
    }
    UnionId Couple(PersonId a, PersonId b, int order = 0, UnionKind kind = UnionKind::Marriage) {
        Union u;
        u.id = family.NewId();
        u.partnerA = a;
        u.partnerB = b;
        u.kind = kind;
        u.order = order;
        family.unions.push_back(u);
        return u.id;
    }
    void Child(UnionId parents, PersonId child, int birthOrder,
               ChildKind kind = ChildKind::Biological, Id twinGroup = kNoId,
               TwinKind twin = TwinKind::None) {
        ChildLink c;
        c.child = child;
        c.parents = parents;
        c.birthOrder = birthOrder;
        c.kind = kind;
        c.twinGroup = twinGroup;
        c.twinKind = twin;
        family.children.push_back(c);
    }
    void ChildOfOne(PersonId parent, PersonId child, int birthOrder) {
        ChildLink c;
        c.child = child;
        c.singleParent = parent;
        c.birthOrder = birthOrder;
        family.children.push_back(c);
    }
    Person& P(PersonId id) { return *family.FindPerson(id); }

    Family family;
};

inline bool IsLevel(const Layout& l, PersonId a, PersonId b) {
    return l.people.at(a).y == l.people.at(b).y;
}
inline bool IsBelow(const Layout& l, PersonId child, PersonId parent) {
    return l.people.at(child).y > l.people.at(parent).y;
}
inline bool LeftOf(const Layout& l, PersonId a, PersonId b) {
    return l.people.at(a).x < l.people.at(b).x;
}

/// Every pair of symbols on one level keeps symbol size + gap between centres.
inline bool NoOverlaps(const Layout& l, const LayoutOptions& o = {}) {
    for (auto a = l.people.begin(); a != l.people.end(); ++a)
        for (auto b = std::next(a); b != l.people.end(); ++b)
            if (a->second.y == b->second.y &&
                std::abs(a->second.x - b->second.x) < o.symbolSize + o.minGap - 1e-6)
                return false;
    return true;
}

} // namespace kartbok::genogram::testing
