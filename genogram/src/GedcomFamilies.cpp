// FAM records: couples, their events and their children. A couple met in
// two FAM records (married, divorced, married again) is one union.

#include "GedcomImporter.h"

#include "kartbok/genogram/UnionEvents.h"

#include <algorithm>
#include <tuple>

namespace kartbok::genogram::gedcom {

PersonId Importer::PartnerOf(const Node& n) {
    std::string_view ptr = Pointer(n.value);
    if (ptr == "@VOID@")
        return kNoId;
    auto it = ptr.empty() ? m_personByXref.end() : m_personByXref.find(ptr);
    if (it == m_personByXref.end()) {
        m_warn.Add(n.line, ptr.empty()
                               ? std::string(n.tag) + " without a person pointer; skipped"
                               : "person " + ShownXref(ptr) + " is not in the file; skipped");
        return kNoId;
    }
    return it->second;
}

void Importer::ReadFamily(const Node& rec) {
    PersonId husband = kNoId, wife = kNoId;
    std::vector<const Node*> kids, events, unknown;
    bool married = false, engaged = false;
    ForEachChild(m_tree, rec, [&](const Node& c) {
        if (SkipBookkeeping(c))
            return;
        if (c.tag == "HUSB" || c.tag == "WIFE") {
            PersonId& slot = c.tag == "HUSB" ? husband : wife;
            PersonId who = PartnerOf(c);
            if (who != kNoId && slot != kNoId)
                m_warn.Add(c.line, "a second " + std::string(c.tag) + " in the family; skipped");
            else if (who != kNoId)
                slot = who;
        } else if (c.tag == "CHIL") {
            kids.push_back(&c);
        } else if (c.tag == "MARR" || c.tag == "DIV" || c.tag == "DIVF" || c.tag == "ANUL" ||
                   c.tag == "ENGA" || c.tag == "_SEPR") {
            married |= c.tag == "MARR";
            engaged |= c.tag == "ENGA";
            events.push_back(&c);
        } else if (c.tag != "NCHI" && c.tag != "FAMS") {
            unknown.push_back(&c);
        }
    });
    if (husband != kNoId && husband == wife) {
        m_warn.Add(rec.line, "the same person is both partners of a family; one was dropped");
        wife = kNoId;
    }
    FamilyParents parents;
    Person* keeper = PersonById(husband != kNoId ? husband : wife);
    if (husband != kNoId && wife != kNoId) {
        parents.parents = ReadCouple(husband, wife, events, married, engaged, *keeper);
    } else {
        parents.single = husband != kNoId ? husband : wife;
        if (keeper)
            for (const Node* e : events)
                KeepUnknown(*keeper, *e, "FAM." + std::string(e->tag));
    }
    for (const Node* n : unknown) {
        if (keeper)
            KeepUnknown(*keeper, *n, "FAM." + std::string(n->tag));
        else
            m_warn.Add(n->line, "family data without partners is not imported");
    }
    if (parents.parents == kNoId && parents.single == kNoId && !kids.empty())
        m_warn.Add(rec.line, "family " + ShownXref(rec.xref) +
                                 " has no partners in the file; its children have no parents");
    for (const Node* k : kids)
        AddChildLink(PartnerOf(*k), *k, rec.xref, parents);
    if (!rec.xref.empty())
        m_famParents[rec.xref] = std::move(parents);
}

UnionId Importer::ReadCouple(PersonId husband, PersonId wife,
                             const std::vector<const Node*>& events, bool married, bool engaged,
                             Person& keeper) {
    // A couple met before (married again, or split over two records) stays one union.
    UnionId existing = CoupleUnion(husband, wife);
    Union fresh;
    Union& u = existing != kNoId ? *m_family.FindUnion(existing) : fresh;
    if (existing == kNoId) {
        u.id = m_family.NewId();
        u.partnerA = husband;
        u.partnerB = wife;
        u.order = m_unionOrder++;
        u.kind = !married && engaged ? UnionKind::Engagement : UnionKind::Marriage;
    } else if (married) {
        u.kind = UnionKind::Marriage;
    }
    for (const Node* e : events) {
        UnionEvent ev;
        ev.kind = e->tag == "MARR"                      ? UnionEventKind::Married
                  : e->tag == "ENGA"                    ? UnionEventKind::Engaged
                  : e->tag == "DIV" || e->tag == "ANUL" ? UnionEventKind::Divorced
                                                        : UnionEventKind::Separated;
        FuzzyDate d = DateOf(*e, keeper, "FAM." + std::string(e->tag));
        ev.year = d.year;
        u.events.push_back(ev); // file order; sorted by year once the record is read
    }
    SortEvents(u.events);
    const UnionId id = u.id;
    if (existing == kNoId) {
        m_couples[std::minmax(husband, wife)] = id;
        m_family.unions.push_back(std::move(u));
    }
    return id;
}

void Importer::AddChildLink(PersonId child, const Node& at, std::string_view fam,
                            FamilyParents& parents) {
    if (child == kNoId || (parents.parents == kNoId && parents.single == kNoId))
        return;
    if (!parents.children.insert(child).second) {
        m_warn.Add(at.line, "the same child is listed twice in a family; skipped");
        return;
    }
    PendingLink p;
    p.link.child = child;
    p.link.parents = parents.parents;
    p.link.singleParent = parents.parents == kNoId ? parents.single : kNoId;
    // Entry order runs on across every record of the same parents.
    p.link.birthOrder =
        m_nextBirthOrder[parents.parents != kNoId ? parents.parents : parents.single]++;
    for (const FamcRef& ref : m_famc[child])
        if (ref.fam == fam)
            p.link.kind = ref.kind;
    p.fam = fam;
    p.line = at.line;
    m_links.push_back(p);
}

/// A FAMC the family's CHIL lines do not mention still links the child.
void Importer::LinkFamcOnly() {
    for (const auto& [index, node] : m_indi) {
        PersonId id = m_family.people[index].id;
        for (const FamcRef& ref : m_famc[id]) {
            auto it = m_famParents.find(ref.fam);
            if (it == m_famParents.end() || it->second.children.count(id))
                continue;
            Node at;
            at.line = ref.line;
            AddChildLink(id, at, ref.fam, it->second);
        }
    }
}

UnionId Importer::CoupleUnion(PersonId a, PersonId b) const {
    auto it = m_couples.find(std::minmax(a, b));
    return it == m_couples.end() ? kNoId : it->second;
}

void Importer::MarkTwins() {
    // Who is whose sibling: the parents of each child's link (dropped ones excluded).
    std::unordered_map<PersonId, std::vector<ChildLink*>> links;
    for (ChildLink& c : m_family.children)
        links[c.child].push_back(&c);
    auto sameParents = [](const ChildLink* a, const ChildLink* b) {
        return a->parents == b->parents && a->singleParent == b->singleParent;
    };
    auto shared = [&](PersonId a, PersonId b) -> std::pair<ChildLink*, ChildLink*> {
        for (ChildLink* x : links[a])
            for (ChildLink* y : links[b])
                if (sameParents(x, y))
                    return {x, y};
        return {nullptr, nullptr};
    };
    for (const TwinRef& t : m_twins) {
        auto other = m_personByXref.find(t.other);
        if (other == m_personByXref.end() || other->second == t.person) {
            m_warn.Add(t.line, "the twin named here is not a person in the file; skipped");
            continue;
        }
        auto [a, b] = shared(t.person, other->second);
        if (!a) {
            m_warn.Add(t.line, "the twin named here is not a sibling in the file; skipped");
            continue;
        }
        Id group = a->twinGroup != kNoId ? a->twinGroup : b->twinGroup;
        if (group == kNoId)
            group = m_family.NewId();
        for (ChildLink* l : {a, b}) {
            Id old = l->twinGroup;
            for (ChildLink& c : m_family.children) // joining two groups makes triplets
                if (old != kNoId && c.twinGroup == old)
                    c.twinGroup = group;
            l->twinGroup = group;
            if (l->twinKind != TwinKind::Identical)
                l->twinKind = t.kind;
        }
    }
    // Siblings born on the same full date are offered as twins, not made twins:
    // a file may carry a placeholder date.
    std::map<std::tuple<UnionId, PersonId, long>, std::vector<PersonId>> sameDay;
    for (const ChildLink& c : m_family.children) {
        const Person* p = PersonById(c.child);
        if (c.twinGroup == kNoId && p && p->birth.precision == DatePrecision::Full)
            sameDay[{c.parents, c.singleParent, p->birth.SortKey()}].push_back(c.child);
    }
    std::unordered_map<PersonId, std::string_view> xrefOf;
    for (const auto& [xref, id] : m_personByXref)
        xrefOf[id] = xref;
    for (auto& [key, kids] : sameDay) {
        if (kids.size() < 2)
            continue;
        m_result.possibleTwins.push_back(kids);
        std::string who;
        for (PersonId k : kids)
            who += (who.empty() ? "" : " and ") + ShownXref(xrefOf[k]);
        m_warn.AddFileLevel("siblings " + who +
                            " share a birth date: twins? (mark them as twins in the app)");
    }
}

} // namespace kartbok::genogram::gedcom
