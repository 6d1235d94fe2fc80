#include "kartbok/genogram/Roles.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>
#include <vector>

namespace kartbok::genogram {
namespace {

class RoleFinder {
public:
    RoleFinder(const Family& family, bool sv) : m_family(family), m_sv(sv) {}

    std::map<PersonId, std::string> Run(PersonId index);

private:
    /// Picks a word by gender: man, woman, anyone else.
    const std::string& G(PersonId p, const std::string& man, const std::string& woman,
                         const std::string& other) const {
        const Person* person = m_family.FindPerson(p);
        if (!person)
            return other;
        return person->gender == Gender::Man     ? man
               : person->gender == Gender::Woman ? woman
                                                 : other;
    }
    std::string T(const char* sv, const char* en) const { return m_sv ? sv : en; }
    void Set(PersonId p, const std::string& role) {
        if (p != kNoId && m_family.FindPerson(p) && !m_roles.count(p))
            m_roles[p] = role;
    }
    std::vector<PersonId> Parents(PersonId p) const {
        auto [a, b] = m_family.ParentsOf(p);
        std::vector<PersonId> out;
        for (PersonId x : {a, b})
            if (x != kNoId)
                out.push_back(x);
        return out;
    }
    std::vector<const ChildLink*> ChildLinks(PersonId p) const {
        std::vector<const ChildLink*> out;
        for (const ChildLink& c : m_family.children) {
            if (m_family.ChildLinkOf(c.child) != &c)
                continue; // a second link of the same child: the first one counts
            const Union* u = c.parents != kNoId ? m_family.FindUnion(c.parents) : nullptr;
            if ((u && (u->partnerA == p || u->partnerB == p)) || (!u && c.singleParent == p))
                out.push_back(&c);
        }
        return out;
    }
    std::vector<PersonId> Children(PersonId p) const {
        std::vector<PersonId> out;
        for (const ChildLink* c : ChildLinks(p))
            out.push_back(c->child);
        return out;
    }
    std::vector<std::pair<PersonId, const Union*>> Partners(PersonId p) const {
        std::vector<std::pair<PersonId, const Union*>> out;
        for (UnionId id : m_family.UnionsOf(p))
            if (const Union* u = m_family.FindUnion(id))
                out.push_back({u->partnerA == p ? u->partnerB : u->partnerA, u});
        return out;
    }
    /// Other children of p's parents: (sibling, shares both parents).
    std::vector<std::pair<PersonId, bool>> Siblings(PersonId p) const {
        std::vector<std::pair<PersonId, bool>> out;
        std::vector<PersonId> mine = Parents(p);
        std::set<PersonId> seen{p};
        for (PersonId parent : mine)
            for (PersonId c : Children(parent)) {
                if (!seen.insert(c).second)
                    continue;
                std::vector<PersonId> theirs = Parents(c);
                bool full = mine.size() == 2 && theirs.size() == 2 &&
                            std::is_permutation(mine.begin(), mine.end(), theirs.begin());
                out.push_back({c, full});
            }
        return out;
    }
    std::string ChildRole(PersonId child, const ChildLink* link) const;
    std::string PartnerRole(PersonId partner, const Union& u) const;

    /// The side of the family a parent stands for (by the parent's gender).
    enum class Side { Mother, Father, Unknown };
    Side SideOf(PersonId parent) const;

    // The steps of Run, closest relations first.
    void AddParents(PersonId index);        ///< parents (adoptive, foster) and birth parents
    void AddParentsFamily(PersonId parent); ///< grandparents, aunts, uncles and cousins on a side
    void AddOwnFamily(PersonId index);      ///< partners, in-laws, children, grandchildren
    void AddSiblings(PersonId index);       ///< (half-)siblings, their partners and children
    void AddStepFamily(PersonId index);     ///< step-parents and step-siblings
    void AddPartnersOfAuntsAndUncles();
    /// The roles found, numbered where one occurs more than once.
    std::map<PersonId, std::string> Numbered() const;

    const Family& m_family;
    bool m_sv;
    std::map<PersonId, std::string> m_roles;
};

std::string RoleFinder::ChildRole(PersonId child, const ChildLink* link) const {
    const Person* p = m_family.FindPerson(child);
    switch (p ? p->kind : PersonKind::Person) {
    case PersonKind::Pregnancy:
        return T("Graviditet", "Pregnancy");
    case PersonKind::Miscarriage:
        return T("Missfall", "Miscarriage");
    case PersonKind::Abortion:
        return T("Abort", "Abortion");
    case PersonKind::Stillbirth:
        return T("Dödfödd", "Stillbirth");
    default:
        break;
    }
    ChildKind kind = link ? link->kind : ChildKind::Biological;
    if (kind == ChildKind::Adopted)
        return G(child, T("Adoptivson", "Adopted son"), T("Adoptivdotter", "Adopted daughter"),
                 T("Adoptivbarn", "Adopted child"));
    if (kind == ChildKind::Foster)
        return G(child, T("Fosterson", "Foster son"), T("Fosterdotter", "Foster daughter"),
                 T("Fosterbarn", "Foster child"));
    if (kind == ChildKind::Step)
        return G(child, T("Styvson", "Stepson"), T("Styvdotter", "Stepdaughter"),
                 T("Styvbarn", "Stepchild"));
    return G(child, T("Son", "Son"), T("Dotter", "Daughter"), T("Barn", "Child"));
}

std::string RoleFinder::PartnerRole(PersonId partner, const Union& u) const {
    bool former = u.Separated();
    switch (u.kind) {
    case UnionKind::Marriage:
        if (former)
            return G(partner, T("Exmake", "Ex-husband"), T("Exfru", "Ex-wife"),
                     T("Tidigare make/maka", "Ex-spouse"));
        return G(partner, T("Make", "Husband"), T("Fru", "Wife"), T("Make/maka", "Spouse"));
    case UnionKind::Cohabitation:
        return former ? T("Tidigare sambo", "Former partner") : T("Sambo", "Partner");
    case UnionKind::Engagement:
        return former ? T("Tidigare partner", "Former partner")
                      : G(partner, T("Fästman", "Fiancé"), T("Fästmö", "Fiancée"),
                          T("Förlovad", "Fiancé(e)"));
    case UnionKind::Dating:
        return former ? T("Tidigare partner", "Former partner") : T("Partner", "Partner");
    case UnionKind::Affair:
        return T("Affär", "Affair partner");
    }
    return T("Partner", "Partner");
}

std::map<PersonId, std::string> RoleFinder::Run(PersonId index) {
    // Set() keeps the first role a person gets: closer relations come first.
    if (m_family.FindPerson(index)) {
        Set(index, T("Klient", "Client"));
        AddParents(index);
        for (PersonId parent : Parents(index))
            AddParentsFamily(parent);
        AddOwnFamily(index);
        AddSiblings(index);
        AddStepFamily(index);
        AddPartnersOfAuntsAndUncles();
    }
    for (const Person& p : m_family.people)
        if (p.kind == PersonKind::SignificantOther)
            Set(p.id, T("Betydelsefull person", "Significant other"));
    return Numbered();
}

void RoleFinder::AddParents(PersonId index) {
    const ChildLink* own = m_family.ChildLinkOf(index);
    std::string prefix = !own                              ? ""
                         : own->kind == ChildKind::Adopted ? T("Adoptiv", "Adoptive ")
                         : own->kind == ChildKind::Foster  ? T("Foster", "Foster ")
                                                           : "";
    // "Adoptivmor", "Adoptive mother": the prefix takes the capital.
    auto lower = [&](std::string s) {
        if (!prefix.empty() && !s.empty())
            s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
        return prefix + s;
    };
    for (PersonId parent : Parents(index))
        Set(parent,
            lower(G(parent, T("Far", "Father"), T("Mor", "Mother"), T("Förälder", "Parent"))));
    // An adopted or fostered client's birth parents, on the map as well.
    for (const ChildLink* other : m_family.ChildLinksOf(index)) {
        if (other == own || other->kind != ChildKind::Biological)
            continue;
        const Union* u = other->parents != kNoId ? m_family.FindUnion(other->parents) : nullptr;
        for (PersonId parent : u ? std::vector<PersonId>{u->partnerA, u->partnerB}
                                 : std::vector<PersonId>{other->singleParent})
            Set(parent,
                G(parent, T("Biologisk far", "Birth father"), T("Biologisk mor", "Birth mother"),
                  T("Biologisk förälder", "Birth parent")));
    }
}

RoleFinder::Side RoleFinder::SideOf(PersonId parent) const {
    const Person* p = m_family.FindPerson(parent);
    return !p                           ? Side::Unknown
           : p->gender == Gender::Woman ? Side::Mother
           : p->gender == Gender::Man   ? Side::Father
                                        : Side::Unknown;
}

void RoleFinder::AddParentsFamily(PersonId parent) {
    const Side side = SideOf(parent);
    // Grandparents and great-grandparents, by side of the family.
    for (PersonId gp : Parents(parent)) {
        if (side == Side::Mother)
            Set(gp, G(gp, T("Morfar", "Maternal grandfather"), T("Mormor", "Maternal grandmother"),
                      T("Morförälder", "Maternal grandparent")));
        else if (side == Side::Father)
            Set(gp, G(gp, T("Farfar", "Paternal grandfather"), T("Farmor", "Paternal grandmother"),
                      T("Farförälder", "Paternal grandparent")));
        else
            Set(gp, G(gp, T("Morfar/farfar", "Grandfather"), T("Mormor/farmor", "Grandmother"),
                      T("Mor-/farförälder", "Grandparent")));
        for (PersonId ggp : Parents(gp))
            Set(ggp,
                G(ggp, T("Gammelfar", "Great-grandfather"), T("Gammelmor", "Great-grandmother"),
                  T("Gammelförälder", "Great-grandparent")));
    }
    // Aunts and uncles, and their children.
    for (auto [aunt, full] : Siblings(parent)) {
        (void)full;
        std::string role =
            side == Side::Mother
                ? G(aunt, T("Morbror", "Maternal uncle"), T("Moster", "Maternal aunt"),
                    T("Mors syskon", "Mother's sibling"))
            : side == Side::Father
                ? G(aunt, T("Farbror", "Paternal uncle"), T("Faster", "Paternal aunt"),
                    T("Fars syskon", "Father's sibling"))
                : G(aunt, T("Farbror/morbror", "Uncle"), T("Faster/moster", "Aunt"),
                    T("Förälders syskon", "Parent's sibling"));
        Set(aunt, role);
        for (PersonId cousin : Children(aunt))
            Set(cousin, T("Kusin", "Cousin"));
    }
}

void RoleFinder::AddOwnFamily(PersonId index) {
    for (auto [partner, u] : Partners(index)) {
        Set(partner, PartnerRole(partner, *u));
        for (PersonId pp : Parents(partner))
            Set(pp, G(pp, T("Svärfar", "Father-in-law"), T("Svärmor", "Mother-in-law"),
                      T("Svärförälder", "Parent-in-law")));
    }
    for (const ChildLink* c : ChildLinks(index)) {
        Set(c->child, ChildRole(c->child, c));
        for (PersonId gc : Children(c->child))
            Set(gc, T("Barnbarn", "Grandchild"));
    }
    // Partners' children from other unions.
    for (auto [partner, u] : Partners(index)) {
        (void)u;
        for (PersonId c : Children(partner))
            Set(c, G(c, T("Styvson", "Stepson"), T("Styvdotter", "Stepdaughter"),
                     T("Styvbarn", "Stepchild")));
    }
}

void RoleFinder::AddSiblings(PersonId index) {
    for (auto [sib, full] : Siblings(index)) {
        const Person* p = m_family.FindPerson(sib);
        if (p && p->kind != PersonKind::Person && p->kind != PersonKind::SignificantOther) {
            Set(sib, ChildRole(sib, m_family.ChildLinkOf(sib)));
            continue;
        }
        Set(sib, full ? G(sib, T("Bror", "Brother"), T("Syster", "Sister"), T("Syskon", "Sibling"))
                      : G(sib, T("Halvbror", "Half-brother"), T("Halvsyster", "Half-sister"),
                          T("Halvsyskon", "Half-sibling")));
        for (auto [partner, u] : Partners(sib)) {
            (void)u;
            Set(partner, G(partner, T("Svåger", "Brother-in-law"), T("Svägerska", "Sister-in-law"),
                           T("Syskons partner", "Sibling's partner")));
        }
        bool brother = G(sib, "b", "s", "?") == "b";
        for (const ChildLink* c : ChildLinks(sib))
            Set(c->child, m_sv ? G(c->child, brother ? "Brorson" : "Systerson",
                                   brother ? "Brorsdotter" : "Systerdotter", "Syskonbarn")
                               : G(c->child, "Nephew", "Niece", "Sibling's child"));
    }
}

void RoleFinder::AddStepFamily(PersonId index) {
    std::vector<PersonId> parents = Parents(index);
    for (PersonId parent : parents)
        for (auto [partner, u] : Partners(parent)) {
            (void)u;
            if (std::find(parents.begin(), parents.end(), partner) != parents.end())
                continue;
            Set(partner, G(partner, T("Styvfar", "Stepfather"), T("Styvmor", "Stepmother"),
                           T("Styvförälder", "Step-parent")));
            for (PersonId c : Children(partner))
                Set(c, G(c, T("Styvbror", "Stepbrother"), T("Styvsyster", "Stepsister"),
                         T("Styvsyskon", "Step-sibling")));
        }
}

void RoleFinder::AddPartnersOfAuntsAndUncles() {
    std::map<PersonId, std::string> snapshot = m_roles;
    for (const auto& [id, role] : snapshot)
        for (auto [partner, u] : Partners(id)) {
            (void)u;
            if (role == T("Moster", "Maternal aunt") || role == T("Faster", "Paternal aunt") ||
                role == T("Morbror", "Maternal uncle") || role == T("Farbror", "Paternal uncle"))
                Set(partner, m_sv ? role + "s partner" : role + "'s partner");
        }
}

std::map<PersonId, std::string> RoleFinder::Numbered() const {
    // Number roles that occur more than once, oldest first; the rest are "Person n".
    std::map<std::string, std::vector<const Person*>> byRole;
    std::vector<const Person*> unnamed;
    for (const Person& p : m_family.people) {
        auto it = m_roles.find(p.id);
        if (it == m_roles.end())
            unnamed.push_back(&p);
        else
            byRole[it->second].push_back(&p);
    }
    auto byAge = [](const Person* a, const Person* b) {
        int ya = a->birth.Known() ? a->birth.year : 99999,
            yb = b->birth.Known() ? b->birth.year : 99999;
        return std::tie(ya, a->id) < std::tie(yb, b->id);
    };
    std::map<PersonId, std::string> out;
    for (auto& [role, people] : byRole) {
        std::sort(people.begin(), people.end(), byAge);
        for (std::size_t i = 0; i < people.size(); ++i)
            out[people[i]->id] = people.size() == 1 ? role : role + " " + std::to_string(i + 1);
    }
    for (std::size_t i = 0; i < unnamed.size(); ++i)
        out[unnamed[i]->id] = "Person " + std::to_string(i + 1);
    return out;
}

} // namespace

std::map<PersonId, std::string> RoleNames(const Family& family, PersonId index,
                                          const std::string& language) {
    return RoleFinder(family, language != "en").Run(index);
}

} // namespace kartbok::genogram
